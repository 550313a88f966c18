use crate::browser;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FoldedProps {
    pub class: AttrValue,
    pub summary: Html,
    /// Open from the start.
    #[prop_or_default]
    pub open: bool,
    /// Build the content even while folded: something may open it and point into it (a
    /// figure's [n] opens the sources and focuses one), or it is being printed.
    #[prop_or_default]
    pub build: bool,
    #[prop_or_default]
    pub children: Html,
}

/// A `<details>` whose content is built the first time it is opened (or when `build` asks),
/// and kept after: what a reader has not asked for costs the first render nothing.
#[function_component]
pub fn Folded(props: &FoldedProps) -> Html {
    let opened = use_state_eq(|| props.open);
    let ontoggle = {
        let opened = opened.clone();
        Callback::from(move |e: Event| {
            if browser::details_open(&e) {
                opened.set(true);
            }
        })
    };
    html! {
        <details class={props.class.clone()} open={props.open} {ontoggle}>
            <summary>{ props.summary.clone() }</summary>
            if *opened || props.build {
                { props.children.clone() }
            }
        </details>
    }
}
