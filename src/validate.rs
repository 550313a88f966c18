//! Semantic checks on a parsed dataset. Each problem names the JSON path and says in plain
//! English what is wrong, so a data author can fix the file without reading code.

use crate::model::{Citation, Dataset, Decimal, Finding, Metric, Value, FORMAT};
use std::collections::HashSet;
use std::fmt;

/// Longest string accepted anywhere in a data file; long enough for any citation title.
pub const MAX_TEXT_CHARS: usize = 2_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }
}

pub fn validate(data: &Dataset) -> Vec<Problem> {
    let mut problems = Problems::default();
    if data.format != FORMAT {
        problems.add(
            "format",
            format!("must be \"{FORMAT}\", found \"{}\"", data.format),
        );
    }
    check_dataset_info(data, &mut problems);
    check_options(data, &mut problems);
    check_citations(&data.citations, &mut problems);
    check_citation_ids(data, &mut problems);
    problems.0
}

fn check_dataset_info(data: &Dataset, problems: &mut Problems) {
    let info = &data.dataset;
    for (field, text) in [
        ("title", &info.title),
        ("version", &info.version),
        ("region", &info.region),
        ("currency", &info.currency),
        ("disclaimer", &info.disclaimer),
    ] {
        if text.trim().is_empty() {
            problems.add(format!("dataset.{field}"), "must not be empty");
        }
    }
    if info.definitions.invasiveness.len() != 4 {
        problems.add(
            "dataset.definitions.invasiveness",
            format!(
                "must define the 4 levels (1 non-invasive … 4 surgical implant), found {}",
                info.definitions.invasiveness.len()
            ),
        );
    }
    if !is_iso_date(&info.last_reviewed) {
        problems.add(
            "dataset.last_reviewed",
            format!(
                "must be a date written YYYY-MM-DD, found \"{}\"",
                info.last_reviewed
            ),
        );
    }
}

fn check_options(data: &Dataset, problems: &mut Problems) {
    if data.options.is_empty() {
        problems.add("options", "must list at least one option");
    }
    let mut seen = HashSet::new();
    for (i, option) in data.options.iter().enumerate() {
        let path = format!("options[{i}]");
        if !is_id(&option.id) {
            problems.add(
                format!("{path}.id"),
                "must be lower-case letters, digits and hyphens, e.g. \"rtms\"",
            );
        } else if !seen.insert(option.id.as_str()) {
            problems.add(
                format!("{path}.id"),
                format!("\"{}\" is used by another option", option.id),
            );
        }
        if option.name.trim().is_empty() {
            problems.add(format!("{path}.name"), "must not be empty");
        }
        if !(1..=4).contains(&option.invasiveness.level) {
            problems.add(
                format!("{path}.invasiveness.level"),
                format!(
                    "must be 1 to 4 (1 non-invasive … 4 surgical implant), found {}",
                    option.invasiveness.level
                ),
            );
        }
        if option.regulatory.summary.trim().is_empty() {
            problems.add(format!("{path}.regulatory.summary"), "must not be empty");
        }
        let headline_costs: Vec<usize> = (0..option.costs.len())
            .filter(|&j| option.costs[j].headline)
            .collect();
        if let [_, second, ..] = headline_costs[..] {
            problems.add(
                format!("{path}.costs[{second}].headline"),
                format!(
                    "only one price per option can be the headline; costs[{}] already is",
                    headline_costs[0]
                ),
            );
        }
        for (j, cost) in option.costs.iter().enumerate() {
            let cpath = format!("{path}.costs[{j}]");
            if cost.headline && cost.low.is_none() {
                problems.add(
                    format!("{cpath}.low"),
                    "the headline price needs a number in `low` to be charted",
                );
            }
            if cost.low.as_ref().is_some_and(|v| v.value() == 0.0) && cost.headline {
                problems.add(
                    format!("{cpath}.low"),
                    "the headline price must be above 0 to be drawn on a log scale",
                );
            }
            for (field, value) in [("low", &cost.low), ("high", &cost.high)] {
                if value.as_ref().is_some_and(|v| v.value() < 0.0) {
                    problems.add(format!("{cpath}.{field}"), "a price cannot be negative");
                }
            }
            if let (Some(low), Some(high)) = (&cost.low, &cost.high) {
                if low.value() > high.value() {
                    problems.add(
                        format!("{cpath}.low"),
                        format!(
                            "low ({}) is larger than high ({})",
                            low.as_str(),
                            high.as_str()
                        ),
                    );
                }
            }
            if cost.currency.len() != 3 || !cost.currency.chars().all(|c| c.is_ascii_uppercase()) {
                problems.add(
                    format!("{cpath}.currency"),
                    format!(
                        "must be a 3-letter currency code such as USD, found \"{}\"",
                        cost.currency
                    ),
                );
            }
        }
        if let Some(hours) = &option.burden.in_clinic_hours {
            if let Some(high) = &hours.high {
                if hours.low.value() > high.value() {
                    problems.add(
                        format!("{path}.burden.in_clinic_hours.low"),
                        format!(
                            "low ({}) is larger than high ({})",
                            hours.low.as_str(),
                            high.as_str()
                        ),
                    );
                }
            }
        }
        let mut headline_metrics: HashSet<Metric> = HashSet::new();
        for (j, finding) in option.findings.iter().enumerate() {
            let fpath = format!("{path}.findings[{j}]");
            check_finding(finding, &fpath, problems);
            if finding.headline && !headline_metrics.insert(finding.metric) {
                problems.add(
                    format!("{fpath}.headline"),
                    format!(
                        "a second headline for {}; each option has at most one headline per metric",
                        finding.metric.label().to_ascii_lowercase()
                    ),
                );
            }
        }
    }
}

