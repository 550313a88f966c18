//! The dataset as typed Rust values: the single source of truth for the JSON format
//! that data authors write. Parsing lives in `load`, checks in `validate`.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The format tag every data file carries, so a future incompatible format can be told apart.
pub const FORMAT: &str = "trd-evidence/1";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub format: String,
    pub dataset: DatasetInfo,
    pub options: Vec<TreatmentOption>,
    pub citations: Vec<Citation>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DatasetInfo {
    pub title: String,
    pub version: String,
    /// ISO date (YYYY-MM-DD) of the last evidence review; shown in the footer.
    pub last_reviewed: String,
    /// Where regulatory status and prices apply, e.g. "US".
    pub region: String,
    /// ISO 4217 code of the prices, e.g. "USD".
    pub currency: String,
    pub disclaimer: String,
    pub definitions: Definitions,
    /// Localisable crisis-help text shown by the standalone page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crisis_line: Option<String>,
}

/// Words every reader needs to read the figures, in the dataset so hosts can localise them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Definitions {
    pub response: String,
    pub remission: String,
    /// Why figures from different studies cannot be compared directly.
    pub comparability: String,
    pub tiers: TierDefinitions,
    /// Levels 1 to 4, in order.
    pub invasiveness: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TierDefinitions {
    #[serde(rename = "A")]
    pub a: String,
    #[serde(rename = "B")]
    pub b: String,
    #[serde(rename = "C")]
    pub c: String,
    #[serde(rename = "D")]
    pub d: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TreatmentOption {
    /// Stable id from the evidence sheet, e.g. `rtms`.
    pub id: String,
    pub name: String,
    /// One or two plain-language sentences.
    pub description: String,
    pub category: Category,
    pub invasiveness: Invasiveness,
    pub regulatory: Regulatory,
    pub findings: Vec<Finding>,
    /// Why the headline figures were chosen (the sheet's "Headline choice").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline_choice: Option<String>,
    #[serde(default)]
    pub burden: Burden,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub costs: Vec<Cost>,
    /// Coverage, insurance, cost-effectiveness and other cost facts that are not prices.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cost_notes: Vec<CitedText>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<CitedText>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caveats: Vec<CitedText>,
}

/// A statement with the sources behind it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CitedText {
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RegulatoryStatus {
    /// A drug approved for this use.
    Approved,
    /// A device cleared or approved for this use.
    Cleared,
    /// Approved for something else; used off-label.
    OffLabel,
    Investigational,
    /// Not a drug or device (e.g. talking therapy).
    NotApplicable,
    /// The evidence reviewed did not document it.
    NotDocumented,
}

impl RegulatoryStatus {
    pub fn label(self) -> &'static str {
        match self {
            RegulatoryStatus::Approved => "Approved",
            RegulatoryStatus::Cleared => "Cleared (device)",
            RegulatoryStatus::OffLabel => "Off-label",
            RegulatoryStatus::Investigational => "Investigational",
            RegulatoryStatus::NotApplicable => "Not applicable",
            RegulatoryStatus::NotDocumented => "Not documented",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Regulatory {
    /// Status in the dataset's region.
    pub status: RegulatoryStatus,
    /// Year of the approval or clearance, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<String>,
    pub summary: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<String>,
    /// Further regulatory facts (other regions, warnings, history).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<CitedText>,
}

/// What a course asks of the patient. Every item is optional: missing means "not reported".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Burden {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sessions: Option<CitedText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes_per_session: Option<CitedText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sessions_per_day: Option<CitedText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weeks: Option<CitedText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_clinic_hours: Option<ClinicHours>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anaesthesia: Option<CitedText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surgery: Option<CitedText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observation: Option<CitedText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub driving: Option<CitedText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maintenance: Option<CitedText>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<CitedText>,
}

impl Burden {
    /// The single-statement items that are present, with their field names.
    pub fn items(&self) -> Vec<(&'static str, &CitedText)> {
        [
            ("sessions", &self.sessions),
            ("minutes_per_session", &self.minutes_per_session),
            ("sessions_per_day", &self.sessions_per_day),
            ("weeks", &self.weeks),
            ("anaesthesia", &self.anaesthesia),
            ("surgery", &self.surgery),
            ("observation", &self.observation),
            ("driving", &self.driving),
            ("maintenance", &self.maintenance),
        ]
        .into_iter()
        .filter_map(|(name, item)| item.as_ref().map(|i| (name, i)))
        .collect()
    }
}

/// In-clinic hours: the only derived numbers in the sheet, always shown as estimates with
/// their arithmetic.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ClinicHours {
    pub low: Decimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<Decimal>,
    /// True for "≥ low" estimates.
    #[serde(default)]
    pub at_least: bool,
    /// What the hours cover, e.g. "per 6-infusion series".
    pub scope: String,
    /// The arithmetic, as the sheet shows it.
    pub derivation: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CostUnit {
    Course,
    Month,
    Year,
    Session,
    Dose,
    // The device alone (its implant surgery priced separately, or not at all).
    Device,
    DeviceAndSurgery,
    Other,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Cost {
    /// The price as the source states it.
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<Decimal>,
    /// ISO 4217 code.
    pub currency: String,
    /// The price year as given ("2019", "c.2024", "undated").
    pub price_year: String,
    pub unit: CostUnit,
    /// The one price the cost chart shows for this option (at most one per option; it needs
    /// `low`). The others appear in the option's details.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub headline: bool,
    /// Source quality or other context, e.g. "low quality".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Medication,
    RapidActingMedication,
    Psychotherapy,
    NonInvasiveBrainStimulation,
    ConvulsiveTherapy,
    ImplantedDevice,
    InvestigationalImplantedDevice,
    Investigational,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Category::Medication,
        Category::RapidActingMedication,
        Category::Psychotherapy,
        Category::NonInvasiveBrainStimulation,
        Category::ConvulsiveTherapy,
        Category::ImplantedDevice,
        Category::InvestigationalImplantedDevice,
        Category::Investigational,
    ];

    /// The token used in data files, form controls and URLs.
    pub fn token(self) -> &'static str {
        match self {
            Category::Medication => "medication",
            Category::RapidActingMedication => "rapid-acting-medication",
            Category::Psychotherapy => "psychotherapy",
            Category::NonInvasiveBrainStimulation => "non-invasive-brain-stimulation",
            Category::ConvulsiveTherapy => "convulsive-therapy",
            Category::ImplantedDevice => "implanted-device",
            Category::InvestigationalImplantedDevice => "investigational-implanted-device",
            Category::Investigational => "investigational",
        }
    }

    pub fn from_token(token: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.token() == token)
    }

    pub fn label(self) -> &'static str {
        match self {
            Category::Medication => "Medication",
            Category::RapidActingMedication => "Rapid-acting medication",
            Category::Psychotherapy => "Psychotherapy",
            Category::NonInvasiveBrainStimulation => "Non-invasive brain stimulation",
            Category::ConvulsiveTherapy => "Convulsive therapy under anaesthesia",
            Category::ImplantedDevice => "Implanted device",
            Category::InvestigationalImplantedDevice => "Investigational (implanted device)",
            Category::Investigational => "Investigational",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Invasiveness {
    /// 1 non-invasive, 2 in-clinic administration with monitoring,
    /// 3 general anaesthesia each session, 4 surgical implant.
    pub level: u8,
    pub reason: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<String>,
}

impl Invasiveness {
    pub fn level_label(&self) -> &'static str {
        Invasiveness::label_for(self.level)
    }

    /// Short words for a level, for controls and chart labels.
    pub fn label_for(level: u8) -> &'static str {
        match level {
            1 => "Non-invasive",
            2 => "In-clinic dosing with monitoring",
            3 => "General anaesthesia each session",
            4 => "Surgical implant",
            _ => "Unknown level",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    Response,
    Remission,
    Relapse,
    Durability,
    SymptomChange,
    Other,
}

impl Metric {
    pub fn label(self) -> &'static str {
        match self {
            Metric::Response => "Response",
            Metric::Remission => "Remission",
            Metric::Relapse => "Relapse",
            Metric::Durability => "Durability",
            Metric::SymptomChange => "Symptom change",
            Metric::Other => "Other outcome",
        }
    }
}

/// Evidence tier as defined in the evidence sheet's README.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum Tier {
    A,
    B,
    C,
    D,
}

