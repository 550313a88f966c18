//! Semantic checks on a parsed dataset. Each problem names the JSON path and what is wrong,
//! typed, so the widget can say it in the reader's language and a data author can fix the file
//! without reading code.

use crate::model::{Citation, Dataset, Decimal, Finding, Metric, Value, FORMAT};
use crate::words::Words;
use std::fmt;

/// Longest string accepted anywhere in a data file; long enough for any citation title.
pub const MAX_TEXT_CHARS: usize = 2_000;

/// Most options a data file may hold: a comparison of more is no longer readable, and the
/// page would be busy for seconds building it (500 options, the benchmark's, take 0.2 s).
pub const MAX_OPTIONS: usize = 1_000;

/// One thing wrong with a data file, at a JSON path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub kind: ProblemKind,
}

/// What is wrong, with the values a message needs. Numbers and ids are kept as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    WrongFormat {
        found: String,
    },
    Empty,
    InvasivenessLevels {
        found: usize,
    },
    NotADate {
        found: String,
    },
    NoOptions,
    BadOptionId,
    DuplicateOptionId {
        id: String,
    },
    LevelOutOfRange {
        found: u8,
    },
    SecondHeadlinePrice {
        first: usize,
    },
    HeadlinePriceWithoutNumber,
    HeadlinePriceZero,
    NegativePrice,
    LowAboveHigh {
        low: String,
        high: String,
    },
    NotACurrency {
        found: String,
    },
    SecondHeadline {
        metric: Metric,
    },
    FigureWithoutCitation,
    FigureWithoutTier,
    KAboveN {
        k: u32,
        n: u32,
    },
    NZero,
    NoMeasure,
    NotFinite,
    IntervalReversed {
        low: String,
        high: String,
    },
    PercentOutOfRange {
        found: String,
    },
    DuplicateCitationId {
        id: String,
    },
    CitationWithoutLink,
    NotADoi {
        found: String,
    },
    NotAPmid {
        found: String,
    },
    NotAWebLink,
    /// A web link with a space or a line break in it (write a space as %20).
    SpaceInLink,
    UnknownCitation {
        id: String,
    },
    TooLong {
        chars: usize,
        limit: usize,
    },
    /// A character that must not reach a page (see `json_path::is_unsafe_char`), by code point.
    UnsafeCharacter {
        code: u32,
    },
    /// More options than a page can show at once.
    TooManyOptions {
        found: usize,
        limit: usize,
    },
}

