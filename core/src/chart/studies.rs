//! Every study of one outcome for one option, on the card's 0–100% scale: one mark per rate,
//! its tier in the mark's shape (A a filled circle, B a filled square, C an open circle, D an
//! open diamond), the headline larger and in the figure's colour, a range as a line between
//! its ends. Odds and risk ratios have no place on a percent scale: they get a scale of their
//! own (`ratios_svg`, log, 1 marked), each with its interval. No text: the card says the same
//! in words beside the marks.
//!
//! Marks are placed in percent of the width and drawn in pixels, so at any card width 0% and
//! 100% are the bar's ends and a mark keeps its size and shape (a scaled picture would make
//! them specks on a phone). Each mark is a nested `<svg>` at its x, since shapes cannot take
//! percentages themselves.

use super::svg::Ink;
use crate::model::Tier;
use crate::view_model::{RatioMark, Studies, StudyMark};
use std::fmt::Write;

/// Half a mark's side, in CSS pixels; the headline's is larger.
const MARK: i32 = 5;
const HEADLINE: i32 = 7;
/// Vertical distance between lanes, for marks that would hide one another.
const LANE: i32 = 14;

/// The lane of each mark: marks within `close` percentage points of one already in a lane
/// step down to the next.
fn lanes(marks: &[StudyMark]) -> Vec<usize> {
    let close = 3.0;
    let mut placed: Vec<(f64, f64, usize)> = Vec::with_capacity(marks.len());
    for mark in marks {
        let (from, to) = span(mark);
        let lane = (0..)
            .find(|&lane| {
                placed
                    .iter()
                    .all(|&(f, t, l)| l != lane || from > t + close || to < f - close)
            })
            .unwrap_or(0);
        placed.push((from, to, lane));
    }
    placed.into_iter().map(|p| p.2).collect()
}

fn span(mark: &StudyMark) -> (f64, f64) {
    let low = mark.low.value().clamp(0.0, 100.0);
    let high = mark
        .high
        .as_ref()
        .map_or(low, |h| h.value().clamp(0.0, 100.0));
    (low, high)
}

/// A percentage with one decimal, from integers (no float formatting in the wasm).
fn percent(value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    format!("{}.{}%", tenths / 10, tenths % 10)
}

/// A decorative picture as wide as its container, `height` pixels tall (the words beside it
/// say the same); marks may reach half their size past its edges.
fn picture(height: i32) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="{height}" aria-hidden="true" focusable="false" overflow="visible">"#
    )
}

/// A line from x `from` to `to` (percentages) and y `top` to `bottom` (pixels).
fn line(
    out: &mut String,
    (from, to): (&str, &str),
    (top, bottom): (i32, i32),
    ink: Ink,
    width: u32,
) {
    let _ = write!(
        out,
        r#"<line x1="{from}" x2="{to}" y1="{top}" y2="{bottom}" class="trd-s-{}" stroke-width="{width}"/>"#,
        ink.class(false)
    );
}

/// A tier's shape centred at x `at` (a percentage) and y pixels.
fn mark(out: &mut String, at: f64, y: i32, tier: Option<Tier>, r: i32, ink: Ink) {
    let _ = write!(
        out,
        r#"<svg x="{}" y="{y}" overflow="visible">{}</svg>"#,
        percent(at),
        shape(tier, r, ink)
    );
}

