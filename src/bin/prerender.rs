//! Writes the first views, rendered at build time (Yew SSR) from the bundled data, so a reader
//! sees the comparison before the program arrives; the loader then replaces them with the live
//! widget, which renders the same markup.
//!
//! - `OUT_DIR/first-view.html`: the standalone page's (English, heading level 1, permalinks), a
//!   declared shadow root with the widget's CSS, which `tools/assemble-embed.mjs` puts in the
//!   page's `<trd-evidence>`.
//! - `OUT_DIR/trd-evidence.first-view.LANG.html`: a pasted `<trd-evidence>`'s (or the iframe
//!   page's), one per language, for an instance with no setting that changes the view (the
//!   loader decides, `firstViewFor`) but the options chosen (it keeps their cards, `cutToChosen`).
//!   Markup only: the loader's stylesheet styles it, and it resolves its relative links.
//!
//! `trd-evidence-prerender WIDGET_CSS OUT_DIR`

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    match write_first_views() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("trd-evidence-prerender: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn write_first_views() -> Result<(), String> {
    use std::path::PathBuf;
    use trd_core::settings::Settings;
    use trd_core::words::Lang;

    let mut args = std::env::args().skip(1);
    let (Some(css), Some(out)) = (args.next(), args.next().map(PathBuf::from)) else {
        return Err("usage: trd-evidence-prerender WIDGET_CSS OUT_DIR".into());
    };
    let css = std::fs::read_to_string(&css).map_err(|e| format!("{css}: {e}"))?;
    let write = |name: &str, text: String| {
        std::fs::write(out.join(name), text).map_err(|e| format!("{name}: {e}"))
    };

    // As the standalone page declares its element: heading level 1, the address kept.
    let page = Settings {
        heading_level: 1,
        permalink: true,
        ..Settings::default()
    };
    let view = render(&page, trd_core::BUNDLED_DATA, "embed/trd-evidence.json")?;
    write(
        "first-view.html",
        format!(
            r#"<template shadowrootmode="open"><style data-prerendered>{css}</style>{view}</template>"#
        ),
    )?;

    for lang in Lang::ALL {
        // The bundled file in this language, named as the loader names it.
        let file = match lang {
            Lang::En => "trd-evidence.json".to_string(),
            other => format!("trd-evidence.{}.json", other.tag()),
        };
        let data_path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("data")
            .join(&file);
        let data = std::fs::read_to_string(&data_path).map_err(|e| format!("{file}: {e}"))?;
        let settings = Settings {
            lang,
            ..Settings::default()
        };
        let view = render(&settings, &data, &file)?;
        write(
            &format!("trd-evidence.first-view.{}.html", lang.tag()),
            view,
        )?;
    }
    Ok(())
}

/// The widget's mount with its first view of `data` under `settings`, as the loader and `App`
/// build it, marked as prerendered.
#[cfg(not(target_arch = "wasm32"))]
fn render(
    settings: &trd_core::settings::Settings,
    data: &str,
    data_url: &str,
) -> Result<String, String> {
    use std::rc::Rc;
    use trd_evidence::components::{ComparisonView, ComparisonViewProps, SharedDataset};
    use yew::{AttrValue, LocalServerRenderer};

    let dataset =
        trd_core::load::load_dataset(data).map_err(|e| format!("the data does not load: {e:?}"))?;
    let lang = settings.lang;
    let words = trd_core::words::Words::new(lang);
    // "Customise · 4 of 16" for every count of chosen options (index = count), as JSON.
    let total = dataset.options.len();
    let labels: Vec<String> = (0..=total)
        .map(|chosen| {
            let label = trd_evidence::components::customise_label(words, chosen, total);
            format!("\"{}\"", label.replace('\\', "\\\\").replace('"', "\\\""))
        })
        .collect();
    let labels = format!("[{}]", labels.join(","))
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    let props = ComparisonViewProps {
        words,
        data: SharedDataset(Rc::new(dataset)),
        settings: Rc::new(settings.clone()),
        id_prefix: AttrValue::from("trd0"),
        data_url: Some(AttrValue::from(data_url.to_string())),
    };
    let view = block_on(
        LocalServerRenderer::<ComparisonView>::with_props(props)
            .hydratable(false)
            .render(),
    );
    // The fewest options a comparison takes (a first view cut to fewer is not what the widget
    // will show: it says so, above every option), and the "Customise" labels by count.
    Ok(format!(
        r#"<div class="trd-mount" data-prerendered data-min-options="{}" data-choose-labels="{labels}"><div class="trd-root" lang="{}" dir="{}" data-theme="{}">{view}</div></div>"#,
        trd_core::state::MIN_SELECTED,
        lang.tag(),
        lang.dir(),
        settings.theme.token()
    ))
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
