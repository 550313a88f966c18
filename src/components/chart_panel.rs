use super::{cost_view, figure_view, heading, ChartImage, SharedDataset};
use crate::browser;
use crate::hooks::use_element_width;
use std::rc::Rc;
use trd_core::chart::{panel_layout, panel_title};
use trd_core::model::{CostUnit, Metric};
use trd_core::state::{Action, Panel, PanelChoice};
use trd_core::view_model::{Comparison, OptionRow};
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
    /// For the cost panel: the unit all its prices are for (the heading says it).
    #[prop_or_default]
    pub unit: Option<CostUnit>,
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
                aria-label={w.fill(t.hit_label, &[("option", &row.name), ("what", &w.sentence_continues(name)), ("value", &value)])}>
            </button>
        })
    });
    let open_row = props
        .open
        .as_deref()
        .and_then(|id| props.comparison.rows.iter().find(|r| r.id == id));
    let provenance = open_row.and_then(|row| {
        let body = match panel {
            Panel::Metric(metric) => figure_view(row.figure(metric)?, &props.id_prefix, &props.comparison.citations, w),
            Panel::Cost => cost_view(row.cost.as_ref()?, &props.id_prefix, &props.comparison.citations, w),
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
                 aria-label={w.fill(t.provenance_box_label, &[("what", &w.sentence_continues(name)), ("option", &row.name)])}
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
        // Said once above the price charts (see ComparisonView), not under each.
        Panel::Cost => html! {},
    };
    html! {
        <figure class="trd-panel">
            { heading(props.heading_level, None, html! {{
                match props.unit {
                    Some(unit) => w.cost_group(unit).to_string(),
                    None => panel_title(PanelChoice::Chart(panel), w),
                }
            }}) }
            <p class="trd-panel-help">{ panel_help(panel, &props.data, w) }</p>
            <div class="trd-chart" ref={chart_ref}>
                // Keyed like the buttons beside it (see FigureDetails).
                <ChartImage words={w} key="image" layout={layout.clone()} ids={(*ids).clone()} />
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
