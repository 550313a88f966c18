//! The sources behind every figure, and the link a reader follows.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub id: String,
    pub authors: String,
    /// Year as the source gives it ("2019", "n.d.", "c.2025").
    pub year: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journal: Option<String>,
    /// Volume, issue and pages as far as known, e.g. "388(25):2315–2325".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_pages: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pmid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Reliability grade where the evidence sheet gives one (A, B, B/C, C).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    /// Editorial note from the sheet, e.g. where the source was seen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Citation {
    /// The best link for a reader: DOI, then PubMed, then the URL.
    /// "Berlim MT et al. (published online 18 Mar 2013)": enough to recognise the source.
    pub fn short_label(&self) -> String {
        // "[author not seen]" says nothing to a reader; the publisher does.
        if self.authors.starts_with('[') || self.authors.is_empty() {
            let by = self.journal.as_deref().unwrap_or(&self.title);
            let by: String = by.chars().take(60).collect();
            return format!("{by} ({})", self.year);
        }
        let first = self
            .authors
            .split(',')
            .next()
            .unwrap_or(&self.authors)
            .trim();
        let more = if self.authors.contains(',') {
            " et al."
        } else {
            ""
        };
        format!("{first}{more} ({})", self.year)
    }

    pub fn link(&self) -> Option<String> {
        if let Some(doi) = &self.doi {
            return Some(format!("https://doi.org/{doi}"));
        }
        if let Some(pmid) = &self.pmid {
            return Some(format!("https://pubmed.ncbi.nlm.nih.gov/{pmid}/"));
        }
        self.url.clone()
    }
}
