//! Loading and checking data files: the bundled dataset as the evidence sheet has it, every
//! broken rule named by its place and reason (the corpus in tests/data/broken.tsv), the data
//! authors' checker, the published schema, and never a panic on any input.

mod common;

use common::{bundled, bundled_with, MINIMAL, W};
use proptest::prelude::*;
use trd_core::json_path;
use trd_core::load::{load_dataset, LoadError, MAX_FILE_BYTES};
use trd_core::model::{Dataset, Metric, Value};
use trd_core::BUNDLED_DATA;

/// The (path, message) of a structural error; panics on any other outcome.
fn structure_error(text: &str) -> (String, String) {
    match load_dataset(text) {
        Err(LoadError::Structure { path, cause, .. }) => (path, cause.explain(W)),
        other => panic!("expected a structural error, got {other:?}"),
    }
}

fn problems_of(text: &str) -> Vec<String> {
    match load_dataset(text) {
        Err(LoadError::Invalid(problems)) => problems.iter().map(|p| p.to_string()).collect(),
        other => panic!("expected validation problems, got {other:?}"),
    }
}

#[test]
fn bundled_dataset_loads_with_sheet_ids_in_sheet_order() {
    let data = bundled();
    let ids: Vec<&str> = data.options.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "med-switch",
            "aug-antipsychotic",
            "aug-lithium",
            "med-combination",
            "esketamine",
            "iv-ketamine",
            "cbt",
            "ipt",
            "rtms",
            "itbs",
            "deep-tms",
            "snt",
            "ect",
            "vns",
            "dbs",
            "psilocybin"
        ]
    );
    let findings: usize = data.options.iter().map(|o| o.findings.len()).sum();
    assert_eq!(findings, 149, "every finding row of the sheet");
    assert_eq!(data.dataset.last_reviewed, "2026-11-30");
}

#[test]
fn headline_figures_match_the_evidence_sheet_exactly() {
    let data = bundled();
    let headline = |id: &str, metric: Metric| {
        W.value(&data.option(id).unwrap().headline(metric).unwrap().value)
    };
    assert_eq!(headline("rtms", Metric::Response), "29.3%");
    assert_eq!(headline("rtms", Metric::Remission), "18.6%");
    assert_eq!(headline("esketamine", Metric::Response), "69.3%");
    assert_eq!(headline("esketamine", Metric::Remission), "27.1% (91/336)");
    assert_eq!(headline("ect", Metric::Response), "41.2%");
    assert_eq!(headline("ect", Metric::Remission), "48.0% (281/585)");
    assert_eq!(headline("vns", Metric::Response), "15.2%");
    assert_eq!(headline("vns", Metric::Remission), "15.8% (32/202)");
    assert_eq!(headline("cbt", Metric::Response), "46%");
    assert_eq!(headline("cbt", Metric::Remission), "not reported");
    let sheet = [
        ("med-switch", "26.1%", "22.3% (114/511)"),
        ("aug-antipsychotic", "74.3%", "28.9% (146/505)"),
        ("aug-lithium", "51.3% (143/279)", "15.9%"),
        ("med-combination", "31.8%", "26.9% (136/506)"),
        ("iv-ketamine", "55.4%", "46%"),
        ("ipt", "not reported", "not reported"),
        ("itbs", "48.0%", "not reported"),
        ("deep-tms", "38.4%", "32.6%"),
        ("snt", "54.2%", "50.0%"),
        ("dbs", "20% (12/60)", "18% (3/17)"),
        ("psilocybin", "37% (29/79)", "29% (23/79)"),
    ];
    for (id, response, remission) in sheet {
        assert_eq!(headline(id, Metric::Response), response, "{id} response");
        assert_eq!(headline(id, Metric::Remission), remission, "{id} remission");
    }
}

#[test]
fn numbers_keep_the_digits_the_author_wrote() {
    let data = bundled();
    let vns = data
        .option("vns")
        .unwrap()
        .headline(Metric::Response)
        .unwrap();
    let sham = vns.comparator.as_ref().unwrap().value.as_ref().unwrap();
    assert_eq!(W.value(sham), "10.0%", "10.0 must not become 10");
    let esk = data.option("esketamine").unwrap();
    let hr = esk
        .findings
        .iter()
        .find(|f| f.label.as_deref() == Some("Relapse (hazard ratio)"))
        .unwrap();
    assert_eq!(
        W.value(&hr.value),
        "HR 0.30 (0.16–0.55)",
        "0.30 keeps its zero"
    );
    let aug = data.option("aug-antipsychotic").unwrap();
    assert_eq!(
        W.value(&aug.findings[4].value),
        "\u{2212}8.5 MADRS points",
        "a true minus sign"
    );
    let reparsed = load_dataset(&serde_json::to_string(&data).unwrap()).unwrap();
    assert_eq!(reparsed, data, "serialise then parse is lossless");
}

