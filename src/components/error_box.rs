use super::heading;
use std::rc::Rc;
use trd_core::load::LoadError;
use trd_core::words::Words;
use yew::prelude::*;

#[derive(Properties)]
pub struct ErrorBoxProps {
    /// The language everything is written in.
    #[prop_or_default]
    pub words: Words,
    /// Shared, and compared by identity: one failure is one box.
    pub error: Rc<LoadError>,
    /// The data file's address, so the page owner knows which file to fix.
    pub source: AttrValue,
    pub heading_level: u8,
    pub on_retry: Callback<MouseEvent>,
}

impl PartialEq for ErrorBoxProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.error, &other.error)
            && self.words == other.words
            && self.source == other.source
            && self.heading_level == other.heading_level
            && self.on_retry == other.on_retry
    }
}

/// What went wrong, in plain words, inside the widget: never a blank box.
#[function_component]
pub fn ErrorBox(props: &ErrorBoxProps) -> Html {
    let w = props.words;
    let t = w.t();
    html! {
        <div class="trd-evidence trd-error" role="alert">
            { heading(props.heading_level, None, html! {{ t.cannot_show }}) }
            <p>{ props.error.summary(w) }</p>
            <ul class="trd-error-details">
                { for props.error.details(w).into_iter().map(|d| html! { <li><code>{ d }</code></li> }) }
            </ul>
            <p class="trd-error-source">{ t.data_file_label }<code>{ shortened(&props.source) }</code></p>
            <button type="button" class="trd-button" onclick={props.on_retry.clone()}>{ t.try_again }</button>
        </div>
    }
}

/// An address as the page owner recognises it: a long one (a `data:` address holds a whole
/// file) keeps its first 120 characters and its last 40.
fn shortened(address: &str) -> String {
    let chars: Vec<char> = address.chars().collect();
    if chars.len() <= 200 {
        return address.to_string();
    }
    let head: String = chars[..120].iter().collect();
    let tail: String = chars[chars.len() - 40..].iter().collect();
    format!("{head}…{tail}")
}
