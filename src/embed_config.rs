//! What a host page asks for through attributes (`<trd-evidence options="rtms,ect" …>`) or the
//! iframe page's query string: read into one typed `EmbedConfig`, with every value the widget
//! cannot use reported by attribute name. Pure, so it is tested natively.

use crate::model::{Dataset, Metric};
use crate::state::{Panel, SortKey, View};

/// The attributes a host may set, in the order the README documents them.
pub const ATTRIBUTES: [&str; 8] = [
    "src",
    "options",
    "metrics",
    "sort",
    "view",
    "theme",
    "heading-level",
    "title",
];

/// The data file a widget reads when the host names none, next to the script.
pub const DEFAULT_SRC: &str = "trd-evidence.json";

/// Everything that shows, in panel order, when `metrics` is not set.
pub const ALL_PANELS: [PanelChoice; 4] = [
    PanelChoice::Chart(Panel::Metric(Metric::Response)),
    PanelChoice::Chart(Panel::Metric(Metric::Remission)),
    PanelChoice::Burden,
    PanelChoice::Chart(Panel::Cost),
];

/// One panel of the chart view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PanelChoice {
    Chart(Panel),
    /// Hours in clinic and invasiveness.
    Burden,
}

impl PanelChoice {
    pub fn token(self) -> &'static str {
        match self {
            PanelChoice::Chart(Panel::Metric(Metric::Response)) => "response",
            PanelChoice::Chart(Panel::Metric(Metric::Remission)) => "remission",
            PanelChoice::Chart(Panel::Metric(_)) => "response",
            PanelChoice::Burden => "burden",
            PanelChoice::Chart(Panel::Cost) => "cost",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follows the reader's system setting (prefers-color-scheme).
    #[default]
    Auto,
    Light,
    Dark,
    /// Black and white with strong marks, for projectors and low vision.
    HighContrast,
}

impl Theme {
    pub const ALL: [Theme; 4] = [Theme::Auto, Theme::Light, Theme::Dark, Theme::HighContrast];

    pub fn token(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::HighContrast => "high-contrast",
        }
    }
}

/// What the host asked for. `None` means "the widget's default".
#[derive(Clone, Debug, PartialEq)]
pub struct EmbedConfig {
    pub src: String,
    /// Option ids to compare, in the host's order of mention (shown in data order).
    pub options: Option<Vec<String>>,
    pub panels: Vec<PanelChoice>,
    pub sort: SortKey,
    pub view: View,
    pub theme: Theme,
    pub heading_level: u8,
    /// Replaces the dataset's title as the widget's heading.
    pub title: Option<String>,
    /// Values that could not be used, as "attribute: reason" lines.
    pub problems: Vec<String>,
}

impl Default for EmbedConfig {
    fn default() -> Self {
        EmbedConfig {
            src: DEFAULT_SRC.to_string(),
            options: None,
            panels: ALL_PANELS.to_vec(),
            sort: SortKey::DataOrder,
            view: View::Chart,
            theme: Theme::Auto,
            heading_level: 2,
            title: None,
            problems: Vec::new(),
        }
    }
}

impl EmbedConfig {
    /// Reads the attributes through `get` (which returns an attribute's value, if set);
    /// `default_src` is the data file to read when `src` is not set.
    /// Unusable values keep the default and are listed in `problems`.
    pub fn from_attributes(default_src: &str, get: impl Fn(&str) -> Option<String>) -> EmbedConfig {
        let mut config = EmbedConfig {
            src: default_src.to_string(),
            ..EmbedConfig::default()
        };
        let set = |name: &str| get(name).map(|v| v.trim().to_string());
        if let Some(src) = set("src").filter(|s| !s.is_empty()) {
            config.src = src;
        }
        if let Some(list) = set("options").filter(|s| !s.is_empty()) {
            config.options = Some(tokens(&list).map(str::to_string).collect());
        }
        if let Some(list) = set("metrics").filter(|s| !s.is_empty()) {
            let mut panels = Vec::new();
            for token in tokens(&list) {
                match ALL_PANELS.iter().find(|p| p.token() == token) {
                    Some(p) if !panels.contains(p) => panels.push(*p),
                    Some(_) => {}
                    None => config.problems.push(format!(
                        "metrics: \"{token}\" is not one of {}",
                        ALL_PANELS.map(PanelChoice::token).join(", ")
                    )),
                }
            }
            if !panels.is_empty() {
                config.panels = panels;
            }
        }
        if let Some(token) = set("sort") {
            match SortKey::from_token(&token) {
                Some(sort) => config.sort = sort,
                None => config.problems.push(format!(
                    "sort: \"{token}\" is not one of {}",
                    SortKey::ALL.map(SortKey::token).join(", ")
                )),
            }
        }
        if let Some(token) = set("view") {
            match View::ALL.into_iter().find(|v| v.token() == token) {
                Some(view) => config.view = view,
                None => config.problems.push(format!(
                    "view: \"{token}\" is not one of {}",
                    View::ALL.map(View::token).join(", ")
                )),
            }
        }
        if let Some(token) = set("theme") {
            match Theme::ALL.into_iter().find(|t| t.token() == token) {
                Some(theme) => config.theme = theme,
                None => config.problems.push(format!(
                    "theme: \"{token}\" is not one of {}",
                    Theme::ALL.map(Theme::token).join(", ")
                )),
            }
        }
        if let Some(level) = set("heading-level") {
            match level.parse::<u8>() {
                Ok(n @ 1..=6) => config.heading_level = n,
                _ => config.problems.push(format!(
                    "heading-level: \"{level}\" is not a number from 1 to 6"
                )),
            }
        }
        if let Some(title) = set("title").filter(|t| !t.is_empty()) {
            config.title = Some(title.chars().take(200).collect());
        }
        config
    }

    /// The chosen options that exist in the data, and a problem line for each that does not.
    pub fn options_in(&self, data: &Dataset) -> (Option<Vec<String>>, Vec<String>) {
        let Some(wanted) = &self.options else {
            return (None, Vec::new());
        };
        let mut problems = Vec::new();
        let mut known = Vec::new();
        for id in wanted {
            if data.options.iter().any(|o| &o.id == id) {
                if !known.contains(id) {
                    known.push(id.clone());
                }
            } else {
                let ids: Vec<&str> = data.options.iter().map(|o| o.id.as_str()).collect();
                problems.push(format!(
                    "options: no option has the id \"{id}\" (the data has {})",
                    ids.join(", ")
                ));
            }
        }
        if known.len() < crate::state::MIN_SELECTED {
            problems.push(format!(
                "options: a comparison needs at least {} known options, so all are shown",
                crate::state::MIN_SELECTED
            ));
            return (None, problems);
        }
        (Some(known), problems)
    }
}

/// Comma- or space-separated tokens.
fn tokens(list: &str) -> impl Iterator<Item = &str> {
    list.split([',', ' ', '\n', '\t'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
}
