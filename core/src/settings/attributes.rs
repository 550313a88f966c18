//! Reading the host's attributes (`<trd-evidence options="rtms,ect" …>`, the same names with
//! `data-` on a div, or the iframe page's query) into `Settings`. A value the widget cannot use
//! keeps the default and becomes a `SettingProblem` naming the attribute.

use super::{metric_token, CrisisLine, Layout, Settings, Theme};
use crate::model::{Category, Metric};
use crate::state::{SortKey, View, ALL_PANELS, DENOMINATORS};
use crate::words::{Lang, Words};

/// Every attribute a host may set, in the order the README documents them. The loader script
/// (`src/web/trd-evidence.js`) observes the same list; a test keeps the two equal.
pub const ATTRIBUTES: [&str; 20] = [
    "src",
    "lang",
    "options",
    "metrics",
    "sort",
    "view",
    "theme",
    "heading-level",
    "title",
    "kind",
    "invasive",
    "icon-metric",
    "denominator",
    "every-study",
    "present",
    "crisis",
    "layout",
    "permalink",
    "v",
    "reviewed",
];

/// What a page's address may set in a permalink: the view, never where the data comes from or
/// what the widget is called.
pub fn settable_from_address(name: &str) -> bool {
    !matches!(name, "src" | "title" | "permalink" | "crisis")
}

/// An attribute value the widget could not use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingProblem {
    pub attribute: &'static str,
    pub kind: SettingProblemKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingProblemKind {
    /// Not one of the known tokens.
    NotOneOf { value: String, known: Vec<String> },
    /// Not a whole number in the allowed range (a heading level or an invasiveness level).
    NotInRange { value: String, low: u8, high: u8 },
    /// No option in the data has this id.
    UnknownOption { id: String, known: Vec<String> },
    /// Fewer known options than a comparison needs, so all are shown.
    TooFewOptions { min: usize },
    /// More problems of the kind above, counted rather than listed.
    More { count: usize },
    /// A data file the iframe page's address asked for, on a site this page does not allow
    /// (another site's data would appear under this site's address).
    SrcNotAllowed { origin: String },
}

impl SettingProblem {
    /// "sort: \"price\" is not one of default, response, remission, name".
    pub fn line(&self, w: Words) -> String {
        let t = w.t();
        let reason = match &self.kind {
            SettingProblemKind::NotOneOf { value, known } => w.fill(
                t.setting_not_one_of,
                &[("value", value), ("known", &known.join(", "))],
            ),
            SettingProblemKind::NotInRange { value, low, high } => w.fill(
                if self.attribute == "invasive" {
                    t.setting_not_a_level
                } else {
                    t.setting_not_a_number
                },
                &[
                    ("value", value),
                    ("low", &low.to_string()),
                    ("high", &high.to_string()),
                ],
            ),
            SettingProblemKind::UnknownOption { id, known } => w.fill(
                t.setting_unknown_option,
                &[("id", id), ("known", &known.join(", "))],
            ),
            SettingProblemKind::More { count } => {
                return w.fill(t.load_more_problems, &[("count", &count.to_string())]);
            }
            SettingProblemKind::SrcNotAllowed { origin } => {
                w.fill(t.setting_src_not_allowed, &[("origin", origin)])
            }
            SettingProblemKind::TooFewOptions { min } => {
                w.fill(t.setting_too_few_options, &[("min", &min.to_string())])
            }
        };
        format!("{}: {reason}", self.attribute)
    }
}