impl Problem {
    /// What is wrong, in the reader's language.
    pub fn message(&self, w: Words) -> String {
        let t = w.t();
        let one = |template: &str, name: &str, value: &str| w.fill(template, &[(name, value)]);
        match &self.kind {
            ProblemKind::WrongFormat { found } => w.fill(
                t.problem_wrong_format,
                &[("expected", FORMAT), ("found", found)],
            ),
            ProblemKind::Empty => t.problem_empty.to_string(),
            ProblemKind::InvasivenessLevels { found } => {
                one(t.problem_invasiveness_levels, "found", &found.to_string())
            }
            ProblemKind::NotADate { found } => one(t.problem_not_a_date, "found", found),
            ProblemKind::NoOptions => t.problem_no_options.to_string(),
            ProblemKind::BadOptionId => t.problem_bad_option_id.to_string(),
            ProblemKind::DuplicateOptionId { id } => one(t.problem_duplicate_option_id, "id", id),
            ProblemKind::LevelOutOfRange { found } => {
                one(t.problem_level_out_of_range, "found", &found.to_string())
            }
            ProblemKind::SecondHeadlinePrice { first } => {
                one(t.problem_second_headline_price, "first", &first.to_string())
            }
            ProblemKind::HeadlinePriceWithoutNumber => {
                t.problem_headline_price_without_number.to_string()
            }
            ProblemKind::HeadlinePriceZero => t.problem_headline_price_zero.to_string(),
            ProblemKind::NegativePrice => t.problem_negative_price.to_string(),
            ProblemKind::LowAboveHigh { low, high } => {
                w.fill(t.problem_low_above_high, &[("low", low), ("high", high)])
            }
            ProblemKind::NotACurrency { found } => one(t.problem_not_a_currency, "found", found),
            ProblemKind::SecondHeadline { metric } => one(
                t.problem_second_headline,
                "metric",
                &w.metric_lower(*metric),
            ),
            ProblemKind::FigureWithoutCitation => t.problem_figure_without_citation.to_string(),
            ProblemKind::FigureWithoutTier => t.problem_figure_without_tier.to_string(),
            ProblemKind::KAboveN { k, n } => w.fill(
                t.problem_k_above_n,
                &[("k", &k.to_string()), ("n", &n.to_string())],
            ),
            ProblemKind::NZero => t.problem_n_zero.to_string(),
            ProblemKind::NoMeasure => t.problem_no_measure.to_string(),
            ProblemKind::NotFinite => t.problem_not_finite.to_string(),
            ProblemKind::IntervalReversed { low, high } => {
                w.fill(t.problem_interval_reversed, &[("low", low), ("high", high)])
            }
            ProblemKind::PercentOutOfRange { found } => {
                one(t.problem_percent_out_of_range, "found", found)
            }
            ProblemKind::DuplicateCitationId { id } => {
                one(t.problem_duplicate_citation_id, "id", id)
            }
            ProblemKind::CitationWithoutLink => t.problem_citation_without_link.to_string(),
            ProblemKind::NotADoi { found } => one(t.problem_not_a_doi, "found", found),
            ProblemKind::NotAPmid { found } => one(t.problem_not_a_pmid, "found", found),
            ProblemKind::NotAWebLink => t.problem_not_a_web_link.to_string(),
            ProblemKind::SpaceInLink => t.problem_space_in_link.to_string(),
            ProblemKind::UnknownCitation { id } => one(t.problem_unknown_citation, "id", id),
            ProblemKind::TooLong { chars, limit } => w.fill(
                t.problem_too_long,
                &[("chars", &chars.to_string()), ("limit", &limit.to_string())],
            ),
            ProblemKind::UnsafeCharacter { code } => {
                one(t.problem_unsafe_character, "code", &format!("U+{code:04X}"))
            }
            ProblemKind::TooManyOptions { found, limit } => w.fill(
                t.problem_too_many_options,
                &[("found", &found.to_string()), ("limit", &limit.to_string())],
            ),
        }
    }

    /// "path: what is wrong", as the error box and the checker list it.
    pub fn line(&self, w: Words) -> String {
        format!("{}: {}", self.path, self.message(w))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line(Words::default()))
    }
}

#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.0.push(Problem {
            path: path.into(),
            kind,
        });
    }
}

pub fn validate(data: &Dataset) -> Vec<Problem> {
    let mut problems = Problems::default();
    if data.format != FORMAT {
        problems.add(
            "format",
            ProblemKind::WrongFormat {
                found: data.format.clone(),
            },
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
            problems.add(format!("dataset.{field}"), ProblemKind::Empty);
        }
    }
    if info.definitions.invasiveness.len() != 4 {
        problems.add(
            "dataset.definitions.invasiveness",
            ProblemKind::InvasivenessLevels {
                found: info.definitions.invasiveness.len(),
            },
        );
    }
    if !is_iso_date(&info.last_reviewed) {
        problems.add(
            "dataset.last_reviewed",
            ProblemKind::NotADate {
                found: info.last_reviewed.clone(),
            },
        );
    }
}

fn low_above_high(low: &Decimal, high: &Decimal) -> Option<ProblemKind> {
    (low.value() > high.value()).then(|| ProblemKind::LowAboveHigh {
        low: low.as_str().to_string(),
        high: high.as_str().to_string(),
    })
}

