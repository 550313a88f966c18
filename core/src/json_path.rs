//! A small scanner over JSON text that knows the path of every value, e.g.
//! `options[2].findings[0].value.percent`. It finds where a value out of shape starts (line and
//! column for its message), over-long strings and unsafe characters anywhere in a file, and keys
//! written twice, which a parser would keep one of without a word.

/// The path of the innermost value that contains the byte at `offset`, or `None` when the text
/// is not JSON up to that point.
pub fn path_at(text: &str, offset: usize) -> Option<String> {
    let mut scanner = Scanner::new(text);
    let mut found = None;
    scanner.value(&mut Vec::new(), &mut |path, start, end, _| {
        if (start..end).contains(&offset) {
            // Values finish innermost first, so keep the first (deepest) match.
            found.get_or_insert_with(|| render(path));
        }
    });
    found
}

/// Deepest nesting of objects and lists a data file may have. The dataset itself needs six
/// levels; the limit keeps every reader of the text (this scanner, serde_json) far from the
/// stack's end, which is small in WebAssembly.
pub const MAX_DEPTH: usize = 32;

/// Where the text first nests objects and lists deeper than `limit`: the byte offset, or
/// `None`. A flat loop, so no depth of input can exhaust the stack.
pub fn too_deep_at(text: &str, limit: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (offset, byte) in text.bytes().enumerate() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                if depth > limit {
                    return Some(offset);
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// What is wrong with one string value of a data file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StringProblem {
    /// Longer than the limit, in characters.
    TooLong(usize),
    /// Holds a character that must not reach a page or a picture (see `is_unsafe_char`).
    UnsafeCharacter(char),
}

/// What one pass over a data file's text finds.
#[derive(Debug, Default)]
pub struct TextFindings {
    /// Every string value (keys excepted) longer than the limit or holding an unsafe
    /// character, with its path.
    pub strings: Vec<(String, StringProblem)>,
    /// The first key written twice in one object. A JSON parser keeps one of the two without
    /// a word, so the other would silently not count.
    pub repeated_key: Option<RepeatedKey>,
}

/// A key written twice in one object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepeatedKey {
    /// The object's path.
    pub object: String,
    pub key: String,
    /// Where the second one is written (1-based; the column in bytes).
    pub line: usize,
    pub column: usize,
}

/// Looks through the whole text once: strings longer than `max_chars` characters or holding an
/// unsafe character, and keys written twice.
pub fn scan_text(text: &str, max_chars: usize) -> TextFindings {
    let mut scanner = Scanner::new(text);
    let mut strings = Vec::new();
    scanner.value(&mut Vec::new(), &mut |path, _, _, string| {
        let Some(string) = string else { return };
        if string.chars > max_chars {
            strings.push((render(path), StringProblem::TooLong(string.chars)));
        }
        if let Some(c) = string.unsafe_char {
            strings.push((render(path), StringProblem::UnsafeCharacter(c)));
        }
    });
    TextFindings {
        strings,
        repeated_key: scanner.repeated.map(|(object, key, offset)| {
            let (line, column) = line_column_at(text, offset);
            RepeatedKey {
                object,
                key,
                line,
                column,
            }
        }),
    }
}

/// The strings `scan_text` finds fault with.
pub fn string_problems(text: &str, max_chars: usize) -> Vec<(String, StringProblem)> {
    scan_text(text, max_chars).strings
}

/// Characters refused in data strings: controls other than tab and line breaks (they are not
/// allowed in SVG and mean nothing to a reader), the bidirectional embeddings, overrides and
/// isolates (one left open reverses the text after it: "20.75%" reads "%57.02"), and Unicode's
/// noncharacters (not allowed in XML, so an export would break).
pub fn is_unsafe_char(c: char) -> bool {
    let code = c as u32;
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(code, 0x202A..=0x202E | 0x2066..=0x2069)
        || matches!(code, 0xFDD0..=0xFDEF)
        || code & 0xFFFE == 0xFFFE
}

/// Line and column (1-based; the column in bytes, as the JSON parser counts) where the value
/// at `path` starts, or with a `key`, the value of that key in the object at `path` (an
/// unknown key is found on its own line, not at the top of its object). A path not found is
/// placed where the text's value starts.
pub fn line_column_of(text: &str, path: &str, key: Option<&str>) -> (usize, usize) {
    let mut wanted = path.to_string();
    if let Some(key) = key {
        push_key(&mut wanted, key);
    }
    let mut scanner = Scanner::new(text);
    let (mut found, mut top) = (None, 0);
    scanner.value(&mut Vec::new(), &mut |steps, start, _, _| {
        if steps.is_empty() {
            top = start;
        } else if found.is_none() && render(steps) == wanted {
            found = Some(start);
        }
    });
    line_column_at(
        text,
        if wanted.is_empty() {
            top
        } else {
            found.unwrap_or(top)
        },
    )
}

/// Line and column (1-based, the column in bytes) of a byte offset.
pub fn line_column_at(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    (
        before.iter().filter(|b| **b == b'\n').count() + 1,
        offset - line_start + 1,
    )
}

/// How many different keys of one object are compared for repeats: more than any object of a
/// data file has (the data model's largest has 16).
const KEYS_COMPARED: usize = 32;

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn render(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(key) => push_key(&mut out, key),
            Step::Index(index) => push_index(&mut out, *index),
        }
    }
    out
}

/// Adds a key to a path as data authors read it: `options[2]` → `options[2].findings`.
pub(crate) fn push_key(path: &mut String, key: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(key);
}

/// Adds a list index to a path: `options` → `options[2]`.
pub(crate) fn push_index(path: &mut String, index: usize) {
    path.push_str(&format!("[{index}]"));
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// The first key found twice in one object: the object's path, the key, and the byte
    /// where it is written the second time.
    repeated: Option<(String, String, usize)>,
}

