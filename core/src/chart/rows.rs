//! Where an option's row goes: the grid every panel shares (name column, plot area, row slots
//! of equal height in every panel, so options line up across panels), the name lines, and the
//! rows of the response and remission panels (the option's bar, the comparison group's hollow
//! bar, their labels).

use super::text::{fit, fits_beside_or_inside, label_at, muted_line, value_label, wrap};
use super::{
    Anchor, Axis, Ink, Label, Layout, RowLayout, Tone, AXIS_HEIGHT, BAR, COMPARATOR_BAR, GAP, LINE,
    NAME_SIZE, ROW_PADDING, SMALL_SIZE, STACK_BELOW, TOP_MARGIN, VALUE_SIZE,
};
use crate::model::Metric;
use crate::view_model::{Figure, OptionRow, CHARTED_METRICS};
use crate::words::Words;

const MAX_NAME_LINES: usize = 3;

/// The horizontal plan of a panel at a width, and each row's slot.
#[derive(Clone, Debug)]
pub(super) struct Grid {
    pub width: i32,
    pub stacked: bool,
    pub plot_left: i32,
    pub plot_right: i32,
    /// How many characters of a name fit on one line.
    pub name_chars: usize,
    /// (top, bottom) of each row, the same in every panel.
    pub slots: Vec<(i32, i32)>,
}

impl Grid {
    /// The plan for `rows` at `width` pixels: each slot as tall as the option's tallest row in
    /// the response and remission panels (a flag or a wrapped label in one would otherwise
    /// shift the others).
    pub fn new(rows: &[OptionRow], width: u32, w: Words) -> Grid {
        let width = width.clamp(super::MIN_WIDTH, super::MAX_WIDTH) as i32;
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
        let name_chars = (((label_width - 8) as f64 / (NAME_SIZE * 0.6)).floor() as usize).max(8);
        let mut grid = Grid {
            width,
            stacked,
            plot_left,
            plot_right,
            name_chars,
            slots: Vec::with_capacity(rows.len()),
        };
        let mut y = TOP_MARGIN;
        for row in rows {
            let tallest = CHARTED_METRICS
                .iter()
                .map(|&m| {
                    let laid = metric_row(&grid, row, m, 0, w);
                    laid.bottom - laid.top
                })
                .max()
                .unwrap_or(0);
            grid.slots.push((y, y + tallest));
            y += tallest + ROW_PADDING / 2;
        }
        grid
    }

    /// A layout over these slots, with its rows and axis.
    pub fn layout(&self, rows: Vec<RowLayout>, axis: Axis) -> Layout {
        let bottom = self
            .slots
            .last()
            .map_or(TOP_MARGIN, |&(_, b)| b + ROW_PADDING / 2);
        Layout {
            width: self.width,
            height: bottom + AXIS_HEIGHT,
            stacked: self.stacked,
            plot_left: self.plot_left,
            plot_right: self.plot_right,
            rows,
            axis,
        }
    }

    /// The frame every row of a panel on this grid shares, with the panel's axis.
    pub fn frame(&self, axis: Axis) -> super::Frame {
        super::Frame {
            width: self.width,
            plot_left: self.plot_left,
            plot_right: self.plot_right,
            axis,
        }
    }

    fn x(&self, percent: f64) -> i32 {
        let span = (self.plot_right - self.plot_left) as f64;
        self.plot_left + (percent.clamp(0.0, 100.0) / 100.0 * span).round() as i32
    }

    /// Where the marks of a row start: below the names when stacked, else centred beside them.
    /// `marks` is the height of the marks, `lines` the number of name lines.
    pub fn marks_top(&self, top: i32, lines: usize, marks: i32) -> i32 {
        let names_height = LINE * lines as i32;
        if self.stacked {
            top + names_height + 4
        } else {
            top + (names_height.max(marks) - marks) / 2
        }
    }

    /// The name lines (and any flag line) of a row whose marks start at `marks_top` and are
    /// `marks` tall (`below`: pixels of extra text under the marks, not counted for centring).
    pub fn name_labels(
        &self,
        lines: Vec<(String, Tone, f64)>,
        top: i32,
        marks_top: i32,
        marks: i32,
        below: i32,
    ) -> Vec<Label> {
        let (x, anchor) = if self.stacked {
            (self.plot_left, Anchor::Start)
        } else {
            (self.plot_left - 12, Anchor::End)
        };
        let first_y = if self.stacked {
            top + LINE / 2
        } else {
            // Centred on the marks, but never above the row's top: each row is drawn as a
            // picture of its own, and text above it would be cut off.
            (marks_top + (marks - below) / 2 - (lines.len() as i32 - 1) * LINE / 2)
                .max(top + LINE / 2)
        };
        lines
            .into_iter()
            .enumerate()
            .map(|(i, (text, tone, size))| Label {
                x,
                y: first_y + i as i32 * LINE,
                anchor,
                size,
                tone,
                text,
            })
            .collect()
    }

