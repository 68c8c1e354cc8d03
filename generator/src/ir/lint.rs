//! Consistency checks on an operation: where a document disagrees with itself, the IR says so.

use super::model::{Constraint, Operation, Parameter};
use crate::diag::Diagnostic;

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
