//! The version bump each generated crate needs for the changes found.

use super::kinds::Severity;
use super::Diff;
use serde::Serialize;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Bump {
    None,
    Patch,
    Minor,
    Major,
}

impl fmt::Display for Bump {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Bump::None => "none",
            Bump::Patch => "patch",
            Bump::Minor => "minor",
            Bump::Major => "major",
        })
    }
}

/// Breaking changes need a major release; potentially breaking ones a minor release unless a
/// reviewer judges them breaking (`review` counts them); compatible ones a minor release;
/// documentation a patch release.
pub fn bump_for(worst: Option<Severity>) -> Bump {
    match worst {
        Some(Severity::Breaking) => Bump::Major,
        Some(Severity::PotentiallyBreaking | Severity::Compatible) => Bump::Minor,
        Some(Severity::DocsOnly) => Bump::Patch,
        None => Bump::None,
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CrateBump {
    #[serde(rename = "crate")]
    pub crate_name: String,
    pub bump: Bump,
    /// Changes per severity, in [`Severity::ALL`] order.
    pub counts: [usize; 4],
    /// Potentially breaking changes a reviewer must judge before accepting `bump`.
    pub review: usize,
}

/// One suggestion per crate either side describes, changed or not.
pub fn bumps(diff: &Diff) -> Vec<CrateBump> {
    diff.crates
        .iter()
        .map(|name| {
            let mine: Vec<Severity> = diff
                .changes
                .iter()
                .filter(|c| &c.crate_name == name)
                .map(|c| c.severity)
                .collect();
            let counts = Severity::ALL.map(|s| mine.iter().filter(|m| **m == s).count());
            CrateBump {
                crate_name: name.clone(),
                bump: bump_for(mine.iter().min().copied()),
                counts,
                review: counts[1],
            }
        })
        .collect()
}
