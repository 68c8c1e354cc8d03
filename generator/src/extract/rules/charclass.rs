//! Character-class words shared by both languages: a literal character named with the
//! character in parentheses (`underscores (_)`, `短横线（-）`), and merging of class sets.

use crate::ir::CharClass;
use once_cell::sync::Lazy;
use regex::Regex;

static PAREN_CHAR: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"[(（]\s*(\S)\s*[)）]").expect("valid regex"));

/// The literal character an item names in parentheses, if any.
pub fn paren_char(item: &str) -> Option<CharClass> {
    PAREN_CHAR
        .captures(item)
        .and_then(|c| c.get(1))
        .and_then(|m| m.as_str().chars().next())
        .map(CharClass::Char)
}

/// Maps every item with `class` (a quoted single character, `"_"`, stands for itself), or
/// names the first item it does not know.
pub fn classes(
    items: &[&str],
    class: impl Fn(&str) -> Option<CharClass>,
) -> Result<Vec<CharClass>, String> {
    let mut out = Vec::new();
    for item in items.iter().map(|i| i.trim()).filter(|i| !i.is_empty()) {
        let unquoted = item.trim_matches(['"', '\'', '“', '”', '‘', '’']);
        let mut chars = unquoted.chars();
        let single = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_alphanumeric() => Some(CharClass::Char(c)),
            _ => None,
        };
        out.push(
            single
                .or_else(|| class(unquoted))
                .ok_or_else(|| format!("unknown character class: {item}"))?,
        );
    }
    if out.is_empty() {
        return Err("no character classes".into());
    }
    out.sort();
    out.dedup();
    Ok(out)
}
