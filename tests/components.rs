//! Components rendered to HTML natively with Yew SSR: what a reader would see, without a browser.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;
use trd_evidence::components::{
    AnswerList, AnswerListProps, App, AppProps, ComparisonView, ComparisonViewProps, SharedDataset,
};
use trd_evidence::trd_core::load::load_dataset;
use trd_evidence::trd_core::model::Metric;
use trd_evidence::trd_core::settings::Settings;
use trd_evidence::trd_core::state::ViewState;
use trd_evidence::trd_core::view_model::Comparison;
use trd_evidence::trd_core::BUNDLED_DATA;
use yew::{AttrValue, LocalServerRenderer};

async fn render_comparison(heading_level: u8) -> String {
    let data = SharedDataset(Rc::new(load_dataset(BUNDLED_DATA).unwrap()));
    let props = ComparisonViewProps {
        words: Default::default(),
        data,
        settings: Rc::new(Settings {
            heading_level,
            ..Settings::default()
        }),
        id_prefix: AttrValue::from("t"),
        data_url: Some(AttrValue::from("trd-evidence.json")),
    };
    LocalServerRenderer::<ComparisonView>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// Text content with tags removed and whitespace folded, as a reader would read it.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(ch),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The cards rendered with one figure's study details open, as after a tap.
async fn render_answers(open: Option<(&str, Metric)>) -> String {
    render_cards(open, &[Metric::Response, Metric::Remission], false).await
}

/// The cards of every option with these outcomes, one figure's details open, and every
/// study's marks or not.
async fn render_cards(
    open: Option<(&str, Metric)>,
    metrics: &[Metric],
    every_study: bool,
) -> String {
    let data = load_dataset(BUNDLED_DATA).unwrap();
    let comparison = Rc::new(Comparison::build(
        &data,
        &ViewState::initial(&data).selection(),
    ));
    let props = AnswerListProps {
        words: Default::default(),
        comparison,
        data: SharedDataset(Rc::new(data)),
        metrics: metrics.into(),
        heading_level: 3,
        id_prefix: AttrValue::from("t"),
        open_figure: open.map(|(id, metric)| (AttrValue::from(id.to_string()), metric)),
        open_option: None,
        every_study,
        dispatch: yew::Callback::noop(),
    };
    LocalServerRenderer::<AnswerList>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// The visible text of one option's card.
fn card_text(html: &str, id: &str) -> String {
    let start = html
        .find(&format!(r#"data-option="{id}""#))
        .unwrap_or_else(|| panic!("no card {id}"));
    // To the next card, or the end of the list.
    let rest = &html[start + 1..];
    let end = rest
        .find("data-option=")
        .or_else(|| rest.find("</ol>"))
        .map_or(html.len(), |e| start + 1 + e);
    visible_text(&html[start..end])
}

#[tokio::test]
async fn the_first_layer_answers_with_the_figure_its_comparison_group_and_its_source() {
    let html = render_comparison(2).await;
    let text = visible_text(&html);
    // The answer, the comparison in plain words, and who says so, on each card.
    let rtms = card_text(&html, "rtms");
    for expected in [
        "Standard 10 Hz rTMS",
        "rTMS: repetitive transcranial magnetic stimulation",
        "Much better (response) 29.3% about 29 in 100",
        "vs sham (placebo) treatment: 10.4%",
        "Berlim 2013",
        "Well again (remission) 18.6% about 19 in 100",
        "vs sham (placebo) treatment: 5%",
        "details",
    ] {
        assert!(rtms.contains(expected), "missing {expected:?} in:\n{rtms}");
    }
    // Another treatment is said to be one, never a control.
    assert!(card_text(&html, "ect").contains("vs another treatment (ketamine infusions): 55.4%"));
    // Comparison groups in everyday words, not the study's shorthand.
    assert!(card_text(&html, "esketamine").contains(
        "vs another treatment (a new antidepressant tablet with a placebo spray): 52.0%"
    ));
    // Against another treatment, the figure's own group is named beside its people: switching
    // to bupropion beside switching to sertraline, not "switching" beside "switching", and
    // never next to the other group's figure. Against a placebo or sham, the option says it.
    let switch = card_text(&html, "med-switch");
    assert!(
        switch.contains(
            "26.1% about 26 in 100 (switch to bupropion SR) vs another treatment (switching to \
             sertraline): 26.7%"
        ),
        "{switch}"
    );
    let lithium = card_text(&html, "aug-lithium");
    assert!(
        lithium.contains("15.9% about 16 in 100 (lithium) vs another treatment"),
        "{lithium}"
    );
    assert!(!card_text(&html, "psilocybin").contains("25 mg"));
    assert!(card_text(&html, "vns").contains("No comparison group"));
    // Where the study found the difference could be chance, the card says so beside the bar.
    assert!(card_text(&html, "vns")
        .contains("vs sham (placebo) treatment: 10.0% no clear difference (NS)"));
    assert!(!card_text(&html, "rtms").contains("no clear difference"));
    assert!(card_text(&html, "cbt").contains("Well again (remission) not reported"));
    // Response and remission from two different studies are said to be.
    assert!(card_text(&html, "med-switch").contains("The two figures come from different studies."));
    assert!(!card_text(&html, "rtms").contains("different studies"));
    // Not head-to-head, said in everyday words; the crisis line before the first card.
    assert!(
        text.contains("The studies differ, so the figures do not compare the options directly.")
    );
    assert!(
        !text.contains("head-to-head"),
        "no jargon on the first layer"
    );
    let crisis = text.find("call or text 988").unwrap();
    assert!(crisis < text.find("Switch antidepressant").unwrap());
    assert_eq!(
        text.matches("call or text 988").count(),
        2,
        "at the top and at the end"
    );
}

#[tokio::test]
async fn an_open_figure_shows_its_study_in_place_with_every_detail_and_term() {
    let html = render_answers(Some(("rtms", Metric::Response))).await;
    let rtms = card_text(&html, "rtms");
    for expected in [
        "Compared with sham 10.4%; OR 3.3; NNT 6",
        "Kind of comparison group Sham (placebo) treatment: people had the same procedure",
        "Study design Meta-analysis of 29 double-blind sham-controlled RCTs (high-frequency rTMS)",
        "People (n) 1,371",
        "Timepoint after about 13 sessions",
        "Evidence tier Tier B: controlled trial in a broader depression group",
        "RCT: randomized controlled trial",
        "OR: odds ratio",
        "NNT: number needed to treat",
        "Close",
    ] {
        assert!(rtms.contains(expected), "missing {expected:?} in:\n{rtms}");
    }
    assert!(html.contains(r#"aria-expanded="true""#));
    assert!(html.contains(r#"role="region""#));
    // Its sources are numbered links, each named by its source.
    assert!(html.contains(r##"href="#t-cite-13""##), "{rtms}");
    assert!(
        html.contains(r#"aria-label="Source 13: Berlim MT et al. (published online 18 Mar 2013)""#)
    );
    // Only the open figure's details are in the page.
    assert_eq!(html.matches(r#"class="trd-fig-details""#).count(), 1);
    let closed = render_answers(None).await;
    assert_eq!(closed.matches(r#"class="trd-fig-details""#).count(), 0);
    assert_eq!(
        closed.matches(r#"class="trd-fig-button""#).count(),
        32,
        "two figures per card"
    );
}

#[tokio::test]
async fn each_card_holds_one_option_in_list_order_for_screen_readers() {
    let html = render_answers(None).await;
    assert!(html.contains("<ol") && html.contains(r#"class="trd-answers""#));
    assert_eq!(html.matches(r#"class="trd-card""#).count(), 16);
    // Bars are pictures hidden from screen readers: the button's text says the figure.
    let bars = html.matches("<svg").count();
    assert_eq!(
        bars,
        html.matches(r#"aria-hidden="true" focusable="false""#)
            .count()
    );
    assert_eq!(
        bars, 28,
        "one per reported rate: 16 responses and 16 remissions, less 4 not reported"
    );
    assert!(!html.contains(r#"role="img""#), "no long image labels");
}

#[test]
fn percent_signs_are_attached_to_the_value() {
    // Guard against the HTML fold above hiding a broken value: the raw markup holds it too.
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let html = rt.block_on(render_comparison(2));
    assert!(html.contains(r#"<strong class="trd-fig-value">29.3%</strong>"#));
}

#[tokio::test]
async fn what_a_reader_has_not_opened_is_not_built() {
    let html = render_comparison(2).await;
    // The hours and price charts, the sources, "How to read this" and the print handout are
    // folded away: the first render is the comparison alone.
    for (folded, inside) in [
        (
            r#"<details class="trd-more-charts""#,
            r#"class="trd-chart-image""#,
        ),
        (
            r#"<details class="trd-sources trd-by-selection""#,
            r#"class="trd-citations""#,
        ),
        (r#"<details class="trd-how""#, r#"class="trd-how-list""#),
    ] {
        assert!(html.contains(folded), "{folded}");
        assert!(!html.contains(inside), "{inside} is built only when opened");
    }
    assert!(
        !html.contains("trd-handout"),
        "the handout is built when printing"
    );
    assert!(!html.contains(r#"role="img""#), "the cards say it in words");
}

#[tokio::test]
async fn citations_are_numbered_links_that_open_safely() {
    use trd_evidence::components::CitationList;
    let data = load_dataset(BUNDLED_DATA).unwrap();
    let comparison = Comparison::build(&data, &ViewState::initial(&data).selection());
    let props = trd_evidence::components::CitationListProps {
        words: Default::default(),
        citations: comparison.citations.clone(),
        heading_level: 3,
        id_prefix: AttrValue::from("t"),
        build: true,
    };
    let html = LocalServerRenderer::<CitationList>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    assert!(html.contains(r#"id="t-cite-1""#));
    assert!(html.contains(r#"href="https://doi.org/10.1056/NEJMoa2304145""#));
    let links = html.matches(r#"target="_blank""#).count();
    assert_eq!(links, html.matches(r#"rel="noopener noreferrer""#).count());
    let entries = html.matches(r#"id="t-cite-"#).count();
    assert_eq!(
        entries, 33,
        "the 16 options' headline figures cite 25 distinct sources, their headline prices 8 more"
    );
    assert_eq!(links, entries, "one link per cited source");
}

#[tokio::test]
async fn footer_dates_the_evidence_and_says_it_is_not_advice() {
    let text = visible_text(&render_comparison(2).await);
    assert!(text.contains("version 1.1.0. Evidence last reviewed 2026-11-30."));
    assert!(text.contains("General information, not medical advice."));
    assert!(text.contains("Download the data file"));
    assert!(text.contains("Need help now? If you are thinking about suicide or are in crisis in the US, call or text 988"), "the crisis line comes from the data");
}

#[tokio::test]
async fn heading_level_is_set_by_the_host_and_never_a_fixed_h1_or_main() {
    let html = render_comparison(3).await;
    assert!(html.contains("<h3"));
    assert!(html.contains("<h4"));
    assert!(!html.contains("<h1"));
    assert!(!html.contains("<h2"));
    assert!(!html.contains("<main"));
}

#[tokio::test]
async fn app_shows_a_loading_status_before_data_arrives() {
    let props = AppProps {
        settings: Rc::new(Settings::default()),
        id_prefix: AttrValue::from("t"),
    };
    let html = LocalServerRenderer::<App>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    assert!(html.contains(r#"role="status""#));
    assert!(visible_text(&html).contains("Loading the evidence…"));
}

#[tokio::test]
async fn the_table_is_a_real_table_with_caption_and_scoped_headers() {
    use trd_evidence::components::{TableView, TableViewProps};
    use trd_evidence::trd_core::state::ViewState;
    use trd_evidence::trd_core::view_model::Comparison;
    let data = load_dataset(BUNDLED_DATA).unwrap();
    let comparison = Rc::new(Comparison::build(
        &data,
        &ViewState::initial(&data).selection(),
    ));
    let props = TableViewProps {
        words: Default::default(),
        comparison,
        id_prefix: AttrValue::from("t"),
    };
    let html = LocalServerRenderer::<TableView>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    assert!(html.contains("<caption"));
    assert!(visible_text(&html)
        .contains("the studies differ, so the figures do not compare the options directly"));
    assert_eq!(html.matches(r#"scope="col""#).count(), 9 + 6, "two tables");
    assert_eq!(
        html.matches(r#"scope="rowgroup""#).count(),
        16,
        "one row group per option"
    );
    assert_eq!(
        html.matches("<tr").count(),
        (1 + 16 * 2) + (1 + 16),
        "figures: a header row and two per option; burden and price: a header row and one per option"
    );
    let text_all = visible_text(&html);
    for row in [
        "Vagus nerve stimulation not derivable 4 of 4: Surgical implant $40,000–45,000 device and surgery 2012",
        "Standard 10 Hz rTMS 16.7–25 h 1 of 4: Non-invasive $6,000–12,000 a course 2012",
        "Add lithium (T3 noted) not derivable 1 of 4: Non-invasive no verified price",
    ] {
        assert!(text_all.contains(row), "{row:?} in {text_all}");
    }
    let text = visible_text(&html);
    assert!(
        text.contains("Standard 10 Hz rTMS Much better (response) 29.3% sham 10.4%; OR 3.3; NNT 6"),
        "{text}"
    );
    assert!(text.contains("Well again (remission) not reported"));
    assert!(
        html.contains(r#"tabindex="0""#),
        "the scrolling region is reachable by keyboard"
    );
}

#[tokio::test]
async fn controls_offer_every_option_filter_and_view() {
    use trd_evidence::components::{Controls, ControlsProps};
    use trd_evidence::trd_core::state::ViewState;
    let data = SharedDataset(Rc::new(load_dataset(BUNDLED_DATA).unwrap()));
    let render = |state: ViewState| {
        let props = ControlsProps {
            words: Default::default(),
            state,
            data: data.clone(),
            dispatch: yew::Callback::noop(),
            id_prefix: AttrValue::from("t"),
            on_present: Default::default(),
            present_id: AttrValue::from("t-present"),
        };
        LocalServerRenderer::<Controls>::with_props(props)
            .hydratable(false)
            .render()
    };
    let html = render(ViewState::initial(&data)).await;
    let text = visible_text(&html);
    assert!(
        text.contains("Customise") && !text.contains("of 16"),
        "all 16 chosen: {text}"
    );
    assert!(text.contains("Choose which options to compare"));
    assert_eq!(html.matches(r#"type="checkbox""#).count(), 16);
    assert!(text.contains("Up to level 2: In-clinic dosing with monitoring"));
    assert!(text.contains("Non-invasive brain stimulation"));
    // With some options left out, the folded bar says how many are compared.
    let mut state = ViewState::initial(&data);
    state.selected = state.selected.iter().take(4).cloned().collect();
    let html = render(state).await;
    assert!(visible_text(&html).contains("Customise · 4 of 16"));
    assert!(html.contains(r#"aria-pressed="true""#) && text.contains("Chart People Table"));
    // Present is there for educators, after the reader's controls, and can be
    // found again by its id when presenting ends.
    assert!(text.find("Present").unwrap() > text.find("Customise").unwrap());
    assert!(html.contains(r#"id="t-present""#));
}

#[tokio::test]
async fn every_charted_figure_has_a_button_and_an_open_one_shows_its_provenance() {
    use trd_evidence::components::{ChartPanel, ChartPanelProps};
    use trd_evidence::trd_core::model::Metric;
    use trd_evidence::trd_core::state::{Panel, ViewState};
    use trd_evidence::trd_core::view_model::Comparison;
    let data = load_dataset(BUNDLED_DATA).unwrap();
    let props = ChartPanelProps {
        words: Default::default(),
        comparison: Rc::new(Comparison::build(
            &data,
            &ViewState::initial(&data).selection(),
        )),
        data: SharedDataset(Rc::new(data.clone())),
        panel: Panel::Metric(Metric::Response),
        unit: None,
        heading_level: 3,
        id_prefix: AttrValue::from("t"),
        open: Some(AttrValue::from("rtms")),
        dispatch: yew::Callback::noop(),
    };
    let html = LocalServerRenderer::<ChartPanel>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    assert_eq!(
        html.matches(r#"class="trd-hit""#).count(),
        16,
        "one button per option"
    );
    assert_eq!(html.matches(r#"aria-expanded="true""#).count(), 1);
    assert!(html.contains(
        r#"aria-label="Standard 10 Hz rTMS: response 29.3%. Show where this figure comes from.""#
    ));
    let text = visible_text(&html);
    assert!(
        text.contains("Compared with sham 10.4%; OR 3.3; NNT 6"),
        "{text}"
    );
    assert!(text.contains("People (n) 1,371"));
    assert!(html.contains(r#"role="region""#));
}

#[tokio::test]
async fn the_cost_panel_shows_each_headline_price_with_what_it_covers_and_its_source() {
    use trd_evidence::components::{ChartPanel, ChartPanelProps};
    use trd_evidence::trd_core::model::CostUnit;
    use trd_evidence::trd_core::state::{Panel, ViewState};
    use trd_evidence::trd_core::view_model::Comparison;
    let data = load_dataset(BUNDLED_DATA).unwrap();
    let all = Comparison::build(&data, &ViewState::initial(&data).selection());
    // The chart of the prices for device and surgery, as the widget shows it.
    let (unit, group) = all
        .by_cost_unit()
        .into_iter()
        .find(|(_, g)| g.rows.iter().any(|r| r.id == "vns"))
        .unwrap();
    assert_eq!(unit, CostUnit::DeviceAndSurgery);
    let comparison = Rc::new(group);
    let props = ChartPanelProps {
        words: Default::default(),
        comparison: comparison.clone(),
        data: SharedDataset(Rc::new(data.clone())),
        panel: Panel::Cost,
        unit: Some(unit),
        heading_level: 3,
        id_prefix: AttrValue::from("t"),
        open: Some(AttrValue::from("vns")),
        dispatch: yew::Callback::noop(),
    };
    let html = LocalServerRenderer::<ChartPanel>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    let text = visible_text(&html);
    assert!(
        text.contains("What the device and its surgery cost"),
        "{text}"
    );
    // Every option in this chart has a price for device and surgery, and a button.
    assert!(comparison
        .rows
        .iter()
        .all(|r| r.cost.as_ref().is_some_and(|c| c.unit == unit)));
    assert_eq!(
        html.matches(r#"class="trd-hit""#).count(),
        comparison.rows.len()
    );
    assert_eq!(html.matches("no verified price").count(), 0, "in the chart");
    assert!(
        !text.contains("grouped by what they cover"),
        "the note is said once, above the price charts"
    );
    assert!(html.contains(
        r#"aria-label="Vagus nerve stimulation: price $40,000–45,000 device and surgery (price year 2012). Show where this figure comes from.""#
    ));
    assert!(
        text.contains("log scale"),
        "the axis says it is a log scale"
    );
    // The open box quotes the source and cites it by number.
    assert!(
        text.contains("As the source puts it $40,000–45,000 for surgery and device"),
        "{text}"
    );
    assert!(text.contains("Price year 2012"));
    let vns = comparison.rows.iter().find(|r| r.id == "vns").unwrap();
    let n = vns.cost.as_ref().unwrap().citation_numbers[0];
    assert!(html.contains(&format!(r##"href="#t-cite-{n}""##)));
    assert_eq!(
        comparison.citations[n - 1].citation.id,
        data.options.iter().find(|o| o.id == "vns").unwrap().costs[0].citations[0]
    );
}

#[tokio::test]
async fn the_detail_panel_shows_every_finding_with_status_burden_cost_and_risks() {
    use trd_evidence::components::{OptionDetail, OptionDetailProps};
    let data = SharedDataset(Rc::new(load_dataset(BUNDLED_DATA).unwrap()));
    let props = OptionDetailProps {
        words: Default::default(),
        data,
        option_id: AttrValue::from("rtms"),
        heading_level: 4,
    };
    let html = LocalServerRenderer::<OptionDetail>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    let text = visible_text(&html);
    for expected in [
        "Cleared (device) (2008)",
        "Invasiveness 1 of 4: Non-invasive",
        "All findings (17)",
        "Much better (response): 29.3% headline — compared with sham 10.4%; OR 3.3; NNT 6; Meta-analysis of 29 double-blind sham-controlled RCTs",
        "Much better (response): 58.0 (clinician CGI-S); 41.5–56.4 (self-report) uncontrolled study — compared with none; Naturalistic multisite observational study",
        "tier C: uncontrolled (open-label or real-world) study",
        "Response (risk ratio): RR 2.35 (1.70–3.25)",
        "Time in clinic (estimate): 16.7–25 h, per course, by visit length.",
        "$6,000–12,000 for 3–4 weeks (USD, price year 2012)",
        "Seizures",
        "Sham-controlled rates (29% response, 19% remission) are far below real-world and marketing figures.",
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }
    // A finding's population, timepoint and definition are named: "study-defined" twice in a
    // row read as a slip.
    assert!(
        text.contains("timepoint: after about 13 sessions; definition: study-defined"),
        "{text}"
    );
    assert!(!text.contains("study-defined; study-defined"));
    // One sentence the data gives for three burden fields is read once.
    assert_eq!(
        text.matches("Anaesthesia, surgery, in-clinic observation: none.")
            .count(),
        1
    );
    assert!(html.contains(r#"href="https://doi.org/"#) || html.contains(r#"href="https://"#));
    assert_eq!(
        html.matches(r#"rel="noopener noreferrer""#).count(),
        html.matches(r#"target="_blank""#).count()
    );
}

#[tokio::test]
async fn icon_arrays_say_how_many_in_100_beside_the_comparison_group() {
    use trd_evidence::components::{IconView, IconViewProps};
    use trd_evidence::trd_core::model::Metric;
    use trd_evidence::trd_core::state::ViewState;
    use trd_evidence::trd_core::view_model::Comparison;
    let data = load_dataset(BUNDLED_DATA).unwrap();
    let props = IconViewProps {
        words: Default::default(),
        comparison: Rc::new(Comparison::build(
            &data,
            &ViewState::initial(&data).selection(),
        )),
        metric: Metric::Remission,
        denominator: 1000,
        heading_level: 3,
        dispatch: yew::Callback::noop(),
    };
    let html = LocalServerRenderer::<IconView>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    let text = visible_text(&html);
    assert!(
        text.contains("Standard 10 Hz rTMS: 186 in 1000 people got well again (18.6%) sham (placebo) treatment: 50 in 1000 people got well again (5%)"),
        "{text}"
    );
    assert!(text.contains("Esketamine nasal spray: 271 in 1000 people got well again (27.1%)"));
    assert!(text.contains("CBT added to usual care Well again (remission): not reported"));
    assert!(text.contains("Electroconvulsive therapy uncontrolled study"));
    assert!(text.contains("Vagus nerve stimulation uncontrolled study"));
    assert!(text.contains("No comparison group"));
    assert_eq!(
        html.matches("<svg").count(),
        html.matches(r#"aria-hidden="true""#).count()
    );
}

#[tokio::test]
async fn the_host_chooses_options_panels_and_title_and_sees_what_it_got_wrong() {
    let data = SharedDataset(Rc::new(load_dataset(BUNDLED_DATA).unwrap()));
    let config = Settings::read("trd-evidence.json", |name| {
        match name {
            "options" => Some("rtms,ect,no-such-option"),
            "metrics" => Some("remission,pie"),
            "title" => Some("<script>alert(1)</script> Our options"),
            "heading-level" => Some("3"),
            _ => None,
        }
        .map(str::to_string)
    });
    let props = ComparisonViewProps {
        words: Default::default(),
        data,
        settings: Rc::new(config),
        id_prefix: AttrValue::from("h"),
        data_url: None,
    };
    let html = LocalServerRenderer::<ComparisonView>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Our options"));
    assert!(!html.contains("<script>"));
    assert!(html.contains(r#"<h3 id="h-title""#), "heading level 3");
    assert_eq!(
        html.matches(r#"data-figure="remission""#).count(),
        2,
        "only remission"
    );
    assert_eq!(html.matches(r#"data-figure="response""#).count(), 0);
    assert_eq!(
        html.matches(r#"class="trd-card""#).count(),
        2,
        "rTMS and ECT"
    );
    assert!(
        !html.contains("trd-more-charts"),
        "no hours or price chart was chosen"
    );
    let text = visible_text(&html);
    assert!(text.contains("Some settings of this widget could not be used"));
    assert!(text.contains("metrics: \"pie\" is not one of"));
    assert!(text.contains("options: no option has the id \"no-such-option\""));
}

#[tokio::test]
async fn every_study_shows_one_mark_per_rate_shaped_by_tier_and_says_the_spread() {
    let html = render_cards(None, &[Metric::Response], true).await;
    assert!(visible_text(&html).contains("Shape is the evidence tier: ● A ■ B ○ C ◇ D."));
    // Switching antidepressant: five response rates in the sheet, 13.4% to 62.4% (tier D).
    let switch = card_text(&html, "med-switch");
    assert!(
        switch.contains(
            "5 rates from 3 sources (some give more than one): from 13.4% (mirtazapine) to \
             62.4% (switch to bupropion)."
        ),
        "{switch}"
    );
    let start = html.find(r#"data-option="med-switch""#).unwrap();
    let card = &html[start..start + html[start..].find("</li>").unwrap()];
    let marks = &card[card.find("trd-studies-marks").unwrap()..];
    assert_eq!(
        marks.matches("<circle").count(),
        4,
        "four tier A studies: filled circles"
    );
    assert_eq!(
        marks.matches("<path").count(),
        1,
        "one tier D study: a diamond"
    );
    // rTMS: one rate; its risk and odds ratios are never put on the percent scale.
    let rtms = card_text(&html, "rtms");
    assert!(rtms.contains("This is the only rate given."), "{rtms}");
    assert!(rtms.contains(
        "As ratios, where 1 means no difference (the darker line): RR 2.35 (1.70–3.25); RR 2.25; OR 3.27 (2.76–3.87)."
    ), "{rtms}");
    assert!(rtms.contains("Also in the details: 1 as a score change or in words."));
}

#[tokio::test]
async fn every_study_is_a_toggle_beside_how_to_read_this_off_at_first() {
    let html = render_comparison(2).await;
    let at = html
        .find("trd-every-study-button")
        .expect("the toggle is there");
    let toggle = &html[html[..at].rfind("<button").unwrap()..];
    let toggle = &toggle[..toggle.find("</button>").unwrap()];
    assert!(
        toggle.contains(r#"aria-pressed="false""#) && toggle.ends_with("Every study"),
        "{toggle}"
    );
    let row = html.find("trd-read-row").unwrap();
    assert!(row < html.find("trd-how").unwrap() && html.find("trd-how").unwrap() < at);
    assert!(!html.contains("trd-studies"), "no marks until asked for");
}
