//! Every study of one outcome for one option, on the card's 0–100% scale: one mark per rate,
//! its tier in the mark's shape (A a filled circle, B a filled square, C an open circle, D an
//! open diamond), the headline larger and darker, a range as a line between its ends. No
//! text: the card says the same in words beside it. Ratios and score changes have no place on
//! a percent scale and are never drawn here.

use super::svg::{svg_picture, ChartError, Fit, Ink, SvgOptions};
use crate::model::Tier;
use crate::view_model::{Studies, StudyMark};
use plotters::prelude::*;

/// The picture in its own units (scaled as a whole, so shapes keep their form).
const WIDTH: i32 = 400;
const MARK: i32 = 6;
const HEADLINE: i32 = 8;
const LANE: i32 = 14;
const MARGIN: i32 = HEADLINE + 2;

/// Where each mark goes: its x (or x range) and the lane it sits in, marks close together
/// stepping down a lane so none hides another.
fn placed(marks: &[StudyMark]) -> Vec<(i32, i32, usize)> {
    let x = |percent: f64| {
        MARGIN + (percent.clamp(0.0, 100.0) * f64::from(WIDTH - 2 * MARGIN) / 100.0).round() as i32
    };
    let mut placed: Vec<(i32, i32, usize)> = Vec::with_capacity(marks.len());
    for mark in marks {
        let (from, to) = (
            x(mark.low.value()),
            x(mark.high.as_ref().unwrap_or(&mark.low).value()),
        );
        let lane = (0..)
            .find(|&lane| {
                placed
                    .iter()
                    .all(|&(f, t, l)| l != lane || from > t + 2 * HEADLINE || to < f - 2 * HEADLINE)
            })
            .unwrap_or(0);
        placed.push((from, to, lane));
    }
    placed
}

/// The picture's height in its own units.
pub fn studies_height(studies: &Studies) -> i32 {
    let lanes = placed(&studies.marks)
        .iter()
        .map(|p| p.2)
        .max()
        .unwrap_or(0) as i32
        + 1;
    2 * MARGIN + (lanes - 1) * LANE
}

/// The marks as an SVG that stretches to the card's width.
pub fn studies_svg(studies: &Studies) -> Result<String, ChartError> {
    let height = studies_height(studies);
    let options = SvgOptions {
        fit: Fit::Scale,
        ..SvgOptions::DECORATIVE
    };
    let places = placed(&studies.marks);
    svg_picture((WIDTH, height), options, |root| {
        let fail = |e: DrawingAreaErrorKind<std::fmt::Error>| ChartError::from_drawing(&e);
        // The scale: a faint line from 0% to 100%, with the middle marked.
        let track = Ink::Grid.color();
        root.draw(&PathElement::new(
            vec![(MARGIN, MARGIN), (WIDTH - MARGIN, MARGIN)],
            track.stroke_width(2),
        ))
        .map_err(fail)?;
        for x in [MARGIN, WIDTH / 2, WIDTH - MARGIN] {
            root.draw(&PathElement::new(
                vec![(x, MARGIN - 5), (x, MARGIN + 5)],
                track.stroke_width(2),
            ))
            .map_err(fail)?;
        }
        // The headline last, so it sits on top.
        let mut order: Vec<usize> = (0..studies.marks.len()).collect();
        order.sort_by_key(|&i| studies.marks[i].headline);
        for i in order {
            let (mark, (from, to, lane)) = (&studies.marks[i], places[i]);
            let y = MARGIN + lane as i32 * LANE;
            let ink = if mark.headline { Ink::Mark } else { Ink::Mark2 };
            let color = ink.color();
            if to > from {
                root.draw(&PathElement::new(
                    vec![(from, y), (to, y)],
                    color.stroke_width(3),
                ))
                .map_err(fail)?;
            }
            let r = if mark.headline { HEADLINE } else { MARK };
            let center = ((from + to) / 2, y);
            shape(root, mark.tier, center, r, &color).map_err(fail)?;
        }
        Ok(())
    })
}

fn shape<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    tier: Option<Tier>,
    (x, y): (i32, i32),
    r: i32,
    color: &RGBColor,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let line = color.stroke_width(2);
    match tier {
        Some(Tier::A) => root.draw(&Circle::new((x, y), r, color.filled())),
        Some(Tier::B) => root.draw(&Rectangle::new(
            [(x - r + 1, y - r + 1), (x + r - 1, y + r - 1)],
            color.filled(),
        )),
        Some(Tier::C) => root.draw(&Circle::new((x, y), r - 1, line)),
        Some(Tier::D) | None => root.draw(&Polygon::new(
            vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y)],
            line,
        )),
    }
}
