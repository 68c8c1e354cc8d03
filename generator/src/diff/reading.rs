//! Which rule sentences a side did not understand, per parameter: a rule or default that
//! exists on one side only because the other side's sentence was not read is a change of
//! reading (`reading-changed`), not of the API.

use crate::diag::{DiagKind, Diagnostic, Span};

/// A parameter row of one side: its wire name and where its row starts.
pub struct Row<'a> {
    pub name: &'a str,
    pub source: &'a Span,
}

/// For each row, the sentences the extractor did not understand in its description. A
/// warning belongs to the last row of that name starting at or before it (rows are in one
/// table per file, so repeated names are told apart by position).
pub fn unparsed<'w>(warnings: &'w [Diagnostic], rows: &[Row<'_>]) -> Vec<Vec<&'w str>> {
    let mut out = vec![Vec::new(); rows.len()];
    for w in warnings
        .iter()
        .filter(|w| w.kind == DiagKind::UnparsedRule.name())
    {
        let Some((name, sentence)) = parse_message(&w.message) else {
            continue;
        };
        let owner = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                r.name.trim() == name
                    && r.source.file == w.span.file
                    && r.source.line <= w.span.line
            })
            .max_by_key(|(_, r)| r.source.line)
            .map(|(i, _)| i);
        if let Some(slot) = owner.and_then(|i| out.get_mut(i)) {
            slot.push(sentence);
        }
    }
    out
}

/// What one side says about a parameter: enough to tell a reading change from an API change.
#[derive(Clone, Copy, Debug, Default)]
pub struct Text<'a> {
    pub description: &'a str,
    /// Rule sentences of the description the extractor did not understand.
    pub unparsed: &'a [&'a str],
}

impl<'a> Text<'a> {
    /// The sentence of this side that explains why a rule the other side read from `sentence`
    /// has no counterpart here: one the extractor did not understand, or one that is nearly
    /// the same sentence (a typo fixed in it), which therefore says the same thing.
    pub fn unread_for(&self, sentence: &str) -> Option<&'a str> {
        if let Some(s) = self.unparsed.first() {
            return Some(s);
        }
        let target = squeeze(sentence);
        if target.chars().count() < 8 {
            return None;
        }
        sentences(self.description).find(|s| {
            let s = squeeze(s);
            let longest = s.chars().count().max(target.chars().count());
            s != target && edit_distance(&s, &target) <= (longest / 8).max(2)
        })
    }

    /// True when the description still names `value` as a valid value: a line or paragraph
    /// starts with it (`CU: China Unicom`), although it was not read into the list.
    pub fn lists_value(&self, value: &str) -> bool {
        let value = value.trim();
        !value.is_empty()
            && self.description.lines().any(|line| {
                line.trim_start_matches(|c: char| c == '-' || c == '*' || c.is_whitespace())
                    .strip_prefix(value)
                    .is_some_and(|rest| {
                        rest.trim_start_matches(['*', '`', ' '])
                            .starts_with([':', '：', '(', '（'])
                    })
            })
    }
}

/// The sentences of a description: split at full stops and line breaks.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(['\n', '。', '；', ';'])
        .flat_map(|s| s.split(". "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '。' | '*'))
        .collect()
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(cur).min(row[j])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

/// The detail line of a `reading-changed` finding: what was read, and both sentences.
pub fn detail(read: &str, old: &str, new: &str) -> String {
    format!(
        "{read}; old says \"{}\", new says \"{}\"",
        quote(old),
        quote(new)
    )
}

/// A sentence on one line, cut at 160 characters.
fn quote(s: &str) -> String {
    if s.trim().is_empty() {
        return "(no rule)".to_string();
    }
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(160) {
        Some((cut, _)) => format!("{}…", &one_line[..cut]),
        None => one_line,
    }
}

/// (parameter name, sentence) from "`Name`: rule-like sentence not understood: \"...\"".
fn parse_message(message: &str) -> Option<(&str, &str)> {
    let rest = message.strip_prefix('`')?;
    let (name, rest) = rest.split_once("`: ")?;
    let (_, quoted) = rest.split_once(": \"")?;
    Some((name, quoted.strip_suffix('"')?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearly_the_same_sentence_is_unread() {
        let old = Text {
            description: "客户端token。 由客户端生成该参数值，最大不值过64个 ASCII 字符。",
            unparsed: &[],
        };
        assert_eq!(
            old.unread_for("由客户端生成该参数值，最大不超过64个 ASCII 字符。"),
            Some("由客户端生成该参数值，最大不值过64个 ASCII 字符")
        );
        assert_eq!(old.unread_for("长度为 2-256个字符，必须以字母开头。"), None);
        let listed = Text {
            description: "Valid values:\n\nCT: China Telecom\n\n CU: China Unicom",
            unparsed: &[],
        };
        assert!(listed.lists_value("CU") && !listed.lists_value("CM") && !listed.lists_value("C"));
    }

    #[test]
    fn warnings_go_to_the_row_they_follow() {
        let at = |line| Span::new("a.md", line);
        let w = |line, name: &str, s: &str| {
            Diagnostic::warning(
                DiagKind::UnparsedRule,
                at(line),
                format!("`{name}`: rule-like sentence not understood: \"{s}\""),
            )
        };
        let (s10, s20, s30) = (at(10), at(20), at(30));
        let rows = [
            Row {
                name: "Name",
                source: &s10,
            },
            Row {
                name: "Size",
                source: &s20,
            },
            Row {
                name: "Name",
                source: &s30,
            },
        ];
        let warnings = [
            w(10, "Name", "first"),
            w(31, "Name", "second"),
            w(20, "Size", "size \"x\""),
        ];
        let got = unparsed(&warnings, &rows);
        assert_eq!(got, vec![vec!["first"], vec!["size \"x\""], vec!["second"]]);
    }
}
