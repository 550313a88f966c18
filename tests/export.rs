//! Exports of the current view: CSV of its findings, SVG of its charts.
use trd_evidence::embed_config::ALL_PANELS;
use trd_evidence::export::{comparison_svg, findings_csv, CSV_COLUMNS};
use trd_evidence::load::load_dataset;
use trd_evidence::state::{Action, ViewState};
use trd_evidence::view_model::Comparison;
use trd_evidence::BUNDLED_DATA;

/// A small RFC 4180 reader, enough to check what a spreadsheet would see.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    rows
}

fn shown(data: &trd_evidence::model::Dataset, ids: &[&str]) -> Comparison {
    let state = ViewState::initial(data)
        .reduce(Action::Select(ids.iter().map(|s| s.to_string()).collect()));
    Comparison::build(data, &state.selection())
}

#[test]
fn the_csv_has_one_row_per_finding_of_the_shown_options_with_its_sources() {
    let data = load_dataset(BUNDLED_DATA).unwrap();
    let comparison = shown(&data, &["rtms", "ect"]);
    let rows = parse_csv(&findings_csv(&data, &comparison));
    let findings: usize = data
        .options
        .iter()
        .filter(|o| o.id == "rtms" || o.id == "ect")
        .map(|o| o.findings.len())
        .sum();
    assert_eq!(rows.len(), 1 + findings, "a header and one row per finding");
    assert_eq!(rows[0], CSV_COLUMNS.map(String::from).to_vec());
    assert!(
        rows.iter().all(|r| r.len() == CSV_COLUMNS.len()),
        "every row has every column"
    );
    let col = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
    let headline = rows
        .iter()
        .find(|r| {
            r[col("option_id")] == "rtms"
                && r[col("metric")] == "response"
                && r[col("headline")] == "yes"
        })
        .expect("rTMS's headline response");
    assert_eq!(headline[col("value")], "29.3%");
    assert_eq!(headline[col("compared_with")], "sham");
    assert!(
        headline[col("sources")].contains("Berlim"),
        "{}",
        headline[col("sources")]
    );
    assert!(headline[col("sources")].contains("https://www.cambridge.org/"));
    assert!(rows[1..]
        .iter()
        .all(|r| r[col("dataset_version")] == "1.0.0" && r[col("last_reviewed")] == "2026-11-21"));
    assert!(
        rows[1..].iter().all(|r| !r[col("sources")].is_empty()),
        "every finding cites"
    );
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_defused() {
    let mut data = load_dataset(BUNDLED_DATA).unwrap();
    data.options[8].name = "=HYPERLINK(\"http://evil.example\",\"click\")".into();
    let comparison = shown(&data, &["rtms", "ect"]);
    let csv = findings_csv(&data, &comparison);
    let rows = parse_csv(&csv);
    assert!(rows
        .iter()
        .any(|r| r[1] == "'=HYPERLINK(\"http://evil.example\",\"click\")"));
    assert!(!csv.contains("\n=HYPERLINK") && !csv.contains(",=HYPERLINK"));
}

#[test]
fn the_exported_svg_has_title_note_legend_figures_citation_numbers_and_sources() {
    let mut data = load_dataset(BUNDLED_DATA).unwrap();
    data.options[12].name = "ECT <script>alert(1)</script> & co".into();
    let comparison = shown(&data, &["rtms", "ect", "vns"]);
    let picture = comparison_svg(&data, &comparison, &ALL_PANELS, "Our <options>").unwrap();
    let svg = &picture.svg;
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_eq!(
        svg.matches("<svg").count(),
        1 + 4,
        "the page and four panels"
    );
    assert_eq!(svg.matches("<svg").count(), svg.matches("</svg>").count());
    assert!(svg.contains("Our &lt;options&gt;"), "the title is escaped");
    assert!(!svg.contains("<script"), "hostile names stay text");
    assert!(svg.contains("ECT &lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
    for needle in [
        "These are not head-to-head results",
        "Option (headline figure)",
        "Comparison group in the same study",
        "29.3%",
        "sham 10.4%",
        "$40,000–45,000",
        "version 1.0.0, evidence last reviewed 2026-11-21",
        "Standard 10 Hz rTMS: response [",
        "Sources",
    ] {
        assert!(svg.contains(needle), "{needle:?} missing");
    }
    for entry in comparison.citations.iter() {
        assert!(
            svg.contains(&format!("[{}] ", entry.number)),
            "citation {} listed",
            entry.number
        );
    }
    assert_eq!(picture.width, 24 * 2 + 4 * 360 + 3 * 16);
    assert!(svg.contains(&format!(r#"height="{}""#, picture.height)));
}
