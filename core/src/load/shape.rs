//! The data model read from parsed JSON, one small reader per type, keeping the first value
//! out of shape with its place and cause. serde's derived readers did the same at about a sixth
//! of the widget's code (a copy of every reader for each way serde can meet a value); these are
//! a fraction of that, and say the cause in our own terms instead of a message to be sorted.
//!
//! A reader always returns a value: where the JSON is out of shape it notes the first problem
//! (at the top of its `At` chain) and goes on with a stand-in, which is never shown since the
//! file is then refused. So no reader has an early return that must undo what it built. Strings
//! are moved out of the parsed JSON, not copied.
//!
//! The first problem is the one reported: in an object, an unknown key first, then its fields
//! in the order the data model lists them.

use super::cause::{shorten, Cause, Kind};
use crate::model::*;
use serde_json::{Map, Value as Json};
use std::cell::Cell;

/// Where a value sits in the file, rendered (`options[2].findings[0].tier`) only for a
/// problem. The top holds the first problem found.
#[derive(Clone, Copy)]
enum At<'a> {
    Top(&'a Cell<Option<OutOfShape>>),
    Key(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl At<'_> {
    /// The path as `json_path` writes it; the top level is the empty path.
    fn render(&self) -> String {
        match self {
            At::Top(_) => String::new(),
            At::Key(parent, key) => {
                let mut out = parent.render();
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
                out
            }
            At::Index(parent, index) => format!("{}[{index}]", parent.render()),
        }
    }

    /// Notes a problem here, unless one was found before (the first is the one reported).
    fn problem(&self, cause: Cause) {
        self.problem_at_key(None, cause);
    }

    fn problem_at_key(&self, key: Option<&str>, cause: Cause) {
        let mut top = self;
        let first = loop {
            match top {
                At::Top(first) => break first,
                At::Key(parent, _) | At::Index(parent, _) => top = parent,
            }
        };
        let before = first.take();
        first.set(before.or_else(|| {
            Some(OutOfShape {
                path: self.render(),
                key: key.map(str::to_string),
                cause,
            })
        }));
    }

    fn wrong_kind(&self, value: &Json, expected: Kind) {
        self.problem(Cause::WrongKind {
            found: kind_of(value),
            expected,
        });
    }
}

/// The first value that does not fit the data model: its path (empty for the top level), the
/// key in it to point at (an unknown one), and why.
#[derive(Debug)]
pub(super) struct OutOfShape {
    pub path: String,
    pub key: Option<String>,
    pub cause: Cause,
}

type Reader<T> = fn(&mut Json, &At) -> T;

/// What a value is, as a message names it.
fn kind_of(value: &Json) -> Kind {
    match value {
        Json::Null => Kind::Nothing,
        Json::Bool(b) => Kind::TrueFalse(Some(b.to_string())),
        Json::Number(n) => Kind::Number(Some(shorten(n.as_str()))),
        Json::String(s) => Kind::Text(Some(shorten(s))),
        Json::Array(_) => Kind::List,
        Json::Object(_) => Kind::Object,
    }
}

/// `"A", "B", "C"`: the words allowed in a place, for its message.
fn quoted<'n>(names: impl Iterator<Item = &'n str>) -> String {
    names
        .map(|name| format!("\"{name}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An object's fields, every name among the ones its type has (`None`: not an object).
struct Fields<'a> {
    map: Option<&'a mut Map<String, Json>>,
    at: &'a At<'a>,
}

impl<'a> Fields<'a> {
    fn of(value: &'a mut Json, at: &'a At<'a>, names: &[&str]) -> Fields<'a> {
        let Json::Object(map) = value else {
            at.wrong_kind(value, Kind::Object);
            return Fields { map: None, at };
        };
        if let Some(key) = map.keys().find(|key| !names.contains(&key.as_str())) {
            at.problem_at_key(
                Some(key),
                Cause::NotAllowed {
                    found: shorten(key),
                    allowed: quoted(names.iter().copied()),
                },
            );
        }
        Fields { map: Some(map), at }
    }

    fn get(&mut self, key: &str) -> Option<&mut Json> {
        self.map.as_deref_mut().and_then(|map| map.get_mut(key))
    }

    fn has(&self, key: &str) -> bool {
        self.map
            .as_deref()
            .and_then(|map| map.get(key))
            .is_some_and(|value| !value.is_null())
    }

    #[inline(never)]
    fn required<T>(&mut self, key: &str, read: Reader<T>) -> T {
        let at = self.at;
        let mut nothing = Json::Null;
        let value = match self.get(key) {
            Some(value) => value,
            None => {
                at.problem(Cause::Missing {
                    field: key.to_string(),
                });
                // Read as nothing, so the reader gives its stand-in.
                &mut nothing
            }
        };
        read(value, &At::Key(at, key))
    }

    /// A field that may be left out; `null` reads as left out.
    #[inline(never)]
    fn optional<T>(&mut self, key: &str, read: Reader<T>) -> Option<T> {
        let at = self.at;
        match self.get(key) {
            None | Some(Json::Null) => None,
            Some(value) => Some(read(value, &At::Key(at, key))),
        }
    }

    fn text(&mut self, key: &str) -> String {
        self.required(key, text)
    }

    fn optional_text(&mut self, key: &str) -> Option<String> {
        self.optional(key, text)
    }

    /// An object that may be left out: then it reads as its default (`null` is not left out).
    #[inline(never)]
    fn or_default<T: Default>(&mut self, key: &str, read: Reader<T>) -> T {
        let at = self.at;
        match self.get(key) {
            None => T::default(),
            Some(value) => read(value, &At::Key(at, key)),
        }
    }

    /// A list that must be there.
    #[inline(never)]
    fn required_list<T>(&mut self, key: &str, read: Reader<T>) -> Vec<T> {
        if self.get(key).is_none() {
            self.at.problem(Cause::Missing {
                field: key.to_string(),
            });
        }
        self.list(key, read)
    }

    /// A list that may be left out: then it is empty.
    #[inline(never)]
    fn list<T>(&mut self, key: &str, read: Reader<T>) -> Vec<T> {
        let at = At::Key(self.at, key);
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let Json::Array(items) = value else {
            at.wrong_kind(value, Kind::List);
            return Vec::new();
        };
        items
            .iter_mut()
            .enumerate()
            .map(|(index, item)| read(item, &At::Index(&at, index)))
            .collect()
    }

    fn citations(&mut self) -> Vec<String> {
        self.list("citations", text)
    }

    /// A true/false field that is false where left out.
    fn flag(&mut self, key: &str) -> bool {
        let at = self.at;
        match self.get(key) {
            None => false,
            Some(Json::Bool(b)) => *b,
            Some(value) => {
                At::Key(at, key).wrong_kind(value, Kind::TrueFalse(None));
                false
            }
        }
    }
}

fn text(value: &mut Json, at: &At) -> String {
    match value {
        Json::String(s) => std::mem::take(s),
        _ => {
            at.wrong_kind(value, Kind::Text(None));
            String::new()
        }
    }
}

fn texts(value: &mut Json, at: &At) -> Vec<String> {
    match value {
        Json::Array(items) => items
            .iter_mut()
            .enumerate()
            .map(|(index, item)| text(item, &At::Index(at, index)))
            .collect(),
        _ => {
            at.wrong_kind(value, Kind::List);
            Vec::new()
        }
    }
}

/// A whole number from 0 to `max`, written without a point or an exponent.
fn whole(value: &mut Json, at: &At, max: u64) -> u64 {
    match value.as_u64() {
        Some(whole) if whole <= max => whole,
        _ => {
            at.wrong_kind(value, Kind::WholeNumber);
            0
        }
    }
}

fn count(value: &mut Json, at: &At) -> u32 {
    whole(value, at, u32::MAX.into()) as u32
}

/// A figure exactly as written: a form no source uses (an exponent, more digits than any
/// study reports) is refused, since the figure is shown as written.
fn decimal(value: &mut Json, at: &At) -> Decimal {
    let stand_in = || Decimal::written(String::new(), 0.0);
    let Json::Number(number) = value else {
        at.wrong_kind(value, Kind::Number(None));
        return stand_in();
    };
    // `arbitrary_precision` keeps the number as written, so "0.30" keeps its zero.
    let written = number.as_str();
    let cause = if written.contains(['e', 'E']) {
        Cause::Exponent {
            written: written.to_string(),
        }
    } else if written.bytes().filter(u8::is_ascii_digit).count() > MAX_DIGITS {
        Cause::TooManyDigits {
            written: written.to_string(),
            limit: MAX_DIGITS,
        }
    } else {
        // JSON's digits, at most `MAX_DIGITS` of them: always a finite number.
        return Decimal::written(written.to_string(), written.parse().unwrap_or(0.0));
    };
    at.problem(cause);
    stand_in()
}

/// One of the words a field allows, e.g. a tier's letter.
fn choice<T: Copy>(value: &mut Json, at: &At, words: &[(&str, T)]) -> T {
    let word = match value {
        Json::String(word) => word,
        _ => {
            at.wrong_kind(value, Kind::Text(None));
            return words[0].1;
        }
    };
    match words.iter().find(|(w, _)| w == word) {
        Some((_, chosen)) => *chosen,
        None => {
            at.problem(Cause::NotAllowed {
                found: shorten(word),
                allowed: quoted(words.iter().map(|(w, _)| *w)),
            });
            words[0].1
        }
    }
}

// ---- The words each choice is written with (a test holds them to the model's serde names) ----

const METRICS: [(&str, Metric); 6] = [
    ("response", Metric::Response),
    ("remission", Metric::Remission),
    ("relapse", Metric::Relapse),
    ("durability", Metric::Durability),
    ("symptom_change", Metric::SymptomChange),
    ("other", Metric::Other),
];

const TIERS: [(&str, Tier); 4] = [
    ("A", Tier::A),
    ("B", Tier::B),
    ("C", Tier::C),
    ("D", Tier::D),
];

const REGULATORY_STATUSES: [(&str, RegulatoryStatus); 7] = [
    ("approved", RegulatoryStatus::Approved),
    ("cleared", RegulatoryStatus::Cleared),
    ("reclassified", RegulatoryStatus::Reclassified),
    ("off_label", RegulatoryStatus::OffLabel),
    ("investigational", RegulatoryStatus::Investigational),
    ("not_applicable", RegulatoryStatus::NotApplicable),
    ("not_documented", RegulatoryStatus::NotDocumented),
];

const COST_UNITS: [(&str, CostUnit); 8] = [
    ("course", CostUnit::Course),
    ("month", CostUnit::Month),
    ("year", CostUnit::Year),
    ("session", CostUnit::Session),
    ("dose", CostUnit::Dose),
    ("device", CostUnit::Device),
    ("device_and_surgery", CostUnit::DeviceAndSurgery),
    ("other", CostUnit::Other),
];

const COMPARATOR_KINDS: [(&str, ComparatorKind); 6] = [
    ("sham", ComparatorKind::Sham),
    ("placebo", ComparatorKind::Placebo),
    ("usual_care", ComparatorKind::UsualCare),
    ("active", ComparatorKind::Active),
    ("subgroup", ComparatorKind::Subgroup),
    ("none", ComparatorKind::None),
];

const DIFFERENCES: [(&str, Difference); 1] = [("not_significant", Difference::NotSignificant)];

// ---- The data model, type by type ---------------------------------------------------------

pub(super) fn dataset(mut value: Json) -> Result<Dataset, OutOfShape> {
    let first = Cell::new(None);
    let at = At::Top(&first);
    let mut f = Fields::of(
        &mut value,
        &at,
        &["format", "dataset", "options", "citations"],
    );
    let dataset = Dataset {
        format: f.text("format"),
        dataset: f.required("dataset", dataset_info),
        options: f.required_list("options", option),
        citations: f.required_list("citations", citation),
    };
    match first.take() {
        Some(problem) => Err(problem),
        None => Ok(dataset),
    }
}

fn dataset_info(value: &mut Json, at: &At) -> DatasetInfo {
    let mut f = Fields::of(
        value,
        at,
        &[
            "title",
            "version",
            "last_reviewed",
            "region",
            "currency",
            "disclaimer",
            "definitions",
            "crisis_line",
            "language",
            "translated_from",
        ],
    );
    DatasetInfo {
        title: f.text("title"),
        version: f.text("version"),
        last_reviewed: f.text("last_reviewed"),
        region: f.text("region"),
        currency: f.text("currency"),
        disclaimer: f.text("disclaimer"),
        definitions: f.required("definitions", definitions),
        crisis_line: f.optional_text("crisis_line"),
        language: f.optional_text("language"),
        translated_from: f.optional_text("translated_from"),
    }
}

fn definitions(value: &mut Json, at: &At) -> Definitions {
    let mut f = Fields::of(
        value,
        at,
        &[
            "response",
            "remission",
            "comparability",
            "tiers",
            "invasiveness",
        ],
    );
    Definitions {
        response: f.text("response"),
        remission: f.text("remission"),
        comparability: f.text("comparability"),
        tiers: f.required("tiers", |value, at| {
            let mut f = Fields::of(value, at, &["A", "B", "C", "D"]);
            TierDefinitions {
                a: f.text("A"),
                b: f.text("B"),
                c: f.text("C"),
                d: f.text("D"),
            }
        }),
        invasiveness: f.required("invasiveness", texts),
    }
}

fn option(value: &mut Json, at: &At) -> TreatmentOption {
    let mut f = Fields::of(
        value,
        at,
        &[
            "id",
            "name",
            "description",
            "category",
            "invasiveness",
            "regulatory",
            "findings",
            "headline_choice",
            "burden",
            "costs",
            "cost_notes",
            "risks",
            "caveats",
        ],
    );
    TreatmentOption {
        id: f.text("id"),
        name: f.text("name"),
        description: f.text("description"),
        category: f.required("category", |v, at| {
            choice(v, at, &Category::ALL.map(|c| (c.token(), c)))
        }),
        invasiveness: f.required("invasiveness", |value, at| {
            let mut f = Fields::of(value, at, &["level", "reason", "citations"]);
            Invasiveness {
                level: f.required("level", |v, at| whole(v, at, u8::MAX.into()) as u8),
                reason: f.text("reason"),
                citations: f.citations(),
            }
        }),
        regulatory: f.required("regulatory", regulatory),
        findings: f.required_list("findings", finding),
        headline_choice: f.optional_text("headline_choice"),
        burden: f.or_default("burden", burden),
        costs: f.list("costs", cost),
        cost_notes: f.list("cost_notes", cited_text),
        risks: f.list("risks", cited_text),
        caveats: f.list("caveats", cited_text),
    }
}

fn cited_text(value: &mut Json, at: &At) -> CitedText {
    let mut f = Fields::of(value, at, &["text", "citations"]);
    CitedText {
        text: f.text("text"),
        citations: f.citations(),
    }
}

fn regulatory(value: &mut Json, at: &At) -> Regulatory {
    let mut f = Fields::of(
        value,
        at,
        &["status", "year", "summary", "citations", "details"],
    );
    Regulatory {
        status: f.required("status", |v, at| choice(v, at, &REGULATORY_STATUSES)),
        year: f.optional_text("year"),
        summary: f.text("summary"),
        citations: f.citations(),
        details: f.list("details", cited_text),
    }
}

fn burden(value: &mut Json, at: &At) -> Burden {
    let mut f = Fields::of(
        value,
        at,
        &[
            "sessions",
            "minutes_per_session",
            "sessions_per_day",
            "weeks",
            "in_clinic_hours",
            "anaesthesia",
            "surgery",
            "observation",
            "driving",
            "maintenance",
            "notes",
        ],
    );
    Burden {
        sessions: f.optional("sessions", cited_text),
        minutes_per_session: f.optional("minutes_per_session", cited_text),
        sessions_per_day: f.optional("sessions_per_day", cited_text),
        weeks: f.optional("weeks", cited_text),
        in_clinic_hours: f.optional("in_clinic_hours", clinic_hours),
        anaesthesia: f.optional("anaesthesia", cited_text),
        surgery: f.optional("surgery", cited_text),
        observation: f.optional("observation", cited_text),
        driving: f.optional("driving", cited_text),
        maintenance: f.optional("maintenance", cited_text),
        notes: f.list("notes", cited_text),
    }
}

fn clinic_hours(value: &mut Json, at: &At) -> ClinicHours {
    let mut f = Fields::of(
        value,
        at,
        &[
            "low",
            "high",
            "at_least",
            "scope",
            "derivation",
            "citations",
        ],
    );
    ClinicHours {
        low: f.required("low", decimal),
        high: f.optional("high", decimal),
        at_least: f.flag("at_least"),
        scope: f.text("scope"),
        derivation: f.text("derivation"),
        citations: f.citations(),
    }
}

fn cost(value: &mut Json, at: &At) -> Cost {
    let mut f = Fields::of(
        value,
        at,
        &[
            "text",
            "low",
            "high",
            "currency",
            "price_year",
            "unit",
            "headline",
            "note",
            "citations",
        ],
    );
    Cost {
        text: f.text("text"),
        low: f.optional("low", decimal),
        high: f.optional("high", decimal),
        currency: f.text("currency"),
        price_year: f.text("price_year"),
        unit: f.required("unit", |v, at| choice(v, at, &COST_UNITS)),
        headline: f.flag("headline"),
        note: f.optional_text("note"),
        citations: f.citations(),
    }
}

fn citation(value: &mut Json, at: &At) -> Citation {
    let mut f = Fields::of(
        value,
        at,
        &[
            "id",
            "authors",
            "year",
            "title",
            "journal",
            "volume_pages",
            "doi",
            "pmid",
            "url",
            "grade",
            "note",
        ],
    );
    Citation {
        id: f.text("id"),
        authors: f.text("authors"),
        year: f.text("year"),
        title: f.text("title"),
        journal: f.optional_text("journal"),
        volume_pages: f.optional_text("volume_pages"),
        doi: f.optional_text("doi"),
        pmid: f.optional_text("pmid"),
        url: f.optional_text("url"),
        grade: f.optional_text("grade"),
        note: f.optional_text("note"),
    }
}

fn finding(value: &mut Json, at: &At) -> Finding {
    let mut f = Fields::of(
        value,
        at,
        &[
            "metric",
            "label",
            "arm",
            "value",
            "detail",
            "comparator",
            "design",
            "tier",
            "tier_note",
            "n",
            "population",
            "timepoint",
            "definition",
            "citations",
            "headline",
            "note",
        ],
    );
    Finding {
        metric: f.required("metric", |v, at| choice(v, at, &METRICS)),
        label: f.optional_text("label"),
        arm: f.optional_text("arm"),
        value: f.required("value", finding_value),
        detail: f.optional_text("detail"),
        comparator: f.optional("comparator", comparator),
        design: f.optional_text("design"),
        tier: f.optional("tier", |v, at| choice(v, at, &TIERS)),
        tier_note: f.optional_text("tier_note"),
        n: f.optional_text("n"),
        population: f.optional_text("population"),
        timepoint: f.optional_text("timepoint"),
        definition: f.optional_text("definition"),
        citations: f.citations(),
        headline: f.flag("headline"),
        note: f.optional_text("note"),
    }
}

fn comparator(value: &mut Json, at: &At) -> Comparator {
    let mut f = Fields::of(
        value,
        at,
        &["kind", "label", "plain", "value", "note", "difference"],
    );
    Comparator {
        kind: f.required("kind", |v, at| choice(v, at, &COMPARATOR_KINDS)),
        label: f.text("label"),
        plain: f.optional_text("plain"),
        value: f.optional("value", finding_value),
        note: f.optional_text("note"),
        difference: f.optional("difference", |v, at| choice(v, at, &DIFFERENCES)),
    }
}

/// Each kind of value: its fields, and how many of them (from the first) it needs.
const VALUE_KINDS: [(&str, &[&str], usize); 6] = [
    ("percent", &["percent", "k", "n"], 1),
    ("percent_range", &["low", "high"], 2),
    ("effect", &["measure", "estimate", "ci_low", "ci_high"], 2),
    ("mean_change", &["change", "unit"], 2),
    ("text", &["text"], 1),
    ("not_reported", &[], 0),
];

/// A finding's value, written flat (`{"kind": "percent", "percent": 29.3}`): the kind is read
/// first, so a field of another kind is named as such, and a missing one by the kind needing it.
fn finding_value(value: &mut Json, at: &At) -> Value {
    let every_field = [
        "kind", "percent", "k", "n", "low", "high", "measure", "estimate", "ci_low", "ci_high",
        "change", "unit", "text",
    ];
    let mut f = Fields::of(value, at, &every_field);
    let kind = f.required("kind", |v, at| {
        choice(
            v,
            at,
            &VALUE_KINDS.map(|(name, fields, needed)| (name, (name, fields, needed))),
        )
    });
    let (name, fields, needed) = kind;
    let named = |field: &str| (name.to_string(), field.to_string());
    if let Some(foreign) = every_field[1..]
        .iter()
        .find(|field| f.has(field) && !fields.contains(field))
    {
        let (kind, field) = named(foreign);
        at.problem(Cause::ForeignField { kind, field });
    } else if let Some(missing) = fields[..needed].iter().find(|field| !f.has(field)) {
        let (kind, field) = named(missing);
        at.problem(Cause::NeedsField { kind, field });
    }
    match name {
        "percent" => Value::Percent {
            percent: f.required("percent", decimal),
            k: f.optional("k", count),
            n: f.optional("n", count),
        },
        "percent_range" => Value::PercentRange {
            low: f.required("low", decimal),
            high: f.required("high", decimal),
        },
        "effect" => Value::Effect {
            measure: f.text("measure"),
            estimate: f.required("estimate", decimal),
            ci_low: f.optional("ci_low", decimal),
            ci_high: f.optional("ci_high", decimal),
        },
        "mean_change" => Value::MeanChange {
            change: f.required("change", decimal),
            unit: f.text("unit"),
        },
        "text" => Value::Text {
            text: f.text("text"),
        },
        _ => Value::NotReported,
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    /// The words read are the words written: each table against the model's serde names.
    #[test]
    fn every_choice_is_written_as_the_model_serialises_it() {
        fn same<T: serde::Serialize>(words: &[(&str, T)]) {
            for (word, choice) in words {
                assert_eq!(serde_json::to_value(choice).ok(), Some(Json::from(*word)));
            }
        }
        same(&METRICS);
        same(&TIERS);
        same(&REGULATORY_STATUSES);
        same(&COST_UNITS);
        same(&COMPARATOR_KINDS);
        same(&DIFFERENCES);
        same(&Category::ALL.map(|c| (c.token(), c)));
    }

    #[test]
    fn every_kind_of_value_is_written_as_the_model_serialises_it() {
        let number = || Decimal::written("1".to_string(), 1.0);
        let text = String::new;
        let values = [
            Value::Percent {
                percent: number(),
                k: None,
                n: None,
            },
            Value::PercentRange {
                low: number(),
                high: number(),
            },
            Value::Effect {
                measure: text(),
                estimate: number(),
                ci_low: None,
                ci_high: None,
            },
            Value::MeanChange {
                change: number(),
                unit: text(),
            },
            Value::Text { text: text() },
            Value::NotReported,
        ];
        for ((kind, _, _), value) in VALUE_KINDS.iter().zip(&values) {
            let written = serde_json::to_value(value).ok();
            assert_eq!(
                written.as_ref().and_then(|v| v.get("kind")),
                Some(&Json::from(*kind))
            );
        }
    }
}
