//! What the host page and the address ask for, in one typed `Settings`: read from attributes
//! (`attributes`), kept in a link (`permalink`), and turned into the reader's starting view.
//! Pure, so it is tested natively.

mod attributes;
mod permalink;

pub use attributes::{settable_from_address, SettingProblem, SettingProblemKind, ATTRIBUTES};
pub use permalink::{parse_query, view_query};

use crate::model::{Category, Dataset, Metric};
use crate::state::{PanelChoice, SortKey, View, ViewState, ALL_PANELS, MIN_SELECTED};
use crate::words::{Lang, Words};

/// The data file a widget reads when the host names none, next to the script.
pub const DEFAULT_SRC: &str = "trd-evidence.json";

/// The file of a language's sentences, for a language the web bundle does not carry (see
/// `words::install_catalogue`): "words.es=…" in the loader's list, else next to the English
/// data file (`trd-evidence.words.es.json`). `None` for English.
pub fn words_src_for(defaults: &str, lang: Lang) -> Option<String> {
    if lang == Lang::En {
        return None;
    }
    let key = format!("words.{}=", lang.tag());
    if let Some(entry) = defaults.split_whitespace().find(|e| e.starts_with(&key)) {
        return Some(entry[key.len()..].to_string());
    }
    let english = default_src_for(defaults, Lang::En);
    let folder = english.rfind('/').map_or("", |i| &english[..=i]);
    Some(format!("{folder}trd-evidence.words.{}.json", lang.tag()))
}

/// The bundled data file for a language. `defaults` is what the loader passes: the files by
/// language ("en=…/trd-evidence.json es=…/trd-evidence.es.json"; the offline copy's are
/// `data:` addresses), or a single English file, next to which a translation is named
/// `trd-evidence.es.json`. English where there is no file for the language.
pub fn default_src_for(defaults: &str, lang: Lang) -> String {
    let entries: Vec<&str> = defaults.split_whitespace().collect();
    fn tagged(entry: &str) -> Option<(Lang, &str)> {
        let (tag, url) = entry.split_once('=')?;
        Some((Lang::from_tag(tag).filter(|_| tag.len() <= 3)?, url))
    }
    // The loader's list: the file for this language, else English's.
    if entries.iter().any(|e| tagged(e).is_some()) {
        let find = |wanted: Lang| {
            entries
                .iter()
                .filter_map(|e| tagged(e))
                .find(|(l, _)| *l == wanted)
                .map(|(_, url)| url.to_string())
        };
        return find(lang)
            .or_else(|| find(Lang::En))
            .unwrap_or_else(|| DEFAULT_SRC.to_string());
    }
    // One English file: its translation sits beside it, named by the language.
    let english = entries.first().copied().unwrap_or(DEFAULT_SRC);
    match english.strip_suffix(".json") {
        Some(stem) if lang != Lang::En => format!("{stem}.{}.json", lang.tag()),
        _ => english.to_string(),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
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

/// Where the widget shows the crisis line: near the top and at the end (the default), or only
/// at the end, for pages that show their own near the top.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum CrisisLine {
    #[default]
    Top,
    End,
}

impl CrisisLine {
    pub fn token(self) -> &'static str {
        match self {
            CrisisLine::Top => "top",
            CrisisLine::End => "end",
        }
    }
}

/// How much of the widget shows: everything (the default), or, for a slide or a narrow column,
/// only the chosen options and figures with the note and one link to the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Layout {
    #[default]
    Full,
    Compact,
}

impl Layout {
    pub fn token(self) -> &'static str {
        match self {
            Layout::Full => "full",
            Layout::Compact => "compact",
        }
    }
}

/// The token of an icon-view outcome, in attributes and links.
pub fn metric_token(metric: Metric) -> &'static str {
    match metric {
        Metric::Remission => "remission",
        _ => "response",
    }
}

