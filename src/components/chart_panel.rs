use super::width::use_element_width;
use super::{figure_view, ChartImage, Heading};
use crate::embed_config::PanelChoice;
use crate::model::Metric;
use crate::state::{Action, Panel};
use crate::view_model::{Comparison, CostView, OptionRow};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartPanelProps {
    pub comparison: Rc<Comparison>,
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
        (props.comparison.clone(), props.panel, width),
        |(comparison, panel, width)| PanelChoice::Chart(*panel).layout(&comparison.rows, *width),
    );
    let ids = use_memo(props.comparison.clone(), |c| row_ids(c));
    let panel = props.panel;
    let name = panel_name(panel);
    let summary = text_summary(&props.comparison, panel);
    // Where each row's button goes, as shares of the chart's height (so they stay right when
    // the chart is scaled): integers only, no float formatting in the wasm.
    let places: Vec<(String, String, String)> = props
        .comparison
        .rows
        .iter()
        .zip(&layout.rows)
        .map(|(row, place)| {
            let permille = |px: i32| px.max(0) as i64 * 100_000 / i64::from(layout.height.max(1));
            let percent = |v: i64| format!("{}.{:03}%", v / 1000, v % 1000);
            (
                hit_id(&props.id_prefix, panel, &row.id),
                percent(permille(place.top)),
                percent(permille(place.bottom - place.top)),
            )
        })
        .collect();
    // Placed through the CSSOM after rendering, not with style attributes, so a strict
    // Content-Security-Policy needs no 'unsafe-inline'.
    #[cfg(target_arch = "wasm32")]
    {
        let chart_ref = chart_ref.clone();
        use_effect_with(places.clone(), move |places| {
            for (id, element) in crate::browser::children_by_id(&chart_ref) {
                if let Some((_, top, height)) = places.iter().find(|(p, _, _)| *p == id) {
                    crate::browser::set_styles(&element, &[("top", top), ("height", height)]);
                }
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = &places;
    // Keyed by option, every one: a row without this figure gets no button.
    let hits = props.comparison.rows.iter().filter_map(|row| {
        let value = row_value(row, panel)?;
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
                aria-label={format!("{}: {} {value}. Show where this figure comes from.", row.name, name.to_lowercase())}>
            </button>
        })
    });
    let open_row = props
        .open
        .as_deref()
        .and_then(|id| props.comparison.rows.iter().find(|r| r.id == id));
    let provenance = open_row.and_then(|row| {
        let body = match panel {
            Panel::Metric(metric) => figure_view(row.figure(metric)?, &props.id_prefix),
            Panel::Cost => cost_view(row.cost.as_ref()?, &props.id_prefix),
        };
        // Closing returns focus to the row's button, where the reader was.
        let close_to = hit_id(&props.id_prefix, panel, &row.id);
        let close = {
            let dispatch = props.dispatch.clone();
            let chart_ref = chart_ref.clone();
            Callback::from(move |()| {
                dispatch.emit(Action::CloseFigure);
                #[cfg(target_arch = "wasm32")]
                crate::browser::focus_child(&chart_ref, &close_to);
                #[cfg(not(target_arch = "wasm32"))]
                let _ = (&close_to, &chart_ref);
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
                 aria-label={format!("Where the {} figure for {} comes from", name.to_lowercase(), row.name)}
                 onkeydown={on_key}>
                <p class="trd-provenance-title"><strong>{ row.name.clone() }</strong></p>
                { body }
                <button type="button" class="trd-button" onclick={on_click}>{ "Close" }</button>
            </div>
        })
    });
    let legend = match panel {
        Panel::Metric(_) => html! {
            <>
                <span class="trd-legend-item">
                    <span class="trd-key trd-key-treatment" aria-hidden="true"></span>{ "Option (headline figure)" }
                </span>
                <span class="trd-legend-item">
                    <span class="trd-key trd-key-comparator" aria-hidden="true"></span>{ "Comparison group in the same study" }
                </span>
            </>
        },
        Panel::Cost => html! {
            <span class="trd-legend-hint">
                { "One price per option, as its source gives it: they differ in what they cover (a month, a session, a course), in year and in place, so they are not like for like. Every price is in the option's details." }
            </span>
        },
    };
    html! {
        <figure class="trd-panel">
            <Heading level={props.heading_level}>{ panel_title(panel) }</Heading>
            <p class="trd-panel-help">{ panel_help(panel) }</p>
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
                    { legend }
                    <span class="trd-legend-hint">{ "Select an option's row to see where its figure comes from." }</span>
                </div>
            </div>
        </figure>
    }
}

/// A headline price with its provenance: the source's own words, price year, note, sources.
pub fn cost_view(cost: &CostView, prefix: &str) -> Html {
    html! {
        <div class="trd-figure">
            <p class="trd-figure-value">
                <span class="trd-metric">{ "Price: " }</span>
                <strong>{ cost.amount.clone() }</strong>{ format!(" {}", cost.unit) }
            </p>
            <dl class="trd-provenance">
                <dt>{ "As the source puts it" }</dt><dd>{ cost.text.clone() }</dd>
                <dt>{ "Price year" }</dt><dd>{ cost.price_year.clone() }</dd>
                <dt>{ "Currency" }</dt><dd>{ cost.currency.clone() }</dd>
                { for cost.note.as_ref().map(|note| html! { <><dt>{ "Note" }</dt><dd>{ note.clone() }</dd></> }) }
                <dt>{ "Sources" }</dt>
                <dd>{ citation_links(&cost.citation_numbers, prefix) }</dd>
            </dl>
        </div>
    }
}

/// "[3] [7]": links to numbered entries in the citation list.
pub fn citation_links(numbers: &[usize], prefix: &str) -> Html {
    numbers
        .iter()
        .map(|n| {
            html! {
                <a class="trd-cite" href={format!("#{prefix}-cite-{n}")}
                   aria-label={format!("Source {n}")}>{ format!("[{n}]") }</a>
            }
        })
        .collect()
}

/// The option id of each row, in row order.
pub fn row_ids(comparison: &Comparison) -> Rc<[String]> {
    comparison.rows.iter().map(|r| r.id.clone()).collect()
}

/// The figure a row shows in this panel, in words; `None` where the row has nothing to open.
fn row_value(row: &OptionRow, panel: Panel) -> Option<String> {
    match panel {
        Panel::Metric(metric) => row.figure(metric).map(|f| f.value_text.clone()),
        Panel::Cost => row.cost.as_ref().map(CostView::summary),
    }
}

fn panel_name(panel: Panel) -> &'static str {
    match panel {
        Panel::Metric(metric) => metric.label(),
        Panel::Cost => "Price",
    }
}

fn hit_id(prefix: &str, panel: Panel, option: &str) -> String {
    format!("{prefix}-{}-hit-{option}", panel_name(panel).to_lowercase())
}

fn box_id(prefix: &str, panel: Panel) -> String {
    format!("{prefix}-{}-provenance", panel_name(panel).to_lowercase())
}

fn panel_title(panel: Panel) -> String {
    PanelChoice::Chart(panel).title()
}

fn panel_help(panel: Panel) -> &'static str {
    match panel {
        Panel::Metric(Metric::Response) => {
            "Response: depression symptoms dropped by a large amount, usually at least half."
        }
        Panel::Metric(Metric::Remission) => {
            "Remission: symptoms fell low enough to count as well again."
        }
        Panel::Metric(_) => "",
        Panel::Cost => {
            "Reported prices, on a scale where each step is ten times the last. Select a row for what the price covers."
        }
    }
}

/// The chart in words, option by option, for screen readers.
pub fn text_summary(comparison: &Comparison, panel: Panel) -> String {
    let parts: Vec<String> = comparison
        .rows
        .iter()
        .filter_map(|row| match panel {
            Panel::Metric(metric) => {
                let figure = row.figure(metric)?;
                let mut part = format!("{}: {}", row.name, figure.value_text);
                if let Some(c) = &figure.comparator {
                    part.push_str(&format!(" versus {}", c.summary()));
                }
                if let Some(flag) = figure.flag() {
                    part.push_str(&format!(" ({flag})"));
                }
                Some(part)
            }
            Panel::Cost => Some(match &row.cost {
                Some(cost) => format!("{}: {}", row.name, cost.summary()),
                None => format!("{}: no verified price", row.name),
            }),
        })
        .collect();
    format!("{}. {}.", panel_title(panel), parts.join("; "))
}
