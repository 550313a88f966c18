//! The browser module's functions in native builds (server rendering and tests): nothing to
//! act on, so each does nothing or reports that it could not.

use std::future::Future;
use trd_core::load::{Download, LoadError};
use yew::{Event, NodeRef};

/// What stops a download when dropped; natively there is nothing to stop.
pub struct DownloadHandle;

impl DownloadHandle {
    pub fn stop(self) {}
}

pub fn download_text(
    url: &str,
) -> (
    DownloadHandle,
    impl Future<Output = Result<String, LoadError>>,
) {
    let url = url.to_string();
    let future = async move {
        Err(LoadError::Network(Download::Refused {
            url,
            other_origin: false,
        }))
    };
    (DownloadHandle, future)
}

pub fn spawn(future: impl Future<Output = ()> + 'static) {
    drop(future);
}

pub async fn next_task() {}

pub fn select_value(_event: &Event) -> String {
    String::new()
}

pub fn reveal(_event: &Event, _id: &str) {}

pub fn focus_by_id(_event: &Event, _id: &str) {}

pub fn bring_into_view(_parent: &NodeRef, _id: &str) {}

pub fn focus_node(_node: &NodeRef) {}

pub fn focus_child(_parent: &NodeRef, _id: &str) {}

pub fn set_styles(_node: &NodeRef, _properties: &[(&str, &str)]) {}

pub fn style_children(_parent: &NodeRef, _styles: &[(String, Vec<(&'static str, String)>)]) {}

pub fn enter_fullscreen(_node: &NodeRef) {}

pub fn exit_fullscreen() {}

/// Stands for a listener that the browser would remove when this is dropped.
pub struct FullscreenWatch;

impl Drop for FullscreenWatch {
    fn drop(&mut self) {}
}

pub fn on_fullscreen_exit(_on_exit: impl Fn() + 'static) -> Option<FullscreenWatch> {
    None
}

/// Stands for an observer that the browser would disconnect when this is dropped.
pub struct WidthWatch;

impl Drop for WidthWatch {
    fn drop(&mut self) {}
}

pub fn watch_width(_node: &NodeRef, _on_width: impl Fn(u32) + 'static) -> Option<WidthWatch> {
    None
}

pub fn page_url_with(_query: &str) -> Option<String> {
    None
}

pub fn replace_query(_query: &str) {}

pub async fn copy_text(_text: &str) -> bool {
    false
}

pub fn download(_name: &str, _mime: &str, _bytes: &[u8]) {}

pub async fn svg_to_png(
    _svg: &str,
    _width: u32,
    _height: u32,
    _scale: u32,
) -> Result<Vec<u8>, String> {
    Err("no browser".to_string())
}

pub fn details_open(_event: &Event) -> bool {
    false
}

/// Stands for the print listeners the browser would remove when this is dropped.
pub struct PrintWatch;

impl Drop for PrintWatch {
    fn drop(&mut self) {}
}

pub fn on_print(_on_change: impl Fn(bool) + 'static) -> Option<PrintWatch> {
    None
}

pub fn is_fullscreen() -> bool {
    false
}

pub fn from_control(_event: &yew::KeyboardEvent) -> bool {
    false
}

pub fn focus_within(_parent: &NodeRef, _id: &str) {}
