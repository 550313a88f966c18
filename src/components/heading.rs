use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeadingProps {
    /// 1–6; the host page chooses so the widget fits its outline.
    pub level: u8,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    pub children: Html,
}

/// A heading whose level the embedding page sets (the widget never forces an `<h1>`).
#[function_component]
pub fn Heading(props: &HeadingProps) -> Html {
    let tag = format!("h{}", props.level.clamp(1, 6));
    html! { <@{tag} class="trd-heading" id={props.id.clone()}>{ props.children.clone() }</@> }
}
