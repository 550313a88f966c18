//! Drawing one metric panel as SVG with plotters, at the width the panel really has, so text is
//! always drawn at its true size. Each option gets a filled bar for its headline rate and a
//! hollow bar beneath for the comparison group; a missing rate reads "not reported" in words.
//! Wide panels put names to the left of the bars; narrow ones put names above them.
//! Pure: the same rows and width always give the same SVG.

use crate::embed_config::PanelChoice;
use crate::model::Metric;
use crate::state::Panel;
use crate::view_model::{Figure, OptionRow, CHARTED_METRICS};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use thiserror::Error;

/// Width used where none is measured (server rendering, tests, the first paint).
pub const DEFAULT_WIDTH: u32 = 640;
pub const MIN_WIDTH: u32 = 260;
pub const MAX_WIDTH: u32 = 1400;
/// Below this width names go above the bars instead of beside them.
pub const STACK_BELOW: u32 = 560;

const FONT: &str = "sans-serif";
// Text sizes in CSS pixels as the reader sees them.
const NAME_SIZE: f64 = 16.0;
const VALUE_SIZE: f64 = 16.0;
const SMALL_SIZE: f64 = 14.0;
/// plotters' SVG backend writes `font-size` as the given size divided by 1.24.
const PLOTTERS_FONT_SCALE: f64 = 1.24;
const LINE: i32 = 21;
const BAR: i32 = 20;
const COMPARATOR_BAR: i32 = 14;
const GAP: i32 = 5;
const ROW_PADDING: i32 = 12;
pub const AXIS_HEIGHT: i32 = 44;
const MAX_NAME_LINES: usize = 3;

// Colours meet WCAG contrast on white: text ≥ 4.5:1, marks ≥ 3:1.
const TREATMENT: RGBColor = RGBColor(0x1d, 0x4e, 0x89);
const COMPARATOR: RGBColor = RGBColor(0x59, 0x59, 0x59);
const TEXT: RGBColor = RGBColor(0x1a, 0x1a, 0x1a);
const MUTED: RGBColor = RGBColor(0x55, 0x55, 0x55);
const FLAG: RGBColor = RGBColor(0x7a, 0x4a, 0x00);
const GRID: RGBColor = RGBColor(0xdd, 0xdd, 0xdd);

#[derive(Debug, Error)]
#[error("the chart could not be drawn: {0}")]
pub struct ChartError(String);

pub(crate) fn err<E: std::fmt::Debug>(e: E) -> ChartError {
    ChartError(format!("{e:?}"))
}

/// A conservative estimate of drawn text width; layout decisions must not depend on fonts,
/// which differ between machines and host pages.
pub fn text_width(text: &str, size: f64) -> i32 {
    (text.chars().count() as f64 * size * 0.6).ceil() as i32
}

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

/// What a panel's horizontal axis measures.
#[derive(Clone, Debug, PartialEq)]
pub enum Axis {
    /// 0–100 % of people.
    Percent,
    /// 0 to this many hours (a multiple of 10).
    Hours(f64),
    /// Prices in one currency on a log scale, from 10^`from` to 10^`to`.
    LogPrice {
        from: i32,
        to: i32,
        currency: String,
    },
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
    /// Top and bottom of the bars and their labels, where gridlines are drawn.
    pub bar_zone: (i32, i32),
    /// Where the filled bar starts, when it is a range rather than starting at zero.
    pub bar_start: Option<i32>,
    /// Invasiveness steps: (top, level 1–4).
    pub steps: Option<(i32, u8)>,
    pub bottom: i32,
}

/// The panel's width and the plot's horizontal extent and axis, shared by all its rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub width: i32,
    pub plot_left: i32,
    pub plot_right: i32,
    pub axis: Axis,
}

impl Frame {
    /// x pixel of a share of the plot's width, in percent.
    pub fn x(&self, percent: f64) -> i32 {
        let span = (self.plot_right - self.plot_left) as f64;
        self.plot_left + (percent.clamp(0.0, 100.0) / 100.0 * span).round() as i32
    }

