//! Finding where things are in a scenario file, so semantic errors (an unknown id, a cycle) point
//! at a line and column as syntax errors do.
//!
//! serde gives no positions after parsing, and `toml`'s spans do not exist for JSON, so this
//! scans the text once: entries of an array of tables (`[[items]]` in TOML, `"items": [ {…} ]` in
//! JSON) in order, then keys and quoted strings inside an entry. When the text is written in a
//! shape the scanner does not follow, positions are simply absent: the file and item are still
//! named.

use std::ops::Range;

#[derive(Debug)]
pub(crate) struct Locator<'a> {
    text: &'a str,
    json: bool,
    csv: Option<CsvIndex>,
}

/// Where the cells of a CSV item list are: every data row is one `items` entry.
#[derive(Debug, Default)]
pub(crate) struct CsvIndex {
    /// Column names, lower-cased.
    pub header: Vec<String>,
    /// Per data row: the row's byte range (its cells are scanned again when a message needs one).
    pub rows: Vec<Range<usize>>,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str, json: bool) -> Self {
        Self {
            text,
            json,
            csv: None,
        }
    }

    pub fn csv(text: &'a str, index: CsvIndex) -> Self {
        Self {
            text,
            json: false,
            csv: Some(index),
        }
    }

    fn csv_cell(&self, within: &Range<usize>, column: &str) -> Option<Range<usize>> {
        let idx = self.csv.as_ref()?;
        let col = idx.header.iter().position(|h| h == column)?;
        // Rows are in file order: found by binary search.
        let at = idx.rows.partition_point(|r| r.start < within.start);
        let row = idx.rows.get(at).filter(|r| r.start == within.start)?;
        let mut cells = Vec::new();
        crate::format::item_list::scan_row(self.text, row.start, &mut cells);
        cells.get(col).cloned()
    }

    /// An item list's rows (its only entries: the items), without a copy.
    pub fn csv_rows(&self) -> Option<&[Range<usize>]> {
        self.csv.as_ref().map(|idx| idx.rows.as_slice())
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Byte ranges of the entries of the top-level array `name`, in order.
    pub fn entries(&self, name: &str) -> Vec<Range<usize>> {
        if let Some(idx) = &self.csv {
            return if name == "items" {
                idx.rows.clone()
            } else {
                Vec::new()
            };
        }
        if self.json {
            self.json_entries(name)
        } else {
            self.toml_entries(name)
        }
    }

    fn toml_entries(&self, name: &str) -> Vec<Range<usize>> {
        let mut starts = Vec::new();
        let mut headers = Vec::new();
        let mut offset = 0;
        for line in self.text.split_inclusive('\n') {
            let t = line.trim_start();
            if t.starts_with('[') {
                headers.push(offset);
                if let Some(inner) = t.trim_end().strip_prefix("[[")
                    && let Some(inner) = inner.split("]]").next()
                    && inner.trim() == name
                {
                    starts.push(offset);
                }
            }
            offset += line.len();
        }
        starts
            .into_iter()
            .map(|s| {
                // Headers are in order: the next one after `s` by binary search, not a scan.
                let end = headers
                    .get(headers.partition_point(|&h| h <= s))
                    .copied()
                    .unwrap_or(self.text.len());
                s..end
            })
            .collect()
    }

    fn json_entries(&self, name: &str) -> Vec<Range<usize>> {
        let bytes = self.text.as_bytes();
        let mut depth = 0usize;
        let mut i = 0;
        let mut last_string: Option<Range<usize>> = None;
        let mut array_depth: Option<usize> = None;
        let mut out = Vec::new();
        let mut entry_start = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'"' => {
                    let start = i;
                    i += 1;
                    while i < bytes.len() && bytes[i] != b'"' {
                        if bytes[i] == b'\\' {
                            i += 1;
                        }
                        i += 1;
                    }
                    last_string = Some(start..(i + 1).min(bytes.len()));
                }
                b'[' | b'{' => {
                    depth += 1;
                    if bytes[i] == b'['
                        && array_depth.is_none()
                        && depth == 2
                        && let Some(s) = &last_string
                        && self.text.get(s.start + 1..s.end - 1) == Some(name)
                    {
                        array_depth = Some(depth);
                    } else if bytes[i] == b'{' && array_depth.is_some_and(|d| depth == d + 1) {
                        entry_start = i;
                    }
                    last_string = None;
                }
                b']' | b'}' => {
                    if bytes[i] == b'}' && array_depth.is_some_and(|d| depth == d + 1) {
                        out.push(entry_start..i + 1);
                    }
                    if bytes[i] == b']' && array_depth == Some(depth) {
                        return out;
                    }
                    depth = depth.saturating_sub(1);
                }
                b',' => last_string = None,
                _ => {}
            }
            i += 1;
        }
        out
    }

    /// The span of `key` used as a key inside `within` (`key =` in TOML, `"key":` in JSON).
    pub fn key(&self, within: Range<usize>, key: &str) -> Option<Range<usize>> {
        if self.csv.is_some() {
            return self.csv_cell(&within, key);
        }
        let hay = self.text.get(within.clone())?;
        let pattern = if self.json {
            format!("\"{key}\"")
        } else {
            key.to_owned()
        };
        let mut from = 0;
        while let Some(pos) = hay[from..].find(&pattern) {
            let start = from + pos;
            let end = start + pattern.len();
            let before_ok = hay[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '-' || c == '"'));
            let after = hay[end..].trim_start_matches([' ', '\t']);
            let sep = if self.json { ':' } else { '=' };
            if before_ok && after.starts_with(sep) {
                return Some(within.start + start..within.start + end);
            }
            from = end;
        }
        None
    }

    /// The span of the value written after `key` inside `within`, up to the end of its line.
    pub fn value(&self, within: Range<usize>, key: &str) -> Option<Range<usize>> {
        if self.csv.is_some() {
            return self.csv_cell(&within, key);
        }
        let k = self.key(within.clone(), key)?;
        let rest = &self.text[k.end..within.end];
        let sep = rest.find([':', '='])? + 1;
        let value = &rest[sep..];
        let lead = value.len() - value.trim_start_matches([' ', '\t']).len();
        let start = k.end + sep + lead;
        let bytes = &self.text.as_bytes()[start..within.end];
        // A string to its closing quote, a table or array to its matching bracket, anything
        // else up to a separator or the end of the line.
        let mut end = 0;
        let mut depth = 0i32;
        let mut quote: Option<u8> = None;
        while end < bytes.len() {
            let b = bytes[end];
            match quote {
                Some(q) => {
                    if b == b'\\' {
                        end += 1;
                    } else if b == q {
                        quote = None;
                        if depth == 0 {
                            end += 1;
                            break;
                        }
                    }
                }
                None => match b {
                    b'"' | b'\'' => quote = Some(b),
                    b'[' | b'{' => depth += 1,
                    b']' | b'}' if depth > 0 => {
                        depth -= 1;
                        if depth == 0 {
                            end += 1;
                            break;
                        }
                    }
                    b',' | b'}' | b']' | b'\n' | b'#' if depth == 0 => break,
                    _ => {}
                },
            }
            end += 1;
        }
        let v = self.text[start..start + end].trim_end();
        Some(start..start + v.len().max(1).min(within.end - start))
    }

    /// The span of a quoted string inside `within` whose content is `word`, or starts with `word`
    /// followed by one of the `after`-syntax separators (`:`, `+`, `-`, `=`).
    pub fn string(&self, within: Range<usize>, word: &str) -> Option<Range<usize>> {
        // An empty word matches everywhere and points nowhere (found by fuzzing: searching for it
        // never advanced).
        if word.is_empty() {
            return None;
        }
        let hay = self.text.get(within.clone())?;
        if self.csv.is_some() {
            // Cells are unquoted: a word is bounded by separators of the `after` syntax.
            let mut from = 0;
            while let Some(pos) = hay[from..].find(word) {
                let start = from + pos;
                let end = start + word.len();
                let before = hay[..start].chars().next_back();
                let after = hay[end..].chars().next();
                let sep = |c: Option<char>| {
                    c.is_none_or(|c| matches!(c, ',' | ';' | '"' | ':' | '+' | '-' | '=' | ' '))
                };
                if sep(before) && sep(after) {
                    return Some(within.start + start..within.start + end);
                }
                from = end.max(start + 1);
            }
            return None;
        }
        for quote in ['"', '\''] {
            let pattern = format!("{quote}{word}");
            let mut from = 0;
            while let Some(pos) = hay[from..].find(&pattern) {
                let start = from + pos;
                let next = hay[start + pattern.len()..].chars().next();
                if matches!(next, Some(c) if c == quote || matches!(c, ':' | '+' | '-' | '=')) {
                    return Some(within.start + start + 1..within.start + start + pattern.len());
                }
                from = start + pattern.len();
            }
        }
        None
    }

    /// The first line of `entry`, without the blank space around it (at least one byte): where a
    /// problem with the entry as a whole is shown.
    pub fn first_line(&self, entry: Range<usize>) -> Range<usize> {
        let t = &self.text[entry.clone()];
        let lead = t.len() - t.trim_start().len();
        let first_line = t.trim_start().lines().next().unwrap_or("").trim_end();
        entry.start + lead..entry.start + lead + first_line.len().max(1)
    }

    /// The whole text, for top-level keys.
    pub fn all(&self) -> Range<usize> {
        0..self.text.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_toml_entries_and_keys() {
        let t = "name = \"x\"\n[[items]]\nid = \"a\"\ndays = 3\n\n[[items]]\nid = \"b\"\nafter = [\"a:SS+1\"]\n[[regimes]]\nname = \"r\"\n";
        let l = Locator::new(t, false);
        let e = l.entries("items");
        assert_eq!(e.len(), 2);
        assert!(t[e[0].clone()].contains("\"a\""));
        assert!(!t[e[0].clone()].contains("\"b\""));
        assert!(!t[e[1].clone()].contains("regimes"));
        let d = l.value(e[0].clone(), "days").unwrap();
        assert_eq!(&t[d], "3");
        let s = l.string(e[1].clone(), "a").unwrap();
        assert_eq!(&t[s], "a");
        assert_eq!(l.entries("regimes").len(), 1);
    }

    #[test]
    fn an_empty_word_is_not_searched() {
        let t = "id,name\na,b\n";
        let l = Locator::csv(t, CsvIndex::default());
        assert_eq!(l.string(0..t.len(), ""), None);
        assert_eq!(Locator::new(t, false).string(0..t.len(), ""), None);
    }

    #[test]
    fn finds_json_entries_and_keys() {
        let t = r#"{"name": "x", "stages": [{"id": "s"}],
  "items": [
    {"id": "a", "days": 3, "after": []},
    {"id": "b", "after": ["a"], "note": "{not a brace}"}
  ]}"#;
        let l = Locator::new(t, true);
        let e = l.entries("items");
        assert_eq!(e.len(), 2);
        assert!(t[e[1].clone()].contains("\"b\""));
        let d = l.value(e[0].clone(), "days").unwrap();
        assert_eq!(&t[d], "3");
        assert_eq!(l.entries("stages").len(), 1);
        assert!(l.string(e[1].clone(), "a").is_some());
    }
}
