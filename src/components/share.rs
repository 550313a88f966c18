use super::SharedDataset;
use crate::embed_config::{view_query, EmbedConfig};
use crate::state::ViewState;
use crate::view_model::Comparison;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub data: SharedDataset,
    pub state: ViewState,
    pub comparison: Rc<Comparison>,
    /// The panels shown, the heading (the exported picture's title), and whether to keep the
    /// page's address in step with the view and offer to copy it (`permalink`).
    pub config: Rc<EmbedConfig>,
}

/// "Cite this view", the link to it, and downloads of the data (CSV) and the chart (SVG, PNG).
#[function_component]
pub fn Share(props: &ShareProps) -> Html {
    let status = use_state(String::new);
    let info = &props.data.dataset;
    let permalink = props.config.permalink;
    let query = view_query(&props.state, &props.config.panels, &props.data);
    #[cfg(target_arch = "wasm32")]
    let link = permalink
        .then(|| crate::browser::page_url_with(&query))
        .flatten();
    #[cfg(not(target_arch = "wasm32"))]
    let link: Option<String> = None;
    #[cfg(target_arch = "wasm32")]
    {
        use_effect_with(query.clone(), move |query| {
            if permalink {
                crate::browser::replace_query(query);
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (&query, permalink);
    // File names from the dataset's version: untrusted, so only safe characters pass.
    let version: String = info
        .version
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
        .take(20)
        .collect();
    let csv = {
        let (data, comparison, status) =
            (props.data.clone(), props.comparison.clone(), status.clone());
        let name = format!("trd-evidence-{version}-findings.csv");
        Callback::from(move |_| {
            let text = crate::export::findings_csv(&data, &comparison);
            #[cfg(target_arch = "wasm32")]
            crate::browser::download(&name, "text/csv;charset=utf-8", text.as_bytes());
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (&name, &text);
            status.set("The data of this view was downloaded as CSV.".to_string());
        })
    };
    let picture = {
        let (data, comparison, config) = (
            props.data.clone(),
            props.comparison.clone(),
            props.config.clone(),
        );
        move || {
            let title = config.title_for(&data);
            crate::export::comparison_svg(&data, &comparison, &config.panels, &title)
        }
    };
    let svg = {
        let (picture, status) = (picture.clone(), status.clone());
        let name = format!("trd-evidence-{version}-chart.svg");
        Callback::from(move |_| match picture() {
            Ok(p) => {
                #[cfg(target_arch = "wasm32")]
                crate::browser::download(&name, "image/svg+xml", p.svg.as_bytes());
                #[cfg(not(target_arch = "wasm32"))]
                let _ = (&name, &p);
                status.set("The chart was downloaded as SVG.".to_string());
            }
            Err(e) => status.set(e.to_string()),
        })
    };
    let png = {
        let status = status.clone();
        let name = format!("trd-evidence-{version}-chart.png");
        Callback::from(move |_| {
            let (picture, status, name) = (picture.clone(), status.clone(), name.clone());
            status.set("Making the picture…".to_string());
            #[cfg(target_arch = "wasm32")]
            wasm_bindgen_futures::spawn_local(async move {
                let made = match picture() {
                    Ok(p) => crate::browser::svg_to_png(&p.svg, p.width, p.height, 2).await,
                    Err(e) => Err(e.to_string()),
                };
                match made {
                    Ok(bytes) => {
                        crate::browser::download(&name, "image/png", &bytes);
                        status.set(
                            "The chart was downloaded as PNG, at twice its size for slides."
                                .to_string(),
                        );
                    }
                    Err(e) => status.set(format!("The picture could not be made: {e}")),
                }
            });
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (picture, status, name);
        })
    };
    let copy = {
        let (status, link) = (status.clone(), link.clone());
        Callback::from(move |_| {
            let (status, link) = (status.clone(), link.clone().unwrap_or_default());
            #[cfg(target_arch = "wasm32")]
            wasm_bindgen_futures::spawn_local(async move {
                status.set(if crate::browser::copy_text(&link).await {
                    "The link was copied.".to_string()
                } else {
                    format!("Copying was not allowed; the link is: {link}")
                });
            });
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (status, link);
        })
    };
    html! {
        <div class="trd-share">
            <p class="trd-cite-view">
                <strong>{ "Cite this view: " }</strong>
                { format!("{}, version {}, evidence last reviewed {}.", info.title, info.version, info.last_reviewed) }
                { for link.as_ref().map(|l| html! { <>{ " " }<span class="trd-link-text">{ l.clone() }</span></> }) }
            </p>
            <div class="trd-share-actions">
                if link.is_some() {
                    <button type="button" class="trd-button" onclick={copy}>{ "Copy link to this view" }</button>
                }
                <button type="button" class="trd-button" onclick={csv}>{ "Download the data (CSV)" }</button>
                if props.state.view == crate::state::View::Chart {
                    <button type="button" class="trd-button" onclick={svg}>{ "Download the chart (SVG)" }</button>
                    <button type="button" class="trd-button" onclick={png}>{ "Download the chart (PNG)" }</button>
                }
            </div>
            <p class="trd-share-status" role="status">{ (*status).clone() }</p>
        </div>
    }
}
