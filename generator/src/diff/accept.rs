//! Reviewed changes (`specs/accepted-changes.yaml`): a breaking change a reviewer accepted no
//! longer fails `--fail-on`, until the documents change it again. Each entry records the
//! finding's fingerprint (its kind, operation, subject and old/new facts), so a further change
//! of the same subject is a new finding and fails again.

use super::kinds::Kind;
use super::{Change, Diff};
use serde::Deserialize;
use std::path::Path;

/// The file a repository keeps its accepted changes in.
pub const ACCEPT_FILE: &str = "specs/accepted-changes.yaml";

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accepted {
    /// Change kind id, e.g. `parameter-became-required`.
    pub kind: String,
    /// Empty for product-level changes (endpoint, crate name).
    #[serde(default)]
    pub operation: String,
    /// As the report prints it, e.g. ``parameter `ClientToken` ``.
    pub subject: String,
    /// Why the change is fine (who reviewed it, what callers must do).
    pub reason: String,
    /// [`fingerprint`] of the finding when it was accepted.
    pub fingerprint: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct AcceptFile {
    #[serde(default)]
    accepted: Vec<Accepted>,
}

#[derive(Debug, thiserror::Error)]
pub enum AcceptError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: not a valid accept file (`accepted:` entries of kind, operation, subject, reason, fingerprint): {source}")]
    Yaml {
        path: String,
        source: serde_yaml::Error,
    },
}

/// Reads an accept file; a missing file accepts nothing.
pub fn load(path: &Path) -> Result<Vec<Accepted>, AcceptError> {
    let shown = path.display().to_string();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(AcceptError::Io {
                path: shown,
                source,
            })
        }
    };
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    serde_yaml::from_str::<AcceptFile>(&text)
        .map(|f| f.accepted)
        .map_err(|source| AcceptError::Yaml {
            path: shown,
            source,
        })
}

/// A short, stable hash (FNV-1a, 64 bits) of what a finding says: kind, operation, subject
/// and detail (the old and new facts). Line numbers are left out, so moving text around keeps
/// an acceptance valid; changing the facts does not.
pub fn fingerprint(kind: Kind, operation: Option<&str>, subject: &str, detail: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [kind.id(), operation.unwrap_or(""), subject, detail] {
        for b in part.bytes().chain([0]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// How the accept file applied to one diff.
#[derive(Debug, Default, PartialEq)]
pub struct Applied {
    /// Entries that matched a finding whose facts have changed since it was accepted.
    pub expired: Vec<Accepted>,
    /// Entries that matched no finding at all (the change is gone, or was reworded).
    pub unused: Vec<Accepted>,
}

/// Marks each finding an entry accepts (same kind, operation, subject and fingerprint).
pub fn apply(diff: &mut Diff, entries: &[Accepted]) -> Applied {
    let mut applied = Applied::default();
    for entry in entries {
        let same_subject = |c: &Change| {
            c.kind.id() == entry.kind
                && c.operation.as_deref().unwrap_or("") == entry.operation
                && c.subject == entry.subject
        };
        let mut matched = false;
        let mut expired = false;
        for c in diff.changes.iter_mut().filter(|c| same_subject(c)) {
            if c.fingerprint == entry.fingerprint {
                c.accepted = Some(entry.reason.clone());
                matched = true;
            } else {
                expired = true;
            }
        }
        match (matched, expired) {
            (true, _) => {}
            (false, true) => applied.expired.push(entry.clone()),
            (false, false) => applied.unused.push(entry.clone()),
        }
    }
    applied
}
