use super::{figure_view, heading, OptionDetail, SharedDataset};
use crate::browser;
use std::rc::Rc;
use trd_core::chart::{ratios_svg, studies_svg, FigureBars};
use trd_core::model::Metric;
use trd_core::state::{Action, Panel};
use trd_core::view_model::{Comparison, Figure, NumberedCitation, OptionRow, Studies};
use trd_core::words::Words;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AnswerListProps {
    /// The language everything is written in.
    #[prop_or_default]
    pub words: Words,
    pub comparison: Rc<Comparison>,
    pub data: SharedDataset,
    /// The outcomes each card shows, in order (response, remission or both).
    pub metrics: Rc<[Metric]>,
    pub heading_level: u8,
    pub id_prefix: AttrValue,
    /// The figure whose details are open: (option id, outcome).
    #[prop_or_default]
    pub open_figure: Option<(AttrValue, Metric)>,
    /// The option whose full details are open.
    #[prop_or_default]
    pub open_option: Option<AttrValue>,
    /// Every study's rate under each headline figure.
    #[prop_or_default]
    pub every_study: bool,
    #[prop_or_default]
    pub dispatch: Callback<Action>,
}

/// The answer first: one card per option with how many people got much better and how many
/// were well again, each beside its comparison group in plain words and its source, the bars
/// on one shared scale. A figure opens its study details in place; the card opens everything
/// else the data holds about the option.
#[function_component]
pub fn AnswerList(props: &AnswerListProps) -> Html {
    let w = props.words;
    let t = w.t();
    let every_study = props.every_study;
    html! {
        <>
        if every_study {
            <p class="trd-every-study-key">{ t.every_study_key }</p>
        }
        <ol class="trd-answers" aria-label={t.answers_label}>
            { for props.comparison.rows.iter().map(|row| {
                let open = props.open_figure.as_ref()
                    .filter(|(id, _)| id.as_str() == row.id)
                    .map(|(_, metric)| *metric);
                html! {
                    <OptionCard key={row.id.clone()} {w} row={row.clone()} citations={props.comparison.citations.clone()}
                        data={props.data.clone()} metrics={props.metrics.clone()}
                        heading_level={props.heading_level} id_prefix={props.id_prefix.clone()}
                        {open} option_open={props.open_option.as_deref() == Some(row.id.as_str())}
                        {every_study} dispatch={props.dispatch.clone()} />
                }
            }) }
        </ol>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct OptionCardProps {
    w: Words,
    /// Compared by value: after a sort the same card is skipped and only moved.
    row: OptionRow,
    citations: Rc<[NumberedCitation]>,
    data: SharedDataset,
    metrics: Rc<[Metric]>,
    heading_level: u8,
    id_prefix: AttrValue,
    open: Option<Metric>,
    option_open: bool,
    every_study: bool,
    dispatch: Callback<Action>,
}

#[function_component]
fn OptionCard(props: &OptionCardProps) -> Html {
    let (w, row) = (props.w, &props.row);
    let t = w.t();
    let prefix = &props.id_prefix;
    let terms = w.terms_in([row.name.as_str()]);
    let detail_id = format!("{prefix}-detail-{}", row.id);
    let toggle_option = {
        let (dispatch, id) = (props.dispatch.clone(), row.id.clone());
        Callback::from(move |_| dispatch.emit(Action::ToggleOption(id.clone())))
    };
    let involves = [
        w.sentence_start(w.invasiveness(row.invasiveness)),
        match &row.clinic_hours {
            Some(hours) => w.fill(t.card_hours, &[("hours", &hours.text(w))]),
            None => t.card_no_hours.to_string(),
        },
    ]
    .join(" · ");
    // What opens comes into view under the figure or the name, which stay where they were.
    let card = use_node_ref();
    {
        let (card, prefix, id) = (card.clone(), prefix.clone(), row.id.clone());
        use_effect_with(
            (props.open, props.option_open),
            move |(open, option_open)| {
                if let Some(metric) = open {
                    let slug = trd_core::settings::metric_token(*metric);
                    browser::bring_into_view(&card, &format!("{prefix}-{slug}-details-{id}"));
                } else if *option_open {
                    browser::bring_into_view(&card, &format!("{prefix}-detail-{id}"));
                }
            },
        );
    }
    let more = if props.option_open {
        t.card_less_short
    } else {
        t.card_more_short
    };
    html! {
        <li class="trd-card" data-option={row.id.clone()} ref={card}>
            <div class="trd-card-head">
                { heading(props.heading_level, None, html! {{ row.name.clone() }}) }
                <button type="button" class="trd-more" onclick={toggle_option}
                    aria-expanded={props.option_open.to_string()} aria-controls={detail_id.clone()}
                    aria-label={w.fill(t.card_more_label, &[("more", more), ("option", &row.name)])}>
                    { more }
                </button>
            </div>
            if !terms.is_empty() {
                <p class="trd-card-terms">
                    { terms.iter().map(|(term, words)| format!("{term}: {words}")).collect::<Vec<_>>().join(" · ") }
                </p>
            }
            <p class="trd-card-involves">{ involves }</p>
            if row.figures_from_different_studies() && props.metrics.len() > 1 {
                <p class="trd-card-note">{ t.card_different_studies }</p>
            }
            <div class="trd-card-figures">
                { for props.metrics.iter().filter_map(|&metric| {
                    let figure = row.figure(metric)?;
                    Some(figure_line(props, figure, metric))
                }) }
            </div>
            <div id={detail_id} class="trd-card-detail">
                if props.option_open {
                    <OptionDetail words={w} data={props.data.clone()} option_id={AttrValue::from(row.id.clone())}
                        heading_level={props.heading_level.saturating_add(1).min(6)} />
                }
            </div>
        </li>
    }
}

/// One figure of a card: a button that reads the figure in full (outcome, the rate as written
/// and in whole people, its comparison group, its source), and its study details beneath it
/// when open. Escape closes them and puts focus back on the figure.
fn figure_line(props: &OptionCardProps, figure: &Figure, metric: Metric) -> Html {
    let (w, row) = (props.w, &props.row);
    let t = w.t();
    let slug = trd_core::settings::metric_token(metric);
    let button_id = format!("{}-{slug}-hit-{}", props.id_prefix, row.id);
    let details_id = format!("{}-{slug}-details-{}", props.id_prefix, row.id);
    let open = props.open == Some(metric);
    let toggle = {
        let (dispatch, id) = (props.dispatch.clone(), row.id.clone());
        Callback::from(move |_| {
            dispatch.emit(Action::OpenFigure(id.clone(), Panel::Metric(metric)))
        })
    };
    let close = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |()| dispatch.emit(Action::CloseFigure))
    };
    let on_key = {
        let (close, button_id) = (close.clone(), button_id.clone());
        Callback::from(move |e: KeyboardEvent| {
            if open && e.key() == "Escape" {
                e.prevent_default();
                // Consumed here: a slide deck around the widget must not also act on it.
                e.stop_propagation();
                close.emit(());
                browser::focus_by_id(&e, &button_id);
            }
        })
    };
    // The rate as written, with the whole people beside it; other values in words.
    let (value, people) = match figure.percent_text() {
        Some(written) => (w.percent(written), Some(w.people_in(written, 100))),
        None => (figure.value_text(w), None),
    };
    let compare = match &figure.comparator {
        Some(c) => c.versus_briefly(w),
        None if figure.is_reported() => t.chart_comparison_not_reported.to_string(),
        None => String::new(),
    };
    // Against another treatment, which group of its study the figure is of, beside its own
    // people: "about 26 in 100 (switch to bupropion SR)" over "vs another treatment (switching
    // to sertraline)", where "Switch antidepressant" beside "switching to sertraline" would
    // compare a thing with itself.
    let arm = match (&figure.arm, &figure.comparator) {
        (Some(arm), Some(c)) if c.kind == trd_core::model::ComparatorKind::Active => Some(arm),
        _ => None,
    };
    // Its own span: presenter mode leaves it out, where a page of four options must fit.
    let arm = arm
        .filter(|_| people.is_some())
        .map(|arm| html! { <span class="trd-fig-arm">{ " " }{ w.fill(t.arm_in_brackets, &[("arm", arm)]) }</span> });
    let sources: Vec<String> = figure
        .citation_numbers
        .iter()
        .filter_map(|n| props.citations.get(n - 1))
        .map(|c| c.brief.clone())
        .collect();
    let bars = match FigureBars::of(figure).map(|b| b.svg()) {
        Some(Ok(svg)) => html! {
            <span class="trd-fig-bars">{ Html::from_html_unchecked(AttrValue::from(svg)) }</span>
        },
        _ => Html::default(),
    };
    html! {
        <div class={classes!("trd-fig", open.then_some("trd-fig-open"))} data-figure={slug} onkeydown={on_key}>
            <button type="button" class="trd-fig-button" id={button_id} onclick={toggle}
                aria-expanded={open.to_string()} aria-controls={details_id.clone()}>
                <span class="trd-fig-head">
                    <span class="trd-fig-label">
                        { w.outcome_briefly(metric) }
                        <span class="trd-fig-term">{ format!(" ({})", w.metric_lower(metric)) }</span>
                    </span>
                    { " " }<strong class="trd-fig-value">{ value }</strong>
                </span>
                { for people.map(|p| html! { <span class="trd-fig-people">{ p }{ for arm }</span> }) }
                { bars }
                if !compare.is_empty() {
                    <span class="trd-fig-compare">{ compare }</span>
                }
                { for figure.comparator.as_ref().and_then(|c| c.difference_words(w)).map(|words| html! {
                    <span class="trd-flag trd-flag-difference">{ words }</span>
                }) }
                { for figure.flag(w).map(|f| html! { <span class="trd-flag">{ f }</span> }) }
                if figure.is_reported() {
                    <span class="trd-fig-source">
                        <span class="trd-info" aria-hidden="true">{ "i" }</span>
                        <span class="trd-visually-hidden">{ t.fig_source_lead }</span>
                        { sources.join("; ") }
                        <span class="trd-fig-more">{ " · " }<span class="trd-fig-more-words">{ if open { t.fig_less } else { t.fig_more } }</span></span>
                    </span>
                }
            </button>
            if props.every_study {
                { every_study(props, metric) }
            }
            if open {
                <div class="trd-fig-details" id={details_id} role="region"
                    aria-label={w.fill(t.provenance_box_label, &[("what", &w.metric_lower(metric)), ("option", &row.name)])}>
                    { figure_view(figure, &props.id_prefix, &props.citations, w) }
                    <button type="button" class="trd-button" onclick={close.reform(|_: MouseEvent| ())}>{ t.close }</button>
                </div>
            }
        </div>
    }
}

