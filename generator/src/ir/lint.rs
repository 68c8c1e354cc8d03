//! Consistency checks on an operation: where a document disagrees with itself, the IR says so.

use super::model::{Constraint, ExampleKind, Operation, Parameter};
use crate::diag::{Diagnostic, Span};

/// Errors for an operation a reference page cannot be complete without: a name, and a
/// response (fields, or at least a response example). A page cut off inside its request
/// table, or before its response section, fails here; `last_line` is the document's end.
pub fn completeness(op: &Operation, last_line: usize) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let end = Span::new(op.source.file.clone(), last_line);
    if op.name.trim().is_empty() {
        out.push(
            Diagnostic::error(
                "truncated-document",
                op.source.clone(),
                "the operation has no name (no title heading and no Action parameter)",
            )
            .with_hint(
                "the title was lost (odd characters in the heading?) or the page is cut off",
            ),
        );
    }
    let response_example = op.examples.iter().any(|e| e.kind == ExampleKind::Response);
    if op.response.is_empty() && !response_example {
        out.push(
            Diagnostic::error(
                "truncated-document",
                end,
                format!(
                    "`{}` has no response section: the page ends after {} request parameter(s)",
                    op.name,
                    op.parameters.len()
                ),
            )
            .with_hint("the page looks cut off (an interrupted download or copy): fetch the whole document"),
        );
    }
    out
}

/// Warnings for examples and defaults that break the parameter's own rules, and for
/// parameters documented twice.
pub fn lint(op: &Operation) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for p in &op.parameters {
        if seen.contains(&p.name.as_str()) {
            out.push(Diagnostic::warning(
                "duplicate-parameter",
                p.source.clone(),
                format!("parameter `{}` is documented more than once", p.name),
            ));
        }
        seen.push(&p.name);
        for (what, value) in [("example", &p.example), ("default", &p.default)] {
            if let Some(v) = value {
                if let Some(rule) = violated(p, v) {
                    out.push(
                        Diagnostic::warning(
                            &format!("{what}-violates-rule"),
                            p.source.clone(),
                            format!("{what} `{v}` of `{}` is outside its own rule: {rule}", p.name),
                        )
                        .with_hint("the document contradicts itself; the rule is kept, the value is reported"),
                    );
                }
            }
        }
    }
    out
}

/// The first constraint `value` breaks, described, if any. Only closed-form rules are
/// checked: enums and numeric ranges.
fn violated(p: &Parameter, value: &str) -> Option<String> {
    for c in &p.constraints {
        match c {
            Constraint::Enum { values, .. } if !values.iter().any(|v| v.value == value) => {
                let list: Vec<&str> = values.iter().map(|v| v.value.as_str()).collect();
                return Some(format!("valid values are {}", list.join(", ")));
            }
            Constraint::Range {
                ranges, excluded, ..
            } => {
                let Ok(n) = value.trim().parse::<i64>() else {
                    return Some("not a number".into());
                };
                if excluded.contains(&n) || !ranges.iter().any(|r| r.min <= n && n <= r.max) {
                    let list: Vec<String> = ranges
                        .iter()
                        .map(|r| {
                            if r.min == r.max {
                                r.min.to_string()
                            } else {
                                format!("{}..={}", r.min, r.max)
                            }
                        })
                        .collect();
                    return Some(format!("valid values are {}", list.join(", ")));
                }
            }
            _ => {}
        }
    }
    None
}
