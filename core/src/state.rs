//! UI state: one struct, changed only by `Action`s through the pure `reduce`.

use crate::model::{Category, Dataset, Metric};
use crate::words::Words;
use std::rc::Rc;

/// How the option rows are ordered in every panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// The order of the data file (the evidence sheet's order).
    DataOrder,
    Name,
    /// Highest headline rate first; options without a rate last.
    Headline(Metric),
}

impl SortKey {
    pub const ALL: [SortKey; 4] = [
        SortKey::DataOrder,
        SortKey::Headline(Metric::Response),
        SortKey::Headline(Metric::Remission),
        SortKey::Name,
    ];

    /// Stable token for form controls and URLs.
    pub fn token(self) -> &'static str {
        match self {
            SortKey::DataOrder => "default",
            SortKey::Name => "name",
            SortKey::Headline(Metric::Response) => "response",
            SortKey::Headline(Metric::Remission) => "remission",
            SortKey::Headline(_) => "default",
        }
    }

    pub fn from_token(token: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.token() == token)
    }

    pub fn label(self, w: Words) -> &'static str {
        let t = w.t();
        match self {
            SortKey::Name => t.sort_name,
            SortKey::Headline(Metric::Response) => t.sort_response,
            SortKey::Headline(Metric::Remission) => t.sort_remission,
            SortKey::DataOrder | SortKey::Headline(_) => t.sort_default,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ViewState {
    /// Ids of the options the reader chose to compare (shown in data order).
    pub selected: Rc<[String]>,
    pub sort: SortKey,
    /// Show only options of this category.
    pub category: Option<Category>,
    /// Show only options at or below this invasiveness level (1–4).
    pub max_invasiveness: Option<u8>,
    pub view: View,
    /// The charted figure whose provenance is open: (option id, panel).
    pub open_figure: Option<(String, Panel)>,
    /// The option whose full detail panel is open.
    pub open_option: Option<String>,
    /// The outcome the icon arrays show.
    pub icon_metric: Metric,
    /// Icon arrays show "out of" this many people: 10, 100 or 1000.
    pub denominator: u32,
    /// Presenter mode: `Some(n)` shows the first `n` options (revealed one at a time).
    pub presenting: Option<usize>,
    /// How many options the lists show at most, in the chosen order ("Show more" adds
    /// `LIST_PAGE`): a data file of hundreds of options stays quick to open and to sort.
    pub listed: usize,
    /// One outcome only (a slide of "much better" figures), or both.
    pub only: Option<Metric>,
    /// Under each headline, every study's rate of that outcome (off at first: the cards stay
    /// short on a phone; one tap shows them).
    pub every_study: bool,
}

/// Options the lists show at first, and each "Show more" adds.
pub const LIST_PAGE: usize = 50;

/// Options presenter mode shows at once: a page of them fits a 16:9 projector in large type
/// so the next option starts a new page.
pub const PRESENT_PAGE: usize = 4;

/// A chart panel whose figures open a provenance box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Metric(Metric),
    Cost,
}

/// One panel of the chart view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PanelChoice {
    Chart(Panel),
    /// Hours in clinic and invasiveness.
    Burden,
}

/// Everything that shows, in panel order, when the host chooses no panels.
pub const ALL_PANELS: [PanelChoice; 4] = [
    PanelChoice::Chart(Panel::Metric(Metric::Response)),
    PanelChoice::Chart(Panel::Metric(Metric::Remission)),
    PanelChoice::Burden,
    PanelChoice::Chart(Panel::Cost),
];

impl PanelChoice {
    /// Stable token for attributes and URLs.
    pub fn token(self) -> &'static str {
        match self {
            PanelChoice::Chart(Panel::Metric(Metric::Remission)) => "remission",
            PanelChoice::Chart(Panel::Metric(_)) => "response",
            PanelChoice::Burden => "burden",
            PanelChoice::Chart(Panel::Cost) => "cost",
        }
    }
}

/// The "out of" a reader can choose for icon arrays.
pub const DENOMINATORS: [u32; 3] = [10, 100, 1000];

/// How the comparison is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    Chart,
    Icons,
    Table,
}

impl View {
    pub const ALL: [View; 3] = [View::Chart, View::Icons, View::Table];

    /// Stable token for attributes and URLs.
    pub fn token(self) -> &'static str {
        match self {
            View::Chart => "chart",
            View::Icons => "icons",
            View::Table => "table",
        }
    }

    pub fn label(self, w: Words) -> &'static str {
        let t = w.t();
        match self {
            View::Chart => t.view_chart,
            View::Icons => t.view_icons,
            View::Table => t.view_table,
        }
    }
}

/// What decides which options show and in what order: the only part of the state the
/// comparison (and so every chart) is derived from. Opening a panel, switching the view or the
/// icon denominator leaves it unchanged, so the charts are not redrawn for those.
#[derive(Clone, Debug, PartialEq)]
pub struct Selection {
    pub selected: Rc<[String]>,
    pub sort: SortKey,
    pub category: Option<Category>,
    pub max_invasiveness: Option<u8>,
}

impl Selection {
    /// Whether an option is chosen and passes the category and invasiveness filters.
    pub fn shows(&self, id: &str, category: Category, invasiveness: u8) -> bool {
        self.selected.iter().any(|s| s == id)
            && self.category.is_none_or(|c| c == category)
            && self.max_invasiveness.is_none_or(|max| invasiveness <= max)
    }
}

