use crate::chart::DEFAULT_WIDTH;
use yew::prelude::*;

/// The element's width in CSS pixels (rounded down to 8 to avoid re-drawing for every pixel),
/// kept current by a ResizeObserver; `DEFAULT_WIDTH` until measured (and in server rendering).
#[hook]
pub fn use_element_width(node: NodeRef) -> u32 {
    let width = use_state_eq(|| DEFAULT_WIDTH);
    #[cfg(target_arch = "wasm32")]
    {
        let width = width.clone();
        use_effect_with((), move |_| {
            // Drawn at the real width so chart text is never scaled down on phones.
            let watch = node.cast::<web_sys::Element>().and_then(|element| {
                crate::browser::watch_width(&element, move |w| {
                    if w > 0 {
                        width.set(w - w % 8);
                    }
                })
            });
            move || drop(watch)
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = node;
    *width
}