#[test]
fn malformed_json_reports_line_and_column() {
    let err = load_dataset("{\n  \"format\": \"trd-evidence/1\",\n  oops\n}").unwrap_err();
    match err {
        LoadError::Syntax { line, column, .. } => assert_eq!((line, column), (3, 3)),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn wrong_type_reports_the_json_path() {
    let text = bundled_with(
        "/options/2/findings/0/value/percent",
        serde_json::json!("29.3"),
    );
    let (path, message) = structure_error(&text);
    assert_eq!(path, "options[2].findings[0].value.percent");
    assert!(
        message.contains("text in quotes (29.3) where a number belongs"),
        "{message}"
    );
}

#[test]
fn missing_field_names_the_field() {
    let mut tree: serde_json::Value = serde_json::from_str(BUNDLED_DATA).unwrap();
    tree["options"][1].as_object_mut().unwrap().remove("name");
    let (path, message) = structure_error(&tree.to_string());
    assert_eq!(path, "options[1]");
    assert!(message.contains("the field `name` is missing"), "{message}");
}

#[test]
fn a_field_written_twice_is_refused_where_it_is_written_again() {
    // A JSON parser keeps one of the two without a word; the author must hear of it.
    let text = MINIMAL.replacen("\"name\": ", "\"name\": \"rTMS\",\n      \"name\": ", 1);
    match load_dataset(&text) {
        Err(LoadError::Structure {
            path,
            line,
            column,
            cause,
        }) => {
            assert_eq!(path, "options[0]");
            assert_eq!(
                cause.explain(W),
                "the field `name` is written twice; keep one"
            );
            // The place given is the second one, on the line after the first.
            let first = text.lines().position(|l| l.contains("\"name\": \"rTMS\","));
            assert_eq!(first.map(|i| i + 2), Some(line));
            let at = text.lines().nth(line - 1).and_then(|l| l.get(column - 1..));
            assert!(
                at.is_some_and(|rest| rest.starts_with("\"name\"")),
                "{line}:{column}"
            );
        }
        other => panic!("expected a structural error, got {other:?}"),
    }
}

#[test]
fn a_misspelt_field_is_placed_on_its_own_line() {
    let text = MINIMAL.replacen("\"name\": ", "\"nmae\": ", 1);
    match load_dataset(&text) {
        Err(LoadError::Structure { line, .. }) => {
            let at = text.lines().nth(line - 1).unwrap_or_default();
            assert!(at.trim_start().starts_with("\"nmae\""), "line {line}: {at}");
        }
        other => panic!("expected a structural error, got {other:?}"),
    }
}

#[test]
fn semantic_problems_are_all_collected_with_paths() {
    let mut tree: serde_json::Value = serde_json::from_str(BUNDLED_DATA).unwrap();
    tree["options"][2]["findings"][0]["value"]["percent"] = serde_json::json!(129.3);
    tree["options"][0]["findings"][0]["value"]["k"] = serde_json::json!(600);
    tree["options"][3]["findings"][0]["citations"][0] = serde_json::json!("NOPE2020");
    tree["options"][4]["invasiveness"]["level"] = serde_json::json!(7);
    tree["citations"][1]["url"] = serde_json::json!("javascript:alert(1)");
    tree["options"][1]["id"] = serde_json::json!("med-switch");
    let problems = problems_of(&tree.to_string());
    let expect = [
        "options[2].findings[0].value.percent: a percentage must be between 0 and 100, found 129.3",
        "options[0].findings[0].value.k: k (600) is larger than n (511)",
        "options[3].findings[0].citations[0]: unknown citation id \"NOPE2020\"",
        "options[4].invasiveness.level: must be 1 to 4",
        "citations[1].url: links must start with https:// or http://",
        "options[1].id: \"med-switch\" is used by another option",
    ];
    for e in expect {
        assert!(
            problems.iter().any(|p| p.starts_with(e)),
            "missing {e:?} in {problems:#?}"
        );
    }
    assert_eq!(problems.len(), expect.len(), "{problems:#?}");
}

#[test]
fn two_headlines_for_one_metric_are_refused() {
    let text = bundled_with(
        "/options/2/findings/4/metric",
        serde_json::json!("response"),
    );
    let problems = problems_of(&text);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].starts_with("options[2].findings[4].headline: a second headline for response")
    );
}

