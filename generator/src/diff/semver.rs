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
/// reviewer judges them breaking; compatible ones a minor release;
/// documentation a patch release.
pub fn bump_for(worst: Option<Severity>) -> Bump {
    match worst {
        Some(Severity::Breaking) => Bump::Major,
        Some(Severity::PotentiallyBreaking | Severity::Compatible) => Bump::Minor,
        Some(Severity::DocsOnly) => Bump::Patch,
        None => Bump::None,
    }
}

/// Changes per severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub breaking: usize,
    pub potentially_breaking: usize,
    pub compatible: usize,
    pub docs_only: usize,
}

impl Counts {
    pub fn of(severities: impl IntoIterator<Item = Severity>) -> Counts {
        let mut c = Counts::default();
        for s in severities {
            *match s {
                Severity::Breaking => &mut c.breaking,
                Severity::PotentiallyBreaking => &mut c.potentially_breaking,
                Severity::Compatible => &mut c.compatible,
                Severity::DocsOnly => &mut c.docs_only,
            } += 1;
        }
        c
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CrateBump {
    #[serde(rename = "crate")]
    pub crate_name: String,
    pub bump: Bump,
    pub counts: Counts,
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
            CrateBump {
                crate_name: name.clone(),
                bump: bump_for(mine.iter().min().copied()),
                counts: Counts::of(mine),
            }
        })
        .collect()
}
