use super::SharedDataset;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FooterProps {
    pub info: SharedDataset,
    #[prop_or_default]
    pub data_url: Option<AttrValue>,
}

/// Dataset identity, review date and disclaimer, so every view can be cited and dated.
#[function_component]
pub fn Footer(props: &FooterProps) -> Html {
    let info = &props.info.dataset;
    html! {
        <footer class="trd-footer">
            <p>
                { format!("{}, version {}. Evidence last reviewed {}. ", info.title, info.version, info.last_reviewed) }
                { format!("Regulatory status and prices: {} unless stated. ", info.region) }
                { for props.data_url.as_ref().filter(|u| is_safe_href(u)).map(|url| html! {
                    <a href={url.clone()}>{ "Download the data file" }</a>
                }) }
            </p>
            <p class="trd-disclaimer">{ info.disclaimer.clone() }</p>
            { for info.crisis_line.as_ref().map(|line| html! {
                <p class="trd-crisis"><strong>{ "Need help now? " }</strong>{ line.clone() }</p>
            }) }
        </footer>
    }
}

/// The host page sets the data address; only plain relative or http(s) links are rendered.
fn is_safe_href(url: &str) -> bool {
    match url.split_once(':') {
        Some((scheme, _)) if !scheme.contains('/') => crate::validate::is_web_link(url),
        _ => true,
    }
}
