//! `specs/accepted-warnings.yaml`: warnings a reviewer has looked at and accepted, each with
//! a reason. `regen --strict` fails on every warning not listed here, and on entries that no
//! longer match anything (a stale acceptance would silently cover the next warning).

use crate::diag::{Diagnostic, Severity, Span};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    accepted: Vec<Acceptance>,
}

/// One accepted warning: its kind, the operation it is about and, optionally, the name it
/// quotes (a parameter, field or error code, written in backticks in the message).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acceptance {
    pub kind: String,
    pub operation: String,
    #[serde(default)]
    pub parameter: Option<String>,
    pub reason: String,
    #[serde(skip)]
    pub source: Option<Span>,
}

/// A warning with the operation it belongs to (`None` for document-level findings).
pub struct Finding<'a> {
    pub operation: Option<&'a str>,
    pub diagnostic: &'a Diagnostic,
}

impl Acceptance {
    fn matches(&self, f: &Finding) -> bool {
        let d = f.diagnostic;
        let quoted = |name: &str| d.message.contains(&format!("`{name}`"));
        d.severity == Severity::Warning
            && d.kind == self.kind
            && f.operation
                .map_or_else(|| quoted(&self.operation), |op| op == self.operation)
            && self.parameter.as_deref().is_none_or(quoted)
    }
}

/// Parses the file (`path` is the display path for spans). Entries are located by their
/// `  - ` sequence items, as in overrides.yaml.
pub fn parse(path: &str, text: &str) -> Result<Vec<Acceptance>, Vec<Diagnostic>> {
    let file: File = serde_yaml::from_str(text).map_err(|e| {
        vec![Diagnostic::error(
            "bad-accepted-warnings",
            Span::new(path, e.location().map_or(1, |l| l.line())),
            format!("accepted-warnings file does not parse: {e}"),
        )
        .with_hint("each entry has kind, operation, an optional parameter, and reason")]
    })?;
    let item_lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with("  - "))
        .map(|(i, _)| i + 1);
    let mut entries = file.accepted;
    let mut problems = Vec::new();
    for (entry, line) in entries
        .iter_mut()
        .zip(item_lines.chain(std::iter::repeat(1)))
    {
        let span = Span::new(path, line);
        let blank = [&entry.kind, &entry.operation, &entry.reason]
            .into_iter()
            .chain(entry.parameter.as_ref())
            .any(|s| s.trim().is_empty());
        if blank {
            problems.push(Diagnostic::error(
                "bad-accepted-warnings",
                span.clone(),
                format!(
                    "accepted warning `{}` for `{}` has an empty field",
                    entry.kind, entry.operation
                ),
            ));
        }
        entry.source = Some(span);
    }
    if problems.is_empty() {
        Ok(entries)
    } else {
        Err(problems)
    }
}

/// The warnings no entry accepts, and a `stale-acceptance` warning per entry that matches
/// no warning.
pub fn check<'a>(
    findings: &[Finding<'a>],
    accepted: &[Acceptance],
) -> (Vec<&'a Diagnostic>, Vec<Diagnostic>) {
    let open = findings
        .iter()
        .filter(|f| f.diagnostic.severity == Severity::Warning)
        .filter(|f| !accepted.iter().any(|a| a.matches(f)))
        .map(|f| f.diagnostic)
        .collect();
    let stale = accepted
        .iter()
        .filter(|a| !findings.iter().any(|f| a.matches(f)))
        .map(|a| {
            Diagnostic::warning(
                "stale-acceptance",
                a.source
                    .clone()
                    .unwrap_or_else(|| Span::new("specs/accepted-warnings.yaml", 0)),
                format!(
                    "accepted warning `{}` for `{}`{} matches no warning any more",
                    a.kind,
                    a.operation,
                    a.parameter
                        .as_ref()
                        .map(|p| format!(" (`{p}`)"))
                        .unwrap_or_default()
                ),
            )
            .with_hint("the warning is gone: remove the entry from specs/accepted-warnings.yaml")
        })
        .collect();
    (open, stale)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warning(kind: &str, message: &str) -> Diagnostic {
        Diagnostic::warning(kind, Span::new("d.txt", 3), message)
    }

    #[test]
    fn matches_kind_operation_and_quoted_name() {
        let text = "accepted:\n  - kind: inferred-nesting\n    operation: Describe\n    parameter: EnabledTime\n    reason: the PDF dropped the marker\n";
        let accepted = parse("a.yaml", text).expect("parses");
        let hit = warning("inferred-nesting", "`EnabledTime` has no nesting marker");
        let other = warning("inferred-nesting", "`EndTime` has no nesting marker");
        let findings = [
            Finding {
                operation: Some("Describe"),
                diagnostic: &hit,
            },
            Finding {
                operation: Some("Describe"),
                diagnostic: &other,
            },
            Finding {
                operation: Some("Create"),
                diagnostic: &hit,
            },
        ];
        let (open, stale) = check(&findings, &accepted);
        assert_eq!(open.len(), 2);
        assert!(stale.is_empty());
        let (_, stale) = check(&findings[1..], &accepted);
        assert_eq!(stale.len(), 1);
        assert_eq!(stale[0].span, Span::new("a.yaml", 2));
    }

    #[test]
    fn empty_fields_and_unknown_keys_are_errors() {
        let empty = "accepted:\n  - kind: garbled-line\n    operation: X\n    reason: ''\n";
        assert_eq!(parse("a", empty).expect_err("empty")[0].span.line, 2);
        let unknown = "accepted:\n  - kind: k\n    operation: X\n    reason: r\n    line: 3\n";
        assert_eq!(
            parse("a", unknown).expect_err("unknown key")[0].kind,
            "bad-accepted-warnings"
        );
    }
}
