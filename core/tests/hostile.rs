//! Hostile data: files written to crash, fool or slow the widget. Each case is what the widget
//! and the checker do with it (they share `load_dataset`): a message naming the cause and the
//! place, never a panic, a stack overflow or a number drawn wrong.

mod common;

use common::{bundled, shown, MINIMAL, W};
use proptest::prelude::*;
use std::time::{Duration, Instant};
use trd_core::chart::xml_escape;
use trd_core::export::{comparison_svg, findings_csv};
use trd_core::json_path::{self, string_problems, too_deep_at, MAX_DEPTH};
use trd_core::load::{decode_text, load_dataset, Encoding, LoadError, MAX_FILE_BYTES};
use trd_core::settings::{foreign_origin, Settings};
use trd_core::state::ALL_PANELS;
use trd_core::validate::{ProblemKind, MAX_OPTIONS};

fn minimal_with(pointer: &str, value: serde_json::Value) -> String {
    let mut tree: serde_json::Value = serde_json::from_str(MINIMAL).unwrap();
    *tree.pointer_mut(pointer).expect("pointer exists") = value;
    serde_json::to_string_pretty(&tree).unwrap()
}

/// What the error box shows, one line per entry.
fn shown_message(text: &str) -> String {
    let error = load_dataset(text).expect_err("a hostile file must be refused");
    format!("{}\n{}", error.summary(W), error.details(W).join("\n"))
}

// ---- Structure ------------------------------------------------------------------------------

