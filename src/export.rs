//! What a reader can take away from the current view: every finding of the shown options as
//! CSV (one row per finding, with its sources), and the charts as one SVG with the title, the
//! not-head-to-head note, a legend, each figure's citation numbers and the citation list drawn
//! in. Both carry the dataset's version and review date. Pure, so both are tested natively.

use crate::chart::{wrap, ChartError, Layout};
use crate::embed_config::PanelChoice;
use crate::model::{Dataset, Value};
use crate::view_model::Comparison;

/// Each panel's width in the exported picture.
pub const PANEL_WIDTH: u32 = 360;
const MARGIN: i32 = 24;
const GAP: i32 = 16;
const LINE: i32 = 20;

/// The CSV's columns, in order.
pub const CSV_COLUMNS: [&str; 20] = [
    "option_id",
    "option",
    "metric",
    "outcome",
    "arm",
    "value",
    "headline",
    "compared_with",
    "comparator_value",
    "comparator_note",
    "design",
    "tier",
    "n",
    "population",
    "timepoint",
    "definition",
    "note",
    "sources",
    "dataset_version",
    "last_reviewed",
];

/// One row per finding of each shown option (all findings, not only the headlines), in the
/// view's order, with its sources written out.
pub fn findings_csv(data: &Dataset, comparison: &Comparison) -> String {
    let info = &data.dataset;
    let mut out = String::new();
    push_row(&mut out, CSV_COLUMNS.iter().map(|c| c.to_string()));
    for row in &comparison.rows {
        let Some(option) = data.options.iter().find(|o| o.id == row.id) else {
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
                    finding.metric.label().to_lowercase(),
                    text(&finding.label),
                    text(&finding.arm),
                    finding.value.display(),
                    if finding.headline { "yes" } else { "no" }.to_string(),
                    comparator.map(|c| c.label.clone()).unwrap_or_default(),
                    comparator
                        .and_then(|c| c.value.as_ref())
                        .map(Value::display)
                        .unwrap_or_default(),
                    comparator.and_then(|c| c.note.clone()).unwrap_or_default(),
                    text(&finding.design),
                    finding.tier.map(|t| t.explained(None)).unwrap_or_default(),
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
/// formula (a leading = + - @) by prefixing an apostrophe: data strings are untrusted.
fn csv_cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
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

/// Escapes text for SVG/XML content and attribute values.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The exported picture: its SVG and its size in CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    pub svg: String,
    pub width: u32,
    pub height: u32,
}

/// The chart view as one self-contained SVG: title, version and review date, the
/// not-head-to-head note, a legend, the panels side by side, each option's citation numbers
/// and the numbered citation list.
pub fn comparison_svg(
    data: &Dataset,
    comparison: &Comparison,
    panels: &[PanelChoice],
    title: &str,
) -> Result<Picture, ChartError> {
    let rows = &comparison.rows;
    let drawn: Vec<(String, Layout)> = panels
        .iter()
        .map(|panel| (panel.title(), panel.layout(rows, PANEL_WIDTH)))
        .collect();
    let count = drawn.len().max(1) as i32;
    let width = MARGIN * 2 + count * PANEL_WIDTH as i32 + (count - 1) * GAP;
    let chars = ((width - 2 * MARGIN) as f64 / (14.0 * 0.6)) as usize;
    let mut body = String::new();
    let mut y = MARGIN + 8;
    let text = |body: &mut String, y: i32, size: u32, weight: &str, fill: &str, words: &str| {
        body.push_str(&format!(
            r#"<text x="{MARGIN}" y="{y}" font-family="sans-serif" font-size="{size}" font-weight="{weight}" fill="{fill}">{}</text>"#,
            xml_escape(words)
        ));
    };
    let info = &data.dataset;
    text(&mut body, y + 14, 24, "bold", "#1A1A1A", title);
    y += 36;
    text(
        &mut body,
        y + 8,
        14,
        "normal",
        "#555555",
        &format!(
            "{}, version {}, evidence last reviewed {}.",
            info.title, info.version, info.last_reviewed
        ),
    );
    y += LINE + 6;
    let note = "These are not head-to-head results: each figure comes from a different study, \
                with its own patients, timepoint and comparison group.";
    for line in wrap(note, chars, 3) {
        text(&mut body, y + 8, 14, "bold", "#1A1A1A", &line);
        y += LINE;
    }
    // Legend: the option's bar and the hollow comparison bar, as drawn in the panels.
    body.push_str(&format!(
        r##"<rect x="{MARGIN}" y="{}" width="24" height="12" fill="#1D4E89"/><text x="{}" y="{}" font-family="sans-serif" font-size="14" fill="#1A1A1A">Option (headline figure)</text><rect x="{}" y="{}" width="24" height="12" fill="none" stroke="#595959" stroke-width="2"/><text x="{}" y="{}" font-family="sans-serif" font-size="14" fill="#1A1A1A">Comparison group in the same study</text>"##,
        y + 2,
        MARGIN + 32,
        y + 13,
        MARGIN + 220,
        y + 2,
        MARGIN + 252,
        y + 13
    ));
    y += LINE + 12;
    let panels_top = y;
    let mut tallest = 0;
    for (i, (name, layout)) in drawn.iter().enumerate() {
        let x = MARGIN + i as i32 * (PANEL_WIDTH as i32 + GAP);
        body.push_str(&format!(
            r##"<text x="{x}" y="{}" font-family="sans-serif" font-size="18" font-weight="bold" fill="#1A1A1A">{}</text>"##,
            panels_top + 16,
            xml_escape(name)
        ));
        let svg = crate::chart::draw_layout(layout)?;
        // Each panel is a nested <svg> placed at (x, y) under its name.
        body.push_str(&svg.replacen(
            "<svg ",
            &format!(r#"<svg x="{x}" y="{}" "#, panels_top + 28),
            1,
        ));
        tallest = tallest.max(layout.height);
    }
    y = panels_top + 28 + tallest + 16;
    text(
        &mut body,
        y + 8,
        16,
        "bold",
        "#1A1A1A",
        "Where each figure comes from",
    );
    y += LINE + 6;
    for row in rows {
        let mut parts: Vec<String> = row
            .figures
            .iter()
            .filter(|f| !f.citation_numbers.is_empty())
            .map(|f| {
                format!(
                    "{} {}",
                    f.metric.label().to_lowercase(),
                    numbers(&f.citation_numbers)
                )
            })
            .collect();
        if let Some(cost) = &row.cost {
            parts.push(format!("price {}", numbers(&cost.citation_numbers)));
        }
        let line = if parts.is_empty() {
            format!("{}: no figures reported", row.name)
        } else {
            format!("{}: {}", row.name, parts.join(", "))
        };
        for piece in wrap(&line, chars, 2) {
            text(&mut body, y + 8, 14, "normal", "#1A1A1A", &piece);
            y += LINE;
        }
    }
    y += 8;
    text(&mut body, y + 8, 16, "bold", "#1A1A1A", "Sources");
    y += LINE + 6;
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
            text(&mut body, y + 8, 12, "normal", "#333333", &piece);
            y += 17;
        }
    }
    y += 8;
    for line in wrap(&info.disclaimer, chars, 4) {
        text(&mut body, y + 8, 12, "normal", "#555555", &line);
        y += 17;
    }
    let height = y + MARGIN;
    let svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}"><rect width="100%" height="100%" fill="#FFFFFF"/>{body}</svg>"##
    );
    Ok(Picture {
        svg,
        width: width as u32,
        height: height as u32,
    })
}

fn numbers(list: &[usize]) -> String {
    list.iter()
        .map(|n| format!("[{n}]"))
        .collect::<Vec<_>>()
        .join("")
}
