//! The only module that touches browser APIs: fetching the data file and finding mount points.

use crate::load::LoadError;
use gloo::net::http::Request;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;

/// Downloads a text file, turning every failure into a `LoadError` a reader can understand.
pub async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|e| LoadError::Network(format!("{url}: {e}")))?;
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

/// Moves keyboard focus to the element with this id, if there is one.
pub fn focus_id(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Moves keyboard focus to a rendered element.
pub fn focus_node(node: &yew::NodeRef) {
    if let Some(element) = node.cast::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}

/// Elements the widget mounts into: `<div data-trd-evidence data-src="…">`.
pub fn mount_points() -> Vec<web_sys::Element> {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return Vec::new();
    };
    let Ok(list) = document.query_selector_all("[data-trd-evidence]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
        .collect()
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
