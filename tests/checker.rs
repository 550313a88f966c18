//! The data authors' checker, run as a command.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn check(files: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_trd-evidence-check"))
        .args(files)
        .output()
        .expect("the checker runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn the_bundled_file_is_valid() {
    let (code, out) = check(&[concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/trd-evidence.json"
    )]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("valid — 16 options, 149 findings, 250 citations"),
        "{out}"
    );
}

#[test]
fn a_broken_file_lists_every_problem_and_exits_1() {
    let dir = std::env::temp_dir().join(format!("trd-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.json");
    let mut tree: serde_json::Value = serde_json::from_str(trd_evidence::BUNDLED_DATA).unwrap();
    tree["options"][8]["findings"][0]["value"]["percent"] = serde_json::json!(129.3);
    tree["options"][4]["findings"][7]["citations"][0] = serde_json::json!("NOPE");
    std::fs::write(&path, tree.to_string()).unwrap();
    let (code, out) = check(&[path.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("options[8].findings[0].value.percent: a percentage must be between 0 and 100, found 129.3"),
        "{out}"
    );
    assert!(
        out.contains("options[4].findings[7].citations[0]: unknown citation id \"NOPE\""),
        "{out}"
    );
    let (code, out) = check(&["/no/such/file.json"]);
    assert_eq!(code, 1);
    assert!(out.contains("cannot be read"), "{out}");
}

#[test]
fn no_arguments_is_a_usage_error() {
    assert_eq!(check(&[]).0, 2);
}
