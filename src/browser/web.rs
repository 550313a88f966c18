//! The browser module in the browser: focus, full screen, sizes, the address bar, the
//! clipboard, saving files and pictures (data downloads are in `download`).

use std::future::Future;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use yew::{Event, NodeRef};

/// Runs a future to its end on the page's event loop.
pub fn spawn(future: impl Future<Output = ()> + 'static) {
    wasm_bindgen_futures::spawn_local(future);
}

/// Resolves in a later task of the page's event loop, so the browser can paint and answer
/// taps between two long pieces of work (a phone's blocking time counts each task's excess).
pub async fn next_task() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let later = js_sys::Promise::new(&mut |resolve, _| {
        if window.set_timeout_with_callback(&resolve).is_err() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(later).await;
}

/// The chosen value of the `<select>` an event came from.
pub fn select_value(event: &Event) -> String {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|select| select.value())
        .unwrap_or_default()
}

/// Brings the element with this id into view and focus, in the widget the event came from (its
/// shadow root, where links to `#id` do not scroll), first opening any folded section around it.
pub fn reveal(event: &Event, id: &str) {
    let Some(target) = element_by_id(event, id) else {
        return;
    };
    event.prevent_default();
    let mut folded = target.closest("details:not([open])").ok().flatten();
    while let Some(details) = folded {
        let _ = details.set_attribute("open", "");
        folded = details
            .parent_element()
            .and_then(|p| p.closest("details:not([open])").ok().flatten());
    }
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    target.scroll_into_view_with_scroll_into_view_options(&options);
    if let Some(element) = target.dyn_ref::<web_sys::HtmlElement>() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
    }
}

