//! The diff as a Markdown review report and as JSON for tools.

use super::accept::ACCEPT_FILE;
use super::kinds::{Kind, Severity};
use super::semver::{bumps, Bump, Counts, CrateBump};
use super::{Change, Diff};
use crate::diag::{Diagnostic, Span};
use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt::Write;

/// The two sides as the user named them, and the prefix their span paths start with.
#[derive(Clone, Copy, Debug)]
pub struct Sides<'a> {
    pub old: &'a str,
    pub new: &'a str,
    pub old_root: &'a str,
    pub new_root: &'a str,
}

impl<'a> Sides<'a> {
    /// Sides whose spans are repository paths (IR, `specs/` trees, revisions).
    pub fn named(old: &'a str, new: &'a str) -> Self {
        Sides {
            old,
            new,
            old_root: "",
            new_root: "",
        }
    }
}

/// The review report for a pull request: per operation, its documents (relative to each
/// side's root) once, then each finding with the lines both sides say it at.
pub fn markdown(diff: &Diff, sides: Sides) -> String {
    let (old, new) = (sides.old, sides.new);
    let mut out = format!("# API changes: `{old}` → `{new}`\n\n");
    if diff.changes.is_empty() {
        out.push_str("No changes.\n");
        out.push_str(&diagnostics(diff));
        return out;
    }
    let counts: Vec<String> = Severity::ALL
        .iter()
        .map(|s| format!("{} {s}", diff.count(*s)))
        .collect();
    let accepted = diff.changes.iter().filter(|c| c.accepted.is_some()).count();
    let accepted = if accepted > 0 {
        format!(" ({accepted} accepted in `{ACCEPT_FILE}`)")
    } else {
        String::new()
    };
    let _ = writeln!(out, "{}{accepted}.\n", counts.join(", "));
    out.push_str(&bump_table(&bumps(diff)));
    let code: Vec<&Change> = diff
        .changes
        .iter()
        .filter(|c| c.severity != Severity::DocsOnly)
        .collect();
    let title = |c: &str, op: Option<&str>| group_title(c, op, diff.crates.len() > 1);
    for (krate, op, changes) in groups(&code) {
        let files = Files::of(&changes, sides);
        let _ = writeln!(out, "\n## {}{}\n", title(krate, op), files.heading());
        for c in changes {
            let _ = writeln!(
                out,
                "- {} `{}` {}{}",
                severity(c.severity),
                c.kind.id(),
                files.located(c),
                c.accepted
                    .as_ref()
                    .map_or_else(String::new, |r| format!(" — accepted: {r}"))
            );
        }
    }
    let docs: Vec<&Change> = diff
        .changes
        .iter()
        .filter(|c| c.severity == Severity::DocsOnly)
        .collect();
    if !docs.is_empty() {
        let _ = writeln!(
            out,
            "\n## Documentation only\n\n<details><summary>{} changes</summary>\n",
            docs.len()
        );
        for (krate, op, changes) in groups(&docs) {
            let files = Files::of(&changes, sides);
            for c in changes {
                let _ = writeln!(
                    out,
                    "- {}{}: {}",
                    title(krate, op),
                    files.heading(),
                    files.located(c)
                );
            }
        }
        out.push_str("\n</details>\n");
    }
    out.push_str(&diagnostics(diff));
    out.push_str(&to_accept(&code));
    let kinds: BTreeSet<Kind> = diff.changes.iter().map(|c| c.kind).collect();
    out.push_str("\n## Change kinds in this report\n\n");
    for k in kinds {
        let _ = writeln!(
            out,
            "- `{}` ({}): {}",
            k.id(),
            k.severity(),
            k.explanation()
        );
    }
    out
}

