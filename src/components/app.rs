use super::{ComparisonView, ErrorBox, SharedDataset};
use crate::load::LoadError;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// URL of the data file.
    pub src: AttrValue,
    /// Level of the widget's top heading (the host page decides; never a fixed `<h1>`).
    #[prop_or(2)]
    pub heading_level: u8,
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

    #[cfg(target_arch = "wasm32")]
    {
        let load = load.clone();
        use_effect_with((props.src.clone(), *attempt), move |(src, _)| {
            load.set(LoadState::Loading);
            let src = src.to_string();
            wasm_bindgen_futures::spawn_local(async move {
                let result = crate::browser::fetch_text(&src)
                    .await
                    .and_then(|text| crate::load::load_dataset(&text));
                load.set(match result {
                    Ok(data) => LoadState::Ready(SharedDataset(std::rc::Rc::new(data))),
                    Err(error) => LoadState::Failed(error),
                });
            });
        });
    }

    match &*load {
        LoadState::Loading => html! {
            <div class="trd-evidence trd-status" role="status">{ "Loading the evidence…" }</div>
        },
        LoadState::Ready(data) => html! {
            <ComparisonView
                data={data.clone()}
                heading_level={props.heading_level}
                id_prefix={props.id_prefix.clone()}
                data_url={Some(props.src.clone())}
            />
        },
        LoadState::Failed(error) => {
            let retry = {
                let attempt = attempt.clone();
                Callback::from(move |_| attempt.set(*attempt + 1))
            };
            html! {
                <ErrorBox
                    error={error.clone()}
                    source={props.src.clone()}
                    heading_level={props.heading_level}
                    on_retry={retry}
                />
            }
        }
    }
}
