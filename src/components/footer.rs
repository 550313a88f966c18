use super::SharedDataset;
use trd_core::words::Words;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FooterProps {
    /// The language everything is written in.
    #[prop_or_default]
    pub words: Words,
    pub info: SharedDataset,
    #[prop_or_default]
    pub data_url: Option<AttrValue>,
}

/// Dataset identity, review date and disclaimer, so every view can be cited and dated.
#[function_component]
pub fn Footer(props: &FooterProps) -> Html {
    let w = props.words;
    let t = w.t();
    let info = &props.info.dataset;
    html! {
        <footer class="trd-footer">
            <p>
                { w.fill(t.footer_identity, &[("title", &info.title), ("version", &info.version), ("reviewed", &w.date(&info.last_reviewed))]) }{ " " }
                { w.fill(t.footer_region, &[("region", &info.region)]) }{ " " }
                { for props.data_url.as_ref().filter(|u| is_safe_href(u)).map(|url| html! {
                    <a href={url.clone()}>{ t.download_data_file }</a>
                }) }
            </p>
            { for info.translated_from.as_ref().map(|from| html! {
                <p class="trd-translated">
                    { w.fill(t.translated_from, &[("language", &w.language_name(from)), ("version", &info.version), ("reviewed", &w.date(&info.last_reviewed))]) }
                </p>
            }) }
            <p class="trd-disclaimer">{ info.disclaimer.clone() }</p>
            { for info.crisis_line.as_ref().map(|line| html! {
                <p class="trd-crisis"><strong>{ t.crisis_lead }</strong>{ " " }{ line.clone() }</p>
            }) }
        </footer>
    }
}

/// The host page sets the data address; only plain relative or http(s) links are rendered.
fn is_safe_href(url: &str) -> bool {
    match url.split_once(':') {
        Some((scheme, _)) if !scheme.contains('/') => trd_core::validate::is_web_link(url),
        _ => true,
    }
}
