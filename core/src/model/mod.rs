//! The dataset as typed Rust values: the single source of truth for the JSON format that data
//! authors write (`data/schema.json` is generated from it, and `load::shape` reads it by the
//! same names, which its tests hold to these types' serde names). Reading lives in `load`,
//! checks in `validate`; the words readers see for these values live in `words`.

mod citations;
mod dataset;
#[cfg(feature = "schema")]
mod schema;
mod values;

pub use citations::Citation;
pub use dataset::*;
pub use values::*;
