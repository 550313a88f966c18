use crate::browser;
use trd_core::state::Action;
use yew::prelude::*;

/// One choice of a select: (value, words shown, is it the current one).
pub type Choice = (String, String, bool);

/// A labelled native `<select>` whose change turns the chosen value into an action.
/// `to_action` returns `None` for values it does not know, which are then ignored.
pub fn select_field(
    label: &str,
    choices: Vec<Choice>,
    dispatch: &Callback<Action>,
    to_action: fn(&str) -> Option<Action>,
) -> Html {
    let dispatch = dispatch.clone();
    let onchange = Callback::from(move |event: Event| {
        if let Some(action) = to_action(&browser::select_value(&event)) {
            dispatch.emit(action);
        }
    });
    html! {
        <label class="trd-field">
            <span>{ label.to_string() }</span>
            <select class="trd-select" {onchange}>
                { for choices.into_iter().map(|(value, words, selected)| html! {
                    <option {value} {selected}>{ words }</option>
                }) }
            </select>
        </label>
    }
}
