//! What a chart row and its axis are drawn as, through the widget's SVG backend (`svg`): the
//! gridlines behind the bars, the bars, the invasiveness steps and the labels, all in `Ink`.

use super::svg::{err, ChartError, Ink, SvgCanvas};
use super::{Anchor, Frame, Label, RowLayout, Tone, BAR, COMPARATOR_BAR, SMALL_SIZE};
use crate::words::Words;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The font every chart label is drawn in (the widget's CSS replaces it with the host's).
const FONT: &str = "sans-serif";

/// Draws one row: gridlines behind its bars, the bars, the invasiveness steps, its labels.
pub(super) fn draw_row(
    root: &DrawingArea<SvgCanvas, Shift>,
    frame: &Frame,
    row: &RowLayout,
    w: Words,
) -> Result<(), ChartError> {
    // Gridlines only behind bars, so they never cross a name or a "not reported".
    let (from, to) = (row.bar_zone.0 - 3, row.bar_zone.1 + 3);
    let has_bars = row.bar.is_some() || row.comparator_bar.is_some();
    for (i, (x, _)) in frame.ticks(w).into_iter().enumerate() {
        if i > 0 && !has_bars {
            break;
        }
        let ink = if i == 0 { Ink::Muted } else { Ink::Grid };
        root.draw(&PathElement::new(vec![(x, from), (x, to)], ink.color()))
            .map_err(err)?;
    }
    if let Some((top, end)) = row.bar {
        let start = row.bar_start.unwrap_or(frame.plot_left);
        root.draw(&Rectangle::new(
            [(start, top), (end, top + BAR)],
            Ink::Mark.color().filled(),
        ))
        .map_err(err)?;
    }
    if let Some((top, level)) = row.steps {
        for step in 1..=4u8 {
            let x = frame.plot_left + i32::from(step - 1) * (COMPARATOR_BAR + 4);
            let corners = [(x, top), (x + COMPARATOR_BAR, top + COMPARATOR_BAR)];
            let style = if step <= level {
                Ink::Mark2.color().filled()
            } else {
                Color::stroke_width(&Ink::Mark2.color(), 1)
            };
            root.draw(&Rectangle::new(corners, style)).map_err(err)?;
        }
    }
    if let Some((top, end)) = row.comparator_bar {
        // Hollow: told apart from the option's bar by shape, not only by colour.
        root.draw(&Rectangle::new(
            [(frame.plot_left, top), (end, top + COMPARATOR_BAR)],
            Color::stroke_width(&row.comparator_ink.color(), 2),
        ))
        .map_err(err)?;
    }
    for label in &row.labels {
        draw_label(root, label)?;
    }
    Ok(())
}

fn draw_label(area: &DrawingArea<SvgCanvas, Shift>, label: &Label) -> Result<(), ChartError> {
    let ink = match label.tone {
        Tone::Text => Ink::Text,
        Tone::Muted => Ink::Muted,
        Tone::OnBar => Ink::White,
        Tone::Flag => Ink::Flag,
    };
    let h = match label.anchor {
        Anchor::Start => HPos::Left,
        Anchor::End => HPos::Right,
    };
    text(
        area,
        label.text.clone(),
        (label.x, label.y),
        label.size,
        ink,
        h,
    )
}

fn text(
    area: &DrawingArea<SvgCanvas, Shift>,
    s: String,
    at: (i32, i32),
    size: f64,
    ink: Ink,
    h: HPos,
) -> Result<(), ChartError> {
    let color = ink.color();
    let style = TextStyle::from((FONT, size).into_font())
        .color(&color)
        .pos(Pos::new(h, VPos::Center));
    area.draw(&Text::new(s, at, style)).map_err(err)
}

/// The axis strip whose top is at `top`: tick labels and the caption.
pub(super) fn draw_axis(
    area: &DrawingArea<SvgCanvas, Shift>,
    frame: &Frame,
    top: i32,
    w: Words,
) -> Result<(), ChartError> {
    let grid_bottom = top + 4;
    let ticks = frame.ticks(w);
    let last = ticks.len().saturating_sub(1);
    for (i, (x, label)) in ticks.into_iter().enumerate() {
        if label.is_empty() {
            continue;
        }
        // The end labels align inwards so they never leave the chart.
        let anchor = match i {
            0 => HPos::Left,
            i if i == last => HPos::Right,
            _ => HPos::Center,
        };
        text(
            area,
            label,
            (x, grid_bottom + 11),
            SMALL_SIZE,
            Ink::Muted,
            anchor,
        )?;
    }
    text(
        area,
        super::text::fit(
            &frame.caption(w),
            SMALL_SIZE,
            frame.plot_right - frame.plot_left,
        ),
        ((frame.plot_left + frame.plot_right) / 2, grid_bottom + 30),
        SMALL_SIZE,
        Ink::Muted,
        HPos::Center,
    )
}