#[test]
fn nesting_ten_thousand_deep_is_refused_with_the_depth_named_not_a_stack_overflow() {
    for (name, text) in [
        (
            "arrays",
            format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
        ),
        (
            "objects",
            "{\"a\":".repeat(10_000) + "1" + &"}".repeat(10_000),
        ),
        ("left unclosed", "[".repeat(10_000)),
        (
            "inside a valid field",
            MINIMAL.replacen(
                "\"options\": [",
                &format!(
                    "\"x\": {}1{}, \"options\": [",
                    "[".repeat(5_000),
                    "]".repeat(5_000)
                ),
                1,
            ),
        ),
    ] {
        let error = load_dataset(&text).expect_err(name);
        assert!(
            matches!(
                error,
                LoadError::TooDeep {
                    limit: MAX_DEPTH,
                    ..
                }
            ),
            "{name}: {error:?}"
        );
        let message = error.details(W).join(" ");
        assert!(
            message.contains(&format!("nested more than {MAX_DEPTH} levels deep")),
            "{name}: {message}"
        );
        // The scanner the error paths use stops at the limit too, whatever it is given.
        let _ = json_path::path_at(&text, text.len() / 2);
        let _ = json_path::line_column_of(&text, "a.b", Some("c"));
        let _ = string_problems(&text, 10);
    }
    assert_eq!(too_deep_at("[[1], {\"a\": [2]}]", 3), None);
    assert_eq!(too_deep_at("[[[[1]]]]", 3), Some(3));
    assert_eq!(
        too_deep_at(r#"["[[[[[[", "\"[[[["]"#, 2),
        None,
        "brackets in strings do not count"
    );
}

#[test]
fn an_object_of_many_keys_is_refused_quickly_at_its_first_unknown_key() {
    // Near the size limit: 150,000 different keys in one object, which comparing every key
    // with every other (to find one written twice) would take minutes over.
    let keys: Vec<String> = (0..150_000).map(|i| format!("\"k{i}\":1")).collect();
    let text = format!("{{{}}}", keys.join(","));
    assert!(text.len() < MAX_FILE_BYTES);
    let started = Instant::now();
    let error = load_dataset(&text).expect_err("not a data file");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    match error {
        LoadError::Structure {
            path, line, column, ..
        } => assert_eq!((path.as_str(), line, column), ("(top level)", 1, 7)),
        other => panic!("expected a structural error, got {other:?}"),
    }
}

#[test]
fn too_many_options_are_refused_in_one_line_and_long_problem_lists_are_capped() {
    let mut tree: serde_json::Value = serde_json::from_str(MINIMAL).unwrap();
    let mut option = tree["options"][0].clone();
    // Small options, so the file stays under the size limit.
    for list in ["costs", "cost_notes", "risks", "caveats"] {
        option[list] = serde_json::json!([]);
    }
    option["findings"] = serde_json::json!([]);
    option["description"] = "d".into();
    let options: Vec<serde_json::Value> = (0..MAX_OPTIONS + 1)
        .map(|i| {
            let mut o = option.clone();
            o["id"] = format!("o-{i}").into();
            o
        })
        .collect();
    tree["options"] = options.into();
    let message = shown_message(&tree.to_string());
    assert!(
        message.contains("options: 1001 options; at most 1000 can be compared"),
        "{message}"
    );
    assert_eq!(
        message.lines().count(),
        2,
        "one problem, not one per option: {message}"
    );

    // 30 bad ids: 20 listed, then a count.
    let mut tree: serde_json::Value = serde_json::from_str(MINIMAL).unwrap();
    let option = tree["options"][0].clone();
    tree["options"] = (0..30)
        .map(|_| {
            let mut o = option.clone();
            o["id"] = "Not An Id".into();
            o
        })
        .collect::<Vec<_>>()
        .into();
    let error = load_dataset(&tree.to_string()).unwrap_err();
    let lines = error.details(W);
    assert_eq!(lines.len(), 21, "{lines:#?}");
    assert_eq!(lines[20], "… and 10 more.");
}

#[test]
fn unknown_option_ids_in_the_settings_are_listed_twenty_at_most() {
    let data = bundled();
    let ids = (0..10_000)
        .map(|i| format!("nope-{i}"))
        .collect::<Vec<_>>()
        .join(",");
    let settings = Settings::read("trd-evidence.json", |name| {
        (name == "options").then(|| ids.clone())
    });
    let (_, problems) = settings.options_in(&data);
    let lines: Vec<String> = problems.iter().map(|p| p.line(W)).collect();
    assert_eq!(
        lines.len(),
        20 + 1 + 1,
        "20 listed, the rest counted, too few left: {lines:#?}"
    );
    assert_eq!(lines[20], "… and 9980 more.");
}

// ---- Text -----------------------------------------------------------------------------------

#[test]
fn invisible_controls_and_noncharacters_are_refused_by_field_even_when_escaped() {
    for (written, code) in [
        ("placebo \u{202E}20.75%", "U+202E"),
        ("\\u202e reversed", "U+202E"),
        ("isolate left open \u{2067}", "U+2067"),
        ("a bell \\u0007", "U+0007"),
        ("a noncharacter \\uFFFE", "U+FFFE"),
        ("another \u{FDD0}", "U+FDD0"),
        ("C1 control \\u0085", "U+0085"),
    ] {
        // Written into the file's text as is, so `\u…` stays an escape for the parser.
        let text = MINIMAL.replacen(
            "\"name\": \"Standard 10 Hz rTMS\"",
            &format!("\"name\": \"{written}\""),
            1,
        );
        assert_ne!(text, MINIMAL, "the example has that name");
        let message = shown_message(&text);
        assert!(
            message.contains(&format!(
                "options[0].name: holds the invisible character {code}"
            )),
            "{written:?}: {message}"
        );
    }
    // Marks without a scope (right-to-left names need them) and ordinary text are fine.
    let arabic = MINIMAL.replacen("Standard 10 Hz rTMS", "تحفيز مغناطيسي \u{200F}rTMS", 1);
    load_dataset(&arabic).expect("Arabic text with a right-to-left mark is accepted");
}

#[test]
fn a_right_to_left_name_is_isolated_in_sentences_and_pictures() {
    let filled = W.fill("{name} versus placebo: 20.75%", &[("name", "تحفيز")]);
    assert_eq!(filled, "\u{2068}تحفيز\u{2069} versus placebo: 20.75%");
    assert_eq!(
        W.fill("{name}", &[("name", "rTMS")]),
        "rTMS",
        "left-to-right text as is"
    );
    // Pictures: what is opened is closed, overrides and strays become spaces.
    assert_eq!(xml_escape("a\u{2067}b"), "a\u{2067}b\u{2069}");
    assert_eq!(xml_escape("a\u{202E}b\u{2069}"), "a b ");
    assert_eq!(xml_escape("<&>\u{0}\u{FFFF}\u{FDD0}"), "&lt;&amp;&gt;   ");
}

#[test]
fn exports_stay_well_formed_xml_whatever_the_names_hold() {
    let mut data = bundled();
    // The checker refuses these characters; the exports must hold even if one got through.
    data.options[8].name =
        "rTMS \u{1}\u{8}\u{B}\u{1F}\u{FFFE}\u{FFFF}\u{FDD0}\u{202E} <b>&amp;</b> ]]>".into();
    data.citations[0].title = "\u{2067}unclosed isolate".into();
    let comparison = shown(&data, &["rtms", "ect"]);
    let picture = comparison_svg(&data, &comparison, &ALL_PANELS, "Title \u{7}", W).unwrap();
    assert_well_formed(&picture.svg);
    let slide = trd_core::slides::slide_svg(
        &data,
        &comparison,
        &[trd_core::model::Metric::Response],
        (1920, 1080),
        0,
        "\u{202E}slide",
        W,
    );
    assert_well_formed(&slide);
}

/// No character XML 1.0 forbids, every `&` starts an entity, every `<` a tag, and every
/// isolate is closed within its text element.
fn assert_well_formed(svg: &str) {
    for c in svg.chars() {
        let code = c as u32;
        let allowed = matches!(c, '\t' | '\n' | '\r')
            || (0x20..=0xD7FF).contains(&code) && !(0x7F..=0x9F).contains(&code)
            || (0xE000..=0xFFFD).contains(&code) && !(0xFDD0..=0xFDEF).contains(&code)
            || code >= 0x10000;
        assert!(
            allowed && !(0x202A..=0x202E).contains(&code),
            "U+{code:04X} in the SVG"
        );
    }
    for (i, _) in svg.match_indices('&') {
        let entity = &svg[i..(i + 6).min(svg.len())];
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
                .iter()
                .any(|e| entity.starts_with(e)),
            "a bare & at {i}: {entity}"
        );
    }
    assert!(
        !svg.contains("<b>") && !svg.contains("]]>"),
        "markup in data stays text"
    );
    for text in svg.split("<text").skip(1) {
        let content = text.split("</text>").next().unwrap_or("");
        let opened = content
            .matches(['\u{2066}', '\u{2067}', '\u{2068}'])
            .count();
        assert_eq!(
            opened,
            content.matches('\u{2069}').count(),
            "isolates balance: {content}"
        );
    }
}