/// Changes grouped by (crate, operation), worst group first, each group in report order.
fn groups<'c>(changes: &[&'c Change]) -> Vec<(&'c str, Option<&'c str>, Vec<&'c Change>)> {
    let mut out: Vec<(&str, Option<&str>, Vec<&Change>)> = Vec::new();
    for c in changes {
        let key = (c.crate_name.as_str(), c.operation.as_deref());
        match out.iter_mut().find(|g| (g.0, g.1) == key) {
            Some(g) => g.2.push(c),
            None => out.push((key.0, key.1, vec![c])),
        }
    }
    out.sort_by_key(|g| g.2.iter().map(|c| c.severity).min());
    out
}

/// The documents of one operation on each side, relative to the side's root.
struct Files<'a> {
    old: Option<String>,
    new: Option<String>,
    sides: Sides<'a>,
}

impl<'a> Files<'a> {
    fn of(changes: &[&Change], sides: Sides<'a>) -> Self {
        let first = |doc: fn(&Change) -> Option<&str>, root: &str| {
            changes
                .iter()
                .find_map(|c| doc(c))
                .map(|f| relative(f, root).to_string())
        };
        Files {
            old: first(|c| c.documents.0.as_deref(), sides.old_root),
            new: first(|c| c.documents.1.as_deref(), sides.new_root),
            sides,
        }
    }

    /// ` (`old.md` → `new.md`)`, once per operation.
    fn heading(&self) -> String {
        match (&self.old, &self.new) {
            (Some(o), Some(n)) if o == n => format!(" (`{o}`)"),
            (Some(o), Some(n)) => format!(" (`{o}` → `{n}`)"),
            (Some(o), None) => format!(" (old `{o}`)"),
            (None, Some(n)) => format!(" (new `{n}`)"),
            (None, None) => String::new(),
        }
    }

    /// What changed and the lines where each side says it (a file only when it is not the
    /// operation's document).
    fn located(&self, c: &Change) -> String {
        let place = |span: &Option<Span>, root: &str, file: &Option<String>| {
            span.as_ref().map(|s| {
                let rel = relative(&s.file, root);
                if file.as_deref() == Some(rel) {
                    format!("line {}", s.line)
                } else {
                    format!("`{rel}:{}`", s.line)
                }
            })
        };
        let at = match (
            place(&c.old, self.sides.old_root, &self.old),
            place(&c.new, self.sides.new_root, &self.new),
        ) {
            (Some(o), Some(n)) => format!("{o} → {n}"),
            (Some(o), None) => format!("old {o}"),
            (None, Some(n)) => format!("new {n}"),
            (None, None) => "product files".to_string(),
        };
        format!("{} ({at})", c.describe())
    }
}

fn relative<'f>(file: &'f str, root: &str) -> &'f str {
    file.strip_prefix(root).unwrap_or(file)
}

/// What comparing found doubtful, and how many.
fn diagnostics(diff: &Diff) -> String {
    if diff.diagnostics.is_empty() {
        return String::new();
    }
    let mut out = format!("\n## Diagnostics ({})\n\n", diff.diagnostics.len());
    for d in &diff.diagnostics {
        let _ = writeln!(out, "- `{}` `{}`: {}", d.kind, d.span, d.message);
    }
    out
}

/// Entries a reviewer can copy into the accept file, for the findings that can fail CI.
fn to_accept(code: &[&Change]) -> String {
    let open: Vec<&&Change> = code
        .iter()
        .filter(|c| c.accepted.is_none() && c.severity <= Severity::PotentiallyBreaking)
        .collect();
    if open.is_empty() {
        return String::new();
    }
    let mut out = format!("\n## Accepting a reviewed change\n\n<details><summary>entries for `{ACCEPT_FILE}`</summary>\n\n```yaml\naccepted:\n");
    for c in open {
        let _ = writeln!(
            out,
            "  - kind: {}\n    operation: {}\n    subject: {}\n    reason: \"<why callers are not hurt>\"\n    fingerprint: \"{}\"",
            c.kind.id(),
            yaml_str(c.operation.as_deref().unwrap_or("")),
            yaml_str(&c.subject),
            c.fingerprint
        );
    }
    out.push_str("```\n\n</details>\n");
    out
}

