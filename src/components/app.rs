use super::{ComparisonView, ErrorBox, SharedDataset};
use crate::embed_config::EmbedConfig;
use crate::load::LoadError;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// What the host page asked for (data file, options, panels, sort, view, theme…).
    pub config: Rc<EmbedConfig>,
    /// Prefix for element ids, unique per instance on a page.
    #[prop_or(AttrValue::Static("trd"))]
    pub id_prefix: AttrValue,
}

// Natively (SSR) effects never run, so only `Loading` is ever built there.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
#[derive(Clone)]
enum LoadState {
    Loading,
    Ready(SharedDataset),
    Failed(LoadError),
}

/// Loads the data file, then shows the comparison or a plain-words error with a retry button.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let load = use_state(|| LoadState::Loading);
    let attempt = use_state(|| 0u32);
    let config = &props.config;

    #[cfg(target_arch = "wasm32")]
    {
        let load = load.clone();
        use_effect_with((config.src.clone(), *attempt), move |(src, _)| {
            load.set(LoadState::Loading);
            let src = src.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = crate::browser::fetch_text(&src)
                    .await
                    .and_then(|text| crate::load::load_dataset(&text));
                load.set(match result {
                    Ok(data) => LoadState::Ready(SharedDataset(Rc::new(data))),
                    Err(error) => LoadState::Failed(error),
                });
            });
        });
    }

    let body = match &*load {
        LoadState::Loading => html! {
            <div class="trd-evidence trd-status" role="status">{ "Loading the evidence…" }</div>
        },
        LoadState::Ready(data) => {
            html! {
                <ComparisonView
                    key={config.start_key()}
                    data={data.clone()}
                    config={config.clone()}
                    id_prefix={props.id_prefix.clone()}
                    data_url={Some(AttrValue::from(config.src.clone()))}
                />
            }
        }
        LoadState::Failed(error) => {
            let retry = {
                let attempt = attempt.clone();
                Callback::from(move |_| attempt.set(*attempt + 1))
            };
            html! {
                <ErrorBox
                    error={error.clone()}
                    source={AttrValue::from(config.src.clone())}
                    heading_level={config.heading_level}
                    on_retry={retry}
                />
            }
        }
    };
    html! {
        // dir="auto": the text's own direction (English reads left to right on a right-to-left
        // page; a dataset translated into Arabic or Hebrew reads right to left).
        <div class="trd-root" dir="auto" data-theme={config.theme.token()}>{ body }</div>
    }
}
