//! A small scanner over JSON text that knows the path of every value, e.g.
//! `options[2].findings[0].value.percent`. It turns serde_json's line/column into the path a
//! data author can look for, and finds over-long strings anywhere in a file. Doing this on the
//! text (only when needed) keeps the wasm free of a second, path-tracking copy of every
//! `Deserialize` impl.

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

/// Every string value longer than `max_chars` characters, with its path and length.
pub fn long_strings(text: &str, max_chars: usize) -> Vec<(String, usize)> {
    let mut scanner = Scanner::new(text);
    let mut out = Vec::new();
    scanner.value(&mut Vec::new(), &mut |path, _, _, chars| {
        if let Some(n) = chars.filter(|&n| n > max_chars) {
            out.push((render(path), n));
        }
    });
    out
}

/// The path serde_json's error at (line, column) is about. serde_json reports the last byte it
/// consumed: for a value of the wrong kind that is often the `:` or space before the value, so
/// step forward onto the value itself.
pub fn error_path(text: &str, line: usize, column: usize) -> Option<String> {
    let bytes = text.as_bytes();
    let mut offset = offset_of(text, line, column);
    while matches!(bytes.get(offset), Some(b':' | b' ' | b'\t' | b'\n' | b'\r')) {
        offset += 1;
    }
    path_at(text, offset)
}

/// Byte offset of a 1-based line and column as serde_json reports them.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column.saturating_sub(1)).min(text.len())
}

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn render(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) if out.is_empty() => out.push_str(k),
            Step::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

/// Called when a value ends: (path, start byte, end byte, characters if it is a string).
type Visit<'v> = dyn FnMut(&[Step], usize, usize, Option<usize>) + 'v;

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Scanner {
            text,
            bytes: text.as_bytes(),
            pos: 0,
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
        let (ok, chars) = match self.peek() {
            Some(b'{') => (self.object(path, visit), None),
            Some(b'[') => (self.array(path, visit), None),
            Some(b'"') => match self.string() {
                Some((_, chars)) => (true, Some(chars)),
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
        loop {
            self.skip_ws();
            let Some((key, _)) = self.string() else {
                return false;
            };
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

    /// A string token: its decoded text (for keys) and its length in characters.
    fn string(&mut self) -> Option<(String, usize)> {
        if self.peek() != Some(b'"') {
            return None;
        }
        self.pos += 1;
        let start = self.pos;
        let mut decoded = String::new();
        let mut chars = 0;
        loop {
            match self.peek()? {
                b'"' => {
                    self.pos += 1;
                    return Some((decoded, chars));
                }
                b'\\' => {
                    let escape = *self.bytes.get(self.pos + 1)?;
                    self.pos += if escape == b'u' { 6 } else { 2 };
                    decoded.push('?');
                    chars += 1;
                }
                _ => {
                    // `pos` is on a character boundary here, so slicing is O(1).
                    let ch = self.text.get(self.pos..)?.chars().next()?;
                    decoded.push(ch);
                    chars += 1;
                    self.pos += ch.len_utf8();
                }
            }
            if self.pos > self.bytes.len() || self.pos < start {
                return None;
            }
        }
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
