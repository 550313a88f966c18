use super::{citation_links, Heading};
use crate::view_model::{Comparison, Figure, OptionRow};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HandoutProps {
    pub comparison: Rc<Comparison>,
    pub heading_level: u8,
    pub id_prefix: AttrValue,
}

/// The printed handout: the whole comparison as one compact table (each figure with its
/// comparison group, people, timepoint, tier and sources), shown only when printing, so the
/// current view fits one page with its citations and the disclaimer.
#[function_component]
pub fn Handout(props: &HandoutProps) -> Html {
    html! {
        <div class="trd-handout">
            <Heading level={props.heading_level}>{ "The comparison at a glance" }</Heading>
            <table class="trd-handout-table">
                <thead>
                    <tr>
                        { for ["Option", "Response", "Remission", "Hours in clinic", "How invasive", "Price"]
                            .iter().map(|h| html! { <th scope="col">{ *h }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for props.comparison.rows.iter().map(|row| html! {
                        <HandoutRow key={row.id.clone()} row={row.clone()} id_prefix={props.id_prefix.clone()} />
                    }) }
                </tbody>
            </table>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct HandoutRowProps {
    /// Compared by value: after a sort the same row is only moved, not rebuilt.
    row: OptionRow,
    id_prefix: AttrValue,
}

#[function_component]
fn HandoutRow(props: &HandoutRowProps) -> Html {
    let (row, prefix) = (&props.row, &props.id_prefix);
    html! {
        <tr>
            <th scope="row">{ row.name.clone() }</th>
            { for row.figures.iter().map(|f| html! { <td>{ figure_cell(f, prefix) }</td> }) }
            <td>{ row.hours_text() }</td>
            <td>{ row.invasiveness_text() }</td>
            <td>
                { match &row.cost {
                    Some(c) => html! { <>{ format!("{} {} ({}) ", c.amount, c.unit, c.price_year) }{ citation_links(&c.citation_numbers, prefix) }</> },
                    None => html! { "no verified price" },
                } }
            </td>
        </tr>
    }
}

fn figure_cell(figure: &Figure, prefix: &str) -> Html {
    if !figure.is_reported() {
        return html! { <em>{ "not reported" }</em> };
    }
    let mut detail: Vec<String> = Vec::new();
    if let Some(tier) = figure.tier {
        detail.push(format!("tier {tier:?}"));
    }
    if let Some(flag) = figure.flag() {
        detail.push(flag.to_string());
    }
    if let Some(n) = &figure.n {
        detail.push(format!("n {n}"));
    }
    if let Some(t) = &figure.timepoint {
        detail.push(t.clone());
    }
    html! {
        <>
            <strong>{ figure.value_text.clone() }</strong>
            { for figure.comparator.as_ref().map(|c| format!(" vs {}", c.summary())) }
            <br />
            <span class="trd-handout-detail">{ detail.join("; ") }{ " " }</span>
            { citation_links(&figure.citation_numbers, prefix) }
        </>
    }
}
