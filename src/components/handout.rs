use super::{citation_links, heading};
use std::rc::Rc;
use trd_core::chart::FigureBars;
use trd_core::model::Metric;
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
    /// The dataset's crisis line, printed first.
    #[prop_or_default]
    pub crisis_line: Option<AttrValue>,
}

/// The printed handout (at most two pages, 9 pt and up): the crisis line and questions to
/// take to a clinician first, a compact chart of every shown option's figures, then the table
/// of each figure's comparison group, people, timepoint, tier and sources (the numbered list of
/// sources follows the handout). Built only while printing.
#[function_component]
pub fn Handout(props: &HandoutProps) -> Html {
    let w = props.words;
    let t = w.t();
    html! {
        <div class="trd-handout">
            { for props.crisis_line.as_ref().map(|line| html! {
                <p class="trd-handout-crisis"><strong>{ t.crisis_lead }</strong>{ " " }{ line.clone() }</p>
            }) }
            { heading(props.heading_level, None, html! {{ t.handout_questions_title }}) }
            <ul class="trd-handout-questions">
                { for t.handout_questions.split('|').map(|q| html! { <li>{ q.trim() }</li> }) }
            </ul>
            { heading(props.heading_level, None, html! {{ t.handout_title }}) }
            <ol class="trd-handout-chart">
                { for props.comparison.rows.iter().map(|row| html! {
                    <li key={row.id.clone()}>
                        <span class="trd-handout-name">{ row.name.clone() }</span>
                        { for row.figures.iter().map(|f| chart_cell(f, w)) }
                    </li>
                }) }
            </ol>
            <table class="trd-handout-table">
                <thead>
                    <tr>
                        { for [t.option, w.outcome(Metric::Response), w.outcome(Metric::Remission)]
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

/// One figure of the compact chart: its outcome, the rate as written and its bars.
fn chart_cell(figure: &Figure, w: Words) -> Html {
    let bars = FigureBars::of(figure).and_then(|b| b.svg().ok());
    html! {
        <span class="trd-handout-figure">
            <span class="trd-handout-outcome">{ w.outcome_briefly(figure.metric) }</span>
            { " " }<strong>{ figure.value_text(w) }</strong>
            { for bars.map(|svg| html! { <span class="trd-fig-bars">{ Html::from_html_unchecked(AttrValue::from(svg)) }</span> }) }
        </span>
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
    let price = match &row.cost {
        Some(c) => {
            html! { <>{ format!("{} {} ({}) ", c.amount(w), w.cost_unit(c.unit), c.price_year) }{ citation_links(&c.citation_numbers, prefix, &props.citations, w) }</> }
        }
        None => html! { w.t().chart_no_price },
    };
    html! {
        <tr>
            <th scope="row">
                { row.name.clone() }
                <span class="trd-handout-detail">
                    { w.invasiveness(row.invasiveness) }{ " · " }
                    { for row.clinic_hours.as_ref().map(|h| format!("{} · ", w.fill(w.t().card_hours, &[("hours", &h.text(w))]))) }
                    { price }
                </span>
            </th>
            { for [Metric::Response, Metric::Remission].iter().map(|m| html! {
                <td>{ row.figure(*m).map_or_else(|| html! { <em>{ w.t().not_reported }</em> }, |f| figure_cell(f, prefix, &props.citations, w)) }</td>
            }) }
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
            { for figure.comparator.as_ref().map(|c| format!(" {}", c.versus_briefly(w))) }
            { for figure.comparator.as_ref().and_then(|c| c.difference_words(w)).map(|d| format!(" · {d}")) }
            <br />
            <span class="trd-handout-detail">{ detail.join("; ") }{ " " }</span>
            { citation_links(&figure.citation_numbers, prefix, citations, w) }
        </>
    }
}
