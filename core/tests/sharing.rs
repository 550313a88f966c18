//! What readers and hosts take away and hand on: the host's settings read from attributes
//! (every problem named by attribute), a view kept in its link and restored exactly, and the
//! exports of a view (CSV with its sources, SVG with its note, legend and citations).

mod common;

use common::{shown, svg_words, W};
use std::collections::HashMap;
use trd_core::export::{comparison_svg, csv_columns, findings_csv, CSV_COLUMN_COUNT};
use trd_core::load::load_dataset;
use trd_core::model::Metric;
use trd_core::settings::{SettingProblem, Settings, Theme};
use trd_core::state::{Panel, PanelChoice, SortKey, View, ALL_PANELS};
use trd_core::words::{Lang, Words};
use trd_core::BUNDLED_DATA;

/// Each problem as the widget lists it.
fn lines(problems: &[SettingProblem]) -> Vec<String> {
    problems.iter().map(|p| p.line(W)).collect()
}

// ---- Settings from attributes and links -----------------------------------------------------

fn read(pairs: &[(&str, &str)]) -> Settings {
    let map: HashMap<String, String> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Settings::read("https://cdn.example/embed/trd-evidence.json", |name| {
        map.get(name).cloned()
    })
}

#[test]
fn no_attributes_show_everything_with_the_bundled_data() {
    let config = read(&[]);
    assert_eq!(config.src, "https://cdn.example/embed/trd-evidence.json");
    assert_eq!(config.options, None);
    assert_eq!(config.panels, ALL_PANELS.to_vec());
    assert_eq!(
        (config.sort, config.view, config.theme),
        (SortKey::DataOrder, View::Chart, Theme::Auto)
    );
    assert_eq!(config.heading_level, 2);
    assert!(config.problems.is_empty());
}

#[test]
fn every_attribute_is_read() {
    let config = read(&[
        ("src", " /clinic/our-prices.json "),
        ("options", "rtms, ect esketamine"),
        ("metrics", "remission,cost"),
        ("sort", "remission"),
        ("view", "table"),
        ("theme", "high-contrast"),
        ("heading-level", "3"),
        ("title", "Options we offer"),
    ]);
    assert_eq!(config.src, "/clinic/our-prices.json");
    assert_eq!(
        config.options.as_deref(),
        Some(&["rtms".to_string(), "ect".into(), "esketamine".into()][..])
    );
    assert_eq!(
        config.panels,
        vec![
            PanelChoice::Chart(Panel::Metric(Metric::Remission)),
            PanelChoice::Chart(Panel::Cost)
        ]
    );
    assert_eq!(config.sort, SortKey::Headline(Metric::Remission));
    assert_eq!(config.view, View::Table);
    assert_eq!(config.theme, Theme::HighContrast);
    assert_eq!(config.heading_level, 3);
    assert_eq!(config.title.as_deref(), Some("Options we offer"));
    assert!(config.problems.is_empty(), "{:?}", config.problems);
}

#[test]
fn unusable_values_keep_the_default_and_name_the_attribute() {
    let config = read(&[
        ("metrics", "response,costs"),
        ("sort", "price"),
        ("view", "pie"),
        ("theme", "neon"),
        ("heading-level", "9"),
    ]);
    assert_eq!(
        config.panels,
        vec![PanelChoice::Chart(Panel::Metric(Metric::Response))],
        "the known metric is kept"
    );
    assert_eq!(config.view, View::Chart);
    assert_eq!(config.heading_level, 2);
    let problems = lines(&config.problems).join("\n");
    for expected in [
        "metrics: \"costs\" is not one of response, remission, burden, cost",
        "sort: \"price\" is not one of default, response, remission, name",
        "view: \"pie\" is not one of chart, icons, table",
        "theme: \"neon\" is not one of auto, light, dark, high-contrast",
        "heading-level: \"9\" is not a number from 1 to 6",
    ] {
        assert!(problems.contains(expected), "{expected:?} in {problems}");
    }
}

