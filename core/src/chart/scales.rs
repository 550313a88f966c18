//! The horizontal scales: percent of people, hours in clinic, and prices on a log scale, with
//! their tick labels and captions.

use super::text::text_width;
use super::SMALL_SIZE;
use crate::words::Words;

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

    /// Gridline positions with their labels; a label is empty where it would touch the one
    /// before it (the first and last always show, so the scale's ends are named).
    pub fn ticks(&self, w: Words) -> Vec<(i32, String)> {
        let mut ticks = self.all_ticks(w);
        let last = ticks.len().saturating_sub(1);
        let extent = |i: usize, x: i32, label: &str| {
            let width = text_width(label, SMALL_SIZE);
            // The end labels align inwards (see draw::draw_axis), the others are centred.
            match i {
                0 => (x, x + width),
                i if i == last => (x - width, x),
                _ => (x - width / 2, x + width / 2),
            }
        };
        let last_left = ticks
            .last()
            .map_or(i32::MAX, |(x, label)| extent(last, *x, label).0);
        let mut right_of_kept = i32::MIN;
        for (i, (x, label)) in ticks.iter_mut().enumerate() {
            if label.is_empty() {
                continue;
            }
            let (left, right) = extent(i, *x, label);
            let inner = i != 0 && i != last;
            if inner && (left < right_of_kept + 6 || right + 6 > last_left) {
                label.clear();
            } else {
                right_of_kept = right;
            }
        }
        ticks
    }

    fn all_ticks(&self, w: Words) -> Vec<(i32, String)> {
        match &self.axis {
            Axis::Percent => (0..=100)
                .step_by(20)
                .map(|t| (self.x(f64::from(t)), w.percent(&t.to_string())))
                .collect(),
            // Whole hours: the scale is a multiple of 10, so each fifth is a whole number.
            Axis::Hours(max) => (0..=100)
                .step_by(20)
                .map(|t| {
                    let hours = (max * f64::from(t) / 100.0) as i64;
                    (
                        self.x(f64::from(t)),
                        w.hours(&hours.to_string(), None, false),
                    )
                })
                .collect(),
            Axis::LogPrice { from, to, currency } => {
                let symbol = w.currency_symbol(currency);
                (*from..=*to)
                    .map(|e| {
                        let label = format!("{symbol}{}", short_power_of_ten(e));
                        (self.at(10f64.powi(e)), label)
                    })
                    .collect()
            }
        }
    }

    /// What the axis measures, in words: in full where it fits the plot's width, else briefly.
    pub fn caption(&self, w: Words) -> String {
        let t = w.t();
        let (full, brief, currency) = match &self.axis {
            Axis::Percent => (t.axis_percent, t.axis_percent_brief, ""),
            Axis::Hours(_) => (t.axis_hours, t.axis_hours_brief, ""),
            Axis::LogPrice { currency, .. } => {
                (t.axis_price, t.axis_price_brief, currency.as_str())
            }
        };
        let full = w.fill(full, &[("currency", currency)]);
        if text_width(&full, SMALL_SIZE) <= self.plot_right - self.plot_left {
            full
        } else {
            w.fill(brief, &[("currency", currency)])
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
