//! "Out of 100 people" icon arrays, drawn with plotters: whole people, as readers count them.
//! The view always writes the rate as written beside them ("about 26 in 100 people, 26.1%"), so
//! the rounding to whole icons hides nothing.

use crate::chart::{svg_picture, ChartError, Fit, Ink, SvgOptions};
use crate::words::Share;
use plotters::prelude::*;

/// One icon's side and the space between icons, in the picture's own units (it is scaled to
/// the width it is given, but never below `MIN_ICON_PX` per icon: see `IconGrid::min_width`).
const CELL: i32 = 10;
const GAP: i32 = 2;
/// Icons are never drawn smaller than this many CSS pixels.
pub const MIN_ICON_PX: u32 = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IconGrid {
    pub denominator: u32,
    pub columns: u32,
    pub rows: u32,
    /// Icons filled: the share in whole people.
    pub filled: u32,
}

impl IconGrid {
    /// The grid for a rate written `written` out of `denominator`; `None` where the rate is
    /// not a plain decimal (the view then says so in words).
    pub fn new(written: &str, denominator: u32) -> Option<IconGrid> {
        let share = Share::of(written, denominator)?;
        // 1000 people as 25 × 40, so the icons stay large enough on a phone.
        let columns = if denominator >= 1000 { 25 } else { 10 };
        Some(IconGrid {
            denominator,
            columns,
            rows: denominator.div_ceil(columns),
            filled: u32::try_from(share.rounded).ok()?.min(denominator),
        })
    }

    /// Top-left corner of icon `i` (0-based), filled from the top row, left to right, so the
    /// filled people read like text. A wider gap every 5 icons makes them easy to count.
    fn position(&self, i: u32) -> (i32, i32) {
        let step = CELL + GAP;
        let (col, row) = ((i % self.columns) as i32, (i / self.columns) as i32);
        (col * step + col / 5 * GAP, row * step + row / 5 * GAP)
    }

    /// The picture's size in its own units.
    pub fn size(&self) -> (u32, u32) {
        let (x, _) = self.position(self.columns - 1);
        let (_, y) = self.position(self.denominator - 1);
        ((x + CELL) as u32, (y + CELL) as u32)
    }

    /// The narrowest the picture may be shown, in CSS pixels, with icons of `MIN_ICON_PX`.
    pub fn min_width(&self) -> u32 {
        let (width, _) = self.size();
        // Rounded up, so no icon falls a fraction of a pixel short.
        (width * MIN_ICON_PX).div_ceil(CELL as u32)
    }
}

/// How the share is coloured: the option's own colour, or the comparison group's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IconTone {
    Option,
    Comparator,
}

/// The grid as a decorative SVG that scales to the width it is given (its figure is written
/// beside it in words and digits).
pub fn icon_array_svg(grid: &IconGrid, tone: IconTone) -> Result<String, ChartError> {
    let fill = match tone {
        IconTone::Option => Ink::Mark,
        IconTone::Comparator => Ink::Mark2,
    }
    .color();
    let (width, height) = grid.size();
    let options = SvgOptions {
        fit: Fit::Scale,
        ..SvgOptions::DECORATIVE
    };
    svg_picture((width as i32, height as i32), options, |root| {
        for i in 0..grid.denominator {
            let (x, y) = grid.position(i);
            let corners = [(x, y), (x + CELL, y + CELL)];
            let style = if i < grid.filled {
                fill.filled()
            } else {
                Color::stroke_width(&Ink::Empty.color(), 1)
            };
            root.draw(&Rectangle::new(corners, style))
                .map_err(|e| ChartError::from_drawing(&e))?;
        }
        Ok(())
    })
}
