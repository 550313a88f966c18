use super::SharedDataset;
use crate::browser;
use std::rc::Rc;
use trd_core::export::{cite_line, comparison_svg, findings_csv};
use trd_core::settings::{view_query, Settings};
use trd_core::state::{View, ViewState};
use trd_core::view_model::Comparison;
use trd_core::words::Words;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    /// The language everything is written in.
    #[prop_or_default]
    pub words: Words,
    pub data: SharedDataset,
    pub state: ViewState,
    pub comparison: Rc<Comparison>,
    /// The panels shown, the heading (the exported picture's title), and whether to keep the
    /// page's address in step with the view and offer to copy it (`permalink`).
    pub settings: Rc<Settings>,
}

/// "Cite this view", the link to it, and downloads of the data (CSV) and the chart (SVG, PNG).
#[function_component]
pub fn Share(props: &ShareProps) -> Html {
    let w = props.words;
    let t = w.t();
    let status = use_state(String::new);
    let info = &props.data.dataset;
    let permalink = props.settings.permalink;
    let query = view_query(
        &props.state,
        &props.settings.panels,
        &props.data,
        props.settings.lang,
    );
    let link = permalink.then(|| browser::page_url_with(&query)).flatten();
    use_effect_with(query, move |query| {
        if permalink {
            browser::replace_query(query);
        }
    });
    // File names from the dataset's version: untrusted, so only safe characters pass.
    let version: String = info
        .version
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
        .take(20)
        .collect();
    let csv = {
        let (data, comparison, status) =
            (props.data.clone(), props.comparison.clone(), status.clone());
        let name = format!("trd-evidence-{version}-findings.csv");
        Callback::from(move |_| {
            let text = findings_csv(&data, &comparison, w);
            browser::download(&name, "text/csv;charset=utf-8", text.as_bytes());
            status.set(t.share_csv_done.to_string());
        })
    };
    let picture = {
        let (data, comparison, settings) = (
            props.data.clone(),
            props.comparison.clone(),
            props.settings.clone(),
        );
        move || {
            let title = settings.title_for(&data);
            comparison_svg(&data, &comparison, &settings.panels, &title, w)
        }
    };
    let svg = {
        let (picture, status) = (picture.clone(), status.clone());
        let name = format!("trd-evidence-{version}-chart.svg");
        Callback::from(move |_| match picture() {
            Ok(p) => {
                browser::download(&name, "image/svg+xml", p.svg.as_bytes());
                status.set(t.share_svg_done.to_string());
            }
            Err(e) => status.set(w.fill(t.share_picture_failed, &[("detail", &e.to_string())])),
        })
    };
    let png = {
        let status = status.clone();
        let name = format!("trd-evidence-{version}-chart.png");
        Callback::from(move |_| {
            let (picture, status, name) = (picture.clone(), status.clone(), name.clone());
            status.set(t.share_making_picture.to_string());
            browser::spawn(async move {
                let made = match picture() {
                    Ok(p) => browser::svg_to_png(&p.svg, p.width, p.height, 2).await,
                    Err(e) => Err(e.to_string()),
                };
                status.set(match made {
                    Ok(bytes) => {
                        browser::download(&name, "image/png", &bytes);
                        t.share_png_done.to_string()
                    }
                    Err(detail) => w.fill(t.share_picture_failed, &[("detail", &detail)]),
                });
            });
        })
    };
    let copy = {
        let (status, link) = (status.clone(), link.clone());
        Callback::from(move |_| {
            let (status, link) = (status.clone(), link.clone().unwrap_or_default());
            browser::spawn(async move {
                status.set(if browser::copy_text(&link).await {
                    t.share_link_copied.to_string()
                } else {
                    w.fill(t.share_copy_refused, &[("link", &link)])
                });
            });
        })
    };
    html! {
        <details class="trd-share">
            <summary>{ t.share_summary }</summary>
            <p class="trd-cite-view">
                <strong>{ t.cite_this_view }</strong>{ " " }
                { cite_line(&props.data, w) }
                { for link.as_ref().map(|l| html! { <>{ " " }<span class="trd-link-text">{ l.clone() }</span></> }) }
            </p>
            <div class="trd-share-actions">
                if link.is_some() {
                    <button type="button" class="trd-button" onclick={copy}>{ t.share_copy_link }</button>
                }
                <button type="button" class="trd-button" onclick={csv}>{ t.share_csv }</button>
                if props.state.view == View::Chart {
                    <button type="button" class="trd-button" onclick={svg}>{ t.share_svg }</button>
                    <button type="button" class="trd-button" onclick={png}>{ t.share_png }</button>
                }
            </div>
            <p class="trd-share-status" role="status">{ (*status).clone() }</p>
        </details>
    }
}
