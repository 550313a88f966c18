//! Native tests of the pure core: the bundled data, validation, state, view model and charts.

use trd_evidence::chart::{
    fit, metric_panel_svg, place_label, text_width, wrap, LabelPlace, Layout, DEFAULT_WIDTH,
};
use trd_evidence::load::{load_dataset, LoadError, MAX_FILE_BYTES};
use trd_evidence::model::{Metric, Value};
use trd_evidence::state::{Action, Panel, SortKey, View, ViewState};
use trd_evidence::view_model::{Comparison, NOT_REPORTED};
use trd_evidence::BUNDLED_DATA;

fn bundled() -> trd_evidence::model::Dataset {
    load_dataset(BUNDLED_DATA).expect("the bundled dataset must load")
}

fn comparison(sort: SortKey) -> Comparison {
    let data = bundled();
    let state = ViewState::initial(&data).reduce(Action::SortBy(sort));
    Comparison::build(&data, &state.selection())
}

/// The (path, message) of a structural error; panics on any other outcome.
fn structure_error(text: &str) -> (String, String) {
    match load_dataset(text) {
        Err(LoadError::Structure { path, message, .. }) => (path, message),
        other => panic!("expected a structural error, got {other:?}"),
    }
}

fn problems_of(text: &str) -> Vec<String> {
    match load_dataset(text) {
        Err(LoadError::Invalid(problems)) => problems.iter().map(|p| p.to_string()).collect(),
        other => panic!("expected validation problems, got {other:?}"),
    }
}

/// The bundled file with one JSON-pointer location replaced.
fn bundled_with(pointer: &str, value: serde_json::Value) -> String {
    let mut tree: serde_json::Value = serde_json::from_str(BUNDLED_DATA).unwrap();
    *tree.pointer_mut(pointer).expect("pointer exists") = value;
    serde_json::to_string(&tree).unwrap()
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
    assert_eq!(data.dataset.last_reviewed, "2026-11-21");
}

#[test]
fn headline_figures_match_the_evidence_sheet_exactly() {
    let data = bundled();
    let headline = |id: &str, metric: Metric| {
        data.option(id)
            .unwrap()
            .headline(metric)
            .unwrap()
            .value
            .display()
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
    assert_eq!(sham.display(), "10.0%", "10.0 must not become 10");
    let esk = data.option("esketamine").unwrap();
    let hr = esk
        .findings
        .iter()
        .find(|f| f.label.as_deref() == Some("Relapse (hazard ratio)"))
        .unwrap();
    assert_eq!(
        hr.value.display(),
        "HR 0.30 (0.16–0.55)",
        "0.30 keeps its zero"
    );
    let aug = data.option("aug-antipsychotic").unwrap();
    assert_eq!(
        aug.findings[4].value.display(),
        "\u{2212}8.5 MADRS points",
        "a true minus sign"
    );
    let reparsed = load_dataset(&serde_json::to_string(&data).unwrap()).unwrap();
    assert_eq!(reparsed, data, "serialise then parse is lossless");
}

#[test]
fn not_reported_is_never_drawn_as_zero() {
    let c = comparison(SortKey::DataOrder);
    let cbt = c.rows.iter().find(|r| r.id == "cbt").unwrap();
    let remission = cbt.figure(Metric::Remission).unwrap();
    assert_eq!(remission.value_text, NOT_REPORTED);
    assert_eq!(remission.percent, None);
    let svg = metric_panel_svg(&c.rows, Metric::Remission, DEFAULT_WIDTH).unwrap();
    let texts: Vec<String> = svg_texts(&svg).into_iter().map(|t| t.3).collect();
    assert!(texts.iter().any(|t| t == "not reported"));
    assert_eq!(
        texts
            .iter()
            .filter(|t| t.starts_with("0%") || t.starts_with("0 "))
            .count(),
        1,
        "only the axis says 0%"
    );
}

#[test]
fn sorting_by_a_rate_puts_highest_first_and_not_reported_last() {
    let c = comparison(SortKey::Headline(Metric::Remission));
    let order: Vec<&str> = c.rows.iter().map(|r| r.id.as_str()).collect();
    // The sheet's remission headlines, highest first; not reported last, in data order.
    assert_eq!(
        order,
        [
            "snt",
            "ect",
            "iv-ketamine",
            "deep-tms",
            "psilocybin",
            "aug-antipsychotic",
            "esketamine",
            "med-combination",
            "med-switch",
            "rtms",
            "dbs",
            "aug-lithium",
            "vns",
            "cbt",
            "ipt",
            "itbs"
        ]
    );
    let c = comparison(SortKey::Headline(Metric::Response));
    let order: Vec<&str> = c.rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        order,
        [
            "aug-antipsychotic",
            "esketamine",
            "iv-ketamine",
            "snt",
            "aug-lithium",
            "itbs",
            "cbt",
            "ect",
            "deep-tms",
            "psilocybin",
            "med-combination",
            "rtms",
            "med-switch",
            "dbs",
            "vns",
            "ipt"
        ]
    );
    let c = comparison(SortKey::Name);
    assert_eq!(
        c.rows[0].name,
        "Accelerated fMRI-guided iTBS (Stanford neuromodulation therapy)"
    );
}