#[test]
fn unknown_tier_and_category_are_structural_errors() {
    let text = bundled_with("/options/2/findings/0/tier", serde_json::json!("E"));
    assert_eq!(structure_error(&text).0, "options[2].findings[0].tier");
    let text = bundled_with("/options/2/category", serde_json::json!("magic"));
    assert_eq!(structure_error(&text).0, "options[2].category");
}

#[test]
fn huge_files_are_refused_before_parsing() {
    let text = " ".repeat(MAX_FILE_BYTES + 1);
    assert!(matches!(
        load_dataset(&text),
        Err(LoadError::TooLarge { .. })
    ));
}

#[test]
fn overlong_strings_are_refused_wherever_they_are() {
    let text = bundled_with(
        "/options/3/findings/0/design",
        serde_json::json!("x".repeat(2001)),
    );
    let problems = problems_of(&text);
    assert_eq!(
        problems,
        ["options[3].findings[0].design: text is 2001 characters long; the limit is 2000"]
    );
}

/// A finding's value as the loader reads it, written into the minimal file's first finding.
fn value_read_from(json: &str) -> Value {
    let mut tree: serde_json::Value = serde_json::from_str(MINIMAL).unwrap();
    tree["options"][0]["findings"][0]["value"] = serde_json::from_str(json).unwrap();
    let data = load_dataset(&tree.to_string()).expect("the patched file loads");
    data.options[0].findings[0].value.clone()
}

#[test]
fn value_kinds_display_as_written() {
    let v = value_read_from(
        r#"{"kind":"effect","measure":"OR","estimate":1.69,"ci_low":1.46,"ci_high":1.95}"#,
    );
    assert_eq!(W.value(&v), "OR 1.69 (1.46–1.95)");
    assert_eq!(
        v.percent(),
        None,
        "an odds ratio is never drawn as a percentage"
    );
    let v = value_read_from(r#"{"kind":"percent_range","low":51.6,"high":52.4}"#);
    assert_eq!(W.value(&v), "51.6–52.4%");
}

#[test]
fn the_loader_reads_back_every_field_the_model_writes() {
    // Every kind of value and every optional field the bundled data uses, written by the
    // model's own serialiser and read again: nothing is dropped, renamed or read as another.
    let data = bundled();
    let written = serde_json::to_string(&data).unwrap();
    assert_eq!(
        load_dataset(&written).expect("the written file loads"),
        data
    );
}

#[test]
fn reader_facing_text_carries_no_instructions_meant_for_developers() {
    let tree: serde_json::Value = serde_json::from_str(BUNDLED_DATA).unwrap();
    fn walk(value: &serde_json::Value, path: &str, found: &mut Vec<String>) {
        match value {
            serde_json::Value::String(s) => {
                let lower = s.to_lowercase();
                for phrase in [
                    "widget",
                    "do not display",
                    "do not label",
                    "show both or neither",
                    "should not be shown",
                    "do not present",
                    "do not use",
                ] {
                    if lower.contains(phrase) {
                        found.push(format!("{path}: {s}"));
                    }
                }
            }
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &format!("{path}[{i}]"), found);
                }
            }
            serde_json::Value::Object(fields) => {
                for (k, v) in fields {
                    walk(v, &format!("{path}.{k}"), found);
                }
            }
            _ => {}
        }
    }
    let mut found = Vec::new();
    walk(&tree["options"], "options", &mut found);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn json_paths_are_found_through_escapes_and_non_ascii_text() {
    use trd_core::json_path::{path_at, string_problems, StringProblem};
    let text = r#"{"a": [1, {"b\"q": "héllo ≥ \u00e9", "c": [true, null]}], "d": "x"}"#;
    let at = |needle: &str| path_at(text, text.find(needle).unwrap()).unwrap();
    assert_eq!(at("1,"), "a[0]");
    assert_eq!(at("héllo"), "a[1].b\"q");
    assert_eq!(at("true"), "a[1].c[0]");
    assert_eq!(at("null"), "a[1].c[1]");
    assert_eq!(at("\"x\""), "d");
    assert_eq!(at("{\"b"), "a[1]");
    assert_eq!(
        string_problems(text, 5),
        [("a[1].b\"q".to_string(), StringProblem::TooLong(9))],
        "\\u00e9 counts as one character"
    );
    assert_eq!(
        path_at("{\"a\": ", 6).as_deref(),
        Some("a"),
        "text cut off before a value points at that value"
    );
}

