use super::width::use_element_width;
use super::{figure_view, ChartImage, Heading};
use crate::chart::Layout;
use crate::model::Metric;
use crate::state::Action;
use crate::view_model::Comparison;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartPanelProps {
    pub comparison: Rc<Comparison>,
    pub metric: Metric,
    pub heading_level: u8,
    pub id_prefix: AttrValue,
    /// The option whose figure in this panel has its provenance open.
    #[prop_or_default]
    pub open: Option<AttrValue>,
    #[prop_or_default]
    pub dispatch: Callback<Action>,
}

/// One metric's chart, with a text summary for screen readers, a button over every row that
/// opens where that figure comes from, and the reading note.
#[function_component]
pub fn ChartPanel(props: &ChartPanelProps) -> Html {
    let chart_ref = use_node_ref();
    let box_ref = use_node_ref();
    // An opened box sits below the chart, often off screen: focus takes the reader there.
    #[cfg(target_arch = "wasm32")]
    {
        let box_ref = box_ref.clone();
        use_effect_with(props.open.clone(), move |open| {
            if open.is_some() {
                crate::browser::focus_node(&box_ref);
            }
        });
    }
    let width = use_element_width(chart_ref.clone());
    let layout = use_memo(
        (props.comparison.clone(), props.metric, width),
        |(comparison, metric, width)| Layout::new(&comparison.rows, *metric, *width),
    );
    let ids = use_memo(props.comparison.clone(), |c| row_ids(c));
    let metric = props.metric;
    let summary = text_summary(&props.comparison, metric);
    // Keyed by option, every one: a row without this figure gets no button.
    let hits = props.comparison.rows.iter().zip(&layout.rows).filter_map(|(row, place)| {
        let figure = row.figure(metric)?;
        // Per-mille of the chart's height, in integers: no float formatting in the wasm.
        let permille = |px: i32| px.max(0) as i64 * 100_000 / i64::from(layout.height.max(1));
        let percent = |v: i64| format!("{}.{:03}%", v / 1000, v % 1000);
        let style = format!(
            "top:{};height:{}",
            percent(permille(place.top)),
            percent(permille(place.bottom - place.top))
        );
        let open = props.open.as_deref() == Some(row.id.as_str());
        let onclick = {
            let dispatch = props.dispatch.clone();
            let id = row.id.clone();
            Callback::from(move |_| dispatch.emit(Action::OpenFigure(id.clone(), metric)))
        };
        Some(html! {
            <button type="button" class="trd-hit" key={row.id.clone()} id={hit_id(&props.id_prefix, metric, &row.id)} {style} {onclick}
                aria-expanded={open.to_string()}
                aria-controls={box_id(&props.id_prefix, metric)}
                aria-label={format!("{}: {} {}. Show where this figure comes from.", row.name, metric.label().to_lowercase(), figure.value_text)}>
            </button>
        })
    });
    let open_row = props
        .open
        .as_deref()
        .and_then(|id| props.comparison.rows.iter().find(|r| r.id == id));
    let provenance = open_row.and_then(|row| row.figure(metric).map(|f| (row, f))).map(|(row, figure)| {
        // Closing returns focus to the row's button, where the reader was.
        let close_to = hit_id(&props.id_prefix, metric, &row.id);
        let close = {
            let dispatch = props.dispatch.clone();
            let close_to = close_to.clone();
            Callback::from(move |()| {
                dispatch.emit(Action::CloseFigure);
                #[cfg(target_arch = "wasm32")]
                crate::browser::focus_id(&close_to);
                #[cfg(not(target_arch = "wasm32"))]
                let _ = &close_to;
            })
        };
        let on_click = close.reform(|_: MouseEvent| ());
        let on_key = Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                close.emit(());
            }
        });
        html! {
            <div class="trd-provenance-box" id={box_id(&props.id_prefix, metric)} role="region" tabindex="-1" ref={box_ref.clone()}
                 aria-label={format!("Where the {} figure for {} comes from", metric.label().to_lowercase(), row.name)}
                 onkeydown={on_key}>
                <p class="trd-provenance-title"><strong>{ row.name.clone() }</strong></p>
                { figure_view(figure, &props.id_prefix) }
                <button type="button" class="trd-button" onclick={on_click}>{ "Close" }</button>
            </div>
        }
    });
    html! {
        <figure class="trd-panel">
            <Heading level={props.heading_level}>{ panel_title(metric) }</Heading>
            <p class="trd-panel-help">{ metric_help(metric) }</p>
            <div class="trd-chart" ref={chart_ref}>
                // Keyed like the buttons beside it (see FigureDetails).
                <ChartImage key="image" layout={layout.clone()} ids={(*ids).clone()} summary={summary} />
                { for hits }
            </div>
            // One footer element, so every panel has the same four parts and the panels'
            // charts line up (see .trd-panel's subgrid).
            <div class="trd-panel-foot">
                { for provenance }
                <div class="trd-legend">
                    <span class="trd-legend-item">
                        <span class="trd-key trd-key-treatment" aria-hidden="true"></span>{ "Option (headline figure)" }
                    </span>
                    <span class="trd-legend-item">
                        <span class="trd-key trd-key-comparator" aria-hidden="true"></span>{ "Comparison group in the same study" }
                    </span>
                    <span class="trd-legend-hint">{ "Select an option's row to see where its figure comes from." }</span>
                </div>
            </div>
        </figure>
    }
}

/// The option id of each row, in row order.
pub fn row_ids(comparison: &Comparison) -> Rc<[String]> {
    comparison.rows.iter().map(|r| r.id.clone()).collect()
}

fn hit_id(prefix: &str, metric: Metric, option: &str) -> String {
    format!("{prefix}-{}-hit-{option}", metric.label().to_lowercase())
}

fn box_id(prefix: &str, metric: Metric) -> String {
    format!("{prefix}-{}-provenance", metric.label().to_lowercase())
}

fn panel_title(metric: Metric) -> String {
    format!("{} rate", metric.label())
}

fn metric_help(metric: Metric) -> &'static str {
    match metric {
        Metric::Response => {
            "Response: depression symptoms dropped by a large amount, usually at least half."
        }
        Metric::Remission => "Remission: symptoms fell low enough to count as well again.",
        _ => "",
    }
}

/// The chart in words, option by option, for screen readers.
pub fn text_summary(comparison: &Comparison, metric: Metric) -> String {
    let parts: Vec<String> = comparison
        .rows
        .iter()
        .filter_map(|row| {
            let figure = row.figure(metric)?;
            let mut part = format!("{}: {}", row.name, figure.value_text);
            if let Some(c) = &figure.comparator {
                part.push_str(&format!(" versus {}", c.summary()));
            }
            if let Some(flag) = figure.flag() {
                part.push_str(&format!(" ({flag})"));
            }
            Some(part)
        })
        .collect();
    format!("{}. {}.", panel_title(metric), parts.join("; "))
}
