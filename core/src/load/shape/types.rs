//! One reader per type of the data model, each field read as the model declares it.

use super::choices::*;
use super::{choice, count, decimal, texts, whole, At, Fields};
use crate::load::cause::Cause;
use crate::model::*;
use serde_json::Value as Json;

/// The whole file.
pub(super) fn dataset(value: &mut Json, at: &At) -> Dataset {
    let mut f = Fields::of(value, at, &["format", "dataset", "options", "citations"]);
    Dataset {
        format: f.text("format"),
        dataset: f.required("dataset", dataset_info),
        options: f.required_list("options", option),
        citations: f.required_list("citations", citation),
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
        status: f.required("status", |v, at| {
            choice(v, at, &RegulatoryStatus::ALL.map(|s| (s.token(), s)))
        }),
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
        tier: f.optional("tier", |v, at| {
            choice(v, at, &Tier::ALL.map(|t| (t.letter(), t)))
        }),
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
