//! Every sentence a reader sees, in one catalogue per language, and the way each language
//! writes numbers and dates. A sentence is written once (in `en.rs`); a language is a file of
//! the same `Catalogue` with every field filled in, so the compiler refuses a missing one.
//!
//! Templates name their blanks (`{option}`); `Words::fill` puts the values in. Figures keep
//! their digits as written: only the decimal sign and the grouping of thousands follow the
//! language.

mod en;
// Compiled in natively (tests, server rendering, the data checker); the web bundle reads it
// from a file when a reader needs it (`install_catalogue`), so a language costs it nothing.
mod catalogue_file;
#[cfg(not(target_arch = "wasm32"))]
mod es;
mod glossary;
mod numbers;

use catalogue_file::installed;
pub use catalogue_file::{
    catalogue_file, catalogue_file_header, install_catalogue, CatalogueFileError,
};
pub use numbers::Share;

use crate::model::{Category, ComparatorKind, CostUnit, Metric, RegulatoryStatus, Tier, Value};

/// The languages the widget speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 tag, for `lang` attributes and settings.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language of a tag such as "en", "en-US" or "EN"; `None` for languages the widget
    /// does not have.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or("").trim();
        Lang::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(primary))
    }

    /// The direction the language is written in, for the widget root's `dir`.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::En | Lang::Es => "ltr",
        }
    }

    /// How the language writes numbers: only the signs differ, never the digits.
    fn notation(self) -> Notation {
        match self {
            Lang::En => Notation {
                decimal: '.',
                group: ',',
                group_from: 4,
                percent: "%",
            },
            // "26,1 %", "10 554", "1522": the Spanish academies' rules (a non-breaking space
            // groups five digits or more, and stands before the percent sign).
            Lang::Es => Notation {
                decimal: ',',
                group: '\u{a0}',
                group_from: 5,
                percent: "\u{a0}%",
            },
        }
    }

    fn catalogue(self) -> &'static Catalogue {
        match self {
            Lang::En => &en::EN,
            #[cfg(not(target_arch = "wasm32"))]
            Lang::Es => &es::ES,
            #[cfg(target_arch = "wasm32")]
            Lang::Es => installed(self).unwrap_or(&en::EN),
        }
    }

    /// Whether this language's sentences are at hand: English always; another language once
    /// its catalogue file is installed (always, natively).
    pub fn is_ready(self) -> bool {
        self == Lang::En || cfg!(not(target_arch = "wasm32")) || installed(self).is_some()
    }
}

/// A language's signs for numbers.
#[derive(Clone, Copy, Debug)]
struct Notation {
    decimal: char,
    group: char,
    /// Whole parts with at least this many digits are grouped in threes.
    group_from: usize,
    /// What follows a percentage's number.
    percent: &'static str,
}