fn check_options(data: &Dataset, problems: &mut Problems) {
    if data.options.is_empty() {
        problems.add("options", ProblemKind::NoOptions);
    }
    if data.options.len() > MAX_OPTIONS {
        problems.add(
            "options",
            ProblemKind::TooManyOptions {
                found: data.options.len(),
                limit: MAX_OPTIONS,
            },
        );
        // Checked one by one, thousands of options would bury this line under their own.
        return;
    }
    // Small lists: a scan costs less code in the web bundle than a hash set.
    let mut seen: Vec<&str> = Vec::new();
    for (i, option) in data.options.iter().enumerate() {
        let path = format!("options[{i}]");
        if !is_id(&option.id) {
            problems.add(format!("{path}.id"), ProblemKind::BadOptionId);
        } else if !first_time(&mut seen, option.id.as_str()) {
            problems.add(
                format!("{path}.id"),
                ProblemKind::DuplicateOptionId {
                    id: option.id.clone(),
                },
            );
        }
        if option.name.trim().is_empty() {
            problems.add(format!("{path}.name"), ProblemKind::Empty);
        }
        if !(1..=4).contains(&option.invasiveness.level) {
            problems.add(
                format!("{path}.invasiveness.level"),
                ProblemKind::LevelOutOfRange {
                    found: option.invasiveness.level,
                },
            );
        }
        if option.regulatory.summary.trim().is_empty() {
            problems.add(format!("{path}.regulatory.summary"), ProblemKind::Empty);
        }
        let headline_costs: Vec<usize> = (0..option.costs.len())
            .filter(|&j| option.costs[j].headline)
            .collect();
        if let [first, second, ..] = headline_costs[..] {
            problems.add(
                format!("{path}.costs[{second}].headline"),
                ProblemKind::SecondHeadlinePrice { first },
            );
        }
        for (j, cost) in option.costs.iter().enumerate() {
            let cpath = format!("{path}.costs[{j}]");
            if cost.headline && cost.low.is_none() {
                problems.add(
                    format!("{cpath}.low"),
                    ProblemKind::HeadlinePriceWithoutNumber,
                );
            }
            if cost.low.as_ref().is_some_and(|v| v.value() == 0.0) && cost.headline {
                problems.add(format!("{cpath}.low"), ProblemKind::HeadlinePriceZero);
            }
            for (field, value) in [("low", &cost.low), ("high", &cost.high)] {
                if value.as_ref().is_some_and(|v| v.value() < 0.0) {
                    problems.add(format!("{cpath}.{field}"), ProblemKind::NegativePrice);
                }
            }
            if let (Some(low), Some(high)) = (&cost.low, &cost.high) {
                if let Some(kind) = low_above_high(low, high) {
                    problems.add(format!("{cpath}.low"), kind);
                }
            }
            if cost.currency.len() != 3 || !cost.currency.chars().all(|c| c.is_ascii_uppercase()) {
                problems.add(
                    format!("{cpath}.currency"),
                    ProblemKind::NotACurrency {
                        found: cost.currency.clone(),
                    },
                );
            }
        }
        if let Some(hours) = &option.burden.in_clinic_hours {
            if let Some(kind) = hours
                .high
                .as_ref()
                .and_then(|h| low_above_high(&hours.low, h))
            {
                problems.add(format!("{path}.burden.in_clinic_hours.low"), kind);
            }
        }
        let mut headline_metrics: Vec<Metric> = Vec::new();
        for (j, finding) in option.findings.iter().enumerate() {
            let fpath = format!("{path}.findings[{j}]");
            check_finding(finding, &fpath, problems);
            if finding.headline && !first_time(&mut headline_metrics, finding.metric) {
                problems.add(
                    format!("{fpath}.headline"),
                    ProblemKind::SecondHeadline {
                        metric: finding.metric,
                    },
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
            ProblemKind::FigureWithoutCitation,
        );
    }
    if reported && finding.tier.is_none() {
        problems.add(format!("{path}.tier"), ProblemKind::FigureWithoutTier);
    }
}

fn check_value(value: &Value, path: &str, problems: &mut Problems) {
    match value {
        Value::Percent { percent, k, n } => {
            check_percent(percent, &format!("{path}.percent"), problems);
            if let (Some(k), Some(n)) = (k, n) {
                if k > n {
                    problems.add(format!("{path}.k"), ProblemKind::KAboveN { k: *k, n: *n });
                }
            }
            if *n == Some(0) {
                problems.add(format!("{path}.n"), ProblemKind::NZero);
            }
        }
        Value::PercentRange { low, high } => {
            check_percent(low, &format!("{path}.low"), problems);
            check_percent(high, &format!("{path}.high"), problems);
            if let Some(kind) = low_above_high(low, high) {
                problems.add(format!("{path}.low"), kind);
            }
        }
        Value::Effect {
            measure,
            estimate,
            ci_low,
            ci_high,
        } => {
            if measure.trim().is_empty() {
                problems.add(format!("{path}.measure"), ProblemKind::NoMeasure);
            }
            check_finite(estimate, &format!("{path}.estimate"), problems);
            if let (Some(lo), Some(hi)) = (ci_low, ci_high) {
                if lo.value() > hi.value() {
                    problems.add(
                        format!("{path}.ci_low"),
                        ProblemKind::IntervalReversed {
                            low: lo.as_str().to_string(),
                            high: hi.as_str().to_string(),
                        },
                    );
                }
            }
        }
        Value::MeanChange { change, .. } => {
            check_finite(change, &format!("{path}.change"), problems);
        }
        Value::Text { text } => {
            if text.trim().is_empty() {
                problems.add(format!("{path}.text"), ProblemKind::Empty);
            }
        }
        Value::NotReported => {}
    }
}

fn check_percent(value: &Decimal, path: &str, problems: &mut Problems) {
    if !(0.0..=100.0).contains(&value.value()) {
        problems.add(
            path,
            ProblemKind::PercentOutOfRange {
                found: value.as_str().to_string(),
            },
        );
    }
}

fn check_finite(value: &Decimal, path: &str, problems: &mut Problems) {
    if !value.value().is_finite() {
        problems.add(path, ProblemKind::NotFinite);
    }
}

fn check_citations(citations: &[Citation], problems: &mut Problems) {
    let mut seen: Vec<&str> = Vec::new();
    for (i, citation) in citations.iter().enumerate() {
        let path = format!("citations[{i}]");
        if citation.id.trim().is_empty() {
            problems.add(format!("{path}.id"), ProblemKind::Empty);
        } else if !first_time(&mut seen, citation.id.as_str()) {
            problems.add(
                format!("{path}.id"),
                ProblemKind::DuplicateCitationId {
                    id: citation.id.clone(),
                },
            );
        }
        if citation.doi.is_none() && citation.pmid.is_none() && citation.url.is_none() {
            problems.add(path.clone(), ProblemKind::CitationWithoutLink);
        }
        if let Some(doi) = &citation.doi {
            if !doi.starts_with("10.") || doi.chars().any(char::is_whitespace) {
                problems.add(
                    format!("{path}.doi"),
                    ProblemKind::NotADoi { found: doi.clone() },
                );
            }
        }
        if let Some(pmid) = &citation.pmid {
            if pmid.is_empty() || !pmid.chars().all(|c| c.is_ascii_digit()) {
                problems.add(
                    format!("{path}.pmid"),
                    ProblemKind::NotAPmid {
                        found: pmid.clone(),
                    },
                );
            }
        }
        if let Some(url) = &citation.url {
            if !is_web_link(url) {
                let kind = if has_web_scheme(url) {
                    ProblemKind::SpaceInLink
                } else {
                    ProblemKind::NotAWebLink
                };
                problems.add(format!("{path}.url"), kind);
            }
        }
    }
}

/// Every `citations` list, wherever it sits, names known citation ids.
fn check_citation_ids(data: &Dataset, problems: &mut Problems) {
    let known: Vec<&str> = data.citations.iter().map(|c| c.id.as_str()).collect();
    let mut check = |path: String, ids: &[String]| {
        for (k, id) in ids.iter().enumerate() {
            if !known.contains(&id.as_str()) {
                problems.add(
                    format!("{path}.citations[{k}]"),
                    ProblemKind::UnknownCitation { id: id.clone() },
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
    has_web_scheme(url) && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

fn has_web_scheme(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
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

/// Adds `item` to `seen`; false when it was there already.
fn first_time<T: PartialEq>(seen: &mut Vec<T>, item: T) -> bool {
    if seen.contains(&item) {
        return false;
    }
    seen.push(item);
    true
}
