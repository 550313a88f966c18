use super::{heading, SharedDataset};
use trd_core::model::{CitedText, Finding, TreatmentOption};
use trd_core::words::Words;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OptionDetailProps {
    /// The language everything is written in.
    #[prop_or_default]
    pub words: Words,
    pub data: SharedDataset,
    pub option_id: AttrValue,
    pub heading_level: u8,
}

/// Everything the data holds about one option: every finding (not only the headlines),
/// regulatory status, burden, cost, risks and caveats, each with its sources.
#[function_component]
pub fn OptionDetail(props: &OptionDetailProps) -> Html {
    let w = props.words;
    let t = w.t();
    let Some(option) = props.data.option(&props.option_id) else {
        return html! {};
    };
    let data = &props.data;
    let level = props.heading_level;
    let status_class = option.regulatory.status.token();
    let or_not_reported = |items: &[CitedText]| {
        if items.is_empty() {
            html! { <p>{ t.not_reported_sentence }</p> }
        } else {
            cited_list(data, items)
        }
    };
    html! {
        <div class="trd-detail">
            <p>{ option.description.clone() }</p>
            <p class="trd-badges">
                <span class={classes!("trd-badge", format!("trd-status-{status_class}"))}>
                    { w.regulatory(option.regulatory.status) }
                    { for option.regulatory.year.as_ref().map(|y| format!(" ({y})")) }
                </span>
                <span class="trd-badge">{ w.category(option.category) }</span>
                <span class="trd-badge">{ w.fill(t.invasiveness_badge, &[("level", &option.invasiveness.level.to_string()), ("words", w.invasiveness(option.invasiveness.level))]) }</span>
            </p>
            { heading(level, None, html! {{ t.regulatory_status }}) }
            <p>{ option.regulatory.summary.clone() }{ sources(data, &option.regulatory.citations) }</p>
            { cited_list(data, &option.regulatory.details) }
            { heading(level, None, html! {{ w.fill(t.all_findings, &[("count", &option.findings.len().to_string())]) }}) }
            { for option.headline_choice.as_ref().map(|why| html! { <p class="trd-hint">{ w.fill(t.why_headline, &[("why", why)]) }</p> }) }
            <ul class="trd-findings">
                { for option.findings.iter().map(|f| finding(data, f, w)) }
            </ul>
            { heading(level, None, html! {{ t.panel_burden }}) }
            { burden(data, option, w) }
            { heading(level, None, html! {{ t.cost }}) }
            { costs(data, option, w) }
            { heading(level, None, html! {{ t.key_risks }}) }
            { or_not_reported(&option.risks) }
            { heading(level, None, html! {{ t.caveats }}) }
            { or_not_reported(&option.caveats) }
        </div>
    }
}

fn finding(data: &SharedDataset, f: &Finding, w: Words) -> Html {
    let t = w.t();
    let label = f
        .label
        .clone()
        .unwrap_or_else(|| w.outcome(f.metric).to_string());
    let facts: Vec<String> = [
        f.arm.clone(),
        f.detail.clone(),
        f.comparator.as_ref().map(|c| {
            let group = match &c.value {
                Some(v) => format!("{} {}", c.label, w.value(v)),
                None => c.label.clone(),
            };
            let mut s = w.fill(t.compared_with_lower, &[("comparator", &group)]);
            if let Some(n) = &c.note {
                s.push_str(&format!("; {n}"));
            }
            s
        }),
        f.design.clone(),
        f.n.as_ref().map(|n| w.fill(t.n_equals, &[("n", n)])),
        f.population
            .as_ref()
            .map(|v| w.fill(t.finding_population, &[("value", v)])),
        f.timepoint
            .as_ref()
            .map(|v| w.fill(t.finding_timepoint, &[("value", v)])),
        f.definition
            .as_ref()
            .map(|v| w.fill(t.finding_definition, &[("value", v)])),
        f.tier.map(|tier| {
            w.fill(
                t.tier_lower,
                &[("tier", &w.tier_explained(tier, f.tier_note.as_deref()))],
            )
        }),
    ]
    .into_iter()
    .flatten()
    .collect();
    html! {
        <li class={classes!("trd-finding", f.headline.then_some("trd-finding-headline"))}>
            <strong>{ format!("{label}: {}", w.value(&f.value)) }</strong>
            { for f.headline.then(|| html! { <span class="trd-badge">{ t.headline_badge }</span> }) }
            { for f.tier.and_then(|tier| w.tier_flag(tier)).map(|flag| html! { <span class="trd-flag">{ flag }</span> }) }
            <span>{ format!(" — {}", facts.join("; ")) }</span>
            { sources(data, &f.citations) }
        </li>
    }
}