/// A comparison needs at least two options.
pub const MIN_SELECTED: usize = 2;

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SortBy(SortKey),
    /// Add or remove one option; removing is refused below `MIN_SELECTED`.
    Toggle(String),
    /// Replace the selection (e.g. "all options"); refused below `MIN_SELECTED`.
    Select(Rc<[String]>),
    FilterCategory(Option<Category>),
    FilterInvasiveness(Option<u8>),
    Show(View),
    /// Open a figure's provenance; opening the open one closes it.
    OpenFigure(String, Panel),
    CloseFigure,
    /// Open an option's detail panel; opening the open one closes it.
    ToggleOption(String),
    ShowIconsFor(Metric),
    /// One of `DENOMINATORS`; anything else is ignored.
    OutOf(u32),
    /// Enter presenter mode with the first option shown, or leave it.
    Present(bool),
    /// In presenter mode, reveal the next option (+1) or hide the last one (-1); at most
    /// `shown` options, at least one.
    Step {
        by: i8,
        shown: usize,
    },
    /// In presenter mode, go to the first option (Home) or reveal them all (End).
    StepToEnd {
        last: bool,
        shown: usize,
    },
    /// List `LIST_PAGE` more options.
    ShowMore,
    /// Show one outcome only, or both (`None`).
    ShowOnly(Option<Metric>),
    /// Show every study's rate under each headline, or the headlines alone.
    ShowEveryStudy(bool),
}

impl ViewState {
    /// Every option in the dataset, in data order, as a chart.
    pub fn initial(data: &Dataset) -> Self {
        ViewState {
            selected: data.options.iter().map(|o| o.id.clone()).collect(),
            sort: SortKey::DataOrder,
            category: None,
            max_invasiveness: None,
            view: View::Chart,
            open_figure: None,
            open_option: None,
            icon_metric: Metric::Response,
            denominator: 100,
            presenting: None,
            listed: LIST_PAGE,
            only: None,
            every_study: false,
        }
    }

    /// Which of `total` options the lists show: in presenter mode the page of the last
    /// revealed option (pages of `PRESENT_PAGE`), else the first `listed`.
    pub fn listing(&self, total: usize) -> std::ops::Range<usize> {
        match self.presenting {
            Some(n) => {
                let n = n.clamp(1, total.max(1)).min(total);
                let first = n.saturating_sub(1) / PRESENT_PAGE * PRESENT_PAGE;
                first..n
            }
            None => 0..self.listed.min(total),
        }
    }

    pub fn is_selected(&self, id: &str) -> bool {
        self.selected.iter().any(|s| s == id)
    }

    /// Whether the reader may remove this option now (a comparison keeps at least two).
    pub fn can_deselect(&self, id: &str) -> bool {
        !self.is_selected(id) || self.selected.len() > MIN_SELECTED
    }

    pub fn reduce(&self, action: Action) -> Self {
        let mut next = self.clone();
        match action {
            Action::SortBy(sort) => next.sort = sort,
            Action::Toggle(id) if self.is_selected(&id) => {
                if self.can_deselect(&id) {
                    next.selected = self
                        .selected
                        .iter()
                        .filter(|s| **s != id)
                        .cloned()
                        .collect();
                }
            }
            Action::Toggle(id) => {
                next.selected = self.selected.iter().cloned().chain([id]).collect();
            }
            Action::Select(ids) if ids.len() >= MIN_SELECTED => next.selected = ids,
            Action::Select(_) => {}
            Action::FilterCategory(category) => next.category = category,
            Action::FilterInvasiveness(level) => next.max_invasiveness = level,
            Action::Show(view) => next.view = view,
            Action::OpenFigure(id, panel) => {
                let figure = Some((id, panel));
                next.open_figure = if self.open_figure == figure {
                    None
                } else {
                    figure
                };
            }
            Action::CloseFigure => next.open_figure = None,
            Action::ShowIconsFor(metric) => next.icon_metric = metric,
            Action::OutOf(n) if DENOMINATORS.contains(&n) => next.denominator = n,
            Action::OutOf(_) => {}
            Action::Present(on) => next.presenting = on.then_some(1),
            Action::ShowMore => next.listed = self.listed.saturating_add(LIST_PAGE),
            Action::ShowOnly(metric) => next.only = metric,
            Action::ShowEveryStudy(on) => next.every_study = on,
            Action::Step { by, shown } => {
                if let Some(n) = self.presenting {
                    let n = n.min(shown.max(1));
                    next.presenting = Some(if by > 0 {
                        (n + 1).min(shown.max(1))
                    } else {
                        n.saturating_sub(1).max(1)
                    });
                }
            }
            Action::StepToEnd { last, shown } => {
                if self.presenting.is_some() {
                    next.presenting = Some(if last { shown.max(1) } else { 1 });
                }
            }
            Action::ToggleOption(id) => {
                next.open_option = if self.open_option.as_deref() == Some(id.as_str()) {
                    None
                } else {
                    Some(id)
                };
            }
        }
        next
    }

    pub fn selection(&self) -> Selection {
        Selection {
            selected: Rc::clone(&self.selected),
            sort: self.sort,
            category: self.category,
            max_invasiveness: self.max_invasiveness,
        }
    }
}
