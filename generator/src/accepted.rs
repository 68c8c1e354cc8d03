//! `specs/accepted-warnings.yaml`: warnings a reviewer has looked at and accepted, each with
//! a reason. `regen --strict` fails on every warning not listed here, and on entries that no
//! longer match anything (a stale acceptance would silently cover the next warning).

use crate::diag::{DiagKind, Diagnostic, Severity, Span};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    accepted: Vec<Acceptance>,
}

/// One accepted warning: its kind, the operation it is about and, optionally, the names it
/// quotes (parameters, fields or error codes, written in backticks in the message): one as
/// `parameter`, several that one reason covers as `parameters`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acceptance {
    pub kind: String,
    pub operation: String,
    #[serde(default)]
    pub parameter: Option<String>,
    #[serde(default)]
    pub parameters: Vec<String>,
    pub reason: String,
    #[serde(skip)]
    pub source: Option<Span>,
}

/// A warning with the operation it belongs to (`None` for document-level findings).
pub struct Finding<'a> {
    pub operation: Option<&'a str>,
    pub diagnostic: &'a Diagnostic,
}

fn quotes(d: &Diagnostic, name: &str) -> bool {
    d.message.contains(&format!("`{name}`"))
}

impl Acceptance {
    fn names(&self) -> impl Iterator<Item = &str> {
        self.parameter
            .iter()
            .chain(&self.parameters)
            .map(String::as_str)
    }

    /// The warning is of this kind and operation, whatever names it quotes.
    fn covers_operation(&self, f: &Finding) -> bool {
        let d = f.diagnostic;
        d.severity == Severity::Warning
            && d.kind == self.kind
            && f.operation
                .map_or_else(|| quotes(d, &self.operation), |op| op == self.operation)
    }

    fn matches(&self, f: &Finding) -> bool {
        let mut names = self.names().peekable();
        self.covers_operation(f)
            && (names.peek().is_none() || names.any(|n| quotes(f.diagnostic, n)))
    }

    /// What of the entry matches no warning: the whole entry (`Some(None)`), or each listed
    /// name no warning quotes.
    fn stale(&self, findings: &[Finding]) -> Vec<Option<&str>> {
        let of_entry: Vec<&Finding> = findings
            .iter()
            .filter(|f| self.covers_operation(f))
            .collect();
        let names: Vec<&str> = self.names().collect();
        if names.is_empty() {
            return if of_entry.is_empty() {
                vec![None]
            } else {
                Vec::new()
            };
        }
        names
            .into_iter()
            .filter(|n| !of_entry.iter().any(|f| quotes(f.diagnostic, n)))
            .map(Some)
            .collect()
    }
}

/// Parses the file (`path` is the display path for spans). Entries are located by their
/// `  - ` sequence items, as in overrides.yaml.
pub fn parse(path: &str, text: &str) -> Result<Vec<Acceptance>, Vec<Diagnostic>> {
    let file: File = serde_yaml::from_str(text).map_err(|e| {
        vec![Diagnostic::error(
            DiagKind::BadAcceptedWarnings,
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
            .chain(&entry.parameters)
            .any(|s| s.trim().is_empty());
        if blank {
            problems.push(Diagnostic::error(
                DiagKind::BadAcceptedWarnings,
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
        .flat_map(|a| a.stale(findings).into_iter().map(move |name| (a, name)))
        .map(|(a, name)| {
            Diagnostic::warning(
                DiagKind::StaleAcceptance,
                a.source
                    .clone()
                    .unwrap_or_else(|| Span::new("specs/accepted-warnings.yaml", 0)),
                format!(
                    "accepted warning `{}` for `{}`{} matches no warning any more",
                    a.kind,
                    a.operation,
                    name.map(|p| format!(" (`{p}`)")).unwrap_or_default()
                ),
            )
            .with_hint("the warning is gone: remove the entry (or the name) from specs/accepted-warnings.yaml")
        })
        .collect();
    (open, stale)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warning(kind: &str, message: &str) -> Diagnostic {
        let kind = crate::diag::kind(kind).expect("a catalogued kind");
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
    fn one_reason_covers_listed_names_and_each_stale_name_is_said() {
        let text = "accepted:\n  - kind: response-not-in-example\n    operation: Describe\n    parameters: [CenId, AssociatedCens, Gone]\n    reason: the example omits them\n";
        let accepted = parse("a.yaml", text).expect("parses");
        let cen = warning("response-not-in-example", "`CenId` is in the table only");
        let assoc = warning(
            "response-not-in-example",
            "`AssociatedCens` is in the table only",
        );
        let new = warning("response-not-in-example", "`VlanId` is in the table only");
        let findings = [&cen, &assoc, &new].map(|d| Finding {
            operation: Some("Describe"),
            diagnostic: d,
        });
        let (open, stale) = check(&findings, &accepted);
        assert_eq!(open, [&new]);
        assert_eq!(stale.len(), 1);
        assert!(
            stale[0].message.contains("(`Gone`)"),
            "{}",
            stale[0].message
        );
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
