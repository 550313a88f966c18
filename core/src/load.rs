//! Turning the text of a data file into a checked `Dataset`, with errors a page owner can act on.

use crate::json_path;
use crate::model::Dataset;
use crate::validate::{validate, Problem, ProblemKind, MAX_TEXT_CHARS};
use crate::words::Words;
use std::fmt;

/// Larger files are refused before parsing: the bundled dataset is far smaller,
/// and a phone should not be asked to parse a runaway file.
pub const MAX_FILE_BYTES: usize = 2_000_000;

/// Why a data file could not be shown. Each says its cause in the reader's language
/// (`LoadError::summary`, `details`); `Display` is the English, for the checker and logs.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The file could not be downloaded.
    Network(Download),
    /// The address answered with a web page, not JSON.
    NotJson,
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// Not JSON at all; `message` is the parser's.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON of the wrong shape at `path`; `message` is the parser's.
    Structure {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// Well-formed, but breaking the data rules: every problem, not only the first.
    Invalid(Vec<Problem>),
}

/// What went wrong while downloading, as the browser told it.
#[derive(Clone, Debug, PartialEq)]
pub enum Download {
    /// No answer at all (offline, refused, blocked). `other_origin`: the file is on another
    /// site, so the missing permission header is the likely cause.
    Refused {
        url: String,
        detail: String,
        other_origin: bool,
    },
    /// The server answered with an error status.
    Status {
        url: String,
        status: u16,
        text: String,
    },
    /// The answer could not be read to the end.
    Body { url: String, detail: String },
}

impl LoadError {
    /// One sentence on what went wrong, for the top of the error box.
    pub fn summary(&self, w: Words) -> String {
        let t = w.t();
        match self {
            LoadError::Invalid(problems) => w.fill(
                t.load_problem_count,
                &[("count", &problems.len().to_string())],
            ),
            LoadError::Network(_) => t.load_not_downloaded_summary.to_string(),
            _ => t.load_not_read_summary.to_string(),
        }
    }

    /// The cause in full: one line per problem of an invalid file, else one line.
    pub fn details(&self, w: Words) -> Vec<String> {
        match self {
            LoadError::Invalid(problems) => problems.iter().map(|p| p.line(w)).collect(),
            other => vec![other.explain(w)],
        }
    }

    /// The cause as one sentence in the reader's language.
    pub fn explain(&self, w: Words) -> String {
        let t = w.t();
        match self {
            LoadError::Network(download) => {
                w.fill(t.load_not_downloaded, &[("reason", &download.explain(w))])
            }
            LoadError::NotJson => t.load_not_json.to_string(),
            LoadError::TooLarge { bytes, limit } => w.fill(
                t.load_too_large,
                &[("bytes", &bytes.to_string()), ("limit", &limit.to_string())],
            ),
            LoadError::Syntax {
                line,
                column,
                message,
            } => w.fill(
                t.load_syntax,
                &[
                    ("line", &line.to_string()),
                    ("column", &column.to_string()),
                    ("message", message),
                ],
            ),
            LoadError::Structure {
                path,
                line,
                column,
                message,
            } => w.fill(
                t.load_structure,
                &[
                    ("path", path),
                    ("line", &line.to_string()),
                    ("column", &column.to_string()),
                    ("message", message),
                ],
            ),
            LoadError::Invalid(_) => self.summary(w),
        }
    }
}

impl Download {
    pub fn explain(&self, w: Words) -> String {
        let t = w.t();
        match self {
            Download::Refused {
                url,
                detail,
                other_origin,
            } => {
                let refused = w.fill(t.download_refused, &[("url", url), ("detail", detail)]);
                if *other_origin {
                    format!("{refused} {}", t.download_other_site)
                } else {
                    refused
                }
            }
            Download::Status { url, status, text } => w.fill(
                t.download_status,
                &[
                    ("url", url),
                    ("status", &status.to_string()),
                    ("text", text),
                ],
            ),
            Download::Body { url, detail } => {
                w.fill(t.download_body, &[("url", url), ("detail", detail)])
            }
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.explain(Words::default()))
    }
}

impl std::error::Error for LoadError {}

/// Parses and validates a data file. All semantic problems are collected, not only the first.
pub fn load_dataset(text: &str) -> Result<Dataset, LoadError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            bytes: text.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    if text.trim_start().starts_with('<') {
        // Typically a server's "not found" page or a login page answering with status 200.
        return Err(LoadError::NotJson);
    }
    if text.trim_start().starts_with('[') {
        // serde would read a struct from an array, field by field, and report nonsense.
        return Err(LoadError::Structure {
            path: "(top level)".to_string(),
            line: 1,
            column: 1,
            message: "the data file must be a JSON object ({ … }) with format, dataset, options and citations, not a list".to_string(),
        });
    }
    let dataset: Dataset = serde_json::from_str(text).map_err(|e| structural_error(text, &e))?;
    let mut problems = validate(&dataset);
    problems.extend(
        json_path::long_strings(text, MAX_TEXT_CHARS)
            .into_iter()
            .map(|(path, chars)| Problem {
                path,
                kind: ProblemKind::TooLong {
                    chars,
                    limit: MAX_TEXT_CHARS,
                },
            }),
    );
    if problems.is_empty() {
        Ok(dataset)
    } else {
        Err(LoadError::Invalid(problems))
    }
}

fn structural_error(text: &str, err: &serde_json::Error) -> LoadError {
    let (line, column) = (err.line(), err.column());
    let message = plain_serde_message(err);
    match err.classify() {
        serde_json::error::Category::Data => {
            let path = json_path::error_path(text, line, column)
                .filter(|p| !p.is_empty())
                .unwrap_or_else(|| "(top level)".to_string());
            LoadError::Structure {
                path,
                line,
                column,
                message,
            }
        }
        _ => LoadError::Syntax {
            line,
            column,
            message,
        },
    }
}

/// serde_json appends " at line X column Y"; the position is reported separately.
fn plain_serde_message(err: &serde_json::Error) -> String {
    let text = err.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}
