//! The web bundle's entry point: mounts one widget into every `[data-trd-evidence]` element.

#[cfg(target_arch = "wasm32")]
fn main() {
    use trd_evidence::components::{App, AppProps};
    use yew::AttrValue;

    for (index, element) in trd_evidence::browser::mount_points()
        .into_iter()
        .enumerate()
    {
        let src = element
            .get_attribute("data-src")
            .unwrap_or_else(|| "trd-evidence.json".to_string());
        let heading_level = element
            .get_attribute("data-heading-level")
            .and_then(|v| v.parse::<u8>().ok())
            .unwrap_or(2);
        let props = AppProps {
            src: AttrValue::from(src),
            heading_level,
            id_prefix: AttrValue::from(format!("trd{index}")),
        };
        yew::Renderer::<App>::with_root_and_props(element, props).render();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("trd-evidence is a web bundle: build it with `./x serve`. To check a data file, run `cargo run --bin trd-evidence-check -- FILE`.");
    std::process::exit(2);
}
