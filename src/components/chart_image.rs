use crate::browser;
use std::rc::Rc;
use trd_core::chart::{AxisPicture, Layout, RowPicture};
use trd_core::words::Words;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartImageProps {
    /// The language everything is written in.
    #[prop_or_default]
    pub words: Words,
    pub layout: Rc<Layout>,
    /// The option id of each layout row, in the same order: the key that lets a re-sort
    /// move a row's picture instead of redrawing it.
    pub ids: Rc<[String]>,
}

/// A panel's chart: its rows as separate SVG pictures stacked above the axis. Hidden from
/// screen readers: each option's card, and each price's own button, say the same in words.
#[function_component]
pub fn ChartImage(props: &ChartImageProps) -> Html {
    let (rows, axis) = props.layout.pictures();
    // The pictures stay in one DOM order (by id) and CSS `order` places them: a re-sort then
    // only restyles them, where moving SVG nodes would make the browser lay out their text
    // again. Safe for reading order: screen readers do not read the pictures.
    let mut placed: Vec<(usize, &String, RowPicture)> = props
        .ids
        .iter()
        .zip(rows)
        .enumerate()
        .map(|(position, (id, picture))| (position, id, picture))
        .collect();
    // Unstable is enough (ids are unique) and shares no code with the stable sorts.
    placed.sort_unstable_by(|a, b| a.1.cmp(b.1));
    html! {
        <div class="trd-chart-image" aria-hidden="true">
            { for placed.into_iter().map(|(position, id, picture)| html! {
                <Picture words={props.words} key={id.clone()} position={position} option={Some(AttrValue::from(id.clone()))}
                    piece={Piece::Row(picture)} />
            }) }
            <Picture words={props.words} key="axis" position={props.ids.len()} option={None::<AttrValue>} piece={Piece::Axis(axis)} />
        </div>
    }
}

#[derive(Clone, PartialEq)]
enum Piece {
    Row(RowPicture),
    Axis(AxisPicture),
}

#[derive(Properties, PartialEq)]
struct PictureProps {
    /// The language everything is written in.
    #[prop_or_default]
    pub words: Words,
    /// Where the picture shows, top to bottom.
    position: usize,
    /// The option drawn, for rows.
    option: Option<AttrValue>,
    piece: Piece,
}

/// One SVG picture, drawn only when its piece changes (components with equal props are skipped).
#[function_component]
fn Picture(props: &PictureProps) -> Html {
    let w = props.words;
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.position, move |position| {
            browser::set_styles(&node, &[("order", &position.to_string())]);
        });
    }
    let drawn = use_memo(props.piece.clone(), move |piece| match piece {
        Piece::Row(row) => row.svg(w),
        Piece::Axis(axis) => axis.svg(w),
    });
    let content = match &*drawn {
        // The backend escapes every text it writes; the tests check that with hostile names.
        Ok(svg) => Html::from_html_unchecked(AttrValue::from(svg.clone())),
        Err(e) => html! { <p class="trd-error">{ e.to_string() }</p> },
    };
    html! {
        // `order` is set through the CSSOM after rendering: no style attribute, so a strict
        // Content-Security-Policy needs no 'unsafe-inline'.
        <div class="trd-picture" data-option={props.option.clone()} ref={node}>
            { content }
        </div>
    }
}