#[test]
fn csv_cells_starting_with_spaces_or_full_width_signs_are_defused() {
    let mut data = bundled();
    for (i, name) in [
        (8, " =1+1"),
        (12, "＝HYPERLINK(\"x\")"),
        (4, "\u{3000}@SUM(A1)"),
        (0, "＋1"),
    ] {
        data.options[i].name = name.into();
    }
    let ids: Vec<&str> = [8, 12, 4, 0]
        .iter()
        .map(|&i| data.options[i].id.as_str())
        .collect();
    let ids: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let comparison = shown(&data, &ids);
    let csv = findings_csv(&data, &comparison, W);
    for name in [" =1+1", "＝HYPERLINK(\"\"x\"\")", "\u{3000}@SUM(A1)", "＋1"] {
        assert!(
            csv.contains(&format!("'{name}")),
            "{name} defused in:\n{}",
            &csv[..400]
        );
    }
}

// ---- Numbers --------------------------------------------------------------------------------

#[test]
fn numbers_with_an_exponent_or_a_thousand_digits_are_refused_by_field() {
    let percent = "/options/0/findings/0/value/percent";
    // The value is read as a whole (its kind decides its fields), so the path ends there.
    let at = "options[0].findings[0].value";
    for (written, says) in [
        (
            "4.15e1",
            "is written with an exponent; write it as a plain decimal",
        ),
        ("1e-300", "is written with an exponent"),
        ("2E1", "is written with an exponent"),
    ] {
        let text = minimal_with(percent, serde_json::json!(0)).replacen(
            "\"percent\": 0",
            &format!("\"percent\": {written}"),
            1,
        );
        let message = shown_message(&text);
        assert!(
            message.contains(at) && message.contains(says),
            "{written}: {message}"
        );
    }
    let digits = format!("1{}", "0".repeat(999));
    let text = minimal_with(percent, serde_json::json!(0)).replacen(
        "\"percent\": 0",
        &format!("\"percent\": {digits}"),
        1,
    );
    let message = shown_message(&text);
    assert!(message.contains("has more than 12 digits"), "{message}");
    assert!(
        message.len() < 600,
        "the number is not reprinted in full: {} bytes",
        message.len()
    );
}

// ---- Encodings and empty files ---------------------------------------------------------------

