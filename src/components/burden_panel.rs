use super::{heading, row_ids, ChartImage, SharedDataset};
use crate::hooks::use_element_width;
use std::rc::Rc;
use trd_core::chart::{panel_layout, panel_title};
use trd_core::state::PanelChoice;
use trd_core::view_model::Comparison;
use trd_core::words::Words;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BurdenPanelProps {
    /// The language everything is written in.
    #[prop_or_default]
    pub words: Words,
    pub comparison: Rc<Comparison>,
    pub data: SharedDataset,
    pub heading_level: u8,
}

/// What each option involves: estimated hours in clinic and how invasive it is, on the same
/// rows as the response and remission panels.
#[function_component]
pub fn BurdenPanel(props: &BurdenPanelProps) -> Html {
    let w = props.words;
    let t = w.t();
    let chart_ref = use_node_ref();
    let width = use_element_width(chart_ref.clone());
    let layout = use_memo(
        (props.comparison.clone(), width),
        move |(comparison, width)| panel_layout(PanelChoice::Burden, &comparison.rows, *width, w),
    );
    let ids = use_memo(props.comparison.clone(), |c| row_ids(c));
    let title = panel_title(PanelChoice::Burden, w);
    // The levels in the dataset's own words, where it defines them.
    let levels: Vec<String> = (1..=4u8)
        .map(|level| {
            let words = props
                .data
                .dataset
                .definitions
                .invasiveness
                .get(usize::from(level) - 1)
                .map_or(w.invasiveness(level), String::as_str);
            format!("{level} {}", w.sentence_continues(words))
        })
        .collect();
    html! {
        <figure class="trd-panel trd-panel-wide">
            { heading(props.heading_level, None, html! {{ title.clone() }}) }
            <p class="trd-panel-help">{ t.burden_help }</p>
            <div class="trd-chart" ref={chart_ref}>
                <ChartImage words={w} layout={layout.clone()} ids={(*ids).clone()} />
            </div>
            <div class="trd-panel-foot">
                <div class="trd-legend">
                    <span class="trd-legend-hint">
                        { w.fill(t.burden_levels, &[("levels", &levels.join(" · "))]) }
                    </span>
                    <span class="trd-legend-hint">{ t.burden_estimates_note }</span>
                </div>
            </div>
        </figure>
    }
}
