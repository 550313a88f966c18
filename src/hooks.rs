//! The Yew side of the core's state: one `ViewState` per widget, changed only by `Action`s
//! through the core's pure `reduce`; and the measured width charts are drawn at.

use crate::browser;
use std::rc::Rc;
use trd_core::chart::DEFAULT_WIDTH;
use trd_core::state::{Action, ViewState};
use yew::prelude::*;

/// `ViewState` as a Yew reducer (the core knows nothing of Yew).
#[derive(Clone, PartialEq)]
struct Reader(ViewState);

impl Reducible for Reader {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Reader(self.0.reduce(action)))
    }
}

/// The reader's view, starting from `start`, and the one callback that changes it. The
/// callback is the same for the component's lifetime, so children's props stay equal across
/// renders and unchanged children are skipped.
#[hook]
pub fn use_view_state(start: ViewState) -> (ViewState, Callback<Action>) {
    let state = use_reducer(move || Reader(start));
    let dispatch = {
        let dispatcher = state.dispatcher();
        use_callback((), move |action: Action, _| dispatcher.dispatch(action))
    };
    (state.0.clone(), dispatch)
}

/// The element's width in CSS pixels (rounded down to 8 to avoid re-drawing for every pixel),
/// kept current by a ResizeObserver; `DEFAULT_WIDTH` until measured (and in server rendering).
#[hook]
pub fn use_element_width(node: NodeRef) -> u32 {
    let width = use_state_eq(|| DEFAULT_WIDTH);
    {
        let width = width.clone();
        use_effect_with((), move |_| {
            // Drawn at the real width so chart text is never scaled down on phones.
            let watch = browser::watch_width(&node, move |w| {
                if w > 0 {
                    width.set(w - w % 8);
                }
            });
            move || drop(watch)
        });
    }
    *width
}

/// Whether the page is being printed: the print handout and the sources are built only then
/// (and when asked for), so the first render is the comparison alone.
#[hook]
pub fn use_printing() -> bool {
    let printing = use_state_eq(|| false);
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let watch = browser::on_print(move |now| printing.set(now));
            move || drop(watch)
        });
    }
    *printing
}
