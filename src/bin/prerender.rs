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
    match native::write_first_views() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("trd-evidence-prerender: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Server rendering runs natively only (the wasm build has no `ssr`).
#[cfg(not(target_arch = "wasm32"))]
mod native {
    pub fn write_first_views() -> Result<(), String> {
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
        let data = parse(trd_core::BUNDLED_DATA)?;
        let view = render(&page, &data, "embed/trd-evidence.json");
        write(
            "first-view.html",
            format!(
                r#"<template shadowrootmode="open"><style data-prerendered>{css}</style>{}</template>"#,
                mount(&view, &page, "[]", "")
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
            let text = std::fs::read_to_string(&data_path).map_err(|e| format!("{file}: {e}"))?;
            let data = parse(&text)?;
            let settings = Settings {
                lang,
                ..Settings::default()
            };
            let view = render(&settings, &data, &file);
            // Without labels the loader cuts nothing: chosen options then wait for the widget.
            let labels = match card_changed_by_choice(&settings, &data, &view) {
                None => choose_labels(&settings, &data),
                Some(option) => {
                    eprintln!(
                        "trd-evidence-prerender: {file}: the card of {option} reads differently when \
                         other options are chosen, so chosen options get no first view"
                    );
                    "[]".to_string()
                }
            };
            let orders = card_orders(&settings, &data, &view);
            write(
                &format!("trd-evidence.first-view.{}.html", lang.tag()),
                mount(&view, &settings, &labels, &orders),
            )?;
        }
        Ok(())
    }

    fn parse(text: &str) -> Result<trd_evidence::components::SharedDataset, String> {
        let dataset = trd_core::load::load_dataset(text)
            .map_err(|e| format!("the data does not load: {e:?}"))?;
        Ok(trd_evidence::components::SharedDataset(std::rc::Rc::new(
            dataset,
        )))
    }

    /// The comparison of `data` under `settings`, as the widget first renders it.
    fn render(
        settings: &trd_core::settings::Settings,
        data: &trd_evidence::components::SharedDataset,
        data_url: &str,
    ) -> String {
        use std::rc::Rc;
        use trd_evidence::components::{ComparisonView, ComparisonViewProps};
        use yew::{AttrValue, LocalServerRenderer};

        let props = ComparisonViewProps {
            words: trd_core::words::Words::new(settings.lang),
            data: data.clone(),
            settings: Rc::new(settings.clone()),
            id_prefix: AttrValue::from("trd0"),
            data_url: Some(AttrValue::from(data_url.to_string())),
        };
        block_on(
            LocalServerRenderer::<ComparisonView>::with_props(props)
                .hydratable(false)
                .render(),
        )
    }

    /// The widget's mount around `view`, as the loader and `App` build it, marked as prerendered,
    /// with what the loader needs to cut it down to chosen options: the fewest options a comparison
    /// takes (a first view cut to fewer is not what the widget will show: it says so, above every
    /// option) and the "Customise" labels by count (`choose_labels`); and to put its cards in the
    /// order a host asks for (`card_orders`).
    fn mount(
        view: &str,
        settings: &trd_core::settings::Settings,
        labels: &str,
        orders: &str,
    ) -> String {
        let lang = settings.lang;
        let attribute = |json: &str| {
            json.replace('&', "&amp;")
                .replace('"', "&quot;")
                .replace('<', "&lt;")
        };
        format!(
            r#"<div class="trd-mount" data-prerendered data-min-options="{}" data-choose-labels="{}" data-orders="{}"><div class="trd-root" lang="{}" dir="{}" data-theme="{}">{view}</div></div>"#,
            trd_core::state::MIN_SELECTED,
            attribute(labels),
            attribute(orders),
            lang.tag(),
            lang.dir(),
            settings.theme.token()
        )
    }

    /// "Customise · 4 of 16" for every count of chosen options (index = count), as a JSON list.
    fn choose_labels(
        settings: &trd_core::settings::Settings,
        data: &trd_evidence::components::SharedDataset,
    ) -> String {
        let words = trd_core::words::Words::new(settings.lang);
        let total = data.0.options.len();
        let labels: Vec<String> = (0..=total)
            .map(|chosen| {
                let label = trd_evidence::components::customise_label(words, chosen, total);
                let mut json = String::from("\"");
                for c in label.chars() {
                    match c {
                        '"' | '\\' => json.extend(['\\', c]),
                        c if (c as u32) < 0x20 => json.push_str(&format!("\\u{:04x}", c as u32)),
                        c => json.push(c),
                    }
                }
                json.push('"');
                json
            })
            .collect();
        format!("[{}]", labels.join(","))
    }

    /// The options' ids in each order the widget offers (`response:ect,rtms,… name:…`), as the
    /// widget sorts them (a stable sort, so chosen options keep these places among themselves).
    /// An order is left out when a card reads differently in it, so a first view is only
    /// reordered where moving the cards is all the widget does.
    fn card_orders(
        settings: &trd_core::settings::Settings,
        data: &trd_evidence::components::SharedDataset,
        full_view: &str,
    ) -> String {
        use trd_core::state::SortKey;
        let mut orders = Vec::new();
        for sort in SortKey::ALL {
            if sort == SortKey::DataOrder {
                continue;
            }
            let sorted = trd_core::settings::Settings {
                sort,
                ..settings.clone()
            };
            let (state, _) = sorted.initial_state(&data.0);
            let rows = trd_core::view_model::Comparison::build(&data.0, &state.selection()).rows;
            let view = render(&sorted, data, "");
            if let Some(changed) = rows
                .iter()
                .find(|row| card(&view, &row.id) != card(full_view, &row.id))
            {
                eprintln!(
                    "trd-evidence-prerender: the card of {} reads differently in the order \"{}\", so \
                     that order gets no first view",
                    changed.id,
                    sort.token()
                );
                continue;
            }
            // Ids are lower-case letters, digits and hyphens (the data's rules), so commas,
            // colons and spaces can part them.
            let ids: Vec<&str> = rows.iter().map(|row| row.id.as_str()).collect();
            orders.push(format!("{}:{}", sort.token(), ids.join(",")));
        }
        orders.join(" ")
    }

    /// The loader cuts a first view down to the chosen options' cards, which holds only while a
    /// card reads the same whatever else is chosen. What could change it: sources named alike
    /// ("Rush 2005a") on two options' cards, lettered only while both are shown. Each option is
    /// checked beside its two neighbours; the first whose card changes is named.
    fn card_changed_by_choice(
        settings: &trd_core::settings::Settings,
        data: &trd_evidence::components::SharedDataset,
        full_view: &str,
    ) -> Option<String> {
        let ids: Vec<&str> = data.0.options.iter().map(|o| o.id.as_str()).collect();
        let n = ids.len();
        for (i, id) in ids.iter().enumerate() {
            let among_all = card(full_view, id);
            for other in [ids[(i + 1) % n], ids[(i + n - 1) % n]] {
                if other == *id {
                    continue;
                }
                let chosen = trd_core::settings::Settings {
                    options: Some(vec![id.to_string(), other.to_string()]),
                    ..settings.clone()
                };
                let view = render(&chosen, data, "");
                let beside_other = card(&view, id);
                if beside_other.is_none() || beside_other != among_all {
                    return Some(id.to_string());
                }
            }
        }
        None
    }

    /// The markup of `id`'s card in `view` (`<li data-option="…" class="trd-card">…</li>`).
    fn card<'a>(view: &'a str, id: &str) -> Option<&'a str> {
        let start = view.find(&format!(r#"<li data-option="{id}" class="trd-card">"#))?;
        let mut depth = 0usize;
        let mut at = start + 1;
        loop {
            let open = view[at..].find("<li").map(|i| at + i);
            let close = at + view[at..].find("</li>")?;
            match open {
                Some(open) if open < close => {
                    depth += 1;
                    at = open + 1;
                }
                _ if depth == 0 => return Some(&view[start..close + "</li>".len()]),
                _ => {
                    depth -= 1;
                    at = close + 1;
                }
            }
        }
    }

    /// Runs a future that needs no I/O to its end (server rendering with no data to wait for).
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
}