#[test]
fn unknown_option_ids_are_reported_and_too_few_known_ones_show_all() {
    let data = load_dataset(BUNDLED_DATA).unwrap();
    let (options, problems) = read(&[("options", "rtms,nope,ect,rtms")]).options_in(&data);
    assert_eq!(options, Some(vec!["rtms".to_string(), "ect".into()]));
    assert_eq!(problems.len(), 1);
    assert!(lines(&problems)[0]
        .starts_with("options: no option has the id \"nope\" (the data has med-switch,"));
    let (options, problems) = read(&[("options", "rtms")]).options_in(&data);
    assert_eq!(options, None);
    assert!(lines(&problems)[0].contains("at least 2 known options, so all are shown"));
}

#[test]
fn a_hostile_title_stays_text_and_is_bounded() {
    let long = "<img src=x onerror=alert(1)>".repeat(50);
    let config = read(&[("title", &long)]);
    let title = config.title.unwrap();
    assert_eq!(title.chars().count(), 200);
    assert!(
        title.starts_with("<img"),
        "kept as text; Yew escapes it when rendering"
    );
}

#[test]
fn a_view_survives_the_round_trip_through_its_link() {
    use trd_core::model::Category;
    use trd_core::settings::{parse_query, view_query};
    use trd_core::state::{Action, ViewState};
    let data = load_dataset(BUNDLED_DATA).unwrap();
    let plain = ViewState::initial(&data);
    assert_eq!(
        view_query(&plain, &ALL_PANELS, &data, Lang::En),
        "?v=1.1.0&reviewed=2026-11-30",
        "the default view: only the version and review date, to cite it"
    );
    let ids: std::rc::Rc<[String]> = ["rtms", "ect", "esketamine", "cbt"]
        .map(String::from)
        .into();
    let state = [
        Action::Select(ids),
        Action::SortBy(SortKey::Headline(Metric::Remission)),
        Action::Show(View::Icons),
        Action::ShowIconsFor(Metric::Remission),
        Action::OutOf(1000),
        Action::FilterCategory(Some(Category::NonInvasiveBrainStimulation)),
        Action::FilterInvasiveness(Some(2)),
        Action::ShowEveryStudy(true),
    ]
    .into_iter()
    .fold(plain, |s, a| s.reduce(a));
    let panels = [
        PanelChoice::Chart(Panel::Metric(Metric::Response)),
        PanelChoice::Chart(Panel::Cost),
    ];
    let query = view_query(&state, &panels, &data, Lang::En);
    assert_eq!(
        query,
        "?options=rtms,ect,esketamine,cbt&metrics=response,cost&sort=remission&view=icons\
         &kind=non-invasive-brain-stimulation&invasive=2&icon-metric=remission&denominator=1000\
         &every-study=on&v=1.1.0&reviewed=2026-11-30"
    );
    let pairs: HashMap<String, String> = parse_query(&query).into_iter().collect();
    let back = Settings::read("trd-evidence.json", |name| pairs.get(name).cloned());
    assert!(back.problems.is_empty(), "{:?}", back.problems);
    assert_eq!(back.panels, panels.to_vec());
    let (restored, problems) = back.initial_state(&data);
    assert!(problems.is_empty());
    assert_eq!(restored, state, "the same view, exactly");
    assert_eq!(back.version_note(&data, W), None, "same dataset version");
}

#[test]
fn a_link_from_another_dataset_version_says_so() {
    let data = load_dataset(BUNDLED_DATA).unwrap();
    let config = read(&[("v", "0.9.0"), ("reviewed", "2026-01-05")]);
    let note = config.version_note(&data, W).unwrap();
    assert!(
        note.contains("version 0.9.0 of the evidence (reviewed 2026-01-05)"),
        "{note}"
    );
    assert!(
        note.contains("you are seeing version 1.1.0 (reviewed 2026-11-30)"),
        "{note}"
    );
}

