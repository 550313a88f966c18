use super::SharedDataset;
use trd_core::words::Words;
use yew::prelude::*;

/// Dataset identity, review date and disclaimer, so every view can be cited and dated. A
/// function, not a component: it has no state, and a component's machinery costs the web
/// bundle more than it saves here (the footer changes only with the data).
pub fn footer(w: Words, data: &SharedDataset, data_url: Option<&AttrValue>) -> Html {
    let t = w.t();
    let info = &data.dataset;
    html! {
        <footer class="trd-footer">
            <p>
                { w.fill(t.footer_identity, &[("title", &info.title), ("version", &info.version), ("reviewed", &w.date(&info.last_reviewed))]) }{ " " }
                { w.fill(t.footer_region, &[("region", &info.region)]) }{ " " }
                { for data_url.filter(|u| is_safe_href(u)).map(|url| html! {
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
