//! The panels beside the rates, on the same row slots: "What it involves" (estimated hours in
//! clinic and invasiveness) and "What it costs" (the headline price on a log scale).

use super::rows::{metric_layout, Grid};
use super::text::{fit, muted_line, text_width, value_label};
use super::{
    Anchor, Axis, Ink, Label, Layout, RowLayout, Tone, BAR, COMPARATOR_BAR, GAP, SMALL_SIZE,
    VALUE_SIZE,
};
use crate::state::{Panel, PanelChoice};
use crate::view_model::{CostView, OptionRow};
use crate::words::Words;

/// Height of a row's marks in these panels: a bar and a second line (steps or words).
const MARKS: i32 = BAR + GAP + COMPARATOR_BAR;

/// Where everything in `panel` goes, over `rows`, at `width` pixels.
pub fn panel_layout(panel: PanelChoice, rows: &[OptionRow], width: u32, w: Words) -> Layout {
    match panel {
        PanelChoice::Chart(Panel::Metric(metric)) => metric_layout(rows, metric, width, w),
        PanelChoice::Chart(Panel::Cost) => cost_layout(rows, width, w),
        PanelChoice::Burden => burden_layout(rows, width, w),
    }
}

/// The panel's heading, on screen and in exports.
pub fn panel_title(panel: PanelChoice, w: Words) -> String {
    let t = w.t();
    match panel {
        PanelChoice::Chart(Panel::Metric(metric)) => {
            w.fill(t.panel_rate, &[("metric", w.metric(metric))])
        }
        PanelChoice::Chart(Panel::Cost) => t.panel_cost.to_string(),
        PanelChoice::Burden => t.panel_burden.to_string(),
    }
}

/// Each row of these panels with its name lines placed on its slot; `mark` adds the marks,
/// given the row's data, its layout so far and the top of its marks.
fn named_rows(
    grid: &Grid,
    rows: &[OptionRow],
    mut mark: impl FnMut(&OptionRow, &mut RowLayout, i32),
) -> Vec<RowLayout> {
    rows.iter()
        .zip(&grid.slots)
        .map(|(row, &(top, bottom))| {
            let names = grid.name_lines(&row.name);
            let name_lines = names.len();
            let bar_top = grid.marks_top(top, name_lines, MARKS);
            let labels = grid.name_labels(names, top, bar_top, MARKS, 0);
            let mut laid = RowLayout {
                top,
                labels,
                name_lines,
                bar: None,
                comparator_bar: None,
                comparator_ink: Ink::Mark2,
                bar_zone: (bar_top, bar_top + MARKS),
                bar_start: None,
                steps: None,
                bottom,
            };
            mark(row, &mut laid, bar_top);
            laid
        })
        .collect()
}

/// "What it involves": each option's estimated in-clinic hours as a range bar (or "not
/// derivable") and its invasiveness level as four steps with words.
pub fn burden_layout(rows: &[OptionRow], width: u32, w: Words) -> Layout {
    let grid = Grid::new(rows, width, w);
    let max_hours = rows
        .iter()
        .filter_map(|r| r.clinic_hours.as_ref())
        .map(|h| h.high.as_ref().unwrap_or(&h.low).value())
        .fold(10.0_f64, f64::max);
    let scale = (max_hours / 10.0).ceil() * 10.0;
    let (left, right) = (grid.plot_left, grid.plot_right);
    let x = |hours: f64| left + ((hours / scale).min(1.0) * f64::from(right - left)).round() as i32;
    let laid = named_rows(&grid, rows, |row, place, bar_top| {
        let mid = bar_top + BAR / 2;
        match &row.clinic_hours {
            Some(h) => {
                let high = h.high.as_ref().map(|v| v.value());
                let from = x(if high.is_some() { h.low.value() } else { 0.0 });
                let to = x(high.unwrap_or(h.low.value()));
                place.bar = Some((bar_top, to.max(from + 2)));
                place.bar_start = Some(from);
                // The panel says these are estimates; on a phone the word would not fit here.
                place
                    .labels
                    .push(value_label(&h.text(w), (from, to), right, mid));
            }
            None => place.labels.push(muted_line(
                w.t().chart_hours_not_derivable,
                left,
                right,
                mid,
                VALUE_SIZE,
            )),
        }
        let steps_top = bar_top + BAR + GAP;
        place.steps = Some((steps_top, row.invasiveness));
        // The levels' words are in the panel's legend: on a phone they would not fit here.
        let words = w.fill(
            w.t().chart_level_of_4,
            &[("level", &row.invasiveness.to_string())],
        );
        let after_steps = left + 4 * (COMPARATOR_BAR + 4) + 6;
        place.labels.push(Label {
            x: after_steps,
            y: steps_top + COMPARATOR_BAR / 2,
            anchor: Anchor::Start,
            size: SMALL_SIZE,
            tone: Tone::Muted,
            text: fit(&words, SMALL_SIZE, right - after_steps),
        });
    });
    grid.layout(laid, Axis::Hours(scale))
}

