//! What a reader can take away from the current view: every finding of the shown options as
//! CSV (one row per finding, with its sources), and the charts as one SVG with the title, the
//! not-head-to-head note, a legend, each figure's citation numbers and the citation list drawn
//! in. Both carry the dataset's version and review date. Pure, so both are tested natively.

use crate::chart::{panel_layout, panel_title, wrap, xml_escape, ChartError, Ink, SvgOptions};
use crate::model::Dataset;
use crate::state::PanelChoice;
use crate::view_model::Comparison;
use crate::words::Words;
use std::fmt::Write;

/// Each panel's width in the exported picture.
pub const PANEL_WIDTH: u32 = 360;
const MARGIN: i32 = 24;
const GAP: i32 = 16;
const LINE: i32 = 20;

/// How many columns the CSV has; each language names them (`csv_columns` in the catalogue),
/// with stable, space-free names a spreadsheet formula can refer to.
pub const CSV_COLUMN_COUNT: usize = 20;

/// The CSV's column names in this language, in order.
pub fn csv_columns(w: Words) -> Vec<&'static str> {
    w.t().csv_columns.split(',').collect()
}

/// One row per finding of each shown option (all findings, not only the headlines), in the
/// view's order, with its sources written out.
pub fn findings_csv(data: &Dataset, comparison: &Comparison, w: Words) -> String {
    let info = &data.dataset;
    let t = w.t();
    let mut out = String::new();
    push_row(&mut out, csv_columns(w).into_iter().map(str::to_string));
    for row in &comparison.rows {
        let Some(option) = data.option(&row.id) else {
            continue;
        };
        for finding in &option.findings {
            let comparator = finding.comparator.as_ref();
            let sources: Vec<String> = finding
                .citations
                .iter()
                .filter_map(|id| data.citation(id))
                .map(|c| {
                    let link = c.link().unwrap_or_default();
                    format!("{} ({}). {}. {link}", c.authors, c.year, c.title)
                })
                .collect();
            let text = |v: &Option<String>| v.clone().unwrap_or_default();
            push_row(
                &mut out,
                [
                    option.id.clone(),
                    option.name.clone(),
                    w.metric_lower(finding.metric),
                    text(&finding.label),
                    text(&finding.arm),
                    w.value(&finding.value),
                    if finding.headline { t.yes } else { t.no }.to_string(),
                    comparator.map(|c| c.label.clone()).unwrap_or_default(),
                    comparator
                        .and_then(|c| c.value.as_ref())
                        .map(|v| w.value(v))
                        .unwrap_or_default(),
                    comparator.and_then(|c| c.note.clone()).unwrap_or_default(),
                    text(&finding.design),
                    finding
                        .tier
                        .map(|tier| w.tier_explained(tier, None))
                        .unwrap_or_default(),
                    text(&finding.n),
                    text(&finding.population),
                    text(&finding.timepoint),
                    text(&finding.definition),
                    text(&finding.note),
                    sources.join(" | "),
                    info.version.clone(),
                    info.last_reviewed.clone(),
                ]
                .into_iter(),
            );
        }
    }
    out
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    let cells: Vec<String> = cells.map(|c| csv_cell(&c)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// Quotes a cell when needed (RFC 4180), and defuses text a spreadsheet would run as a
/// formula by prefixing an apostrophe: data strings are untrusted. Spreadsheets skip leading
/// white space and read full-width signs (＝＋－＠) as formulas too, so those count.
fn csv_cell(text: &str) -> String {
    let first = text.trim_start_matches(char::is_whitespace).chars().next();
    let formula = matches!(
        first,
        Some('=' | '+' | '-' | '@' | '\u{ff1d}' | '\u{ff0b}' | '\u{ff0d}' | '\u{ff20}')
    ) || text.starts_with(['\t', '\r', '\n']);
    let text = if formula {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The exported picture: its SVG and its size in CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    pub svg: String,
    pub width: u32,
    pub height: u32,
}

/// Lines of text in the exported picture, written one under another.
struct Page {
    body: String,
    y: i32,
}

impl Page {
    fn text(&mut self, dy: i32, size: u32, bold: bool, ink: Ink, words: &str) {
        let (r, g, b) = ink.rgb();
        let _ = write!(
            self.body,
            r##"<text x="{MARGIN}" y="{}" font-family="sans-serif" font-size="{size}" font-weight="{}" fill="#{r:02X}{g:02X}{b:02X}">{}</text>"##,
            self.y + dy,
            if bold { "bold" } else { "normal" },
            xml_escape(words)
        );
    }
}

/// The chart view as one self-contained SVG: title, version and review date, the
/// not-head-to-head note, a legend, the panels side by side, each option's citation numbers
/// and the numbered citation list.
pub fn comparison_svg(
    data: &Dataset,
    comparison: &Comparison,
    panels: &[PanelChoice],
    title: &str,
    w: Words,
) -> Result<Picture, ChartError> {
    let t = w.t();
    let rows = &comparison.rows;
    let count = panels.len().max(1) as i32;
    let width = MARGIN * 2 + count * PANEL_WIDTH as i32 + (count - 1) * GAP;
    let chars = ((width - 2 * MARGIN) as f64 / (14.0 * 0.6)) as usize;
    let mut page = Page {
        body: String::new(),
        y: MARGIN + 8,
    };
    let info = &data.dataset;
    page.text(14, 24, true, Ink::Text, title);
    page.y += 36;
    page.text(8, 14, false, Ink::Muted, &cite_line(data, w));
    page.y += LINE + 6;
    let note = format!("{} {}", t.note_not_head_to_head, t.note_different_studies);
    for line in wrap(&note, chars, 3) {
        page.text(8, 14, true, Ink::Text, &line);
        page.y += LINE;
    }
    // Legend: the option's bar and the hollow comparison bar, as drawn in the panels.
    let (mr, mg, mb) = Ink::Mark.rgb();
    let (cr, cg, cb) = Ink::Mark2.rgb();
    let (tr, tg, tb) = Ink::Text.rgb();
    let _ = write!(
        page.body,
        r##"<rect x="{MARGIN}" y="{}" width="24" height="12" fill="#{mr:02X}{mg:02X}{mb:02X}"/><text x="{}" y="{}" font-family="sans-serif" font-size="14" fill="#{tr:02X}{tg:02X}{tb:02X}">{}</text><rect x="{}" y="{}" width="24" height="12" fill="none" stroke="#{cr:02X}{cg:02X}{cb:02X}" stroke-width="2"/><text x="{}" y="{}" font-family="sans-serif" font-size="14" fill="#{tr:02X}{tg:02X}{tb:02X}">{}</text>"##,
        page.y + 2,
        MARGIN + 32,
        page.y + 13,
        xml_escape(t.legend_option),
        MARGIN + 220,
        page.y + 2,
        MARGIN + 252,
        page.y + 13,
        xml_escape(t.legend_comparator),
    );
    page.y += LINE + 12;
    let panels_top = page.y;
    let mut tallest = 0;
    for (i, &panel) in panels.iter().enumerate() {
        let x = MARGIN + i as i32 * (PANEL_WIDTH as i32 + GAP);
        let _ = write!(
            page.body,
            r##"<text x="{x}" y="{}" font-family="sans-serif" font-size="18" font-weight="bold" fill="#{tr:02X}{tg:02X}{tb:02X}">{}</text>"##,
            panels_top + 16,
            xml_escape(&panel_title(panel, w))
        );
        // Each panel is a nested <svg> placed at (x, y) under its name.
        let layout = panel_layout(panel, rows, PANEL_WIDTH, w);
        let options = SvgOptions {
            at: Some((x, panels_top + 28)),
            ..SvgOptions::default()
        };
        page.body.push_str(&layout.svg(options, w)?);
        tallest = tallest.max(layout.height);
    }
    page.y = panels_top + 28 + tallest + 16;
    page.text(8, 16, true, Ink::Text, t.where_from);
    page.y += LINE + 6;
    for row in rows {
        let mut parts: Vec<String> = row
            .figures
            .iter()
            .filter(|f| !f.citation_numbers.is_empty())
            .map(|f| {
                format!(
                    "{} {}",
                    w.metric_lower(f.metric),
                    numbers(&f.citation_numbers)
                )
            })
            .collect();
        if let Some(cost) = &row.cost {
            parts.push(w.fill(
                t.export_price_sources,
                &[("numbers", &numbers(&cost.citation_numbers))],
            ));
        }
        let line = if parts.is_empty() {
            w.fill(t.export_no_figures, &[("option", &row.name)])
        } else {
            format!("{}: {}", row.name, parts.join(", "))
        };
        for piece in wrap(&line, chars, 2) {
            page.text(8, 14, false, Ink::Text, &piece);
            page.y += LINE;
        }
    }
    page.y += 8;
    page.text(8, 16, true, Ink::Text, t.sources);
    page.y += LINE + 6;
    for entry in comparison.citations.iter() {
        let c = &entry.citation;
        let mut line = format!(
            "[{}] {} ({}). {}.",
            entry.number, c.authors, c.year, c.title
        );
        if let Some(journal) = &c.journal {
            line.push_str(&format!(" {journal}."));
        }
        if let Some(link) = &entry.link {
            line.push_str(&format!(" {link}"));
        }
        for piece in wrap(&line, chars + 8, 3) {
            page.text(8, 12, false, Ink::Text, &piece);
            page.y += 17;
        }
    }
    page.y += 8;
    for line in wrap(&info.disclaimer, chars, 4) {
        page.text(8, 12, false, Ink::Muted, &line);
        page.y += 17;
    }
    let height = page.y + MARGIN;
    let (wr, wg, wb) = Ink::White.rgb();
    let svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img"><title>{}</title><rect width="100%" height="100%" fill="#{wr:02X}{wg:02X}{wb:02X}"/>{}</svg>"##,
        xml_escape(title),
        page.body
    );
    Ok(Picture {
        svg,
        width: width as u32,
        height: height as u32,
    })
}

/// "Title, version 1.0.0, evidence last reviewed 2026-11-21.": how to cite a view.
pub fn cite_line(data: &Dataset, w: Words) -> String {
    let info = &data.dataset;
    w.fill(
        w.t().cite_line,
        &[
            ("title", &info.title),
            ("version", &info.version),
            ("reviewed", &w.date(&info.last_reviewed)),
        ],
    )
}

fn numbers(list: &[usize]) -> String {
    list.iter().map(|n| format!("[{n}]")).collect()
}