    /// x pixel of a value on this panel's axis (a rate, hours or a price).
    pub fn at(&self, value: f64) -> i32 {
        match &self.axis {
            Axis::Percent => self.x(value),
            Axis::Hours(max) => self.x(value / max * 100.0),
            Axis::LogPrice { from, to, .. } => {
                let decades = f64::from((to - from).max(1));
                self.x((value.max(1e-9).log10() - f64::from(*from)) / decades * 100.0)
            }
        }
    }

    /// Gridline positions with their labels; a label is empty where it would crowd its
    /// neighbours.
    pub fn ticks(&self) -> Vec<(i32, String)> {
        match &self.axis {
            Axis::Percent => (0..=100)
                .step_by(20)
                .map(|t| (self.x(f64::from(t)), format!("{t}%")))
                .collect(),
            // Whole hours: the scale is a multiple of 10, so each fifth is a whole number.
            Axis::Hours(max) => (0..=100)
                .step_by(20)
                .map(|t| {
                    let hours = (max * f64::from(t) / 100.0) as i64;
                    (self.x(f64::from(t)), format!("{hours} h"))
                })
                .collect(),
            Axis::LogPrice { from, to, currency } => {
                let symbol = crate::view_model::currency_symbol(currency);
                let labels: Vec<String> = (*from..=*to)
                    .map(|e| format!("{symbol}{}", short_power_of_ten(e)))
                    .collect();
                let widest = labels.iter().map(|l| text_width(l, SMALL_SIZE)).max();
                let spacing = (self.plot_right - self.plot_left) / (to - from).max(1);
                let every = if widest.unwrap_or(0) + 6 > spacing {
                    2
                } else {
                    1
                };
                (*from..=*to)
                    .zip(labels)
                    .enumerate()
                    .map(|(i, (e, label))| {
                        let shown = i % every == 0 || e == *to;
                        let x = self.at(10f64.powi(e));
                        (x, if shown { label } else { String::new() })
                    })
                    .collect()
            }
        }
    }

    fn caption(&self) -> String {
        match &self.axis {
            Axis::Percent => "% of people in each study group".to_string(),
            Axis::Hours(_) => "Estimated hours in clinic".to_string(),
            Axis::LogPrice { currency, .. } => {
                format!("Price in {currency} (log scale)")
            }
        }
    }
}

/// "1", "10", "100", "1k" … "1M" for 10^e.
fn short_power_of_ten(e: i32) -> String {
    match e {
        i32::MIN..=-1 => format!("1e{e}"),
        0..=2 => 10i64.pow(e as u32).to_string(),
        3..=5 => format!("{}k", 10i64.pow(e as u32 - 3)),
        6..=8 => format!("{}M", 10i64.pow(e as u32 - 6)),
        _ => format!("1e{e}"),
    }
}