impl Tier {
    /// Plain words for readers who do not know the tier letters.
    pub fn plain(self) -> &'static str {
        match self {
            Tier::A => "controlled trial in treatment-resistant depression",
            Tier::B => "controlled trial in a broader depression group",
            Tier::C => "uncontrolled (open-label or real-world) study",
            Tier::D => "secondary report, not checked against the original paper",
        }
    }

    /// "C: uncontrolled (open-label or real-world) study (note)": the letter in plain words,
    /// with the data's reason for the tier where it gives one.
    pub fn explained(self, note: Option<&str>) -> String {
        match note {
            Some(note) => format!("{self:?}: {} ({note})", self.plain()),
            None => format!("{self:?}: {}", self.plain()),
        }
    }

    /// The visible flag for tier C and D figures, shown wherever such a figure appears.
    pub fn flag(self) -> Option<&'static str> {
        match self {
            Tier::C => Some("uncontrolled study"),
            Tier::D => Some("secondary report"),
            Tier::A | Tier::B => None,
        }
    }
}

/// A number exactly as the data author wrote it: `50.0` stays "50.0", never "50".
#[derive(Clone, Debug, PartialEq)]
pub struct Decimal {
    text: String,
    value: f64,
}

impl Decimal {
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

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // serde_json's `arbitrary_precision` hands over the number as written, so "0.30"
        // keeps its zero; going through f64 would print "0.3".
        let number = serde_json::Number::deserialize(d)?;
        let text = number.to_string();
        let value = text
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| serde::de::Error::custom(format!("{text} is not a usable number")))?;
        Ok(Decimal { text, value })
    }
}

