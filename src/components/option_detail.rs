use super::{Heading, SharedDataset};
use crate::model::{CitedText, Finding, TreatmentOption};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OptionDetailProps {
    pub data: SharedDataset,
    pub option_id: AttrValue,
    pub heading_level: u8,
}

/// Everything the data holds about one option: every finding (not only the headlines),
/// regulatory status, burden, cost, risks and caveats, each with its sources.
#[function_component]
pub fn OptionDetail(props: &OptionDetailProps) -> Html {
    let Some(option) = props.data.option(&props.option_id) else {
        return html! {};
    };
    let level = props.heading_level;
    html! {
        <div class="trd-detail">
            <p>{ option.description.clone() }</p>
            <p class="trd-badges">
                <span class={classes!("trd-badge", format!("trd-status-{:?}", option.regulatory.status).to_lowercase())}>
                    { option.regulatory.status.label() }
                    { for option.regulatory.year.as_ref().map(|y| format!(" ({y})")) }
                </span>
                <span class="trd-badge">{ option.category.label() }</span>
                <span class="trd-badge">{ format!("Invasiveness {} of 4: {}", option.invasiveness.level, option.invasiveness.level_label()) }</span>
            </p>
            <Heading {level}>{ "Regulatory status" }</Heading>
            <p>{ option.regulatory.summary.clone() }{ sources(&props.data, &option.regulatory.citations) }</p>
            { cited_list(&props.data, &option.regulatory.details) }
            <Heading {level}>{ format!("All findings ({})", option.findings.len()) }</Heading>
            { for option.headline_choice.as_ref().map(|why| html! { <p class="trd-hint">{ format!("Why the headline figures: {why}") }</p> }) }
            <ul class="trd-findings">
                { for option.findings.iter().map(|f| finding(&props.data, f)) }
            </ul>
            <Heading {level}>{ "What it involves" }</Heading>
            { burden(&props.data, option) }
            <Heading {level}>{ "Cost" }</Heading>
            { costs(&props.data, option) }
            <Heading {level}>{ "Key risks" }</Heading>
            { if option.risks.is_empty() { html! { <p>{ "Not reported." }</p> } } else { cited_list(&props.data, &option.risks) } }
            <Heading {level}>{ "Caveats" }</Heading>
            { if option.caveats.is_empty() { html! { <p>{ "Not reported." }</p> } } else { cited_list(&props.data, &option.caveats) } }
        </div>
    }
}

fn finding(data: &SharedDataset, f: &Finding) -> Html {
    let label = f
        .label
        .clone()
        .unwrap_or_else(|| f.metric.label().to_string());
    let facts: Vec<String> = [
        f.arm.clone(),
        f.detail.clone(),
        f.comparator.as_ref().map(|c| {
            let mut s = format!("compared with {}", c.label);
            if let Some(v) = &c.value {
                s.push_str(&format!(" {}", v.display()));
            }
            if let Some(n) = &c.note {
                s.push_str(&format!("; {n}"));
            }
            s
        }),
        f.design.clone(),
        f.n.as_ref().map(|n| format!("n = {n}")),
        f.population.clone(),
        f.timepoint.clone(),
        f.definition.clone(),
        f.tier
            .map(|t| format!("tier {}", t.explained(f.tier_note.as_deref()))),
    ]
    .into_iter()
    .flatten()
    .collect();
    html! {
        <li class={classes!("trd-finding", f.headline.then_some("trd-finding-headline"))}>
            <strong>{ format!("{label}: {}", f.value.display()) }</strong>
            { for f.headline.then(|| html! { <span class="trd-badge">{ "headline" }</span> }) }
            { for f.tier.and_then(crate::model::Tier::flag).map(|flag| html! { <span class="trd-flag">{ flag }</span> }) }
            <span>{ format!(" — {}", facts.join("; ")) }</span>
            { sources(data, &f.citations) }
        </li>
    }
}

fn burden(data: &SharedDataset, option: &TreatmentOption) -> Html {
    let b = &option.burden;
    let items = b.items();
    html! {
        <>
            { for b.in_clinic_hours.as_ref().map(|h| {
                let range = match (&h.high, h.at_least) {
                    (Some(high), _) => format!("{}–{} h", h.low, high),
                    (None, true) => format!("at least {} h", h.low),
                    (None, false) => format!("about {} h", h.low),
                };
                html! {
                    <p>
                        <strong>{ format!("Time in clinic (estimate): {range}, {}.", h.scope) }</strong>
                        { format!(" Worked out as {}.", h.derivation) }
                        { sources(data, &h.citations) }
                    </p>
                }
            }) }
            if items.is_empty() && b.notes.is_empty() && b.in_clinic_hours.is_none() {
                <p>{ "Not reported." }</p>
            }
            <ul>
                { for items.iter().map(|(_, item)| cited_item(data, item)) }
                { for b.notes.iter().map(|item| cited_item(data, item)) }
            </ul>
        </>
    }
}

fn costs(data: &SharedDataset, option: &TreatmentOption) -> Html {
    if option.costs.is_empty() && option.cost_notes.is_empty() {
        return html! { <p>{ "Not reported." }</p> };
    }
    html! {
        <ul>
            { for option.costs.iter().map(|c| html! {
                <li>
                    { format!("{} ({}, price year {}", c.text, c.currency, c.price_year) }
                    { for c.note.as_ref().map(|n| format!("; {n}")) }
                    { ")" }
                    { sources(data, &c.citations) }
                </li>
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
                    Some(c) => match c.link().filter(|l| crate::validate::is_web_link(l)) {
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
