//! The diff as a Markdown review report and as JSON for tools.

use super::kinds::{Kind, Severity};
use super::semver::{bumps, Bump, Counts, CrateBump};
use super::{Change, Diff};
use crate::diag::Span;
use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt::Write;

/// `old` and `new` are the sides as the user named them.
pub fn markdown(diff: &Diff, old: &str, new: &str) -> String {
    let mut out = format!("# API changes: `{old}` → `{new}`\n\n");
    if diff.changes.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    let counts: Vec<String> = Severity::ALL
        .iter()
        .map(|s| format!("{} {s}", diff.count(*s)))
        .collect();
    let _ = writeln!(out, "{}.\n", counts.join(", "));
    out.push_str(&bump_table(&bumps(diff)));
    let code: Vec<&Change> = diff
        .changes
        .iter()
        .filter(|c| c.severity != Severity::DocsOnly)
        .collect();
    let mut groups: Vec<(&str, Option<&str>, Severity)> = Vec::new();
    for c in &code {
        if !groups
            .iter()
            .any(|g| g.0 == c.crate_name && g.1 == c.operation.as_deref())
        {
            groups.push((&c.crate_name, c.operation.as_deref(), c.severity));
        }
        if let Some(g) = groups
            .iter_mut()
            .find(|g| g.0 == c.crate_name && g.1 == c.operation.as_deref())
        {
            g.2 = g.2.min(c.severity);
        }
    }
    groups.sort_by_key(|g| g.2);
    let title = |c: &str, op: Option<&str>| group_title(c, op, diff.crates.len() > 1);
    for (krate, op, _) in groups {
        let _ = writeln!(out, "\n## {}\n", title(krate, op));
        for c in code
            .iter()
            .filter(|c| c.crate_name == krate && c.operation.as_deref() == op)
        {
            let _ = writeln!(
                out,
                "- {} `{}` {}",
                severity(c.severity),
                c.kind.id(),
                located(c)
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
        for c in &docs {
            let _ = writeln!(
                out,
                "- {}: {}",
                title(&c.crate_name, c.operation.as_deref()),
                located(c)
            );
        }
        out.push_str("\n</details>\n");
    }
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

/// What changed and where both sides say it.
fn located(c: &Change) -> String {
    let place = |s: &Option<Span>| {
        s.as_ref()
            .map_or_else(|| "—".to_string(), |s| format!("`{s}`"))
    };
    format!("{} ({} → {})", c.describe(), place(&c.old), place(&c.new))
}

#[derive(Serialize)]
struct JsonReport<'a> {
    old: &'a str,
    new: &'a str,
    summary: Counts,
    crates: Vec<CrateBump>,
    changes: &'a [Change],
}

pub fn json(diff: &Diff, old: &str, new: &str) -> Result<String, serde_json::Error> {
    let summary = Counts::of(diff.changes.iter().map(|c| c.severity));
    serde_json::to_string_pretty(&JsonReport {
        old,
        new,
        summary,
        crates: bumps(diff),
        changes: &diff.changes,
    })
}
