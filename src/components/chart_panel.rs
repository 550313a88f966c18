use super::{figure_view, ChartImage, Heading, SharedDataset};
use crate::browser;
use crate::hooks::use_element_width;
use std::rc::Rc;
use trd_core::chart::{panel_layout, panel_title};
use trd_core::model::Metric;
use trd_core::state::{Action, Panel, PanelChoice};
use trd_core::view_model::{Comparison, CostView, OptionRow};
use trd_core::words::Words;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartPanelProps {
    /// The language everything is written in.
    #[prop_or_default]
    pub words: Words,
    pub comparison: Rc<Comparison>,
    pub data: SharedDataset,
    pub panel: Panel,
    pub heading_level: u8,
    pub id_prefix: AttrValue,
    /// The option whose figure in this panel has its provenance open.
    #[prop_or_default]
    pub open: Option<AttrValue>,
    #[prop_or_default]
    pub dispatch: Callback<Action>,
}

/// One panel's chart (a rate, or the price), with a text summary for screen readers, a button
/// over every row that opens where that figure comes from, and the reading note.
#[function_component]
pub fn ChartPanel(props: &ChartPanelProps) -> Html {
    let w = props.words;
    let t = w.t();
    let chart_ref = use_node_ref();
    let box_ref = use_node_ref();
    // An opened box sits below the chart, often off screen: focus takes the reader there.
    {
        let box_ref = box_ref.clone();
        use_effect_with(props.open.clone(), move |open| {
            if open.is_some() {
                browser::focus_node(&box_ref);
            }
        });
    }
    let width = use_element_width(chart_ref.clone());
    let layout = use_memo(
        (props.comparison.clone(), props.panel, width),
        move |(comparison, panel, width)| {
            panel_layout(PanelChoice::Chart(*panel), &comparison.rows, *width, w)
        },
    );
    let ids = use_memo(props.comparison.clone(), |c| super::row_ids(c));
    let panel = props.panel;
    let name = panel_name(panel, w);
    let summary = text_summary(&props.comparison, panel, w);
    // Where each row's button goes, as shares of the chart's height (so they stay right when
    // the chart is scaled): integers only, no float formatting in the wasm.
    let places: Vec<(String, Vec<(&'static str, String)>)> = props
        .comparison
        .rows
        .iter()
        .zip(&layout.rows)
        .map(|(row, place)| {
            let permille = |px: i32| px.max(0) as i64 * 100_000 / i64::from(layout.height.max(1));
            let percent = |v: i64| format!("{}.{:03}%", v / 1000, v % 1000);
            (
                hit_id(&props.id_prefix, panel, &row.id),
                vec![
                    ("top", percent(permille(place.top))),
                    ("height", percent(permille(place.bottom - place.top))),
                ],
            )
        })
        .collect();
    // Placed through the CSSOM after rendering, not with style attributes, so a strict
    // Content-Security-Policy needs no 'unsafe-inline'.
    {
        let chart_ref = chart_ref.clone();
        use_effect_with(places, move |places| {
            browser::style_children(&chart_ref, places)
        });
    }
    // Keyed by option, every one: a row without this figure gets no button.
    let hits = props.comparison.rows.iter().filter_map(|row| {
        let value = row_value(row, panel, w)?;
        let open = props.open.as_deref() == Some(row.id.as_str());
        let onclick = {
            let dispatch = props.dispatch.clone();
            let id = row.id.clone();
            Callback::from(move |_| dispatch.emit(Action::OpenFigure(id.clone(), panel)))
        };
        Some(html! {
            <button type="button" class="trd-hit" key={row.id.clone()} id={hit_id(&props.id_prefix, panel, &row.id)} {onclick}
                aria-expanded={open.to_string()}
                aria-controls={box_id(&props.id_prefix, panel)}
                aria-label={w.fill(t.hit_label, &[("option", &row.name), ("what", &name.to_lowercase()), ("value", &value)])}>
            </button>
        })
    });
    let open_row = props
        .open
        .as_deref()
        .and_then(|id| props.comparison.rows.iter().find(|r| r.id == id));
    let provenance = open_row.and_then(|row| {
        let body = match panel {
            Panel::Metric(metric) => figure_view(row.figure(metric)?, &props.id_prefix, w),
            Panel::Cost => cost_view(row.cost.as_ref()?, &props.id_prefix, w),
        };
        // Closing returns focus to the row's button, where the reader was.
        let close_to = hit_id(&props.id_prefix, panel, &row.id);
        let close = {
            let dispatch = props.dispatch.clone();
            let chart_ref = chart_ref.clone();
            Callback::from(move |()| {
                dispatch.emit(Action::CloseFigure);
                browser::focus_child(&chart_ref, &close_to);
            })
        };
        let on_click = close.reform(|_: MouseEvent| ());
        let on_key = Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                close.emit(());
            }
        });
        Some(html! {
            <div class="trd-provenance-box" id={box_id(&props.id_prefix, panel)} role="region" tabindex="-1" ref={box_ref.clone()}
                 aria-label={w.fill(t.provenance_box_label, &[("what", &name.to_lowercase()), ("option", &row.name)])}
                 onkeydown={on_key}>
                <p class="trd-provenance-title"><strong>{ row.name.clone() }</strong></p>
                { body }
                <button type="button" class="trd-button" onclick={on_click}>{ t.close }</button>
            </div>
        })
    });
    let legend = match panel {
        Panel::Metric(_) => html! {
            <>
                <span class="trd-legend-item">
                    <span class="trd-key trd-key-treatment" aria-hidden="true"></span>{ t.legend_option }
                </span>
                <span class="trd-legend-item">
                    <span class="trd-key trd-key-comparator" aria-hidden="true"></span>{ t.legend_comparator }
                </span>
            </>
        },
        Panel::Cost => html! { <span class="trd-legend-hint">{ t.cost_legend }</span> },
    };
    html! {
        <figure class="trd-panel">
            <Heading level={props.heading_level}>{ panel_title(PanelChoice::Chart(panel), w) }</Heading>
            <p class="trd-panel-help">{ panel_help(panel, &props.data, w) }</p>
            <div class="trd-chart" ref={chart_ref}>
                // Keyed like the buttons beside it (see FigureDetails).
                <ChartImage words={w} key="image" layout={layout.clone()} ids={(*ids).clone()} summary={summary} />
                { for hits }
            </div>
            // One footer element, so every panel has the same four parts and the panels'
            // charts line up (see .trd-panel's subgrid).
            <div class="trd-panel-foot">
                { for provenance }
                <div class="trd-legend">
                    { legend }
                    <span class="trd-legend-hint">{ t.select_row_hint }</span>
                </div>
            </div>
        </figure>
    }
}

