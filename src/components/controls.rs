use super::select_field::select_field;
use super::SharedDataset;
use std::rc::Rc;
use trd_core::model::{Category, Metric};
use trd_core::state::{Action, SortKey, View, ViewState, MIN_SELECTED};
use trd_core::words::Words;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    /// The language everything is written in.
    #[prop_or_default]
    pub words: Words,
    pub data: SharedDataset,
    pub state: ViewState,
    pub dispatch: Callback<Action>,
    pub id_prefix: AttrValue,
    /// Starts presenter mode (full screen, large type).
    #[prop_or_default]
    pub on_present: Callback<MouseEvent>,
    /// The id of the "Present" button, which gets focus back when presenting ends.
    #[prop_or_default]
    pub present_id: AttrValue,
}

/// One compact bar: the view switch and the sort, then "Customise" (filters and the choice of
/// options, folded) and, last, "Present" for educators. Every control is a native form element,
/// so keyboards and screen readers work without extra scripting.
#[function_component]
pub fn Controls(props: &ControlsProps) -> Html {
    let w = props.words;
    let t = w.t();
    let prefix = &props.id_prefix;
    let state = &props.state;
    let present: Vec<Category> = Category::ALL
        .into_iter()
        .filter(|c| props.data.options.iter().any(|o| o.category == *c))
        .collect();
    let all_ids: Rc<[String]> = props.data.options.iter().map(|o| o.id.clone()).collect();
    let choose_all = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::Select(all_ids.clone())))
    };
    let hint_id = format!("{prefix}-choose-hint");
    html! {
        <div class="trd-controls-area">
            <div class="trd-controls">
                <div class="trd-view-switch" role="group" aria-label={t.show_as}>
                    { for View::ALL.iter().map(|&view| {
                        let dispatch = props.dispatch.clone();
                        html! {
                            <button type="button" class="trd-button" aria-pressed={(state.view == view).to_string()}
                                onclick={Callback::from(move |_| dispatch.emit(Action::Show(view)))}>
                                { view.label(w) }
                            </button>
                        }
                    }) }
                </div>
                { select_field(
                    t.sort_by,
                    SortKey::ALL.iter().map(|k| (k.token().to_string(), k.label(w).to_string(), *k == state.sort)).collect(),
                    &props.dispatch,
                    |v| SortKey::from_token(v).map(Action::SortBy),
                ) }
            <details class="trd-choose">
                <summary>{ customise_label(w, state.selected.len(), props.data.options.len()) }</summary>
                <div class="trd-controls">
                    { select_field(
                        t.outcomes,
                        [(None, t.outcomes_both), (Some(Metric::Response), t.outcomes_response), (Some(Metric::Remission), t.outcomes_remission)]
                            .into_iter()
                            .map(|(m, words)| (m.map_or("both", trd_core::settings::metric_token).to_string(), words.to_string(), state.only == m))
                            .collect(),
                        &props.dispatch,
                        |v| Some(Action::ShowOnly(match v {
                            "response" => Some(Metric::Response),
                            "remission" => Some(Metric::Remission),
                            _ => None,
                        })),
                    ) }
                    { select_field(
                        t.kind_of_treatment,
                        std::iter::once((String::new(), t.all_kinds.to_string(), state.category.is_none()))
                            .chain(present.iter().map(|c| (c.token().to_string(), w.category(*c).to_string(), state.category == Some(*c))))
                            .collect(),
                        &props.dispatch,
                        |v| Some(Action::FilterCategory(Category::from_token(v))),
                    ) }
                    { select_field(
                        t.how_invasive,
                        std::iter::once((String::new(), t.any_level.to_string(), state.max_invasiveness.is_none()))
                            .chain((1..=3u8).map(|level| {
                                let template = if level == 1 { t.level_only } else { t.level_up_to };
                                let label = w.fill(template, &[("level", &level.to_string()), ("words", w.invasiveness(level))]);
                                (level.to_string(), label, state.max_invasiveness == Some(level))
                            }))
                            .collect(),
                        &props.dispatch,
                        |v| Some(Action::FilterInvasiveness(v.parse::<u8>().ok())),
                    ) }
                </div>
                <p class="trd-hint">{ t.choose_options }</p>
                <p id={hint_id.clone()} class="trd-hint">{ w.fill(t.choose_at_least, &[("min", &MIN_SELECTED.to_string())]) }</p>
                <button type="button" class="trd-button" onclick={choose_all}>{ t.choose_all }</button>
                <ul class="trd-choices">
                    { for props.data.options.iter().map(|option| {
                        let id = option.id.clone();
                        let dispatch = props.dispatch.clone();
                        let toggle = Callback::from(move |_: Event| dispatch.emit(Action::Toggle(id.clone())));
                        html! {
                            <li>
                                <label>
                                    <input type="checkbox" checked={state.is_selected(&option.id)}
                                        disabled={!state.can_deselect(&option.id)}
                                        aria-describedby={hint_id.clone()}
                                        onchange={toggle} />
                                    { option.name.clone() }
                                </label>
                            </li>
                        }
                    }) }
                </ul>
            </details>
            <button type="button" class="trd-button trd-present-button" id={props.present_id.clone()} onclick={props.on_present.clone()}
                aria-label={t.present_label}>{ t.present_button }</button>
            </div>
        </div>
    }
}

/// "Customise", with how many options are chosen once some are left out. (The prerender
/// writes it for every count, so a first view the loader cuts down to the host's chosen
/// options says it as the widget will: see `cutToChosen`.)
pub fn customise_label(w: Words, chosen: usize, total: usize) -> String {
    let t = w.t();
    if chosen >= total {
        t.customise.to_string()
    } else {
        w.fill(
            t.customise_chosen,
            &[
                ("chosen", &chosen.to_string()),
                ("total", &total.to_string()),
            ],
        )
    }
}
