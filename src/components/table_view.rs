use super::citation_links;
use std::rc::Rc;
use trd_core::view_model::{Comparison, Figure, NumberedCitation, OptionRow};
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
        // On a phone each option becomes a card of labelled lines (the roles keep the table's
        // meaning when CSS lays it out as blocks); wider, a region that can scroll sideways.
        <div class="trd-table-wrap" role="region" aria-labelledby={caption_id.clone()} tabindex="0">
            <table class="trd-table" role="table">
                <caption id={caption_id}>
                    { w.fill(t.table_caption, &[("note", &w.sentence_continues(t.note_not_head_to_head))]) }
                </caption>
                <thead role="rowgroup">
                    <tr role="row">{ for figure_columns.iter().map(|h| html! { <th scope="col" role="columnheader">{ *h }</th> }) }</tr>
                </thead>
                { for props.comparison.rows.iter().map(|row| html! {
                    <tbody key={row.id.clone()} data-option={row.id.clone()} role="rowgroup">
                        { for row.figures.iter().enumerate().map(|(i, figure)| html! {
                            <tr role="row">
                                if i == 0 {
                                    <th scope="rowgroup" role="rowheader" rowspan={row.figures.len().to_string()}>{ row.name.clone() }</th>
                                }
                                { cells(figure, prefix, &props.comparison.citations, w) }
                            </tr>
                        }) }
                    </tbody>
                }) }
            </table>
        </div>
        <div class="trd-table-wrap" role="region" aria-labelledby={burden_caption_id.clone()} tabindex="0">
            <table class="trd-table" role="table">
                <caption id={burden_caption_id}>{ t.burden_table_caption }</caption>
                <thead role="rowgroup">
                    <tr role="row">{ for burden_columns.iter().map(|h| html! { <th scope="col" role="columnheader">{ *h }</th> }) }</tr>
                </thead>
                <tbody role="rowgroup">
                    { for props.comparison.rows.iter().map(|row| burden_row(row, prefix, &props.comparison.citations, w)) }
                </tbody>
            </table>
        </div>
        </>
    }
}

fn burden_row(row: &OptionRow, prefix: &str, citations: &[NumberedCitation], w: Words) -> Html {
    let t = w.t();
    let (price, year, sources) = match &row.cost {
        Some(c) => (
            format!("{} {}", c.amount(w), w.cost_unit(c.unit)),
            c.price_year.clone(),
            citation_links(&c.citation_numbers, prefix, citations, w),
        ),
        None => (w.t().chart_no_price.to_string(), String::new(), html! {}),
    };
    // Without a price, its year and sources are not "not reported" but moot: left blank in the
    // table, and left out where each row is a card (a label with nothing after it).
    let moot = row.cost.is_none().then_some("trd-moot");
    html! {
        <tr key={row.id.clone()} data-option={row.id.clone()} role="row">
            <th scope="row" role="rowheader">{ row.name.clone() }</th>
            <td role="cell" data-label={t.hours_in_clinic_estimate}>{ row.hours_text(w) }</td>
            <td role="cell" data-label={t.invasiveness}>{ row.invasiveness_text(w) }</td>
            <td role="cell" data-label={t.price}>{ price }</td>
            <td role="cell" class={moot} data-label={t.price_year}>{ year }</td>
            <td role="cell" class={classes!("trd-col-sources", moot)} data-label={t.price_sources}>{ sources }</td>
        </tr>
    }
}

fn cells(figure: &Figure, prefix: &str, citations: &[NumberedCitation], w: Words) -> Html {
    let t = w.t();
    let text = |value: Option<String>| value.unwrap_or_else(|| t.not_reported.to_string());
    html! {
        <>
            <td role="cell" class="trd-col-outcome" data-label={t.outcome}>{ w.outcome(figure.metric) }</td>
            <td role="cell" class="trd-col-figure" data-label={t.figure}>
                <strong>{ figure.value_text(w) }</strong>
                { for figure.flag(w).map(|flag| html! { <span class="trd-flag">{ flag }</span> }) }
            </td>
            <td role="cell" data-label={t.compared_with}>{ text(figure.comparator_text(w)) }</td>
            <td role="cell" data-label={t.study_design}>{ text(figure.design.clone()) }</td>
            <td role="cell" data-label={t.people_n}>{ text(figure.n.clone()) }</td>
            <td role="cell" data-label={t.timepoint}>{ text(figure.timepoint.clone()) }</td>
            <td role="cell" data-label={t.evidence_tier}>{ text(figure.tier_text(w)) }</td>
            <td role="cell" class="trd-col-sources" data-label={t.sources}>{ citation_links(&figure.citation_numbers, prefix, citations, w) }</td>
        </>
    }
}
