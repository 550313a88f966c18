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
    wait_for(&root, ".trd-chart svg").await;
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
async fn charts_are_drawn_with_visible_size_and_figures() {
    let root = mount_comparison().await;
    let charts = root.query_selector_all(".trd-chart-image").unwrap();
    assert_eq!(
        charts.length(),
        4,
        "response, remission, what it involves, what it costs"
    );
    let first: Element = charts.item(0).unwrap().dyn_into().unwrap();
    let rect = first.get_bounding_client_rect();
    assert!(
        rect.width() > 200.0 && rect.height() > 100.0,
        "chart is {}x{}",
        rect.width(),
        rect.height()
    );
    let shown = text(&root);
    for figure in [
        "29.3%",
        "18.6%",
        "sham 10.4%",
        "46%",
        "usual care 22%",
        "not reported",
    ] {
        assert!(shown.contains(figure), "the page lacks {figure:?}");
    }
}

#[wasm_bindgen_test]
async fn choosing_a_sort_reorders_the_options() {
    let root = mount_comparison().await;
    let first_option = |root: &Element| {
        root.query_selector(".trd-option")
            .unwrap()
            .unwrap()
            .get_attribute("data-option")
            .unwrap()
    };
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
    let pictures = |root: &Element| {
        let list = root
            .query_selector_all(".trd-picture[data-option]")
            .unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().dyn_into::<Element>().unwrap())
            .collect::<Vec<_>>()
    };
    let before = pictures(&root);
    choose("name");
    yew::scheduler::flush().await;
    assert_eq!(first_option(&root), "cbt", "CBT comes first by name");
    // The charts show the new order: the top row of the first chart is CBT, and so is its
    // first button. The rows' drawings were kept, only placed anew.
    let first_chart = root.query_selector(".trd-chart").unwrap().unwrap();
    let top_row = pictures(&first_chart)
        .into_iter()
        .min_by(|a, b| {
            let (a, b) = (
                a.get_bounding_client_rect().top(),
                b.get_bounding_client_rect().top(),
            );
            a.partial_cmp(&b).unwrap()
        })
        .unwrap();
    assert_eq!(top_row.get_attribute("data-option").unwrap(), "cbt");
    let first_button = first_chart.query_selector(".trd-hit").unwrap().unwrap();
    let label = first_button.get_attribute("aria-label").unwrap();
    assert!(label.starts_with("CBT"), "{label}");
    let after = pictures(&root);
    assert_eq!(after.len(), before.len());
    assert!(
        after.iter().all(|p| before.contains(p)),
        "a re-sort redrew rows instead of moving them"
    );
    choose("remission");
    yew::scheduler::flush().await;
    assert_eq!(first_option(&root), "rtms", "rTMS reports 18.6%");
    let last = root.query_selector_all(".trd-option").unwrap();
    let last: Element = last.item(last.length() - 1).unwrap().dyn_into().unwrap();
    assert_eq!(
        last.get_attribute("data-option").unwrap(),
        "cbt",
        "not reported sorts last"
    );
}

#[wasm_bindgen_test]
async fn a_figure_citation_jumps_to_its_source() {
    let root = mount_comparison().await;
    let cite: HtmlElement = root
        .query_selector(".trd-cite")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let target = cite.get_attribute("href").unwrap();
    let entry = root
        .query_selector(&target)
        .unwrap()
        .expect("the citation entry exists");
    assert!(
        text(&entry).contains("Psychological Medicine"),
        "{}",
        text(&entry)
    );
}

#[wasm_bindgen_test]
async fn app_loads_a_data_file_and_draws_the_charts() {
    let root = mount_app(data_url(DATA));
    wait_for(&root, ".trd-chart svg").await;
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
    assert!(shown.contains("expected a JSON number"), "{shown}");
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
    assert!(text(&alert).contains("HTTP 404"), "{}", text(&alert));
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
        root.query_selector(".trd-chart").unwrap().is_none(),
        "charts are replaced"
    );
    assert_eq!(
        button("Table").get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    button("Chart").click();
    wait_for(&root, ".trd-chart svg").await;
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
async fn selecting_a_chart_row_shows_where_the_figure_comes_from() {
    let root = mount_comparison().await;
    let hit: HtmlElement = root
        .query_selector(".trd-hit")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(hit.get_attribute("aria-expanded").as_deref(), Some("false"));
    hit.click();
    let region = wait_for(&root, ".trd-provenance-box").await;
    assert!(
        text(&region).contains("sham 10.4%; OR 3.3; NNT 6"),
        "{}",
        text(&region)
    );
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let escape =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    region.dispatch_event(&escape).unwrap();
    yew::scheduler::flush().await;
    assert!(
        root.query_selector(".trd-provenance-box")
            .unwrap()
            .is_none(),
        "Escape closes it"
    );
}