/// "What it costs": each option's headline price as a range on a log scale, with what it buys
/// and its price year beneath.
pub fn cost_layout(rows: &[OptionRow], width: u32, w: Words) -> Layout {
    let grid = Grid::new(rows, width, w);
    let t = w.t();
    let prices_shown = || rows.iter().filter_map(|r| r.cost.as_ref());
    // One currency per axis: the one most shown options price in.
    let currency = most_common(prices_shown().map(|c| c.currency.as_str()))
        .unwrap_or("USD")
        .to_string();
    // And one unit: a month of pills is never drawn against a course of ECT. On screen each
    // chart holds one unit already (`Comparison::by_cost_unit`); an export's single panel
    // draws the most common unit and says the others in words.
    let unit = most_common(
        prices_shown()
            .filter(|c| c.currency == currency)
            .map(|c| c.unit),
    );
    let drawn = |cost: &&CostView| cost.currency == currency && Some(cost.unit) == unit;
    let prices: Vec<f64> = rows
        .iter()
        .filter_map(|r| r.cost.as_ref().filter(drawn))
        .flat_map(|c| [c.low.value(), c.high.as_ref().unwrap_or(&c.low).value()])
        .filter(|p| *p > 0.0)
        .collect();
    let (from, to) = if prices.is_empty() {
        (0, 3)
    } else {
        let low = prices.iter().copied().fold(f64::INFINITY, f64::min);
        let high = prices.iter().copied().fold(0.0_f64, f64::max);
        let from = low.log10().floor() as i32;
        (from, (high.log10().ceil() as i32).max(from + 1))
    };
    let axis = Axis::LogPrice {
        from,
        to,
        currency: currency.clone(),
    };
    let frame = grid.frame(axis.clone());
    let (left, right) = (grid.plot_left, grid.plot_right);
    let laid = named_rows(&grid, rows, |row, place, bar_top| {
        let mid = bar_top + BAR / 2;
        let second_line = bar_top + BAR + GAP + COMPARATOR_BAR / 2;
        let words = match (&row.cost, row.cost.as_ref().filter(drawn)) {
            (_, Some(cost)) => {
                // A single price is a short mark, so it is never drawn as a zero-width bar.
                let high = cost.high.as_ref().unwrap_or(&cost.low).value();
                let start = (frame.at(cost.low.value()) - 3).max(left);
                let end = (frame.at(high) + 3).min(right);
                place.bar = Some((bar_top, end.max(start + 6)));
                place.bar_start = Some(start);
                place.labels.push(price_label(
                    &cost.amount(w),
                    (start, end),
                    (left, right),
                    mid,
                ));
                unit_and_year(cost, right - left - 6, w)
            }
            (Some(cost), None) => {
                place.labels.push(muted_line(
                    &format!("{} {}", cost.amount(w), w.cost_unit(cost.unit)),
                    left,
                    right,
                    mid,
                    VALUE_SIZE,
                ));
                if cost.currency == currency {
                    t.chart_other_unit.to_string()
                } else {
                    w.fill(t.chart_not_converted, &[("currency", &currency)])
                }
            }
            (None, None) => {
                place
                    .labels
                    .push(muted_line(t.chart_no_price, left, right, mid, VALUE_SIZE));
                String::new()
            }
        };
        if !words.is_empty() {
            place
                .labels
                .push(muted_line(&words, left, right, second_line, SMALL_SIZE));
        }
    });
    grid.layout(laid, axis)
}

/// "a month (2024)", or "a month (year: not given)" where the year has no digits. Where that
/// is wider than `room`, the year by its digits alone ("the device alone (2022)" for "April
/// 2022 USD"), so a cut never leaves a wrong date such as "(April 20…".
fn unit_and_year(cost: &CostView, room: i32, w: Words) -> String {
    let t = w.t();
    let unit = w.cost_unit(cost.unit);
    let year_digits = cost
        .price_year
        .split(|c: char| !c.is_ascii_digit())
        .find(|run| run.len() == 4);
    let full = match year_digits {
        Some(_) => w.fill(
            t.chart_unit_year,
            &[("unit", unit), ("year", &cost.price_year)],
        ),
        None => w.fill(
            t.chart_unit_year_words,
            &[("unit", unit), ("year", &cost.price_year)],
        ),
    };
    match year_digits {
        Some(year) if text_width(&full, SMALL_SIZE) > room => {
            w.fill(t.chart_unit_year, &[("unit", unit), ("year", year)])
        }
        _ => full,
    }
}

/// A price beside its mark: after it, or before it when the mark is near the right end (on a
/// log scale the dearest options are), else inside or cut as other labels are.
fn price_label(text: &str, (start, end): (i32, i32), (left, right): (i32, i32), y: i32) -> Label {
    let width = text_width(text, VALUE_SIZE);
    if end + 6 + width > right && start - 6 - width >= left {
        Label {
            x: start - 6,
            y,
            anchor: Anchor::End,
            size: VALUE_SIZE,
            tone: Tone::Text,
            text: text.to_string(),
        }
    } else {
        value_label(text, (start, end), right, y)
    }
}

/// The value seen most often (ties: the first seen); `None` for none at all. A scan: the
/// lists are short, and it costs the web bundle less than a hash map.
fn most_common<T: PartialEq + Copy>(items: impl Iterator<Item = T>) -> Option<T> {
    let mut counts: Vec<(T, usize)> = Vec::new();
    for item in items {
        match counts.iter_mut().find(|(seen, _)| *seen == item) {
            Some((_, n)) => *n += 1,
            None => counts.push((item, 1)),
        }
    }
    let most = counts.iter().map(|&(_, n)| n).max()?;
    counts
        .into_iter()
        .find(|&(_, n)| n == most)
        .map(|(item, _)| item)
}
