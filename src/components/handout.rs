use super::{citation_links, Heading};
use std::rc::Rc;
use trd_core::view_model::{Comparison, Figure, NumberedCitation, OptionRow};
use trd_core::words::Words;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HandoutProps {
    /// The language everything is written in.
    #[prop_or_default]
    pub words: Words,
    pub comparison: Rc<Comparison>,
    pub heading_level: u8,
    pub id_prefix: AttrValue,
}

/// The printed handout: the whole comparison as one compact table (each figure with its
/// comparison group, people, timepoint, tier and sources), shown only when printing, so the
/// current view fits one page with its citations and the disclaimer.
#[function_component]
pub fn Handout(props: &HandoutProps) -> Html {
    let w = props.words;
    let t = w.t();
    html! {
        <div class="trd-handout">
            <Heading level={props.heading_level}>{ t.handout_title }</Heading>
            <table class="trd-handout-table">
                <thead>
                    <tr>
                        { for [t.option, t.metric_response, t.metric_remission, t.hours_in_clinic, t.how_invasive, t.price]
                            .iter().map(|h| html! { <th scope="col">{ *h }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for props.comparison.rows.iter().map(|row| html! {
                        <HandoutRow words={w} key={row.id.clone()} row={row.clone()} citations={props.comparison.citations.clone()} id_prefix={props.id_prefix.clone()} />
                    }) }
                </tbody>
            </table>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct HandoutRowProps {
    /// The language everything is written in.
    #[prop_or_default]
    pub words: Words,
    /// Compared by value: after a sort the same row is only moved, not rebuilt.
    row: OptionRow,
    /// The numbered sources the row cites.
    citations: Rc<[NumberedCitation]>,
    id_prefix: AttrValue,
}

#[function_component]
fn HandoutRow(props: &HandoutRowProps) -> Html {
    let w = props.words;
    let (row, prefix) = (&props.row, &props.id_prefix);
    html! {
        <tr>
            <th scope="row">{ row.name.clone() }</th>
            { for row.figures.iter().map(|f| html! { <td>{ figure_cell(f, prefix, &props.citations, w) }</td> }) }
            <td>{ row.hours_text(w) }</td>
            <td>{ row.invasiveness_text(w) }</td>
            <td>
                { match &row.cost {
                    Some(c) => html! { <>{ format!("{} {} ({}) ", c.amount(w), w.cost_unit(c.unit), c.price_year) }{ citation_links(&c.citation_numbers, prefix, &props.citations, w) }</> },
                    None => html! { w.t().chart_no_price },
                } }
            </td>
        </tr>
    }
}

fn figure_cell(figure: &Figure, prefix: &str, citations: &[NumberedCitation], w: Words) -> Html {
    let t = w.t();
    if !figure.is_reported() {
        return html! { <em>{ t.not_reported }</em> };
    }
    let mut detail: Vec<String> = Vec::new();
    if let Some(tier) = figure.tier {
        detail.push(w.fill(t.tier_short, &[("letter", tier.letter())]));
    }
    if let Some(flag) = figure.flag(w) {
        detail.push(flag.to_string());
    }
    if let Some(n) = &figure.n {
        detail.push(w.fill(t.n_short, &[("n", n)]));
    }
    if let Some(timepoint) = &figure.timepoint {
        detail.push(timepoint.clone());
    }
    html! {
        <>
            <strong>{ figure.value_text(w) }</strong>
            { for figure.comparator.as_ref().map(|c| w.fill(t.versus_short, &[("comparator", &c.summary(w))])) }
            <br />
            <span class="trd-handout-detail">{ detail.join("; ") }{ " " }</span>
            { citation_links(&figure.citation_numbers, prefix, citations, w) }
        </>
    }
}
