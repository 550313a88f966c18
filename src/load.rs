//! Turning the text of a data file into a checked `Dataset`, with errors a page owner can act on.

use crate::json_path;
use crate::model::Dataset;
use crate::validate::{validate, Problem, MAX_TEXT_CHARS};
use thiserror::Error;

/// Larger files are refused before parsing: the bundled dataset is far smaller,
/// and a phone should not be asked to parse a runaway file.
pub const MAX_FILE_BYTES: usize = 2_000_000;

#[derive(Clone, Debug, PartialEq, Error)]
pub enum LoadError {
    #[error("The data file could not be downloaded: {0}")]
    Network(String),
    #[error("The address did not return JSON but what looks like a web page (it starts with \"<\"). Check the data file's address.")]
    NotJson,
    #[error("The data file is {bytes} bytes; the limit is {limit} bytes.")]
    TooLarge { bytes: usize, limit: usize },
    #[error("The data file is not valid JSON (line {line}, column {column}): {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("The field `{path}` is wrong (line {line}, column {column}): {message}")]
    Structure {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("The data file has {} problem(s).", .0.len())]
    Invalid(Vec<Problem>),
}

impl LoadError {
    /// Every problem as "path: reason" lines, for the widget's error box and the checker.
    pub fn details(&self) -> Vec<String> {
        match self {
            LoadError::Invalid(problems) => problems.iter().map(|p| p.to_string()).collect(),
            other => vec![other.to_string()],
        }
    }
}

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
                message: format!("text is {chars} characters long; the limit is {MAX_TEXT_CHARS}"),
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