/// A finding's value in its own kind: percentages are never mixed with ratios or score changes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", try_from = "RawValue")]
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum ValueKind {
    Percent,
    PercentRange,
    Effect,
    MeanChange,
    Text,
    NotReported,
}

/// The flat shape a data author writes. Deserializing through a plain struct (rather than
/// serde's buffered tagged enum) keeps error paths exact, e.g. `value.percent`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawValue {
    kind: ValueKind,
    percent: Option<Decimal>,
    k: Option<u32>,
    n: Option<u32>,
    low: Option<Decimal>,
    high: Option<Decimal>,
    measure: Option<String>,
    estimate: Option<Decimal>,
    ci_low: Option<Decimal>,
    ci_high: Option<Decimal>,
    change: Option<Decimal>,
    unit: Option<String>,
    text: Option<String>,
}

impl TryFrom<RawValue> for Value {
    type Error = String;

    fn try_from(raw: RawValue) -> Result<Value, String> {
        let kind_name = match raw.kind {
            ValueKind::Percent => "percent",
            ValueKind::PercentRange => "percent_range",
            ValueKind::Effect => "effect",
            ValueKind::MeanChange => "mean_change",
            ValueKind::Text => "text",
            ValueKind::NotReported => "not_reported",
        };
        let need =
            |field: &str| format!("a value of kind \"{kind_name}\" needs the field `{field}`");
        let allowed: &[&str] = match raw.kind {
            ValueKind::Percent => &["percent", "k", "n"],
            ValueKind::PercentRange => &["low", "high"],
            ValueKind::Effect => &["measure", "estimate", "ci_low", "ci_high"],
            ValueKind::MeanChange => &["change", "unit"],
            ValueKind::Text => &["text"],
            ValueKind::NotReported => &[],
        };
        let present = [
            ("percent", raw.percent.is_some()),
            ("k", raw.k.is_some()),
            ("n", raw.n.is_some()),
            ("low", raw.low.is_some()),
            ("high", raw.high.is_some()),
            ("measure", raw.measure.is_some()),
            ("estimate", raw.estimate.is_some()),
            ("ci_low", raw.ci_low.is_some()),
            ("ci_high", raw.ci_high.is_some()),
            ("change", raw.change.is_some()),
            ("unit", raw.unit.is_some()),
            ("text", raw.text.is_some()),
        ];
        if let Some((field, _)) = present.iter().find(|(f, is)| *is && !allowed.contains(f)) {
            return Err(format!(
                "the field `{field}` does not belong to a value of kind \"{kind_name}\""
            ));
        }
        Ok(match raw.kind {
            ValueKind::Percent => Value::Percent {
                percent: raw.percent.ok_or_else(|| need("percent"))?,
                k: raw.k,
                n: raw.n,
            },
            ValueKind::PercentRange => Value::PercentRange {
                low: raw.low.ok_or_else(|| need("low"))?,
                high: raw.high.ok_or_else(|| need("high"))?,
            },
            ValueKind::Effect => Value::Effect {
                measure: raw.measure.ok_or_else(|| need("measure"))?,
                estimate: raw.estimate.ok_or_else(|| need("estimate"))?,
                ci_low: raw.ci_low,
                ci_high: raw.ci_high,
            },
            ValueKind::MeanChange => Value::MeanChange {
                change: raw.change.ok_or_else(|| need("change"))?,
                unit: raw.unit.ok_or_else(|| need("unit"))?,
            },
            ValueKind::Text => Value::Text {
                text: raw.text.ok_or_else(|| need("text"))?,
            },
            ValueKind::NotReported => Value::NotReported,
        })
    }
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

