use super::{
    AnswerList, BurdenPanel, ChartPanel, CitationList, Controls, Folded, Footer, Handout, Heading,
    HowToRead, IconView, Share, SharedDataset, TableView,
};
use crate::browser;
use crate::hooks::{use_printing, use_view_state};
use std::rc::Rc;
use trd_core::model::Metric;
use trd_core::settings::{CrisisLine, Settings};
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
    // In presenter mode the cards show the first options only, revealed one at a time.
    // What the lists show: presenter mode's first n, else the first `listed` in the chosen
    // order (a file of hundreds of options opens and sorts quickly; "Show more" adds more).
    let listing = state.listing(comparison.rows.len());
    let charted: Rc<Comparison> = use_memo((comparison.clone(), listing), |(all, n)| {
        if *n < all.rows.len() {
            Rc::new(Comparison {
                rows: all.rows[..*n].to_vec(),
                citations: all.citations.clone(),
            })
        } else {
            all.clone()
        }
    })
    .as_ref()
    .clone();
    let show_more = (state.presenting.is_none() && listing < comparison.rows.len()).then(|| {
        let dispatch = dispatch.clone();
        let next = (comparison.rows.len() - listing).min(trd_core::state::LIST_PAGE);
        html! {
            <p class="trd-show-more">
                <button type="button" class="trd-button" onclick={Callback::from(move |_| dispatch.emit(Action::ShowMore))}>
                    { w.fill(t.show_more_options, &[("n", &next.to_string()), ("shown", &listing.to_string()), ("total", &comparison.rows.len().to_string())]) }
                </button>
            </p>
        }
    });
    let article = use_node_ref();
    // Leaving full screen (the browser's own Esc) leaves presenter mode too.
    {
        let dispatch = dispatch.clone();
        use_effect_with(state.presenting.is_some(), move |presenting| {
            let watch = presenting.then(|| {
                browser::on_fullscreen_exit(move || dispatch.emit(Action::Present(false)))
            });
            move || drop(watch)
        });
    }
    let prefix = &props.id_prefix;
    let heading_level = settings.heading_level;
    let sub_level = heading_level.saturating_add(1).min(6);
    // The outcomes the cards show, as the host chose panels.
    let metrics: Rc<[Metric]> = settings
        .panels
        .iter()
        .filter_map(|p| match p {
            PanelChoice::Chart(Panel::Metric(m)) => Some(*m),
            _ => None,
        })
        .collect();
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
                Some(html! {
                    <ChartPanel words={w} key="cost" comparison={charted.clone()} data={props.data.clone()}
                        panel={Panel::Cost} heading_level={sub_level.saturating_add(1).min(6)} id_prefix={prefix.clone()}
                        dispatch={dispatch.clone()} {open} />
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
                    dispatch={dispatch.clone()} />
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
            browser::enter_fullscreen(&article);
        })
    };
    let on_key = {
        let (dispatch, presenting) = (dispatch.clone(), state.presenting.is_some());
        Callback::from(move |e: KeyboardEvent| {
            if !presenting {
                return;
            }
            let action = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" | "PageDown" | " " => Action::Step { by: 1, shown },
                "ArrowLeft" | "ArrowUp" | "PageUp" => Action::Step { by: -1, shown },
                "Escape" => Action::Present(false),
                _ => return,
            };
            e.prevent_default();
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
    html! {
        <article {class} aria-labelledby={format!("{prefix}-title")} ref={article} tabindex="-1" onkeydown={on_key}>
            <Heading level={heading_level} id={AttrValue::from(format!("{prefix}-title"))}>
                { title.clone() }
            </Heading>
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
            <HowToRead words={w} data={props.data.clone()} />
            if let Some(n) = state.presenting {
                <p class="trd-present-hint" role="status">
                    { w.fill(t.present_hint, &[("shown", &n.min(shown).to_string()), ("total", &shown.to_string())]) }
                </p>
            }
            <Controls words={w} data={props.data.clone()} state={state.clone()} dispatch={dispatch.clone()}
                id_prefix={prefix.clone()} on_present={present} />
            { body }
            { for show_more }
            if printing {
                <Handout words={w} comparison={comparison.clone()} heading_level={sub_level} id_prefix={prefix.clone()} />
            }
            <div class="trd-after">
                { for more_charts }
                <Share words={w} data={props.data.clone()} state={state.clone()} comparison={comparison.clone()}
                    settings={settings.clone()} />
                <CitationList words={w} citations={comparison.citations.clone()} heading_level={sub_level} id_prefix={prefix.clone()}
                    build={printing || state.open_figure.is_some() || state.open_option.is_some()} />
            </div>
            <Footer words={w} info={props.data.clone()} data_url={props.data_url.clone()} />
        </article>
    }
}