/// Every study of `metric` for the card's option: the rates' marks and their spread in words,
/// the ratios' marks (on their own scale) and their values, and how many findings are neither.
fn every_study(props: &OptionCardProps, metric: Metric) -> Html {
    let w = props.w;
    let t = w.t();
    let studies = Studies::of(&props.data.0, &props.row.id, metric);
    let words = match studies.range() {
        Some((low, high)) => {
            // A rate of one group of a study says which ("15.9% (lithium)").
            let rate = |(value, arm): trd_core::view_model::RateOf| {
                let value = w.percent(value.as_str());
                match arm {
                    Some(arm) => w.fill(t.rate_of_arm, &[("value", &value), ("arm", arm)]),
                    None => value,
                }
            };
            let (count, sources) = (studies.marks.len(), studies.source_count());
            let sentence = match sources {
                1 => t.studies_range_one_source,
                n if n < count => t.studies_range_shared_sources,
                _ => t.studies_range,
            };
            w.fill(
                sentence,
                &[
                    ("count", &count.to_string()),
                    ("sources", &sources.to_string()),
                    ("low", &rate(low)),
                    ("high", &rate(high)),
                ],
            )
        }
        None if studies.marks.len() == 1 => t.studies_one.to_string(),
        None => String::new(),
    };
    let ratio_words = (!studies.ratios.is_empty()).then(|| {
        let list: Vec<String> = studies.ratios.iter().map(|r| w.value(&r.value)).collect();
        w.fill(t.studies_ratios, &[("list", &list.join("; "))])
    });
    // Our own markup from numbers and fixed shapes: no data text is in it.
    let picture = |svg: String| {
        html! { <span class="trd-studies-marks">{ Html::from_html_unchecked(AttrValue::from(svg)) }</span> }
    };
    let marks = (!studies.marks.is_empty()).then(|| picture(studies_svg(&studies)));
    let ratio_marks = ratio_words
        .as_ref()
        .map(|_| picture(ratios_svg(&studies.ratios)));
    let others = (studies.not_rates > 0).then(|| {
        w.fill(
            t.studies_not_rates,
            &[("count", &studies.not_rates.to_string())],
        )
    });
    html! {
        <div class="trd-studies" data-studies={studies.marks.len().to_string()}>
            { for marks }
            if !words.is_empty() {
                <p class="trd-studies-words">{ words }</p>
            }
            { for ratio_marks }
            { for ratio_words.map(|r| html! { <p class="trd-studies-words">{ r }</p> }) }
            { for others.map(|o| html! { <p class="trd-studies-words">{ o }</p> }) }
        </div>
    }
}

/// "Much better (response)": the outcome in everyday words, with its study name.
pub fn outcome_words(metric: Metric, w: Words) -> String {
    w.outcome(metric).to_string()
}
