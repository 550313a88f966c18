//! UI state: one struct, changed only by `Action`s through the pure `reduce`.

use crate::model::{Dataset, Metric};
use std::rc::Rc;

/// How the option rows are ordered in every panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

    pub fn label(self) -> &'static str {
        match self {
            SortKey::DataOrder => "Default order",
            SortKey::Name => "Name (A–Z)",
            SortKey::Headline(Metric::Response) => "Response rate (highest first)",
            SortKey::Headline(Metric::Remission) => "Remission rate (highest first)",
            SortKey::Headline(_) => "Default order",
        }
    }

    pub fn from_token(token: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.token() == token)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ViewState {
    /// Ids of the options shown, in data order.
    pub selected: Rc<[String]>,
    pub sort: SortKey,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SortBy(SortKey),
}

impl ViewState {
    /// Every option in the dataset, in data order.
    pub fn initial(data: &Dataset) -> Self {
        ViewState {
            selected: data.options.iter().map(|o| o.id.clone()).collect(),
            sort: SortKey::DataOrder,
        }
    }

    pub fn reduce(&self, action: Action) -> Self {
        match action {
            Action::SortBy(sort) => ViewState {
                selected: Rc::clone(&self.selected),
                sort,
            },
        }
    }
}

impl yew::Reducible for ViewState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(ViewState::reduce(&self, action))
    }
}
