//! Consistency checks on an operation, and the one place that decides which rules the
//! generated validator enforces: a rule is enforced only when its value list was read whole
//! and the page's own example and default for the parameter pass it. A rule that fails is
//! kept (IR, rustdoc), marked not enforced, and reported as `example-violates-rule` or
//! `default-violates-rule`.

use super::model::{CharClass, Constraint, ExampleKind, Operation, Parameter};
use crate::diag::{DiagKind, Diagnostic, Span};

/// Errors for an operation a reference page cannot be complete without: a name, and a
/// response (fields, a response example, or the page's own statement that there is none). A page cut off inside its request
/// table, or before its response section, fails here; `last_line` is the document's end.
pub fn completeness(op: &Operation, last_line: usize) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let end = Span::new(op.source.file.clone(), last_line);
    if op.name.trim().is_empty() {
        out.push(
            Diagnostic::error(
                DiagKind::TruncatedDocument,
                op.source.clone(),
                "the operation has no name (no title heading and no Action parameter)",
            )
            .with_hint(
                "the title was lost (odd characters in the heading?) or the page is cut off",
            ),
        );
    }
    let response_example = op.examples.iter().any(|e| e.kind == ExampleKind::Response);
    if op.response.is_empty() && !response_example && op.no_response.is_none() {
        out.push(
            Diagnostic::error(
                DiagKind::TruncatedDocument,
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

/// Decides the enforcement of every parameter rule of `op` (again, after overrides) and
/// returns warnings for examples and defaults that break their parameter's own rules, and
/// for parameters documented twice.
pub fn lint(op: &mut Operation) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for p in &op.parameters {
        if seen.contains(&p.name) {
            out.push(Diagnostic::warning(
                DiagKind::DuplicateParameter,
                p.source.clone(),
                format!("parameter `{}` is documented more than once", p.name),
            ));
        }
        seen.push(p.name.clone());
    }
    for p in &mut op.parameters {
        decide(p, &mut out);
    }
    out
}

fn decide(p: &mut Parameter, out: &mut Vec<Diagnostic>) {
    let values: Vec<(&str, DiagKind, Vec<String>)> = [
        ("example", DiagKind::ExampleViolatesRule, &p.example),
        ("default", DiagKind::DefaultViolatesRule, &p.default),
    ]
    .into_iter()
    .filter_map(|(what, kind, v)| v.as_ref().map(|v| (what, kind, items(p.list, v))))
    .collect();
    for c in &mut p.constraints {
        let mut reason = c.status().incomplete.clone();
        for &(what, kind, ref vs) in &values {
            for v in vs {
                let Err(rule) = admits(c, v) else { continue };
                out.push(
                    Diagnostic::warning(
                        kind,
                        p.source.clone(),
                        format!("{what} `{v}` of `{}` is outside its own rule: {rule}", p.name),
                    )
                    .with_hint("the document contradicts itself; the rule is kept and documented but not enforced"),
                );
                reason.get_or_insert_with(|| format!("the page's {what} `{v}` fails it"));
            }
        }
        let status = c.status_mut();
        status.enforced = reason.is_none();
        status.not_enforced = reason.unwrap_or_default();
    }
    for child in &mut p.children {
        decide(child, out);
    }
}

/// The single values an example or default stands for: the items of a JSON array given for
/// a list parameter, else the text itself.
fn items(list: bool, value: &str) -> Vec<String> {
    if list {
        if let Ok(serde_json::Value::Array(vs)) = serde_json::from_str(value) {
            return vs
                .iter()
                .map(|v| match v {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect();
        }
    }
    vec![value.to_string()]
}

/// Whether `value` passes `rule`, with the same semantics as the runtime's checks
/// (`specgen_runtime::validate`); the rule in words when it does not. Item counts are not
/// about one value and always pass.
pub fn admits(rule: &Constraint, value: &str) -> Result<(), String> {
    let ok = match rule {
        Constraint::Enum { values, .. } => values.iter().any(|v| v.value == value),
        Constraint::Range {
            ranges, excluded, ..
        } => value.trim().parse::<i64>().is_ok_and(|n| {
            !excluded.contains(&n) && ranges.iter().any(|r| r.min <= n && n <= r.max)
        }),
        Constraint::PageSize { max, .. } => value
            .trim()
            .parse::<u64>()
            .is_ok_and(|n| (1..=*max).contains(&n)),
        Constraint::Length { min, max, .. } => {
            let n = value.chars().count() as u64;
            !matches!(min, Some(m) if n < *m) && !matches!(max, Some(m) if n > *m)
        }
        Constraint::Charset { allowed, .. } => value.chars().all(|c| in_classes(allowed, c)),
        Constraint::FirstChar { allowed, .. } => {
            !matches!(value.chars().next(), Some(c) if !in_classes(allowed, c))
        }
        Constraint::ForbiddenPrefix { values, .. } => {
            !values.iter().any(|p| value.starts_with(p.as_str()))
        }
        Constraint::ForbiddenSubstring { values, .. } => {
            !values.iter().any(|p| value.contains(p.as_str()))
        }
        Constraint::MaxItems { .. } => true,
    };
    if ok {
        Ok(())
    } else {
        Err(words(rule))
    }
}

/// The rule in words for a warning: the values of a list, else the sentence it was read from.
fn words(rule: &Constraint) -> String {
    match rule {
        Constraint::Enum { values, .. } => {
            let list: Vec<&str> = values.iter().map(|v| v.value.as_str()).collect();
            format!("valid values are {}", list.join(", "))
        }
        Constraint::Range { ranges, .. } => {
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
            format!("valid values are {}", list.join(", "))
        }
        other => format!("\"{}\"", other.sentence()),
    }
}

/// Same classes as `specgen_runtime::CharClass`.
fn in_classes(classes: &[CharClass], c: char) -> bool {
    classes.iter().any(|cl| match cl {
        CharClass::Letter => c.is_ascii_alphabetic(),
        CharClass::Chinese => matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}'),
        CharClass::Digit => c.is_ascii_digit(),
        CharClass::Ascii => c.is_ascii(),
        CharClass::Char(x) => c == *x,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Span;
    use crate::ir::{EnumValue, RuleStatus};

    fn param(example: &str, default: Option<&str>, rules: Vec<Constraint>) -> Parameter {
        Parameter {
            name: "P".into(),
            doc_type: "String".into(),
            kind: Default::default(),
            list: false,
            sensitive: false,
            required: false,
            default: default.map(String::from),
            example: Some(example.into()),
            description: String::new(),
            constraints: rules,
            children: Vec::new(),
            source: Span::new("f", 1),
        }
    }

    fn one_of(values: &[&str]) -> Constraint {
        Constraint::Enum {
            values: values
                .iter()
                .map(|v| EnumValue {
                    value: v.to_string(),
                    description: String::new(),
                    default: false,
                })
                .collect(),
            sentence: String::new(),
            source: Span::new("f", 1),
            status: RuleStatus::default(),
        }
    }

    fn length(max: u64) -> Constraint {
        Constraint::Length {
            min: None,
            max: Some(max),
            sentence: String::new(),
            source: Span::new("f", 1),
            status: RuleStatus::default(),
        }
    }

    #[test]
    fn a_rule_the_example_or_default_fails_is_kept_but_not_enforced() {
        let mut p = param("abc", Some("d"), vec![one_of(&["abc", "d"]), length(2)]);
        let mut out = Vec::new();
        decide(&mut p, &mut out);
        assert!(p.constraints[0].is_enforced());
        assert!(!p.constraints[1].is_enforced());
        assert_eq!(
            p.constraints[1].status().not_enforced,
            "the page's example `abc` fails it"
        );
        let kinds: Vec<&str> = out.iter().map(|d| d.kind.as_str()).collect();
        assert_eq!(kinds, ["example-violates-rule"]);
        p.default = Some("x".into());
        let mut out = Vec::new();
        decide(&mut p, &mut out);
        assert!(!p.constraints[0].is_enforced());
        assert_eq!(out.len(), 2);
        // Deciding again (after an override fixed the example) enforces it again.
        p.example = Some("ab".into());
        p.default = None;
        decide(&mut p, &mut Vec::new());
        assert!(p.constraints[1].is_enforced());
    }

    #[test]
    fn a_list_read_incompletely_is_never_enforced() {
        let mut rule = one_of(&["true"]);
        rule.status_mut().incomplete = Some("item `x` is not a value".into());
        let mut p = param("true", None, vec![rule]);
        decide(&mut p, &mut Vec::new());
        assert!(!p.constraints[0].is_enforced());
    }

    #[test]
    fn list_examples_are_checked_item_by_item() {
        let mut p = param(r#"["ab","cd"]"#, None, vec![length(2)]);
        p.doc_type = "array<string>".into();
        p.list = true;
        decide(&mut p, &mut Vec::new());
        assert!(p.constraints[0].is_enforced());
        assert!(admits(&one_of(&["a"]), "b").is_err());
    }
}
