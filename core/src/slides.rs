//! Slides: the chosen options and outcomes as 16:9 pictures for a lecture, four options to a
//! slide (the next ones on the next slide), in type a room can read (28 px and up at
//! 1920×1080): the title, the note that the studies differ, each option's figures as written
//! with whole people, its bars and its comparison group in words, a footer naming the sources
//! briefly, and the dataset's version. Drawn at 1920×1080 and scaled to the size asked for.

use crate::chart::{text_width, wrap, xml_escape, FigureBars, Ink};
use crate::model::{Dataset, Metric};
use crate::view_model::{Comparison, Figure, OptionRow};
use crate::words::Words;
use std::fmt::Write;

/// The sizes a slide is made at: a 1080p and a 720p projector.
pub const SLIDE_SIZES: [(u32, u32); 2] = [(1920, 1080), (1280, 720)];
/// Options on one slide.
pub const SLIDE_ROWS: usize = 4;

// The drawing's own units: 1920 × 1080.
const WIDTH: i32 = 1920;
const HEIGHT: i32 = 1080;
const MARGIN: i32 = 72;
const NAME_WIDTH: i32 = 500;
const COLUMN_GAP: i32 = 48;
const ROWS_TOP: i32 = 214;
const ROW_HEIGHT: i32 = 184;
const TEXT: u32 = 28;

/// How many slides the options take.
pub fn slide_count(options: usize) -> usize {
    options.div_ceil(SLIDE_ROWS).max(1)
}

/// One slide (`index` from 0) of the comparison's options and the outcomes `metrics`, as an
/// SVG of `size` CSS pixels.
pub fn slide_svg(
    data: &Dataset,
    comparison: &Comparison,
    metrics: &[Metric],
    size: (u32, u32),
    index: usize,
    title: &str,
    w: Words,
) -> String {
    let t = w.t();
    let total = slide_count(comparison.rows.len());
    let index = index.min(total - 1);
    let rows: Vec<&OptionRow> = comparison
        .rows
        .iter()
        .skip(index * SLIDE_ROWS)
        .take(SLIDE_ROWS)
        .collect();
    let mut out = String::new();
    let columns = metrics.len().max(1) as i32;
    let column_width =
        (WIDTH - 2 * MARGIN - NAME_WIDTH - COLUMN_GAP - (columns - 1) * COLUMN_GAP) / columns;
    let column_x = |j: i32| MARGIN + NAME_WIDTH + COLUMN_GAP + j * (column_width + COLUMN_GAP);
    let line = |chars_at: i32, size: u32| ((chars_at as f64) / (f64::from(size) * 0.6)) as usize;

    text(&mut out, MARGIN, 92, 48, true, Ink::Text, title);
    text(
        &mut out,
        MARGIN,
        144,
        TEXT,
        true,
        Ink::Text,
        t.note_not_head_to_head,
    );
    for (j, metric) in metrics.iter().enumerate() {
        let x = column_x(j as i32);
        text(&mut out, x, 196, TEXT, true, Ink::Muted, w.outcome(*metric));
    }
    let mut sources: Vec<String> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let top = ROWS_TOP + i as i32 * ROW_HEIGHT;
        let _ = write!(
            out,
            r##"<line x1="{MARGIN}" y1="{}" x2="{}" y2="{}" stroke="#{}" stroke-width="2"/>"##,
            top,
            WIDTH - MARGIN,
            top,
            hex(Ink::Grid)
        );
        for (k, piece) in wrap(&row.name, line(NAME_WIDTH, 34), 3).iter().enumerate() {
            text(
                &mut out,
                MARGIN,
                top + 48 + 40 * k as i32,
                34,
                true,
                Ink::Text,
                piece,
            );
        }
        for (j, metric) in metrics.iter().enumerate() {
            let Some(figure) = row.figure(*metric) else {
                continue;
            };
            for brief in figure
                .citation_numbers
                .iter()
                .filter_map(|n| comparison.citations.get(n - 1))
                .map(|c| c.brief.clone())
            {
                if !sources.contains(&brief) {
                    sources.push(brief);
                }
            }
            figure_cell(&mut out, figure, column_x(j as i32), top, column_width, w);
        }
    }
    // The footer: the sources of the figures on this slide, and which slide of which dataset.
    let footer = format!("{}: {}", t.sources, sources.join("; "));
    let footer_lines = wrap(&footer, line(WIDTH - 2 * MARGIN, TEXT), 2);
    let mut y = HEIGHT - 32 - 34 * footer_lines.len() as i32;
    for piece in &footer_lines {
        text(&mut out, MARGIN, y, TEXT, false, Ink::Text, piece);
        y += 34;
    }
    let info = &data.dataset;
    let identity = w.fill(
        t.slide_identity,
        &[
            ("title", &info.title),
            ("version", &info.version),
            ("reviewed", &w.date(&info.last_reviewed)),
            ("slide", &(index + 1).to_string()),
            ("slides", &total.to_string()),
        ],
    );
    text(&mut out, MARGIN, y, TEXT, false, Ink::Muted, &identity);
    let (width, height) = size;
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img"><title>{}</title><rect width="100%" height="100%" fill="#{}"/>{out}</svg>"##,
        xml_escape(title),
        hex(Ink::White)
    )
}

