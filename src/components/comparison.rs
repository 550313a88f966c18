use super::{ChartPanel, CitationList, FigureDetails, Footer, Heading, SharedDataset};
use crate::state::{Action, SortKey, ViewState};
use crate::view_model::{Comparison, CHARTED_METRICS};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct ComparisonViewProps {
    pub data: SharedDataset,
    #[prop_or(2)]
    pub heading_level: u8,
    #[prop_or(AttrValue::Static("trd"))]
    pub id_prefix: AttrValue,
    /// Where the data came from, linked in the footer.
    #[prop_or_default]
    pub data_url: Option<AttrValue>,
}

/// The whole comparison: controls, one chart panel per metric, provenance, citations, footer.
#[function_component]
pub fn ComparisonView(props: &ComparisonViewProps) -> Html {
    let state = {
        let data = props.data.clone();
        use_reducer(move || ViewState::initial(&data))
    };
    let comparison: Rc<Comparison> =
        use_memo((props.data.clone(), (*state).clone()), |(data, state)| {
            Comparison::build(data, state)
        });
    let prefix = &props.id_prefix;
    let sub_level = props.heading_level.saturating_add(1).min(6);
    let on_sort = {
        let state = state.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            if let Some(sort) = SortKey::from_token(&select.value()) {
                state.dispatch(Action::SortBy(sort));
            }
        })
    };
    let sort_id = format!("{prefix}-sort");
    html! {
        <section class="trd-evidence" aria-labelledby={format!("{prefix}-title")}>
            <Heading level={props.heading_level} id={AttrValue::from(format!("{prefix}-title"))}>
                { props.data.dataset.title.clone() }
            </Heading>
            <p class="trd-note">
                <strong>{ "These are not head-to-head results. " }</strong>
                { "Each figure comes from a different study, with its own patients, timepoint and \
                   comparison group. Read the study details under each figure before comparing." }
            </p>
            <div class="trd-controls">
                <label for={sort_id.clone()}>{ "Sort by" }</label>
                <select id={sort_id} class="trd-select" onchange={on_sort}>
                    { for SortKey::ALL.iter().map(|key| html! {
                        <option value={key.token()} selected={*key == state.sort}>{ key.label() }</option>
                    }) }
                </select>
            </div>
            <div class="trd-panels">
                { for CHARTED_METRICS.iter().map(|&metric| html! {
                    <ChartPanel comparison={comparison.clone()} {metric} heading_level={sub_level} />
                }) }
            </div>
            <FigureDetails comparison={comparison.clone()} heading_level={sub_level} id_prefix={prefix.clone()} />
            <CitationList comparison={comparison.clone()} heading_level={sub_level} id_prefix={prefix.clone()} />
            <Footer info={props.data.clone()} data_url={props.data_url.clone()} />
        </section>
    }
}
