//! The web bundle's entry point. Nothing mounts on its own: the loader `web/trd-evidence.js`
//! (the `<trd-evidence>` element, the `data-trd-evidence` form and the iframe page) creates a
//! `Widget` for each instance when it nears the viewport, and updates or unmounts it.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(target_arch = "wasm32")]
mod web {
    use std::rc::Rc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use trd_core::settings::Settings;
    use trd_evidence::components::{App, AppProps};
    use wasm_bindgen::prelude::*;
    use yew::{AppHandle, AttrValue};

    /// Numbers instances so element ids stay unique on a page with several widgets.
    static INSTANCES: AtomicUsize = AtomicUsize::new(0);

    /// One widget on the page.
    #[wasm_bindgen]
    pub struct Widget {
        handle: Option<AppHandle<App>>,
        id_prefix: AttrValue,
        frame: bool,
    }

    #[wasm_bindgen]
    impl Widget {
        /// Renders into `root` (usually inside a shadow root) with the settings read from
        /// `settings`' attributes (`src`, `options` … or the same with a `data-` prefix).
        /// `default_src` is the data file next to the script, read when `src` is not set;
        /// `frame` is true on the iframe page, whose settings come from its address.
        #[wasm_bindgen(constructor)]
        pub fn new(
            root: web_sys::Element,
            settings: &web_sys::Element,
            default_src: &str,
            frame: bool,
        ) -> Widget {
            let index = INSTANCES.fetch_add(1, Ordering::Relaxed);
            let id_prefix = AttrValue::from(format!("trd{index}"));
            let props = AppProps {
                settings: Rc::new(read(settings, default_src, frame)),
                id_prefix: id_prefix.clone(),
            };
            let handle = yew::Renderer::<App>::with_root_and_props(root, props).render();
            Widget {
                handle: Some(handle),
                id_prefix,
                frame,
            }
        }

        /// Reads the settings again after an attribute changed.
        pub fn update(&mut self, settings: &web_sys::Element, default_src: &str) {
            if let Some(handle) = self.handle.as_mut() {
                handle.update(AppProps {
                    settings: Rc::new(read(settings, default_src, self.frame)),
                    id_prefix: self.id_prefix.clone(),
                });
            }
        }

        /// Removes the widget and everything it listens to.
        pub fn unmount(&mut self) {
            if let Some(handle) = self.handle.take() {
                handle.destroy();
            }
        }
    }

    fn read(settings: &web_sys::Element, default_src: &str, frame: bool) -> Settings {
        let query = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        // The language of the page around the widget: the nearest `lang` above it (its own
        // `lang` is read as the attribute).
        let inherited = settings
            .parent_element()
            .and_then(|parent| parent.closest("[lang]").ok().flatten())
            .and_then(|element| element.get_attribute("lang"));
        let mut read = Settings::read_page(
            default_src,
            |name| {
                settings
                    .get_attribute(name)
                    .or_else(|| settings.get_attribute(&format!("data-{name}")))
            },
            &query,
            frame,
            inherited.as_deref(),
        );
        if frame {
            read.keep_src_within(default_src, &page_origin(), &allowed_data_origins());
        }
        read
    }

    fn page_origin() -> String {
        web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default()
    }

    /// The other sites the iframe page may take data from, as its deployer listed them:
    /// `<meta name="trd-evidence-data-origins" content="https://a.example https://b.example">`.
    fn allowed_data_origins() -> Vec<String> {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| {
                d.query_selector(r#"meta[name="trd-evidence-data-origins"]"#)
                    .ok()
                    .flatten()
            })
            .and_then(|meta| meta.get_attribute("content"))
            .map(|list| list.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default()
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("trd-evidence is a web bundle: build it with `./x serve`. To check a data file, run `./x check FILE`.");
    std::process::exit(2);
}