/// Declares the catalogue's fields once (in `keys.rs`); `entries` lists them for the tests
/// that keep every language complete and every message in use.
macro_rules! catalogue {
    ($($(#[$doc:meta])* $key:ident,)*) => {
        /// One language's sentences. Field names are the message ids. `repr(C)`: laid out
        /// as an array of its texts in declaration order (see `from_texts`).
        #[repr(C)]
        pub struct Catalogue {
            $($(#[$doc])* pub $key: &'static str,)*
        }

        impl Catalogue {
            /// Every (id, text) pair, in declaration order.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key),)*]
            }

            /// Every message id, in declaration order.
            pub fn keys() -> Vec<&'static str> {
                vec![$(stringify!($key),)*]
            }

            /// How many messages a catalogue has.
            pub const COUNT: usize = [$(stringify!($key),)*].len();

            /// A fingerprint of the message ids in order (FNV-1a of them joined by ","),
            /// worked out while compiling, so the ids themselves stay out of the web bundle.
            pub const FINGERPRINT: u32 = crate::words::fingerprint(&[$(stringify!($key),)*]);

            /// A catalogue from every message's text in declaration order; `None` when the
            /// count differs. (A field-by-field constructor would cost the web bundle more
            /// code than the language file saves it.)
            pub fn from_texts(texts: &[&'static str]) -> Option<Catalogue> {
                let texts: [&'static str; Catalogue::COUNT] = texts.try_into().ok()?;
                // SAFETY: `Catalogue` is `repr(C)` and has exactly `COUNT` fields, every one a
                // `&'static str`, so it has the layout of `[&'static str; COUNT]` with the
                // fields in declaration order, the order of `keys()` and of the file.
                Some(unsafe { std::mem::transmute::<[&'static str; Catalogue::COUNT], Catalogue>(texts) })
            }
        }
    };
}

/// FNV-1a of `keys` joined by ",", as a constant (see `Catalogue::FINGERPRINT`).
const fn fingerprint(keys: &[&str]) -> u32 {
    const PRIME: u32 = 0x0100_0193;
    let mut hash: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < keys.len() {
        if i > 0 {
            hash = (hash ^ b',' as u32).wrapping_mul(PRIME);
        }
        let bytes = keys[i].as_bytes();
        let mut j = 0;
        while j < bytes.len() {
            hash = (hash ^ bytes[j] as u32).wrapping_mul(PRIME);
            j += 1;
        }
        i += 1;
    }
    hash
}

mod keys;
pub use keys::Catalogue;

/// The words of one language, passed to everything that writes for readers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Words {
    lang: Lang,
}

impl Words {
    pub const fn new(lang: Lang) -> Words {
        Words { lang }
    }

    pub const fn lang(self) -> Lang {
        self.lang
    }

    /// The catalogue: `w.t().not_head_to_head`.
    pub fn t(self) -> &'static Catalogue {
        self.lang.catalogue()
    }

    /// A template with its blanks filled: `fill(t.shown_of, &[("n", "3"), ("total", "16")])`.
    /// A blank without a value stays as it is, so a mistake shows instead of vanishing. A value
    /// written right to left (a name in Arabic or Hebrew) is isolated, so it cannot reorder the
    /// sentence around it ("placebo 20.75%" never reads "%20.75 placebo").
    pub fn fill(self, template: &str, values: &[(&str, &str)]) -> String {
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let name_end = after.find('}');
            let value = name_end.and_then(|end| {
                let name = &after[..end];
                values
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v, end))
            });
            match value {
                Some((v, end)) => {
                    push_isolated(&mut out, v);
                    rest = &after[end + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// The text with its first letter capitalised, to start a sentence or a label. Only an
    /// ASCII first letter changes: the full Unicode case tables would add 12 KB to the wasm,
    /// and the catalogue's sentences start with plain letters.
    pub fn sentence_start(self, text: &str) -> String {
        let mut out = text.to_string();
        if let Some(first) = out.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        out
    }

    /// The text with its first letter in lower case, to continue a sentence (ASCII only, as
    /// `sentence_start`).
    pub fn sentence_continues(self, text: &str) -> String {
        let mut out = text.to_string();
        if let Some(first) = out.get_mut(..1) {
            first.make_ascii_lowercase();
        }
        out
    }

    /// A language's name in this language ("English", "inglés"), from its tag; the tag where
    /// the widget does not know it.
    pub fn language_name(self, tag: &str) -> String {
        let t = self.t();
        match Lang::from_tag(tag) {
            Some(Lang::En) => t.language_en.to_string(),
            Some(Lang::Es) => t.language_es.to_string(),
            None => tag.to_string(),
        }
    }

    // ---- The data's kinds in words ---------------------------------------------------------

    pub fn metric(self, metric: Metric) -> &'static str {
        let t = self.t();
        match metric {
            Metric::Response => t.metric_response,
            Metric::Remission => t.metric_remission,
            Metric::Relapse => t.metric_relapse,
            Metric::Durability => t.metric_durability,
            Metric::SymptomChange => t.metric_symptom_change,
            Metric::Other => t.metric_other,
        }
    }

    /// "Much better (response)": an outcome in everyday words with the studies' name for it,
    /// wherever a figure is labelled, so cards, table, people view and details agree.
    pub fn outcome(self, metric: Metric) -> &'static str {
        let t = self.t();
        match metric {
            Metric::Response => t.outcome_response,
            Metric::Remission => t.outcome_remission,
            other => self.metric(other),
        }
    }

    /// "Much better": the everyday words alone, where the studies' name follows separately.
    pub fn outcome_briefly(self, metric: Metric) -> &'static str {
        let t = self.t();
        match metric {
            Metric::Response => t.outcome_response_short,
            Metric::Remission => t.outcome_remission_short,
            other => self.metric(other),
        }
    }

    /// The metric inside a sentence ("response").
    pub fn metric_lower(self, metric: Metric) -> String {
        self.sentence_continues(self.metric(metric))
    }

    pub fn category(self, category: Category) -> &'static str {
        let t = self.t();
        match category {
            Category::Medication => t.category_medication,
            Category::RapidActingMedication => t.category_rapid_acting_medication,
            Category::Psychotherapy => t.category_psychotherapy,
            Category::NonInvasiveBrainStimulation => t.category_non_invasive_brain_stimulation,
            Category::ConvulsiveTherapy => t.category_convulsive_therapy,
            Category::ImplantedDevice => t.category_implanted_device,
            Category::InvestigationalImplantedDevice => t.category_investigational_implanted_device,
            Category::Investigational => t.category_investigational,
        }
    }

    pub fn regulatory(self, status: RegulatoryStatus) -> &'static str {
        let t = self.t();
        match status {
            RegulatoryStatus::Approved => t.status_approved,
            RegulatoryStatus::Cleared => t.status_cleared,
            RegulatoryStatus::Reclassified => t.status_reclassified,
            RegulatoryStatus::OffLabel => t.status_off_label,
            RegulatoryStatus::Investigational => t.status_investigational,
            RegulatoryStatus::NotApplicable => t.status_not_applicable,
            RegulatoryStatus::NotDocumented => t.status_not_documented,
        }
    }

    /// Short words for an invasiveness level, for controls and chart labels.
    pub fn invasiveness(self, level: u8) -> &'static str {
        let t = self.t();
        match level {
            1 => t.invasiveness_1,
            2 => t.invasiveness_2,
            3 => t.invasiveness_3,
            4 => t.invasiveness_4,
            _ => t.invasiveness_unknown,
        }
    }

    /// "3 of 4: General anaesthesia each session".
    pub fn invasiveness_of_4(self, level: u8) -> String {
        self.fill(
            self.t().invasiveness_level_words,
            &[
                ("level", &level.to_string()),
                ("words", self.invasiveness(level)),
            ],
        )
    }

    /// What a price buys: "a month", "device and surgery".
    pub fn cost_unit(self, unit: CostUnit) -> &'static str {
        let t = self.t();
        match unit {
            CostUnit::Course => t.unit_course,
            CostUnit::Month => t.unit_month,
            CostUnit::Year => t.unit_year,
            CostUnit::Session => t.unit_session,
            CostUnit::Dose => t.unit_dose,
            CostUnit::Device => t.unit_device,
            CostUnit::DeviceAndSurgery => t.unit_device_and_surgery,
            CostUnit::Other => t.unit_other,
        }
    }

    /// The heading of the cost chart of prices for `unit` ("What a month costs").
    pub fn cost_group(self, unit: CostUnit) -> &'static str {
        let t = self.t();
        match unit {
            CostUnit::Session => t.cost_per_session,
            CostUnit::Dose => t.cost_per_dose,
            CostUnit::Month => t.cost_per_month,
            CostUnit::Year => t.cost_per_year,
            CostUnit::Course => t.cost_per_course,
            CostUnit::Device => t.cost_per_device,
            CostUnit::DeviceAndSurgery => t.cost_per_device_and_surgery,
            CostUnit::Other => t.cost_per_other,
        }
    }

    /// A tier in plain words, for readers who do not know the letters.
    pub fn tier_plain(self, tier: Tier) -> &'static str {
        let t = self.t();
        match tier {
            Tier::A => t.tier_a,
            Tier::B => t.tier_b,
            Tier::C => t.tier_c,
            Tier::D => t.tier_d,
        }
    }

    /// "C: uncontrolled (open-label or real-world) study (note)": the letter in plain words,
    /// with the data's reason for the tier where it gives one.
    pub fn tier_explained(self, tier: Tier, note: Option<&str>) -> String {
        let letter = tier.letter();
        let plain = self.tier_plain(tier);
        match note {
            Some(note) => self.fill(
                self.t().tier_letter_note,
                &[("letter", letter), ("plain", plain), ("note", note)],
            ),
            None => self.fill(
                self.t().tier_letter,
                &[("letter", letter), ("plain", plain)],
            ),
        }
    }

    /// "Tier C: uncontrolled …": the tier as a figure's detail line shows it.
    pub fn tier_line(self, tier: Tier, note: Option<&str>) -> String {
        self.fill(
            self.t().tier_prefixed,
            &[("tier", &self.tier_explained(tier, note))],
        )
    }

    /// The visible flag on tier C and D figures, wherever such a figure appears.
    pub fn tier_flag(self, tier: Tier) -> Option<&'static str> {
        match tier {
            Tier::C => Some(self.t().flag_uncontrolled),
            Tier::D => Some(self.t().flag_secondary),
            Tier::A | Tier::B => None,
        }
    }

    /// What kind of comparison group a finding had, in plain words.
    pub fn comparator_kind(self, kind: ComparatorKind) -> &'static str {
        let t = self.t();
        match kind {
            ComparatorKind::Sham => t.comparator_kind_sham,
            ComparatorKind::Placebo => t.comparator_kind_placebo,
            ComparatorKind::UsualCare => t.comparator_kind_usual_care,
            ComparatorKind::Active => t.comparator_kind_active,
            ComparatorKind::Subgroup => t.comparator_kind_subgroup,
            ComparatorKind::None => t.comparator_kind_none,
        }
    }

    /// A value in words and digits, exactly as written in the data: "27.1% (91/336)",
    /// "OR 3.3 (1.9–5.5)", "not reported".
    pub fn value(self, value: &Value) -> String {
        match value {
            Value::Percent { percent, k, n } => match (k, n) {
                (Some(k), Some(n)) => format!("{} ({k}/{n})", self.percent(percent.as_str())),
                _ => self.percent(percent.as_str()),
            },
            Value::PercentRange { low, high } => self.percent_range(low.as_str(), high.as_str()),
            Value::Effect {
                measure,
                estimate,
                ci_low,
                ci_high,
            } => match (ci_low, ci_high) {
                (Some(lo), Some(hi)) => format!(
                    "{measure} {} ({}–{})",
                    self.decimal(estimate),
                    self.decimal(lo),
                    self.decimal(hi)
                ),
                _ => format!("{measure} {}", self.decimal(estimate)),
            },
            Value::MeanChange { change, unit } => format!("{} {unit}", self.decimal(change)),
            Value::Text { text } => text.clone(),
            Value::NotReported => self.t().not_reported.to_string(),
        }
    }

    /// "$550–900": a price's numbers as written, with thousands separators and the currency.
    pub fn amount(self, currency: &str, low: &str, high: Option<&str>) -> String {
        let symbol = self.currency_symbol(currency);
        match high {
            Some(high) => format!("{symbol}{}–{}", self.grouped(low), self.grouped(high)),
            None => format!("{symbol}{}", self.grouped(low)),
        }
    }

    /// "$" for USD, "£" for GBP …; other codes are written out: "CHF ".
    pub fn currency_symbol(self, code: &str) -> String {
        match code {
            "USD" => "$".to_string(),
            "GBP" => "£".to_string(),
            "EUR" => "€".to_string(),
            "CAD" => "CA$".to_string(),
            "AUD" => "A$".to_string(),
            other => format!("{other}\u{a0}"),
        }
    }

    /// "16.7–25 h", "≥16 h" or "12 h": estimated hours as written.
    pub fn hours(self, low: &str, high: Option<&str>, at_least: bool) -> String {
        let (low, high) = (self.number(low), high.map(|h| self.number(h)));
        let amount = match (high, at_least) {
            (Some(high), _) => format!("{low}–{high}"),
            (None, true) => format!("≥{low}"),
            (None, false) => low,
        };
        self.fill(self.t().hours_amount, &[("hours", &amount)])
    }
}

/// The placeholders of a template, in order: "{a} and {b}" → ["a", "b"].
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(end) => {
                out.push(&after[..end]);
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    out
}

/// Appends `value`, between first-strong isolate marks (U+2068 … U+2069) when it holds a
/// right-to-left letter; left-to-right text, the usual case, is appended as it is.
fn push_isolated(out: &mut String, value: &str) {
    if value.chars().any(is_right_to_left) {
        out.push('\u{2068}');
        out.push_str(value);
        out.push('\u{2069}');
    } else {
        out.push_str(value);
    }
}

/// Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their
/// presentation forms, and the historic ones above U+10800).
fn is_right_to_left(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}