/// A headline price with its provenance: the source's own words, price year, note, sources.
pub fn cost_view(cost: &CostView, prefix: &str, w: Words) -> Html {
    let t = w.t();
    html! {
        <div class="trd-figure">
            <p class="trd-figure-value">
                <span class="trd-metric">{ t.price_prefix }</span>
                <strong>{ cost.amount(w) }</strong>{ format!(" {}", w.cost_unit(cost.unit)) }
            </p>
            <dl class="trd-provenance">
                <dt>{ t.price_as_written }</dt><dd>{ cost.text.clone() }</dd>
                <dt>{ t.price_year }</dt><dd>{ cost.price_year.clone() }</dd>
                <dt>{ t.currency }</dt><dd>{ cost.currency.clone() }</dd>
                { for cost.note.as_ref().map(|note| html! { <><dt>{ t.note }</dt><dd>{ note.clone() }</dd></> }) }
                <dt>{ t.sources }</dt>
                <dd>{ citation_links(&cost.citation_numbers, prefix, w) }</dd>
            </dl>
        </div>
    }
}

/// "[3] [7]": links to numbered entries in the citation list.
pub fn citation_links(numbers: &[usize], prefix: &str, w: Words) -> Html {
    numbers
        .iter()
        .map(|n| {
            let n = n.to_string();
            html! {
                <a class="trd-cite" href={format!("#{prefix}-cite-{n}")}
                   aria-label={w.fill(w.t().source_number, &[("n", &n)])}>{ format!("[{n}]") }</a>
            }
        })
        .collect()
}

/// The figure a row shows in this panel, in words; `None` where the row has nothing to open.
fn row_value(row: &OptionRow, panel: Panel, w: Words) -> Option<String> {
    match panel {
        Panel::Metric(metric) => row.figure(metric).map(|f| f.value_text(w)),
        Panel::Cost => row.cost.as_ref().map(|c| c.summary(w)),
    }
}

fn panel_name(panel: Panel, w: Words) -> &'static str {
    match panel {
        Panel::Metric(metric) => w.metric(metric),
        Panel::Cost => w.t().price,
    }
}

/// Stable element ids, in every language.
fn panel_slug(panel: Panel) -> &'static str {
    match panel {
        Panel::Metric(Metric::Remission) => "remission",
        Panel::Metric(_) => "response",
        Panel::Cost => "price",
    }
}

fn hit_id(prefix: &str, panel: Panel, option: &str) -> String {
    format!("{prefix}-{}-hit-{option}", panel_slug(panel))
}

fn box_id(prefix: &str, panel: Panel) -> String {
    format!("{prefix}-{}-provenance", panel_slug(panel))
}

/// What the panel shows, in the dataset's own definitions where it has them.
fn panel_help(panel: Panel, data: &SharedDataset, w: Words) -> String {
    let definitions = &data.dataset.definitions;
    match panel {
        Panel::Metric(Metric::Response) => definitions.response.clone(),
        Panel::Metric(Metric::Remission) => definitions.remission.clone(),
        Panel::Metric(_) => String::new(),
        Panel::Cost => w.t().cost_help.to_string(),
    }
}

/// The chart in words, option by option, for screen readers.
pub fn text_summary(comparison: &Comparison, panel: Panel, w: Words) -> String {
    let t = w.t();
    let parts: Vec<String> = comparison
        .rows
        .iter()
        .filter_map(|row| match panel {
            Panel::Metric(metric) => {
                let figure = row.figure(metric)?;
                let mut part = format!("{}: {}", row.name, figure.value_text(w));
                if let Some(c) = &figure.comparator {
                    part.push_str(&w.fill(t.summary_versus, &[("comparator", &c.summary(w))]));
                }
                if let Some(flag) = figure.flag(w) {
                    part.push_str(&format!(" ({flag})"));
                }
                Some(part)
            }
            Panel::Cost => Some(match &row.cost {
                Some(cost) => format!("{}: {}", row.name, cost.summary(w)),
                None => format!("{}: {}", row.name, t.chart_no_price),
            }),
        })
        .collect();
    format!(
        "{}. {}.",
        panel_title(PanelChoice::Chart(panel), w),
        parts.join("; ")
    )
}
