//! Where a figure or a price comes from, as a figure's details show it, and the numbered links
//! to its sources.

use crate::browser;
use trd_core::model::ComparatorKind;
use trd_core::view_model::{CostView, Figure, NumberedCitation};
use trd_core::words::Words;
use yew::prelude::*;

/// One figure's provenance: value, comparison group (and what that kind of group means),
/// design, n, timepoint, population, definition, tier, numbered sources, and the abbreviations
/// used in all of these, spelled out.
pub fn figure_view(
    figure: &Figure,
    prefix: &str,
    citations: &[NumberedCitation],
    w: Words,
) -> Html {
    let t = w.t();
    let metric = w.outcome(figure.metric);
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
    let kind = figure.comparator.as_ref().map(|c| {
        format!(
            "{}: {}",
            w.sentence_start(w.comparator_kind(c.kind)),
            kind_meaning(c.kind, w)
        )
    });
    let texts = [
        figure.comparator.as_ref().map(|c| c.label.as_str()),
        figure.comparator.as_ref().and_then(|c| c.note.as_deref()),
        figure.arm.as_deref(),
        figure.design.as_deref(),
        figure.population.as_deref(),
        figure.timepoint.as_deref(),
        figure.definition.as_deref(),
        figure.tier_note.as_deref(),
    ];
    let terms = w.terms_in(texts.into_iter().flatten());
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
                if let Some(kind) = kind {
                    <dt>{ t.kind_of_group }</dt><dd>{ kind }</dd>
                }
                { row(t.study_design, &figure.design) }
                { row(t.people_n, &figure.n) }
                { row(t.timepoint, &figure.timepoint) }
                { row(t.who_was_studied, &figure.population) }
                { row(t.outcome_definition, &figure.definition) }
                { row(t.evidence_tier, &figure.tier_text(w)) }
                <dt>{ t.sources }</dt>
                <dd>{ citation_links(&figure.citation_numbers, prefix, citations, w) }</dd>
                if !terms.is_empty() {
                    <dt>{ t.terms_used }</dt>
                    <dd><ul class="trd-terms">
                        { for terms.iter().map(|(term, words)| html! { <li><b>{ format!("{term}:") }</b>{ " " }{ *words }</li> }) }
                    </ul></dd>
                }
            </dl>
        </div>
    }
}

/// What a kind of comparison group means, for a reader who has not met the word.
pub fn kind_meaning(kind: ComparatorKind, w: Words) -> &'static str {
    let t = w.t();
    match kind {
        ComparatorKind::Sham => t.meaning_sham,
        ComparatorKind::Placebo => t.meaning_placebo,
        ComparatorKind::UsualCare => t.meaning_usual_care,
        ComparatorKind::Active => t.meaning_active,
        ComparatorKind::Subgroup => t.meaning_subgroup,
        ComparatorKind::None => t.meaning_none,
    }
}

/// A headline price with its provenance: the source's own words, price year, note, sources.
pub fn cost_view(cost: &CostView, prefix: &str, citations: &[NumberedCitation], w: Words) -> Html {
    let t = w.t();
    html! {
        <div class="trd-figure">
            <p class="trd-figure-value">
                <span class="trd-metric">{ t.price_prefix }</span>
                <strong>{ cost.amount(w) }</strong>{ format!(" {}", w.cost_unit(cost.unit)) }
            </p>
            <dl class="trd-provenance">
                <dt>{ t.price_as_written }</dt><dd>{ cost.text.clone() }</dd>
                <dt>{ t.price_year }</dt><dd>{ cost.price_year.clone() }</dd>
                <dt>{ t.currency }</dt><dd>{ cost.currency.clone() }</dd>
                { for cost.note.as_ref().map(|note| html! { <><dt>{ t.note }</dt><dd>{ note.clone() }</dd></> }) }
                <dt>{ t.sources }</dt>
                <dd>{ citation_links(&cost.citation_numbers, prefix, citations, w) }</dd>
            </dl>
        </div>
    }
}

/// "[3] [7]": links that bring each numbered source into view and focus (opening the folded
/// list of sources), each named by its source.
pub fn citation_links(
    numbers: &[usize],
    prefix: &str,
    citations: &[NumberedCitation],
    w: Words,
) -> Html {
    numbers
        .iter()
        .map(|&n| {
            let id = format!("{prefix}-cite-{n}");
            let source = citations
                .get(n.wrapping_sub(1))
                .map(|c| c.citation.short_label())
                .unwrap_or_default();
            let onclick = {
                let id = id.clone();
                Callback::from(move |e: MouseEvent| browser::reveal(&e, &id))
            };
            html! {
                <a class="trd-cite" href={format!("#{id}")} {onclick}
                   aria-label={w.fill(w.t().source_named, &[("n", &n.to_string()), ("source", &source)])}>
                    { format!("[{n}]") }
                </a>
            }
        })
        .collect()
}
