//! What the comparison shows, derived from (data, state): rows of headline figures with their
//! provenance, and the numbered citations behind them. Charts, HTML and exports all read from
//! here. It holds values, not sentences: the words come from `words` when a view is written.

use crate::model::{
    Category, Citation, ComparatorKind, Cost, CostUnit, Dataset, Decimal, Difference, Finding,
    Metric, Tier, Value,
};
use crate::state::{Selection, SortKey};
use crate::words::Words;
use std::cmp::Ordering;
use std::rc::Rc;

/// The metrics charted side by side, in panel order.
pub const CHARTED_METRICS: [Metric; 2] = [Metric::Response, Metric::Remission];

#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub rows: Vec<OptionRow>,
    /// Shared so the citation list can compare it by value and skip re-rendering on a sort.
    pub citations: Rc<[NumberedCitation]>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OptionRow {
    pub id: String,
    pub name: String,
    pub category: Category,
    /// Invasiveness level 1–4.
    pub invasiveness: u8,
    /// One figure per entry of `CHARTED_METRICS`, in the same order.
    pub figures: Vec<Figure>,
    /// The sheet's derived in-clinic hours, where it could derive them.
    pub clinic_hours: Option<HoursView>,
    /// The option's headline price, if the data names one.
    pub cost: Option<CostView>,
}

/// One price as the cost chart draws it, with what a reader needs to judge it.
#[derive(Clone, Debug, PartialEq)]
pub struct CostView {
    pub low: Decimal,
    pub high: Option<Decimal>,
    /// ISO 4217 code, e.g. "USD".
    pub currency: String,
    /// What the price buys.
    pub unit: CostUnit,
    /// As given: "Jan 2020", "c.2024", "not given".
    pub price_year: String,
    /// The price as the source states it.
    pub text: String,
    pub note: Option<String>,
    /// Numbers into `Comparison::citations`.
    pub citation_numbers: Vec<usize>,
}

impl CostView {
    /// "$550–900": the numbers as written, with thousands separators.
    pub fn amount(&self, w: Words) -> String {
        w.amount(
            &self.currency,
            self.low.as_str(),
            self.high.as_ref().map(Decimal::as_str),
        )
    }

    /// "$550–900 a month (price year Jan 2020)".
    pub fn summary(&self, w: Words) -> String {
        w.fill(
            w.t().price_summary,
            &[
                ("amount", &self.amount(w)),
                ("unit", w.cost_unit(self.unit)),
                ("year", &self.price_year),
            ],
        )
    }
}

/// Estimated hours in clinic, as numbers for the bar and as written for the label.
#[derive(Clone, Debug, PartialEq)]
pub struct HoursView {
    pub low: Decimal,
    pub high: Option<Decimal>,
    /// True for "≥ low" estimates.
    pub at_least: bool,
}

impl HoursView {
    /// "16.7–25 h" or "≥16 h", from the numbers as written.
    pub fn text(&self, w: Words) -> String {
        w.hours(
            self.low.as_str(),
            self.high.as_ref().map(Decimal::as_str),
            self.at_least,
        )
    }
}

impl OptionRow {
    pub fn figure(&self, metric: Metric) -> Option<&Figure> {
        self.figures.iter().find(|f| f.metric == metric)
    }

    /// Whether the response and remission figures come from different studies: true when both
    /// are reported and they share no source (switching, for one, takes them from two trials).
    pub fn figures_from_different_studies(&self) -> bool {
        let sources = |metric| {
            self.figure(metric)
                .filter(|f| f.is_reported())
                .map(|f| &f.citation_numbers)
        };
        match (sources(Metric::Response), sources(Metric::Remission)) {
            (Some(a), Some(b)) => {
                !a.is_empty() && !b.is_empty() && !a.iter().any(|n| b.contains(n))
            }
            _ => false,
        }
    }

    /// "16.7–25 h", or "not derivable" where the evidence allows no estimate.
    pub fn hours_text(&self, w: Words) -> String {
        self.clinic_hours
            .as_ref()
            .map_or_else(|| w.t().hours_not_derivable.to_string(), |h| h.text(w))
    }

