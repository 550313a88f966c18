//! The web bundle's entry point. Nothing mounts on its own: the loader `web/trd-evidence.js`
//! (the `<trd-evidence>` element, the `data-trd-evidence` form and the iframe page) creates a
//! `Widget` for each instance when it nears the viewport, and updates or unmounts it.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(target_arch = "wasm32")]
mod web {
    use std::rc::Rc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use trd_evidence::components::{App, AppProps};
    use trd_evidence::embed_config::EmbedConfig;
    use wasm_bindgen::prelude::*;
    use yew::{AppHandle, AttrValue};

    /// Numbers instances so element ids stay unique on a page with several widgets.
    static INSTANCES: AtomicUsize = AtomicUsize::new(0);

    /// One widget on the page.
    #[wasm_bindgen]
    pub struct Widget {
        handle: Option<AppHandle<App>>,
        id_prefix: AttrValue,
    }

    #[wasm_bindgen]
    impl Widget {
        /// Renders into `root` (usually inside a shadow root) with the settings read from
        /// `settings`' attributes (`src`, `options` … or the same with a `data-` prefix).
        /// `default_src` is the data file next to the script, read when `src` is not set.
        #[wasm_bindgen(constructor)]
        pub fn new(
            root: web_sys::Element,
            settings: &web_sys::Element,
            default_src: &str,
        ) -> Widget {
            let index = INSTANCES.fetch_add(1, Ordering::Relaxed);
            let id_prefix = AttrValue::from(format!("trd{index}"));
            let props = AppProps {
                config: Rc::new(read(settings, default_src)),
                id_prefix: id_prefix.clone(),
            };
            let handle = yew::Renderer::<App>::with_root_and_props(root, props).render();
            Widget {
                handle: Some(handle),
                id_prefix,
            }
        }

        /// Reads the settings again after an attribute changed.
        pub fn update(&mut self, settings: &web_sys::Element, default_src: &str) {
            if let Some(handle) = self.handle.as_mut() {
                handle.update(AppProps {
                    config: Rc::new(read(settings, default_src)),
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

    fn read(settings: &web_sys::Element, default_src: &str) -> EmbedConfig {
        EmbedConfig::from_attributes(default_src, |name| {
            settings
                .get_attribute(name)
                .or_else(|| settings.get_attribute(&format!("data-{name}")))
        })
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("trd-evidence is a web bundle: build it with `./x serve`. To check a data file, run `cargo run --bin trd-evidence-check -- FILE`.");
    std::process::exit(2);
}