#[test]
fn reduce_changes_only_the_sort_and_shares_the_selection() {
    let data = bundled();
    let start = ViewState::initial(&data);
    let next = start.reduce(Action::SortBy(SortKey::Name));
    assert_eq!(next.sort, SortKey::Name);
    assert!(std::rc::Rc::ptr_eq(&start.selected, &next.selected));
    assert_eq!(
        SortKey::from_token("remission"),
        Some(SortKey::Headline(Metric::Remission))
    );
    assert_eq!(SortKey::from_token("nonsense"), None);
}

#[test]
fn citation_numbers_follow_data_order_and_do_not_move_when_sorting() {
    let a = comparison(SortKey::DataOrder);
    let b = comparison(SortKey::Name);
    assert_eq!(a.citations, b.citations);
    assert_eq!(
        a.citations[0].citation.id, "RUSH2006NEJM",
        "med-switch's response comes first"
    );
    let data = bundled();
    for row in &a.rows {
        for figure in &row.figures {
            let finding = data
                .option(&row.id)
                .unwrap()
                .headline(figure.metric)
                .unwrap();
            let ids: Vec<&str> = figure
                .citation_numbers
                .iter()
                .map(|n| a.citations[n - 1].citation.id.as_str())
                .collect();
            assert_eq!(ids, finding.citations, "{} {:?}", row.id, figure.metric);
        }
    }
    let rtms = a.rows.iter().find(|r| r.id == "rtms").unwrap();
    let n = rtms.figure(Metric::Response).unwrap().citation_numbers[0];
    assert_eq!(a.citations[n - 1].citation.id, "BERLIM2014");
    assert!(a
        .citations
        .iter()
        .all(|c| c.link.as_deref().is_some_and(|l| l.starts_with("https://"))));
}

#[test]
fn every_headline_carries_its_provenance() {
    let c = comparison(SortKey::DataOrder);
    for row in &c.rows {
        for figure in row.figures.iter().filter(|f| f.is_reported()) {
            let what = format!("{} {:?}", row.id, figure.metric);
            assert!(figure.design.is_some(), "{what}: design");
            assert!(figure.n.is_some(), "{what}: n");
            assert!(figure.timepoint.is_some(), "{what}: timepoint");
            assert!(figure.comparator.is_some(), "{what}: comparator");
            assert!(figure.tier.is_some(), "{what}: tier");
            assert!(!figure.citation_numbers.is_empty(), "{what}: citations");
        }
    }
}