    /// The option's name, wrapped to the name column.
    pub fn name_lines(&self, name: &str) -> Vec<(String, Tone, f64)> {
        wrap(name, self.name_chars, MAX_NAME_LINES)
            .into_iter()
            .map(|line| (line, Tone::Text, NAME_SIZE))
            .collect()
    }
}

/// The response or remission panel over `rows`, `width` pixels wide.
pub(super) fn metric_layout(rows: &[OptionRow], metric: Metric, width: u32, w: Words) -> Layout {
    let grid = Grid::new(rows, width, w);
    let laid = rows
        .iter()
        .zip(&grid.slots)
        .map(|(row, &(top, bottom))| {
            let mut laid = metric_row(&grid, row, metric, top, w);
            laid.bottom = laid.bottom.max(bottom);
            laid
        })
        .collect();
    grid.layout(laid, Axis::Percent)
}

/// One option's row in a rate panel: its name (and flag), its filled bar with the rate as
/// written, and the comparison group's hollow bar with its label.
fn metric_row(grid: &Grid, row: &OptionRow, metric: Metric, top: i32, w: Words) -> RowLayout {
    let figure = row.figure(metric);
    let mut names = grid.name_lines(&row.name);
    let name_lines = names.len();
    if let Some(flag) = figure.and_then(|f| f.flag(w)) {
        names.push((format!("⚠ {flag}"), Tone::Flag, SMALL_SIZE));
    }
    let comparator = figure.map(|f| comparator_text(f, w)).unwrap_or_default();
    let left = grid.plot_left;

    // The comparison label goes on a line of its own when it fits neither beside nor in its bar.
    let comparator_end = comparator.1.map(|p| grid.x(p));
    let comparator_place = comparator_end.map_or(
        Some(super::LabelPlace::After(
            left + 6,
            fit(&comparator.0, SMALL_SIZE, grid.plot_right - left - 6),
        )),
        |end| fits_beside_or_inside(&comparator.0, SMALL_SIZE, end, left, grid.plot_right),
    );
    // On a line of its own it wraps rather than losing words.
    let own_lines = if comparator.0.is_empty() || comparator_place.is_some() {
        Vec::new()
    } else {
        let chars = ((grid.plot_right - left - 6) as f64 / (SMALL_SIZE * 0.6)).floor() as usize;
        wrap(&comparator.0, chars.max(8), 2)
    };
    let extra_line = LINE * own_lines.len() as i32;
    let bars_height = BAR + GAP + COMPARATOR_BAR + extra_line;
    let bar_top = grid.marks_top(top, names.len(), bars_height);
    let bottom = if grid.stacked {
        bar_top + bars_height + ROW_PADDING
    } else {
        top + (LINE * names.len() as i32).max(bars_height) + ROW_PADDING
    };
    let comparator_top = bar_top + BAR + GAP;
    let mut labels = grid.name_labels(names, top, bar_top, bars_height, extra_line);

    let bar_mid = bar_top + BAR / 2;
    let bar = figure
        .and_then(Figure::percent)
        .map(|p| (bar_top, grid.x(p).max(left + 1)));
    match (figure, bar) {
        (Some(f), Some((_, end))) => {
            // The rate as written; k/n stays in the details.
            let text = w.percent(f.percent_text().unwrap_or_default());
            labels.push(value_label(&text, (left, end), grid.plot_right, bar_mid));
        }
        (Some(f), None) => {
            let words = if f.is_reported() {
                w.fill(w.t().chart_no_rate, &[("value", &f.value_text(w))])
            } else {
                w.t().not_reported.to_string()
            };
            labels.push(muted_line(
                &words,
                left,
                grid.plot_right,
                bar_mid,
                VALUE_SIZE,
            ));
        }
        (None, _) => {}
    }

    let comparator_mid = comparator_top + COMPARATOR_BAR / 2;
    if let Some(place) = comparator_place.filter(|_| !comparator.0.is_empty()) {
        labels.push(label_at(
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
        comparator_ink: figure
            .and_then(|f| f.comparator.as_ref())
            .map_or(Ink::Mark2, |c| super::bars::outline(c.kind)),
        bar_zone: (bar_top, bar_top + bars_height),
        bar_start: None,
        steps: None,
        bottom,
    }
}

/// The words under the option's bar, and the comparison group's rate if it has one.
fn comparator_text(figure: &Figure, w: Words) -> (String, Option<f64>) {
    let t = w.t();
    match &figure.comparator {
        Some(c) => match (c.percent(), c.percent_text(), &c.value) {
            (Some(p), Some(written), _) => (format!("{} {}", c.label, w.percent(written)), Some(p)),
            (_, _, None) if c.label == "none" => (t.comparator_kind_none.to_string(), None),
            _ => (
                w.fill(t.compared_with_lower, &[("comparator", &c.summary(w))]),
                None,
            ),
        },
        None if figure.is_reported() => (t.chart_comparison_not_reported.to_string(), None),
        None => (String::new(), None),
    }
}
