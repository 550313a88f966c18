use super::{citation_links, Heading, OptionDetail, SharedDataset};
use std::rc::Rc;
use trd_core::state::Action;
use trd_core::view_model::{Comparison, Figure, OptionRow};
use trd_core::words::Words;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FigureDetailsProps {
    /// The language everything is written in.
    #[prop_or_default]
    pub words: Words,
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
    let w = props.words;
    let option_level = props.heading_level.saturating_add(1).min(6);
    html! {
        <div class="trd-details">
            // Keyed like the options beside it: yew diffs a partly keyed list by position,
            // which would rebuild every option after a re-sort instead of moving it.
            <Heading key="heading" level={props.heading_level}>{ w.t().where_from }</Heading>
            { for props.comparison.rows.iter().map(|row| html! {
                <OptionFigures words={w} key={row.id.clone()} row={row.clone()}
                    open={props.open_option.as_deref() == Some(row.id.as_str())}
                    heading_level={option_level} id_prefix={props.id_prefix.clone()}
                    data={props.data.clone()} dispatch={props.dispatch.clone()} />
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct OptionFiguresProps {
    /// The language everything is written in.
    #[prop_or_default]
    pub words: Words,
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
    let w = props.words;
    let t = w.t();
    let row = &props.row;
    let panel_id = format!("{}-detail-{}", props.id_prefix, row.id);
    let toggle = {
        let dispatch = props.dispatch.clone();
        let id = row.id.clone();
        Callback::from(move |_| dispatch.emit(Action::ToggleOption(id.clone())))
    };
    let button = if props.open {
        t.hide_details
    } else {
        t.everything_about
    };
    html! {
        <article class="trd-option" data-option={row.id.clone()}>
            <Heading level={props.heading_level}>{ row.name.clone() }</Heading>
            { for row.figures.iter().map(|figure| figure_view(figure, &props.id_prefix, w)) }
            <button type="button" class="trd-button trd-more" onclick={toggle}
                aria-expanded={props.open.to_string()} aria-controls={panel_id.clone()}>
                { w.fill(button, &[("option", &row.name)]) }
            </button>
            <div id={panel_id}>
                if props.open {
                    <OptionDetail words={w} data={props.data.clone()} option_id={AttrValue::from(row.id.clone())}
                        heading_level={props.heading_level.saturating_add(1).min(6)} />
                }
            </div>
        </article>
    }
}

/// One figure's provenance: value, comparator, design, n, timepoint, population, definition,
/// tier and numbered sources. Shared by this list and the chart's provenance box.
pub fn figure_view(figure: &Figure, prefix: &str, w: Words) -> Html {
    let t = w.t();
    let metric = w.metric(figure.metric);
    if !figure.is_reported() {
        return html! {
            <div class="trd-figure trd-figure-missing">
                <p class="trd-figure-value">
                    <span class="trd-metric">{ metric }{ ": " }</span>
                    <em>{ t.not_reported }</em>
                    { " " }{ t.no_verified_figure }
                </p>
            </div>
        };
    }
    let row = |label: &'static str, value: &Option<String>| match value {
        Some(v) => html! { <><dt>{ label }</dt><dd>{ v.clone() }</dd></> },
        None => html! { <><dt>{ label }</dt><dd>{ t.not_reported }</dd></> },
    };
    html! {
        <div class="trd-figure">
            <p class="trd-figure-value">
                <span class="trd-metric">{ metric }{ ": " }</span>
                <strong>{ figure.value_text(w) }</strong>
                { for figure.arm.as_ref().map(|arm| html! { <span class="trd-arm">{ format!(" ({arm})") }</span> }) }
                { for figure.flag(w).map(|flag| html! { <span class="trd-flag">{ flag }</span> }) }
            </p>
            <dl class="trd-provenance">
                { row(t.compared_with, &figure.comparator_text(w)) }
                { row(t.study_design, &figure.design) }
                { row(t.people_n, &figure.n) }
                { row(t.timepoint, &figure.timepoint) }
                { row(t.who_was_studied, &figure.population) }
                { row(t.outcome_definition, &figure.definition) }
                { row(t.evidence_tier, &figure.tier_text(w)) }
                <dt>{ t.sources }</dt>
                <dd>{ citation_links(&figure.citation_numbers, prefix, w) }</dd>
            </dl>
        </div>
    }
}