fn check_finding(finding: &Finding, path: &str, problems: &mut Problems) {
    check_value(&finding.value, &format!("{path}.value"), problems);
    if let Some(comparator) = &finding.comparator {
        if let Some(value) = &comparator.value {
            check_value(value, &format!("{path}.comparator.value"), problems);
        }
    }
    let reported = finding.value != Value::NotReported;
    if reported && finding.citations.is_empty() {
        problems.add(
            format!("{path}.citations"),
            "a reported figure needs at least one citation id",
        );
    }
    if reported && finding.tier.is_none() {
        problems.add(
            format!("{path}.tier"),
            "a reported figure needs its evidence tier (A, B, C or D)",
        );
    }
}

fn check_value(value: &Value, path: &str, problems: &mut Problems) {
    match value {
        Value::Percent { percent, k, n } => {
            check_percent(percent, &format!("{path}.percent"), problems);
            if let (Some(k), Some(n)) = (k, n) {
                if k > n {
                    problems.add(
                        format!("{path}.k"),
                        format!("k ({k}) is larger than n ({n})"),
                    );
                }
            }
            if *n == Some(0) {
                problems.add(format!("{path}.n"), "n must be at least 1");
            }
        }
        Value::PercentRange { low, high } => {
            check_percent(low, &format!("{path}.low"), problems);
            check_percent(high, &format!("{path}.high"), problems);
            if low.value() > high.value() {
                problems.add(
                    format!("{path}.low"),
                    format!(
                        "low ({}) is larger than high ({})",
                        low.as_str(),
                        high.as_str()
                    ),
                );
            }
        }
        Value::Effect {
            measure,
            estimate,
            ci_low,
            ci_high,
        } => {
            if measure.trim().is_empty() {
                problems.add(
                    format!("{path}.measure"),
                    "must name the measure, e.g. OR or RR",
                );
            }
            check_finite(estimate, &format!("{path}.estimate"), problems);
            if let (Some(lo), Some(hi)) = (ci_low, ci_high) {
                if lo.value() > hi.value() {
                    problems.add(
                        format!("{path}.ci_low"),
                        format!(
                            "the interval's low end ({}) is above its high end ({})",
                            lo.as_str(),
                            hi.as_str()
                        ),
                    );
                }
            }
        }
        Value::MeanChange { change, .. } => {
            check_finite(change, &format!("{path}.change"), problems);
        }
        Value::Text { text } => {
            if text.trim().is_empty() {
                problems.add(format!("{path}.text"), "must not be empty");
            }
        }
        Value::NotReported => {}
    }
}

