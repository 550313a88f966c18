//! A view as a link: the query string that the standalone page keeps in its address, written
//! from the state and read back by `Settings::read` with the same names as the attributes.

use crate::model::{Dataset, Metric};
use crate::state::{PanelChoice, SortKey, View, ViewState, ALL_PANELS};
use crate::words::Lang;

/// The view as a query string (`?options=rtms,ect&sort=remission…`) that `Settings::read`
/// reads back: only what differs from the defaults (the language too), plus the dataset's
/// version and review date so a shared view can be cited.
pub fn view_query(state: &ViewState, panels: &[PanelChoice], data: &Dataset, lang: Lang) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if lang != Lang::default() {
        pairs.push(("lang", lang.tag().to_string()));
    }
    if state.selected.len() != data.options.len() {
        pairs.push(("options", state.selected.join(",")));
    }
    if panels != ALL_PANELS {
        let tokens: Vec<&str> = panels.iter().map(|p| p.token()).collect();
        pairs.push(("metrics", tokens.join(",")));
    }
    if state.sort != SortKey::DataOrder {
        pairs.push(("sort", state.sort.token().to_string()));
    }
    if state.view != View::Chart {
        pairs.push(("view", state.view.token().to_string()));
    }
    if let Some(category) = state.category {
        pairs.push(("kind", category.token().to_string()));
    }
    if let Some(level) = state.max_invasiveness {
        pairs.push(("invasive", level.to_string()));
    }
    if state.icon_metric != Metric::Response {
        pairs.push((
            "icon-metric",
            super::metric_token(state.icon_metric).to_string(),
        ));
    }
    if state.denominator != 100 {
        pairs.push(("denominator", state.denominator.to_string()));
    }
    if state.every_study {
        pairs.push(("every-study", "on".to_string()));
    }
    pairs.push(("v", data.dataset.version.clone()));
    pairs.push(("reviewed", data.dataset.last_reviewed.clone()));
    let encoded: Vec<String> = pairs
        .into_iter()
        .map(|(k, v)| format!("{k}={}", query_escape(&v)))
        .collect();
    format!("?{}", encoded.join("&"))
}

/// Percent-encodes what a query value must not contain; ids, tokens and dates pass unchanged.
fn query_escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b',' | b'~' => {
                out.push(byte as char)
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// Reads a query string (`?a=1&b=x%2Cy`) into name/value pairs, decoding %XX and '+'.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        // One '?', as browsers read an address (`??a=1` names the key "?a").
        .strip_prefix('?')
        .unwrap_or(query)
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (query_unescape(k), query_unescape(v))
        })
        .collect()
}

fn query_unescape(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = |b: u8| (b as char).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(high), Some(low)) => {
                        out.push((high * 16 + low) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
