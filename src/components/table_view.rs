use super::citation_links;
use std::rc::Rc;
use trd_core::view_model::{Comparison, Figure, OptionRow};
use trd_core::words::Words;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TableViewProps {
    /// The language everything is written in.
    #[prop_or_default]
    pub words: Words,
    pub comparison: Rc<Comparison>,
    pub id_prefix: AttrValue,
}

/// The same figures as the charts, as a real table: the complete text alternative.
#[function_component]
pub fn TableView(props: &TableViewProps) -> Html {
    let w = props.words;
    let t = w.t();
    let prefix = &props.id_prefix;
    let caption_id = format!("{prefix}-table-caption");
    let burden_caption_id = format!("{prefix}-burden-table-caption");
    let figure_columns = [
        t.option,
        t.outcome,
        t.figure,
        t.compared_with,
        t.study_design,
        t.people_n,
        t.timepoint,
        t.evidence_tier,
        t.sources,
    ];
    let burden_columns = [
        t.option,
        t.hours_in_clinic_estimate,
        t.invasiveness,
        t.price,
        t.price_year,
        t.price_sources,
    ];
    html! {
        <>
        // Scrolls sideways on narrow screens; focusable so keyboard users can scroll it too.
        <div class="trd-table-wrap" role="region" aria-labelledby={caption_id.clone()} tabindex="0">
            <table class="trd-table">
                <caption id={caption_id}>
                    { w.fill(t.table_caption, &[("note", &w.sentence_continues(t.note_not_head_to_head))]) }
                </caption>
                <thead>
                    <tr>{ for figure_columns.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }</tr>
                </thead>
                { for props.comparison.rows.iter().map(|row| html! {
                    <tbody key={row.id.clone()} data-option={row.id.clone()}>
                        { for row.figures.iter().enumerate().map(|(i, figure)| html! {
                            <tr>
                                if i == 0 {
                                    <th scope="rowgroup" rowspan={row.figures.len().to_string()}>{ row.name.clone() }</th>
                                }
                                { cells(figure, prefix, w) }
                            </tr>
                        }) }
                    </tbody>
                }) }
            </table>
        </div>
        <div class="trd-table-wrap" role="region" aria-labelledby={burden_caption_id.clone()} tabindex="0">
            <table class="trd-table">
                <caption id={burden_caption_id}>{ t.burden_table_caption }</caption>
                <thead>
                    <tr>{ for burden_columns.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }</tr>
                </thead>
                <tbody>
                    { for props.comparison.rows.iter().map(|row| burden_row(row, prefix, w)) }
                </tbody>
            </table>
        </div>
        </>
    }
}

fn burden_row(row: &OptionRow, prefix: &str, w: Words) -> Html {
    let (price, year, sources) = match &row.cost {
        Some(c) => (
            format!("{} {}", c.amount(w), w.cost_unit(c.unit)),
            c.price_year.clone(),
            citation_links(&c.citation_numbers, prefix, w),
        ),
        None => (w.t().chart_no_price.to_string(), String::new(), html! {}),
    };
    html! {
        <tr key={row.id.clone()} data-option={row.id.clone()}>
            <th scope="row">{ row.name.clone() }</th>
            <td>{ row.hours_text(w) }</td>
            <td>{ row.invasiveness_text(w) }</td>
            <td>{ price }</td>
            <td>{ year }</td>
            <td class="trd-col-sources">{ sources }</td>
        </tr>
    }
}

fn cells(figure: &Figure, prefix: &str, w: Words) -> Html {
    let t = w.t();
    let text = |value: Option<String>| value.unwrap_or_else(|| t.not_reported.to_string());
    html! {
        <>
            <td class="trd-col-outcome">{ w.metric(figure.metric) }</td>
            <td class="trd-col-figure">
                <strong>{ figure.value_text(w) }</strong>
                { for figure.flag(w).map(|flag| html! { <span class="trd-flag">{ flag }</span> }) }
            </td>
            <td>{ text(figure.comparator_text(w)) }</td>
            <td>{ text(figure.design.clone()) }</td>
            <td>{ text(figure.n.clone()) }</td>
            <td>{ text(figure.timepoint.clone()) }</td>
            <td>{ text(figure.tier_text(w)) }</td>
            <td class="trd-col-sources">{ citation_links(&figure.citation_numbers, prefix, w) }</td>
        </>
    }
}
