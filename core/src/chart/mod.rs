//! The charts, drawn with plotters at the width each panel really has, so text is always drawn
//! at its true size. Layout first (`Layout`: where every bar, label and row goes, tested
//! without drawing), then drawing through the widget's own SVG backend (`svg`).
//!
//! - `bars`: one figure's bars in an option's card (no text, any width);
//! - `studies`: every study's rate of an outcome, marks shaped by tier (the card's "every study");
//! - `rows`: the grid every panel shares and the response and remission rows;
//! - `panels`: the hours-and-invasiveness and price panels, and each panel's title;
//! - `scales`: the axes; `text`: fitting words without measuring fonts; `svg`: the backend;
//!   `draw`: a row and an axis drawn through it.
//!
//! Pure: the same rows, width and words always give the same SVG.

mod bars;
mod draw;
mod panels;
mod rows;
mod scales;
mod studies;
mod svg;
mod text;

pub use bars::FigureBars;
pub use panels::{burden_layout, cost_layout, panel_layout, panel_title};
pub use scales::{Axis, Frame};
pub use studies::{ratio_position, ratios_svg, studies_svg};
pub use svg::{svg_picture, xml_escape, ChartError, Fit, Ink, SvgCanvas, SvgOptions};
pub use text::{fit, place_label, text_width, wrap, LabelPlace};

use crate::model::Metric;
use crate::view_model::OptionRow;
use crate::words::Words;

/// Width used where none is measured (server rendering, tests, the first paint).
pub const DEFAULT_WIDTH: u32 = 640;
pub const MIN_WIDTH: u32 = 260;
pub const MAX_WIDTH: u32 = 1400;
/// Below this width names go above the bars instead of beside them.
pub const STACK_BELOW: u32 = 560;

// Text sizes in CSS pixels as the reader sees them.
const NAME_SIZE: f64 = 16.0;
const VALUE_SIZE: f64 = 16.0;
const SMALL_SIZE: f64 = 14.0;
const LINE: i32 = 21;
const BAR: i32 = 20;
const COMPARATOR_BAR: i32 = 14;
const GAP: i32 = 5;
const ROW_PADDING: i32 = 12;
pub const AXIS_HEIGHT: i32 = 44;
/// Blank space above the first row, in pixels.
pub const TOP_MARGIN: i32 = 8;

/// Where everything goes, in pixels. Computed first so it can be tested without drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: i32,
    pub height: i32,
    pub stacked: bool,
    pub plot_left: i32,
    pub plot_right: i32,
    pub rows: Vec<RowLayout>,
    /// What the horizontal axis measures.
    pub axis: Axis,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RowLayout {
    pub top: i32,
    /// Text in the row; the first `name_lines` are the option's name.
    pub labels: Vec<Label>,
    pub name_lines: usize,
    /// The option's filled bar: (top, right end).
    pub bar: Option<(i32, i32)>,
    /// The comparison group's hollow bar: (top, right end).
    pub comparator_bar: Option<(i32, i32)>,
    /// Its outline: solid for a control group, dashed for another treatment, dotted for a
    /// subgroup (see `bars::outline`).
    pub comparator_ink: Ink,
    /// Top and bottom of the bars and their labels, where gridlines are drawn.
    pub bar_zone: (i32, i32),
    /// Where the filled bar starts, when it is a range rather than starting at zero.
    pub bar_start: Option<i32>,
    /// Invasiveness steps: (top, level 1–4).
    pub steps: Option<(i32, u8)>,
    pub bottom: i32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Text,
    Muted,
    OnBar,
    Flag,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    End,
}

/// One piece of text, vertically centred on `y`.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub x: i32,
    pub y: i32,
    pub anchor: Anchor,
    pub size: f64,
    pub tone: Tone,
    pub text: String,
}

/// One row drawn on its own (its top at 0). Equal pictures draw equal SVG, so the view can
/// skip redrawing a row that only moved.
#[derive(Clone, Debug, PartialEq)]
pub struct RowPicture {
    pub frame: Frame,
    pub row: RowLayout,
    pub height: i32,
}

impl RowPicture {
    /// The row's SVG, decorative: the page carries its figures as text.
    pub fn svg(&self, w: Words) -> Result<String, ChartError> {
        svg_picture(
            (self.frame.width, self.height),
            SvgOptions::DECORATIVE,
            |root| draw::draw_row(root, &self.frame, &self.row, w),
        )
    }
}

/// The tick labels and caption under the rows.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisPicture {
    pub frame: Frame,
}

impl AxisPicture {
    pub fn svg(&self, w: Words) -> Result<String, ChartError> {
        svg_picture(
            (self.frame.width, AXIS_HEIGHT),
            SvgOptions::DECORATIVE,
            |root| draw::draw_axis(root, &self.frame, 0, w),
        )
    }
}

impl RowLayout {
    /// The same row moved down by `dy` pixels.
    pub fn shifted(&self, dy: i32) -> RowLayout {
        let mut row = self.clone();
        row.top += dy;
        row.bottom += dy;
        row.bar_zone = (row.bar_zone.0 + dy, row.bar_zone.1 + dy);
        row.bar = row.bar.map(|(top, end)| (top + dy, end));
        row.comparator_bar = row.comparator_bar.map(|(top, end)| (top + dy, end));
        row.steps = row.steps.map(|(top, level)| (top + dy, level));
        for label in &mut row.labels {
            label.y += dy;
        }
        row
    }
}

impl Layout {
    /// The response or remission panel over `rows`, `width` pixels wide.
    pub fn new(rows: &[OptionRow], metric: Metric, width: u32, w: Words) -> Layout {
        rows::metric_layout(rows, metric, width, w)
    }

    /// x pixel of a percentage.
    pub fn x(&self, percent: f64) -> i32 {
        self.frame().x(percent)
    }

    /// What every row of this panel shares.
    pub fn frame(&self) -> Frame {
        Frame {
            width: self.width,
            plot_left: self.plot_left,
            plot_right: self.plot_right,
            axis: self.axis.clone(),
        }
    }

    /// Each row as a picture of its own, drawn from its own top, plus the axis strip: the live
    /// view stacks these so that a re-sort moves rows instead of redrawing them.
    pub fn pictures(&self) -> (Vec<RowPicture>, AxisPicture) {
        let frame = self.frame();
        let rows = self
            .rows
            .iter()
            .map(|row| RowPicture {
                frame: frame.clone(),
                height: row.bottom - row.top + ROW_PADDING / 2,
                row: row.shifted(-row.top),
            })
            .collect();
        (rows, AxisPicture { frame })
    }

    /// The whole panel as one SVG (for exports and tests; the live view draws row by row).
    pub fn svg(&self, options: SvgOptions, w: Words) -> Result<String, ChartError> {
        let frame = self.frame();
        svg_picture((self.width, self.height), options, |root| {
            for row in &self.rows {
                draw::draw_row(root, &frame, row, w)?;
            }
            draw::draw_axis(root, &frame, self.height - AXIS_HEIGHT, w)
        })
    }
}

/// Draws the panel for `metric` over `rows`, in row order, `width` pixels wide, as SVG.
pub fn metric_panel_svg(
    rows: &[OptionRow],
    metric: Metric,
    width: u32,
    w: Words,
) -> Result<String, ChartError> {
    Layout::new(rows, metric, width, w).svg(SvgOptions::default(), w)
}
