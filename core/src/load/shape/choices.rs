//! The words each choice in a data file is written with, as the data model's serde names
//! write them (the tests hold the two together). Tiers, regulatory statuses and categories
//! are read by the model's own `letter` and `token`.

use crate::model::*;

pub(super) const METRICS: [(&str, Metric); 6] = [
    ("response", Metric::Response),
    ("remission", Metric::Remission),
    ("relapse", Metric::Relapse),
    ("durability", Metric::Durability),
    ("symptom_change", Metric::SymptomChange),
    ("other", Metric::Other),
];

pub(super) const COST_UNITS: [(&str, CostUnit); 8] = [
    ("course", CostUnit::Course),
    ("month", CostUnit::Month),
    ("year", CostUnit::Year),
    ("session", CostUnit::Session),
    ("dose", CostUnit::Dose),
    ("device", CostUnit::Device),
    ("device_and_surgery", CostUnit::DeviceAndSurgery),
    ("other", CostUnit::Other),
];

pub(super) const COMPARATOR_KINDS: [(&str, ComparatorKind); 6] = [
    ("sham", ComparatorKind::Sham),
    ("placebo", ComparatorKind::Placebo),
    ("usual_care", ComparatorKind::UsualCare),
    ("active", ComparatorKind::Active),
    ("subgroup", ComparatorKind::Subgroup),
    ("none", ComparatorKind::None),
];

pub(super) const DIFFERENCES: [(&str, Difference); 1] =
    [("not_significant", Difference::NotSignificant)];

/// Each kind of value: its fields, and how many of them (from the first) it needs.
pub(super) const VALUE_KINDS: [(&str, &[&str], usize); 6] = [
    ("percent", &["percent", "k", "n"], 1),
    ("percent_range", &["low", "high"], 2),
    ("effect", &["measure", "estimate", "ci_low", "ci_high"], 2),
    ("mean_change", &["change", "unit"], 2),
    ("text", &["text"], 1),
    ("not_reported", &[], 0),
];

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value as Json;

    /// The words read are the words written: each table against the model's serde names.
    #[test]
    fn every_choice_is_written_as_the_model_serialises_it() {
        fn same<T: serde::Serialize>(words: &[(&str, T)]) {
            for (word, choice) in words {
                assert_eq!(serde_json::to_value(choice).ok(), Some(Json::from(*word)));
            }
        }
        same(&METRICS);
        same(&Tier::ALL.map(|t| (t.letter(), t)));
        same(&RegulatoryStatus::ALL.map(|s| (s.token(), s)));
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
