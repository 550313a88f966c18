use super::select_field::select_field;
use super::Heading;
use crate::icon_array::{icon_array_svg, per_denominator, IconGrid, IconTone, DENOMINATORS};
use crate::model::Metric;
use crate::state::Action;
use crate::view_model::{Comparison, CHARTED_METRICS};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct IconViewProps {
    pub comparison: Rc<Comparison>,
    pub metric: Metric,
    pub denominator: u32,
    pub heading_level: u8,
    pub dispatch: Callback<Action>,
}

/// "Out of 100 people": each option's share beside its comparison group's, the same
/// denominator for every option.
#[function_component]
pub fn IconView(props: &IconViewProps) -> Html {
    let d = props.denominator;
    let verb = match props.metric {
        Metric::Remission => "remitted",
        _ => "responded",
    };
    html! {
        <div class="trd-icons">
            <div class="trd-controls">
                { select_field(
                    "Outcome",
                    CHARTED_METRICS.iter().map(|m| (m.label().to_string(), m.label().to_string(), *m == props.metric)).collect(),
                    &props.dispatch,
                    |v| CHARTED_METRICS.into_iter().find(|m| m.label() == v).map(Action::ShowIconsFor),
                ) }
                { select_field(
                    "Out of",
                    DENOMINATORS.iter().map(|n| (n.to_string(), format!("{n} people"), *n == d)).collect(),
                    &props.dispatch,
                    |v| v.parse().ok().map(Action::OutOf),
                ) }
            </div>
            <p class="trd-hint">
                { format!("Each square is one person out of {d} in that study. A partly filled square is part of a person: the figures are not rounded.") }
            </p>
            <ul class="trd-icon-cards">
                { for props.comparison.rows.iter().filter_map(|row| row.figure(props.metric).map(|f| (row, f))).map(|(row, figure)| {
                    let option_array = figure.percent.zip(figure.percent_text.as_ref()).map(|(pct, text)| {
                        let grid = IconGrid::new(pct, d);
                        let label = format!("{} in {d} people {verb} with {}", per_denominator(text, d), row.name);
                        array(&grid, IconTone::Option, label.clone(), html! { <><strong>{ per_denominator(text, d) }</strong>{ format!(" in {d}") }</> }, &row.name)
                    });
                    let comparator = figure.comparator.as_ref();
                    let comparator_array = comparator.and_then(|c| c.percent.zip(c.percent_text.as_ref()).map(|(pct, text)| {
                        let grid = IconGrid::new(pct, d);
                        let label = format!("{} in {d} people {verb} with {}", per_denominator(text, d), c.label);
                        array(&grid, IconTone::Comparator, label, html! { <><strong>{ per_denominator(text, d) }</strong>{ format!(" in {d}") }</> }, &c.label)
                    }));
                    html! {
                        <li class="trd-icon-card" key={row.id.clone()} data-option={row.id.clone()}>
                            <Heading level={props.heading_level}>{ row.name.clone() }</Heading>
                            { for figure.flag().map(|flag| html! { <span class="trd-flag">{ flag }</span> }) }
                            <div class="trd-icon-pair">
                                { option_array.unwrap_or_else(|| html! { <p class="trd-missing">{ format!("{}: not reported", props.metric.label()) }</p> }) }
                                { comparator_array.unwrap_or_else(|| match comparator {
                                    Some(c) if c.label == "none" => html! { <p class="trd-missing">{ "No comparison group" }</p> },
                                    Some(c) => html! { <p class="trd-missing">{ format!("Compared with {}", c.summary()) }</p> },
                                    None => html! {},
                                }) }
                            </div>
                            if figure.is_reported() {
                                <p class="trd-hint">
                                    { [figure.design.clone(), figure.n.as_ref().map(|n| format!("n = {n}")), figure.timepoint.clone()]
                                        .into_iter().flatten().collect::<Vec<_>>().join("; ") }
                                </p>
                            }
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}

fn array(grid: &IconGrid, tone: IconTone, label: String, caption: Html, who: &str) -> Html {
    let svg = match icon_array_svg(grid, tone) {
        Ok(svg) => Html::from_html_unchecked(AttrValue::from(crate::chart::themeable(&svg))),
        Err(e) => html! { <p class="trd-error">{ e.to_string() }</p> },
    };
    html! {
        <figure class="trd-icon-figure">
            <div class="trd-icon-grid" role="img" aria-label={label}>{ svg }</div>
            <figcaption>{ format!("{who}: ") }{ caption }</figcaption>
        </figure>
    }
}
