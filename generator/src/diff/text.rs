//! Normalisation that keeps reflowing, reordering and spelling variants out of the report.

use crate::ir::{Field, Kind, Parameter};

/// True when two pieces of prose differ only in whitespace (line breaks, indentation, the
/// spaces a PDF puts inside words) or in the order of their list items (`- ` lines).
pub fn same_prose(a: &str, b: &str) -> bool {
    strip(a) == strip(b) || items_unordered(a) == items_unordered(b)
}

fn strip(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The text outside list items, then the list items sorted.
fn items_unordered(s: &str) -> (String, Vec<String>) {
    let (items, prose): (Vec<&str>, Vec<&str>) =
        s.lines().partition(|l| l.trim_start().starts_with("- "));
    let mut items: Vec<String> = items.into_iter().map(strip).collect();
    items.sort();
    (strip(&prose.concat()), items)
}

/// A parameter's type as the generated code sees it: the IR's kind and list-ness (the word's
/// spelling does not matter; items of objects are compared through their children).
pub fn param_type(p: &Parameter) -> (Kind, bool) {
    (p.kind, p.list)
}

/// A response field's type as the generated code sees it (see [`param_type`]).
pub fn field_type(f: &Field) -> (Kind, bool) {
    (f.kind, f.list)
}

/// A wire name with its repetition placeholders spelled one way (`Tag.n.Key` = `Tag.N.Key`).
pub fn norm_name(name: &str) -> String {
    name.trim()
        .split('.')
        .map(|s| if s == "n" { "N" } else { s.trim() })
        .collect::<Vec<_>>()
        .join(".")
}

/// Joins a child's name to its parent's path; the unnamed item of an array is `[]`.
pub fn child_path(parent: &str, name: &str) -> String {
    match (parent.is_empty(), name.trim().is_empty()) {
        (true, _) => norm_name(name),
        (false, true) => format!("{parent}[]"),
        (false, false) => format!("{parent}.{}", norm_name(name)),
    }
}

/// Which of a parameter's or field's description and example differ.
pub fn doc_differences(
    description: (&str, &str),
    example: (Option<&str>, Option<&str>),
) -> Vec<&'static str> {
    let mut out = Vec::new();
    if !same_prose(description.0, description.1) {
        out.push("description");
    }
    if example.0.map(str::trim) != example.1.map(str::trim) {
        out.push("example");
    }
    out
}

/// Shows an optional value in a detail line.
pub fn or_unstated(v: Option<&str>) -> String {
    v.map_or_else(|| "not stated".to_string(), |v| format!("`{v}`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_ignores_reflow_only() {
        assert!(same_prose(
            "The name can\n contain  2 to 128",
            "The name can contain 2 to\n128"
        ));
        assert!(same_prose(
            "CreatePhys icalConnec tion",
            "CreatePhysicalConnection"
        ));
        assert!(!same_prose("2 to 128", "2 to 64"));
        assert!(same_prose(
            "Valid values:\n- A: a\n- B: b",
            "Valid values:\n- B: b\n- A: a"
        ));
        assert!(!same_prose(
            "Valid values:\n- A: a\n- B: b",
            "Valid values:\n- A: a"
        ));
    }

    #[test]
    fn types_and_names() {
        use crate::ir::facts::TypeWord;
        assert_eq!(TypeWord::read("String"), TypeWord::read(" string"));
        assert_eq!(
            TypeWord::read("Array of PhysicalConnectionType"),
            TypeWord::read("array<object>")
        );
        assert_ne!(TypeWord::read("Integer"), TypeWord::read("Long"));
        assert_eq!(norm_name("Tag.n.Key"), "Tag.N.Key");
        assert_eq!(child_path("Set", ""), "Set[]");
        assert_eq!(child_path("Set[]", "Id"), "Set[].Id");
    }
}
