use super::SharedDataset;
use crate::browser;
use std::rc::Rc;
use trd_core::export::{cite_line, comparison_svg, findings_csv, Picture};
use trd_core::model::Metric;
use trd_core::settings::{view_query, Settings};
use trd_core::slides::{slide_count, slide_svg, SLIDE_SIZES};
use trd_core::state::{Panel, PanelChoice, View, ViewState};
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
    // The panels shown: the host's, less an outcome the reader left out.
    let panels: Vec<PanelChoice> = props
        .settings
        .panels
        .iter()
        .copied()
        .filter(|p| match p {
            PanelChoice::Chart(Panel::Metric(m)) => props.state.only.is_none_or(|only| only == *m),
            _ => true,
        })
        .collect();
    let query = view_query(&props.state, &panels, &props.data, props.settings.lang);
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
    let chart = {
        let (data, comparison, settings) = (
            props.data.clone(),
            props.comparison.clone(),
            props.settings.clone(),
        );
        let name = format!("trd-evidence-{version}-chart");
        Rc::new(move || {
            let title = settings.title_for(&data);
            comparison_svg(&data, &comparison, &settings.panels, &title, w)
                .map(|p| (p, name.clone()))
                .map_err(|e| e.to_string())
        }) as Draw
    };
    let (svg, png) = picture_downloads(chart, 2, t.share_svg_done, t.share_png_done, &status, w);
    // Slides: 16:9 pictures of the shown options and outcomes, four options each.
    let slide_size = use_state(|| 0usize);
    let slide = use_state(|| 0usize);
    let slides = slide_count(props.comparison.rows.len());
    let metrics: Rc<[Metric]> = panels
        .iter()
        .filter_map(|p| match p {
            PanelChoice::Chart(Panel::Metric(m)) => Some(*m),
            _ => None,
        })
        .collect();
    let one_slide = {
        let (data, comparison, settings) = (
            props.data.clone(),
            props.comparison.clone(),
            props.settings.clone(),
        );
        let ((width, height), index) = (SLIDE_SIZES[*slide_size], (*slide).min(slides - 1));
        let name = format!(
            "trd-evidence-{version}-slide-{}-of-{slides}-{width}x{height}",
            index + 1
        );
        Rc::new(move || {
            let title = settings.title_for(&data);
            let svg = slide_svg(
                &data,
                &comparison,
                &metrics,
                (width, height),
                index,
                &title,
                w,
            );
            let picture = Picture { svg, width, height };
            Ok((picture, name.clone()))
        }) as Draw
    };
    let (slide_svg_download, slide_png_download) = picture_downloads(
        one_slide,
        1,
        t.share_slide_done,
        t.share_slide_done,
        &status,
        w,
    );
    let choose_size = {
        let slide_size = slide_size.clone();
        Callback::from(move |e: Event| {
            slide_size.set(
                browser::select_value(&e)
                    .parse()
                    .unwrap_or(0)
                    .min(SLIDE_SIZES.len() - 1),
            );
        })
    };
    let choose_slide = {
        let slide = slide.clone();
        Callback::from(move |e: Event| slide.set(browser::select_value(&e).parse().unwrap_or(0)))
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
            if props.state.view == View::Chart {
                <div class="trd-slides">
                    <p class="trd-slides-title"><strong>{ t.share_slides }</strong></p>
                    <label class="trd-field">
                        <span>{ t.share_slide_size }</span>
                        <select class="trd-select" onchange={choose_size}>
                            { for SLIDE_SIZES.iter().enumerate().map(|(i, (width, height))| html! {
                                <option value={i.to_string()} selected={i == *slide_size}>{ format!("{width} × {height}") }</option>
                            }) }
                        </select>
                    </label>
                    if slides > 1 {
                        // How many slides depends on how many options are chosen.
                        <label class="trd-field trd-by-selection">
                            <span>{ t.share_slide_which }</span>
                            <select class="trd-select" onchange={choose_slide}>
                                { for (0..slides).map(|i| html! {
                                    <option value={i.to_string()} selected={i == (*slide).min(slides - 1)}>
                                        { w.fill(t.share_slide_of, &[("slide", &(i + 1).to_string()), ("slides", &slides.to_string())]) }
                                    </option>
                                }) }
                            </select>
                        </label>
                    }
                    <button type="button" class="trd-button" onclick={slide_png_download}>{ t.share_slide_png }</button>
                    <button type="button" class="trd-button" onclick={slide_svg_download}>{ t.share_slide_svg }</button>
                </div>
            }
            <p class="trd-share-status" role="status">{ (*status).clone() }</p>
        </details>
    }
}

/// Draws a picture to download, with its file name less the extension; or says why it could not.
type Draw = Rc<dyn Fn() -> Result<(Picture, String), String>>;

/// The two buttons' actions for one picture: save it as SVG, and as PNG at `scale` times its
/// size (made by the browser, so it reports back when done).
fn picture_downloads(
    draw: Draw,
    scale: u32,
    svg_done: &'static str,
    png_done: &'static str,
    status: &UseStateHandle<String>,
    w: Words,
) -> (Callback<MouseEvent>, Callback<MouseEvent>) {
    let t = w.t();
    let failed = move |detail: &str| w.fill(t.share_picture_failed, &[("detail", detail)]);
    let svg = {
        let (draw, status) = (draw.clone(), status.clone());
        Callback::from(move |_| match draw() {
            Ok((p, name)) => {
                browser::download(&format!("{name}.svg"), "image/svg+xml", p.svg.as_bytes());
                status.set(svg_done.to_string());
            }
            Err(detail) => status.set(failed(&detail)),
        })
    };
    let png = {
        let status = status.clone();
        Callback::from(move |_| {
            let (draw, status) = (draw.clone(), status.clone());
            status.set(t.share_making_picture.to_string());
            browser::spawn(async move {
                let made = match draw() {
                    Ok((p, name)) => browser::svg_to_png(&p.svg, p.width, p.height, scale)
                        .await
                        .map(|bytes| (bytes, name)),
                    Err(detail) => Err(detail),
                };
                status.set(match made {
                    Ok((bytes, name)) => {
                        browser::download(&format!("{name}.png"), "image/png", &bytes);
                        png_done.to_string()
                    }
                    Err(detail) => failed(&detail),
                });
            });
        })
    };
    (svg, png)
}
