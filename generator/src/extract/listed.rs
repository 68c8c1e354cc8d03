//! Operations named in overview tables ("API Overview") and whether the document documents them.

use super::headers::Columns;
use super::sections::SectionKind;
use super::tables::{kind_of, overview, TableKind};
use crate::diag::{DiagKind, Diagnostic};
use crate::doc::Block;
use crate::ir::ListedOperation;

/// Overview entries from the blocks before the first operation.
pub fn from_blocks(
    file: &str,
    blocks: &[Block],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<ListedOperation> {
    let mut out = Vec::new();
    for block in blocks {
        if let Block::Table(t) = block {
            let cols = Columns::new(t.header.iter().map(|c| c.text.as_str()));
            if kind_of(&cols, SectionKind::Overview) == Some(TableKind::Overview) {
                out.extend(overview(file, t, &cols));
            } else {
                diagnostics.push(Diagnostic::warning(
                    DiagKind::UnknownTable,
                    crate::diag::Span::new(file, t.line),
                    "a table before the first operation is not an API overview; not extracted",
                ));
            }
        }
    }
    out
}

/// Column widths of PDF tables cut long names; only long names can have been cut.
const TRUNCATION_WIDTH: usize = 28;

fn camel_words(name: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut start = 0;
    for (i, c) in name.char_indices().skip(1) {
        if c.is_ascii_uppercase() {
            words.push(&name[start..i]);
            start = i;
        }
    }
    words.push(&name[start..]);
    words
}

/// Listed names without a section. A name that is a strict prefix of a documented one is
/// that operation, cut by the column width. A long name whose last word is not known to be a whole word
/// elsewhere was probably cut too: it is flagged, not guessed.
pub fn undocumented(
    listed: Vec<ListedOperation>,
    documented: &[&str],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<ListedOperation> {
    // Words that are certainly whole: every word of a documented name, and every word but
    // the last of a listed one (a last word may itself be cut).
    let mut whole: Vec<String> = documented
        .iter()
        .flat_map(|d| camel_words(d))
        .map(str::to_string)
        .collect();
    for l in &listed {
        let words = camel_words(&l.name);
        whole.extend(
            words[..words.len().saturating_sub(1)]
                .iter()
                .map(|w| w.to_string()),
        );
    }
    let mut out: Vec<ListedOperation> = Vec::new();
    for mut entry in listed {
        let name = entry.name.as_str();
        if documented.contains(&name)
            || documented.iter().any(|d| d.starts_with(name))
            || out.iter().any(|o| o.name == name)
        {
            continue;
        }
        let last = camel_words(name).last().copied().unwrap_or("");
        if name.len() >= TRUNCATION_WIDTH && !whole.iter().any(|w| w == last) {
            entry.truncated = true;
            diagnostics.push(
                Diagnostic::warning(DiagKind::TruncatedName, entry.source.clone(), format!("listed operation `{name}` looks cut off (its last word `{last}` is not a word of any other API name)"))
                    .with_hint("the overview table column is too narrow for the name; the full name is not in this document"),
            );
        }
        out.push(entry);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Span;

    fn entry(name: &str) -> ListedOperation {
        ListedOperation {
            name: name.into(),
            summary: String::new(),
            truncated: false,
            source: Span::new("f", 1),
        }
    }

    #[test]
    fn truncated_and_documented_prefixes() {
        let listed = [
            "CreateVirtualBorderRouter",
            "DescribeVirtualBorderRoutersFo",
            "ModifyPhysicalConnectionAttrib",
            "ModifyRouterInterfaceSpec",
            "DescribeVirtualBorderRouters",
        ]
        .into_iter()
        .map(entry)
        .collect();
        let mut d = Vec::new();
        let out = undocumented(listed, &["ModifyPhysicalConnectionAttribute"], &mut d);
        let names: Vec<(&str, bool)> = out.iter().map(|o| (o.name.as_str(), o.truncated)).collect();
        assert_eq!(
            names,
            [
                ("CreateVirtualBorderRouter", false),
                ("DescribeVirtualBorderRoutersFo", true),
                ("ModifyRouterInterfaceSpec", false),
                ("DescribeVirtualBorderRouters", false)
            ]
        );
        assert_eq!(d.len(), 1);
    }
}
