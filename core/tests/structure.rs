//! The shape of the code, kept by tests: the core stays free of web crates, its modules depend
//! on each other one way only, every sentence comes from the catalogue and every message there
//! is used, and the loader script observes exactly the attributes the core reads.

mod common;

use common::W;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use trd_core::settings::{Settings, ATTRIBUTES};
use trd_core::words::{placeholders, Lang, Words};

const CORE: &str = env!("CARGO_MANIFEST_DIR");

fn workspace() -> PathBuf {
    Path::new(CORE).join("..")
}

/// Every `.rs` file under `dir`, with its text.
fn rust_files(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((path, text));
        }
    }
    out
}

// ---- No web crate in the core ---------------------------------------------------------------

const WEB_CRATES: [&str; 5] = ["yew", "web-sys", "gloo", "js-sys", "wasm-bindgen"];

fn is_web_crate(name: &str) -> bool {
    WEB_CRATES
        .iter()
        .any(|web| name == *web || name.starts_with(&format!("{web}-")))
}

/// The machine's own target, e.g. x86_64-unknown-linux-gnu.
fn host_triple() -> String {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let out = Command::new(rustc).arg("-vV").output().expect("rustc runs");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_string))
        .expect("rustc names its host")
}

fn metadata(platform: &str) -> serde_json::Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--offline",
            "--filter-platform",
            platform,
        ])
        .current_dir(workspace())
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_core_depends_on_no_web_crate() {
    let host = metadata(&host_triple());
    let packages = host["packages"].as_array().unwrap();
    let core = packages
        .iter()
        .find(|p| p["name"] == "trd-evidence-core")
        .unwrap();
    // Its own declared dependencies, for every target (the compiler then keeps web APIs out of
    // its code, wasm included).
    let declared: Vec<&str> = core["dependencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert!(declared.contains(&"plotters"), "{declared:?}");
    for name in &declared {
        assert!(!is_web_crate(name), "the core declares {name}");
    }
    // Everything it pulls in, natively (so the checker builds without any web crate).
    let nodes = host["resolve"]["nodes"].as_array().unwrap();
    let name_of = |id: &str| {
        packages
            .iter()
            .find(|p| p["id"] == id)
            .map(|p| p["name"].as_str().unwrap().to_string())
            .unwrap()
    };
    let mut todo = vec![core["id"].as_str().unwrap().to_string()];
    let mut seen = BTreeSet::new();
    while let Some(id) = todo.pop() {
        if !seen.insert(id.clone()) {
            continue;
        }
        let node = nodes.iter().find(|n| n["id"] == id.as_str()).unwrap();
        for dep in node["deps"].as_array().unwrap() {
            let normal = dep["dep_kinds"]
                .as_array()
                .unwrap()
                .iter()
                .any(|k| k["kind"].is_null());
            if normal {
                todo.push(dep["pkg"].as_str().unwrap().to_string());
            }
        }
    }
    let names: Vec<String> = seen.iter().map(|id| name_of(id)).collect();
    let web: Vec<&String> = names.iter().filter(|n| is_web_crate(n)).collect();
    assert!(web.is_empty(), "the core pulls in {web:?}");
    assert!(
        names.len() < 60,
        "the core stays small: {} crates",
        names.len()
    );
}

// ---- Modules depend on each other one way ---------------------------------------------------

/// The core's modules, lowest first: each may use only modules of lower layers.
const LAYERS: [&[&str]; 9] = [
    &["model", "json_path"],
    &["words"],
    &["validate"],
    &["load"],
    &["state"],
    &["view_model"],
    &["chart"],
    &["icon_array", "export", "slides"],
    &["settings"],
];

fn layer(module: &str) -> usize {
    LAYERS
        .iter()
        .position(|l| l.contains(&module))
        .unwrap_or_else(|| panic!("module {module} is in no layer of this test"))
}

#[test]
fn core_modules_depend_on_each_other_one_way() {
    let src = Path::new(CORE).join("src");
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, text) in rust_files(&src) {
        let relative = path.strip_prefix(&src).unwrap();
        let module = relative
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if module == "lib" || module == "bin" {
            continue;
        }
        for (i, _) in text.match_indices("crate::") {
            let after = &text[i + "crate::".len()..];
            let used: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if used != module && !used.is_empty() {
                uses.entry(module.clone()).or_default().insert(used);
            }
        }
    }
    assert!(uses.len() >= 8, "{uses:?}");
    for (module, used) in &uses {
        for other in used {
            assert!(
                layer(other) < layer(module),
                "{module} uses {other}: dependencies point from higher layers to lower ones only"
            );
        }
    }
}

// ---- One catalogue of words -----------------------------------------------------------------

#[test]
fn every_language_has_every_message_with_the_same_blanks() {
    let english = Words::new(Lang::En).t().entries();
    for lang in Lang::ALL {
        let entries = Words::new(lang).t().entries();
        assert_eq!(entries.len(), english.len());
        for ((key, text), (_, en)) in entries.iter().zip(&english) {
            assert!(!text.trim().is_empty(), "{lang:?} {key} is empty");
            let mut mine = placeholders(text);
            let mut theirs = placeholders(en);
            mine.sort();
            theirs.sort();
            if *key == "date_format" {
                // Each language writes a date its own way, from the parts the code fills in.
                let parts = ["day", "iso", "month", "year"];
                assert!(
                    !mine.is_empty() && mine.iter().all(|p| parts.contains(p)),
                    "{lang:?} date_format: {mine:?}"
                );
                continue;
            }
            assert_eq!(mine, theirs, "{lang:?} {key}: the same blanks as English");
        }
    }
}

