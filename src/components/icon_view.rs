use super::heading;
use super::outcome_words;
use super::select_field::select_field;
use std::rc::Rc;
use trd_core::icon_array::{icon_array_svg, IconGrid, IconTone};
use trd_core::model::Metric;
use trd_core::state::{Action, DENOMINATORS};
use trd_core::view_model::{Comparison, CHARTED_METRICS};
use trd_core::words::Words;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct IconViewProps {
    /// The language everything is written in.
    #[prop_or_default]
    pub words: Words,
    pub comparison: Rc<Comparison>,
    pub metric: Metric,
    pub denominator: u32,
    pub heading_level: u8,
    pub dispatch: Callback<Action>,
}

/// "Out of 100 people": each option's share beside its comparison group's, as whole people
/// with the figure as written beside them, the same denominator for every option.
#[function_component]
pub fn IconView(props: &IconViewProps) -> Html {
    let w = props.words;
    let t = w.t();
    let d = props.denominator;
    let out_of = d.to_string();
    let verb = match props.metric {
        Metric::Remission => t.icons_remitted,
        _ => t.icons_responded,
    };
    html! {
        <div class="trd-icons">
            <div class="trd-controls">
                { select_field(
                    t.outcome,
                    CHARTED_METRICS.iter().map(|&m| (metric_value(m).to_string(), outcome_words(m, w), m == props.metric)).collect(),
                    &props.dispatch,
                    |v| CHARTED_METRICS.into_iter().find(|&m| metric_value(m) == v).map(Action::ShowIconsFor),
                ) }
                { select_field(
                    t.out_of,
                    DENOMINATORS.iter().map(|n| (n.to_string(), w.fill(t.icons_people, &[("n", &n.to_string())]), *n == d)).collect(),
                    &props.dispatch,
                    |v| v.parse().ok().map(Action::OutOf),
                ) }
            </div>
            <p class="trd-hint">{ w.fill(t.icons_hint, &[("d", &out_of)]) }</p>
            <ul class="trd-icon-cards">
                { for props.comparison.rows.iter().filter_map(|row| row.figure(props.metric).map(|f| (row, f))).map(|(row, figure)| {
                    let option_array = figure.percent_text().map(|written| {
                        array(written, d, IconTone::Option, verb, &row.name, w)
                    });
                    let comparator = figure.comparator.as_ref();
                    let comparator_array = comparator.and_then(|c| c.percent_text().map(|written| {
                        array(written, d, IconTone::Comparator, verb, &c.group(w), w)
                    }));
                    html! {
                        <li class="trd-icon-card" key={row.id.clone()} data-option={row.id.clone()}>
                            { heading(props.heading_level, None, html! {{ row.name.clone() }}) }
                            { for figure.flag(w).map(|flag| html! { <span class="trd-flag">{ flag }</span> }) }
                            { for comparator.and_then(|c| c.difference_words(w)).map(|words| html! {
                                <span class="trd-flag trd-flag-difference">{ words }</span>
                            }) }
                            <div class={classes!("trd-icon-pair", (d >= 1000).then_some("trd-icon-pair-wide"))}>
                                { option_array.unwrap_or_else(|| html! { <p class="trd-missing">{ format!("{}: {}", outcome_words(props.metric, w), figure.value_text(w)) }</p> }) }
                                { comparator_array.unwrap_or_else(|| match comparator {
                                    Some(c) => html! { <p class="trd-missing">{ c.versus(w) }</p> },
                                    None => html! {},
                                }) }
                            </div>
                            if figure.is_reported() {
                                <p class="trd-hint">{ study_line(figure, w) }</p>
                            }
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}

/// The select's value for an outcome: stable across languages.
fn metric_value(metric: Metric) -> &'static str {
    trd_core::settings::metric_token(metric)
}

/// "Design; n = 1,371; after about 13 sessions".
fn study_line(figure: &trd_core::view_model::Figure, w: Words) -> String {
    [
        figure.design.clone(),
        figure
            .n
            .as_ref()
            .map(|n| w.fill(w.t().n_equals, &[("n", n)])),
        figure.timepoint.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join("; ")
}

/// One group's icons with "about 29 in 100 people responded (29.3%)" under them.
fn array(written: &str, d: u32, tone: IconTone, verb: &str, who: &str, w: Words) -> Html {
    let t = w.t();
    let people = w.people_in(written, d);
    let caption = w.fill(
        t.icons_caption,
        &[
            ("who", who),
            ("people", &people),
            ("verb", verb),
            ("figure", &w.percent(written)),
        ],
    );
    let picture = IconGrid::new(written, d).map(|grid| match icon_array_svg(&grid, tone) {
        Ok(svg) => html! {
            <div class="trd-icon-grid">
                { Html::from_html_unchecked(AttrValue::from(svg)) }
            </div>
        },
        Err(e) => html! { <p class="trd-error">{ e.to_string() }</p> },
    });
    html! {
        <figure class="trd-icon-figure">
            { for picture }
            <figcaption>{ caption }</figcaption>
        </figure>
    }
}
