//! Parity between the English dataset and its Spanish edition (data/TRANSLATING.md): the two
//! files are walked in parallel, field by field, so a translation can change words but never a
//! key, a value, a citation or a figure quoted in the text.

use serde_json::Value;
use trd_core::load::load_dataset;

const ENGLISH: &str = include_str!("../../data/trd-evidence.json");
const SPANISH: &str = include_str!("../../data/trd-evidence.es.json");

/// Keys whose string values are identifiers, codes, enums, dates or references: never
/// translated, anywhere in the file. (`difference` is the comparator's enum, e.g.
/// "not_significant"; `unit` is a cost's unit token, but a mean change's unit is words, such
/// as "MADRS points".) The top-level `citations` array is not translated either. A price's
/// year is words around digits ("Jan 2020", "not given"): translated, its digits kept.
const UNTRANSLATED: [&str; 18] = [
    "id",
    "category",
    "kind",
    "metric",
    "status",
    "tier",
    "format",
    "currency",
    "unit",
    "measure",
    "citations",
    "version",
    "last_reviewed",
    "year",
    "url",
    "doi",
    "pmid",
    "difference",
];

/// The two fields a translation adds to "dataset", right after "crisis_line", with the values
/// this edition must have.
const ADDED: [(&str, &str); 2] = [("language", "es"), ("translated_from", "en")];

/// Characters that join the digits of one number: decimal point or comma, thousands comma,
/// and the non-breaking, thin and narrow no-break spaces of Spanish thousands.
const SEPARATORS: [char; 5] = ['.', ',', '\u{a0}', '\u{2009}', '\u{202f}'];

/// The numbers a text quotes, each with its separators deleted, sorted: "1,522 (arm 511)" and
/// "1522 (brazo 511)" both give ["1522", "511"]; "26.1%" and "26,1 %" both give ["261"].
/// A decimal written without its leading zero (".026" after "p=") counts as "0.026", so the
/// Spanish "p = 0,026" matches; a point after a letter ("c.2026") is not such a decimal.
fn number_tokens(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let digit_at = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let bare_decimal = matches!(chars[i], '.' | ',')
            && digit_at(i + 1)
            && (i == 0 || !chars[i - 1].is_alphanumeric());
        if !chars[i].is_ascii_digit() && !bare_decimal {
            i += 1;
            continue;
        }
        let mut token = String::new();
        if bare_decimal {
            token.push('0');
            i += 1;
        }
        while i < chars.len() {
            if chars[i].is_ascii_digit() {
                token.push(chars[i]);
                i += 1;
            } else if SEPARATORS.contains(&chars[i]) && digit_at(i + 1) {
                i += 1;
            } else {
                break;
            }
        }
        tokens.push(token);
    }
    tokens.sort();
    tokens
}

fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Every difference between the English file and a translation that is not a translated
/// word, each naming its JSON path (`options[3].findings[2].population`) and both texts.
fn parity(english: &Value, translation: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    walk("", None, english, translation, false, &mut problems);
    problems
}

/// `key` is the object key the value (or the array holding it) sits under; `fixed` is true
/// inside a part of the file that is never translated.
fn walk(path: &str, key: Option<&str>, en: &Value, tr: &Value, fixed: bool, out: &mut Vec<String>) {
    let fixed = fixed || key.is_some_and(|k| UNTRANSLATED.contains(&k));
    match (en, tr) {
        (Value::Object(a), Value::Object(b)) => {
            let mut expected: Vec<&str> = a.keys().map(String::as_str).collect();
            if path == "dataset" {
                for (added, _) in ADDED {
                    if a.contains_key(added) {
                        out.push(format!(
                            "dataset.{added}: the English file must not have it"
                        ));
                    }
                }
                let at = expected
                    .iter()
                    .position(|k| *k == "crisis_line")
                    .map_or(expected.len(), |p| p + 1);
                for (n, (added, value)) in ADDED.iter().enumerate() {
                    expected.insert(at + n, *added);
                    if b.get(*added) != Some(&Value::String(value.to_string())) {
                        out.push(format!(
                            "dataset.{added}: must be {value:?}, found {}",
                            b.get(*added)
                                .map_or("nothing".to_string(), Value::to_string)
                        ));
                    }
                }
            }
            let found: Vec<&str> = b.keys().map(String::as_str).collect();
            if found != expected {
                out.push(format!(
                    "{}: keys differ\n  en {expected:?}\n  es {found:?}",
                    if path.is_empty() { "(top level)" } else { path }
                ));
                return;
            }
            for (k, v) in a {
                // The whole top-level citations array stays as published.
                let fixed = fixed || (path.is_empty() && k == "citations");
                let words = k == "unit" && a.get("kind") == Some(&Value::from("mean_change"));
                let key = if words { None } else { Some(k.as_str()) };
                walk(&child(path, k), key, v, &b[k.as_str()], fixed, out);
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                out.push(format!(
                    "{path}: {} items in English, {} in the translation",
                    a.len(),
                    b.len()
                ));
                return;
            }
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                walk(&format!("{path}[{i}]"), key, x, y, fixed, out);
            }
        }
        (Value::String(a), Value::String(b)) => {
            if fixed {
                if a != b {
                    out.push(format!(
                        "{path}: must not be translated\n  en {a:?}\n  es {b:?}"
                    ));
                }
            } else if b.trim().is_empty() {
                out.push(format!(
                    "{path}: the translation is empty\n  en {a:?}\n  es {b:?}"
                ));
            } else if number_tokens(a) != number_tokens(b) {
                out.push(format!(
                    "{path}: the numbers differ ({:?} vs {:?})\n  en {a:?}\n  es {b:?}",
                    number_tokens(a),
                    number_tokens(b)
                ));
            }
        }
        // Numbers compare as written (the core's serde_json keeps their text): 50.0 ≠ 50.
        (a, b) if kind(a) == kind(b) => {
            if a != b {
                out.push(format!("{path}: values differ\n  en {a}\n  es {b}"));
            }
        }
        (a, b) => out.push(format!(
            "{path}: {} in English, {} in the translation",
            kind(a),
            kind(b)
        )),
    }
}