#[test]
fn query_values_are_decoded() {
    use trd_core::settings::parse_query;
    assert_eq!(
        parse_query("?options=rtms%2Cect&title=Our+options%21&bad=%ZZ&x=%C3%A9"),
        vec![
            ("options".to_string(), "rtms,ect".to_string()),
            ("title".into(), "Our options!".into()),
            ("bad".into(), "%ZZ".into()),
            ("x".into(), "é".into()),
        ]
    );
    // One '?' starts the query, as browsers (and the loader's URLSearchParams) read it.
    assert_eq!(
        parse_query("??options=rtms,ect"),
        vec![("?options".to_string(), "rtms,ect".to_string())]
    );
}

// ---- Exports ----------------------------------------------------------------------------

/// A small RFC 4180 reader, enough to check what a spreadsheet would see.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    rows
}

#[test]
fn the_csv_has_one_row_per_finding_of_the_shown_options_with_its_sources() {
    let data = load_dataset(BUNDLED_DATA).unwrap();
    let comparison = shown(&data, &["rtms", "ect"]);
    let rows = parse_csv(&findings_csv(&data, &comparison, W));
    let findings: usize = data
        .options
        .iter()
        .filter(|o| o.id == "rtms" || o.id == "ect")
        .map(|o| o.findings.len())
        .sum();
    assert_eq!(rows.len(), 1 + findings, "a header and one row per finding");
    let columns = csv_columns(W);
    assert_eq!(
        rows[0],
        columns.iter().map(|c| c.to_string()).collect::<Vec<_>>()
    );
    assert!(
        rows.iter().all(|r| r.len() == CSV_COLUMN_COUNT),
        "every row has every column"
    );
    let col = |name: &str| columns.iter().position(|c| *c == name).unwrap();
    let headline = rows
        .iter()
        .find(|r| {
            r[col("option_id")] == "rtms"
                && r[col("metric")] == "response"
                && r[col("headline")] == "yes"
        })
        .expect("rTMS's headline response");
    assert_eq!(headline[col("value")], "29.3%");
    assert_eq!(headline[col("compared_with")], "sham");
    assert!(
        headline[col("sources")].contains("Berlim"),
        "{}",
        headline[col("sources")]
    );
    assert!(headline[col("sources")].contains("https://doi.org/10.1017/S0033291713000512"));
    assert!(rows[1..]
        .iter()
        .all(|r| r[col("dataset_version")] == "1.1.0" && r[col("last_reviewed")] == "2026-11-30"));
    assert!(
        rows[1..].iter().all(|r| !r[col("sources")].is_empty()),
        "every finding cites"
    );
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_defused() {
    let mut data = load_dataset(BUNDLED_DATA).unwrap();
    data.options[8].name = "=HYPERLINK(\"http://evil.example\",\"click\")".into();
    let comparison = shown(&data, &["rtms", "ect"]);
    let csv = findings_csv(&data, &comparison, W);
    let rows = parse_csv(&csv);
    assert!(rows
        .iter()
        .any(|r| r[1] == "'=HYPERLINK(\"http://evil.example\",\"click\")"));
    assert!(!csv.contains("\n=HYPERLINK") && !csv.contains(",=HYPERLINK"));
}

#[test]
fn the_exported_svg_has_title_note_legend_figures_citation_numbers_and_sources() {
    let mut data = load_dataset(BUNDLED_DATA).unwrap();
    data.options[12].name = "ECT <script>alert(1)</script> & co".into();
    let comparison = shown(&data, &["rtms", "ect", "vns"]);
    let picture = comparison_svg(&data, &comparison, &ALL_PANELS, "Our <options>", W).unwrap();
    let svg = &picture.svg;
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_eq!(
        svg.matches("<svg").count(),
        1 + 4,
        "the page and four panels"
    );
    assert_eq!(svg.matches("<svg").count(), svg.matches("</svg>").count());
    assert!(svg.contains("Our &lt;options&gt;"), "the title is escaped");
    assert!(!svg.contains("<script"), "hostile names stay text");
    assert!(svg.contains("ECT &lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
    for needle in [
        "do not compare the options directly",
        "Option (headline figure)",
        "Comparison group in the same study",
        "29.3%",
        "sham 10.4%",
        "$40,000–45,000",
        "version 1.1.0, evidence last reviewed 2026-11-30",
        "Standard 10 Hz rTMS: response [",
        "Sources",
    ] {
        assert!(svg.contains(needle), "{needle:?} missing");
    }
    for entry in comparison.citations.iter() {
        assert!(
            svg.contains(&format!("[{}] ", entry.number)),
            "citation {} listed",
            entry.number
        );
    }
    assert_eq!(picture.width, 24 * 2 + 4 * 360 + 3 * 16);
    assert!(svg.contains(&format!(r#"height="{}""#, picture.height)));
}

#[test]
fn the_language_comes_from_the_attribute_else_the_page_else_english() {
    let read = |attribute: Option<&str>, page: Option<&str>| {
        let lang = attribute.map(str::to_string);
        Settings::read_page(
            "https://cdn.example/embed/trd-evidence.json",
            move |name| (name == "lang").then(|| lang.clone()).flatten(),
            "",
            false,
            page,
        )
    };
    let es = read(Some("es"), Some("en"));
    assert_eq!(es.lang, Lang::Es, "the attribute wins over the page");
    assert_eq!(
        es.src, "https://cdn.example/embed/trd-evidence.es.json",
        "the bundled data follows"
    );
    assert_eq!(read(None, Some("es-US")).lang, Lang::Es, "a Spanish page");
    // An Arabic page: the widget has no Arabic, so English, and nothing to complain about.
    let arabic = read(None, Some("ar"));
    assert_eq!((arabic.lang, arabic.problems.len()), (Lang::En, 0));
    assert_eq!(arabic.src, "https://cdn.example/embed/trd-evidence.json");
    // Asked for by name, a language the widget does not have is reported.
    let french = read(Some("fr"), None);
    assert_eq!(french.lang, Lang::En);
    assert_eq!(
        french.problems[0].line(W),
        "lang: \"fr\" is not one of en, es"
    );
    // The host's own data file wins in any language.
    let own = Settings::read("trd-evidence.json", |name| match name {
        "lang" => Some("es".into()),
        "src" => Some("/clinic/datos.json".into()),
        _ => None,
    });
    assert_eq!(
        (own.lang, own.src.as_str()),
        (Lang::Es, "/clinic/datos.json")
    );
    // The loader's list of files by language (the offline copy's are data: addresses).
    let listed = "en=data:application/json;base64,AAA es=data:application/json;base64,BBB";
    assert_eq!(
        trd_core::settings::default_src_for(listed, Lang::Es),
        "data:application/json;base64,BBB"
    );
    assert_eq!(
        trd_core::settings::default_src_for(listed, Lang::En),
        "data:application/json;base64,AAA"
    );
    // The iframe page takes the language from its address.
    let frame = Settings::read_page(
        "trd-evidence.json",
        |_| None,
        "?lang=es&options=rtms,ect",
        true,
        Some("en"),
    );
    assert_eq!(frame.lang, Lang::Es);
}

#[test]
fn a_spanish_view_keeps_its_language_in_its_link_and_its_csv_is_in_spanish() {
    let data = load_dataset(include_str!("../../data/trd-evidence.es.json")).unwrap();
    let state = trd_core::state::ViewState::initial(&data);
    let query = trd_core::settings::view_query(&state, &ALL_PANELS, &data, Lang::Es);
    assert_eq!(query, "?lang=es&v=1.1.0&reviewed=2026-11-30");
    let back = Settings::read("trd-evidence.json", |name| {
        trd_core::settings::parse_query(&query)
            .into_iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
    });
    assert_eq!(back.lang, Lang::Es);
    let es = Words::new(Lang::Es);
    let csv = findings_csv(&data, &shown(&data, &["rtms", "ect"]), es);
    assert!(
        csv.starts_with("id_opcion,opcion,medida,"),
        "{}",
        &csv[..80]
    );
    assert!(csv.contains("29,3\u{a0}%"), "rates in Spanish notation");
}

#[test]
fn slides_are_16_by_9_in_type_a_room_can_read_four_options_each() {
    use trd_core::slides::{slide_count, slide_svg, SLIDE_ROWS};
    let data = load_dataset(BUNDLED_DATA).unwrap();
    let comparison = shown(&data, &["rtms", "ect", "esketamine", "vns", "dbs", "cbt"]);
    assert_eq!(
        slide_count(comparison.rows.len()),
        2,
        "six options: four, then two"
    );
    let metrics = [Metric::Response, Metric::Remission];
    for (size, slide) in [((1920, 1080), 0), ((1280, 720), 1)] {
        let svg = slide_svg(
            &data,
            &comparison,
            &metrics,
            size,
            slide,
            "Brain stimulation",
            W,
        );
        assert!(svg.starts_with(&format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 1920 1080""#,
            size.0, size.1
        )));
        // Every text at least 28 units of 1920: 28 px on a 1080p projector.
        let sizes: Vec<u32> = svg
            .split(r#"font-size=""#)
            .skip(1)
            .map(|rest| rest.split('"').next().unwrap().parse().unwrap())
            .collect();
        assert!(sizes.iter().all(|s| *s >= 28), "{sizes:?}");
        let words = svg_words(&svg);
        let all = words.join(" | ");
        assert!(all.contains("Brain stimulation"));
        assert!(
            all.contains("The studies differ, so the figures do not compare the options directly.")
        );
        assert!(all.contains(&format!("slide {} of 2", slide + 1)), "{all}");
        assert!(all.contains("Sources: "), "{all}");
    }
    let words_of_slide = |index| {
        svg_words(&slide_svg(
            &data,
            &comparison,
            &metrics,
            (1920, 1080),
            index,
            "t",
            W,
        ))
        .join(" | ")
    };
    let first = words_of_slide(0);
    for part in [
        "Standard 10 Hz rTMS",
        "29.3%",
        "about 29 in 100",
        "vs sham (placebo) treatment: 10.4%",
        "Berlim 2013",
    ] {
        assert!(first.contains(part), "{part} in {first}");
    }
    let second = words_of_slide(1);
    // In data order: esketamine, CBT, rTMS, ECT on the first slide; VNS and DBS on the second.
    assert!(
        !second.contains("Standard 10 Hz rTMS") && second.contains("Vagus nerve stimulation"),
        "{second}"
    );
    assert_eq!(SLIDE_ROWS, 4);
    // One outcome: its column only.
    let one = svg_words(&slide_svg(
        &data,
        &comparison,
        &[Metric::Response],
        (1920, 1080),
        0,
        "t",
        W,
    ))
    .join(" | ");
    assert!(one.contains("Much better (response)") && !one.contains("Well again (remission)"));
}

#[test]
fn every_study_is_on_alone_or_as_on_and_off_as_off() {
    for (value, on) in [("", true), ("on", true), (" on ", true), ("off", false)] {
        let settings = read(&[("every-study", value)]);
        assert_eq!(settings.every_study, on, "{value:?}");
        assert!(settings.problems.is_empty(), "{value:?}");
    }
    assert!(!read(&[]).every_study);
    let unknown = read(&[("every-study", "yes")]);
    assert!(!unknown.every_study);
    assert_eq!(
        unknown.problems[0].line(W),
        "every-study: \"yes\" is not one of on, off"
    );
}