#[test]
fn a_headline_price_must_be_single_and_numeric() {
    let with_headline = |pointer: &str| {
        let mut tree: serde_json::Value = serde_json::from_str(BUNDLED_DATA).unwrap();
        let cost = tree.pointer_mut(pointer).unwrap().as_object_mut().unwrap();
        cost.insert("headline".into(), serde_json::json!(true));
        serde_json::to_string(&tree).unwrap()
    };
    // ECT's second price made a headline too.
    let two = problems_of(&with_headline("/options/12/costs/1"));
    assert!(
        two.contains(
            &"options[12].costs[1].headline: only one price per option can be the headline; costs[0] already is"
                .to_string()
        ),
        "{two:?}"
    );
    // VNS's second price is only words ("about $16,000 for the device plus …").
    let wordy = problems_of(&with_headline("/options/13/costs/1"));
    assert!(
        wordy
            .iter()
            .any(|p| p.starts_with("options[13].costs[1].low: the headline price needs a number")),
        "{wordy:?}"
    );
}

// ---- The corpus of broken files -------------------------------------------------------------

const CORPUS: &str = include_str!("../../tests/data/broken.tsv");

/// One line of the corpus: the case, the file it makes, and what must be said about it.
struct Case {
    name: String,
    text: String,
    kind: String,
    place: String,
    fragment: String,
}

/// The cases of tests/data/broken.tsv, each applied to the minimal valid file.
fn corpus() -> Vec<Case> {
    CORPUS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            let [name, patch, kind, place, fragment] = cols[..] else {
                panic!("a corpus line needs five columns: {line}");
            };
            Case {
                name: name.to_string(),
                text: patched(patch),
                kind: kind.to_string(),
                place: place.to_string(),
                fragment: fragment.to_string(),
            }
        })
        .collect()
}

/// The minimal file with the patches applied (see the corpus's header for the verbs).
fn patched(patches: &str) -> String {
    let mut tree: serde_json::Value = serde_json::from_str(MINIMAL).unwrap();
    let mut text = None;
    let json = |s: &str| -> serde_json::Value { serde_json::from_str(s).expect(s) };
    for patch in patches.split(" && ") {
        let (verb, rest) = patch.split_once(' ').expect(patch);
        match verb {
            "text" => text = Some(json(rest).as_str().unwrap().to_string()),
            "append" => {
                let whole = serde_json::to_string_pretty(&tree).unwrap();
                text = Some(whole + json(rest).as_str().unwrap());
            }
            "remove" => {
                let (parent, key) = rest.rsplit_once('/').unwrap();
                match tree.pointer_mut(parent).expect(parent) {
                    serde_json::Value::Array(items) => {
                        items.remove(key.parse().unwrap());
                    }
                    serde_json::Value::Object(fields) => {
                        fields.remove(key).expect(rest);
                    }
                    other => panic!("{rest}: cannot remove from {other}"),
                }
            }
            "set" | "fill" => {
                let (pointer, value) = rest.split_once(' ').unwrap();
                let value = if verb == "fill" {
                    let (c, n) = value.split_once(' ').unwrap();
                    serde_json::Value::String(c.repeat(n.parse().unwrap()))
                } else {
                    json(value)
                };
                let (parent, key) = pointer.rsplit_once('/').unwrap();
                match tree.pointer_mut(parent).expect(parent) {
                    serde_json::Value::Array(items) => items[key.parse::<usize>().unwrap()] = value,
                    serde_json::Value::Object(fields) => {
                        fields.insert(key.to_string(), value);
                    }
                    other => panic!("{pointer}: cannot set in {other}"),
                }
            }
            other => panic!("unknown patch verb {other}"),
        }
    }
    text.unwrap_or_else(|| serde_json::to_string_pretty(&tree).unwrap())
}

#[test]
fn the_minimal_example_is_valid() {
    let data = load_dataset(MINIMAL).expect("minimal-valid.json is valid");
    assert_eq!(data.options.len(), 2);
}