/// What the host asked for. `None` means "the widget's default".
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub src: String,
    /// The language the widget speaks (and the bundled data file it reads).
    pub lang: Lang,
    /// Where that language's sentences are, when the web bundle does not carry them.
    pub words_src: Option<String>,
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
    /// Start with a mark for every rate on the cards' bars ("Every study").
    pub every_study: bool,
    /// Keep the page's address in step with the view, so it can be shared (standalone page).
    pub permalink: bool,
    /// Start in presenter mode (large type, options revealed one at a time).
    pub present: bool,
    pub crisis_line: CrisisLine,
    pub layout: Layout,
    /// The dataset version and review date a shared link was made with.
    pub link_version: Option<(String, String)>,
    /// Values that could not be used.
    pub problems: Vec<SettingProblem>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            src: DEFAULT_SRC.to_string(),
            lang: Lang::En,
            words_src: None,
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
            every_study: false,
            permalink: false,
            present: false,
            crisis_line: CrisisLine::Top,
            layout: Layout::Full,
            link_version: None,
            problems: Vec::new(),
        }
    }
}

/// What the reader's starting view is made from: when it changes, the view starts afresh;
/// other settings (theme, panels, title) keep what the reader has chosen.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StartKey {
    options: Option<Vec<String>>,
    sort: SortKey,
    view: View,
    category: Option<Category>,
    max_invasiveness: Option<u8>,
    icon_metric: Metric,
    denominator: u32,
    every_study: bool,
    present: bool,
}

impl StartKey {
    /// A number standing for this key, for Yew's `key` (equal keys give equal numbers).
    pub fn fingerprint(&self) -> u64 {
        use std::hash::Hash;
        let mut hasher = Fnv(0xcbf2_9ce4_8422_2325);
        self.hash(&mut hasher);
        hasher.0
    }
}

/// FNV-1a: enough to tell settings apart, and far smaller in the wasm than the standard
/// library's SipHash.
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Settings {
    /// The reader's starting view: what the host or the link asked for, in this dataset.
    /// The second value lists what could not be used (unknown option ids).
    pub fn initial_state(&self, data: &Dataset) -> (ViewState, Vec<SettingProblem>) {
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
        state.every_study = self.every_study;
        state.presenting = self.present.then_some(1);
        (state, problems)
    }

    pub fn start_key(&self) -> StartKey {
        StartKey {
            options: self.options.clone(),
            sort: self.sort,
            view: self.view,
            category: self.category,
            max_invasiveness: self.max_invasiveness,
            icon_metric: self.icon_metric,
            denominator: self.denominator,
            every_study: self.every_study,
            present: self.present,
        }
    }

    /// The widget's heading: the host's title, or the dataset's.
    pub fn title_for(&self, data: &Dataset) -> String {
        self.title
            .clone()
            .unwrap_or_else(|| data.dataset.title.clone())
    }

    /// A note for the reader when a shared link was made with another version of the data.
    pub fn version_note(&self, data: &Dataset, w: Words) -> Option<String> {
        let (version, reviewed) = self.link_version.as_ref()?;
        let info = &data.dataset;
        (version != &info.version).then(|| {
            w.fill(
                w.t().version_note,
                &[
                    ("link_version", version),
                    ("link_reviewed", &w.date(reviewed)),
                    ("version", &info.version),
                    ("reviewed", &w.date(&info.last_reviewed)),
                ],
            )
        })
    }

    /// On the iframe page, whose address anyone can write, a data file from another site would
    /// show that site's figures and crisis line under this site's name. So `src` must be on
    /// the page's own origin (`page_origin`) or one the deployer listed in `allowed` (the
    /// page's `trd-evidence-data-origins` meta tag); else the bundled data is shown and the
    /// refusal is listed with the other settings problems.
    pub fn keep_src_within(&mut self, default_src: &str, page_origin: &str, allowed: &[String]) {
        let refused = foreign_origin(&self.src, page_origin).filter(|origin| {
            !allowed
                .iter()
                .any(|a| a.trim_end_matches('/').eq_ignore_ascii_case(origin))
        });
        match refused {
            // What is fetched is the address as it was checked.
            None => self.src = as_browser_reads(&self.src),
            Some(origin) => {
                self.src = default_src_for(default_src, self.lang);
                self.problems.push(SettingProblem {
                    attribute: "src",
                    kind: SettingProblemKind::SrcNotAllowed { origin },
                });
            }
        }
    }

    /// The chosen options that exist in the data, and a problem for each that does not.
    pub fn options_in(&self, data: &Dataset) -> (Option<Vec<String>>, Vec<SettingProblem>) {
        let Some(wanted) = &self.options else {
            return (None, Vec::new());
        };
        let mut problems = Vec::new();
        let mut known = Vec::new();
        let mut unknown = 0;
        // The ids a reader can choose from, named in each message: the first few suffice.
        let choices: Vec<String> = data.options.iter().take(30).map(|o| o.id.clone()).collect();
        for id in wanted {
            if data.options.iter().any(|o| &o.id == id) {
                if !known.contains(id) {
                    known.push(id.clone());
                }
            } else {
                unknown += 1;
                if unknown <= crate::load::MAX_LISTED_PROBLEMS {
                    problems.push(SettingProblem {
                        attribute: "options",
                        kind: SettingProblemKind::UnknownOption {
                            id: id.clone(),
                            known: choices.clone(),
                        },
                    });
                }
            }
        }
        if unknown > crate::load::MAX_LISTED_PROBLEMS {
            problems.push(SettingProblem {
                attribute: "options",
                kind: SettingProblemKind::More {
                    count: unknown - crate::load::MAX_LISTED_PROBLEMS,
                },
            });
        }
        if known.len() < MIN_SELECTED {
            problems.push(SettingProblem {
                attribute: "options",
                kind: SettingProblemKind::TooFewOptions { min: MIN_SELECTED },
            });
            return (None, problems);
        }
        (Some(known), problems)
    }
}