#[test]
fn chart_svg_shows_each_option_with_its_value_and_comparator() {
    let c = comparison(SortKey::DataOrder);
    let svg = metric_panel_svg(&c.rows, Metric::Response, DEFAULT_WIDTH).unwrap();
    assert!(svg.starts_with("<svg"));
    let texts: Vec<String> = svg_texts(&svg).into_iter().map(|t| t.3).collect();
    assert!(
        texts.join(" ").contains("Esketamine nasal spray"),
        "{texts:?}"
    );
    for text in [
        "new oral AD + placebo spray 52.0%",
        "69.3%",
        "29.3%",
        "sham 10.4%",
        "usual care 22%",
        "41.2%",
        "IV ketamine 55.4%",
        "15.2%",
    ] {
        assert!(
            texts.iter().any(|t| t == text),
            "response chart lacks {text:?}: {texts:?}"
        );
    }
    assert!(
        texts.iter().any(|t| t == "⚠ secondary report"),
        "tier D is flagged on the chart"
    );
    let svg = metric_panel_svg(&c.rows, Metric::Remission, DEFAULT_WIDTH).unwrap();
    let texts: Vec<String> = svg_texts(&svg).into_iter().map(|t| t.3).collect();
    assert!(texts.iter().any(|t| t == "48.0%"));
    assert!(
        texts.iter().any(|t| t == "⚠ uncontrolled study"),
        "tier C is flagged on the chart"
    );
    assert!(
        texts.iter().any(|t| t == "no comparison group"),
        "VNS remission had none"
    );
    // One filled bar per reported rate: 13 of the 16 options report remission.
    assert_eq!(svg.matches(r##"fill="#1D4E89""##).count(), 13, "{svg}");
}

/// Each `<text>` of an SVG: (x, anchor, font size, content).
fn svg_texts(svg: &str) -> Vec<(i32, String, f64, String)> {
    let attr = |tag: &str, name: &str| -> Option<String> {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        Some(tag[start..].split('"').next()?.to_string())
    };
    svg.split("<text")
        .skip(1)
        .map(|rest| {
            let (tag, after) = rest.split_once('>').unwrap();
            let content = after.split("</text>").next().unwrap().trim().to_string();
            let x = attr(tag, "x").unwrap().parse::<f64>().unwrap() as i32;
            let anchor = attr(tag, "text-anchor").unwrap_or_else(|| "start".into());
            let size =
                attr(tag, "font-size").map_or(12.0, |s| s.trim_end_matches("px").parse().unwrap());
            (x, anchor, size, content)
        })
        .collect()
}

#[test]
fn no_chart_label_leaves_the_chart_at_any_width() {
    let mut data = bundled();
    // The longest name in the evidence sheet, to stress the label column.
    data.options[3].name = "Accelerated fMRI-guided iTBS (Stanford neuromodulation therapy)".into();
    let rows = Comparison::build(&data, &ViewState::initial(&data).selection()).rows;
    for width in [272, 320, 360, 480, 640, 1200] {
        for metric in [Metric::Response, Metric::Remission] {
            let svg = metric_panel_svg(&rows, metric, width).unwrap();
            assert!(
                svg.contains(&format!("width=\"{width}\"")),
                "drawn at the real width"
            );
            let joined: Vec<String> = svg_texts(&svg).into_iter().map(|t| t.3).collect();
            let whole = match metric {
                Metric::Response => "new oral AD + placebo spray 52.0%",
                _ => "without prior failure 64.9%",
            };
            assert!(
                joined.join(" ").contains(whole),
                "comparator label kept whole at {width}px: {joined:?}"
            );
            assert_text_inside(&svg, width);
        }
    }
}

#[test]
fn narrow_charts_put_names_above_the_bars() {
    let rows = comparison(SortKey::DataOrder).rows;
    let narrow = Layout::new(&rows, Metric::Response, 360);
    assert!(narrow.stacked);
    for row in narrow.rows.iter().filter(|r| r.bar.is_some()) {
        let name = &row.labels[0];
        assert!(
            row.bar.unwrap().0 > name.y + 8,
            "the bar sits below the name"
        );
    }
    assert_eq!(narrow.plot_left, 12, "bars use the full width");
    let wide = Layout::new(&rows, Metric::Response, 900);
    assert!(!wide.stacked);
    assert!(wide.plot_left > 150, "names sit in a column to the left");
}

#[test]
fn labels_go_after_the_bar_then_inside_then_are_cut() {
    assert_eq!(
        place_label("29.3%", 15.0, 100, 10, 600),
        LabelPlace::After(106, "29.3%".into())
    );
    assert_eq!(
        place_label("69.3%", 15.0, 590, 10, 600),
        LabelPlace::Inside(584, "69.3%".into())
    );
    let cut = place_label(&"x".repeat(80), 15.0, 200, 10, 300);
    assert!(
        matches!(cut, LabelPlace::Inside(_, ref s) if s.ends_with('…')),
        "{cut:?}"
    );
    assert_eq!(fit("short", 13.0, 500), "short");
    assert!(text_width(&fit(&"y".repeat(100), 13.0, 120), 13.0) <= 120);
}

#[test]
fn long_names_wrap_and_are_cut_with_an_ellipsis() {
    assert_eq!(wrap("Standard 10 Hz rTMS", 26, 3), ["Standard 10 Hz rTMS"]);
    assert_eq!(
        wrap("Add an atypical antipsychotic (e.g. aripiprazole)", 26, 3),
        ["Add an atypical", "antipsychotic (e.g.", "aripiprazole)"]
    );
    let cut = wrap(&"word ".repeat(40), 10, 2);
    assert_eq!(cut.len(), 2);
    assert!(cut[1].ends_with('…'));
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
    assert!(message.contains("expected a JSON number"), "{message}");
}

#[test]
fn missing_field_names_the_field() {
    let mut tree: serde_json::Value = serde_json::from_str(BUNDLED_DATA).unwrap();
    tree["options"][1].as_object_mut().unwrap().remove("name");
    let (path, message) = structure_error(&tree.to_string());
    assert_eq!(path, "options[1]");
    assert!(message.contains("missing field `name`"), "{message}");
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

#[test]
fn value_kinds_display_as_written() {
    let v: Value = serde_json::from_str(
        r#"{"kind":"effect","measure":"OR","estimate":1.69,"ci_low":1.46,"ci_high":1.95}"#,
    )
    .unwrap();
    assert_eq!(v.display(), "OR 1.69 (1.46–1.95)");
    assert_eq!(
        v.percent(),
        None,
        "an odds ratio is never drawn as a percentage"
    );
    let v: Value =
        serde_json::from_str(r#"{"kind":"percent_range","low":51.6,"high":52.4}"#).unwrap();
    assert_eq!(v.display(), "51.6–52.4%");
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
    use trd_evidence::json_path::{long_strings, path_at};
    let text = r#"{"a": [1, {"b\"q": "héllo ≥ \u00e9", "c": [true, null]}], "d": "x"}"#;
    let at = |needle: &str| path_at(text, text.find(needle).unwrap()).unwrap();
    assert_eq!(at("1,"), "a[0]");
    assert_eq!(at("héllo"), "a[1].b?q");
    assert_eq!(at("true"), "a[1].c[0]");
    assert_eq!(at("null"), "a[1].c[1]");
    assert_eq!(at("\"x\""), "d");
    assert_eq!(at("{\"b"), "a[1]");
    assert_eq!(
        long_strings(text, 5),
        [("a[1].b?q".to_string(), 9)],
        "\\u00e9 counts as one character"
    );
    assert_eq!(
        path_at("{\"a\": ", 6).as_deref(),
        Some("a"),
        "text cut off before a value points at that value"
    );
}

#[test]
fn readers_choose_options_but_always_compare_at_least_two() {
    let data = bundled();
    let ids = |s: &ViewState| -> Vec<String> {
        Comparison::build(&data, &s.selection())
            .rows
            .into_iter()
            .map(|r| r.id)
            .collect()
    };
    let two: std::rc::Rc<[String]> = ["rtms".to_string(), "ect".to_string()].into();
    let state = ViewState::initial(&data).reduce(Action::Select(two));
    assert_eq!(ids(&state), ["rtms", "ect"], "rows follow data order");
    let same = state.reduce(Action::Toggle("ect".into()));
    assert_eq!(
        ids(&same),
        ["rtms", "ect"],
        "removing one of two is refused"
    );
    assert!(!same.can_deselect("rtms"));
    let three = state.reduce(Action::Toggle("esketamine".into()));
    assert_eq!(ids(&three), ["esketamine", "rtms", "ect"]);
    assert!(three.can_deselect("rtms"));
    let back = three.reduce(Action::Toggle("rtms".into()));
    assert_eq!(ids(&back), ["esketamine", "ect"]);
    let one: std::rc::Rc<[String]> = ["rtms".to_string()].into();
    assert_eq!(
        back.reduce(Action::Select(one)),
        back,
        "a one-option selection is refused"
    );
}

#[test]
fn filters_narrow_the_chosen_options_by_category_and_invasiveness() {
    use trd_evidence::model::Category;
    let data = bundled();
    let rows = |s: &ViewState| -> Vec<String> {
        Comparison::build(&data, &s.selection())
            .rows
            .into_iter()
            .map(|r| r.id)
            .collect()
    };
    let all = ViewState::initial(&data);
    let meds = all.reduce(Action::FilterCategory(Some(Category::Medication)));
    assert_eq!(
        rows(&meds),
        [
            "med-switch",
            "aug-antipsychotic",
            "aug-lithium",
            "med-combination"
        ]
    );
    let gentle = all.reduce(Action::FilterInvasiveness(Some(1)));
    assert_eq!(
        rows(&gentle).len(),
        10,
        "16 options less the 6 at levels 2–4"
    );
    assert!(!rows(&gentle).contains(&"ect".to_string()));
    let up_to_3 = all.reduce(Action::FilterInvasiveness(Some(3)));
    assert_eq!(
        rows(&up_to_3).len(),
        14,
        "all but the two implants (VNS, DBS)"
    );
    let cleared = meds.reduce(Action::FilterCategory(None));
    assert_eq!(rows(&cleared).len(), 16);
    assert_eq!(all.reduce(Action::Show(View::Table)).view, View::Table);
}

#[test]
fn options_sit_on_the_same_rows_in_every_panel() {
    let rows = comparison(SortKey::DataOrder).rows;
    for width in [320, 640, 1200] {
        let response = Layout::new(&rows, Metric::Response, width);
        let remission = Layout::new(&rows, Metric::Remission, width);
        let tops = |l: &Layout| l.rows.iter().map(|r| r.top).collect::<Vec<_>>();
        assert_eq!(tops(&response), tops(&remission), "at {width}px");
        assert_eq!(response.height, remission.height);
    }
}

#[test]
fn a_row_draws_the_same_picture_wherever_the_sort_puts_it() {
    use trd_evidence::chart::{burden_layout, AXIS_HEIGHT, TOP_MARGIN};
    let by_data = comparison(SortKey::DataOrder).rows;
    let by_name = comparison(SortKey::Name).rows;
    for width in [320, 576, 640, 900] {
        for (a, b) in [
            (
                Layout::new(&by_data, Metric::Response, width),
                Layout::new(&by_name, Metric::Response, width),
            ),
            (
                Layout::new(&by_data, Metric::Remission, width),
                Layout::new(&by_name, Metric::Remission, width),
            ),
            (
                burden_layout(&by_data, width),
                burden_layout(&by_name, width),
            ),
        ] {
            let (rows_a, axis_a) = a.pictures();
            let (rows_b, axis_b) = b.pictures();
            assert_eq!(axis_a, axis_b);
            for picture in &rows_a {
                // Each row is its own picture: its text must lie inside it, top to bottom.
                for (_, _, size, content) in svg_texts(&picture.svg().unwrap()) {
                    let y = text_y(&picture.svg().unwrap(), &content);
                    let half = (size / 2.0).ceil() as i32;
                    assert!(
                        y - half >= 0 && y + half <= picture.height,
                        "{content:?} at y {y} in a {}px row at {width}px",
                        picture.height
                    );
                }
            }
            for (row, picture) in by_data.iter().zip(&rows_a) {
                let moved = by_name.iter().position(|r| r.id == row.id).unwrap();
                assert_eq!(*picture, rows_b[moved], "{} at {width}px", row.id);
                assert_eq!(picture.row.top, 0);
                let svg = picture.svg().unwrap();
                assert!(svg.contains(&format!(r#"height="{}""#, picture.height)));
            }
            // Stacked, the pictures fill exactly the space the one-piece chart gives the rows.
            let stacked: i32 = rows_a.iter().map(|p| p.height).sum();
            assert_eq!(TOP_MARGIN + stacked + AXIS_HEIGHT, a.height, "at {width}px");
            let names: Vec<String> = svg_texts(&rows_a[0].svg().unwrap())
                .into_iter()
                .map(|t| t.3)
                .collect();
            assert!(names.iter().any(|t| t.contains("Switch")), "{names:?}");
        }
    }
}

#[test]
fn opening_a_figure_again_closes_it() {
    let data = bundled();
    let state = ViewState::initial(&data);
    let open = state.reduce(Action::OpenFigure(
        "rtms".into(),
        Panel::Metric(Metric::Response),
    ));
    assert_eq!(
        open.open_figure,
        Some(("rtms".to_string(), Panel::Metric(Metric::Response)))
    );
    let other = open.reduce(Action::OpenFigure(
        "ect".into(),
        Panel::Metric(Metric::Response),
    ));
    assert_eq!(
        other.open_figure,
        Some(("ect".to_string(), Panel::Metric(Metric::Response)))
    );
    assert_eq!(
        other
            .reduce(Action::OpenFigure(
                "ect".into(),
                Panel::Metric(Metric::Response)
            ))
            .open_figure,
        None
    );
    assert_eq!(open.reduce(Action::CloseFigure).open_figure, None);
}

#[test]
fn one_option_detail_panel_opens_at_a_time() {
    let data = bundled();
    let state = ViewState::initial(&data).reduce(Action::ToggleOption("rtms".into()));
    assert_eq!(state.open_option.as_deref(), Some("rtms"));
    let other = state.reduce(Action::ToggleOption("ect".into()));
    assert_eq!(other.open_option.as_deref(), Some("ect"));
    assert_eq!(
        other.reduce(Action::ToggleOption("ect".into())).open_option,
        None
    );
}

#[test]
fn icon_arrays_show_the_exact_share_without_rounding() {
    use trd_evidence::icon_array::{icon_array_svg, per_denominator, IconGrid, IconTone};
    let g = IconGrid::new(29.3, 100);
    assert_eq!((g.full, g.columns, g.rows), (29, 10, 10));
    assert!(
        (g.partial - 0.3).abs() < 1e-9,
        "the 30th square is 30% filled"
    );
    let g10 = IconGrid::new(29.3, 10);
    assert_eq!(g10.full, 2);
    assert!((g10.partial - 0.93).abs() < 1e-9);
    let g1000 = IconGrid::new(29.3, 1000);
    assert_eq!(
        (g1000.full, g1000.partial, g1000.columns, g1000.rows),
        (293, 0.0, 50, 20)
    );
    for (text, d, shown) in [
        ("29.3", 10, "2.93"),
        ("29.3", 100, "29.3"),
        ("29.3", 1000, "293"),
        ("50.0", 10, "5.00"),
        ("5", 10, "0.5"),
        ("0.4", 10, "0.04"),
        ("100", 1000, "1000"),
        ("27.1", 1000, "271"),
    ] {
        assert_eq!(per_denominator(text, d), shown, "{text}% out of {d}");
    }
    let svg = icon_array_svg(&g, IconTone::Option).unwrap();
    assert_eq!(
        svg.matches("<rect").count() - 1,
        100 + 1,
        "100 squares and the partial fill (plus the background)"
    );
    assert_eq!(
        svg.matches(r##"fill="#1D4E89""##).count(),
        30,
        "29 full squares and one partial fill"
    );
}

#[test]
fn icon_denominators_are_10_100_or_1000() {
    use trd_evidence::state::Action;
    let state = ViewState::initial(&bundled());
    assert_eq!(state.denominator, 100);
    assert_eq!(state.reduce(Action::OutOf(1000)).denominator, 1000);
    assert_eq!(
        state.reduce(Action::OutOf(7)).denominator,
        100,
        "other denominators are ignored"
    );
    assert_eq!(
        state
            .reduce(Action::ShowIconsFor(Metric::Remission))
            .icon_metric,
        Metric::Remission
    );
}

#[test]
fn chart_text_is_at_least_14_css_pixels() {
    let c = comparison(SortKey::DataOrder);
    let svg = metric_panel_svg(&c.rows, Metric::Response, DEFAULT_WIDTH).unwrap();
    let sizes: Vec<f64> = svg_texts(&svg).into_iter().map(|t| t.2).collect();
    assert!(!sizes.is_empty());
    assert!(sizes.iter().all(|s| *s >= 14.0), "{sizes:?}");
    assert!(sizes.contains(&16.0), "names and values are 16 px");
}

#[test]
fn the_burden_panel_shows_hours_as_written_and_invasiveness_on_the_same_rows() {
    use trd_evidence::chart::burden_panel;
    let rows = comparison(SortKey::DataOrder).rows;
    for width in [272, 640, 1200] {
        let (layout, svg) = burden_panel(&rows, width).unwrap();
        let response = Layout::new(&rows, Metric::Response, width);
        let tops = |l: &Layout| l.rows.iter().map(|r| r.top).collect::<Vec<_>>();
        assert_eq!(
            tops(&layout),
            tops(&response),
            "same rows as the metric panels at {width}px"
        );
        let texts: Vec<String> = svg_texts(&svg).into_iter().map(|t| t.3).collect();
        let all = texts.join(" | ");
        for expected in [
            "| 16.7–25 h |",
            "| 18–48 h |",
            "| ≥16 h |",
            "| 45.8 h |",
            "| 10–18 h |",
            "hours: not derivable",
            "| 4 of 4",
            "| 3 of 4",
        ] {
            assert!(all.contains(expected), "{expected:?} at {width}px in {all}");
        }
        assert!(
            !all.contains("⚠"),
            "response-figure flags do not belong in this panel"
        );
        assert_text_inside(&svg, width);
    }
}

/// The y of the first text element showing `content`.
fn text_y(svg: &str, content: &str) -> i32 {
    svg.split("<text")
        .skip(1)
        .find(|t| t.contains(&format!(">\n{content}\n<")) || t.contains(&format!(">{content}<")))
        .and_then(|t| t.split("y=\"").nth(1))
        .and_then(|rest| rest.split('"').next())
        .and_then(|y| y.parse().ok())
        .unwrap_or_else(|| panic!("no text {content:?}"))
}

/// Every text of the SVG, at its estimated width, lies inside the chart's width.
fn assert_text_inside(svg: &str, width: u32) {
    for (x, anchor, size, content) in svg_texts(svg) {
        let content = content.replace("&amp;", "&").replace("&lt;", "<");
        let w = text_width(&content, size);
        let (from, to) = match anchor.as_str() {
            "end" => (x - w, x),
            "middle" => (x - w / 2, x + w / 2),
            _ => (x, x + w),
        };
        assert!(
            from >= 0 && to <= width as i32,
            "{content:?} spans {from}..{to} in a {width}px chart"
        );
    }
}

#[test]
fn the_cost_panel_draws_each_headline_price_on_a_log_scale_with_what_it_covers() {
    use trd_evidence::chart::{cost_panel, Axis};
    let rows = comparison(SortKey::DataOrder).rows;
    for width in [272, 360, 640, 1200] {
        let (layout, svg) = cost_panel(&rows, width).unwrap();
        let response = Layout::new(&rows, Metric::Response, width);
        let tops = |l: &Layout| l.rows.iter().map(|r| r.top).collect::<Vec<_>>();
        assert_eq!(tops(&layout), tops(&response), "same rows at {width}px");
        // From $4 (generic antidepressants a month) to $250,000 (DBS): $1 to $1M.
        assert_eq!(
            layout.axis,
            Axis::LogPrice {
                from: 0,
                to: 6,
                currency: "USD".into()
            }
        );
        let frame = layout.frame();
        // Each decade takes the same width.
        let step = frame.at(10.0) - frame.at(1.0);
        assert!((frame.at(100_000.0) - frame.at(10_000.0) - step).abs() <= 1);
        let vns = rows.iter().position(|r| r.id == "vns").unwrap();
        let (top, end) = layout.rows[vns].bar.unwrap();
        assert_eq!(layout.rows[vns].bar_start, Some(frame.at(40_000.0) - 3));
        assert_eq!(end, frame.at(45_000.0) + 3);
        assert!(top >= layout.rows[vns].top && top < layout.rows[vns].bottom);
        let texts: Vec<String> = svg_texts(&svg).into_iter().map(|t| t.3).collect();
        let all = texts.join(" | ");
        for expected in [
            "$40,000–45,000 |",
            "$200,000–250,000 |",
            "$550–900 |",
            "$4 |",
            "a session (2019)",
            "no verified price",
            "$1 |",
            "$1M",
        ] {
            assert!(all.contains(expected), "{expected:?} at {width}px in {all}");
        }
        if width >= 640 {
            for expected in [
                "device and surgery (2012)",
                "a month (Jan 2020)",
                "a month (year: not given)",
                "log scale",
            ] {
                assert!(all.contains(expected), "{expected:?} at {width}px in {all}");
            }
        }
        let lithium = rows.iter().position(|r| r.id == "aug-lithium").unwrap();
        assert_eq!(layout.rows[lithium].bar, None, "no price, no bar");
        assert_text_inside(&svg, width);
    }
}

#[test]
fn prices_keep_their_digits_with_thousands_separators() {
    use trd_evidence::view_model::group_thousands;
    assert_eq!(group_thousands("4"), "4");
    assert_eq!(group_thousands("900"), "900");
    assert_eq!(group_thousands("1924"), "1,924");
    assert_eq!(group_thousands("250000"), "250,000");
    assert_eq!(group_thousands("10554.25"), "10,554.25");
    assert_eq!(group_thousands("1000000"), "1,000,000");
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

#[test]
fn opening_panels_or_switching_views_does_not_change_what_the_charts_are_built_from() {
    use trd_evidence::model::Category;
    let state = ViewState::initial(&bundled());
    for action in [
        Action::OpenFigure("rtms".into(), Panel::Metric(Metric::Response)),
        Action::ToggleOption("rtms".into()),
        Action::Show(View::Icons),
        Action::OutOf(1000),
        Action::ShowIconsFor(Metric::Remission),
    ] {
        assert_eq!(
            state.reduce(action.clone()).selection(),
            state.selection(),
            "{action:?}"
        );
    }
    for action in [
        Action::SortBy(SortKey::Name),
        Action::FilterCategory(Some(Category::Medication)),
        Action::FilterInvasiveness(Some(1)),
        Action::Toggle("rtms".into()),
    ] {
        assert_ne!(
            state.reduce(action.clone()).selection(),
            state.selection(),
            "{action:?}"
        );
    }
}

#[test]
fn presenter_mode_reveals_options_one_at_a_time_within_bounds() {
    let state = ViewState::initial(&bundled());
    assert_eq!(state.presenting, None);
    let step = |s: &ViewState, by: i8| s.reduce(Action::Step { by, shown: 3 });
    assert_eq!(
        step(&state, 1).presenting,
        None,
        "stepping does nothing outside presenter mode"
    );
    let on = state.reduce(Action::Present(true));
    assert_eq!(on.presenting, Some(1), "starts with the first option");
    let two = step(&on, 1);
    assert_eq!(two.presenting, Some(2));
    let all = step(&step(&two, 1), 1);
    assert_eq!(all.presenting, Some(3), "never more than are shown");
    assert_eq!(
        step(&step(&step(&all, -1), -1), -1).presenting,
        Some(1),
        "never fewer than one"
    );
    assert_eq!(all.reduce(Action::Present(false)).presenting, None);
    assert_eq!(
        all.selection(),
        state.selection(),
        "presenting does not change what the charts are built from"
    );
}

#[test]
fn live_chart_svg_tags_every_colour_with_a_theme_class() {
    let rows = comparison(SortKey::DataOrder).rows;
    let (pictures, axis) = Layout::new(&rows, Metric::Remission, 640).pictures();
    let mut svgs: Vec<String> = pictures.iter().map(|p| p.svg().unwrap()).collect();
    svgs.push(axis.svg().unwrap());
    let all = svgs.join("\n");
    for tag in all
        .split('<')
        .skip(1)
        .filter(|t| !t.starts_with('/') && !t.starts_with("svg"))
    {
        let coloured = tag.contains("fill=\"#") || tag.contains("stroke=\"#");
        assert_eq!(coloured, tag.contains(" class=\"trd-"), "{tag}");
        assert!(
            tag.matches("class=").count() <= 1,
            "one class attribute: {tag}"
        );
    }
    assert!(all.contains(r##"<rect class="trd-c-bg""##), "backgrounds");
    assert!(all.contains(r##"<text class="trd-c-text""##), "names");
    assert!(all.contains(r##"class="trd-c-mark""##) && all.contains(r##"class="trd-s-mark2""##));
    assert!(
        all.contains(r##"class="trd-c-flag""##),
        "the uncontrolled-study flag"
    );
    // A value written inside its bar is white text, repainted as text on a mark.
    // (In "What it involves", ECT's "18–48 h" sits inside its bar.)
    let wide = trd_evidence::chart::burden_layout(&rows, 360).pictures().0;
    let inside: Vec<String> = wide
        .iter()
        .map(|p| p.svg().unwrap())
        .filter(|s| s.contains("trd-c-onmark"))
        .collect();
    assert!(!inside.is_empty(), "some value is written inside its bar");
    for svg in &inside {
        assert!(svg.contains(r##"<text class="trd-c-onmark""##));
    }
}
