//! The browser module in the browser: fetching, focus, full screen, sizes, the address bar,
//! the clipboard, downloads and pictures.

use std::future::Future;
use trd_core::load::{decode_text, Download, LoadError, DOWNLOAD_TIMEOUT_SECONDS, MAX_FILE_BYTES};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use yew::{Event, NodeRef};

/// A download under way. Dropping it stops the download (its future then ends with
/// `Download::Cancelled`), so a widget whose `src` changed, or that left the page, never
/// receives the old file.
pub struct DownloadHandle {
    controller: Option<web_sys::AbortController>,
    /// Stops the loader's download of the same file, when this one was taken from it.
    stop_prefetch: Option<js_sys::Function>,
    /// Stops the download when it runs out of time; dropped with the handle.
    _timeout: Option<gloo::timers::callback::Timeout>,
}

impl DownloadHandle {
    /// Stops the download now (as dropping the handle does).
    pub fn stop(self) {}
}

impl Drop for DownloadHandle {
    fn drop(&mut self) {
        if let Some(controller) = &self.controller {
            controller.abort();
        }
        if let Some(stop) = &self.stop_prefetch {
            let _ = stop.call0(&wasm_bindgen::JsValue::NULL);
        }
    }
}

/// Why the controller stopped a download, read back from its signal.
const TIMED_OUT: &str = "trd-evidence: timed out";

/// Starts downloading a text file: at most `MAX_FILE_BYTES` (counted while it arrives, so an
/// endless answer is cut off), within `DOWNLOAD_TIMEOUT_SECONDS`, decoded as UTF-8. Every
/// failure becomes a `LoadError` a reader can understand. The loader may have started this
/// very download already, alongside the program's (see `prefetch` in trd-evidence.js): its
/// response is taken rather than asked for again.
pub fn download_text(
    url: &str,
) -> (
    DownloadHandle,
    impl Future<Output = Result<String, LoadError>>,
) {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let timeout = controller.clone().map(|controller| {
        gloo::timers::callback::Timeout::new(DOWNLOAD_TIMEOUT_SECONDS * 1000, move || {
            controller.abort_with_reason(&TIMED_OUT.into());
        })
    });
    let early = prefetched(url);
    let stop_prefetch = early.as_ref().and_then(|promise| {
        js_sys::Reflect::get(promise, &"abort".into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()
    });
    // Asked for now, not when the future is first polled (a widget in another language reads
    // its sentences first, and the timer is already running).
    let stop = signal.as_ref().map(|s| (s.clone(), when_stopped(s)));
    let retry = early.is_some();
    let started = early
        .or_else(|| fetch(url, signal.as_ref()))
        .map(|own| match &stop {
            // Raced against the stop at once, so a download stopped before the future first runs
            // settles quietly (no unhandled rejection in the console).
            Some((_, stop)) => js_sys::Promise::race(&js_sys::Array::of2(&own, stop)),
            None => own,
        });
    let url = url.to_string();
    let future = async move {
        let result = receive(&url, started, retry, signal.as_ref(), stop.as_ref()).await;
        match signal {
            // Stopped while the last part was on its way: the answer is no longer wanted.
            Some(signal) if signal.aborted() => Err(stopped(&url, &signal)),
            _ => result,
        }
    };
    (
        DownloadHandle {
            controller,
            stop_prefetch,
            _timeout: timeout,
        },
        future,
    )
}

async fn receive(
    url: &str,
    started: Option<js_sys::Promise>,
    retry: bool,
    signal: Option<&web_sys::AbortSignal>,
    stop: Option<&(web_sys::AbortSignal, js_sys::Promise)>,
) -> Result<String, LoadError> {
    let failed = |fallback: LoadError| match signal {
        Some(signal) if signal.aborted() => stopped(url, signal),
        _ => fallback,
    };
    let refused = || {
        LoadError::Network(Download::Refused {
            url: url.to_string(),
            other_origin: is_other_origin(url),
        })
    };
    let as_response = |r: Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>| {
        r.ok().and_then(|r| r.dyn_into::<web_sys::Response>().ok())
    };
    let response = match started {
        Some(started) => as_response(until_stopped(started, stop).await),
        None => None,
    };
    // The loader's early download resolves to nothing when it failed: ask once more, so the
    // message says what happened to this request.
    let response = match response {
        Some(response) => response,
        None if !retry => return Err(failed(refused())),
        None => {
            if let Some(signal) = signal.filter(|s| s.aborted()) {
                return Err(stopped(url, signal));
            }
            let again = fetch(url, signal).ok_or_else(refused)?;
            as_response(until_stopped(again, stop).await).ok_or_else(|| failed(refused()))?
        }
    };
    if !response.ok() {
        return Err(LoadError::Network(Download::Status {
            url: url.to_string(),
            status: response.status(),
            text: response.status_text(),
        }));
    }
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|n| n.trim().parse::<usize>().ok());
    if let Some(bytes) = declared.filter(|&n| n > MAX_FILE_BYTES) {
        return Err(LoadError::TooLarge {
            bytes,
            limit: MAX_FILE_BYTES,
        });
    }
    let Some(body) = response.body() else {
        return decode_text(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk = match until_stopped(reader.read(), stop).await {
            Ok(chunk) => chunk,
            Err(_) => {
                // Stopped or broken: the rest of the answer is not read.
                let _ = reader.cancel();
                return Err(failed(LoadError::Network(Download::Body {
                    url: url.to_string(),
                })));
            }
        };
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        let value = js_sys::Reflect::get(&chunk, &"value".into()).unwrap_or_default();
        bytes.extend(js_sys::Uint8Array::new(&value).to_vec());
        if bytes.len() > MAX_FILE_BYTES {
            // Refused while arriving: a runaway answer is never read to its end.
            let _ = reader.cancel();
            return Err(LoadError::TooLarge {
                bytes: bytes.len(),
                limit: MAX_FILE_BYTES,
            });
        }
    }
    decode_text(bytes)
}

/// Asks for `url` with the download's signal; `None` when there is no window.
fn fetch(url: &str, signal: Option<&web_sys::AbortSignal>) -> Option<js_sys::Promise> {
    let init = web_sys::RequestInit::new();
    init.set_signal(signal);
    Some(web_sys::window()?.fetch_with_str_and_init(url, &init))
}

/// A promise that settles when the download is stopped: one per download, raced against each
/// step (a response the loader started cannot be stopped itself). It resolves rather than
/// rejects, so a download stopped before anyone waits on it reports no unhandled rejection.
fn when_stopped(signal: &web_sys::AbortSignal) -> js_sys::Promise {
    let signal = signal.clone();
    js_sys::Promise::new(&mut |resolve, _| {
        if signal.aborted() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        } else {
            let _ = signal.add_event_listener_with_callback("abort", &resolve);
        }
    })
}

