//! The dataset and each option: what a data file holds, apart from values and citations.

use super::{Citation, Decimal, Finding, Metric};
use serde::Serialize;

/// The format tag every data file carries, so a future incompatible format can be told apart.
pub const FORMAT: &str = "trd-evidence/1";

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub format: String,
    pub dataset: DatasetInfo,
    pub options: Vec<TreatmentOption>,
    pub citations: Vec<Citation>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// The language the file's text is written in (a BCP 47 tag such as "en" or "es");
    /// English where not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// For a translation, the language of the edition it translates (same version and review
    /// date); readers are told so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translated_from: Option<String>,
}

/// Words every reader needs to read the figures, in the dataset so hosts can localise them.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CitedText {
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RegulatoryStatus {
    /// A drug approved for this use.
    Approved,
    /// A device cleared or approved for this use.
    Cleared,
    /// The regulator set the device class for this use (as the FDA did for ECT devices in 2018),
    /// with no clearance of a particular device documented.
    Reclassified,
    /// Approved for something else; used off-label.
    OffLabel,
    Investigational,
    /// Not a drug or device (e.g. talking therapy).
    NotApplicable,
    /// The evidence reviewed did not document it.
    NotDocumented,
}

impl RegulatoryStatus {
    pub const ALL: [RegulatoryStatus; 7] = [
        RegulatoryStatus::Approved,
        RegulatoryStatus::Cleared,
        RegulatoryStatus::Reclassified,
        RegulatoryStatus::OffLabel,
        RegulatoryStatus::Investigational,
        RegulatoryStatus::NotApplicable,
        RegulatoryStatus::NotDocumented,
    ];

    /// The token data files use, also the widget's class for the status badge.
    pub fn token(self) -> &'static str {
        match self {
            RegulatoryStatus::Approved => "approved",
            RegulatoryStatus::Cleared => "cleared",
            RegulatoryStatus::Reclassified => "reclassified",
            RegulatoryStatus::OffLabel => "off_label",
            RegulatoryStatus::Investigational => "investigational",
            RegulatoryStatus::NotApplicable => "not_applicable",
            RegulatoryStatus::NotDocumented => "not_documented",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

    /// The statements to show, each once: one sentence may answer several fields ("Anaesthesia,
    /// surgery, in-clinic observation: none." for all three), and reads once.
    pub fn statements(&self) -> Vec<&CitedText> {
        let mut shown: Vec<&CitedText> = Vec::new();
        for (_, item) in self.items() {
            if !shown.contains(&item) {
                shown.push(item);
            }
        }
        shown
    }
}

/// In-clinic hours: the only derived numbers in the sheet, always shown as estimates with
/// their arithmetic.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Invasiveness {
    /// 1 non-invasive, 2 in-clinic administration with monitoring,
    /// 3 general anaesthesia each session, 4 surgical implant.
    pub level: u8,
    pub reason: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<String>,
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