fn check_percent(value: &Decimal, path: &str, problems: &mut Problems) {
    if !(0.0..=100.0).contains(&value.value()) {
        problems.add(
            path,
            format!(
                "a percentage must be between 0 and 100, found {}",
                value.as_str()
            ),
        );
    }
}

fn check_finite(value: &Decimal, path: &str, problems: &mut Problems) {
    if !value.value().is_finite() {
        problems.add(path, "must be a finite number");
    }
}

fn check_citations(citations: &[Citation], problems: &mut Problems) {
    let mut seen = HashSet::new();
    for (i, citation) in citations.iter().enumerate() {
        let path = format!("citations[{i}]");
        if citation.id.trim().is_empty() {
            problems.add(format!("{path}.id"), "must not be empty");
        } else if !seen.insert(citation.id.as_str()) {
            problems.add(
                format!("{path}.id"),
                format!("\"{}\" is used by another citation", citation.id),
            );
        }
        if citation.doi.is_none() && citation.pmid.is_none() && citation.url.is_none() {
            problems.add(
                path.clone(),
                "needs at least one of doi, pmid or url so readers can find the source",
            );
        }
        if let Some(doi) = &citation.doi {
            if !doi.starts_with("10.") || doi.chars().any(char::is_whitespace) {
                problems.add(
                    format!("{path}.doi"),
                    format!("\"{doi}\" is not a DOI (it must start with \"10.\")"),
                );
            }
        }
        if let Some(pmid) = &citation.pmid {
            if pmid.is_empty() || !pmid.chars().all(|c| c.is_ascii_digit()) {
                problems.add(
                    format!("{path}.pmid"),
                    format!("\"{pmid}\" is not a PubMed id (digits only)"),
                );
            }
        }
        if let Some(url) = &citation.url {
            if !is_web_link(url) {
                problems.add(
                    format!("{path}.url"),
                    "links must start with https:// or http://",
                );
            }
        }
    }
}

/// Every `citations` list, wherever it sits, names known citation ids.
fn check_citation_ids(data: &Dataset, problems: &mut Problems) {
    let known: HashSet<&str> = data.citations.iter().map(|c| c.id.as_str()).collect();
    let mut check = |path: String, ids: &[String]| {
        for (k, id) in ids.iter().enumerate() {
            if !known.contains(id.as_str()) {
                problems.add(
                    format!("{path}.citations[{k}]"),
                    format!("unknown citation id \"{id}\"; add it to `citations` or fix the id"),
                );
            }
        }
    };
    for (i, option) in data.options.iter().enumerate() {
        let p = format!("options[{i}]");
        check(format!("{p}.invasiveness"), &option.invasiveness.citations);
        check(format!("{p}.regulatory"), &option.regulatory.citations);
        for (j, item) in option.regulatory.details.iter().enumerate() {
            check(format!("{p}.regulatory.details[{j}]"), &item.citations);
        }
        for (j, finding) in option.findings.iter().enumerate() {
            check(format!("{p}.findings[{j}]"), &finding.citations);
        }
        for (field, item) in option.burden.items() {
            check(format!("{p}.burden.{field}"), &item.citations);
        }
        for (j, item) in option.burden.notes.iter().enumerate() {
            check(format!("{p}.burden.notes[{j}]"), &item.citations);
        }
        if let Some(hours) = &option.burden.in_clinic_hours {
            check(format!("{p}.burden.in_clinic_hours"), &hours.citations);
        }
        for (j, cost) in option.costs.iter().enumerate() {
            check(format!("{p}.costs[{j}]"), &cost.citations);
        }
        for (list, items) in [
            ("cost_notes", &option.cost_notes),
            ("risks", &option.risks),
            ("caveats", &option.caveats),
        ] {
            for (j, item) in items.iter().enumerate() {
                check(format!("{p}.{list}[{j}]"), &item.citations);
            }
        }
    }
}

pub fn is_web_link(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn is_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && matches!(text[5..7].parse::<u8>(), Ok(1..=12))
        && matches!(text[8..10].parse::<u8>(), Ok(1..=31))
}
