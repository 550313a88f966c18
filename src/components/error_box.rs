use super::heading;
use trd_core::load::LoadError;
use trd_core::words::Words;
use yew::prelude::*;

/// What went wrong, in plain words, inside the widget: never a blank box. `source` is the data
/// file's address, so the page owner knows which file to fix. A function, not a component:
/// it has no state, and is drawn again only when the load ends again.
pub fn error_box(
    w: Words,
    error: &LoadError,
    source: &str,
    heading_level: u8,
    on_retry: Callback<MouseEvent>,
) -> Html {
    let t = w.t();
    html! {
        <div class="trd-evidence trd-error" role="alert">
            { heading(heading_level, None, html! {{ t.cannot_show }}) }
            <p>{ error.summary(w) }</p>
            <ul class="trd-error-details">
                { for error.details(w).into_iter().map(|d| html! { <li><code>{ d }</code></li> }) }
            </ul>
            <p class="trd-error-source">{ t.data_file_label }<code>{ shortened(source) }</code></p>
            <button type="button" class="trd-button" onclick={on_retry}>{ t.try_again }</button>
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