/// The colours plotters writes, and the class the live view's CSS repaints each with for the
/// theme (dark, high contrast, the host's own). Classes, because attribute selectors over every
/// SVG element made styling the page take twice as long (measured: 314 ms → 160 ms to first chart).
const THEMED: [(&str, &str); 12] = [
    (r##"fill="#1A1A1A""##, "trd-c-text"),
    (r##"fill="#555555""##, "trd-c-muted"),
    (r##"stroke="#555555""##, "trd-s-muted"),
    (r##"fill="#1D4E89""##, "trd-c-mark"),
    (r##"stroke="#1D4E89""##, "trd-s-mark"),
    (r##"fill="#595959""##, "trd-c-mark2"),
    (r##"stroke="#595959""##, "trd-s-mark2"),
    (r##"stroke="#DDDDDD""##, "trd-s-grid"),
    (r##"fill="#7A4A00""##, "trd-c-flag"),
    (r##"fill="#8A8F98""##, "trd-c-empty"),
    (r##"stroke="#8A8F98""##, "trd-s-empty"),
    (r##"fill="#FFFFFF""##, "trd-c-white"),
];

/// The SVG with a theme class on each element that has one of the colours above (the colours
/// stay, for any place without the widget's CSS). White is the background on a rect and the
/// text on a bar, told apart by the element. plotters draws each element with one colour.
pub fn themeable(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() + svg.len() / 8);
    for (i, piece) in svg.split('<').enumerate() {
        if i > 0 {
            out.push('<');
        }
        let class = THEMED
            .iter()
            .find(|(colour, _)| piece.contains(colour))
            .map(|(_, class)| match (*class, piece.starts_with("text")) {
                ("trd-c-white", true) => "trd-c-onmark",
                ("trd-c-white", false) => "trd-c-bg",
                (other, _) => other,
            });
        match (class, piece.find(' ')) {
            (Some(class), Some(space)) if !piece.starts_with('/') => {
                out.push_str(&piece[..space]);
                out.push_str(&format!(r#" class="{class}""#));
                out.push_str(&piece[space..]);
            }
            _ => out.push_str(piece),
        }
    }
    out
}

impl PanelChoice {
    /// The panel's heading, on screen and in exports.
    pub fn title(self) -> String {
        match self {
            PanelChoice::Chart(Panel::Metric(metric)) => format!("{} rate", metric.label()),
            PanelChoice::Chart(Panel::Cost) => "What it costs".to_string(),
            PanelChoice::Burden => "What it involves".to_string(),
        }
    }

    /// Where everything in this panel goes, over `rows`, at `width` pixels.
    pub fn layout(self, rows: &[OptionRow], width: u32) -> Layout {
        match self {
            PanelChoice::Chart(Panel::Metric(metric)) => Layout::new(rows, metric, width),
            PanelChoice::Chart(Panel::Cost) => cost_layout(rows, width),
            PanelChoice::Burden => burden_layout(rows, width),
        }
    }
}

/// Blank space above the first row, in pixels.
pub const TOP_MARGIN: i32 = 8;

/// One row drawn on its own (its top at 0). Equal pictures draw equal SVG, so the view can
/// skip redrawing a row that only moved.
#[derive(Clone, Debug, PartialEq)]
pub struct RowPicture {
    pub frame: Frame,
    pub row: RowLayout,
    pub height: i32,
}

impl RowPicture {
    /// The row's SVG, with theme classes (see `themeable`).
    pub fn svg(&self) -> Result<String, ChartError> {
        svg_of(self.frame.width, self.height, |root| {
            draw_row(root, &self.frame, &self.row)
        })
        .map(|svg| themeable(&svg))
    }
}

/// The tick labels and caption under the rows.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisPicture {
    pub frame: Frame,
}

impl AxisPicture {
    /// The axis strip's SVG, with theme classes (see `themeable`).
    pub fn svg(&self) -> Result<String, ChartError> {
        svg_of(self.frame.width, AXIS_HEIGHT, |root| {
            draw_axis(root, &self.frame, 0)
        })
        .map(|svg| themeable(&svg))
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

impl Layout {
    pub fn new(rows: &[OptionRow], metric: Metric, width: u32) -> Layout {
        let width = width.clamp(MIN_WIDTH, MAX_WIDTH) as i32;
        let stacked = width < STACK_BELOW as i32;
        let label_width = if stacked {
            width - 16
        } else {
            (width * 32 / 100).clamp(150, 260)
        };
        // Room at both ends for half of the "0%" and "100%" tick labels.
        let (plot_left, plot_right) = if stacked {
            (12, width - 20)
        } else {
            (label_width + 12, width - 20)
        };
        let mut layout = Layout {
            width,
            height: 0,
            stacked,
            plot_left,
            plot_right,
            rows: Vec::with_capacity(rows.len()),
            axis: Axis::Percent,
        };
        let name_chars = ((label_width - 8) as f64 / (NAME_SIZE * 0.6)).floor() as usize;
        let mut y = TOP_MARGIN;
        for row in rows {
            let mut laid = layout.row(row, metric, y, name_chars.max(8));
            // Every panel gives a row the height the tallest panel needs, so options line up
            // across panels (a flag or a wrapped label in one panel would shift the others).
            let tallest = CHARTED_METRICS
                .iter()
                .map(|&m| {
                    let other = layout.row(row, m, 0, name_chars.max(8));
                    other.bottom - other.top
                })
                .max()
                .unwrap_or(0);
            laid.bottom = laid.bottom.max(laid.top + tallest);
            y = laid.bottom + ROW_PADDING / 2;
            layout.rows.push(laid);
        }
        layout.height = y + AXIS_HEIGHT;
        layout
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

    fn row(&self, row: &OptionRow, metric: Metric, top: i32, name_chars: usize) -> RowLayout {
        let figure = row.figure(metric);
        let mut names: Vec<(String, Tone, f64)> = wrap(&row.name, name_chars, MAX_NAME_LINES)
            .into_iter()
            .map(|line| (line, Tone::Text, NAME_SIZE))
            .collect();
        let name_lines = names.len();
        if let Some(flag) = figure.and_then(Figure::flag) {
            names.push((format!("⚠ {flag}"), Tone::Flag, SMALL_SIZE));
        }
        let names_height = LINE * names.len() as i32;
        let comparator = figure.map(|f| self.comparator_text(f)).unwrap_or_default();
        let left = self.plot_left;

        // The comparison label goes on a line of its own when it fits neither beside nor in its bar.
        let comparator_end = comparator.1.map(|p| self.x(p));
        let comparator_place = comparator_end.map_or(
            Some(LabelPlace::After(
                left + 6,
                fit(&comparator.0, SMALL_SIZE, self.plot_right - left - 6),
            )),
            |end| fits_beside_or_inside(&comparator.0, SMALL_SIZE, end, left, self.plot_right),
        );
        // On a line of its own it wraps rather than losing words.
        let own_lines = if comparator.0.is_empty() || comparator_place.is_some() {
            Vec::new()
        } else {
            let chars = ((self.plot_right - left - 6) as f64 / (SMALL_SIZE * 0.6)).floor() as usize;
            wrap(&comparator.0, chars.max(8), 2)
        };
        let extra_line = LINE * own_lines.len() as i32;
        let bars_height = BAR + GAP + COMPARATOR_BAR + extra_line;
        let (bar_top, bottom) = if self.stacked {
            let bar_top = top + names_height + 4;
            (bar_top, bar_top + bars_height + ROW_PADDING)
        } else {
            let inner = names_height.max(bars_height);
            (top + (inner - bars_height) / 2, top + inner + ROW_PADDING)
        };
        let comparator_top = bar_top + BAR + GAP;

        let mut labels = Vec::new();
        let (name_x, name_anchor) = if self.stacked {
            (left, Anchor::Start)
        } else {
            (left - 12, Anchor::End)
        };
        let first_name_y = if self.stacked {
            top + LINE / 2
        } else {
            // Centred on the bars, but never above the row's top: each row is drawn as a
            // picture of its own, and text above it would be cut off.
            (bar_top + (bars_height - extra_line) / 2 - (names.len() as i32 - 1) * LINE / 2)
                .max(top + LINE / 2)
        };
        for (i, (text, tone, size)) in names.into_iter().enumerate() {
            labels.push(Label {
                x: name_x,
                y: first_name_y + i as i32 * LINE,
                anchor: name_anchor,
                size,
                tone,
                text,
            });
        }

        let bar_mid = bar_top + BAR / 2;
        let bar = figure
            .and_then(|f| f.percent)
            .map(|p| (bar_top, self.x(p).max(left + 1)));
        match (figure, bar) {
            (Some(f), Some((_, end))) => {
                // The rate as written; k/n stays in the details.
                let text = format!("{}%", f.percent_text.as_deref().unwrap_or_default());
                labels.push(label_for(
                    place_label(&text, VALUE_SIZE, end, left, self.plot_right),
                    bar_mid,
                    VALUE_SIZE,
                    Tone::Text,
                    Tone::OnBar,
                ));
            }
            (Some(f), None) => {
                let words = if f.is_reported() {
                    format!("no rate to chart ({})", f.value_text)
                } else {
                    "not reported".to_string()
                };
                labels.push(muted_line(
                    &words,
                    left,
                    self.plot_right,
                    bar_mid,
                    VALUE_SIZE,
                ));
            }
            (None, _) => {}
        }

        let comparator_mid = comparator_top + COMPARATOR_BAR / 2;
        if let Some(place) = comparator_place.filter(|_| !comparator.0.is_empty()) {
            labels.push(label_for(
                place,
                comparator_mid,
                SMALL_SIZE,
                Tone::Muted,
                Tone::Muted,
            ));
        }
        for (i, line) in own_lines.into_iter().enumerate() {
            labels.push(Label {
                x: left + 6,
                y: comparator_mid + LINE * (i as i32 + 1),
                anchor: Anchor::Start,
                size: SMALL_SIZE,
                tone: Tone::Muted,
                text: line,
            });
        }
        RowLayout {
            top,
            labels,
            name_lines,
            bar,
            comparator_bar: comparator_end.map(|end| (comparator_top, end.max(left + 2))),
            bar_zone: (bar_top, bar_top + bars_height),
            bar_start: None,
            steps: None,
            bottom,
        }
    }

    /// The words under the option's bar, and the comparison group's rate if it has one.
    fn comparator_text(&self, figure: &Figure) -> (String, Option<f64>) {
        match &figure.comparator {
            Some(c) => match (c.percent, &c.percent_text, &c.value_text) {
                (Some(p), Some(written), _) => (format!("{} {written}%", c.label), Some(p)),
                (_, _, None) if c.label == "none" => ("no comparison group".to_string(), None),
                _ => (format!("compared with {}", c.summary()), None),
            },
            None if figure.is_reported() => ("comparison not reported".to_string(), None),
            None => (String::new(), None),
        }
    }
}

/// Where a label goes relative to its bar, and the text that fits there.
#[derive(Clone, Debug, PartialEq)]
pub enum LabelPlace {
    /// Left-aligned just after the bar's end.
    After(i32, String),
    /// Right-aligned just inside the bar's end.
    Inside(i32, String),
}

fn fits_beside_or_inside(
    text: &str,
    size: f64,
    bar_end: i32,
    bar_start: i32,
    limit: i32,
) -> Option<LabelPlace> {
    let w = text_width(text, size);
    if bar_end + 6 + w <= limit {
        Some(LabelPlace::After(bar_end + 6, text.to_string()))
    } else if w + 12 <= bar_end - bar_start {
        Some(LabelPlace::Inside(bar_end - 6, text.to_string()))
    } else {
        None
    }
}

/// Puts a label after its bar if it fits, else inside it, else where there is more room, cut.
pub fn place_label(text: &str, size: f64, bar_end: i32, bar_start: i32, limit: i32) -> LabelPlace {
    if let Some(place) = fits_beside_or_inside(text, size, bar_end, bar_start, limit) {
        place
    } else if limit - bar_end - 6 >= bar_end - bar_start - 12 {
        LabelPlace::After(bar_end + 6, fit(text, size, limit - bar_end - 6))
    } else {
        LabelPlace::Inside(bar_end - 6, fit(text, size, bar_end - bar_start - 12))
    }
}

/// The text, cut with "…" if its estimated width exceeds `room` pixels.
pub fn fit(text: &str, size: f64, room: i32) -> String {
    if text_width(text, size) <= room {
        return text.to_string();
    }
    let chars = (room.max(0) as f64 / (size * 0.6)).floor() as usize;
    let cut: String = text.chars().take(chars.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// Draws the panel for `metric` over `rows`, in row order, `width` pixels wide, as SVG.
pub fn metric_panel_svg(
    rows: &[OptionRow],
    metric: Metric,
    width: u32,
) -> Result<String, ChartError> {
    metric_panel(rows, metric, width).map(|(_, svg)| svg)
}

/// The panel's layout (where each row sits, for hit targets over the chart) and its SVG.
pub fn metric_panel(
    rows: &[OptionRow],
    metric: Metric,
    width: u32,
) -> Result<(Layout, String), ChartError> {
    let layout = Layout::new(rows, metric, width);
    let svg = draw_layout(&layout)?;
    Ok((layout, svg))
}

/// The whole panel as one SVG (for exports and tests; the live view draws row by row).
pub fn draw_layout(layout: &Layout) -> Result<String, ChartError> {
    let frame = layout.frame();
    svg_of(layout.width, layout.height, |root| {
        for row in &layout.rows {
            draw_row(root, &frame, row)?;
        }
        draw_axis(root, &frame, layout.height - AXIS_HEIGHT)
    })
}

/// An SVG document `width` × `height` on white, with `paint` drawing into it.
fn svg_of(
    width: i32,
    height: i32,
    paint: impl FnOnce(&DrawingArea<SVGBackend, Shift>) -> Result<(), ChartError>,
) -> Result<String, ChartError> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width.max(1) as u32, height.max(1) as u32))
            .into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        paint(&root)?;
        root.present().map_err(err)?;
    }
    Ok(svg)
}

fn draw_row(
    root: &DrawingArea<SVGBackend, Shift>,
    frame: &Frame,
    row: &RowLayout,
) -> Result<(), ChartError> {
    // Gridlines only behind bars, so they never cross a name or a "not reported".
    let (from, to) = (row.bar_zone.0 - 3, row.bar_zone.1 + 3);
    let has_bars = row.bar.is_some() || row.comparator_bar.is_some();
    for (i, (x, _)) in frame.ticks().into_iter().enumerate() {
        if i > 0 && !has_bars {
            break;
        }
        let colour = if i == 0 { MUTED } else { GRID };
        root.draw(&PathElement::new(vec![(x, from), (x, to)], colour))
            .map_err(err)?;
    }
    if let Some((top, end)) = row.bar {
        let start = row.bar_start.unwrap_or(frame.plot_left);
        root.draw(&Rectangle::new(
            [(start, top), (end, top + BAR)],
            TREATMENT.filled(),
        ))
        .map_err(err)?;
    }
    if let Some((top, level)) = row.steps {
        for step in 1..=4u8 {
            let x = frame.plot_left + i32::from(step - 1) * (COMPARATOR_BAR + 4);
            let corners = [(x, top), (x + COMPARATOR_BAR, top + COMPARATOR_BAR)];
            if step <= level {
                root.draw(&Rectangle::new(corners, COMPARATOR.filled()))
                    .map_err(err)?;
            } else {
                root.draw(&Rectangle::new(corners, COMPARATOR.stroke_width(1)))
                    .map_err(err)?;
            }
        }
    }
    if let Some((top, end)) = row.comparator_bar {
        // Hollow: told apart from the option's bar by shape, not only by colour.
        root.draw(&Rectangle::new(
            [(frame.plot_left, top), (end, top + COMPARATOR_BAR)],
            COMPARATOR.stroke_width(2),
        ))
        .map_err(err)?;
    }
    for label in &row.labels {
        draw_label(root, label)?;
    }
    Ok(())
}

fn draw_label(area: &DrawingArea<SVGBackend, Shift>, label: &Label) -> Result<(), ChartError> {
    let colour: &'static RGBColor = match label.tone {
        Tone::Text => &TEXT,
        Tone::Muted => &MUTED,
        Tone::OnBar => &WHITE,
        Tone::Flag => &FLAG,
    };
    let h = match label.anchor {
        Anchor::Start => HPos::Left,
        Anchor::End => HPos::Right,
    };
    text(
        area,
        label.text.clone(),
        (label.x, label.y),
        style(label.size, colour, h),
    )
}

fn style(size: f64, colour: &'static RGBColor, h: HPos) -> TextStyle<'static> {
    TextStyle::from((FONT, size * PLOTTERS_FONT_SCALE).into_font())
        .color(colour)
        .pos(Pos::new(h, VPos::Center))
}

fn text(
    area: &DrawingArea<SVGBackend, Shift>,
    s: String,
    at: (i32, i32),
    st: TextStyle,
) -> Result<(), ChartError> {
    area.draw(&Text::new(s, at, st)).map_err(err)
}

/// The axis strip whose top is at `top`: tick labels and the caption.
fn draw_axis(
    area: &DrawingArea<SVGBackend, Shift>,
    frame: &Frame,
    top: i32,
) -> Result<(), ChartError> {
    let grid_bottom = top + 4;
    let ticks = frame.ticks();
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
            style(SMALL_SIZE, &MUTED, anchor),
        )?;
    }
    text(
        area,
        fit(
            &frame.caption(),
            SMALL_SIZE,
            frame.plot_right - frame.plot_left,
        ),
        ((frame.plot_left + frame.plot_right) / 2, grid_bottom + 30),
        style(SMALL_SIZE, &MUTED, HPos::Center),
    )
}

/// The "What it involves" panel: on the same rows as the metric panels, each option's
/// estimated in-clinic hours as a range bar (or "not derivable") and its invasiveness level
/// as four steps with words.
pub fn burden_panel(rows: &[OptionRow], width: u32) -> Result<(Layout, String), ChartError> {
    let layout = burden_layout(rows, width);
    let svg = draw_layout(&layout)?;
    Ok((layout, svg))
}

/// Where everything in the "What it involves" panel goes.
pub fn burden_layout(rows: &[OptionRow], width: u32) -> Layout {
    let mut layout = Layout::new(rows, Metric::Response, width);
    let max_hours = rows
        .iter()
        .filter_map(|r| r.clinic_hours.as_ref())
        .map(|h| h.high.unwrap_or(h.low))
        .fold(10.0_f64, f64::max);
    let scale = (max_hours / 10.0).ceil() * 10.0;
    let left = layout.plot_left;
    for (row, place) in rows.iter().zip(layout.rows.iter_mut()) {
        place.labels.truncate(place.name_lines);
        place.comparator_bar = None;
        let bar_top = place.bar.map_or(place.bar_zone.0, |(top, _)| top);
        let mid = bar_top + BAR / 2;
        let x = |hours: f64| {
            left + ((hours / scale).min(1.0) * f64::from(layout.plot_right - left)).round() as i32
        };
        match &row.clinic_hours {
            Some(h) => {
                let (from, to) = (
                    x(if h.high.is_some() { h.low } else { 0.0 }),
                    x(h.high.unwrap_or(h.low)),
                );
                place.bar = Some((bar_top, to.max(from + 2)));
                place.comparator_bar = None;
                place.bar_start = Some(from);
                // The panel says these are estimates; on a phone the word would not fit here.
                place
                    .labels
                    .push(label_after(&h.text, (from, to), layout.plot_right, mid));
            }
            None => {
                place.bar = None;
                place.labels.push(muted_line(
                    "hours: not derivable",
                    left,
                    layout.plot_right,
                    mid,
                    VALUE_SIZE,
                ));
            }
        }
        let steps_top = bar_top + BAR + GAP;
        place.steps = Some((steps_top, row.invasiveness));
        // The levels' words are in the panel's legend: on a phone they would not fit here.
        let words = format!("{} of 4", row.invasiveness);
        let after_steps = left + 4 * (COMPARATOR_BAR + 4) + 6;
        place.labels.push(Label {
            x: after_steps,
            y: steps_top + COMPARATOR_BAR / 2,
            anchor: Anchor::Start,
            size: SMALL_SIZE,
            tone: Tone::Muted,
            text: fit(&words, SMALL_SIZE, layout.plot_right - after_steps),
        });
    }
    layout.axis = Axis::Hours(scale);
    layout
}

/// The "What it costs" panel: on the same rows as the others, each option's headline price
/// as a range on a log scale, with what it buys and its price year beneath.
pub fn cost_layout(rows: &[OptionRow], width: u32) -> Layout {
    let mut layout = Layout::new(rows, Metric::Response, width);
    // One currency per axis: the one most shown options price in (ties: the first seen).
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for cost in rows.iter().filter_map(|r| r.cost.as_ref()) {
        match counts.iter_mut().find(|(c, _)| *c == cost.currency) {
            Some((_, n)) => *n += 1,
            None => counts.push((&cost.currency, 1)),
        }
    }
    let most = counts.iter().map(|&(_, n)| n).max();
    let currency = counts
        .iter()
        .find(|&&(_, n)| Some(n) == most)
        .map_or("USD", |&(c, _)| c)
        .to_string();
    let on_axis = |r: &OptionRow| r.cost.as_ref().filter(|c| c.currency == currency).cloned();
    let prices: Vec<f64> = rows
        .iter()
        .filter_map(on_axis)
        .flat_map(|c| [c.low, c.high.unwrap_or(c.low)])
        .filter(|p| *p > 0.0)
        .collect();
    let from = prices.iter().copied().fold(f64::INFINITY, f64::min);
    let to = prices.iter().copied().fold(0.0_f64, f64::max);
    let (from, to) = if prices.is_empty() {
        (0, 3)
    } else {
        let from = from.log10().floor() as i32;
        (from, (to.log10().ceil() as i32).max(from + 1))
    };
    layout.axis = Axis::LogPrice {
        from,
        to,
        currency: currency.clone(),
    };
    let frame = layout.frame();
    let (left, right) = (layout.plot_left, layout.plot_right);
    for (row, place) in rows.iter().zip(layout.rows.iter_mut()) {
        place.labels.truncate(place.name_lines);
        place.comparator_bar = None;
        place.steps = None;
        let bar_top = place.bar.map_or(place.bar_zone.0, |(top, _)| top);
        let mid = bar_top + BAR / 2;
        let second_line = bar_top + BAR + GAP + COMPARATOR_BAR / 2;
        let words = match (&row.cost, on_axis(row)) {
            (_, Some(cost)) => {
                // A single price is a short mark, so it is never drawn as a zero-width bar.
                let start = (frame.at(cost.low) - 3).max(left);
                let end = (frame.at(cost.high.unwrap_or(cost.low)) + 3).min(right);
                place.bar = Some((bar_top, end.max(start + 6)));
                place.bar_start = Some(start);
                place
                    .labels
                    .push(price_label(&cost.amount, (start, end), (left, right), mid));
                if cost.price_year.chars().any(|c| c.is_ascii_digit()) {
                    format!("{} ({})", cost.unit, cost.price_year)
                } else {
                    format!("{} (year: {})", cost.unit, cost.price_year)
                }
            }
            (Some(cost), None) => {
                place.bar = None;
                place.labels.push(muted_line(
                    &format!("{} {}", cost.amount, cost.unit),
                    left,
                    right,
                    mid,
                    VALUE_SIZE,
                ));
                format!("not converted to {currency}, so not drawn")
            }
            (None, None) => {
                place.bar = None;
                place.labels.push(muted_line(
                    "no verified price",
                    left,
                    right,
                    mid,
                    VALUE_SIZE,
                ));
                String::new()
            }
        };
        if !words.is_empty() {
            place
                .labels
                .push(muted_line(&words, left, right, second_line, SMALL_SIZE));
        }
    }
    layout
}

/// A price beside its mark: after it, or before it when the mark is near the right end (on a
/// log scale the dearest options are), else inside or cut as other labels are.
fn price_label(text: &str, (start, end): (i32, i32), (left, right): (i32, i32), y: i32) -> Label {
    let w = text_width(text, VALUE_SIZE);
    if end + 6 + w > right && start - 6 - w >= left {
        Label {
            x: start - 6,
            y,
            anchor: Anchor::End,
            size: VALUE_SIZE,
            tone: Tone::Text,
            text: text.to_string(),
        }
    } else {
        label_after(text, (start, end), right, y)
    }
}

/// Grey text from the plot's left edge, cut to fit.
fn muted_line(text: &str, left: i32, right: i32, y: i32, size: f64) -> Label {
    Label {
        x: left + 6,
        y,
        anchor: Anchor::Start,
        size,
        tone: Tone::Muted,
        text: fit(text, size, right - left - 6),
    }
}

/// The "What it costs" panel's layout and SVG.
pub fn cost_panel(rows: &[OptionRow], width: u32) -> Result<(Layout, String), ChartError> {
    let layout = cost_layout(rows, width);
    let svg = draw_layout(&layout)?;
    Ok((layout, svg))
}

/// A value label where `place` puts it: after the bar in `outside` tone, inside in `inside`.
fn label_for(place: LabelPlace, y: i32, size: f64, outside: Tone, inside: Tone) -> Label {
    let (x, text, anchor, tone) = match place {
        LabelPlace::After(x, text) => (x, text, Anchor::Start, outside),
        LabelPlace::Inside(x, text) => (x, text, Anchor::End, inside),
    };
    Label {
        x,
        y,
        anchor,
        size,
        tone,
        text,
    }
}

/// A value label beside or inside the bar from `start` to `end`.
fn label_after(text: &str, (start, end): (i32, i32), limit: i32, y: i32) -> Label {
    let place = place_label(text, VALUE_SIZE, end, start, limit);
    label_for(place, y, VALUE_SIZE, Tone::Text, Tone::OnBar)
}

/// Word-wraps `text` into at most `max_lines` lines of about `width` characters,
/// ending with "…" when it had to cut.
pub fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let fits =
            current.is_empty() || current.chars().count() + 1 + word.chars().count() <= width;
        if !fits {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    let cut = lines.len() > max_lines;
    lines.truncate(max_lines);
    for (i, line) in lines.iter_mut().enumerate() {
        let last_of_cut = cut && i + 1 == max_lines;
        if line.chars().count() > width || last_of_cut {
            let keep: String = line.chars().take(width.saturating_sub(1)).collect();
            *line = format!("{}…", keep.trim_end());
        }
    }
    lines
}