/// Shows what the reader just opened together with what they tapped: the element with this id
/// (a descendant of `parent`) and everything before it in its own parent, e.g. a figure and its
/// details. It scrolls the least that shows the whole; when that is taller than the window, it
/// puts its top at the top, so what was tapped stays in view and the opened part starts below it.
pub fn bring_into_view(parent: &NodeRef, id: &str) {
    let Some(parent) = parent.cast::<web_sys::Element>() else {
        return;
    };
    let Ok(Some(target)) = parent.query_selector(&format!("[id='{id}']")) else {
        return;
    };
    let whole = target.parent_element().unwrap_or(target);
    let window_height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(f64::MAX);
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(
        if whole.get_bounding_client_rect().height() <= window_height {
            web_sys::ScrollLogicalPosition::Nearest
        } else {
            web_sys::ScrollLogicalPosition::Start
        },
    );
    whole.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Moves focus to the element with this id in the widget the event came from.
pub fn focus_by_id(event: &Event, id: &str) {
    if let Some(element) =
        element_by_id(event, id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// The element with this id in the widget the event came from (searched in the widget, not the
/// document: the widget may live in a shadow root, and a page may hold several widgets).
fn element_by_id(event: &Event, id: &str) -> Option<web_sys::Element> {
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let widget = target.closest(".trd-evidence").ok().flatten()?;
    widget
        .query_selector(&format!("[id='{id}']"))
        .ok()
        .flatten()
}

/// Moves keyboard focus to a rendered element.
pub fn focus_node(node: &NodeRef) {
    if let Some(element) = node.cast::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}

/// Moves keyboard focus to the child of `parent` with this id, if there is one. (Searched
/// among the children, not the document: the widget lives in a shadow root.)
pub fn focus_child(parent: &NodeRef, id: &str) {
    let found = children_by_id(parent)
        .into_iter()
        .find(|(child_id, _)| child_id == id)
        .and_then(|(_, child)| child.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = found {
        let _ = element.focus();
    }
}

/// Moves focus to the element with this id anywhere inside `parent`.
pub fn focus_within(parent: &NodeRef, id: &str) {
    let found = parent
        .cast::<web_sys::Element>()
        .and_then(|p| p.query_selector(&format!("[id='{id}']")).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = found {
        let _ = element.focus();
    }
}

/// Sets inline style properties through the CSSOM, which a strict Content-Security-Policy
/// allows (a `style` attribute in the markup would need 'unsafe-inline').
pub fn set_styles(node: &NodeRef, properties: &[(&str, &str)]) {
    if let Some(element) = node.cast::<web_sys::Element>() {
        set_element_styles(&element, properties.iter().copied());
    }
}

/// Sets style properties on the children of `parent`, each found by its id.
pub fn style_children(parent: &NodeRef, styles: &[(String, Vec<(&'static str, String)>)]) {
    for (id, element) in children_by_id(parent) {
        if let Some((_, properties)) = styles.iter().find(|(wanted, _)| *wanted == id) {
            set_element_styles(
                &element,
                properties
                    .iter()
                    .map(|(name, value)| (*name, value.as_str())),
            );
        }
    }
}

fn set_element_styles<'a>(
    element: &web_sys::Element,
    properties: impl Iterator<Item = (&'a str, &'a str)>,
) {
    if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
        let style = element.style();
        for (name, value) in properties {
            let _ = style.set_property(name, value);
        }
    }
}

/// The children of `parent` with an id.
fn children_by_id(parent: &NodeRef) -> Vec<(String, web_sys::Element)> {
    let Some(parent) = parent.cast::<web_sys::Element>() else {
        return Vec::new();
    };
    let children = parent.children();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|child| !child.id().is_empty())
        .map(|child| (child.id(), child))
        .collect()
}

/// Shows the element full screen (after a click; browsers refuse it otherwise) and focuses it
/// so the arrow keys reach it.
/// Whether the page (or something in it, e.g. a slide deck) is already full screen.
pub fn is_fullscreen() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.fullscreen_element().is_some())
}

/// Whether a keyboard event comes from a form control, button, link or summary: keys there
/// belong to the control.
pub fn from_control(event: &yew::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| {
            matches!(
                e.tag_name().as_str(),
                "SELECT" | "INPUT" | "TEXTAREA" | "BUTTON" | "SUMMARY" | "A"
            )
        })
}

pub fn enter_fullscreen(node: &NodeRef) {
    if let Some(element) = node.cast::<web_sys::HtmlElement>() {
        let _ = element.request_fullscreen();
        let _ = element.focus();
    }
}

pub fn exit_fullscreen() {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if document.fullscreen_element().is_some() {
            document.exit_fullscreen();
        }
    }
}

/// Calls `on_exit` whenever the page leaves full screen, until dropped.
pub struct FullscreenWatch {
    document: web_sys::Document,
    callback: Closure<dyn FnMut()>,
}

impl Drop for FullscreenWatch {
    fn drop(&mut self) {
        let _ = self.document.remove_event_listener_with_callback(
            "fullscreenchange",
            self.callback.as_ref().unchecked_ref(),
        );
    }
}

pub fn on_fullscreen_exit(on_exit: impl Fn() + 'static) -> Option<FullscreenWatch> {
    let document = web_sys::window()?.document()?;
    let watched = document.clone();
    let callback = Closure::<dyn FnMut()>::new(move || {
        if watched.fullscreen_element().is_none() {
            on_exit();
        }
    });
    document
        .add_event_listener_with_callback("fullscreenchange", callback.as_ref().unchecked_ref())
        .ok()?;
    Some(FullscreenWatch { document, callback })
}

/// Reports an element's width whenever it changes, until dropped.
pub struct WidthWatch {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for WidthWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `on_width` with the element's width in CSS pixels now and on every resize.
pub fn watch_width(node: &NodeRef, on_width: impl Fn(u32) + 'static) -> Option<WidthWatch> {
    let element = node.cast::<web_sys::Element>()?;
    let target = element.clone();
    let report = move || on_width(target.client_width().max(0) as u32);
    report();
    let callback = Closure::<dyn FnMut()>::new(report);
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&element);
    Some(WidthWatch {
        observer,
        _callback: callback,
    })
}

/// The page's address with `query` in place of its current query (for permalinks).
pub fn page_url_with(query: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    Some(format!(
        "{}{}{query}",
        location.origin().ok()?,
        location.pathname().ok()?
    ))
}

/// Puts `query` in the address bar without a new history entry or a reload.
pub fn replace_query(query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let (Ok(history), Some(url)) = (window.history(), page_url_with(query)) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Copies text to the clipboard; `false` if the browser refused (no permission, no focus).
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Offers `bytes` as a file download named `name`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(link) = document
        .create_element("a")
        .map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>())
    {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Renders an SVG document to PNG bytes at `scale` times its size (2 for slides). The error
/// names the step that failed, for the message the reader sees.
pub async fn svg_to_png(svg: &str, width: u32, height: u32, scale: u32) -> Result<Vec<u8>, String> {
    let fail = |step: &str| step.to_string();
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("no document"))?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| fail("blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("url"))?;
    let image = web_sys::HtmlImageElement::new().map_err(|_| fail("image"))?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        image.set_onload(Some(&resolve));
        image.set_onerror(Some(&reject));
    });
    image.set_src(&url);
    let result = wasm_bindgen_futures::JsFuture::from(loaded).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    result.map_err(|_| fail("the browser could not read the SVG"))?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|_| fail("canvas"))?
        .unchecked_into();
    canvas.set_width(width * scale);
    canvas.set_height(height * scale);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or_else(|| fail("2d context"))?
        .unchecked_into();
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            &image,
            0.0,
            0.0,
            f64::from(width * scale),
            f64::from(height * scale),
        )
        .map_err(|_| fail("draw"))?;
    let data_url = canvas
        .to_data_url_with_type("image/png")
        .map_err(|_| fail("encode"))?;
    let base64 = data_url
        .split_once(',')
        .map(|(_, b)| b)
        .ok_or_else(|| fail("encode"))?;
    let binary = web_sys::window()
        .ok_or_else(|| fail("window"))?
        .atob(base64)
        .map_err(|_| fail("decode"))?;
    Ok(binary.chars().map(|c| c as u8).collect())
}