    /// "3 of 4: General anaesthesia each session".
    pub fn invasiveness_text(&self, w: Words) -> String {
        w.invasiveness_of_4(self.invasiveness)
    }
}

/// One headline figure with everything a reader needs to judge it.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub metric: Metric,
    /// The value as written in the data (`NotReported` where there is none).
    pub value: Value,
    pub arm: Option<String>,
    pub comparator: Option<ComparatorView>,
    pub design: Option<String>,
    pub tier: Option<Tier>,
    pub tier_note: Option<String>,
    pub n: Option<String>,
    pub population: Option<String>,
    pub timepoint: Option<String>,
    pub definition: Option<String>,
    pub note: Option<String>,
    /// Numbers into `Comparison::citations`.
    pub citation_numbers: Vec<usize>,
}

impl Figure {
    pub fn is_reported(&self) -> bool {
        self.value != Value::NotReported
    }

    /// The rate to draw as a bar; `None` means no bar (not reported, or not a rate).
    pub fn percent(&self) -> Option<f64> {
        self.value.percent()
    }

    /// The same rate as written in the data ("29.3").
    pub fn percent_text(&self) -> Option<&str> {
        self.value.percent_text()
    }

    /// The value in words and digits, or "not reported".
    pub fn value_text(&self, w: Words) -> String {
        w.value(&self.value)
    }

    /// "sham 10.4%; OR 3.3; NNT 6": the comparison group with everything the data says of it.
    pub fn comparator_text(&self, w: Words) -> Option<String> {
        self.comparator.as_ref().map(|c| match &c.note {
            Some(note) => format!("{}; {note}", c.summary(w)),
            None => c.summary(w),
        })
    }

    /// "Tier B: controlled trial in a broader depression group (MDD, not TRD-only)".
    pub fn tier_text(&self, w: Words) -> Option<String> {
        self.tier.map(|t| w.tier_line(t, self.tier_note.as_deref()))
    }

    /// Tier C and D figures are flagged wherever they appear.
    pub fn flag(&self, w: Words) -> Option<&'static str> {
        self.tier.and_then(|t| w.tier_flag(t))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ComparatorView {
    pub kind: ComparatorKind,
    /// As the source names it.
    pub label: String,
    /// In everyday words, where the data gives them.
    pub plain: Option<String>,
    pub value: Option<Value>,
    pub note: Option<String>,
    pub difference: Option<Difference>,
}

impl ComparatorView {
    /// "Not clearly different from the comparison group": said beside the figure where the
    /// study found the difference could be chance, so a longer bar is not read as a win.
    pub fn difference_words(&self, w: Words) -> Option<&'static str> {
        match self.difference? {
            Difference::NotSignificant => Some(w.t().flag_not_clearly_different),
        }
    }

    pub fn percent(&self) -> Option<f64> {
        self.value.as_ref().and_then(Value::percent)
    }

    pub fn percent_text(&self) -> Option<&str> {
        self.value.as_ref().and_then(Value::percent_text)
    }

    /// The group in everyday words, with its kind: "sham (placebo) treatment", "another
    /// treatment: IV ketamine", "no comparison group".
    pub fn group(&self, w: Words) -> String {
        let t = w.t();
        let name = self.plain.as_deref().unwrap_or(&self.label);
        match self.kind {
            ComparatorKind::Active => w.fill(t.group_active, &[("name", name)]),
            ComparatorKind::Subgroup => w.fill(t.group_subgroup, &[("name", name)]),
            kind => match &self.plain {
                // A control group's own everyday name says more than its kind alone.
                Some(plain) => w.fill(
                    t.group_named,
                    &[("kind", w.comparator_kind(kind)), ("name", plain)],
                ),
                None => w.comparator_kind(kind).to_string(),
            },
        }
    }

    /// "vs sham (placebo) treatment: 10.4%": the first thing a reader needs after the figure
    /// itself.
    pub fn versus(&self, w: Words) -> String {
        let t = w.t();
        match (&self.value, self.kind) {
            (_, ComparatorKind::None) => w.sentence_start(t.comparator_kind_none),
            (Some(value), _) => w.fill(
                t.versus_value,
                &[("group", &self.group(w)), ("value", &w.value(value))],
            ),
            (None, _) => w.fill(t.versus_group, &[("group", &self.group(w))]),
        }
    }

