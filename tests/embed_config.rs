//! The host page's attributes, read into the widget's settings.
use std::collections::HashMap;
use trd_evidence::embed_config::{EmbedConfig, PanelChoice, Theme, ALL_PANELS};
use trd_evidence::load::load_dataset;
use trd_evidence::model::Metric;
use trd_evidence::state::{Panel, SortKey, View};
use trd_evidence::BUNDLED_DATA;

fn read(pairs: &[(&str, &str)]) -> EmbedConfig {
    let map: HashMap<String, String> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    EmbedConfig::from_attributes("https://cdn.example/embed/trd-evidence.json", |name| {
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
    let problems = config.problems.join("\n");
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
    assert!(
        problems[0].starts_with("options: no option has the id \"nope\" (the data has med-switch,")
    );
    let (options, problems) = read(&[("options", "rtms")]).options_in(&data);
    assert_eq!(options, None);
    assert!(problems[0].contains("at least 2 known options, so all are shown"));
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
    use trd_evidence::embed_config::{parse_query, view_query};
    use trd_evidence::model::Category;
    use trd_evidence::state::{Action, ViewState};
    let data = load_dataset(BUNDLED_DATA).unwrap();
    let plain = ViewState::initial(&data);
    assert_eq!(
        view_query(&plain, &ALL_PANELS, &data),
        "?v=1.0.0&reviewed=2026-11-21",
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
    ]
    .into_iter()
    .fold(plain, |s, a| s.reduce(a));
    let panels = [
        PanelChoice::Chart(Panel::Metric(Metric::Response)),
        PanelChoice::Chart(Panel::Cost),
    ];
    let query = view_query(&state, &panels, &data);
    assert_eq!(
        query,
        "?options=rtms,ect,esketamine,cbt&metrics=response,cost&sort=remission&view=icons\
         &kind=non-invasive-brain-stimulation&invasive=2&icon-metric=remission&denominator=1000\
         &v=1.0.0&reviewed=2026-11-21"
    );
    let pairs: HashMap<String, String> = parse_query(&query).into_iter().collect();
    let back = EmbedConfig::from_attributes("trd-evidence.json", |name| pairs.get(name).cloned());
    assert!(back.problems.is_empty(), "{:?}", back.problems);
    assert_eq!(back.panels, panels.to_vec());
    let (restored, problems) = back.initial_state(&data);
    assert!(problems.is_empty());
    assert_eq!(restored, state, "the same view, exactly");
    assert_eq!(back.version_note(&data), None, "same dataset version");
}

#[test]
fn a_link_from_another_dataset_version_says_so() {
    let data = load_dataset(BUNDLED_DATA).unwrap();
    let config = read(&[("v", "0.9.0"), ("reviewed", "2026-01-05")]);
    let note = config.version_note(&data).unwrap();
    assert!(
        note.contains("version 0.9.0 of the evidence (reviewed 2026-01-05)"),
        "{note}"
    );
    assert!(
        note.contains("you are seeing version 1.0.0 (reviewed 2026-11-21)"),
        "{note}"
    );
}

#[test]
fn query_values_are_decoded() {
    use trd_evidence::embed_config::parse_query;
    assert_eq!(
        parse_query("?options=rtms%2Cect&title=Our+options%21&bad=%ZZ&x=%C3%A9"),
        vec![
            ("options".to_string(), "rtms,ect".to_string()),
            ("title".into(), "Our options!".into()),
            ("bad".into(), "%ZZ".into()),
            ("x".into(), "é".into()),
        ]
    );
}
