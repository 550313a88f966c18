//! Fitting text into a chart without measuring fonts: a conservative width estimate, word
//! wrapping, cutting with "…", and where a value label goes beside its bar.

use super::{Anchor, Label, Tone};

/// A conservative estimate of drawn text width; layout decisions must not depend on fonts,
/// which differ between machines and host pages.
pub fn text_width(text: &str, size: f64) -> i32 {
    (text.chars().count() as f64 * size * 0.6).ceil() as i32
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

/// Where a label goes relative to its bar, and the text that fits there.
#[derive(Clone, Debug, PartialEq)]
pub enum LabelPlace {
    /// Left-aligned just after the bar's end.
    After(i32, String),
    /// Right-aligned just inside the bar's end.
    Inside(i32, String),
}

/// After the bar if the text fits there, else inside it if it fits there, else nowhere.
pub(super) fn fits_beside_or_inside(
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

/// A label where `place` puts it: after the bar in `outside` tone, inside in `inside`.
pub(super) fn label_at(place: LabelPlace, y: i32, size: f64, outside: Tone, inside: Tone) -> Label {
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
pub(super) fn value_label(text: &str, (start, end): (i32, i32), limit: i32, y: i32) -> Label {
    let place = place_label(text, super::VALUE_SIZE, end, start, limit);
    label_at(place, y, super::VALUE_SIZE, Tone::Text, Tone::OnBar)
}

/// Grey text from the plot's left edge, cut to fit.
pub(super) fn muted_line(text: &str, left: i32, right: i32, y: i32, size: f64) -> Label {
    Label {
        x: left + 6,
        y,
        anchor: Anchor::Start,
        size,
        tone: Tone::Muted,
        text: fit(text, size, right - left - 6),
    }
}
