//! The bundled data against the evidence sheet, row by row: every finding's numbers, tier, n,
//! timepoint, citations and headline flag, and every citation's DOI, PubMed id and link. The
//! sheet lives outside the repository; `tests/data/sheet.json` is its snapshot, written by
//! `node tools/sheet-snapshot.mjs PATH/trd-options.md` (run it again when the sheet changes).

mod common;

use common::bundled;
use serde_json::Value as Json;
use trd_core::load::load_dataset;
use trd_core::model::{Dataset, Finding, Value};

const SHEET: &str = include_str!("../../tests/data/sheet.json");

fn sheet() -> Json {
    serde_json::from_str(SHEET).expect("tests/data/sheet.json is JSON")
}

fn datasets() -> [(&'static str, Dataset); 2] {
    [
        ("English", bundled()),
        (
            "Spanish",
            load_dataset(include_str!("../../data/trd-evidence.es.json")).unwrap(),
        ),
    ]
}

/// The sheet's cell with "same" read as the row above's, as the sheet means it.
fn cell(rows: &[Json], i: usize, name: &str) -> String {
    let mut i = i;
    loop {
        let text = rows[i][name].as_str().unwrap_or("").trim().to_string();
        if !text.eq_ignore_ascii_case("same") || i == 0 {
            return text;
        }
        i -= 1;
    }
}

/// The numbers written in a cell, as written ("**22.3** (114/511)" → 22.3, 114, 511).
fn numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars().chain([' ']) {
        if c.is_ascii_digit() || (c == '.' && !current.is_empty()) {
            current.push(c);
        } else if !current.is_empty() {
            out.push(current.trim_end_matches('.').to_string());
            current.clear();
        }
    }
    out
}

/// The written numbers a finding's value carries, in order.
fn value_numbers(value: &Value) -> Vec<String> {
    let s = |d: &trd_core::model::Decimal| d.as_str().trim_start_matches('-').to_string();
    match value {
        Value::Percent { percent, k, n } => {
            let mut out = vec![s(percent)];
            out.extend(k.iter().chain(n.iter()).map(u32::to_string));
            out
        }
        Value::PercentRange { low, high } => vec![s(low), s(high)],
        Value::Effect {
            estimate,
            ci_low,
            ci_high,
            ..
        } => [Some(estimate), ci_low.as_ref(), ci_high.as_ref()]
            .into_iter()
            .flatten()
            .map(s)
            .collect(),
        Value::MeanChange { change, .. } => vec![s(change)],
        Value::Text { text } => numbers(text),
        Value::NotReported => Vec::new(),
    }
}

/// Findings that stand for a sheet row: not the "not reported" headline a data file adds
/// where the sheet has no figure for a metric (it cites nothing).
fn rows_of(findings: &[Finding]) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|f| !(matches!(f.value, Value::NotReported) && f.citations.is_empty()))
        .collect()
}

#[test]
fn every_finding_matches_its_sheet_row() {
    let sheet = sheet();
    // The English edition; the Spanish one matches it number for number
    // (`translation.rs`), in its own notation (21,3; 1522).
    for (language, data) in [("English", bundled())] {
        let mut wrong = Vec::new();
        for option in &data.options {
            let Some(rows) = sheet["options"][&option.id].as_array() else {
                wrong.push(format!("{}: not in the sheet", option.id));
                continue;
            };
            let findings = rows_of(&option.findings);
            if findings.len() != rows.len() {
                wrong.push(format!(
                    "{}: {} findings, the sheet has {} rows",
                    option.id,
                    findings.len(),
                    rows.len()
                ));
                continue;
            }
            for (i, finding) in findings.iter().enumerate() {
                let at = format!("{} row {}", option.id, i + 1);
                let tier = cell(rows, i, "tier");
                if finding.tier.map(|t| t.letter()) != tier.get(..1) {
                    wrong.push(format!("{at}: tier {:?}, sheet {tier:?}", finding.tier));
                }
                let cites: Vec<String> = rows[i]["cite"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c.as_str().unwrap().split(" (").next().unwrap().to_string())
                    .collect();
                if finding.citations != cites {
                    wrong.push(format!(
                        "{at}: cites {:?}, sheet {cites:?}",
                        finding.citations
                    ));
                }
                let flag = rows[i]["headline"].as_str().unwrap_or("");
                if finding.headline != flag.contains("HEADLINE-") {
                    wrong.push(format!(
                        "{at}: headline {}, sheet {flag:?}",
                        finding.headline
                    ));
                }
                // Numbers as written: each the data carries is in the sheet's value cell, in order.
                let sheet_value = cell(rows, i, "value");
                let written = numbers(&sheet_value);
                let mut rest = written.iter();
                for number in value_numbers(&finding.value) {
                    if !rest.any(|w| *w == number) {
                        wrong.push(format!(
                            "{at}: value {number} not in the sheet's {sheet_value:?}"
                        ));
                        break;
                    }
                }
                if let Some(comparator_value) =
                    finding.comparator.as_ref().and_then(|c| c.value.as_ref())
                {
                    let mut sheet_comparator = cell(rows, i, "comparator");
                    // "see row 6": the rows compared with each other, as that row gives them.
                    if let Some(row) = sheet_comparator
                        .strip_prefix("see row ")
                        .and_then(|n| n.parse::<usize>().ok())
                    {
                        let of = row.saturating_sub(1);
                        sheet_comparator = format!(
                            "{} {}",
                            cell(rows, of, "value"),
                            cell(rows, of, "comparator")
                        );
                    }
                    let in_sheet = numbers(&sheet_comparator);
                    for number in value_numbers(comparator_value) {
                        if !in_sheet.contains(&number) {
                            wrong.push(format!(
                                "{at}: comparator value {number} not in the sheet's {sheet_comparator:?}"
                            ));
                        }
                    }
                }
                if let Some(n) = &finding.n {
                    let sheet_n = cell(rows, i, "n");
                    if numbers(n) != numbers(&sheet_n) {
                        wrong.push(format!("{at}: n {n:?}, sheet {sheet_n:?}"));
                    }
                }
            }
        }
        assert!(
            wrong.is_empty(),
            "{language} data against the sheet:\n{}",
            wrong.join("\n")
        );
    }
}