fn yaml_str(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

fn bump_table(bumps: &[CrateBump]) -> String {
    let mut out = String::from("| crate | suggested bump | breaking | potentially breaking | compatible | docs only |\n|---|---|---|---|---|---|\n");
    for b in bumps {
        let c = b.counts;
        let review = if c.potentially_breaking > 0 && b.bump != Bump::Major {
            format!(
                " (major if the {} potentially breaking are judged breaking)",
                c.potentially_breaking
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "| {} | **{}**{review} | {} | {} | {} | {} |",
            b.crate_name, b.bump, c.breaking, c.potentially_breaking, c.compatible, c.docs_only
        );
    }
    out
}

/// An operation (or the product), naming the crate only when the diff spans several.
fn group_title(krate: &str, op: Option<&str>, name_crate: bool) -> String {
    match (op, name_crate) {
        (Some(op), true) => format!("`{op}` ({krate})"),
        (Some(op), false) => format!("`{op}`"),
        (None, _) => format!("{krate} (product)"),
    }
}

fn severity(s: Severity) -> String {
    match s {
        Severity::Breaking => "**breaking**".to_string(),
        s => s.to_string(),
    }
}

#[derive(Serialize)]
struct JsonReport<'a> {
    old: &'a str,
    new: &'a str,
    summary: Counts,
    crates: Vec<CrateBump>,
    changes: &'a [Change],
    diagnostics: &'a [Diagnostic],
}

pub fn json(diff: &Diff, old: &str, new: &str) -> Result<String, serde_json::Error> {
    let summary = Counts::of(diff.changes.iter().map(|c| c.severity));
    serde_json::to_string_pretty(&JsonReport {
        old,
        new,
        summary,
        crates: bumps(diff),
        changes: &diff.changes,
        diagnostics: &diff.diagnostics,
    })
}

/// GitHub Actions workflow commands: one annotation per finding that touches code (at the
/// new side's line when there is one) and per diagnostic. Breaking findings are errors,
/// potentially breaking ones warnings, compatible ones and accepted findings notices.
pub fn github(diff: &Diff) -> String {
    let mut out = String::new();
    for c in diff
        .changes
        .iter()
        .filter(|c| c.severity != Severity::DocsOnly)
    {
        let level = match (c.severity, &c.accepted) {
            (_, Some(_)) | (Severity::Compatible | Severity::DocsOnly, _) => "notice",
            (Severity::Breaking, None) => "error",
            (Severity::PotentiallyBreaking, None) => "warning",
        };
        let mut message = format!("{}: {}", c.describe(), c.kind.explanation());
        if let Some(reason) = &c.accepted {
            let _ = write!(message, " (accepted: {reason})");
        }
        let title = format!(
            "{} {} in {}",
            c.severity,
            c.kind.id(),
            c.operation.as_deref().unwrap_or(&c.crate_name)
        );
        out.push_str(&annotation(
            level,
            c.new.as_ref().or(c.old.as_ref()),
            &title,
            &message,
        ));
    }
    for d in &diff.diagnostics {
        out.push_str(&annotation("warning", Some(&d.span), &d.kind, &d.message));
    }
    let counts: Vec<String> = Severity::ALL
        .iter()
        .map(|s| format!("{} {s}", diff.count(*s)))
        .collect();
    let _ = writeln!(out, "specgen diff: {}", counts.join(", "));
    out
}

fn annotation(level: &str, at: Option<&Span>, title: &str, message: &str) -> String {
    let place = at.map_or_else(String::new, |s| {
        format!("file={},line={},", property(&s.file), s.line.max(1))
    });
    format!(
        "::{level} {place}title={}::{}\n",
        property(title),
        data(message)
    )
}

/// Escapes an annotation's message as the workflow-command syntax requires.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes an annotation property (file, title): as `data`, plus `:` and `,`.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}
