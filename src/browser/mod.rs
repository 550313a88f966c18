//! The only module that touches browser APIs. Components call these functions on every
//! target: in the browser they act (`web`); in native builds, where Yew renders on a server
//! and in tests, effects and event handlers never run, and the same functions do nothing
//! (`native`), so components carry no platform switches.

#[cfg(target_arch = "wasm32")]
mod download;
#[cfg(target_arch = "wasm32")]
mod web;
#[cfg(target_arch = "wasm32")]
pub use download::{download_text, DownloadHandle};
#[cfg(target_arch = "wasm32")]
pub use web::*;

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
pub use native::*;