impl Settings {
    /// Reads a widget's settings on a page: its attributes through `attribute`, and, for the
    /// iframe page (`frame`) or an element marked `permalink`, the page's address `query`,
    /// which wins (the iframe page takes everything from it; a permalink only the view).
    ///
    /// `inherited` is the language of the page around the widget (the nearest `lang`): the
    /// widget speaks it when it can and no `lang` is set, else English.
    pub fn read_page(
        default_src: &str,
        attribute: impl Fn(&str) -> Option<String>,
        query: &str,
        frame: bool,
        inherited: Option<&str>,
    ) -> Settings {
        let from_address = frame || attribute("permalink").is_some();
        let address = if from_address {
            super::parse_query(query)
        } else {
            Vec::new()
        };
        let page_lang = inherited
            .filter(|tag| Lang::from_tag(tag).is_some())
            .map(str::to_string);
        Settings::read(default_src, |name| {
            address
                .iter()
                .filter(|_| frame || settable_from_address(name))
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.clone())
                .or_else(|| attribute(name))
                .or_else(|| (name == "lang").then(|| page_lang.clone()).flatten())
        })
    }

    /// Reads the attributes through `get` (which returns an attribute's value, if set);
    /// `default_src` names the bundled data files to read when `src` is not set (see
    /// `default_src_for`). Unusable values keep the default and are listed in `problems`.
    pub fn read(default_src: &str, get: impl Fn(&str) -> Option<String>) -> Settings {
        let set = |name: &str| get(name).map(|v| v.trim().to_string());
        let mut problems = Vec::new();
        let lang = match set("lang").filter(|s| !s.is_empty()) {
            Some(tag) => Lang::from_tag(&tag).unwrap_or_else(|| {
                problems.push(not_one_of("lang", &tag, Lang::ALL.iter().map(|l| l.tag())));
                Lang::default()
            }),
            None => Lang::default(),
        };
        let mut settings = Settings {
            src: super::default_src_for(default_src, lang),
            words_src: super::words_src_for(default_src, lang),
            lang,
            ..Settings::default()
        };
        if let Some(src) = set("src").filter(|s| !s.is_empty()) {
            settings.src = src;
        }
        if let Some(list) = set("options").filter(|s| !s.is_empty()) {
            settings.options = Some(tokens(&list).map(str::to_string).collect());
        }
        if let Some(list) = set("metrics").filter(|s| !s.is_empty()) {
            let mut panels = Vec::new();
            for token in tokens(&list) {
                match ALL_PANELS.iter().find(|p| p.token() == token) {
                    Some(p) if !panels.contains(p) => panels.push(*p),
                    Some(_) => {}
                    None => problems.push(not_one_of(
                        "metrics",
                        token,
                        ALL_PANELS.iter().map(|p| p.token()),
                    )),
                }
            }
            if !panels.is_empty() {
                settings.panels = panels;
            }
        }
        if let Some(sort) = pick(
            &mut problems,
            "sort",
            set("sort"),
            &SortKey::ALL,
            SortKey::token,
        ) {
            settings.sort = sort;
        }
        if let Some(view) = pick(&mut problems, "view", set("view"), &View::ALL, View::token) {
            settings.view = view;
        }
        if let Some(theme) = pick(
            &mut problems,
            "theme",
            set("theme"),
            &Theme::ALL,
            Theme::token,
        ) {
            settings.theme = theme;
        }
        if let Some(level) = number(&mut problems, "heading-level", set("heading-level"), 1, 6) {
            settings.heading_level = level;
        }
        if let Some(title) = set("title").filter(|t| !t.is_empty()) {
            settings.title = Some(title.chars().take(200).collect());
        }
        settings.category = pick(
            &mut problems,
            "kind",
            set("kind"),
            &Category::ALL,
            Category::token,
        );
        settings.max_invasiveness = number(&mut problems, "invasive", set("invasive"), 1, 4);
        let metrics = [Metric::Response, Metric::Remission];
        if let Some(metric) = pick(
            &mut problems,
            "icon-metric",
            set("icon-metric"),
            &metrics,
            metric_token,
        ) {
            settings.icon_metric = metric;
        }
        if let Some(n) = set("denominator") {
            match n.parse::<u32>() {
                Ok(n) if DENOMINATORS.contains(&n) => settings.denominator = n,
                _ => problems.push(not_one_of(
                    "denominator",
                    &n,
                    DENOMINATORS.iter().map(|d| d.to_string()),
                )),
            }
        }
        let places = [CrisisLine::Top, CrisisLine::End];
        if let Some(place) = pick(
            &mut problems,
            "crisis",
            set("crisis"),
            &places,
            CrisisLine::token,
        ) {
            settings.crisis_line = place;
        }
        let layouts = [Layout::Full, Layout::Compact];
        if let Some(layout) = pick(
            &mut problems,
            "layout",
            set("layout"),
            &layouts,
            Layout::token,
        ) {
            settings.layout = layout;
        }
        settings.permalink = get("permalink").is_some();
        settings.present = get("present").is_some();
        // Written alone or as "on"; "off" too, so that a link can say it.
        settings.every_study = match set("every-study").as_deref() {
            None | Some("off") => false,
            Some("" | "on") => true,
            Some(other) => {
                problems.push(not_one_of("every-study", other, ["on", "off"].into_iter()));
                false
            }
        };
        if let (Some(version), Some(reviewed)) = (set("v"), set("reviewed")) {
            settings.link_version = Some((version, reviewed));
        }
        settings.problems = problems;
        settings
    }
}

fn not_one_of<S: Into<String>>(
    attribute: &'static str,
    value: &str,
    known: impl Iterator<Item = S>,
) -> SettingProblem {
    SettingProblem {
        attribute,
        kind: SettingProblemKind::NotOneOf {
            value: value.to_string(),
            known: known.map(Into::into).collect(),
        },
    }
}

/// The choice whose token is `value`; an unknown token is reported under the attribute's name.
fn pick<T: Copy>(
    problems: &mut Vec<SettingProblem>,
    attribute: &'static str,
    value: Option<String>,
    all: &[T],
    token: fn(T) -> &'static str,
) -> Option<T> {
    let value = value?;
    let found = all.iter().copied().find(|&choice| token(choice) == value);
    if found.is_none() {
        problems.push(not_one_of(attribute, &value, all.iter().map(|&c| token(c))));
    }
    found
}

/// A whole number from `low` to `high`; anything else is reported under the attribute's name.
fn number(
    problems: &mut Vec<SettingProblem>,
    attribute: &'static str,
    value: Option<String>,
    low: u8,
    high: u8,
) -> Option<u8> {
    let value = value?;
    match value.parse::<u8>() {
        Ok(n) if (low..=high).contains(&n) => Some(n),
        _ => {
            problems.push(SettingProblem {
                attribute,
                kind: SettingProblemKind::NotInRange { value, low, high },
            });
            None
        }
    }
}

/// Comma- or space-separated tokens.
fn tokens(list: &str) -> impl Iterator<Item = &str> {
    list.split([',', ' ', '\n', '\t'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
}
