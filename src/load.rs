//! Turning the text of a data file into a checked `Dataset`, with errors a page owner can act on.

use crate::model::Dataset;
use crate::validate::{validate, Problem};
use thiserror::Error;

/// Larger files are refused before parsing: the bundled dataset is far smaller,
/// and a phone should not be asked to parse a runaway file.
pub const MAX_FILE_BYTES: usize = 2_000_000;

#[derive(Clone, Debug, PartialEq, Error)]
pub enum LoadError {
    #[error("The data file could not be downloaded: {0}")]
    Network(String),
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
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let dataset: Dataset =
        serde_path_to_error::deserialize(&mut deserializer).map_err(structural_error)?;
    deserializer.end().map_err(|e| LoadError::Syntax {
        line: e.line(),
        column: e.column(),
        message: "unexpected text after the end of the data".to_string(),
    })?;
    let problems = validate(&dataset);
    if problems.is_empty() {
        Ok(dataset)
    } else {
        Err(LoadError::Invalid(problems))
    }
}

fn structural_error(err: serde_path_to_error::Error<serde_json::Error>) -> LoadError {
    let path = err.path().to_string();
    let inner = err.into_inner();
    let (line, column) = (inner.line(), inner.column());
    let message = plain_serde_message(&inner);
    match inner.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            LoadError::Syntax {
                line,
                column,
                message,
            }
        }
        _ if path == "." => LoadError::Structure {
            path: "(top level)".to_string(),
            line,
            column,
            message,
        },
        _ => LoadError::Structure {
            path,
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
