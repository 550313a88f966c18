use super::Heading;
use crate::load::LoadError;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorBoxProps {
    pub error: LoadError,
    /// The data file's address, so the page owner knows which file to fix.
    pub source: AttrValue,
    pub heading_level: u8,
    pub on_retry: Callback<MouseEvent>,
}

/// What went wrong, in plain words, inside the widget: never a blank box.
#[function_component]
pub fn ErrorBox(props: &ErrorBoxProps) -> Html {
    let details = props.error.details();
    let summary = match &props.error {
        LoadError::Invalid(_) => props.error.to_string(),
        LoadError::Network(_) => {
            "The data file could not be downloaded. Check your connection and try again.".into()
        }
        _ => "The data file could not be read.".to_string(),
    };
    html! {
        <div class="trd-evidence trd-error" role="alert">
            <Heading level={props.heading_level}>{ "The comparison could not be shown" }</Heading>
            <p>{ summary }</p>
            <ul class="trd-error-details">
                { for details.into_iter().map(|d| html! { <li><code>{ d }</code></li> }) }
            </ul>
            <p class="trd-error-source">{ "Data file: " }<code>{ props.source.clone() }</code></p>
            <button type="button" class="trd-button" onclick={props.on_retry.clone()}>{ "Try again" }</button>
        </div>
    }
}
