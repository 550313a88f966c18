use super::{citation_links, Heading, OptionDetail, SharedDataset};
use crate::state::Action;
use crate::view_model::{Comparison, Figure, OptionRow};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FigureDetailsProps {
    pub comparison: Rc<Comparison>,
    pub heading_level: u8,
    pub id_prefix: AttrValue,
    pub data: SharedDataset,
    /// The option whose full detail panel is open.
    #[prop_or_default]
    pub open_option: Option<AttrValue>,
    #[prop_or_default]
    pub dispatch: Callback<Action>,
}

/// Every charted figure with its provenance: design, n, timepoint, comparator, tier, citations.
#[function_component]
pub fn FigureDetails(props: &FigureDetailsProps) -> Html {
    let option_level = props.heading_level.saturating_add(1).min(6);
    html! {
        <div class="trd-details">
            // Keyed like the options beside it: yew diffs a partly keyed list by position,
            // which would rebuild every option after a re-sort instead of moving it.
            <Heading key="heading" level={props.heading_level}>{ "Where each figure comes from" }</Heading>
            { for props.comparison.rows.iter().map(|row| html! {
                <OptionFigures key={row.id.clone()} row={row.clone()}
                    open={props.open_option.as_deref() == Some(row.id.as_str())}
                    heading_level={option_level} id_prefix={props.id_prefix.clone()}
                    data={props.data.clone()} dispatch={props.dispatch.clone()} />
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct OptionFiguresProps {
    /// Compared by value: after a sort the same row is skipped and only moved.
    row: OptionRow,
    open: bool,
    heading_level: u8,
    id_prefix: AttrValue,
    data: SharedDataset,
    dispatch: Callback<Action>,
}

/// One option's headline figures and the button that opens everything about it.
#[function_component]
fn OptionFigures(props: &OptionFiguresProps) -> Html {
    let row = &props.row;
    let panel_id = format!("{}-detail-{}", props.id_prefix, row.id);
    let toggle = {
        let dispatch = props.dispatch.clone();
        let id = row.id.clone();
        Callback::from(move |_| dispatch.emit(Action::ToggleOption(id.clone())))
    };
    html! {
        <article class="trd-option" data-option={row.id.clone()}>
            <Heading level={props.heading_level}>{ row.name.clone() }</Heading>
            { for row.figures.iter().map(|figure| figure_view(figure, &props.id_prefix)) }
            <button type="button" class="trd-button trd-more" onclick={toggle}
                aria-expanded={props.open.to_string()} aria-controls={panel_id.clone()}>
                { if props.open { format!("Hide the details of {}", row.name) } else { format!("Everything about {}: all findings, status, burden, cost, risks", row.name) } }
            </button>
            <div id={panel_id}>
                if props.open {
                    <OptionDetail data={props.data.clone()} option_id={AttrValue::from(row.id.clone())}
                        heading_level={props.heading_level.saturating_add(1).min(6)} />
                }
            </div>
        </article>
    }
}

/// One figure's provenance: value, comparator, design, n, timepoint, population, definition,
/// tier and numbered sources. Shared by this list and the chart's provenance box.
pub fn figure_view(figure: &Figure, prefix: &str) -> Html {
    let metric = figure.metric.label();
    if !figure.is_reported() {
        return html! {
            <div class="trd-figure trd-figure-missing">
                <p class="trd-figure-value">
                    <span class="trd-metric">{ metric }{ ": " }</span>
                    <em>{ "not reported" }</em>
                    { " — no verified figure exists in the evidence reviewed." }
                </p>
            </div>
        };
    }
    let row = |label: &'static str, value: &Option<String>| match value {
        Some(v) => html! { <><dt>{ label }</dt><dd>{ v.clone() }</dd></> },
        None => html! { <><dt>{ label }</dt><dd>{ "not reported" }</dd></> },
    };
    let comparator = figure.comparator_text();
    let tier = figure.tier_text();
    html! {
        <div class="trd-figure">
            <p class="trd-figure-value">
                <span class="trd-metric">{ metric }{ ": " }</span>
                <strong>{ figure.value_text.clone() }</strong>
                { for figure.arm.as_ref().map(|arm| html! { <span class="trd-arm">{ format!(" ({arm})") }</span> }) }
                { for figure.flag().map(|flag| html! { <span class="trd-flag">{ flag }</span> }) }
            </p>
            <dl class="trd-provenance">
                { row("Compared with", &comparator) }
                { row("Study design", &figure.design) }
                { row("People (n)", &figure.n) }
                { row("Timepoint", &figure.timepoint) }
                { row("Who was studied", &figure.population) }
                { row("Outcome definition", &figure.definition) }
                { row("Evidence tier", &tier) }
                <dt>{ "Sources" }</dt>
                <dd>{ citation_links(&figure.citation_numbers, prefix) }</dd>
            </dl>
        </div>
    }
}
