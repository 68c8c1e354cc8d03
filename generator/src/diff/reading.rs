//! Which rule sentences a side did not understand, per parameter: a rule or default that
//! exists on one side only because the other side's sentence was not read is a change of
//! reading (`reading-changed`), not of the API.

use crate::diag::{Diagnostic, Span};

/// The extractor's kind for a rule-like sentence it could not read.
const UNPARSED: &str = "unparsed-rule";

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
    for w in warnings.iter().filter(|w| w.kind == UNPARSED) {
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

/// The detail line of a `reading-changed` finding: what was read, and both sentences.
pub fn detail(read: &str, old: &str, new: &str) -> String {
    format!(
        "{read} on one side only; old says \"{}\", new says \"{}\"",
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
    fn warnings_go_to_the_row_they_follow() {
        let at = |line| Span::new("a.md", line);
        let w = |line, name: &str, s: &str| {
            Diagnostic::warning(
                UNPARSED,
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
