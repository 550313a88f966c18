//! "Out of 100 people" icon arrays, drawn with plotters. The share is shown exactly: 29.3 in
//! 100 is 29 full icons and a 30th filled 30% from the bottom, so nothing is rounded.

use crate::chart::{svg_picture, ChartError, Ink, SvgOptions};
use plotters::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IconGrid {
    pub denominator: u32,
    pub columns: u32,
    pub rows: u32,
    /// Icons filled completely.
    pub full: u32,
    /// How much of the next icon is filled, 0 to <1.
    pub partial: f64,
}

impl IconGrid {
    pub fn new(percent: f64, denominator: u32) -> IconGrid {
        let columns = if denominator >= 1000 { 50 } else { 10 };
        let exact = percent.clamp(0.0, 100.0) / 100.0 * f64::from(denominator);
        // Guard against 29.299999…: the share is a decimal, so settle it to 1e-9.
        let exact = (exact * 1e9).round() / 1e9;
        let full = exact.floor() as u32;
        IconGrid {
            denominator,
            columns,
            rows: denominator.div_ceil(columns),
            full,
            partial: exact - f64::from(full),
        }
    }

    /// Size of one icon and the gap that groups icons into blocks, in pixels.
    fn cell(&self) -> (i32, i32, u32) {
        match self.denominator {
            0..=10 => (22, 6, 5),
            11..=100 => (14, 5, 5),
            _ => (6, 4, 10),
        }
    }

    /// Pixel position of icon `i` (0-based), filled bottom row first, left to right.
    fn position(&self, i: u32) -> (i32, i32) {
        let (size, gap, block) = self.cell();
        let step = size + 2;
        let col = i % self.columns;
        let row_from_bottom = i / self.columns;
        let row = self.rows - 1 - row_from_bottom;
        let x = col as i32 * step + (col / block) as i32 * gap;
        let y = row as i32 * step + (row / block) as i32 * gap;
        (x, y)
    }

    pub fn size(&self) -> (u32, u32) {
        let (size, _, _) = self.cell();
        let (x, _) = self.position(self.columns - 1);
        let (_, y) = self.position(0);
        ((x + size) as u32 + 1, (y + size) as u32 + 1)
    }
}

/// How the share is coloured: the option's own colour, or the comparison group's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IconTone {
    Option,
    Comparator,
}

/// The grid as a decorative SVG (its figure is written beside it in words).
pub fn icon_array_svg(grid: &IconGrid, tone: IconTone) -> Result<String, ChartError> {
    let fill = match tone {
        IconTone::Option => Ink::Mark,
        IconTone::Comparator => Ink::Mark2,
    }
    .color();
    let (width, height) = grid.size();
    let (size, _, _) = grid.cell();
    svg_picture(
        (width as i32, height as i32),
        SvgOptions::DECORATIVE,
        |root| {
            let draw = |corners: [(i32, i32); 2], style: ShapeStyle| {
                root.draw(&Rectangle::new(corners, style))
                    .map_err(|e| ChartError::from_drawing(&e))
            };
            for i in 0..grid.denominator {
                let (x, y) = grid.position(i);
                let corners = [(x, y), (x + size, y + size)];
                if i < grid.full {
                    draw(corners, fill.filled())?;
                    continue;
                }
                draw(corners, Color::stroke_width(&Ink::Empty.color(), 1))?;
                if i == grid.full && grid.partial > 0.0 {
                    let filled = (f64::from(size) * grid.partial).round().max(1.0) as i32;
                    draw(
                        [(x, y + size - filled), (x + size, y + size)],
                        fill.filled(),
                    )?;
                }
            }
            Ok(())
        },
    )
}

/// "29.3" out of 100 as "2.93" out of 10 or "293" out of 1000: the written number with its
/// decimal point moved, so no digit is invented or rounded away.
pub fn per_denominator(percent_text: &str, denominator: u32) -> String {
    let shift: i32 = match denominator {
        10 => -1,
        1000 => 1,
        _ => 0,
    };
    let (int, frac) = percent_text.split_once('.').unwrap_or((percent_text, ""));
    let digits = format!("{int}{frac}");
    let point = int.len() as i32 + shift;
    let text = if point <= 0 {
        format!("0.{}{digits}", "0".repeat((-point) as usize))
    } else if point as usize >= digits.len() {
        format!("{digits}{}", "0".repeat(point as usize - digits.len()))
    } else {
        format!(
            "{}.{}",
            &digits[..point as usize],
            &digits[point as usize..]
        )
    };
    // Leading zeros ("029.3" → "29.3") are not digits the author wrote.
    let trimmed = text.trim_start_matches('0');
    if trimmed.is_empty() || trimmed.starts_with('.') {
        format!("0{trimmed}")
    } else {
        trimmed.to_string()
    }
}
