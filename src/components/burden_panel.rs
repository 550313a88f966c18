use super::width::use_element_width;
use super::{row_ids, ChartImage, Heading};
use crate::embed_config::PanelChoice;
use crate::view_model::Comparison;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BurdenPanelProps {
    pub comparison: Rc<Comparison>,
    pub heading_level: u8,
}

/// What each option involves: estimated hours in clinic and how invasive it is, on the same
/// rows as the response and remission panels.
#[function_component]
pub fn BurdenPanel(props: &BurdenPanelProps) -> Html {
    let chart_ref = use_node_ref();
    let width = use_element_width(chart_ref.clone());
    let layout = use_memo((props.comparison.clone(), width), |(comparison, width)| {
        PanelChoice::Burden.layout(&comparison.rows, *width)
    });
    let ids = use_memo(props.comparison.clone(), |c| row_ids(c));
    let summary: Vec<String> = props
        .comparison
        .rows
        .iter()
        .map(|row| {
            let hours = row.clinic_hours.as_ref().map_or_else(
                || "hours in clinic not derivable".to_string(),
                |h| format!("about {} in clinic (estimate)", h.text),
            );
            format!(
                "{}: {hours}; invasiveness {} of 4, {}",
                row.name,
                row.invasiveness,
                crate::model::Invasiveness::label_for(row.invasiveness).to_lowercase()
            )
        })
        .collect();
    html! {
        <figure class="trd-panel">
            <Heading level={props.heading_level}>{ PanelChoice::Burden.title() }</Heading>
            <p class="trd-panel-help">
                { "Estimated hours in clinic for a course, where the evidence allows an estimate, and how invasive each option is (1 non-invasive to 4 surgical implant)." }
            </p>
            <div class="trd-chart" ref={chart_ref}>
                <ChartImage layout={layout.clone()} ids={(*ids).clone()}
                    summary={format!("{}. {}.", PanelChoice::Burden.title(), summary.join("; "))} />
            </div>
            <div class="trd-panel-foot">
                <div class="trd-legend">
                    <span class="trd-legend-hint">
                        { "Invasiveness: 1 non-invasive · 2 in-clinic dosing with monitoring · 3 general anaesthesia each session · 4 surgical implant." }
                    </span>
                    <span class="trd-legend-hint">{ "Each hours estimate covers a different schedule; the details under each option show how it was worked out." }</span>
                </div>
            </div>
        </figure>
    }
}
