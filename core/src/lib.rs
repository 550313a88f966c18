//! The pure core of trd-evidence: everything that decides what a reader sees, with no web
//! dependency (a test keeps it so), tested natively. Dependencies point one way:
//!
//! `model` ← `json_path`, `words` ← `load`, `validate` ← `state`, `view_model` ← `chart`,
//! `icon_array`, `export` ← `settings`
//!
//! The widget crate wires these to Yew components and the browser.

pub mod chart;
pub mod export;
pub mod icon_array;
pub mod json_path;
pub mod load;
pub mod model;
pub mod settings;
pub mod slides;
pub mod state;
pub mod validate;
pub mod view_model;
pub mod words;

/// The bundled dataset, for tests and the checker's self-check.
pub const BUNDLED_DATA: &str = include_str!("../../data/trd-evidence.json");