/// The marks as an SVG as wide as the card's figure.
pub fn studies_svg(studies: &Studies) -> String {
    let lanes = lanes(&studies.marks);
    let top = HEADLINE + 2;
    let height = 2 * top + lanes.iter().copied().max().unwrap_or(0) as i32 * LANE;
    let mut out = picture(height);
    // The scale: a faint line from 0% to 100%, the middle and ends marked.
    line(&mut out, ("0%", "100%"), (top, top), Ink::Grid, 2);
    for x in ["0%", "50%", "100%"] {
        line(&mut out, (x, x), (top - 5, top + 5), Ink::Grid, 2);
    }
    // The headline last, so it sits on top (two passes, not a sort: each sort compiles to a
    // copy of the whole sort in the web bundle).
    let n = studies.marks.len();
    let is_headline = |i: &usize| studies.marks[*i].headline;
    let order = (0..n)
        .filter(|i| !is_headline(i))
        .chain((0..n).filter(is_headline));
    for i in order {
        let study = &studies.marks[i];
        let y = top + lanes[i] as i32 * LANE;
        let ink = if study.headline {
            Ink::Mark
        } else {
            Ink::Mark2
        };
        let (from, to) = span(study);
        if to > from {
            line(&mut out, (&percent(from), &percent(to)), (y, y), ink, 3);
        }
        let r = if study.headline { HEADLINE } else { MARK };
        mark(&mut out, (from + to) / 2.0, y, study.tier, r, ink);
    }
    out.push_str("</svg>");
    out
}

/// The tier's shape around (0, 0), `r` pixels from its centre to its edge.
fn shape(tier: Option<Tier>, r: i32, ink: Ink) -> String {
    let class = ink.class(false);
    let d = r - 1;
    match tier {
        Some(Tier::A) => format!(r#"<circle r="{r}" class="trd-c-{class}"/>"#),
        Some(Tier::B) => format!(
            r#"<rect x="-{d}" y="-{d}" width="{}" height="{}" class="trd-c-{class}"/>"#,
            2 * d,
            2 * d
        ),
        Some(Tier::C) => {
            format!(r#"<circle r="{d}" class="trd-s-{class}" fill="none" stroke-width="2"/>"#)
        }
        Some(Tier::D) | None => format!(
            r#"<path d="M0 -{r}L{r} 0L0 {r}L-{r} 0Z" class="trd-s-{class}" fill="none" stroke-width="2"/>"#
        ),
    }
}

/// The ratio scale's ends: from a quarter to 32 times, on a log scale (so 1, no difference,
/// sits 2/7 of the way along: room for ratios up to 30, as the sheet's go). A ratio or
/// interval end beyond them is drawn at the edge.
const RATIO_FROM: f64 = 0.25;
const RATIO_TO: f64 = 32.0;

/// Where a ratio sits on the scale, in percent of the width.
pub fn ratio_position(ratio: f64) -> f64 {
    let (from, to) = (RATIO_FROM.ln(), RATIO_TO.ln());
    ((ratio.clamp(RATIO_FROM, RATIO_TO).ln() - from) / (to - from) * 100.0).clamp(0.0, 100.0)
}

/// Every study's odds or risk ratio as a mark (its tier's shape) with its interval as a line,
/// on a log scale whose darker mark is 1, no difference: never on the 0–100% scale.
pub fn ratios_svg(ratios: &[RatioMark]) -> String {
    let top = MARK + 2;
    let height = 2 * top + (ratios.len().max(1) as i32 - 1) * LANE;
    let mut out = picture(height);
    line(
        &mut out,
        ("0%", "100%"),
        (height / 2, height / 2),
        Ink::Grid,
        2,
    );
    // 1 = no difference, the scale's anchor, drawn across every lane.
    let one = percent(ratio_position(1.0));
    line(&mut out, (&one, &one), (0, height), Ink::Muted, 2);
    for (lane, ratio) in ratios.iter().enumerate() {
        let y = top + lane as i32 * LANE;
        if let (Some(low), Some(high)) = (ratio.low, ratio.high) {
            let ends = (percent(ratio_position(low)), percent(ratio_position(high)));
            line(&mut out, (&ends.0, &ends.1), (y, y), Ink::Mark2, 2);
        }
        mark(
            &mut out,
            ratio_position(ratio.estimate),
            y,
            ratio.tier,
            MARK,
            Ink::Mark2,
        );
    }
    out.push_str("</svg>");
    out
}