/// The origin (`https://host:port`) of `url` when it is not `page_origin`; `None` for an
/// address on the page's own site (relative, or absolute with the same origin). Any scheme
/// other than http and https (`data:`, `blob:`, `javascript:`) counts as foreign: its
/// "origin" is the scheme. Read as a browser reads it (tabs and line breaks removed, controls
/// and spaces trimmed, "\" as "/"), and foreign whenever it cannot be read.
pub fn foreign_origin(url: &str, page_origin: &str) -> Option<String> {
    let lower = as_browser_reads(url).to_ascii_lowercase();
    let page_scheme = page_origin.split("://").next().unwrap_or("https");
    if let Some(rest) = lower.strip_prefix("//") {
        // Protocol-relative: the page's scheme, another host perhaps.
        return compare(&format!("{page_scheme}://{rest}"), page_origin);
    }
    let scheme_end = lower.find(':').filter(|&i| {
        lower[..i].starts_with(|c: char| c.is_ascii_alphabetic())
            && lower[..i]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    let Some(i) = scheme_end else {
        // No scheme: a path on the page's own site.
        return None;
    };
    let scheme = &lower[..i];
    if scheme != "http" && scheme != "https" || !lower[i + 1..].starts_with("//") {
        // Another scheme, or "https:evil.example" (read relative to the page only when the
        // schemes match): not worth the risk either way.
        return Some(format!("{scheme}:"));
    }
    compare(&lower, page_origin)
}

/// `url` as a browser's address parser sees it before parsing: without tabs and line breaks
/// anywhere, without control characters and spaces at either end, with "\" read as "/".
pub fn as_browser_reads(url: &str) -> String {
    url.chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .trim_matches(|c: char| c <= ' ')
        .replace('\\', "/")
}

fn compare(absolute: &str, page_origin: &str) -> Option<String> {
    let Some((scheme, after)) = absolute.split_once("://") else {
        return Some(absolute.to_string());
    };
    // The authority ends at the first "/", "?" or "#".
    let end = after.find(['/', '?', '#']).unwrap_or(after.len());
    let authority = &after[..end];
    // Credentials ("user@host") are not part of the origin.
    let host = authority.rsplit('@').next().unwrap_or(authority);
    if host.is_empty() {
        return Some(format!("{scheme}://"));
    }
    let origin = format!("{scheme}://{host}");
    let default_port = if scheme == "https" { ":443" } else { ":80" };
    let origin = origin
        .strip_suffix(default_port)
        .map_or(origin.clone(), str::to_string);
    (!origin.eq_ignore_ascii_case(page_origin.trim_end_matches('/'))).then_some(origin)
}
