//! What one side of `specgen diff` names: an IR directory, source documents, a `specs/`
//! directory (or a checkout containing one), or a git revision of the repository (`.` is the
//! working tree).

use super::Api;
use crate::diag::Diagnostic;
use crate::ir::io::{load_dir, IrError, PRODUCT_FILE};
use crate::pipeline::{self, PipelineError};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A resolved side, with what reading it reported.
#[derive(Debug)]
pub struct Side {
    pub api: Api,
    /// Findings of the readers and the extractor while reading documents.
    pub diagnostics: Vec<Diagnostic>,
    /// How the side was read, when that is not obvious from the argument.
    pub notes: Vec<String>,
    /// What span file names start with (`docs/new/` for `docs/new`): reports show paths
    /// relative to it. Empty for `specs/` trees and IR, whose spans are repository paths.
    pub root: String,
}

impl Side {
    /// Every reading diagnostic: the side's own and each operation's warnings.
    pub fn diagnostic_count(&self) -> usize {
        let ops: usize = self
            .api
            .products
            .iter()
            .flat_map(|p| &p.operations)
            .map(|op| op.warnings.len())
            .sum();
        self.diagnostics.len() + ops
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SideError {
    #[error("`{arg}`: no such file or directory, and not a revision of {repo}")]
    NotFound { arg: String, repo: String },
    #[error("{0}: neither an IR directory (<product>/<version>/{PRODUCT_FILE}), a specs directory, nor a directory of .md/.txt/.html documents")]
    Unrecognised(PathBuf),
    #[error(transparent)]
    Ir(#[from] IrError),
    #[error(transparent)]
    Pipeline(#[from] PipelineError),
    #[error("{0}")]
    Document(Diagnostic),
    #[error("`{arg}`: no operation could be read ({reasons})")]
    NoOperations { arg: String, reasons: String },
    #[error("revision `{rev}`: {message}")]
    Git { rev: String, message: String },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

const DOCUMENT_EXTENSIONS: [&str; 4] = ["md", "txt", "html", "htm"];

/// Resolves `arg` relative to `cwd`. Paths win over revisions, except `.`, which is the
/// working tree's `specs/` when `cwd` is inside a git repository.
pub fn resolve(arg: &str, cwd: &Path) -> Result<Side, SideError> {
    let repo = git_toplevel(cwd);
    if arg == "." {
        if let Some(root) = &repo {
            return load_specs(root, &root.join("specs"));
        }
    }
    let path = cwd.join(arg);
    if path.is_file() {
        let root = match arg.rfind('/') {
            Some(i) => arg[..=i].to_string(),
            None => String::new(),
        };
        return documents(arg, vec![(path, arg.to_string())], root);
    }
    if path.is_dir() {
        return directory(arg, &path);
    }
    match &repo {
        Some(root) if is_revision(root, arg) => revision(root, arg),
        _ => Err(SideError::NotFound {
            arg: arg.to_string(),
            repo: repo.map_or_else(
                || "any git repository (none here)".to_string(),
                |r| r.display().to_string(),
            ),
        }),
    }
}

fn directory(arg: &str, dir: &Path) -> Result<Side, SideError> {
    if has_ir(dir)? {
        return Ok(Side {
            api: Api::from_ir(load_dir(dir)?),
            diagnostics: Vec::new(),
            notes: Vec::new(),
            root: String::new(),
        });
    }
    if dir.join("sources.yaml").is_file() {
        let root = dir.parent().unwrap_or(dir);
        return load_specs(root, dir);
    }
    if dir.join("specs/sources.yaml").is_file() {
        return load_specs(dir, &dir.join("specs"));
    }
    let root = format!("{}/", arg.trim_end_matches('/'));
    let mut files = Vec::new();
    collect_documents(dir, &root, &mut files)?;
    if files.is_empty() {
        return Err(SideError::Unrecognised(dir.into()));
    }
    documents(arg, files, root)
}

/// Documents in `dir` and its subfolders (as a documentation repository nests them), sorted
/// by path; `display` is how their spans name `dir`. Hidden folders (`.git`) are skipped.
fn collect_documents(
    dir: &Path,
    display: &str,
    out: &mut Vec<(PathBuf, String)>,
) -> Result<(), SideError> {
    for path in entries(dir)? {
        let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
            continue;
        };
        if path.is_dir() {
            if !name.starts_with('.') {
                collect_documents(&path, &format!("{display}{name}/"), out)?;
            }
            continue;
        }
        let is_doc = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| DOCUMENT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
        if is_doc {
            out.push((path, format!("{display}{name}")));
        }
    }
    Ok(())
}

fn entries(dir: &Path) -> Result<Vec<PathBuf>, SideError> {
    let io = |source| SideError::Io {
        path: dir.into(),
        source,
    };
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        out.push(entry.map_err(io)?.path());
    }
    out.sort();
    Ok(out)
}

/// True when `dir` holds `<product>/<version>/_product.yaml`.
fn has_ir(dir: &Path) -> Result<bool, SideError> {
    for product in entries(dir)?.into_iter().filter(|p| p.is_dir()) {
        if entries(&product)?
            .iter()
            .any(|version| version.join(PRODUCT_FILE).is_file())
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Documents read as they are: no sources.yaml, no product files, no overrides.
fn documents(arg: &str, files: Vec<(PathBuf, String)>, root: String) -> Result<Side, SideError> {
    let mut operations = Vec::new();
    let mut diagnostics = Vec::new();
    for (path, display) in &files {
        let extracted =
            pipeline::parse_document(path, display, None).map_err(SideError::Document)?;
        operations.extend(extracted.operations);
        diagnostics.extend(extracted.diagnostics);
    }
    if operations.is_empty() {
        let reasons: Vec<String> = diagnostics
            .iter()
            .take(3)
            .map(ToString::to_string)
            .collect();
        let reasons = if reasons.is_empty() {
            format!("{} documents", files.len())
        } else {
            reasons.join("; ")
        };
        return Err(SideError::NoOperations {
            arg: arg.to_string(),
            reasons,
        });
    }
    Ok(Side {
        api: Api::from_operations(operations),
        diagnostics,
        notes: Vec::new(),
        root,
    })
}

/// A `specs/` directory: its checked-in IR, or, when it has none, the IR built from its
/// sources with this specgen.
fn load_specs(root: &Path, specs: &Path) -> Result<Side, SideError> {
    let ir = specs.join("ir");
    if ir.is_dir() {
        return Ok(Side {
            api: Api::from_ir(load_dir(&ir)?),
            diagnostics: Vec::new(),
            notes: Vec::new(),
            root: String::new(),
        });
    }
    let built = pipeline::build(root, specs)?;
    let note = format!(
        "{} has no ir/: built the IR from its sources.yaml",
        pipeline::display_path(root, specs)
    );
    Ok(Side {
        api: Api::from_ir(built.products),
        diagnostics: built.diagnostics,
        notes: vec![note],
        root: String::new(),
    })
}

fn git(root: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.arg("-C").arg(root);
    cmd
}

pub fn git_toplevel(cwd: &Path) -> Option<PathBuf> {
    let out = git(cwd)
        .args(["rev-parse", "--show-toplevel"])
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    (out.status.success() && !text.trim().is_empty()).then(|| PathBuf::from(text.trim()))
}

fn is_revision(root: &Path, rev: &str) -> bool {
    !rev.starts_with('-')
        && git(root)
            .args([
                "rev-parse",
                "--verify",
                "--quiet",
                &format!("{rev}^{{commit}}"),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
}

/// Extracts the revision's `specs/` into a temporary directory (`git archive | tar -x`, which
/// leaves the index and working tree alone) and reads it.
fn revision(root: &Path, rev: &str) -> Result<Side, SideError> {
    let git_err = |message: String| SideError::Git {
        rev: rev.to_string(),
        message,
    };
    let tmp = tempfile::tempdir()
        .map_err(|e| git_err(format!("cannot create a temporary directory: {e}")))?;
    let mut archive = git(root)
        .args(["archive", "--format=tar", rev, "specs"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| git_err(format!("cannot run git: {e}")))?;
    let tar_input = archive
        .stdout
        .take()
        .ok_or_else(|| git_err("git archive gave no output".to_string()))?;
    let untar = Command::new("tar")
        .arg("-x")
        .arg("-C")
        .arg(tmp.path())
        .stdin(tar_input)
        .output()
        .map_err(|e| git_err(format!("cannot run tar: {e}")))?;
    let archived = archive
        .wait_with_output()
        .map_err(|e| git_err(format!("git archive failed: {e}")))?;
    if !archived.status.success() {
        return Err(git_err(
            String::from_utf8_lossy(&archived.stderr).trim().to_string(),
        ));
    }
    if !untar.status.success() {
        return Err(git_err(format!(
            "tar failed: {}",
            String::from_utf8_lossy(&untar.stderr).trim()
        )));
    }
    // Errors name files as git does (`HEAD~1:specs/ir/...`), not by the temporary path.
    let tmp_prefix = format!("{}/", tmp.path().display());
    let mut side = load_specs(tmp.path(), &tmp.path().join("specs"))
        .map_err(|e| git_err(e.to_string().replace(&tmp_prefix, &format!("{rev}:"))))?;
    for note in &mut side.notes {
        *note = format!("{rev}: {note}");
    }
    Ok(side)
}
