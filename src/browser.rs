//! The only module that touches browser APIs: fetching the data file and finding mount points.

use crate::load::LoadError;
use gloo::net::http::Request;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;

/// Downloads a text file, turning every failure into a `LoadError` a reader can understand.
pub async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let response = Request::get(url).send().await.map_err(|e| {
        LoadError::Network(format!(
            "{url}: {e}.{}",
            if is_other_origin(url) {
                " The file is on another site: that site must allow this page to read it \
                 (the header Access-Control-Allow-Origin)."
            } else {
                ""
            }
        ))
    })?;
    if !response.ok() {
        return Err(LoadError::Network(format!(
            "{url} answered HTTP {} {}",
            response.status(),
            response.status_text()
        )));
    }
    response
        .text()
        .await
        .map_err(|e| LoadError::Network(format!("{url}: {e}")))
}

/// Whether `url` is on another origin than the page (so CORS applies).
fn is_other_origin(url: &str) -> bool {
    let Some(page) = web_sys::window().and_then(|w| w.location().origin().ok()) else {
        return false;
    };
    (url.starts_with("http://") || url.starts_with("https://") || url.starts_with("//"))
        && !url.starts_with(&format!("{page}/"))
}

/// Moves keyboard focus to the child of `parent` with this id, if there is one. (Searched
/// among the children, not the document: the widget lives in a shadow root.)
pub fn focus_child(parent: &yew::NodeRef, id: &str) {
    let Some(parent) = parent.cast::<web_sys::Element>() else {
        return;
    };
    let children = parent.children();
    let found = (0..children.length())
        .filter_map(|i| children.item(i))
        .find(|child| child.id() == id)
        .and_then(|child| child.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = found {
        let _ = element.focus();
    }
}

/// Sets inline style properties through the CSSOM, which a strict Content-Security-Policy
/// allows (a `style` attribute in the markup would need 'unsafe-inline').
pub fn set_styles(node: &web_sys::Element, properties: &[(&str, &str)]) {
    if let Some(element) = node.dyn_ref::<web_sys::HtmlElement>() {
        let style = element.style();
        for (name, value) in properties {
            let _ = style.set_property(name, value);
        }
    }
}

/// The children of `parent` with an id, for placing them after a render.
pub fn children_by_id(parent: &yew::NodeRef) -> Vec<(String, web_sys::Element)> {
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

/// Moves keyboard focus to a rendered element.
pub fn focus_node(node: &yew::NodeRef) {
    if let Some(element) = node.cast::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
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
pub fn watch_width(
    element: &web_sys::Element,
    on_width: impl Fn(u32) + 'static,
) -> Option<WidthWatch> {
    let target = element.clone();
    let report = move || on_width(target.client_width().max(0) as u32);
    report();
    let callback = Closure::<dyn FnMut()>::new(report);
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(element);
    Some(WidthWatch {
        observer,
        _callback: callback,
    })
}
