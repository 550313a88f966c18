//! Components mounted into a real DOM in headless Chromium (wasm-bindgen-test).
//! Run by `./x test` as `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;
use trd_evidence::components::{App, AppProps, ComparisonView, ComparisonViewProps, SharedDataset};
use trd_evidence::trd_core::load::load_dataset;
use trd_evidence::trd_core::settings::Settings;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlSelectElement};
use yew::AttrValue;

wasm_bindgen_test_configure!(run_in_browser);

/// Two options (rTMS, CBT): small enough for an unoptimised test build. The full dataset is
/// rendered by the end-to-end tests against the release build.
const DATA: &str = include_str!("data/minimal-valid.json");

fn container() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

fn text(root: &Element) -> String {
    root.text_content().unwrap_or_default()
}

async fn mount_comparison() -> Element {
    let root = container();
    let props = ComparisonViewProps {
        words: Default::default(),
        data: SharedDataset(Rc::new(load_dataset(DATA).unwrap())),
        settings: Rc::new(Settings::default()),
        id_prefix: AttrValue::from("b"),
        data_url: None,
    };
    yew::Renderer::<ComparisonView>::with_root_and_props(root.clone(), props).render();
    wait_for(&root, ".trd-card svg").await;
    root
}

fn mount_app(src: String) -> Element {
    let root = container();
    let props = AppProps {
        settings: Rc::new(Settings {
            src,
            ..Settings::default()
        }),
        id_prefix: AttrValue::from("a"),
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    root
}

/// Waits until `selector` matches inside `root`, for up to five seconds.
async fn wait_for(root: &Element, selector: &str) -> Element {
    for _ in 0..100 {
        yew::scheduler::flush().await;
        if let Ok(Some(found)) = root.query_selector(selector) {
            return found;
        }
        yew::platform::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "nothing matched {selector} within 5 s; the widget shows: {}",
        text(root)
    );
}

fn data_url(json: &str) -> String {
    let mut url = String::from("data:application/json,");
    for byte in json.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            url.push(byte as char);
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

#[wasm_bindgen_test]
async fn each_option_is_a_card_with_its_figures_and_bars_at_visible_size() {
    let root = mount_comparison().await;
    assert_eq!(root.query_selector_all(".trd-card").unwrap().length(), 2);
    let bars: Element = root.query_selector(".trd-fig-bars svg").unwrap().unwrap();
    let rect = bars.get_bounding_client_rect();
    assert!(
        rect.width() > 100.0 && rect.height() >= 20.0,
        "bars are {}x{}",
        rect.width(),
        rect.height()
    );
    let shown = text(&root);
    for figure in [
        "29.3%",
        "about 29 in 100",
        "18.6%",
        "vs sham (placebo) treatment: 10.4%",
        "46%",
        "vs usual care: 22%",
        "not reported",
    ] {
        assert!(shown.contains(figure), "the page lacks {figure:?}");
    }
    // The hours and price charts wait, folded and not yet drawn, under the cards; opened,
    // they are drawn.
    let charts = ".trd-more-charts .trd-chart-image";
    assert_eq!(root.query_selector_all(charts).unwrap().length(), 0);
    let folded = root.query_selector(".trd-more-charts").unwrap().unwrap();
    folded.set_attribute("open", "").unwrap();
    wait_for(&root, ".trd-more-charts .trd-chart-image svg").await;
    // The hours chart; this file names no headline price, so there is no price chart, and the
    // options are named as having none.
    assert_eq!(root.query_selector_all(charts).unwrap().length(), 1);
    let unpriced = wait_for(&root, ".trd-no-price").await;
    assert_eq!(
        text(&unpriced),
        "No verified price: Standard 10 Hz rTMS, CBT added to usual care."
    );
}

#[wasm_bindgen_test]
async fn choosing_a_sort_moves_the_cards_without_rebuilding_them() {
    let root = mount_comparison().await;
    let cards = |root: &Element| {
        let list = root.query_selector_all(".trd-card").unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().dyn_into::<Element>().unwrap())
            .collect::<Vec<_>>()
    };
    let first_option = |root: &Element| cards(root)[0].get_attribute("data-option").unwrap();
    assert_eq!(first_option(&root), "rtms", "data order");
    let select: HtmlSelectElement = root
        .query_selector("select")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let choose = |token: &str| {
        select.set_value(token);
        select
            .dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
    };
    let before = cards(&root);
    choose("name");
    yew::scheduler::flush().await;
    assert_eq!(first_option(&root), "cbt", "CBT comes first by name");
    let after = cards(&root);
    assert_eq!(after.len(), before.len());
    assert!(
        after.iter().all(|card| before.contains(card)),
        "a re-sort rebuilt cards instead of moving them"
    );
    choose("remission");
    yew::scheduler::flush().await;
    assert_eq!(first_option(&root), "rtms", "rTMS reports 18.6%");
    let last = cards(&root).pop().unwrap();
    assert_eq!(
        last.get_attribute("data-option").unwrap(),
        "cbt",
        "not reported sorts last"
    );
}

#[wasm_bindgen_test]
async fn a_figure_citation_brings_its_source_into_view_and_focus() {
    let root = mount_comparison().await;
    let figure: HtmlElement = root
        .query_selector(".trd-fig-button")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    figure.click();
    let cite: HtmlElement = wait_for(&root, ".trd-fig-details .trd-cite")
        .await
        .dyn_into()
        .unwrap();
    let target = cite.get_attribute("href").unwrap();
    assert!(
        cite.get_attribute("aria-label")
            .unwrap()
            .starts_with("Source 1: "),
        "named by its source"
    );
    let sources = root.query_selector("details.trd-sources").unwrap().unwrap();
    assert!(!sources.has_attribute("open"), "folded at first");
    cite.click();
    assert!(sources.has_attribute("open"), "opened to show the source");
    let entry = root.query_selector(&target).unwrap().unwrap();
    let focused = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(focused, entry, "focus is on the source");
    assert!(
        text(&entry).contains("Psychological Medicine"),
        "{}",
        text(&entry)
    );
}

#[wasm_bindgen_test]
async fn app_loads_a_data_file_and_draws_the_charts() {
    let root = mount_app(data_url(DATA));
    wait_for(&root, ".trd-card svg").await;
    assert!(text(&root).contains("Evidence last reviewed 2026-11-21"));
}

#[wasm_bindgen_test]
async fn a_bad_data_file_shows_the_field_to_fix() {
    let broken = DATA.replacen("\"percent\": 29.3", "\"percent\": \"29.3\"", 1);
    assert_ne!(broken, DATA);
    let root = mount_app(data_url(&broken));
    let alert = wait_for(&root, "[role=alert]").await;
    let shown = text(&alert);
    assert!(
        shown.contains("options[0].findings[0].value.percent"),
        "{shown}"
    );
    assert!(
        shown.contains("text in quotes (29.3) where a number belongs"),
        "{shown}"
    );
    assert!(
        shown.contains("Data file: data:application/json,") && shown.len() < 1_000,
        "a long address is shortened: {shown}"
    );
}

#[wasm_bindgen_test]
async fn a_missing_data_file_says_so_and_offers_a_retry() {
    let root = mount_app("/no-such-dir/trd-evidence.json".to_string());
    let alert = wait_for(&root, "[role=alert]").await;
    assert!(
        text(&alert).contains("could not be downloaded"),
        "{}",
        text(&alert)
    );
    assert!(
        text(&alert).contains(
            "There is no file at /no-such-dir/trd-evidence.json (the server answered 404"
        ),
        "{}",
        text(&alert)
    );
    let retry: HtmlElement = alert
        .query_selector("button")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(retry.text_content().unwrap(), "Try again");
    retry.click();
    wait_for(&root, "[role=alert]").await;
}

#[wasm_bindgen_test]
async fn the_table_view_replaces_the_charts_and_back() {
    let root = mount_comparison().await;
    let button = |label: &str| -> HtmlElement {
        let buttons = root.query_selector_all(".trd-view-switch button").unwrap();
        (0..buttons.length())
            .filter_map(|i| buttons.item(i))
            .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
            .find(|b| b.text_content().as_deref() == Some(label))
            .unwrap()
    };
    button("Table").click();
    let table = wait_for(&root, "table").await;
    assert_eq!(table.query_selector_all("tbody").unwrap().length(), 2);
    assert!(
        root.query_selector(".trd-answers").unwrap().is_none(),
        "the cards are replaced"
    );
    assert_eq!(
        button("Table").get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    button("Chart").click();
    wait_for(&root, ".trd-card svg").await;
}

#[wasm_bindgen_test]
async fn a_comparison_keeps_at_least_two_options() {
    let root = mount_comparison().await;
    let boxes = root.query_selector_all(".trd-choices input").unwrap();
    assert_eq!(boxes.length(), 2);
    for i in 0..boxes.length() {
        let input: web_sys::HtmlInputElement = boxes.item(i).unwrap().dyn_into().unwrap();
        assert!(
            input.checked() && input.disabled(),
            "with two options, neither can be removed"
        );
    }
}

#[wasm_bindgen_test]
async fn a_figure_opens_its_study_in_place_and_escape_returns_to_it() {
    let root = mount_comparison().await;
    let figure: HtmlElement = root
        .query_selector(".trd-card[data-option=rtms] .trd-fig-button")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(
        figure.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    figure.click();
    let details = wait_for(&root, ".trd-card[data-option=rtms] .trd-fig-details").await;
    assert!(
        text(&details).contains("sham 10.4%; OR 3.3; NNT 6"),
        "{}",
        text(&details)
    );
    // Next to the figure: in the same card, right after it.
    let opened = root
        .query_selector(".trd-card[data-option=rtms] .trd-fig-open")
        .unwrap()
        .unwrap();
    assert!(opened.contains(Some(&details)) && opened.contains(Some(&figure)));
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let escape =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    details.dispatch_event(&escape).unwrap();
    yew::scheduler::flush().await;
    assert!(
        root.query_selector(".trd-fig-details").unwrap().is_none(),
        "Escape closes it"
    );
    let focused = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(focused.id(), figure.id(), "focus is back on the figure");
}