#[test]
fn every_citation_has_the_sheets_identifiers_and_one_of_its_links() {
    let sheet = sheet();
    for (language, data) in datasets() {
        let mut wrong = Vec::new();
        for citation in &data.citations {
            let Some(entry) = sheet["citations"].get(&citation.id) else {
                wrong.push(format!("{}: not in the sheet", citation.id));
                continue;
            };
            let of = |name: &str| entry[name].as_str().map(str::to_string);
            if citation.doi != of("doi") {
                wrong.push(format!(
                    "{}: DOI {:?}, sheet {:?}",
                    citation.id,
                    citation.doi,
                    of("doi")
                ));
            }
            if citation.pmid != of("pmid") {
                wrong.push(format!(
                    "{}: PMID {:?}, sheet {:?}",
                    citation.id,
                    citation.pmid,
                    of("pmid")
                ));
            }
            let urls: Vec<&str> = entry["urls"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(Json::as_str)
                .collect();
            if let Some(url) = &citation.url {
                let known = urls.iter().any(|u| {
                    url == u || url.strip_prefix("https://").is_some_and(|rest| rest == *u)
                });
                if !known {
                    wrong.push(format!(
                        "{}: link {url} is not one of the sheet's {urls:?}",
                        citation.id
                    ));
                }
            } else if !urls.is_empty() && citation.doi.is_none() && citation.pmid.is_none() {
                wrong.push(format!("{}: no link, the sheet has {urls:?}", citation.id));
            }
        }
        assert!(
            wrong.is_empty(),
            "{language} citations against the sheet:\n{}",
            wrong.join("\n")
        );
    }
}

#[test]
fn no_citation_links_to_a_staging_proxy_or_bare_address_host() {
    for (language, data) in datasets() {
        for citation in &data.citations {
            let Some(link) = citation.link() else {
                continue;
            };
            let host = link
                .split("://")
                .nth(1)
                .and_then(|rest| rest.split(['/', '?', '#']).next())
                .unwrap_or("")
                .to_ascii_lowercase();
            let staging = host.contains("staging")
                || host.starts_with("dev.")
                || host.starts_with("dev2.")
                || host.starts_with("uat.")
                || host.ends_with("platformsh.site")
                || host.contains("proxy")
                || host.ends_with("liu233w.com")
                || host == "leti.lt";
            let bare_address = host.split('.').count() == 4
                && host.split('.').all(|part| part.parse::<u8>().is_ok());
            assert!(
                !staging && !bare_address,
                "{language}: {} links to {host}",
                citation.id
            );
            // A DOI or PubMed id is the first link, when the source has one.
            if citation.doi.is_some() {
                assert!(
                    link.starts_with("https://doi.org/"),
                    "{}: {link}",
                    citation.id
                );
            } else if citation.pmid.is_some() {
                assert!(
                    link.starts_with("https://pubmed.ncbi.nlm.nih.gov/"),
                    "{}: {link}",
                    citation.id
                );
            }
        }
    }
}

#[test]
fn the_snapshot_is_of_the_sheet_the_data_was_reviewed_against() {
    let sheet = sheet();
    let data = bundled();
    assert_eq!(
        sheet["reviewed"].as_str(),
        Some(data.dataset.last_reviewed.as_str())
    );
}
