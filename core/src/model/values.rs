//! Values exactly as written, and the findings that carry them.

use serde::Serialize;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    Response,
    Remission,
    Relapse,
    Durability,
    SymptomChange,
    Other,
}

/// Evidence tier as defined in the evidence sheet's README.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Tier {
    A,
    B,
    C,
    D,
}

impl Tier {
    pub const ALL: [Tier; 4] = [Tier::A, Tier::B, Tier::C, Tier::D];

    /// The tier's letter, as the evidence sheet writes it.
    pub fn letter(self) -> &'static str {
        match self {
            Tier::A => "A",
            Tier::B => "B",
            Tier::C => "C",
            Tier::D => "D",
        }
    }
}

/// Most digits a figure may be written with; no study reports more.
pub const MAX_DIGITS: usize = 12;

/// A number exactly as the data author wrote it: `50.0` stays "50.0", never "50".
#[derive(Clone, Debug, PartialEq)]
pub struct Decimal {
    text: String,
    value: f64,
}

impl Decimal {
    /// The number as written and its value; `load` reads the one from the other.
    pub(crate) fn written(text: String, value: f64) -> Decimal {
        Decimal { text, value }
    }
    pub fn value(&self) -> f64 {
        self.value
    }
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The evidence sheet writes negative numbers with a true minus sign.
        match self.text.strip_prefix('-') {
            Some(rest) => write!(f, "\u{2212}{rest}"),
            None => f.write_str(&self.text),
        }
    }
}

impl Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.text.parse::<serde_json::Number>() {
            Ok(number) => number.serialize(s),
            Err(_) => s.serialize_f64(self.value),
        }
    }
}

/// A finding's value in its own kind: percentages are never mixed with ratios or score changes.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Value {
    /// A rate in percent, with responders over analysed patients where the source gave them.
    Percent {
        percent: Decimal,
        #[serde(skip_serializing_if = "Option::is_none")]
        k: Option<u32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        n: Option<u32>,
    },
    /// A range of rates, e.g. across trial arms.
    PercentRange { low: Decimal, high: Decimal },
    /// An effect measure (OR, RR, HR, SMD, ...) with its confidence interval.
    Effect {
        measure: String,
        estimate: Decimal,
        #[serde(skip_serializing_if = "Option::is_none")]
        ci_low: Option<Decimal>,
        #[serde(skip_serializing_if = "Option::is_none")]
        ci_high: Option<Decimal>,
    },
    /// A mean change on a rating scale, in points.
    MeanChange { change: Decimal, unit: String },
    /// A value that only words can carry faithfully.
    Text { text: String },
    /// The sheet has no figure: shown as "not reported", never as 0.
    NotReported,
}

impl Value {
    /// The percentage to draw as a bar, if this value is a single rate.
    pub fn percent(&self) -> Option<f64> {
        match self {
            Value::Percent { percent, .. } => Some(percent.value()),
            _ => None,
        }
    }

    /// The rate exactly as written ("29.3"), if this value is a single rate.
    pub fn percent_text(&self) -> Option<&str> {
        match self {
            Value::Percent { percent, .. } => Some(percent.as_str()),
            _ => None,
        }
    }
}

/// What the finding was compared against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ComparatorKind {
    Sham,
    Placebo,
    UsualCare,
    Active,
    /// Another patient group in the same study (e.g. without prior medication failure).
    Subgroup,
    None,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Comparator {
    pub kind: ComparatorKind,
    /// As the source names it, e.g. "sham", "quetiapine XR".
    pub label: String,
    /// The group in everyday words, where the source's name would puzzle a reader (e.g. "a
    /// new antidepressant with a dummy spray" for "new oral AD + placebo spray").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plain: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// Anything else the sheet gives with the comparator (differences, p-values, NNT).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// What the study found about the difference from this group, where the source says (the
    /// sheet's "NS", "no difference"): readers are told beside the figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difference: Option<Difference>,
}

/// The study's verdict on the difference between the option and its comparison group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Difference {
    /// Not statistically significant: the difference could be chance.
    NotSignificant,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub metric: Metric,
    /// The sheet's own wording of the metric where it says more, e.g. "Response (odds ratio)".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The arm or dose the value belongs to, where the source names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arm: Option<String>,
    pub value: Value,
    /// More the sheet gives with the value (other arms, CIs, p-values, counts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparator: Option<Comparator>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub design: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<Tier>,
    /// Why the tier was given, e.g. "secondary summary".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier_note: Option<String>,
    /// Sample size exactly as the source states it, e.g. "1,522 (arm 511)".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<String>,
    /// Who was studied, including the prior-failure definition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timepoint: Option<String>,
    /// Outcome definition: scale and threshold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<String>,
    #[serde(default)]
    pub citations: Vec<String>,
    /// The default figure for its metric; at most one per metric per option.
    #[serde(default)]
    pub headline: bool,
    /// Why this figure is (or no figure is) the headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