fn tree(text: &str) -> Value {
    serde_json::from_str(text).expect("the file is JSON")
}

fn report(problems: &[String]) -> String {
    let shown: Vec<&str> = problems.iter().take(40).map(String::as_str).collect();
    format!("{} problem(s):\n{}", problems.len(), shown.join("\n"))
}

#[test]
fn the_spanish_edition_matches_the_english_field_by_field() {
    let problems = parity(&tree(ENGLISH), &tree(SPANISH));
    assert!(problems.is_empty(), "{}", report(&problems));
}

#[test]
fn the_spanish_edition_loads_and_says_its_language() {
    let data = load_dataset(SPANISH).expect("the Spanish edition must load");
    assert_eq!(data.dataset.language.as_deref(), Some("es"));
    assert_eq!(data.dataset.translated_from.as_deref(), Some("en"));
    let english = load_dataset(ENGLISH).expect("the English edition must load");
    assert_eq!(english.dataset.language, None);
    assert_eq!(data.citations, english.citations);
}

#[test]
fn numbers_compare_whatever_the_notation() {
    let same = |a: &str, b: &str| assert_eq!(number_tokens(a), number_tokens(b), "{a:?} vs {b:?}");
    same("1,522 (arm 511)", "1522 (brazo 511)");
    same("26.1%", "26,1\u{a0}%");
    same("£10,554.25", "£10\u{a0}554,25");
    same("p=.026; OR 3.3 (1.9–5.5)", "p = 0,026; OR 3,3 (1,9–5,5)");
    same("(c.2026)", "(c. 2026)");
    assert_eq!(
        number_tokens("114/511, QIDS-C16 ≤5"),
        ["114", "16", "5", "511"]
    );
    assert_ne!(number_tokens("26.1%"), number_tokens("26,7\u{a0}%"));
    assert_ne!(number_tokens("0.26"), number_tokens("0,026"));
}

#[test]
fn a_changed_digit_is_caught_with_its_path() {
    let english = tree(ENGLISH);
    let mut broken = tree(SPANISH);
    let field = broken
        .pointer_mut("/options/0/findings/0/population")
        .expect("the first finding has a population");
    let text = field.as_str().unwrap().to_string();
    let at = text
        .find(|c: char| c.is_ascii_digit())
        .expect("the population quotes a number");
    let digit = text.as_bytes()[at];
    let other = if digit == b'9' {
        '0'
    } else {
        (digit + 1) as char
    };
    let changed = format!("{}{other}{}", &text[..at], &text[at + 1..]);
    *field = Value::String(changed.clone());

    // Only the new problem counts, so this test says one thing whatever the file's state.
    let before = parity(&english, &tree(SPANISH));
    let problems: Vec<String> = parity(&english, &broken)
        .into_iter()
        .filter(|p| !before.contains(p))
        .collect();
    assert_eq!(problems.len(), 1, "{}", report(&problems));
    let problem = &problems[0];
    assert!(
        problem.starts_with("options[0].findings[0].population: the numbers differ"),
        "{problem}"
    );
    assert!(problem.contains(&format!("{changed:?}")), "{problem}");
    assert!(
        problem.contains(&format!(
            "{:?}",
            english["options"][0]["findings"][0]["population"]
                .as_str()
                .unwrap()
        )),
        "{problem}"
    );
}
