//! Turning the text of a data file into a checked `Dataset`, with errors a page owner can act on.

mod cause;
mod shape;

pub use cause::{Cause, Kind};

use crate::json_path::{self, StringProblem};
use crate::model::Dataset;
use crate::validate::{validate, Problem, ProblemKind, MAX_TEXT_CHARS};
use crate::words::Words;
use std::fmt;

/// Larger files are refused before parsing: the bundled dataset is far smaller,
/// and a phone should not be asked to parse a runaway file.
pub const MAX_FILE_BYTES: usize = 2_000_000;

/// A download that has not finished after this long is given up, with its own message.
pub const DOWNLOAD_TIMEOUT_SECONDS: u32 = 20;

/// At most this many problems are listed; the rest are counted ("… and 9,990 more").
pub const MAX_LISTED_PROBLEMS: usize = 20;

/// Why a data file could not be shown. Each says its cause in the reader's language
/// (`LoadError::summary`, `details`); `Display` is the English, for the checker and logs.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The file could not be downloaded.
    Network(Download),
    /// The address answered with a web page, not JSON.
    NotJson,
    /// Nothing in the file (or only spaces).
    Empty,
    /// Not text in UTF-8, the only encoding JSON files are read in.
    Encoding(Encoding),
    /// `bytes`: the file's size, or how much had arrived when the download was stopped.
    TooLarge { bytes: usize, limit: usize },
    /// Objects and lists nested deeper than any data file needs.
    TooDeep { line: usize, limit: usize },
    /// Not JSON at all.
    Syntax {
        line: usize,
        column: usize,
        cause: Cause,
    },
    /// JSON of the wrong shape at `path`.
    Structure {
        path: String,
        line: usize,
        column: usize,
        cause: Cause,
    },
    /// Well-formed, but breaking the data rules: every problem, not only the first.
    Invalid(Vec<Problem>),
}

/// Which text encoding a file is in, when it is not UTF-8.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-16, as some Windows editors save "Unicode" text.
    Utf16,
    /// Bytes that are not UTF-8 (often Windows-1252 or Latin-1), first at this byte.
    NotUtf8 { at_byte: usize },
}

/// What went wrong while downloading, as the browser told it.
#[derive(Clone, Debug, PartialEq)]
pub enum Download {
    /// No answer at all. `other_origin`: the file is on another site, and a browser then hides
    /// the cause; the usual one is that site not allowing others to read it (CORS).
    Refused { url: String, other_origin: bool },
    /// The server answered with an error status.
    Status {
        url: String,
        status: u16,
        text: String,
    },
    /// The answer stopped before its end.
    Body { url: String },
    /// No complete answer within `DOWNLOAD_TIMEOUT_SECONDS`.
    TimedOut { url: String, seconds: u32 },
    /// Stopped on purpose (another file was asked for, or the widget left the page); never
    /// shown, since nobody is waiting for it.
    Cancelled,
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
            LoadError::Network(download) => download.summary(w).to_string(),
            _ => t.load_not_read_summary.to_string(),
        }
    }

    /// The cause in full: one line per problem of an invalid file (at most
    /// `MAX_LISTED_PROBLEMS`, then how many more), else one line.
    pub fn details(&self, w: Words) -> Vec<String> {
        match self {
            LoadError::Invalid(problems) => {
                let mut lines: Vec<String> = problems
                    .iter()
                    .take(MAX_LISTED_PROBLEMS)
                    .map(|p| p.line(w))
                    .collect();
                if problems.len() > MAX_LISTED_PROBLEMS {
                    let more = problems.len() - MAX_LISTED_PROBLEMS;
                    lines.push(w.fill(w.t().load_more_problems, &[("count", &more.to_string())]));
                }
                lines
            }
            other => vec![other.explain(w)],
        }
    }

    /// The cause as one sentence in the reader's language.
    pub fn explain(&self, w: Words) -> String {
        let t = w.t();
        let n = |v: &usize| v.to_string();
        match self {
            LoadError::Network(download) => download.explain(w),
            LoadError::NotJson => t.load_not_json.to_string(),
            LoadError::Empty => t.load_empty.to_string(),
            LoadError::Encoding(Encoding::Utf16) => t.load_utf16.to_string(),
            LoadError::Encoding(Encoding::NotUtf8 { at_byte }) => {
                w.fill(t.load_not_utf8, &[("byte", &n(at_byte))])
            }
            LoadError::TooLarge { bytes, limit } => w.fill(
                t.load_too_large,
                &[("bytes", &n(bytes)), ("limit", &n(limit))],
            ),
            LoadError::TooDeep { line, limit } => {
                w.fill(t.load_too_deep, &[("line", &n(line)), ("limit", &n(limit))])
            }
            LoadError::Syntax {
                line,
                column,
                cause,
            } => w.fill(
                t.load_syntax,
                &[
                    ("line", &n(line)),
                    ("column", &n(column)),
                    ("message", &cause.explain(w)),
                ],
            ),
            LoadError::Structure {
                path,
                line,
                column,
                cause,
            } => w.fill(
                t.load_structure,
                &[
                    ("path", path),
                    ("line", &n(line)),
                    ("column", &n(column)),
                    ("message", &cause.explain(w)),
                ],
            ),
            LoadError::Invalid(_) => self.summary(w),
        }
    }
}