/// One figure: the rate as written with whole people, its bars, its comparison group and
/// what the study found about the difference.
fn figure_cell(out: &mut String, figure: &Figure, x: i32, top: i32, width: i32, w: Words) {
    let t = w.t();
    let Some(written) = figure.percent_text() else {
        // "not reported", or a value that is not a rate, in words.
        text(
            out,
            x,
            top + 48,
            34,
            true,
            Ink::Muted,
            &figure.value_text(w),
        );
        return;
    };
    let value = w.percent(written);
    text(out, x, top + 48, 40, true, Ink::Text, &value);
    let people_x = x + text_width(&value, 40.0) + 16;
    text(
        out,
        people_x,
        top + 48,
        TEXT,
        false,
        Ink::Text,
        &w.people_in(written, 100),
    );
    if let Some(bars) = FigureBars::of(figure) {
        let scale = |rate: f64| (rate.clamp(0.0, 100.0) * f64::from(width) / 100.0).round() as i32;
        let _ = write!(
            out,
            r##"<rect x="{x}" y="{}" width="{width}" height="26" fill="#{}"/><rect x="{x}" y="{}" width="{}" height="26" fill="#{}"/>"##,
            top + 64,
            hex(Ink::Grid),
            top + 64,
            scale(bars.option).max(3),
            hex(Ink::Mark)
        );
        if let Some((rate, ink)) = bars.comparator {
            let dash = match ink {
                Ink::Other => r#" stroke-dasharray="12 6""#,
                Ink::Subgroup => r#" stroke-dasharray="3 4""#,
                _ => "",
            };
            let _ = write!(
                out,
                r##"<rect x="{}" y="{}" width="{}" height="14" fill="none" stroke="#{}" stroke-width="3"{dash}/>"##,
                x + 1,
                top + 97,
                scale(rate).max(3),
                hex(Ink::Mark2)
            );
        }
    }
    let mut words = match &figure.comparator {
        Some(c) => c.versus_briefly(w),
        None => t.chart_comparison_not_reported.to_string(),
    };
    if let Some(difference) = figure
        .comparator
        .as_ref()
        .and_then(|c| c.difference_words(w))
    {
        words = format!("{words} · {difference}");
    }
    if let Some(flag) = figure.flag(w) {
        words = format!("{words} · {flag}");
    }
    let chars = ((width as f64) / (f64::from(TEXT) * 0.6)) as usize;
    for (k, piece) in wrap(&words, chars, 2).iter().enumerate() {
        text(
            out,
            x,
            top + 142 + 32 * k as i32,
            TEXT,
            false,
            Ink::Text,
            piece,
        );
    }
}

fn text(out: &mut String, x: i32, y: i32, size: u32, bold: bool, ink: Ink, words: &str) {
    let _ = write!(
        out,
        r##"<text x="{x}" y="{y}" font-family="sans-serif" font-size="{size}"{} fill="#{}">{}</text>"##,
        if bold { r#" font-weight="bold""# } else { "" },
        hex(ink),
        xml_escape(words)
    );
}

fn hex(ink: Ink) -> String {
    let (r, g, b) = ink.rgb();
    format!("{r:02X}{g:02X}{b:02X}")
}
