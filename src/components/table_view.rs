use super::citation_links;
use crate::view_model::{Comparison, Figure, OptionRow};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TableViewProps {
    pub comparison: Rc<Comparison>,
    pub id_prefix: AttrValue,
}

/// The same figures as the charts, as a real table: the complete text alternative.
#[function_component]
pub fn TableView(props: &TableViewProps) -> Html {
    let prefix = &props.id_prefix;
    let caption_id = format!("{prefix}-table-caption");
    let burden_caption_id = format!("{prefix}-burden-table-caption");
    html! {
        <>
        // Scrolls sideways on narrow screens; focusable so keyboard users can scroll it too.
        <div class="trd-table-wrap" role="region" aria-labelledby={caption_id.clone()} tabindex="0">
            <table class="trd-table">
                <caption id={caption_id}>
                    { "Headline response and remission figures. Each comes from a different study: these are not head-to-head results." }
                </caption>
                <thead>
                    <tr>
                        { for ["Option", "Outcome", "Figure", "Compared with", "Study design", "People (n)", "Timepoint", "Evidence tier", "Sources"]
                            .iter().map(|h| html! { <th scope="col">{ *h }</th> }) }
                    </tr>
                </thead>
                { for props.comparison.rows.iter().map(|row| html! {
                    <tbody key={row.id.clone()} data-option={row.id.clone()}>
                        { for row.figures.iter().enumerate().map(|(i, figure)| html! {
                            <tr>
                                if i == 0 {
                                    <th scope="rowgroup" rowspan={row.figures.len().to_string()}>{ row.name.clone() }</th>
                                }
                                { cells(figure, prefix) }
                            </tr>
                        }) }
                    </tbody>
                }) }
            </table>
        </div>
        <div class="trd-table-wrap" role="region" aria-labelledby={burden_caption_id.clone()} tabindex="0">
            <table class="trd-table">
                <caption id={burden_caption_id}>
                    { "What each option involves and what it costs. Prices come from different sources, years and places, and cover different things." }
                </caption>
                <thead>
                    <tr>
                        { for ["Option", "Hours in clinic (estimate)", "Invasiveness", "Price", "Price year", "Sources for the price"]
                            .iter().map(|h| html! { <th scope="col">{ *h }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for props.comparison.rows.iter().map(|row| burden_row(row, prefix)) }
                </tbody>
            </table>
        </div>
        </>
    }
}

fn burden_row(row: &OptionRow, prefix: &str) -> Html {
    let (price, year, sources) = match &row.cost {
        Some(c) => (
            format!("{} {}", c.amount, c.unit),
            c.price_year.clone(),
            citation_links(&c.citation_numbers, prefix),
        ),
        None => ("no verified price".to_string(), String::new(), html! {}),
    };
    html! {
        <tr key={row.id.clone()} data-option={row.id.clone()}>
            <th scope="row">{ row.name.clone() }</th>
            <td>{ row.hours_text() }</td>
            <td>{ row.invasiveness_text() }</td>
            <td>{ price }</td>
            <td>{ year }</td>
            <td class="trd-col-sources">{ sources }</td>
        </tr>
    }
}

fn cells(figure: &Figure, prefix: &str) -> Html {
    let text = |value: Option<String>| value.unwrap_or_else(|| "not reported".to_string());
    html! {
        <>
            <td class="trd-col-outcome">{ figure.metric.label() }</td>
            <td class="trd-col-figure">
                <strong>{ figure.value_text.clone() }</strong>
                { for figure.flag().map(|flag| html! { <span class="trd-flag">{ flag }</span> }) }
            </td>
            <td>{ text(figure.comparator_text()) }</td>
            <td>{ text(figure.design.clone()) }</td>
            <td>{ text(figure.n.clone()) }</td>
            <td>{ text(figure.timepoint.clone()) }</td>
            <td>{ text(figure.tier_text()) }</td>
            <td class="trd-col-sources">{ citation_links(&figure.citation_numbers, prefix) }</td>
        </>
    }
}
