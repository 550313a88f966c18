//! What a host page asks for through attributes (`<trd-evidence options="rtms,ect" …>`) or the
//! iframe page's query string: read into one typed `EmbedConfig`, with every value the widget
//! cannot use reported by attribute name. Pure, so it is tested natively.

use crate::model::{Category, Dataset, Metric};
use crate::state::{Panel, SortKey, View, ViewState};

/// The attributes a host may set, in the order the README documents them. A permalink's query
/// uses the same names (plus `v` and `reviewed`, the dataset version it was made with).
pub const ATTRIBUTES: [&str; 16] = [
    "src",
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
    "permalink",
    "present",
    "v",
    "reviewed",
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
    /// Show only options of this kind.
    pub category: Option<Category>,
    /// Show only options at or below this invasiveness level.
    pub max_invasiveness: Option<u8>,
    /// The outcome and denominator of the icon view.
    pub icon_metric: Metric,
    pub denominator: u32,
    /// Keep the page's address in step with the view, so it can be shared (standalone page).
    pub permalink: bool,
    /// Start in presenter mode (large type, options revealed one at a time).
    pub present: bool,
    /// The dataset version and review date a shared link was made with.
    pub link_version: Option<(String, String)>,
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
            category: None,
            max_invasiveness: None,
            icon_metric: Metric::Response,
            denominator: 100,
            permalink: false,
            present: false,
            link_version: None,
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
        let problems = &mut config.problems;
        if let Some(sort) = pick(problems, "sort", set("sort"), &SortKey::ALL, SortKey::token) {
            config.sort = sort;
        }
        if let Some(view) = pick(problems, "view", set("view"), &View::ALL, View::token) {
            config.view = view;
        }
        if let Some(theme) = pick(problems, "theme", set("theme"), &Theme::ALL, Theme::token) {
            config.theme = theme;
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
        config.category = pick(
            &mut config.problems,
            "kind",
            set("kind"),
            &Category::ALL,
            Category::token,
        );
        if let Some(level) = set("invasive") {
            match level.parse::<u8>() {
                Ok(n @ 1..=4) => config.max_invasiveness = Some(n),
                _ => config
                    .problems
                    .push(format!("invasive: \"{level}\" is not a level from 1 to 4")),
            }
        }
        if let Some(token) = set("icon-metric") {
            match [Metric::Response, Metric::Remission]
                .into_iter()
                .find(|m| m.label().eq_ignore_ascii_case(&token))
            {
                Some(metric) => config.icon_metric = metric,
                None => config.problems.push(format!(
                    "icon-metric: \"{token}\" is not one of response, remission"
                )),
            }
        }
        if let Some(n) = set("denominator") {
            match n.parse::<u32>() {
                Ok(n) if crate::icon_array::DENOMINATORS.contains(&n) => config.denominator = n,
                _ => config
                    .problems
                    .push(format!("denominator: \"{n}\" is not one of 10, 100, 1000")),
            }
        }
        config.permalink = get("permalink").is_some();
        config.present = get("present").is_some();
        if let (Some(version), Some(reviewed)) = (set("v"), set("reviewed")) {
            config.link_version = Some((version, reviewed));
        }
        config
    }

    /// The reader's starting view: what the host or the link asked for, in this dataset.
    /// The second value lists what could not be used (unknown option ids).
    pub fn initial_state(&self, data: &Dataset) -> (ViewState, Vec<String>) {
        let (options, problems) = self.options_in(data);
        let mut state = ViewState::initial(data);
        if let Some(ids) = options {
            // Kept in the order given, so a link restores the state exactly; the view shows
            // chosen options in data order either way.
            state.selected = ids.into_iter().collect();
        }
        state.sort = self.sort;
        state.view = self.view;
        state.category = self.category;
        state.max_invasiveness = self.max_invasiveness;
        state.icon_metric = self.icon_metric;
        state.denominator = self.denominator;
        state.presenting = self.present.then_some(1);
        (state, problems)
    }

    /// What `initial_state` is made from: when it changes, the reader's view starts afresh;
    /// other changes (theme, panels, title) keep what the reader has chosen.
    pub fn start_key(&self) -> String {
        format!(
            "{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{}|{}",
            self.options,
            self.sort,
            self.view,
            self.category,
            self.max_invasiveness,
            self.icon_metric,
            self.denominator,
            self.present
        )
    }

    /// The widget's heading: the host's title, or the dataset's.
    pub fn title_for(&self, data: &Dataset) -> String {
        self.title
            .clone()
            .unwrap_or_else(|| data.dataset.title.clone())
    }

    /// A note for the reader when a shared link was made with another version of the data.
    pub fn version_note(&self, data: &Dataset) -> Option<String> {
        let (version, reviewed) = self.link_version.as_ref()?;
        let info = &data.dataset;
        (version != &info.version).then(|| {
            format!(
                "This link was made with version {version} of the evidence (reviewed {reviewed}); \
                 you are seeing version {} (reviewed {}), so some figures may differ.",
                info.version, info.last_reviewed
            )
        })
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

/// The view as a query string (`?options=rtms,ect&sort=remission…`) that `from_attributes`
/// reads back: only what differs from the defaults, plus the dataset's version and review date
/// so a shared view can be cited.
pub fn view_query(state: &ViewState, panels: &[PanelChoice], data: &Dataset) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if state.selected.len() != data.options.len() {
        pairs.push(("options", state.selected.join(",")));
    }
    if panels != ALL_PANELS {
        let tokens: Vec<&str> = panels.iter().map(|p| p.token()).collect();
        pairs.push(("metrics", tokens.join(",")));
    }
    if state.sort != SortKey::DataOrder {
        pairs.push(("sort", state.sort.token().to_string()));
    }
    if state.view != View::Chart {
        pairs.push(("view", state.view.token().to_string()));
    }
    if let Some(category) = state.category {
        pairs.push(("kind", category.token().to_string()));
    }
    if let Some(level) = state.max_invasiveness {
        pairs.push(("invasive", level.to_string()));
    }
    if state.icon_metric != Metric::Response {
        pairs.push(("icon-metric", state.icon_metric.label().to_lowercase()));
    }
    if state.denominator != 100 {
        pairs.push(("denominator", state.denominator.to_string()));
    }
    pairs.push(("v", data.dataset.version.clone()));
    pairs.push(("reviewed", data.dataset.last_reviewed.clone()));
    let encoded: Vec<String> = pairs
        .into_iter()
        .map(|(k, v)| format!("{k}={}", query_escape(&v)))
        .collect();
    format!("?{}", encoded.join("&"))
}

/// Percent-encodes what a query value must not contain; ids, tokens and dates pass unchanged.
fn query_escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b',' | b'~' => {
                out.push(byte as char)
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// Reads a query string (`?a=1&b=x%2Cy`) into name/value pairs, decoding %XX and '+'.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (query_unescape(k), query_unescape(v))
        })
        .collect()
}

fn query_unescape(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = |b: u8| (b as char).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(high), Some(low)) => {
                        out.push((high * 16 + low) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The choice whose token is `value`; an unknown token is reported under the attribute's name.
fn pick<T: Copy>(
    problems: &mut Vec<String>,
    attribute: &str,
    value: Option<String>,
    all: &[T],
    token: fn(T) -> &'static str,
) -> Option<T> {
    let value = value?;
    let found = all.iter().copied().find(|&choice| token(choice) == value);
    if found.is_none() {
        let known: Vec<&str> = all.iter().map(|&c| token(c)).collect();
        problems.push(format!(
            "{attribute}: \"{value}\" is not one of {}",
            known.join(", ")
        ));
    }
    found
}

/// Comma- or space-separated tokens.
fn tokens(list: &str) -> impl Iterator<Item = &str> {
    list.split([',', ' ', '\n', '\t'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
}
