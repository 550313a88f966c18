//! Property tests: whatever a host points the widget at, loading returns a value or an error,
//! never a panic.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use trd_evidence::json_path;
use trd_evidence::load::load_dataset;

const MINIMAL: &str = include_str!("data/minimal-valid.json");

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
        let _ = json_path::long_strings(&text, 3);
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
            Err(e) => prop_assert!(!e.details().is_empty() && !e.to_string().is_empty()),
        }
    }
}
