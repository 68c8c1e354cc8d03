//! Changelog entries for the generated crates, for `specgen regen` to write.

use super::kinds::Severity;
use super::semver::{bump_for, Bump};
use super::{compare, Api, Change};
use crate::ir::ProductIr;
use std::collections::BTreeSet;
use std::fmt::Write;

#[derive(Clone, Debug, PartialEq)]
pub struct ChangelogEntry {
    pub crate_name: String,
    pub bump: Bump,
    /// Markdown sections (`### Breaking changes`...), without a version heading.
    pub markdown: String,
}

/// One entry per generated crate whose IR changed between `old` (the IR before regenerating)
/// and `new` (what regenerating produced). Unchanged crates get no entry.
pub fn changelog(old: &[ProductIr], new: &[ProductIr]) -> Vec<ChangelogEntry> {
    let diff = compare(&Api::from_ir(old.to_vec()), &Api::from_ir(new.to_vec()));
    diff.crates
        .iter()
        .filter_map(|krate| {
            let mine: Vec<&Change> = diff
                .changes
                .iter()
                .filter(|c| &c.crate_name == krate)
                .collect();
            let worst = mine.iter().map(|c| c.severity).min()?;
            Some(ChangelogEntry {
                crate_name: krate.clone(),
                bump: bump_for(Some(worst)),
                markdown: sections(&mine),
            })
        })
        .collect()
}

fn sections(changes: &[&Change]) -> String {
    let mut out = String::new();
    for (severity, title) in [
        (Severity::Breaking, "Breaking changes"),
        (
            Severity::PotentiallyBreaking,
            "Potentially breaking changes",
        ),
        (Severity::Compatible, "Compatible changes"),
    ] {
        let lines: Vec<String> = changes
            .iter()
            .filter(|c| c.severity == severity)
            .map(|c| match &c.operation {
                Some(op) => format!(
                    "- `{op}`: {} ({})",
                    c.describe(),
                    c.kind.id().replace('-', " ")
                ),
                None => format!("- {} ({})", c.describe(), c.kind.id().replace('-', " ")),
            })
            .collect();
        if !lines.is_empty() {
            let _ = writeln!(out, "### {title}\n\n{}\n", lines.join("\n"));
        }
    }
    let docs: BTreeSet<&str> = changes
        .iter()
        .filter(|c| c.severity == Severity::DocsOnly)
        .filter_map(|c| c.operation.as_deref())
        .collect();
    if !docs.is_empty() {
        let ops: Vec<String> = docs.iter().map(|op| format!("`{op}`")).collect();
        let _ = writeln!(
            out,
            "### Documentation\n\n- Reworded documentation of {}.\n",
            ops.join(", ")
        );
    }
    out.trim_end().to_string() + "\n"
}