fn burden(data: &SharedDataset, option: &TreatmentOption, w: Words) -> Html {
    let t = w.t();
    let b = &option.burden;
    let items = b.statements();
    html! {
        <>
            { for b.in_clinic_hours.as_ref().map(|h| {
                let (low, high) = (w.decimal(&h.low), h.high.as_ref().map(|v| w.decimal(v)));
                let range = match (high, h.at_least) {
                    (Some(high), _) => w.fill(t.hours_range, &[("low", &low), ("high", &high)]),
                    (None, true) => w.fill(t.hours_at_least, &[("low", &low)]),
                    (None, false) => w.fill(t.hours_about, &[("low", &low)]),
                };
                html! {
                    <p>
                        <strong>{ w.fill(t.time_in_clinic, &[("range", &range), ("scope", &h.scope)]) }</strong>
                        { " " }{ w.fill(t.worked_out_as, &[("derivation", &h.derivation)]) }
                        { sources(data, &h.citations) }
                    </p>
                }
            }) }
            if items.is_empty() && b.notes.is_empty() && b.in_clinic_hours.is_none() {
                <p>{ t.not_reported_sentence }</p>
            }
            <ul>
                { for items.iter().map(|item| cited_item(data, item)) }
                { for b.notes.iter().map(|item| cited_item(data, item)) }
            </ul>
        </>
    }
}

fn costs(data: &SharedDataset, option: &TreatmentOption, w: Words) -> Html {
    let t = w.t();
    if option.costs.is_empty() && option.cost_notes.is_empty() {
        return html! { <p>{ t.not_reported_sentence }</p> };
    }
    html! {
        <ul>
            { for option.costs.iter().map(|c| {
                let mut facts = w.fill(t.price_facts, &[("currency", &c.currency), ("year", &c.price_year)]);
                if let Some(note) = &c.note {
                    facts.push_str(&format!("; {note}"));
                }
                html! {
                    <li>
                        { format!("{} ({facts})", c.text) }
                        { sources(data, &c.citations) }
                    </li>
                }
            }) }
            { for option.cost_notes.iter().map(|item| cited_item(data, item)) }
        </ul>
    }
}

fn cited_list(data: &SharedDataset, items: &[CitedText]) -> Html {
    if items.is_empty() {
        return html! {};
    }
    html! { <ul>{ for items.iter().map(|item| cited_item(data, item)) }</ul> }
}

fn cited_item(data: &SharedDataset, item: &CitedText) -> Html {
    html! { <li>{ item.text.clone() }{ sources(data, &item.citations) }</li> }
}

/// Sources as short author–year links that open in a new tab.
fn sources(data: &SharedDataset, ids: &[String]) -> Html {
    if ids.is_empty() {
        return html! {};
    }
    html! {
        <span class="trd-sources-inline">
            { " (" }
            { for ids.iter().enumerate().map(|(i, id)| {
                let sep = if i > 0 { "; " } else { "" };
                match data.citation(id) {
                    Some(c) => match c.link().filter(|l| trd_core::validate::is_web_link(l)) {
                        Some(link) => html! { <>{ sep }<a href={link} target="_blank" rel="noopener noreferrer">{ c.short_label() }</a></> },
                        None => html! { <>{ sep }{ c.short_label() }</> },
                    },
                    None => html! { <>{ sep }{ id.clone() }</> },
                }
            }) }
            { ")" }
        </span>
    }
}
