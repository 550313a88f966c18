//! The data model read from parsed JSON, one small reader per type, keeping the first value
//! out of shape with its place and cause. serde's derived readers did the same at about a sixth
//! of the widget's code (a copy of every reader for each way serde can meet a value); these are
//! a fraction of that, and say the cause in our own terms instead of a message to be sorted.
//!
//! A reader always returns a value: where the JSON is out of shape it notes the first problem
//! (at the top of its `At` chain) and goes on with a stand-in, which is never shown since the
//! file is then refused. So no reader has an early return that must undo what it built. Strings
//! are moved out of the parsed JSON, not copied.
//!
//! The first problem is the one reported: in an object, an unknown key first, then its fields
//! in the order the data model lists them.

mod choices;
mod types;

use super::cause::{shorten, Cause, Kind};
use crate::json_path::{push_index, push_key};
use crate::model::{Dataset, Decimal, MAX_DIGITS};
use serde_json::{Map, Value as Json};
use std::cell::Cell;

/// Where a value sits in the file, rendered (`options[2].findings[0].tier`) only for a
/// problem. The top holds the first problem found.
#[derive(Clone, Copy)]
enum At<'a> {
    Top(&'a Cell<Option<OutOfShape>>),
    Key(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl At<'_> {
    /// The path as `json_path` writes it; the top level is the empty path.
    fn render(&self) -> String {
        match self {
            At::Top(_) => String::new(),
            At::Key(parent, key) => {
                let mut out = parent.render();
                push_key(&mut out, key);
                out
            }
            At::Index(parent, index) => {
                let mut out = parent.render();
                push_index(&mut out, *index);
                out
            }
        }
    }

    /// Notes a problem here, unless one was found before (the first is the one reported).
    fn problem(&self, cause: Cause) {
        self.problem_at_key(None, cause);
    }

    fn problem_at_key(&self, key: Option<&str>, cause: Cause) {
        let mut top = self;
        let first = loop {
            match top {
                At::Top(first) => break first,
                At::Key(parent, _) | At::Index(parent, _) => top = parent,
            }
        };
        let before = first.take();
        first.set(before.or_else(|| {
            Some(OutOfShape {
                path: self.render(),
                key: key.map(str::to_string),
                cause,
            })
        }));
    }

    fn wrong_kind(&self, value: &Json, expected: Kind) {
        self.problem(Cause::WrongKind {
            found: kind_of(value),
            expected,
        });
    }
}

/// The first value that does not fit the data model: its path (empty for the top level), the
/// key in it to point at (an unknown one), and why.
#[derive(Debug)]
pub(super) struct OutOfShape {
    pub path: String,
    pub key: Option<String>,
    pub cause: Cause,
}

type Reader<T> = fn(&mut Json, &At) -> T;

/// What a value is, as a message names it.
fn kind_of(value: &Json) -> Kind {
    match value {
        Json::Null => Kind::Nothing,
        Json::Bool(b) => Kind::TrueFalse(Some(b.to_string())),
        Json::Number(n) => Kind::Number(Some(shorten(n.as_str()))),
        Json::String(s) => Kind::Text(Some(shorten(s))),
        Json::Array(_) => Kind::List,
        Json::Object(_) => Kind::Object,
    }
}

/// `"A", "B", "C"`: the words allowed in a place, for its message.
fn quoted<'n>(names: impl Iterator<Item = &'n str>) -> String {
    names
        .map(|name| format!("\"{name}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An object's fields, every name among the ones its type has (`None`: not an object).
struct Fields<'a> {
    map: Option<&'a mut Map<String, Json>>,
    at: &'a At<'a>,
}

impl<'a> Fields<'a> {
    fn of(value: &'a mut Json, at: &'a At<'a>, names: &[&str]) -> Fields<'a> {
        let Json::Object(map) = value else {
            at.wrong_kind(value, Kind::Object);
            return Fields { map: None, at };
        };
        if let Some(key) = map.keys().find(|key| !names.contains(&key.as_str())) {
            at.problem_at_key(
                Some(key),
                Cause::NotAllowed {
                    found: shorten(key),
                    allowed: quoted(names.iter().copied()),
                },
            );
        }
        Fields { map: Some(map), at }
    }

    fn get(&mut self, key: &str) -> Option<&mut Json> {
        self.map.as_deref_mut().and_then(|map| map.get_mut(key))
    }

    fn has(&self, key: &str) -> bool {
        self.map
            .as_deref()
            .and_then(|map| map.get(key))
            .is_some_and(|value| !value.is_null())
    }

    #[inline(never)]
    fn required<T>(&mut self, key: &str, read: Reader<T>) -> T {
        let at = self.at;
        let mut nothing = Json::Null;
        let value = match self.get(key) {
            Some(value) => value,
            None => {
                at.problem(Cause::Missing {
                    field: key.to_string(),
                });
                // Read as nothing, so the reader gives its stand-in.
                &mut nothing
            }
        };
        read(value, &At::Key(at, key))
    }

    /// A field that may be left out; `null` reads as left out.
    #[inline(never)]
    fn optional<T>(&mut self, key: &str, read: Reader<T>) -> Option<T> {
        let at = self.at;
        match self.get(key) {
            None | Some(Json::Null) => None,
            Some(value) => Some(read(value, &At::Key(at, key))),
        }
    }

    fn text(&mut self, key: &str) -> String {
        self.required(key, text)
    }

    fn optional_text(&mut self, key: &str) -> Option<String> {
        self.optional(key, text)
    }

    /// An object that may be left out: then it reads as its default (`null` is not left out).
    #[inline(never)]
    fn or_default<T: Default>(&mut self, key: &str, read: Reader<T>) -> T {
        let at = self.at;
        match self.get(key) {
            None => T::default(),
            Some(value) => read(value, &At::Key(at, key)),
        }
    }

    /// A list that must be there.
    #[inline(never)]
    fn required_list<T>(&mut self, key: &str, read: Reader<T>) -> Vec<T> {
        if self.get(key).is_none() {
            self.at.problem(Cause::Missing {
                field: key.to_string(),
            });
        }
        self.list(key, read)
    }

    /// A list that may be left out: then it is empty.
    #[inline(never)]
    fn list<T>(&mut self, key: &str, read: Reader<T>) -> Vec<T> {
        let at = self.at;
        match self.get(key) {
            Some(value) => list(value, &At::Key(at, key), read),
            None => Vec::new(),
        }
    }

    fn citations(&mut self) -> Vec<String> {
        self.list("citations", text)
    }

    /// A true/false field that is false where left out.
    fn flag(&mut self, key: &str) -> bool {
        let at = self.at;
        match self.get(key) {
            None => false,
            Some(Json::Bool(b)) => *b,
            Some(value) => {
                At::Key(at, key).wrong_kind(value, Kind::TrueFalse(None));
                false
            }
        }
    }
}

fn text(value: &mut Json, at: &At) -> String {
    match value {
        Json::String(s) => std::mem::take(s),
        _ => {
            at.wrong_kind(value, Kind::Text(None));
            String::new()
        }
    }
}

/// A list, each item read by `read`.
fn list<T>(value: &mut Json, at: &At, read: Reader<T>) -> Vec<T> {
    let Json::Array(items) = value else {
        at.wrong_kind(value, Kind::List);
        return Vec::new();
    };
    items
        .iter_mut()
        .enumerate()
        .map(|(index, item)| read(item, &At::Index(at, index)))
        .collect()
}

fn texts(value: &mut Json, at: &At) -> Vec<String> {
    list(value, at, text)
}

/// A whole number from 0 to `max`, written without a point or an exponent.
fn whole(value: &mut Json, at: &At, max: u64) -> u64 {
    match value.as_u64() {
        Some(whole) if whole <= max => whole,
        _ => {
            at.wrong_kind(value, Kind::WholeNumber);
            0
        }
    }
}

fn count(value: &mut Json, at: &At) -> u32 {
    whole(value, at, u32::MAX.into()) as u32
}

/// A figure exactly as written: a form no source uses (an exponent, more digits than any
/// study reports) is refused, since the figure is shown as written.
fn decimal(value: &mut Json, at: &At) -> Decimal {
    let stand_in = || Decimal::written(String::new(), 0.0);
    let Json::Number(number) = value else {
        at.wrong_kind(value, Kind::Number(None));
        return stand_in();
    };
    // `arbitrary_precision` keeps the number as written, so "0.30" keeps its zero.
    let written = number.as_str();
    let cause = if written.contains(['e', 'E']) {
        Cause::Exponent {
            written: written.to_string(),
        }
    } else if written.bytes().filter(u8::is_ascii_digit).count() > MAX_DIGITS {
        Cause::TooManyDigits {
            written: written.to_string(),
            limit: MAX_DIGITS,
        }
    } else {
        return Decimal::written(written.to_string(), value_of(written));
    };
    at.problem(cause);
    stand_in()
}

/// 10⁰ to 10¹², each exact in an `f64`.
const POWERS_OF_TEN: [f64; MAX_DIGITS + 1] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
];

/// The value of a JSON number written without an exponent, in at most `MAX_DIGITS` digits,
/// exactly as `str::parse` gives it: its digits as a whole number and the power of ten are
/// both exact in an `f64`, so the one division rounds once, correctly. (`str::parse` for `f64`
/// would bring its 10 KB table of powers into the web bundle.)
fn value_of(written: &str) -> f64 {
    let (negative, digits) = match written.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, written),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let number = whole
        .bytes()
        .chain(fraction.bytes())
        .fold(0u64, |n, digit| {
            n * 10 + u64::from(digit.wrapping_sub(b'0'))
        });
    let value = number as f64 / POWERS_OF_TEN[fraction.len().min(MAX_DIGITS)];
    if negative {
        -value
    } else {
        value
    }
}

/// One of the words a field allows, e.g. a tier's letter.
fn choice<T: Copy>(value: &mut Json, at: &At, words: &[(&str, T)]) -> T {
    let word = match value {
        Json::String(word) => word,
        _ => {
            at.wrong_kind(value, Kind::Text(None));
            return words[0].1;
        }
    };
    match words.iter().find(|(w, _)| w == word) {
        Some((_, chosen)) => *chosen,
        None => {
            at.problem(Cause::NotAllowed {
                found: shorten(word),
                allowed: quoted(words.iter().map(|(w, _)| *w)),
            });
            words[0].1
        }
    }
}

// ---- The file ------------------------------------------------------------------------------

/// Reads the data model from a data file's parsed JSON, or says the first value out of shape.
pub(super) fn dataset(mut value: Json) -> Result<Dataset, OutOfShape> {
    let first = Cell::new(None);
    let dataset = types::dataset(&mut value, &At::Top(&first));
    match first.take() {
        Some(problem) => Err(problem),
        None => Ok(dataset),
    }
}

#[cfg(test)]
mod tests {
    use super::value_of;
    use proptest::prelude::*;

    proptest! {
        /// Any figure a data file may hold: up to 12 digits, a point anywhere, either sign.
        #[test]
        fn any_figure_is_worth_what_the_standard_parser_says(
            digits in "[0-9]{1,12}",
            point in 0usize..12,
            negative: bool,
        ) {
            let point = point.min(digits.len() - 1);
            let written = match point {
                0 => digits.clone(),
                p => format!("{}.{}", &digits[..p], &digits[p..]),
            };
            let written = if negative { format!("-{written}") } else { written };
            let expected: f64 = written.parse().expect("a number");
            prop_assert_eq!(value_of(&written).to_bits(), expected.to_bits(), "{}", written);
        }
    }

    /// The same `f64` as the standard library's parser, for every way a figure is written.
    #[test]
    fn a_number_is_worth_what_the_standard_parser_says() {
        let mut written = vec![
            "0",
            "-0",
            "0.30",
            "29.3",
            "-5",
            "100",
            "0.1",
            "0.7",
            "48.0",
            "999999999999",
            "0.000000000001",
            "-12345.6789",
            "1.1",
            "2.675",
            "-0.0",
        ]
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
        // Every split of a few many-digit numbers into whole and fraction, and their negatives.
        for digits in [
            "123456789012",
            "999999999999",
            "100000000001",
            "314159265358",
        ] {
            for point in 1..digits.len() {
                written.push(format!("{}.{}", &digits[..point], &digits[point..]));
            }
        }
        let negatives: Vec<String> = written
            .iter()
            .filter(|w| !w.starts_with('-'))
            .map(|w| format!("-{w}"))
            .collect();
        written.extend(negatives);
        for w in &written {
            let expected: f64 = w.parse().expect("a number");
            assert_eq!(value_of(w).to_bits(), expected.to_bits(), "{w}");
        }
    }
}