    /// As `versus`, with a rate given as its percentage only ("vs placebo: 30.5%"): the counts
    /// behind it (111/364) are in the details.
    pub fn versus_briefly(&self, w: Words) -> String {
        match (self.percent_text(), self.kind) {
            (Some(written), kind) if kind != ComparatorKind::None => w.fill(
                w.t().versus_value,
                &[("group", &self.group(w)), ("value", &w.percent(written))],
            ),
            _ => self.versus(w),
        }
    }

    /// "sham 10.4%" or just "sham".
    pub fn summary(&self, w: Words) -> String {
        match &self.value {
            Some(v) => format!("{} {}", self.label, w.value(v)),
            None => self.label.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct NumberedCitation {
    pub number: usize,
    pub citation: Citation,
    /// A checked http(s) link, if the citation has one.
    pub link: Option<String>,
    /// The source in a few words ("Rush 2005a"): `Citation::brief`, with a letter where two
    /// sources of this comparison would otherwise read the same.
    pub brief: String,
}

/// One study's rate of an outcome, as the "every study" marks draw it.
#[derive(Clone, Debug, PartialEq)]
pub struct StudyMark {
    pub low: Decimal,
    /// The top of a range across arms; `None` for a single rate.
    pub high: Option<Decimal>,
    pub tier: Option<Tier>,
    pub headline: bool,
    /// The group in its study the rate is of, when the data names one ("sertraline").
    pub arm: Option<String>,
    /// The citation ids it rests on: rates with the same ones are from one source.
    pub sources: Vec<String>,
}

/// A rate as written and the group in its study it is of, when the data names one.
pub type RateOf<'a> = (&'a Decimal, Option<&'a str>);

/// One study's odds, risk or hazard ratio of an outcome, with its interval as written.
#[derive(Clone, Debug, PartialEq)]
pub struct RatioMark {
    /// The finding's value (an `Effect`), for its words.
    pub value: Value,
    pub estimate: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub tier: Option<Tier>,
}

/// Every finding of one outcome for one option: the rates (drawn on the 0–100% scale), the
/// ratios (drawn on their own scale, where 1 is no difference), and how many others are
/// score changes or words (in the details).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Studies {
    pub marks: Vec<StudyMark>,
    pub ratios: Vec<RatioMark>,
    pub not_rates: usize,
}

/// Measures that are ratios (1 means no difference), so they share a ratio scale; a
/// standardised mean difference, for one, is not.
fn is_ratio(measure: &str) -> bool {
    let m = measure.trim().to_ascii_uppercase();
    ["OR", "RR", "HR", "IRR"]
        .iter()
        .any(|r| m == *r || m.starts_with(&format!("{r} ")))
}

impl Studies {
    /// The option's findings of `metric`, in data order.
    pub fn of(data: &Dataset, option_id: &str, metric: Metric) -> Studies {
        let mut studies = Studies::default();
        let Some(option) = data.option(option_id) else {
            return studies;
        };
        for finding in option.findings.iter().filter(|f| f.metric == metric) {
            let (low, high) = match &finding.value {
                Value::Percent { percent, .. } => (percent.clone(), None),
                Value::PercentRange { low, high } => (low.clone(), Some(high.clone())),
                Value::NotReported => continue,
                Value::Effect {
                    measure,
                    estimate,
                    ci_low,
                    ci_high,
                } if is_ratio(measure) && estimate.value() > 0.0 => {
                    studies.ratios.push(RatioMark {
                        value: finding.value.clone(),
                        estimate: estimate.value(),
                        low: ci_low.as_ref().map(Decimal::value),
                        high: ci_high.as_ref().map(Decimal::value),
                        tier: finding.tier,
                    });
                    continue;
                }
                _ => {
                    studies.not_rates += 1;
                    continue;
                }
            };
            studies.marks.push(StudyMark {
                low,
                high,
                tier: finding.tier,
                headline: finding.headline,
                arm: finding.arm.clone(),
                sources: finding.citations.clone(),
            });
        }
        studies
    }

    /// The lowest and the highest rate, as written, each with the group it is of (when the
    /// data names one), when there are two marks or more.
    pub fn range(&self) -> Option<(RateOf<'_>, RateOf<'_>)> {
        if self.marks.len() < 2 {
            return None;
        }
        let low = self
            .marks
            .iter()
            .map(|m| (&m.low, m.arm.as_deref()))
            .min_by(|a, b| a.0.value().total_cmp(&b.0.value()))?;
        let high = self
            .marks
            .iter()
            .map(|m| (m.high.as_ref().unwrap_or(&m.low), m.arm.as_deref()))
            .max_by(|a, b| a.0.value().total_cmp(&b.0.value()))?;
        Some((low, high))
    }

    /// How many sources the rates come from: rates citing the same ones (in any order) are
    /// several figures of one source, such as STAR*D's three switches. Sources, not studies:
    /// one paper may report two trials, and two papers one trial.
    pub fn source_count(&self) -> usize {
        let mut seen: Vec<Vec<&str>> = Vec::with_capacity(self.marks.len());
        for mark in &self.marks {
            let mut sources: Vec<&str> = mark.sources.iter().map(String::as_str).collect();
            sources.sort_unstable();
            if !seen.contains(&sources) {
                seen.push(sources);
            }
        }
        seen.len()
    }
}

/// What a price covers, in the order the cost charts are shown: the shortest first.
pub const COST_UNITS: [CostUnit; 8] = [
    CostUnit::Session,
    CostUnit::Dose,
    CostUnit::Month,
    CostUnit::Year,
    CostUnit::Course,
    CostUnit::Device,
    CostUnit::DeviceAndSurgery,
    CostUnit::Other,
];

impl Comparison {
    /// The rows with a price, one comparison per unit the prices are for, in `COST_UNITS`
    /// order (rows keep the reader's order within each): a month of pills is never drawn on
    /// the same axis as a course of ECT. Citation numbers are shared, so they stay the same.
    pub fn by_cost_unit(&self) -> Vec<(CostUnit, Comparison)> {
        COST_UNITS
            .iter()
            .filter_map(|&unit| {
                let rows: Vec<OptionRow> = self
                    .rows
                    .iter()
                    .filter(|r| r.cost.as_ref().is_some_and(|c| c.unit == unit))
                    .cloned()
                    .collect();
                (!rows.is_empty()).then(|| {
                    let citations = self.citations.clone();
                    (unit, Comparison { rows, citations })
                })
            })
            .collect()
    }

    /// The names of the rows without a price to draw, in the reader's order.
    pub fn without_price(&self) -> Vec<&str> {
        self.rows
            .iter()
            .filter(|r| r.cost.is_none())
            .map(|r| r.name.as_str())
            .collect()
    }

    pub fn build(data: &Dataset, selection: &Selection) -> Comparison {
        // Citation numbers follow data order so they stay put when the reader re-sorts.
        let mut numbers = CitationNumbers::default();
        let mut rows: Vec<OptionRow> = Vec::with_capacity(selection.selected.len());
        let mut shown = Vec::with_capacity(selection.selected.len());
        for option in &data.options {
            if !selection.shows(&option.id, option.category, option.invasiveness.level) {
                continue;
            }
            shown.push(option);
            let figures = CHARTED_METRICS
                .iter()
                .map(|&metric| match option.headline(metric) {
                    Some(finding) => figure_from(finding, &mut numbers),
                    None => not_reported(metric),
                })
                .collect();
            rows.push(OptionRow {
                id: option.id.clone(),
                name: option.name.clone(),
                category: option.category,
                invasiveness: option.invasiveness.level,
                figures,
                clinic_hours: option.burden.in_clinic_hours.as_ref().map(|h| HoursView {
                    low: h.low.clone(),
                    high: h.high.clone(),
                    at_least: h.at_least,
                }),
                cost: None,
            });
        }
        // Prices are numbered after all figures, so adding them left the figures' numbers as
        // they were.
        for (row, option) in rows.iter_mut().zip(shown) {
            row.cost = option
                .headline_cost()
                .and_then(|c| cost_view(c, &mut numbers));
        }
        sort_rows(&mut rows, selection.sort);
        let mut citations: Vec<NumberedCitation> = numbers
            .order
            .iter()
            .filter_map(|id| data.citation(id))
            .enumerate()
            .map(|(i, c)| NumberedCitation {
                number: i + 1,
                link: c.link().filter(|l| crate::validate::is_web_link(l)),
                brief: c.brief(),
                citation: c.clone(),
            })
            .collect();
        tell_apart(&mut citations);
        Comparison {
            rows,
            citations: citations.into(),
        }
    }
}

/// Numbers citation ids 1, 2, 3 … in order of first use.
#[derive(Default)]
struct CitationNumbers {
    order: Vec<String>,
}

impl CitationNumbers {
    fn number(&mut self, id: &str) -> usize {
        match self.order.iter().position(|c| c == id) {
            Some(i) => i + 1,
            None => {
                self.order.push(id.to_string());
                self.order.len()
            }
        }
    }
}

fn figure_from(finding: &Finding, numbers: &mut CitationNumbers) -> Figure {
    Figure {
        metric: finding.metric,
        value: finding.value.clone(),
        arm: finding.arm.clone(),
        comparator: finding.comparator.as_ref().map(|c| ComparatorView {
            kind: c.kind,
            label: c.label.clone(),
            plain: c.plain.clone(),
            value: c.value.clone(),
            note: c.note.clone(),
            difference: c.difference,
        }),
        design: finding.design.clone(),
        tier: finding.tier,
        tier_note: finding.tier_note.clone(),
        n: finding.n.clone(),
        population: finding.population.clone(),
        timepoint: finding.timepoint.clone(),
        definition: finding.definition.clone(),
        note: finding.note.clone(),
        citation_numbers: finding
            .citations
            .iter()
            .map(|id| numbers.number(id))
            .collect(),
    }
}

fn cost_view(cost: &Cost, numbers: &mut CitationNumbers) -> Option<CostView> {
    Some(CostView {
        low: cost.low.clone()?,
        high: cost.high.clone(),
        currency: cost.currency.clone(),
        unit: cost.unit,
        price_year: cost.price_year.clone(),
        text: cost.text.clone(),
        note: cost.note.clone(),
        citation_numbers: cost.citations.iter().map(|id| numbers.number(id)).collect(),
    })
}

fn not_reported(metric: Metric) -> Figure {
    Figure {
        metric,
        value: Value::NotReported,
        arm: None,
        comparator: None,
        design: None,
        tier: None,
        tier_note: None,
        n: None,
        population: None,
        timepoint: None,
        definition: None,
        note: None,
        citation_numbers: Vec::new(),
    }
}

/// One stable sort for every order (each closure passed to a sort compiles to a copy of the
/// whole sort in the web bundle).
fn sort_rows(rows: &mut [OptionRow], sort: SortKey) {
    if sort == SortKey::DataOrder {
        return;
    }
    rows.sort_by(|a, b| match sort {
        SortKey::DataOrder => Ordering::Equal,
        SortKey::Name => by_name(&a.name, &b.name),
        SortKey::Headline(metric) => {
            let rate = |r: &OptionRow| r.figure(metric).and_then(Figure::percent);
            match (rate(a), rate(b)) {
                (Some(x), Some(y)) => y.partial_cmp(&x).unwrap_or(Ordering::Equal),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        }
    });
}

/// Alphabetical, ignoring case (ASCII: the full Unicode case tables would add kilobytes to
/// the web bundle for names that start with plain letters).
fn by_name(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

/// "Rush 2005" twice becomes "Rush 2005a" and "Rush 2005b", in citation order, as reference
/// lists do, so a reader can tell which one a figure rests on.
fn tell_apart(citations: &mut [NumberedCitation]) {
    for i in 0..citations.len() {
        let same: Vec<usize> = (i..citations.len())
            .filter(|&j| citations[j].brief == citations[i].brief)
            .collect();
        if same.len() < 2 {
            continue;
        }
        for (letter, j) in ('a'..='z').zip(same) {
            // "n.d." takes "n.d.-a", as reference lists write it.
            if citations[j].brief.ends_with('.') {
                citations[j].brief.push('-');
            }
            citations[j].brief.push(letter);
        }
    }
}
