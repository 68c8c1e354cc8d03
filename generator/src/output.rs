//! Writing generated files, or checking that the files on disk are what would be written.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Why a file on disk differs from what would be generated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drift {
    Missing(PathBuf),
    Changed(PathBuf),
    /// A file in a managed directory that nothing generates any more.
    Extra(PathBuf),
}

impl std::fmt::Display for Drift {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Drift::Missing(p) => write!(f, "missing: {}", p.display()),
            Drift::Changed(p) => write!(f, "stale: {}", p.display()),
            Drift::Extra(p) => write!(f, "not generated any more: {}", p.display()),
        }
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if !dir.exists() {
        return Ok(());
    }
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Compares `files` (paths relative to `dir`) with the contents of `dir`; every file under
/// `dir` is owned by the generator. With `write`, brings `dir` up to date (removing extra
/// files); either way returns what differed, sorted.
pub fn sync(
    dir: &Path,
    files: &BTreeMap<PathBuf, impl AsRef<str>>,
    write: bool,
    keep: impl Fn(&Path) -> bool,
) -> std::io::Result<Vec<Drift>> {
    let mut drift = Vec::new();
    for (rel, content) in files {
        let content = content.as_ref();
        let path = dir.join(rel);
        match std::fs::read(&path) {
            Ok(old) if old == content.as_bytes() => continue,
            Ok(_) => drift.push(Drift::Changed(rel.clone())),
            Err(_) => drift.push(Drift::Missing(rel.clone())),
        }
        if write {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(&path, content)?;
        }
    }
    let mut existing = Vec::new();
    walk(dir, &mut existing)?;
    existing.sort();
    for path in existing {
        let rel = path.strip_prefix(dir).unwrap_or(&path).to_path_buf();
        if !files.contains_key(&rel) && !keep(&rel) {
            drift.push(Drift::Extra(rel));
            if write {
                std::fs::remove_file(&path)?;
            }
        }
    }
    Ok(drift)
}
