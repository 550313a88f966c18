//! serde_json's messages in plain words. The parser speaks of `u32`, `struct Dataset` and
//! `EOF`; a page owner reads "a whole number", "an object { … }" and "the file ends too early".
//! Each message is sorted into a typed cause here and worded by the catalogue.

use crate::model::{DIGITS_MARK, EXPONENT_MARK, FOREIGN_FIELD_MARK, MAX_DIGITS, NEEDS_FIELD_MARK};
use crate::words::Words;

/// Why the parser stopped, sorted from its message.
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
    /// Anything else, as the parser or the data model said it.
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
    /// What the parser called it, when it is none of the above.
    Named(String),
}

impl Cause {
    /// Sorts a serde_json message (without its " at line … column …").
    pub fn from_message(message: &str) -> Cause {
        if let Some(written) = message.strip_prefix(EXPONENT_MARK) {
            return Cause::Exponent {
                written: written.to_string(),
            };
        }
        if let Some(written) = message.strip_prefix(DIGITS_MARK) {
            return Cause::TooManyDigits {
                written: written.to_string(),
                limit: MAX_DIGITS,
            };
        }
        for (mark, needs) in [(NEEDS_FIELD_MARK, true), (FOREIGN_FIELD_MARK, false)] {
            if let Some((kind, field)) = message.strip_prefix(mark).and_then(|r| r.split_once(':'))
            {
                let (kind, field) = (kind.to_string(), field.to_string());
                return if needs {
                    Cause::NeedsField { kind, field }
                } else {
                    Cause::ForeignField { kind, field }
                };
            }
        }
        let rest = message
            .strip_prefix("invalid type: ")
            .or_else(|| message.strip_prefix("invalid value: "));
        if let Some((found, expected)) = rest.and_then(|r| r.split_once(", expected ")) {
            return Cause::WrongKind {
                found: Kind::found(found),
                expected: Kind::expected(expected),
            };
        }
        if message.starts_with("invalid length") && message.contains("expected struct") {
            // An object's fields written as a list, in order: serde reads them by position.
            return Cause::WrongKind {
                found: Kind::List,
                expected: Kind::Object,
            };
        }
        if let Some(field) = message.strip_prefix("missing field ") {
            return Cause::Missing {
                field: unquote(field),
            };
        }
        for prefix in ["unknown variant ", "unknown field "] {
            if let Some((found, allowed)) = message
                .strip_prefix(prefix)
                .and_then(|r| r.split_once(", expected "))
            {
                let allowed = allowed.strip_prefix("one of ").unwrap_or(allowed);
                return Cause::NotAllowed {
                    found: shorten(&unquote(found)),
                    allowed: allowed.replace('`', "\""),
                };
            }
        }
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
    /// What the parser found, e.g. `string "abc"`, `integer `5``, `map`.
    fn found(text: &str) -> Kind {
        let (head, value) = match text.split_once(' ') {
            Some((head, value)) => (head, Some(shorten(&unquote(value)))),
            None => (text, None),
        };
        match head {
            "string" => Kind::Text(value),
            "integer" | "floating" => Kind::Number(
                text.split_once('`')
                    .map(|(_, v)| shorten(v.trim_end_matches('`'))),
            ),
            "boolean" => Kind::TrueFalse(value),
            "map" => Kind::Object,
            "sequence" => Kind::List,
            "null" | "unit" => Kind::Nothing,
            _ => Kind::Named(text.to_string()),
        }
    }

    /// What the data model wanted, e.g. `u32`, `a string`, `struct Dataset`.
    fn expected(text: &str) -> Kind {
        let text = text.trim_start_matches("a ").trim_start_matches("an ");
        match text {
            "u8" | "u16" | "u32" | "u64" | "usize" => Kind::WholeNumber,
            "i8" | "i16" | "i32" | "i64" | "f32" | "f64" | "JSON number" | "number" => {
                Kind::Number(None)
            }
            "string" | "borrowed string" => Kind::Text(None),
            "sequence" => Kind::List,
            "map" => Kind::Object,
            "boolean" => Kind::TrueFalse(None),
            t if t.starts_with("struct ") || t.contains("enum") => Kind::Object,
            other => Kind::Named(other.to_string()),
        }
    }

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
            Kind::Named(name) => name.clone(),
        }
    }
}

fn unquote(text: &str) -> String {
    text.trim_matches(|c| c == '`' || c == '"').to_string()
}

/// A value quoted in a message is cut at 40 characters (a message names, it does not
/// reprint), and what the file holds that must not reach a page (a right-to-left override in
/// a misspelt key) becomes U+FFFD.
fn shorten(text: &str) -> String {
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