#[test]
fn every_language_names_the_csv_columns_and_the_months() {
    for lang in Lang::ALL {
        let t = Words::new(lang).t();
        let columns = trd_core::export::csv_columns(Words::new(lang));
        assert_eq!(
            columns.len(),
            trd_core::export::CSV_COLUMN_COUNT,
            "{lang:?}"
        );
        assert!(
            columns.iter().all(|c| !c.is_empty() && !c.contains(' ')),
            "{lang:?} {columns:?}"
        );
        assert_eq!(t.months.split(' ').count(), 12, "{lang:?}");
    }
}

#[test]
fn every_message_in_the_catalogue_is_used() {
    let mut code = String::new();
    for dir in [Path::new(CORE).join("src"), workspace().join("src")] {
        for (path, text) in rust_files(&dir) {
            // The catalogue itself (the list of ids, each language's file) is not a use.
            if path.ends_with("words/keys.rs") || text.contains(": Catalogue = Catalogue {") {
                continue;
            }
            code.push_str(&text);
        }
    }
    let unused: Vec<&str> = W
        .t()
        .entries()
        .into_iter()
        .map(|(key, _)| key)
        .filter(|key| {
            let pattern = |prefix: &str| format!("{prefix}.{key}");
            let used_at = |p: String| {
                code.match_indices(&p).any(|(i, _)| {
                    let next = code[i + p.len()..].chars().next();
                    !next.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
                })
            };
            !used_at(pattern("t")) && !used_at(pattern("t()"))
        })
        .collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
}

#[test]
fn a_template_filled_with_its_blanks_has_none_left() {
    for (key, text) in W.t().entries() {
        let names = placeholders(text);
        let values: Vec<(&str, &str)> = names.iter().map(|n| (*n, "X")).collect();
        let filled = W.fill(text, &values);
        assert!(!filled.contains('{'), "{key}: {filled}");
    }
    assert_eq!(W.fill("{a} and {b}", &[("b", "2"), ("a", "1")]), "1 and 2");
    assert_eq!(
        W.fill("{missing}", &[]),
        "{missing}",
        "a blank without a value shows"
    );
}

// ---- One list of attributes -----------------------------------------------------------------

#[test]
fn the_loader_script_observes_exactly_the_attributes_the_core_reads() {
    let script = std::fs::read_to_string(workspace().join("src/web/trd-evidence.js")).unwrap();
    let start = script
        .find("const ATTRIBUTES = [")
        .expect("the loader lists its attributes");
    let list = &script[start..script[start..].find("];").unwrap() + start];
    let in_script: Vec<String> = list
        .split('\'')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    assert_eq!(in_script, ATTRIBUTES.map(String::from).to_vec());
    // And the core reads every one of them, and nothing else.
    let asked = std::cell::RefCell::new(BTreeSet::new());
    let _ = Settings::read("x.json", |name| {
        asked.borrow_mut().insert(name.to_string());
        None
    });
    let listed: BTreeSet<String> = ATTRIBUTES.iter().map(|a| a.to_string()).collect();
    assert_eq!(asked.into_inner(), listed);
}

#[test]
fn a_language_file_holds_every_message_in_order_and_a_stale_one_is_refused() {
    use trd_core::words::{catalogue_file, install_catalogue, Catalogue, CatalogueFileError};
    let file = catalogue_file(Lang::Es);
    let texts: Vec<String> = serde_json::from_str(&file).unwrap();
    let spanish = Words::new(Lang::Es).t().entries();
    assert_eq!(texts.len(), spanish.len() + 1, "a header and every message");
    let leaked: Vec<&'static str> = texts[1..]
        .iter()
        .map(|t| &*Box::leak(t.clone().into_boxed_str()))
        .collect();
    let back = Catalogue::from_texts(&leaked).expect("every message");
    assert_eq!(
        back.entries(),
        spanish,
        "the same messages under the same ids"
    );
    assert!(Catalogue::from_texts(&leaked[1..]).is_none(), "one short");
    // The header names the ids by a fingerprint worked out while compiling: the same as
    // hashing them here, so renaming or moving one message changes it.
    let mut hash: u32 = 0x811c_9dc5;
    for byte in Catalogue::keys().join(",").bytes() {
        hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
    }
    assert_eq!(Catalogue::FINGERPRINT, hash);
    assert!(texts[0].ends_with(&format!(" {} {hash:08x}", Catalogue::keys().len())));
    // A file made for another version (other ids) or not a file at all.
    let stale = file.replacen("trd-evidence-words/1 ", "trd-evidence-words/1 9", 1);
    assert_eq!(
        install_catalogue(Lang::Es, &stale),
        Err(CatalogueFileError::OtherVersion)
    );
    assert_eq!(
        install_catalogue(Lang::Es, "<html>"),
        Err(CatalogueFileError::NotJson)
    );
    assert_eq!(install_catalogue(Lang::Es, &file), Ok(()));
}