impl Download {
    /// The first sentence of the error box: whether trying again can help.
    fn summary(&self, w: Words) -> &'static str {
        let t = w.t();
        match self {
            Download::Refused {
                other_origin: false,
                ..
            }
            | Download::Body { .. }
            | Download::TimedOut { .. } => t.load_check_connection_summary,
            Download::Status { status, .. } if *status >= 500 => t.load_server_trouble_summary,
            _ => t.load_not_downloaded_summary,
        }
    }

    pub fn explain(&self, w: Words) -> String {
        let t = w.t();
        match self {
            Download::Refused {
                url,
                other_origin: true,
            } => w.fill(t.download_other_site, &[("url", url)]),
            Download::Refused { url, .. } => w.fill(t.download_refused, &[("url", url)]),
            Download::Status { url, status, text } => {
                let template = match status {
                    404 | 410 => t.download_not_found,
                    401 | 403 => t.download_forbidden,
                    500.. => t.download_server_error,
                    _ => t.download_status,
                };
                w.fill(
                    template,
                    &[
                        ("url", url),
                        ("status", &status.to_string()),
                        ("text", text.trim()),
                    ],
                )
            }
            Download::Body { url } => w.fill(t.download_body, &[("url", url)]),
            Download::TimedOut { url, seconds } => w.fill(
                t.download_timed_out,
                &[("url", url), ("seconds", &seconds.to_string())],
            ),
            Download::Cancelled => t.download_cancelled.to_string(),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.explain(Words::default()))
    }
}

impl std::error::Error for LoadError {}

/// The bytes of a data file as text: UTF-8 (a leading byte-order mark is dropped), or the
/// encoding it is in instead.
pub fn decode_text(bytes: Vec<u8>) -> Result<String, LoadError> {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        // UTF-16 without its mark: every other byte of ASCII text is zero.
        || (bytes.len() >= 4 && (bytes[1] == 0 && bytes[3] == 0 || bytes[0] == 0 && bytes[2] == 0));
    if utf16 {
        return Err(LoadError::Encoding(Encoding::Utf16));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        LoadError::Encoding(Encoding::NotUtf8 {
            at_byte: e.utf8_error().valid_up_to(),
        })
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// Parses and validates a data file. All semantic problems are collected, not only the first.
pub fn load_dataset(text: &str) -> Result<Dataset, LoadError> {
    // The widget takes the same steps with a task between each (`components::app`).
    parse(text)?.scan()?.check()
}

/// A data file read as JSON, not yet looked through or held to the data model. `parse`,
/// `Parsed::scan` and `Scanned::check` are `load_dataset` in three steps, so a page can paint
/// between them (on a slow phone each takes a few dozen milliseconds).
pub struct Parsed<'t> {
    text: &'t str,
    json: serde_json::Value,
}

/// A data file read as JSON, its text looked through: no key written twice, and what is wrong
/// with its strings, for `check` to list with the other problems.
pub struct Scanned<'t> {
    parsed: Parsed<'t>,
    strings: Vec<(String, StringProblem)>,
}

/// The first step of `load_dataset`: the file's size, its first characters and its nesting,
/// then JSON's own rules.
pub fn parse(text: &str) -> Result<Parsed<'_>, LoadError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            bytes: text.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    if text.trim_start().starts_with('<') {
        // Typically a server's "not found" page or a login page answering with status 200.
        return Err(LoadError::NotJson);
    }
    if let Some(offset) = json_path::too_deep_at(text, json_path::MAX_DEPTH) {
        // Before the parser: nothing below has to be safe against any depth.
        return Err(LoadError::TooDeep {
            line: json_path::line_column_at(text, offset).0,
            limit: json_path::MAX_DEPTH,
        });
    }
    let json = serde_json::from_str(text).map_err(|e| syntax_error(&e))?;
    Ok(Parsed { text, json })
}

impl<'t> Parsed<'t> {
    /// The second step: the whole text looked through once, for a key written twice (refused
    /// here) and for strings too long or holding unsafe characters (listed by `check`).
    pub fn scan(self) -> Result<Scanned<'t>, LoadError> {
        let found = json_path::scan_text(self.text, MAX_TEXT_CHARS);
        if let Some(repeated) = found.repeated_key {
            return Err(LoadError::Structure {
                path: top_level_named(repeated.object),
                line: repeated.line,
                column: repeated.column,
                cause: Cause::Repeated {
                    field: repeated.key,
                },
            });
        }
        Ok(Scanned {
            parsed: self,
            strings: found.strings,
        })
    }
}

impl Scanned<'_> {
    /// The last step: the data model's shape, then every data rule and every string.
    pub fn check(self) -> Result<Dataset, LoadError> {
        let Parsed { text, json } = self.parsed;
        let dataset = shape::dataset(json).map_err(|e| {
            let (line, column) = json_path::line_column_of(text, &e.path, e.key.as_deref());
            LoadError::Structure {
                path: top_level_named(e.path),
                line,
                column,
                cause: e.cause,
            }
        })?;
        let mut problems = validate(&dataset);
        problems.extend(self.strings.into_iter().map(|(path, problem)| Problem {
            path,
            kind: match problem {
                StringProblem::TooLong(chars) => ProblemKind::TooLong {
                    chars,
                    limit: MAX_TEXT_CHARS,
                },
                StringProblem::UnsafeCharacter(c) => {
                    ProblemKind::UnsafeCharacter { code: c as u32 }
                }
            },
        }));
        if problems.is_empty() {
            Ok(dataset)
        } else {
            Err(LoadError::Invalid(problems))
        }
    }
}

/// The empty path, as a message names it.
fn top_level_named(path: String) -> String {
    if path.is_empty() {
        "(top level)".to_string()
    } else {
        path
    }
}

/// JSON is read as any JSON, so everything serde_json says is about the text itself.
fn syntax_error(err: &serde_json::Error) -> LoadError {
    LoadError::Syntax {
        line: err.line(),
        column: err.column(),
        cause: Cause::from_message(&plain_serde_message(err)),
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
