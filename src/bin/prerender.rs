//! Writes the standalone page's first view (the bundled data, English, every option) as HTML:
//! `tools/assemble-embed.mjs` puts it in the page's `<trd-evidence>` as a declared shadow root,
//! so the comparison shows with the page itself, before the program arrives; the loader then
//! replaces it with the live widget, which renders the same markup.
//!
//! `trd-evidence-prerender WIDGET_CSS > first-view.html`

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::rc::Rc;
    use trd_core::load::load_dataset;
    use trd_core::settings::Settings;
    use trd_evidence::components::{ComparisonView, ComparisonViewProps, SharedDataset};
    use yew::{AttrValue, LocalServerRenderer};

    let Some(css) = std::env::args()
        .nth(1)
        .and_then(|p| std::fs::read_to_string(p).ok())
    else {
        eprintln!("usage: trd-evidence-prerender WIDGET_CSS");
        return std::process::ExitCode::from(2);
    };
    let data = match load_dataset(trd_core::BUNDLED_DATA) {
        Ok(data) => data,
        Err(e) => {
            eprintln!("the bundled data does not load: {e:?}");
            return std::process::ExitCode::FAILURE;
        }
    };
    // As the page declares it: heading level 1, the address kept (permalink), English.
    let settings = Settings {
        heading_level: 1,
        permalink: true,
        ..Settings::default()
    };
    let lang = settings.lang;
    let props = ComparisonViewProps {
        words: Default::default(),
        data: SharedDataset(Rc::new(data)),
        settings: Rc::new(settings),
        id_prefix: AttrValue::from("trd0"),
        data_url: Some(AttrValue::from("embed/trd-evidence.json")),
    };
    let view = block_on(
        LocalServerRenderer::<ComparisonView>::with_props(props)
            .hydratable(false)
            .render(),
    );
    // The same root and mount the loader and `App` make, marked as prerendered.
    print!(
        r#"<template shadowrootmode="open"><style data-prerendered>{css}</style><div class="trd-mount" data-prerendered><div class="trd-root" lang="{}" dir="{}" data-theme="auto">{view}</div></div></template>"#,
        lang.tag(),
        lang.dir()
    );
    std::process::ExitCode::SUCCESS
}

/// Runs a future that needs no I/O to its end (server rendering with no data to wait for).
#[cfg(not(target_arch = "wasm32"))]
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(value) = future.as_mut().poll(&mut cx) {
            return value;
        }
        std::thread::yield_now();
    }
}
