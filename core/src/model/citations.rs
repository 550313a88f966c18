//! The sources behind every figure, and the link a reader follows.

use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
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
    /// "Berlim MT et al. (published online 18 Mar 2013)": enough to recognise the source.
    pub fn short_label(&self) -> String {
        let who = match self.authors_as_written() {
            Some(first) if self.authors.contains(',') && !first.ends_with("et al.") => {
                format!("{first} et al.")
            }
            Some(first) => first,
            None => self.publisher(60),
        };
        format!("{who} ({})", self.year)
    }

    /// "Berlim 2014": the source in a few words, for a line under a figure (the first author's
    /// surname; the publisher or the site where the authors were not seen).
    pub fn brief(&self) -> String {
        let who = match self.authors_as_written() {
            Some(first) => {
                let first = first.trim_end_matches("et al.").trim_end();
                // "Rush AJ" → "Rush", "Lan X-J" → "Lan": the surname before one or two
                // initials ("NeuroStim TMS" and "Consortium for Research in ECT" stay whole).
                match first.rsplit_once(' ') {
                    Some((name, initials))
                        if !name.contains(' ')
                            && initials.chars().filter(|c| *c != '-').count() <= 2
                            && initials.chars().all(|c| c.is_ascii_uppercase() || c == '-') =>
                    {
                        name.to_string()
                    }
                    _ => cut_at_word(first, 32),
                }
            }
            None => self.publisher(32),
        };
        format!("{who} {}", self.brief_year())
    }

    /// The first author or body as the data names it, without the editors' bracketed notes
    /// ("ESCAPE-TRD Investigators [first author not visible]" → "ESCAPE-TRD Investigators");
    /// `None` where no author was seen.
    fn authors_as_written(&self) -> Option<String> {
        let first = without_notes(&self.authors)
            .split([',', ';'])
            .map(str::trim)
            .find(|part| !part.is_empty())?
            .to_string();
        // "preprint authors not seen" is a note, not a name.
        (!first.contains(" not ")).then_some(first)
    }

    /// The journal or publisher, else the site the link leads to, cut to `max` characters.
    fn publisher(&self, max: usize) -> String {
        let journal = self.journal.as_deref().map(without_notes).and_then(|j| {
            let first = j.split(';').next()?.trim().to_string();
            // "journal not shown in the excerpt" is a note, not a journal.
            (!first.is_empty() && !first.contains(" not ")).then_some(first)
        });
        let site = || {
            let url = self.url.as_deref()?;
            let host = url.split("://").nth(1)?.split(['/', ':', '?']).next()?;
            Some(host.trim_start_matches("www.").to_string())
        };
        let by = journal
            .or_else(site)
            .unwrap_or_else(|| without_notes(&self.title));
        cut_at_word(&by, max)
    }

    /// "2019", "c.2025" or "n.d." as given; a longer date ("2024, published 18 Dec 2024") by
    /// its first year; "n.d." where the year was not seen.
    fn brief_year(&self) -> String {
        let year = self.year.trim();
        if year.starts_with("n.d.") {
            return "n.d.".to_string();
        }
        if year.chars().count() <= 8 && year.chars().any(|c| c.is_ascii_digit()) {
            return year.to_string();
        }
        year.split(|c: char| !c.is_ascii_digit())
            .find(|run| run.len() == 4)
            .unwrap_or("n.d.")
            .to_string()
    }

    /// The best link for a reader: DOI, then PubMed, then the URL.
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

/// The text without its bracketed editorial notes and list markers: "(a) [authors not seen];
/// (b) droracle.ai" → "; droracle.ai".
fn without_notes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    for marker in ["(a)", "(b)", "(c)"] {
        out = out.replace(marker, "");
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `max` characters, cut at a space with "…" where it is longer.
fn cut_at_word(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let head: String = text.chars().take(max).collect();
    let cut = head
        .rfind(' ')
        .filter(|&i| i > max / 2)
        .unwrap_or(head.len());
    format!("{}…", head[..cut].trim_end())
}
