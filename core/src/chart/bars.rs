//! The bars of one figure, as each option's card shows them: the option's rate as a filled bar
//! on a faint 0–100% track, and its comparison group's rate beneath as an outline: solid for a
//! control group (sham, placebo, usual care), dashed for a group given another treatment,
//! dotted for other people given the same treatment (a subgroup, not randomized).
//! No text: the card writes the figures beside the bars, where they wrap and read as text. So
//! the picture stretches to any width, and every card's bars share one scale.

use super::svg::{svg_picture, ChartError, Fit, Ink, SvgOptions};
use crate::model::ComparatorKind;
use crate::view_model::Figure;
use plotters::prelude::*;

/// The picture's width in its own units: one unit is a tenth of a percentage point.
const WIDTH: i32 = 1000;
const BAR: i32 = 12;
const GAP: i32 = 3;
const COMPARATOR: i32 = 8;

/// What one figure's bars show.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureBars {
    /// The option's rate, in percent.
    pub option: f64,
    /// The comparison group's rate, and the outline it is drawn with.
    pub comparator: Option<(f64, Ink)>,
}

impl FigureBars {
    /// The bars of a figure that is a single rate; `None` for "not reported", ranges, ratios
    /// and other values, which the card gives in words only.
    pub fn of(figure: &Figure) -> Option<FigureBars> {
        Some(FigureBars {
            option: figure.percent()?,
            comparator: figure
                .comparator
                .as_ref()
                .and_then(|c| Some((c.percent()?, outline(c.kind)))),
        })
    }

    /// The picture's height in CSS pixels.
    pub fn height(&self) -> i32 {
        match self.comparator {
            Some(_) => BAR + GAP + COMPARATOR + 2,
            None => BAR + 2,
        }
    }

    pub fn svg(&self) -> Result<String, ChartError> {
        let options = SvgOptions {
            fit: Fit::Stretch,
            ..SvgOptions::DECORATIVE
        };
        let x =
            |percent: f64| (percent.clamp(0.0, 100.0) * f64::from(WIDTH) / 100.0).round() as i32;
        svg_picture((WIDTH, self.height()), options, |root| {
            let draw = |corners: [(i32, i32); 2], style: ShapeStyle| {
                root.draw(&Rectangle::new(corners, style))
                    .map_err(|e| ChartError::from_drawing(&e))
            };
            // The track: how far 100% would reach, so a short bar reads as a small share.
            draw([(0, 1), (WIDTH, 1 + BAR)], Ink::Grid.color().filled())?;
            draw(
                [(0, 1), (x(self.option).max(2), 1 + BAR)],
                Ink::Mark.color().filled(),
            )?;
            if let Some((rate, ink)) = self.comparator {
                let top = 1 + BAR + GAP;
                draw(
                    [(0, top), (x(rate).max(2), top + COMPARATOR)],
                    Color::stroke_width(&ink.color(), 2),
                )?;
            }
            Ok(())
        })
    }
}

/// The outline a comparison group is drawn with, by what it got.
pub fn outline(kind: ComparatorKind) -> Ink {
    match kind {
        ComparatorKind::Active => Ink::Other,
        ComparatorKind::Subgroup => Ink::Subgroup,
        ComparatorKind::Sham
        | ComparatorKind::Placebo
        | ComparatorKind::UsualCare
        | ComparatorKind::None => Ink::Mark2,
    }
}
