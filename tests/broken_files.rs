//! The corpus in tests/data/broken: each file breaks one rule, and the loader must name the
//! place (JSON path, or line and column for syntax errors) and the reason, as EXPECTED.tsv says.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use trd_evidence::load::{load_dataset, LoadError};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");

#[test]
fn the_minimal_example_is_valid() {
    let text = std::fs::read_to_string(Path::new(DIR).join("minimal-valid.json")).unwrap();
    let data = load_dataset(&text).expect("minimal-valid.json is valid");
    assert_eq!(data.options.len(), 2);
}

#[test]
fn every_broken_file_names_the_place_and_the_reason() {
    let manifest = std::fs::read_to_string(Path::new(DIR).join("broken/EXPECTED.tsv")).unwrap();
    let mut listed = Vec::new();
    for line in manifest
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let [file, kind, place, fragment] = cols[..] else {
            panic!("bad manifest line: {line}");
        };
        listed.push(file.to_string());
        let text = std::fs::read_to_string(Path::new(DIR).join("broken").join(file)).unwrap();
        let error = load_dataset(&text).expect_err(file);
        let shown = error.details().join("\n");
        assert!(
            shown.contains(fragment),
            "{file}: expected {fragment:?} in:\n{shown}"
        );
        match (kind, &error) {
            ("syntax", LoadError::Syntax { line, column, .. }) => {
                if !place.is_empty() {
                    assert_eq!(format!("{line}:{column}"), place, "{file}");
                }
            }
            ("structure", LoadError::Structure { path, .. }) => assert_eq!(path, place, "{file}"),
            ("not-json", LoadError::NotJson) => {}
            ("invalid", LoadError::Invalid(problems)) => assert!(
                problems
                    .iter()
                    .any(|p| p.path == place && p.message.contains(fragment)),
                "{file}: no problem at {place}: {problems:#?}"
            ),
            _ => panic!("{file}: expected a {kind} error, got {error:?}"),
        }
    }
    assert!(listed.len() >= 25, "the corpus has {} files", listed.len());
    let mut on_disk: Vec<String> = std::fs::read_dir(Path::new(DIR).join("broken"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    on_disk.sort();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "every file in tests/data/broken is in EXPECTED.tsv"
    );
}
