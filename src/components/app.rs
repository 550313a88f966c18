use super::{error_box, ComparisonView, SharedDataset};
use crate::browser;
use std::cell::Cell;
use std::rc::Rc;
use trd_core::load::{Download, LoadError};
use trd_core::settings::Settings;
use trd_core::words::{install_catalogue, Lang, Words};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// What the host page asked for (data file, options, panels, sort, view, theme…).
    pub settings: Rc<Settings>,
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
    Failed(Rc<LoadError>),
}

/// `load::load_dataset`, with a task boundary before each step; a file no longer wanted
/// (`stopped`) is read no further.
async fn read_in_steps(
    text: &str,
    stopped: &Cell<bool>,
) -> Result<trd_core::model::Dataset, LoadError> {
    browser::next_task().await;
    still_wanted(stopped)?;
    let parsed = trd_core::load::parse(text)?;
    browser::next_task().await;
    still_wanted(stopped)?;
    let scanned = parsed.scan()?;
    browser::next_task().await;
    still_wanted(stopped)?;
    scanned.check()
}

fn still_wanted(stopped: &Cell<bool>) -> Result<(), LoadError> {
    match stopped.get() {
        true => Err(LoadError::Network(Download::Cancelled)),
        false => Ok(()),
    }
}

/// Loads the data file, then shows the comparison or a plain-words error with a retry button.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let load = use_state(|| LoadState::Loading);
    let attempt = use_state(|| 0u32);
    let settings = &props.settings;
    // The language asked for, once its sentences are at hand (the web bundle reads languages
    // other than English from a file; without it the widget stays in English).
    let lang = settings.lang;
    let w = Words::new(if lang.is_ready() { lang } else { Lang::En });
    {
        let load = load.clone();
        let words = settings.words_src.clone().filter(|_| !lang.is_ready());
        use_effect_with((settings.src.clone(), *attempt), move |(src, _)| {
            load.set(LoadState::Loading);
            // Both downloads are under way already (the loader started them together).
            let words = words.map(|url| browser::download_text(&url));
            let (data_download, data) = browser::download_text(src);
            // Set when this file is no longer wanted; the download may have finished already,
            // so the steps after it look too.
            let stopped = Rc::new(Cell::new(false));
            let stop = stopped.clone();
            browser::spawn(async move {
                if let Some((_words_download, text)) = words {
                    if let Ok(text) = text.await {
                        let _ = install_catalogue(lang, &text);
                    }
                }
                // Reading the file (as JSON, looked through, held to the data model) and drawing
                // it are four tasks, not one long one.
                let result = match data.await {
                    Ok(text) => read_in_steps(&text, &stopped).await,
                    Err(error) => Err(error),
                };
                browser::next_task().await;
                if stopped.get() || matches!(result, Err(LoadError::Network(Download::Cancelled))) {
                    // Another file was asked for, or the widget left the page: this answer
                    // must not replace what is shown now.
                    return;
                }
                load.set(match result {
                    Ok(data) => LoadState::Ready(SharedDataset(Rc::new(data))),
                    Err(error) => LoadState::Failed(Rc::new(error)),
                });
            });
            // Run when `src` changes or the widget is removed: stops this download and what
            // follows it.
            move || {
                stop.set(true);
                data_download.stop();
            }
        });
    }

    let body = match &*load {
        LoadState::Loading => html! {
            <div class="trd-evidence trd-status" role="status">{ w.t().loading }</div>
        },
        LoadState::Ready(data) => html! {
            <ComparisonView words={w}
                key={settings.start_key().fingerprint()}
                data={data.clone()}
                settings={settings.clone()}
                id_prefix={props.id_prefix.clone()}
                data_url={Some(AttrValue::from(settings.src.clone()))}
            />
        },
        LoadState::Failed(error) => {
            let retry = {
                let attempt = attempt.clone();
                Callback::from(move |_| attempt.set(*attempt + 1))
            };
            error_box(w, error, &settings.src, settings.heading_level, retry)
        }
    };
    html! {
        // The widget's own language and direction, whatever the page's (an English widget on
        // an Arabic page reads left to right, and screen readers pronounce it as English).
        <div class="trd-root" lang={w.lang().tag()} dir={w.lang().dir()} data-theme={settings.theme.token()}>{ body }</div>
    }
}
