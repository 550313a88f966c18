//! Downloading a data file in the browser: one download per widget, stopped when it is no
//! longer wanted, within a time limit, cut off at the size limit while it arrives.

use std::future::Future;
use trd_core::load::{decode_text, Download, LoadError, DOWNLOAD_TIMEOUT_SECONDS, MAX_FILE_BYTES};
use wasm_bindgen::JsCast;

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

/// Whether `url` is on another site than the page (so CORS applies): the iframe page's origin
/// check, read for an http(s) origin (a `data:` address is not another site).
fn is_other_origin(url: &str) -> bool {
    let Some(page) = web_sys::window().and_then(|w| w.location().origin().ok()) else {
        return false;
    };
    trd_core::settings::foreign_origin(url, &page).is_some_and(|origin| origin.contains("://"))
}