/// Whether the `<details>` a toggle event came from is now open.
pub fn details_open(event: &Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        .is_some_and(|details| details.open())
}

/// Tells `on_change` when the page starts and stops printing, until dropped: before the
/// print dialog lays out the page (beforeprint), and when print media is emulated (tools).
pub struct PrintWatch {
    window: web_sys::Window,
    media: Option<web_sys::MediaQueryList>,
    before: Closure<dyn FnMut()>,
    after: Closure<dyn FnMut()>,
    change: Closure<dyn FnMut()>,
}

impl Drop for PrintWatch {
    fn drop(&mut self) {
        let _ = self.window.remove_event_listener_with_callback(
            "beforeprint",
            self.before.as_ref().unchecked_ref(),
        );
        let _ = self
            .window
            .remove_event_listener_with_callback("afterprint", self.after.as_ref().unchecked_ref());
        if let Some(media) = &self.media {
            let _ = media.remove_event_listener_with_callback(
                "change",
                self.change.as_ref().unchecked_ref(),
            );
        }
    }
}

pub fn on_print(on_change: impl Fn(bool) + 'static) -> Option<PrintWatch> {
    let window = web_sys::window()?;
    let on_change = std::rc::Rc::new(on_change);
    let media = window.match_media("print").ok().flatten();
    let before = {
        let on_change = on_change.clone();
        Closure::<dyn FnMut()>::new(move || on_change(true))
    };
    let after = {
        let on_change = on_change.clone();
        Closure::<dyn FnMut()>::new(move || on_change(false))
    };
    let change = {
        let media = media.clone();
        Closure::<dyn FnMut()>::new(move || {
            on_change(media.as_ref().is_some_and(web_sys::MediaQueryList::matches))
        })
    };
    window
        .add_event_listener_with_callback("beforeprint", before.as_ref().unchecked_ref())
        .ok()?;
    window
        .add_event_listener_with_callback("afterprint", after.as_ref().unchecked_ref())
        .ok()?;
    if let Some(media) = &media {
        media
            .add_event_listener_with_callback("change", change.as_ref().unchecked_ref())
            .ok()?;
    }
    Some(PrintWatch {
        window,
        media,
        before,
        after,
        change,
    })
}
