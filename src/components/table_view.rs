use crate::view_model::{Comparison, Figure};
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
    html! {
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
            <td class="trd-col-sources">
                { for figure.citation_numbers.iter().map(|n| html! {
                    <a class="trd-cite" href={format!("#{prefix}-cite-{n}")} aria-label={format!("Source {n}")}>{ format!("[{n}]") }</a>
                }) }
            </td>
        </>
    }
}