/// What the scanner learnt of a string value.
struct StringFacts {
    chars: usize,
    unsafe_char: Option<char>,
}

/// Called when a value ends: (path, start byte, end byte, facts if it is a string).
type Visit<'v> = dyn FnMut(&[Step], usize, usize, Option<StringFacts>) + 'v;

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Scanner {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            repeated: None,
        }
    }

    fn skip_ws(&mut self) {
        while matches!(self.bytes.get(self.pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Scans one value; returns false at anything that is not JSON (the caller stops there).
    fn value(&mut self, path: &mut Vec<Step>, visit: &mut Visit) -> bool {
        self.skip_ws();
        let start = self.pos;
        if path.len() > MAX_DEPTH {
            // Deeper than any data file may be (the loader refuses it before this runs);
            // stopping here keeps the recursion bounded whatever the input.
            return false;
        }
        let (ok, chars) = match self.peek() {
            Some(b'{') => (self.object(path, visit), None),
            Some(b'[') => (self.array(path, visit), None),
            Some(b'"') => match self.string(false) {
                Some((_, facts)) => (true, Some(facts)),
                None => (false, None),
            },
            Some(_) => (self.scalar(), None),
            None => (false, None),
        };
        // A value cut short still counts up to where it stopped, so errors inside it find it.
        visit(path, start, self.pos.max(start + 1), chars);
        ok
    }

    fn object(&mut self, path: &mut Vec<Step>, visit: &mut Visit) -> bool {
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return true;
        }
        // The first keys of the object, to find one written twice. Only the first few are kept
        // (no data object has more fields): a hostile object of a million keys stays linear.
        let mut keys: Vec<String> = Vec::new();
        loop {
            self.skip_ws();
            let at = self.pos;
            let Some((key, _)) = self.string(true) else {
                return false;
            };
            if self.repeated.is_none() {
                if keys.contains(&key) {
                    self.repeated = Some((render(path), key.clone(), at));
                } else if keys.len() < KEYS_COMPARED {
                    keys.push(key.clone());
                }
            }
            self.skip_ws();
            if self.peek() != Some(b':') {
                return false;
            }
            self.pos += 1;
            match self.member(path, Step::Key(key), b'}', visit) {
                Some(true) => {}
                Some(false) => return true,
                None => return false,
            }
        }
    }

    fn array(&mut self, path: &mut Vec<Step>, visit: &mut Visit) -> bool {
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return true;
        }
        for index in 0.. {
            match self.member(path, Step::Index(index), b']', visit) {
                Some(true) => {}
                Some(false) => return true,
                None => return false,
            }
        }
        false
    }

    /// Scans a member's value, then its separator: `Some(true)` when another member follows,
    /// `Some(false)` at the closing bracket, `None` at anything else.
    fn member(
        &mut self,
        path: &mut Vec<Step>,
        step: Step,
        close: u8,
        visit: &mut Visit,
    ) -> Option<bool> {
        path.push(step);
        let ok = self.value(path, visit);
        path.pop();
        if !ok {
            return None;
        }
        self.skip_ws();
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                Some(true)
            }
            Some(c) if c == close => {
                self.pos += 1;
                Some(false)
            }
            _ => None,
        }
    }

    /// A string token: its decoded text (when `keep`, for keys: a path needs them, while a
    /// value's text would only be thrown away) and what is in it.
    fn string(&mut self, keep: bool) -> Option<(String, StringFacts)> {
        if self.peek() != Some(b'"') {
            return None;
        }
        self.pos += 1;
        let mut decoded = String::new();
        let mut facts = StringFacts {
            chars: 0,
            unsafe_char: None,
        };
        loop {
            let ch = match self.peek()? {
                b'"' => {
                    self.pos += 1;
                    return Some((decoded, facts));
                }
                b'\\' => self.escape()?,
                _ => {
                    // `pos` is on a character boundary here, so slicing is O(1).
                    let ch = self.text.get(self.pos..)?.chars().next()?;
                    self.pos += ch.len_utf8();
                    ch
                }
            };
            if facts.unsafe_char.is_none() && is_unsafe_char(ch) {
                facts.unsafe_char = Some(ch);
            }
            if keep {
                decoded.push(ch);
            }
            facts.chars += 1;
        }
    }

    /// One escape sequence after a backslash, decoded (`\u202e` is the character it names, so
    /// an unsafe character cannot hide behind an escape). A lone surrogate reads as U+FFFD.
    fn escape(&mut self) -> Option<char> {
        let kind = *self.bytes.get(self.pos + 1)?;
        self.pos += 2;
        Some(match kind {
            b'n' => '\n',
            b't' => '\t',
            b'r' => '\r',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'u' => {
                let high = self.hex4()?;
                if (0xD800..0xDC00).contains(&high)
                    && self.bytes.get(self.pos..self.pos + 2) == Some(b"\\u")
                {
                    let back = self.pos;
                    self.pos += 2;
                    match self.hex4()? {
                        low @ 0xDC00..0xE000 => {
                            char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))?
                        }
                        _ => {
                            self.pos = back;
                            char::REPLACEMENT_CHARACTER
                        }
                    }
                } else {
                    char::from_u32(high).unwrap_or(char::REPLACEMENT_CHARACTER)
                }
            }
            other => other as char,
        })
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.get(self.pos..self.pos + 4)?;
        let code = u32::from_str_radix(digits, 16).ok()?;
        self.pos += 4;
        Some(code)
    }

    fn scalar(&mut self) -> bool {
        let start = self.pos;
        while let Some(b) = self.peek() {
            if matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                break;
            }
            self.pos += 1;
        }
        self.pos > start
    }
}