/// Waits for `promise`; an error when the download was stopped first.
async fn until_stopped(
    promise: js_sys::Promise,
    stop: Option<&(web_sys::AbortSignal, js_sys::Promise)>,
) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
    let Some((signal, stop)) = stop else {
        return wasm_bindgen_futures::JsFuture::from(promise).await;
    };
    let raced = js_sys::Promise::race(&js_sys::Array::of2(&promise, stop));
    let result = wasm_bindgen_futures::JsFuture::from(raced).await;
    if signal.aborted() {
        return Err(wasm_bindgen::JsValue::NULL);
    }
    result
}

fn stopped(url: &str, signal: &web_sys::AbortSignal) -> LoadError {
    LoadError::Network(
        if signal.reason().as_string().as_deref() == Some(TIMED_OUT) {
            Download::TimedOut {
                url: url.to_string(),
                seconds: DOWNLOAD_TIMEOUT_SECONDS,
            }
        } else {
            Download::Cancelled
        },
    )
}

/// The download of `url` the loader started, taken once (it resolves to a Response, or to
/// nothing when it failed, and then the widget asks again and reports why).
fn prefetched(url: &str) -> Option<js_sys::Promise> {
    let waiting = js_sys::Reflect::get(&js_sys::global(), &"__trdEvidencePrefetch".into()).ok()?;
    let waiting = waiting.dyn_into::<js_sys::Map>().ok()?;
    let key = wasm_bindgen::JsValue::from_str(url);
    let started = waiting.get(&key);
    waiting.delete(&key);
    started.dyn_into::<js_sys::Promise>().ok()
}

/// Whether `url` is on another origin than the page (so CORS applies).
fn is_other_origin(url: &str) -> bool {
    let Some(page) = web_sys::window().and_then(|w| w.location().origin().ok()) else {
        return false;
    };
    (url.starts_with("http://") || url.starts_with("https://") || url.starts_with("//"))
        && !url.starts_with(&format!("{page}/"))
}

/// Runs a future to its end on the page's event loop.
pub fn spawn(future: impl Future<Output = ()> + 'static) {
    wasm_bindgen_futures::spawn_local(future);
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
