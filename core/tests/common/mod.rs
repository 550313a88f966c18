//! What the core's test files share: the bundled data, the English words, and a reader of SVG
//! text. (Each test file uses some of it.)
#![allow(dead_code)]

use trd_core::load::load_dataset;
use trd_core::model::Dataset;
use trd_core::state::{Action, SortKey, ViewState};
use trd_core::view_model::Comparison;
use trd_core::words::{Lang, Words};
use trd_core::BUNDLED_DATA;

/// The English words, as every test before a second language reads them.
pub const W: Words = Words::new(Lang::En);

/// The small valid example data authors start from.
pub const MINIMAL: &str = include_str!("../../../tests/data/minimal-valid.json");

pub fn bundled() -> Dataset {
    load_dataset(BUNDLED_DATA).expect("the bundled dataset must load")
}

/// The comparison of every option, sorted.
pub fn comparison(sort: SortKey) -> Comparison {
    let data = bundled();
    let state = ViewState::initial(&data).reduce(Action::SortBy(sort));
    Comparison::build(&data, &state.selection())
}

/// The comparison of these options only.
pub fn shown(data: &Dataset, ids: &[&str]) -> Comparison {
    let state = ViewState::initial(data)
        .reduce(Action::Select(ids.iter().map(|s| s.to_string()).collect()));
    Comparison::build(data, &state.selection())
}

/// The bundled file with one JSON-pointer location replaced.
pub fn bundled_with(pointer: &str, value: serde_json::Value) -> String {
    let mut tree: serde_json::Value = serde_json::from_str(BUNDLED_DATA).unwrap();
    *tree.pointer_mut(pointer).expect("pointer exists") = value;
    serde_json::to_string(&tree).unwrap()
}

/// Each `<text>` of an SVG: (x, anchor, font size, content).
pub fn svg_texts(svg: &str) -> Vec<(i32, String, f64, String)> {
    let attr = |tag: &str, name: &str| -> Option<String> {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        Some(tag[start..].split('"').next()?.to_string())
    };
    svg.split("<text")
        .skip(1)
        .map(|rest| {
            let (tag, after) = rest.split_once('>').unwrap();
            let content = after.split("</text>").next().unwrap().trim().to_string();
            let x = attr(tag, "x").unwrap().parse::<f64>().unwrap() as i32;
            let anchor = attr(tag, "text-anchor").unwrap_or_else(|| "start".into());
            let size =
                attr(tag, "font-size").map_or(12.0, |s| s.trim_end_matches("px").parse().unwrap());
            (x, anchor, size, content)
        })
        .collect()
}

/// Just the words of an SVG's texts.
pub fn svg_words(svg: &str) -> Vec<String> {
    svg_texts(svg).into_iter().map(|t| t.3).collect()
}
