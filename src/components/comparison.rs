use super::{
    footer, heading, AnswerList, BurdenPanel, ChartPanel, CitationList, Controls, Folded, Handout,
    HowToRead, IconView, Share, SharedDataset, TableView,
};
use crate::browser;
use crate::hooks::{use_printing, use_view_state};
use std::rc::Rc;
use trd_core::model::Metric;
use trd_core::settings::{CrisisLine, Layout, Settings};
use trd_core::state::{Action, Panel, PanelChoice, View};
use trd_core::view_model::Comparison;
use trd_core::words::Words;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct ComparisonViewProps {
    /// The language everything is written in.
    #[prop_or_default]
    pub words: Words,
    pub data: SharedDataset,
    /// What the host asked for; the defaults show everything.
    #[prop_or_default]
    pub settings: Rc<Settings>,
    #[prop_or(AttrValue::Static("trd"))]
    pub id_prefix: AttrValue,
    /// Where the data came from, linked in the footer.
    #[prop_or_default]
    pub data_url: Option<AttrValue>,
}

/// The whole comparison, answer first: what the figures mean in one line, the crisis line, one
/// card per option with its figures, comparison groups and sources, then the controls' further
/// choices, the hours and prices charts, sources and footer, each folded until asked for.
#[function_component]
pub fn ComparisonView(props: &ComparisonViewProps) -> Html {
    let w = props.words;
    let t = w.t();
    let settings = &props.settings;
    // Worked out once per data and settings, not on every render (a sort renders this).
    let start = use_memo(
        (props.data.clone(), settings.clone()),
        move |(data, settings)| {
            let (state, option_problems) = settings.initial_state(data);
            // Unknown option ids are reported beside the other settings that could not be used.
            let problems: Vec<String> = settings
                .problems
                .iter()
                .chain(&option_problems)
                .map(|p| p.line(w))
                .collect();
            (
                state,
                problems,
                settings.version_note(data, w),
                settings.title_for(data),
            )
        },
    );
    let (state, dispatch) = use_view_state(start.0.clone());
    // The print handout and the sources are built when printed or asked for, not before.
    let printing = use_printing();
    let (_, problems, version_note, title) = &*start;
    let comparison: Rc<Comparison> = use_memo(
        (props.data.clone(), state.selection()),
        |(data, selection)| Comparison::build(data, selection),
    );
    // What the lists show: in presenter mode the page of options revealed so far (a page fits
    // the projector), else the first `listed` in the chosen order (a file of hundreds of
    // options opens and sorts quickly; "Show more" adds more).
    let listing = state.listing(comparison.rows.len());
    let charted: Rc<Comparison> =
        use_memo((comparison.clone(), listing.clone()), |(all, range)| {
            if range.len() < all.rows.len() {
                Rc::new(Comparison {
                    rows: all.rows[range.clone()].to_vec(),
                    citations: all.citations.clone(),
                })
            } else {
                all.clone()
            }
        })
        .as_ref()
        .clone();
    let show_more = (state.presenting.is_none() && listing.end < comparison.rows.len()).then(|| {
        let dispatch = dispatch.clone();
        let next = (comparison.rows.len() - listing.end).min(trd_core::state::LIST_PAGE);
        html! {
            <p class="trd-show-more trd-by-selection">
                <button type="button" class="trd-button" onclick={Callback::from(move |_| dispatch.emit(Action::ShowMore))}>
                    { w.fill(t.show_more_options, &[("n", &next.to_string()), ("shown", &listing.end.to_string()), ("total", &comparison.rows.len().to_string())]) }
                </button>
            </p>
        }
    });
    let article = use_node_ref();
    let prefix = &props.id_prefix;
    let present_id = format!("{prefix}-present");
    // Leaving full screen (the browser's own Esc) leaves presenter mode too; leaving it puts
    // focus back on "Present", where the educator was.
    {
        let dispatch = dispatch.clone();
        let (article, present_id) = (article.clone(), present_id.clone());
        let was_presenting = use_mut_ref(|| false);
        use_effect_with(state.presenting.is_some(), move |presenting| {
            if !*presenting && *was_presenting.borrow() {
                browser::focus_within(&article, &present_id);
            }
            *was_presenting.borrow_mut() = *presenting;
            let watch = presenting.then(|| {
                browser::on_fullscreen_exit(move || dispatch.emit(Action::Present(false)))
            });
            move || drop(watch)
        });
    }
    let heading_level = settings.heading_level;
    let sub_level = heading_level.saturating_add(1).min(6);
    // The outcomes the cards show: the host's panels, or the one the reader chose.
    let metrics: Rc<[Metric]> = settings
        .panels
        .iter()
        .filter_map(|p| match p {
            PanelChoice::Chart(Panel::Metric(m)) => Some(*m),
            _ => None,
        })
        .filter(|m| state.only.is_none_or(|only| only == *m))
        .collect();
    // The compact layout (a slide, a narrow column) until the reader asks for the rest.
    let expanded = use_state_eq(|| false);
    let compact = settings.layout == Layout::Compact && !*expanded;
    let toggle_every_study = {
        let (dispatch, on) = (dispatch.clone(), state.every_study);
        Callback::from(move |_| dispatch.emit(Action::ShowEveryStudy(!on)))
    };
    let clear_filters = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| {
            dispatch.emit(Action::FilterCategory(None));
            dispatch.emit(Action::FilterInvasiveness(None));
        })
    };
    // The hours and price charts: folded under the cards, open where they are all there is.
    let extra_panels: Vec<Html> = settings
        .panels
        .iter()
        .filter_map(|&panel| match panel {
            PanelChoice::Burden => Some(html! {
                <BurdenPanel words={w} key="burden" comparison={charted.clone()} data={props.data.clone()}
                    heading_level={sub_level.saturating_add(1).min(6)} />
            }),
            PanelChoice::Chart(Panel::Cost) => {
                let open = state
                    .open_figure
                    .as_ref()
                    .filter(|(_, p)| *p == Panel::Cost)
                    .map(|(id, _)| AttrValue::from(id.clone()));
                // One chart per unit the prices are for: a month is never set against a course.
                let groups = charted.by_cost_unit().into_iter().map(|(unit, rows)| {
                    html! {
                        <ChartPanel words={w} key={format!("cost-{}", w.cost_unit(unit))} comparison={Rc::new(rows)}
                            data={props.data.clone()} panel={Panel::Cost} unit={Some(unit)}
                            heading_level={sub_level.saturating_add(1).min(6)} id_prefix={prefix.clone()}
                            dispatch={dispatch.clone()} open={open.clone()} />
                    }
                });
                let unpriced = charted.without_price();
                Some(html! {
                    <>
                        // Before the charts, so nobody compares across them first.
                        <p class="trd-cost-note" key="cost-note">{ t.cost_legend }</p>
                        { for groups }
                        if !unpriced.is_empty() {
                            <p class="trd-no-price" key="no-price">{ w.fill(t.cost_no_price_list, &[("names", &unpriced.join(", "))]) }</p>
                        }
                    </>
                })
            }
            PanelChoice::Chart(Panel::Metric(_)) => None,
        })
        .collect();
    let body = if comparison.rows.is_empty() {
        html! {
            <div class="trd-empty" role="status">
                <p>{ t.no_match }</p>
                <button type="button" class="trd-button" onclick={clear_filters}>{ t.show_all_kinds }</button>
            </div>
        }
    } else if state.view == View::Table {
        html! { <TableView words={w} comparison={charted.clone()} id_prefix={prefix.clone()} /> }
    } else if state.view == View::Icons {
        html! {
            <IconView words={w} comparison={charted.clone()} metric={state.icon_metric} denominator={state.denominator}
                heading_level={sub_level} dispatch={dispatch.clone()} />
        }
    } else {
        let open_figure = state
            .open_figure
            .as_ref()
            .and_then(|(id, panel)| match panel {
                Panel::Metric(metric) => Some((AttrValue::from(id.clone()), *metric)),
                Panel::Cost => None,
            });
        html! {
            if !metrics.is_empty() {
                <AnswerList words={w} comparison={charted.clone()} data={props.data.clone()}
                    metrics={metrics.clone()} heading_level={sub_level} id_prefix={prefix.clone()}
                    {open_figure} open_option={state.open_option.clone().map(AttrValue::from)}
                    every_study={state.every_study} dispatch={dispatch.clone()} />
            }
        }
    };
    let more_charts =
        (state.view == View::Chart && !comparison.rows.is_empty() && !extra_panels.is_empty())
            .then(|| {
                html! {
                    <Folded class="trd-more-charts" open={metrics.is_empty()} summary={html! { t.more_charts }}>
                        <div class="trd-panels">{ for extra_panels }</div>
                    </Folded>
                }
            });
    let shown = comparison.rows.len();
    let present = {
        let (dispatch, article) = (dispatch.clone(), article.clone());
        Callback::from(move |_| {
            dispatch.emit(Action::Present(true));
            // Inside a page that is presenting already (a slide deck in full screen), the
            // widget presents in place rather than asking for the screen.
            if !browser::is_fullscreen() {
                browser::enter_fullscreen(&article);
            }
            browser::focus_node(&article);
        })
    };
    // Keys the widget uses stay in it: a slide deck or other page shortcut around it never
    // also acts on them (an arrow in a select, Space on a button, presenter mode's steps, Esc).
    let on_key = {
        let (dispatch, presenting) = (dispatch.clone(), state.presenting.is_some());
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            if !presenting {
                if browser::from_control(&e) && is_navigation_key(&key) {
                    e.stop_propagation();
                }
                return;
            }
            let action = match key.as_str() {
                "ArrowRight" | "ArrowDown" | "PageDown" | " " => Action::Step { by: 1, shown },
                "ArrowLeft" | "ArrowUp" | "PageUp" => Action::Step { by: -1, shown },
                "Home" => Action::StepToEnd { last: false, shown },
                "End" => Action::StepToEnd { last: true, shown },
                "Escape" => Action::Present(false),
                _ => return,
            };
            e.prevent_default();
            e.stop_propagation();
            if action == Action::Present(false) {
                browser::exit_fullscreen();
            }
            dispatch.emit(action);
        })
    };
    let class = if state.presenting.is_some() {
        "trd-evidence trd-presenting"
    } else {
        "trd-evidence"
    };
    let crisis = props.data.dataset.crisis_line.clone();
    if compact {
        // Only the chosen options and figures, the note, and one link to everything else.
        let expand = {
            let expanded = expanded.clone();
            Callback::from(move |_| expanded.set(true))
        };
        return html! {
            <article class="trd-evidence trd-compact" aria-labelledby={format!("{prefix}-title")} ref={article} tabindex="-1" onkeydown={on_key}>
                { heading(heading_level, Some(AttrValue::from(format!("{prefix}-title"))), html! {
                    { title.clone() }
                }) }
                <p class="trd-note"><strong>{ t.note_not_head_to_head }</strong></p>
                { body }
                <p class="trd-compact-more">
                    <button type="button" class="trd-more" onclick={expand}>{ t.compact_more }</button>
                    { " · " }{ w.fill(t.footer_identity, &[("title", &props.data.dataset.title), ("version", &props.data.dataset.version), ("reviewed", &w.date(&props.data.dataset.last_reviewed))]) }
                </p>
            </article>
        };
    }
    html! {
        <article {class} aria-labelledby={format!("{prefix}-title")} ref={article} tabindex="-1" onkeydown={on_key}>
            { heading(heading_level, Some(AttrValue::from(format!("{prefix}-title"))), html! {
                { title.clone() }
            }) }
            { for version_note.clone().map(|note| html! { <p class="trd-settings-problems" role="note">{ note }</p> }) }
            if !problems.is_empty() {
                <div class="trd-settings-problems" role="note">
                    <p>{ t.settings_problems }</p>
                    <ul>{ for problems.iter().map(|p| html! { <li><code>{ p.clone() }</code></li> }) }</ul>
                </div>
            }
            if settings.crisis_line == CrisisLine::Top {
                { for crisis.map(|line| html! {
                    <p class="trd-crisis trd-crisis-top"><strong>{ t.crisis_lead }</strong>{ " " }{ line }</p>
                }) }
            }
            <p class="trd-note">
                <span class="trd-lede">{ t.lede }{ " " }</span><strong>{ t.note_not_head_to_head }</strong>
                <span class="trd-note-more">{ " " }{ t.note_different_studies }</span>
            </p>
            // "Every study" beside "How to read this": on a phone's first screen that line has
            // room to spare, and the cards below are what it changes.
            <div class="trd-read-row">
                <HowToRead words={w} data={props.data.clone()} />
                if state.view == View::Chart && !metrics.is_empty() {
                    <button type="button" class="trd-button trd-every-study-button"
                        aria-pressed={state.every_study.to_string()} onclick={toggle_every_study}>
                        { t.every_study_on }
                    </button>
                }
            </div>
            if let Some(n) = state.presenting {
                <p class="trd-present-hint" role="status">
                    { w.fill(t.present_hint, &[("shown", &n.min(shown).to_string()), ("total", &shown.to_string())]) }
                </p>
            }
            <Controls words={w} data={props.data.clone()} state={state.clone()} dispatch={dispatch.clone()}
                id_prefix={prefix.clone()} on_present={present} present_id={AttrValue::from(present_id.clone())} />
            { body }
            { for show_more }
            if printing {
                <Handout words={w} comparison={comparison.clone()} heading_level={sub_level} id_prefix={prefix.clone()}
                    crisis_line={props.data.dataset.crisis_line.clone().map(AttrValue::from)} />
            }
            <div class="trd-after">
                { for more_charts }
                <Share words={w} data={props.data.clone()} state={state.clone()} comparison={comparison.clone()}
                    settings={settings.clone()} />
                <CitationList words={w} citations={comparison.citations.clone()} heading_level={sub_level} id_prefix={prefix.clone()}
                    build={printing || state.open_figure.is_some() || state.open_option.is_some()} />
            </div>
            { footer(w, &props.data, props.data_url.as_ref()) }
        </article>
    }
}

/// Keys a focused control uses, which a page around the widget (a slide deck) must not also act
/// on.
fn is_navigation_key(key: &str) -> bool {
    matches!(
        key,
        "ArrowUp"
            | "ArrowDown"
            | "ArrowLeft"
            | "ArrowRight"
            | " "
            | "Enter"
            | "Escape"
            | "Home"
            | "End"
            | "PageUp"
            | "PageDown"
    )
}
