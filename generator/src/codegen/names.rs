//! Rust names from document names: heck for the case conversion, then whatever it takes to
//! make a valid, collision-free identifier (ASCII only, no leading digit, keywords escaped).

use heck::{ToSnakeCase, ToUpperCamelCase};
use proc_macro2::{Ident, Span};
use std::collections::BTreeSet;

/// Keywords that cannot even be raw identifiers; they get a trailing underscore instead.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Strict and reserved keywords of Rust 2021 (raw identifiers make them usable).
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern", "false",
    "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
    "return", "static", "struct", "trait", "true", "type", "unsafe", "use", "where", "while",
    "abstract", "become", "box", "do", "final", "gen", "macro", "override", "priv", "try",
    "typeof", "unsized", "virtual", "yield",
];

/// Keeps ASCII letters, digits and word separators so heck sees the word boundaries and the
/// result is a plain ASCII identifier.
fn ascii_words(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect()
}

fn fix_leading_digit(s: String, prefix: &str) -> String {
    match s.chars().next() {
        None => String::new(),
        Some(c) if c.is_ascii_digit() => format!("{prefix}{s}"),
        Some(_) => s,
    }
}

/// `IdcSP` -> `idc_sp`, `Tag` -> `tag`; empty when the name has no ASCII letter or digit.
pub fn snake(name: &str) -> String {
    fix_leading_digit(ascii_words(name).to_snake_case(), "n")
}

/// `CT` -> `Ct`, `50M` -> `V50m`, `OperationFailed.VbrBindedPconn` -> `OperationFailedVbrBindedPconn`.
pub fn camel(name: &str) -> String {
    fix_leading_digit(ascii_words(name).to_upper_camel_case(), "V")
}

/// Plural of a snake-case field name for repeated parameters (`value` -> `values`).
pub fn plural(snake: &str) -> String {
    let vowel_before_y = snake
        .strip_suffix('y')
        .and_then(|stem| stem.chars().last())
        .is_some_and(|c| "aeiou".contains(c));
    if let Some(stem) = snake.strip_suffix('y').filter(|_| !vowel_before_y) {
        format!("{stem}ies")
    } else if ["s", "x", "ch", "sh"]
        .iter()
        .any(|end| snake.ends_with(end))
    {
        format!("{snake}es")
    } else {
        format!("{snake}s")
    }
}

/// An identifier token for a name produced by [`snake`] or [`camel`] (and made unique):
/// keywords become raw identifiers, the few that cannot be raw get a trailing underscore.
pub fn ident(name: &str) -> Ident {
    let valid = !name.is_empty()
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit());
    let name = if valid { name } else { "unnamed" };
    if NOT_RAW.contains(&name) {
        Ident::new(&format!("{name}_"), Span::call_site())
    } else if KEYWORDS.contains(&name) {
        Ident::new_raw(name, Span::call_site())
    } else {
        Ident::new(name, Span::call_site())
    }
}

/// Hands out names unique within one scope (a struct's fields, an enum's variants, a module's
/// types). A taken name gets a numeric suffix, so the first comer keeps the natural name and
/// the result depends only on the order of requests (deterministic).
#[derive(Default)]
pub struct Scope {
    taken: BTreeSet<String>,
}

impl Scope {
    /// A scope in which `reserved` names are already taken (e.g. `Unknown` for enum variants).
    pub fn with_reserved(reserved: &[&str]) -> Self {
        Scope {
            taken: reserved.iter().map(|s| s.to_string()).collect(),
        }
    }

    /// `base` if free, else `base2`, `base3`...; `fallback` when `base` is empty.
    pub fn claim(&mut self, base: &str, fallback: &str) -> String {
        let base = if base.is_empty() { fallback } else { base };
        let mut candidate = base.to_string();
        let mut n = 2;
        while self.taken.contains(&candidate) {
            candidate = format!("{base}{n}");
            n += 1;
        }
        self.taken.insert(candidate.clone());
        candidate
    }

    /// True when `name` is not taken yet.
    pub fn is_free(&self, name: &str) -> bool {
        !self.taken.contains(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_document_names() {
        assert_eq!(snake("IdcSP"), "idc_sp");
        assert_eq!(snake("VpconnAliUid"), "vpconn_ali_uid");
        assert_eq!(camel("CT"), "Ct");
        assert_eq!(camel("50M"), "V50m");
        assert_eq!(camel("100Base-T"), "V100baseT");
        assert_eq!(camel("Allocation Failed"), "AllocationFailed");
        assert_eq!(camel("IllegalParamFormat.%s"), "IllegalParamFormatS");
        assert_eq!(snake("是"), "");
        assert_eq!(snake("2ndValue"), "n2nd_value");
    }

    #[test]
    fn escapes_keywords() {
        assert_eq!(ident("type").to_string(), "r#type");
        assert_eq!(ident("self").to_string(), "self_");
        assert_eq!(ident("region_id").to_string(), "region_id");
        assert_eq!(ident("").to_string(), "unnamed");
    }

    #[test]
    fn pluralizes() {
        assert_eq!(plural("value"), "values");
        assert_eq!(plural("tag"), "tags");
        assert_eq!(plural("address"), "addresses");
        assert_eq!(plural("entry"), "entries");
        assert_eq!(plural("key"), "keys");
    }

    #[test]
    fn scope_suffixes_collisions_in_request_order() {
        let mut scope = Scope::with_reserved(&["Unknown"]);
        assert_eq!(scope.claim("Unknown", "Value"), "Unknown2");
        assert_eq!(scope.claim("Ct", "Value"), "Ct");
        assert_eq!(scope.claim("Ct", "Value"), "Ct2");
        assert_eq!(scope.claim("", "Value"), "Value");
        assert!(!scope.is_free("Ct2"));
    }
}