#[test]
fn every_broken_file_names_the_place_and_the_reason() {
    let cases = corpus();
    assert!(cases.len() >= 40, "the corpus has {} cases", cases.len());
    let mut wrong = Vec::new();
    for case in cases {
        let Case {
            name,
            text,
            kind,
            place,
            fragment,
        } = case;
        let error = load_dataset(&text).expect_err(&name);
        let shown = error.details(W).join("\n");
        if !shown.contains(&fragment) {
            wrong.push(format!("{name}: expected {fragment:?} in:\n{shown}"));
            continue;
        }
        match (kind.as_str(), &error) {
            ("syntax", LoadError::Syntax { line, column, .. }) => {
                if !place.is_empty() {
                    assert_eq!(format!("{line}:{column}"), place, "{name}");
                }
            }
            ("structure", LoadError::Structure { path, .. }) => assert_eq!(*path, place, "{name}"),
            ("not-json", LoadError::NotJson) => {}
            ("empty", LoadError::Empty) => {}
            ("invalid", LoadError::Invalid(problems)) => assert!(
                problems
                    .iter()
                    .any(|p| p.path == place && p.message(W).contains(&fragment)),
                "{name}: no problem at {place}: {problems:#?}"
            ),
            _ => panic!("{name}: expected a {kind} error, got {error:?}"),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

// ---- The data authors' checker --------------------------------------------------------------

fn check(files: &[&str]) -> (i32, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_trd-evidence-check"))
        .args(files)
        .output()
        .expect("the checker runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn the_checker_finds_the_bundled_file_valid() {
    let (code, out) = check(&[concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../data/trd-evidence.json"
    )]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("valid — 16 options, 149 findings, 253 citations"),
        "{out}"
    );
}

#[test]
fn the_checker_lists_every_problem_of_a_broken_file_and_exits_1() {
    let dir = std::env::temp_dir().join(format!("trd-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.json");
    let mut tree: serde_json::Value = serde_json::from_str(BUNDLED_DATA).unwrap();
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
fn the_checker_without_arguments_is_a_usage_error() {
    assert_eq!(check(&[]).0, 2);
}

// ---- The published schema -------------------------------------------------------------------

const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/schema.json");

fn generated_schema() -> String {
    let mut schema = schemars::schema_for!(Dataset);
    schema.insert(
        "$id".into(),
        serde_json::json!("https://trd-evidence.invalid/schema/trd-evidence-1.json"),
    );
    schema.insert(
        "title".into(),
        serde_json::json!("trd-evidence data file (format trd-evidence/1)"),
    );
    serde_json::to_string_pretty(&schema).unwrap() + "\n"
}

#[test]
fn published_schema_matches_the_rust_model() {
    let fresh = generated_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(SCHEMA_PATH, &fresh).unwrap();
    }
    let published = std::fs::read_to_string(SCHEMA_PATH).unwrap_or_default();
    assert!(
        published == fresh,
        "data/schema.json is out of date with core/src/model: run `UPDATE_SCHEMA=1 cargo test -p trd-evidence-core --test data` and commit it"
    );
}

#[test]
fn schema_describes_the_format_for_data_authors() {
    let schema: serde_json::Value = serde_json::from_str(&generated_schema()).unwrap();
    let text = schema.to_string();
    for must in [
        "not_reported",
        "percent_range",
        "in_clinic_hours",
        "price_year",
        "headline",
        "tier",
    ] {
        assert!(text.contains(must), "the schema mentions {must}");
    }
    assert_eq!(schema["additionalProperties"], serde_json::json!(false));
}

// ---- Never a panic, whatever a host points the widget at ----------------------------------

fn any_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| serde_json::json!(f)),
        ".{0,12}".prop_map(serde_json::Value::String),
        prop_oneof![
            Just("percent"),
            Just("kind"),
            Just("not_reported"),
            Just("options"),
            Just("A")
        ]
        .prop_map(|s| serde_json::json!(s)),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("format".to_string()),
                    Just("dataset".to_string()),
                    Just("options".to_string()),
                    Just("citations".to_string()),
                    Just("value".to_string()),
                    "[a-z_]{1,8}"
                ],
                inner,
                0..6
            )
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_json_never_panics(value in any_json()) {
        let text = value.to_string();
        let _ = load_dataset(&text);
        let _ = json_path::string_problems(&text, 3);
    }

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,200}") {
        let _ = load_dataset(&text);
        for offset in [0, text.len() / 2, text.len()] {
            let _ = json_path::path_at(&text, offset);
        }
    }

    #[test]
    fn edits_to_a_valid_file_never_panic(at in 0usize..19_000, cut in 0usize..40, insert in ".{0,6}") {
        let mut text = MINIMAL.to_string();
        let at = (0..=at.min(text.len())).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
        let end = (at..=(at + cut).min(text.len())).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(at);
        text.replace_range(at..end, &insert);
        match load_dataset(&text) {
            Ok(_) => {}
            // Every error explains itself in words.
            Err(e) => prop_assert!(!e.details(W).is_empty() && !e.to_string().is_empty()),
        }
    }
}

#[test]
fn a_bad_file_is_explained_in_the_readers_language() {
    use trd_core::words::{Lang, Words};
    let err = load_dataset("{\n  \"format\": \"trd-evidence/1\",\n  oops\n}").unwrap_err();
    let (en, es) = (
        err.summary(Words::new(Lang::En)),
        err.summary(Words::new(Lang::Es)),
    );
    assert_ne!(en, es);
    assert!(es.contains("datos"), "{es}");
}