    /// The value in words and digits, exactly as written in the data.
    pub fn display(&self) -> String {
        match self {
            Value::Percent { percent, k, n } => match (k, n) {
                (Some(k), Some(n)) => format!("{percent}% ({k}/{n})"),
                _ => format!("{percent}%"),
            },
            Value::PercentRange { low, high } => format!("{low}–{high}%"),
            Value::Effect {
                measure,
                estimate,
                ci_low,
                ci_high,
            } => match (ci_low, ci_high) {
                (Some(lo), Some(hi)) => format!("{measure} {estimate} ({lo}–{hi})"),
                _ => format!("{measure} {estimate}"),
            },
            Value::MeanChange { change, unit } => format!("{change} {unit}"),
            Value::Text { text } => text.clone(),
            Value::NotReported => "not reported".to_string(),
        }
    }
}

/// What the finding was compared against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Comparator {
    pub kind: ComparatorKind,
    /// As the source names it, e.g. "sham", "quetiapine XR".
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// Anything else the sheet gives with the comparator (differences, p-values, NNT).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub id: String,
    pub authors: String,
    /// Year as the source gives it ("2019", "n.d.", "c.2025").
    pub year: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journal: Option<String>,
    /// Volume, issue and pages as far as known, e.g. "388(25):2315–2325".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_pages: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pmid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Reliability grade where the evidence sheet gives one (A, B, B/C, C).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    /// Editorial note from the sheet, e.g. where the source was seen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Citation {
    /// The best link for a reader: DOI, then PubMed, then the URL.
    /// "Berlim MT et al. (published online 18 Mar 2013)": enough to recognise the source.
    pub fn short_label(&self) -> String {
        // "[author not seen]" says nothing to a reader; the publisher does.
        if self.authors.starts_with('[') || self.authors.is_empty() {
            let by = self.journal.as_deref().unwrap_or(&self.title);
            let by: String = by.chars().take(60).collect();
            return format!("{by} ({})", self.year);
        }
        let first = self
            .authors
            .split(',')
            .next()
            .unwrap_or(&self.authors)
            .trim();
        let more = if self.authors.contains(',') {
            " et al."
        } else {
            ""
        };
        format!("{first}{more} ({})", self.year)
    }

    pub fn link(&self) -> Option<String> {
        if let Some(doi) = &self.doi {
            return Some(format!("https://doi.org/{doi}"));
        }
        if let Some(pmid) = &self.pmid {
            return Some(format!("https://pubmed.ncbi.nlm.nih.gov/{pmid}/"));
        }
        self.url.clone()
    }
}

