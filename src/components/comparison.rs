use super::{
    BurdenPanel, ChartPanel, CitationList, Controls, FigureDetails, Footer, Handout, Heading,
    IconView, Share, SharedDataset, TableView,
};
use crate::embed_config::{EmbedConfig, PanelChoice};
use crate::state::{Action, Panel, View};
use crate::view_model::Comparison;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct ComparisonViewProps {
    pub data: SharedDataset,
    /// What the host asked for; the defaults show everything.
    #[prop_or_default]
    pub config: Rc<EmbedConfig>,
    #[prop_or(AttrValue::Static("trd"))]
    pub id_prefix: AttrValue,
    /// Where the data came from, linked in the footer.
    #[prop_or_default]
    pub data_url: Option<AttrValue>,
}

/// The whole comparison: controls, one chart panel per metric, provenance, citations, footer.
#[function_component]
pub fn ComparisonView(props: &ComparisonViewProps) -> Html {
    let config = &props.config;
    // Worked out once per data and settings, not on every render (a sort renders this).
    let start = use_memo((props.data.clone(), config.clone()), |(data, config)| {
        let (state, option_problems) = config.initial_state(data);
        // Unknown option ids are reported beside the other settings that could not be used.
        let problems: Vec<String> = config
            .problems
            .iter()
            .chain(&option_problems)
            .cloned()
            .collect();
        (
            state,
            problems,
            config.version_note(data),
            config.title_for(data),
        )
    });
    let state = {
        let start = start.clone();
        use_reducer(move || start.0.clone())
    };
    let (_, problems, version_note, title) = &*start;
    let comparison: Rc<Comparison> = use_memo(
        (props.data.clone(), state.selection()),
        |(data, selection)| Comparison::build(data, selection),
    );
    // In presenter mode the charts show the first options only, revealed one at a time.
    let charted: Rc<Comparison> = use_memo(
        (comparison.clone(), state.presenting),
        |(all, presenting)| match presenting {
            Some(n) if *n < all.rows.len() => Rc::new(Comparison {
                rows: all.rows[..*n].to_vec(),
                citations: all.citations.clone(),
            }),
            _ => all.clone(),
        },
    )
    .as_ref()
    .clone();
    let article = use_node_ref();
    // Leaving full screen (the browser's own Esc) leaves presenter mode too.
    #[cfg(target_arch = "wasm32")]
    {
        let dispatch = state.dispatcher();
        use_effect_with(state.presenting.is_some(), move |presenting| {
            let watch = presenting.then(|| {
                crate::browser::on_fullscreen_exit(move || {
                    dispatch.dispatch(Action::Present(false))
                })
            });
            move || drop(watch)
        });
    }
    let prefix = &props.id_prefix;
    let heading_level = config.heading_level;
    let sub_level = heading_level.saturating_add(1).min(6);
    // One callback for the component's lifetime, so children's props stay equal across
    // renders and unchanged children are skipped.
    let dispatch = {
        let dispatcher = state.dispatcher();
        use_callback((), move |action: Action, _| dispatcher.dispatch(action))
    };
    let clear_filters = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| {
            dispatch.emit(Action::FilterCategory(None));
            dispatch.emit(Action::FilterInvasiveness(None));
        })
    };
    let chart_panel = |panel: Panel| {
        let open = state
            .open_figure
            .as_ref()
            .filter(|(_, p)| *p == panel)
            .map(|(id, _)| AttrValue::from(id.clone()));
        html! {
            <ChartPanel key={format!("{panel:?}")} comparison={charted.clone()} {panel} heading_level={sub_level}
                id_prefix={prefix.clone()} dispatch={dispatch.clone()} {open} />
        }
    };
    let body = if comparison.rows.is_empty() {
        html! {
            <div class="trd-empty" role="status">
                <p>{ "None of the chosen options matches these filters." }</p>
                <button type="button" class="trd-button" onclick={clear_filters}>{ "Show all kinds again" }</button>
            </div>
        }
    } else if state.view == View::Table {
        html! { <TableView comparison={comparison.clone()} id_prefix={prefix.clone()} /> }
    } else if state.view == View::Icons {
        html! {
            <IconView comparison={comparison.clone()} metric={state.icon_metric} denominator={state.denominator}
                heading_level={sub_level} dispatch={dispatch.clone()} />
        }
    } else {
        html! {
            <>
                <div class="trd-panels">
                    { for config.panels.iter().map(|&panel| match panel {
                        PanelChoice::Chart(panel) => chart_panel(panel),
                        PanelChoice::Burden => html! {
                            <BurdenPanel key="burden" comparison={charted.clone()} heading_level={sub_level} />
                        },
                    }) }
                </div>
                <FigureDetails comparison={comparison.clone()} heading_level={sub_level} id_prefix={prefix.clone()}
                    data={props.data.clone()} dispatch={dispatch.clone()}
                    open_option={state.open_option.clone().map(AttrValue::from)} />
            </>
        }
    };
    let shown = comparison.rows.len();
    let present = {
        let (dispatch, article) = (dispatch.clone(), article.clone());
        Callback::from(move |_| {
            dispatch.emit(Action::Present(true));
            #[cfg(target_arch = "wasm32")]
            crate::browser::enter_fullscreen(&article);
            #[cfg(not(target_arch = "wasm32"))]
            let _ = &article;
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
                #[cfg(target_arch = "wasm32")]
                crate::browser::exit_fullscreen();
            }
            dispatch.emit(action);
        })
    };
    let class = if state.presenting.is_some() {
        "trd-evidence trd-presenting"
    } else {
        "trd-evidence"
    };
    html! {
        <article {class} aria-labelledby={format!("{prefix}-title")} ref={article} tabindex="-1" onkeydown={on_key}>
            <Heading level={heading_level} id={AttrValue::from(format!("{prefix}-title"))}>
                { title.clone() }
            </Heading>
            { for version_note.clone().map(|note| html! { <p class="trd-settings-problems" role="note">{ note }</p> }) }
            if !problems.is_empty() {
                <div class="trd-settings-problems" role="note">
                    <p>{ "Some settings of this widget could not be used, so defaults are shown:" }</p>
                    <ul>{ for problems.iter().map(|p| html! { <li><code>{ p.clone() }</code></li> }) }</ul>
                </div>
            }
            <p class="trd-note">
                <strong>{ "These are not head-to-head results. " }</strong>
                { "Each figure comes from a different study, with its own patients, timepoint and \
                   comparison group. Read the study details under each figure before comparing." }
            </p>
            if let Some(n) = state.presenting {
                <p class="trd-present-hint" role="status">
                    { format!("Showing {} of {shown} options. → next option · ← back · Esc leaves presenter mode.", n.min(shown)) }
                </p>
            } else {
                <p class="trd-present-bar">
                    <button type="button" class="trd-button" onclick={present}>{ "Present (full screen, large type)" }</button>
                </p>
            }
            <Controls data={props.data.clone()} state={(*state).clone()} {dispatch} id_prefix={prefix.clone()} />
            { body }
            <Handout comparison={comparison.clone()} heading_level={sub_level} id_prefix={prefix.clone()} />
            <Share data={props.data.clone()} state={(*state).clone()} comparison={comparison.clone()}
                config={config.clone()} />
            <CitationList citations={comparison.citations.clone()} heading_level={sub_level} id_prefix={prefix.clone()} />
            <Footer info={props.data.clone()} data_url={props.data_url.clone()} />
        </article>
    }
}
