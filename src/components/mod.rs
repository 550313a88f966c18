//! Yew components, one per file. They only wire state to views; all logic is in the core.

mod answer_list;
mod app;
mod burden_panel;
mod chart_image;
mod chart_panel;
mod citation_list;
mod comparison;
mod controls;
mod error_box;
mod folded;
mod footer;
mod handout;
mod heading;
mod how_to_read;
mod icon_view;
mod option_detail;
mod provenance;
mod select_field;
mod share;
mod table_view;

pub use answer_list::{outcome_words, AnswerList, AnswerListProps};
pub use app::{App, AppProps};
pub use burden_panel::{BurdenPanel, BurdenPanelProps};
pub use chart_image::ChartImage;
pub use chart_panel::{ChartPanel, ChartPanelProps};
pub use citation_list::{CitationList, CitationListProps};
pub use comparison::{ComparisonView, ComparisonViewProps};
pub use controls::{customise_label, Controls, ControlsProps};
pub use error_box::error_box;
pub use folded::Folded;
pub use footer::footer;
pub use handout::Handout;
pub use heading::heading;
pub use how_to_read::HowToRead;
pub use icon_view::{IconView, IconViewProps};
pub use option_detail::{OptionDetail, OptionDetailProps};
pub use provenance::{citation_links, cost_view, figure_view, kind_meaning};
pub use share::Share;
pub use table_view::{TableView, TableViewProps};

use std::rc::Rc;
use trd_core::model::Dataset;
use trd_core::view_model::Comparison;

/// The option id of each row, in row order.
pub fn row_ids(comparison: &Comparison) -> Rc<[String]> {
    comparison.rows.iter().map(|r| r.id.clone()).collect()
}

/// The parsed dataset, shared by every component. Equality is identity: the data is
/// parsed once and never changed, so props compare in O(1) instead of walking the data.
#[derive(Clone, Debug)]
pub struct SharedDataset(pub Rc<Dataset>);

impl PartialEq for SharedDataset {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SharedDataset {
    type Target = Dataset;
    fn deref(&self) -> &Dataset {
        &self.0
    }
}