impl Dataset {
    pub fn option(&self, id: &str) -> Option<&TreatmentOption> {
        self.options.iter().find(|o| o.id == id)
    }
    pub fn citation(&self, id: &str) -> Option<&Citation> {
        self.citations.iter().find(|c| c.id == id)
    }
}

impl TreatmentOption {
    /// The headline finding for a metric; `None` when the data has no headline at all.
    pub fn headline(&self, metric: Metric) -> Option<&Finding> {
        self.findings
            .iter()
            .find(|f| f.metric == metric && f.headline)
    }

    /// The price the cost chart shows, if the data names one.
    pub fn headline_cost(&self) -> Option<&Cost> {
        self.costs.iter().find(|c| c.headline)
    }
}

impl CostUnit {
    /// What the price buys, in words: "a month", "device and surgery".
    pub fn words(self) -> &'static str {
        match self {
            CostUnit::Course => "a course",
            CostUnit::Month => "a month",
            CostUnit::Year => "a year",
            CostUnit::Session => "a session",
            CostUnit::Dose => "a dose",
            CostUnit::Device => "the device alone",
            CostUnit::DeviceAndSurgery => "device and surgery",
            CostUnit::Other => "see details",
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod schema {
    //! Hand-written schemas where the derive would not describe the JSON exactly.
    use super::{Decimal, Value};
    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
    use std::borrow::Cow;

    impl JsonSchema for Decimal {
        fn schema_name() -> Cow<'static, str> {
            "Decimal".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": "number",
                "description": "A number written exactly as the source gives it (50.0 stays 50.0)."
            })
        }
    }

    impl JsonSchema for Value {
        fn schema_name() -> Cow<'static, str> {
            "Value".into()
        }
        fn json_schema(generator: &mut SchemaGenerator) -> Schema {
            let number = generator.subschema_for::<Decimal>();
            let kind = |name: &str, required: &[&str], properties: serde_json::Value| {
                let mut props = serde_json::Map::new();
                props.insert("kind".into(), serde_json::json!({ "const": name }));
                if let serde_json::Value::Object(extra) = properties {
                    props.extend(extra);
                }
                let mut req = vec!["kind"];
                req.extend_from_slice(required);
                serde_json::json!({
                    "type": "object",
                    "properties": props,
                    "required": req,
                    "additionalProperties": false
                })
            };
            let count = serde_json::json!({ "type": "integer", "minimum": 0 });
            json_schema!({
                "description": "A finding's value in its own kind. Percentages are never mixed with ratios or score changes; a missing figure is {\"kind\": \"not_reported\"}, never 0.",
                "oneOf": [
                    kind("percent", &["percent"], serde_json::json!({
                        "percent": number, "k": count, "n": count
                    })),
                    kind("percent_range", &["low", "high"], serde_json::json!({
                        "low": number, "high": number
                    })),
                    kind("effect", &["measure", "estimate"], serde_json::json!({
                        "measure": { "type": "string", "description": "OR, RR, HR, SMD, ..." },
                        "estimate": number, "ci_low": number, "ci_high": number
                    })),
                    kind("mean_change", &["change", "unit"], serde_json::json!({
                        "change": number, "unit": { "type": "string" }
                    })),
                    kind("text", &["text"], serde_json::json!({ "text": { "type": "string" } })),
                    kind("not_reported", &[], serde_json::json!({}))
                ]
            })
        }
    }
}
