use yew::prelude::*;

/// A heading whose level (1–6) the embedding page sets, so the widget fits its outline and
/// never forces an `<h1>`. A function, not a component: it has no state, and a component's
/// machinery costs the web bundle more than the heading itself.
pub fn heading(level: u8, id: Option<AttrValue>, children: Html) -> Html {
    let tag = format!("h{}", level.clamp(1, 6));
    html! { <@{tag} class="trd-heading" {id}>{ children }</@> }
}
