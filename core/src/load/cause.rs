//! Why a data file could not be read, as typed causes worded by the catalogue: a page owner
//! reads "a whole number", "an object { … }" and "the file ends too early", never the parser's
//! `u32` or `EOF`. The JSON parser's messages are sorted into causes here; the data model's
//! reader (`shape`) gives its causes directly.

use crate::words::Words;

/// Why the file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cause {
    /// A value of one kind where another belongs: "text \"abc\" where a whole number belongs".
    WrongKind {
        found: Kind,
        expected: Kind,
    },
    Missing {
        field: String,
    },
    /// A field written twice in one object: only one of the two could count.
    Repeated {
        field: String,
    },
    /// A word that is not one of the allowed ones (a tier, a category, a field name).
    NotAllowed {
        found: String,
        allowed: String,
    },
    /// A number written with an exponent (`4.15e1`), which a figure never is.
    Exponent {
        written: String,
    },
    /// A value of this kind (`percent`) without a field it needs.
    NeedsField {
        kind: String,
        field: String,
    },
    /// A field that belongs to values of another kind.
    ForeignField {
        kind: String,
        field: String,
    },
    /// More digits than any reported figure has.
    TooManyDigits {
        written: String,
        limit: usize,
    },
    /// The text stops inside a value: cut off, or a bracket never closed.
    EndsEarly,
    TrailingComma,
    /// More text after the data's closing brace.
    TextAfterData,
    /// A raw control character (a tab or line break typed inside quotes).
    ControlInText,
    /// Something that is not JSON at this point (a missing comma, quote or bracket).
    NotJsonHere,
    /// Anything else, as the JSON parser said it.
    Other(String),
}

/// A kind of JSON value, with the value itself where the parser gave it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    WholeNumber,
    Number(Option<String>),
    Text(Option<String>),
    List,
    Object,
    TrueFalse(Option<String>),
    Nothing,
}

impl Cause {
    /// Sorts a message of serde_json's JSON parser (without its " at line … column …"):
    /// once the text is JSON, `shape` says what is out of place in our own terms.
    pub fn from_message(message: &str) -> Cause {
        match message {
            m if m.starts_with("EOF while parsing") => Cause::EndsEarly,
            "trailing comma" => Cause::TrailingComma,
            "trailing characters" => Cause::TextAfterData,
            m if m.starts_with("control character") => Cause::ControlInText,
            m if m.starts_with("expected ")
                || m.starts_with("key must be")
                || (m.starts_with("invalid ") && !m.starts_with("invalid length"))
                || m == "lone leading surrogate in hex escape" =>
            {
                Cause::NotJsonHere
            }
            other => Cause::Other(shorten(other)),
        }
    }

    /// The cause in the reader's language.
    pub fn explain(&self, w: Words) -> String {
        let t = w.t();
        match self {
            Cause::WrongKind { found, expected } => w.fill(
                t.cause_wrong_kind,
                &[("found", &found.words(w)), ("expected", &expected.words(w))],
            ),
            Cause::Missing { field } => w.fill(t.cause_missing, &[("field", field)]),
            Cause::Repeated { field } => w.fill(t.cause_repeated, &[("field", field)]),
            Cause::NotAllowed { found, allowed } => w.fill(
                t.cause_not_allowed,
                &[("found", found), ("allowed", allowed)],
            ),
            Cause::Exponent { written } => w.fill(t.cause_exponent, &[("written", written)]),
            Cause::NeedsField { kind, field } => {
                w.fill(t.cause_needs_field, &[("kind", kind), ("field", field)])
            }
            Cause::ForeignField { kind, field } => {
                w.fill(t.cause_foreign_field, &[("kind", kind), ("field", field)])
            }
            Cause::TooManyDigits { written, limit } => w.fill(
                t.cause_too_many_digits,
                &[
                    ("written", &shorten(written)),
                    ("limit", &limit.to_string()),
                ],
            ),
            Cause::EndsEarly => t.cause_ends_early.to_string(),
            Cause::TrailingComma => t.cause_trailing_comma.to_string(),
            Cause::TextAfterData => t.cause_text_after_data.to_string(),
            Cause::ControlInText => t.cause_control_in_text.to_string(),
            Cause::NotJsonHere => t.cause_not_json_here.to_string(),
            Cause::Other(message) => message.clone(),
        }
    }
}

impl Kind {
    fn words(&self, w: Words) -> String {
        let t = w.t();
        let with = |kind: &str, value: &Option<String>| match value {
            Some(v) => w.fill(t.kind_with_value, &[("kind", kind), ("value", v)]),
            None => kind.to_string(),
        };
        match self {
            Kind::WholeNumber => t.kind_whole_number.to_string(),
            Kind::Number(v) => with(t.kind_number, v),
            Kind::Text(v) => with(t.kind_text, v),
            Kind::List => t.kind_list.to_string(),
            Kind::Object => t.kind_object.to_string(),
            Kind::TrueFalse(v) => with(t.kind_true_false, v),
            Kind::Nothing => t.kind_nothing.to_string(),
        }
    }
}

/// A value quoted in a message is cut at 40 characters (a message names, it does not
/// reprint), and what the file holds that must not reach a page (a right-to-left override in
/// a misspelt key) becomes U+FFFD.
pub(super) fn shorten(text: &str) -> String {
    let cut = match text.char_indices().nth(40) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    };
    cut.chars()
        .map(|c| {
            if crate::json_path::is_unsafe_char(c) {
                char::REPLACEMENT_CHARACTER
            } else {
                c
            }
        })
        .collect()
}