#[test]
fn encodings_and_empty_files_are_named() {
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("{\"format\": 1}".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_eq!(
        decode_text(utf16),
        Err(LoadError::Encoding(Encoding::Utf16))
    );
    let no_mark: Vec<u8> = "{\"a\": 1}"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    assert_eq!(
        decode_text(no_mark),
        Err(LoadError::Encoding(Encoding::Utf16))
    );
    let latin1 = b"{\"name\": \"caf\xe9\"}".to_vec();
    let error = decode_text(latin1).unwrap_err();
    assert_eq!(
        error,
        LoadError::Encoding(Encoding::NotUtf8 { at_byte: 13 })
    );
    assert!(error.explain(W).contains("not UTF-8 text (from byte 13)"));
    let with_mark = [b"\xEF\xBB\xBF".as_slice(), MINIMAL.as_bytes()].concat();
    load_dataset(&decode_text(with_mark).unwrap()).expect("a UTF-8 byte-order mark is fine");
    for empty in ["", "   \n\t "] {
        assert_eq!(load_dataset(empty), Err(LoadError::Empty));
    }
    assert_eq!(LoadError::Empty.explain(W), "The data file is empty.");
}

// ---- Words ----------------------------------------------------------------------------------

#[test]
fn the_parser_jargon_never_reaches_a_reader() {
    let cases = [
        (
            "{\"format\": \"trd-evidence/1\", \"dataset\": []}".to_string(),
            "a list [ … ] where an object { … } belongs",
        ),
        (
            "{\"format\": 1}".to_string(),
            "a number (1) where text in quotes belongs",
        ),
        (
            "{\"format\": \"trd-evidence/1\"".to_string(),
            "the file ends too early",
        ),
        ("{\"format\" \"x\"}".to_string(), "not JSON here"),
        (
            "{\"format\": \"x\",}".to_string(),
            "a comma before a closing bracket",
        ),
        (
            MINIMAL.trim_end().to_string() + " x",
            "more text after the data",
        ),
        (
            "{\"format\": \"a\tb\"}".to_string(),
            "a tab or line break typed inside quotes",
        ),
    ];
    for (text, says) in &cases {
        let message = shown_message(text);
        assert!(message.contains(says), "{text:?}: {message}");
    }
    let k = minimal_with(
        "/options/0/findings/0/value",
        serde_json::json!({"kind": "percent", "percent": 29.3, "k": -3, "n": 10}),
    );
    let message = shown_message(&k);
    assert!(
        message.contains("a number (-3) where a whole number (0 or more) belongs"),
        "{message}"
    );
    let struct_as_text = minimal_with("/dataset", serde_json::json!("x"));
    let message = shown_message(&struct_as_text);
    assert!(
        message.contains("text in quotes (x) where an object { … } belongs"),
        "{message}"
    );
    for (text, _) in &cases {
        let message = shown_message(text);
        for jargon in [
            "u32",
            "struct ",
            "EOF",
            "sequence",
            "invalid type",
            "expected value",
        ] {
            assert!(!message.contains(jargon), "{jargon:?} in: {message}");
        }
    }
}

// ---- The iframe page's data --------------------------------------------------------------------

#[test]
fn the_iframe_page_takes_data_from_its_own_site_or_listed_sites_only() {
    let page = "https://widget.example";
    for same in [
        "trd-evidence.json",
        "/data/x.json",
        "https://widget.example/x.json",
        "HTTPS://WIDGET.EXAMPLE:443/x.json",
        "//widget.example/x.json",
        "x.json?u=https://evil.example",
    ] {
        assert_eq!(foreign_origin(same, page), None, "{same}");
    }
    for (other, origin) in [
        ("https://evil.example/data.json", "https://evil.example"),
        ("//evil.example/data.json", "https://evil.example"),
        (
            "https://widget.example.evil.example/x",
            "https://widget.example.evil.example",
        ),
        (
            "https://widget.example@evil.example/x",
            "https://evil.example",
        ),
        (
            "https://evil.example\\@widget.example/x",
            "https://evil.example",
        ),
        ("http://widget.example/x.json", "http://widget.example"),
        ("data:application/json,{}", "data:"),
        // As a browser reads them: backslashes, tabs, controls, a scheme without slashes.
        ("\\\\evil.example/fake.json", "https://evil.example"),
        ("/\\evil.example/x", "https://evil.example"),
        ("\\/evil.example/x", "https://evil.example"),
        ("/\t/evil.example/x", "https://evil.example"),
        ("\u{1}//evil.example/x", "https://evil.example"),
        ("https:\\\\evil.example/x", "https://evil.example"),
        ("https:/\\evil.example/x", "https://evil.example"),
        ("https:\t//evil.example/x", "https://evil.example"),
        ("https:evil.example/x", "https:"),
        ("http://", "http://"),
        ("javascript:alert(1)", "javascript:"),
    ] {
        assert_eq!(
            foreign_origin(other, page).as_deref(),
            Some(origin),
            "{other}"
        );
    }
    let read = |src: &str, allowed: &[&str]| {
        let mut s = Settings::read_page(
            "trd-evidence.json",
            |_| None,
            &format!("?src={src}"),
            true,
            None,
        );
        let allowed: Vec<String> = allowed.iter().map(|a| a.to_string()).collect();
        s.keep_src_within("trd-evidence.json", page, &allowed);
        s
    };
    let refused = read("https://evil.example/fake.json", &[]);
    assert_eq!(
        refused.src, "trd-evidence.json",
        "the site's own data instead"
    );
    assert_eq!(
        refused.problems[0].line(W),
        "src: data from https://evil.example is not shown on this page (only data from this site, or sites its owner lists)"
    );
    let listed = read("https://data.example/d.json", &["https://data.example/"]);
    assert_eq!(
        (listed.src.as_str(), listed.problems.len()),
        ("https://data.example/d.json", 0)
    );
}

// ---- Any input ----------------------------------------------------------------------------------

fn nested(depth: usize, open: &str, close: &str, closed: bool) -> String {
    let mut text = open.repeat(depth);
    if closed {
        text.push('1');
        text.push_str(&close.repeat(depth));
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any JSON-like text up to the size limit: a dataset or a message, within 5 s, no panic.
    #[test]
    fn any_text_up_to_the_limit_gives_a_dataset_or_a_message_in_time(
        depth in 0usize..60_000,
        kind in 0usize..4,
        closed in any::<bool>(),
        filler in 0usize..1_500_000,
        noise in ".{0,40}",
    ) {
        let text = match kind {
            0 => nested(depth, "[", "]", closed),
            1 => nested(depth, "{\"k\":", "}", closed),
            2 => format!("{{\"format\": \"{}\", \"x\": {}}}", "a".repeat(filler), noise),
            _ => format!("{}{}{}", &MINIMAL[..MINIMAL.len() / 2], noise, nested(depth.min(2_000), "[", "]", closed)),
        };
        prop_assume!(text.len() <= MAX_FILE_BYTES);
        let started = Instant::now();
        let result = load_dataset(&text);
        if let Err(error) = &result {
            prop_assert!(!error.details(W).join("").is_empty());
        }
        prop_assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
    }
}

#[test]
fn unsafe_characters_are_found_anywhere_in_a_file() {
    let text =
        r#"{"a": [{"b": "ok"}, {"c": "x\u202Ey"}], "d": "\ud83d\ude00 fine", "e": "\udc00 lone"}"#;
    let found = string_problems(text, 100);
    assert_eq!(
        found,
        [(
            "a[1].c".to_string(),
            json_path::StringProblem::UnsafeCharacter('\u{202E}')
        )],
        "a surrogate pair is one emoji, a lone surrogate reads as U+FFFD (allowed)"
    );
    assert!(matches!(
        ProblemKind::UnsafeCharacter { code: 0x202E },
        ProblemKind::UnsafeCharacter { .. }
    ));
}

#[test]
fn the_checker_says_the_same_of_the_same_files() {
    let dir = std::env::temp_dir().join(format!("trd-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(MINIMAL.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let files: [(&str, Vec<u8>, &str); 5] = [
        (
            "deep.json",
            "[".repeat(10_000).into_bytes(),
            "nested more than 32 levels deep (line 1)",
        ),
        (
            "bidi.json",
            MINIMAL
                .replacen("Standard 10 Hz rTMS", "rTMS \u{202E}", 1)
                .into_bytes(),
            "options[0].name: holds the invisible character U+202E",
        ),
        ("utf16.json", utf16, "saved as UTF-16"),
        ("empty.json", Vec::new(), "The data file is empty."),
        (
            "exponent.json",
            MINIMAL.replacen("29.3", "2.93e1", 1).into_bytes(),
            "is written with an exponent",
        ),
    ];
    for (name, bytes, says) in &files {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_trd-evidence-check"))
            .arg(&path)
            .output()
            .unwrap();
        let printed = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{name}: {printed}");
        assert!(printed.contains(says), "{name}: {printed}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_parser_causes_are_said_in_spanish_too() {
    let es = trd_core::words::Words::new(trd_core::words::Lang::Es);
    let needs = minimal_with(
        "/options/0/findings/0/value",
        serde_json::json!({"kind": "percent", "k": 3}),
    );
    let error = load_dataset(&needs).unwrap_err();
    assert_eq!(
        error.details(W)[0].split("): ").nth(1),
        Some("a value of kind \"percent\" needs the field `percent`")
    );
    assert!(
        error.details(es)[0].ends_with("un valor de tipo \"percent\" necesita el campo `percent`"),
        "{:?}",
        error.details(es)
    );
    let deep = load_dataset(&"[".repeat(100)).unwrap_err();
    assert!(deep
        .explain(es)
        .starts_with("Los objetos y listas están anidados a más de 32 niveles"));
}
