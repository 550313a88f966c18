//! data/schema.json is generated from the Rust model and must not drift from it.
#![cfg(not(target_arch = "wasm32"))]

use trd_evidence::model::Dataset;

const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/schema.json");

fn generated() -> String {
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
    let fresh = generated();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(SCHEMA_PATH, &fresh).unwrap();
    }
    let published = std::fs::read_to_string(SCHEMA_PATH).unwrap_or_default();
    assert!(
        published == fresh,
        "data/schema.json is out of date with src/model.rs: run `UPDATE_SCHEMA=1 cargo test --test schema` and commit it"
    );
}

#[test]
fn schema_describes_the_format_for_data_authors() {
    let schema: serde_json::Value = serde_json::from_str(&generated()).unwrap();
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
