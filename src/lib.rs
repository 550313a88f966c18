//! trd-evidence: a citation-first comparison of options for treatment-resistant depression.
//!
//! The pure core (`model`, `load`, `validate`, `state`, `view_model`, `chart`) has no web
//! dependency and is tested natively. `components` wires state to views with Yew; `browser`
//! is the only module that touches browser APIs.

pub mod chart;
pub mod components;
pub mod embed_config;
pub mod export;
pub mod icon_array;
pub mod json_path;
pub mod load;
pub mod model;
pub mod state;
pub mod validate;
pub mod view_model;

#[cfg(target_arch = "wasm32")]
pub mod browser;

/// The bundled dataset, for tests and the checker's self-check.
pub const BUNDLED_DATA: &str = include_str!("../data/trd-evidence.json");
