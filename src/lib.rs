//! trd-evidence, the web widget: Yew components that wire the core's state to views, the hooks
//! that hold that state, and `browser`, the one module that touches browser APIs. Everything
//! that decides what a reader sees is in the core crate (`trd_core`), tested natively.

pub mod browser;
pub mod components;
pub mod hooks;

pub use trd_core;
