//! Helpers for the `diff*` tests: edited copies of the seed documents in temporary
//! directories, diffed through the same entry points `specgen diff` uses.

// Each test binary that includes this module uses only part of it.
#![allow(dead_code)]

use specgen::diff::kinds::Kind;
use specgen::diff::{compare, sides, Diff};
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// The text of the seed document whose file name starts with `prefix` (`000`, `003`).
pub fn seed(prefix: &str) -> String {
    let docs = repo_root().join("specs/docs");
    let entries = std::fs::read_dir(&docs).unwrap_or_else(|e| panic!("{}: {e}", docs.display()));
    let path = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no seed {prefix}_* in {}", docs.display()));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `text` with each `(find, replace)` applied; each `find` must occur exactly once, so an
/// edit that no longer matches the seed fails loudly instead of testing nothing.
pub fn edit(text: &str, edits: &[(&str, &str)]) -> String {
    let mut out = text.to_string();
    for (find, replace) in edits {
        assert_eq!(
            out.matches(find).count(),
            1,
            "edit target must occur once: {find:?}"
        );
        out = out.replacen(find, replace, 1);
    }
    out
}

/// Writes `files` into `dir` (created) and returns it.
pub fn write_docs(dir: &Path, files: &[(String, String)]) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    dir.to_path_buf()
}

/// Diffs two sides named relative to `cwd`, as `specgen diff OLD NEW` run in `cwd` would.
pub fn diff_args(cwd: &Path, old: &str, new: &str) -> Diff {
    let side = |arg: &str| sides::resolve(arg, cwd).unwrap_or_else(|e| panic!("side {arg}: {e}"));
    compare(&side(old).api, &side(new).api)
}

/// Diffs two sets of documents (file name, text), each written to its own directory.
pub fn diff_docs(old: &[(String, String)], new: &[(String, String)]) -> Diff {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    write_docs(&tmp.path().join("old"), old);
    write_docs(&tmp.path().join("new"), new);
    diff_args(tmp.path(), "old", "new")
}

/// One line per change, as short as the report's: severity, kind, what, where.
pub fn lines(diff: &Diff) -> String {
    let place = |s: &Option<specgen::diag::Span>| {
        s.as_ref()
            .map_or_else(|| "-".to_string(), ToString::to_string)
    };
    diff.changes
        .iter()
        .map(|c| {
            format!(
                "{} {} [{}] {} ({} -> {})\n",
                c.severity.id(),
                c.kind.id(),
                c.operation.as_deref().unwrap_or("product"),
                c.describe(),
                place(&c.old),
                place(&c.new)
            )
        })
        .collect()
}

/// The distinct kinds found, in catalogue order.
pub fn kinds(diff: &Diff) -> Vec<Kind> {
    let mut out: Vec<Kind> = diff.changes.iter().map(|c| c.kind).collect();
    out.sort();
    out.dedup();
    out
}

/// A repository-like tree under `dir`: `specs/sources.yaml` listing the 000 seed as
/// `specs/docs/000.txt` (with `doc_edits`) and the real Vpc product file (with `product_edits`).
pub fn specs_tree(dir: &Path, doc_edits: &[(&str, &str)], product_edits: &[(&str, &str)]) {
    let products = repo_root().join("specs/products/Vpc-2016-04-28.yaml");
    let product = std::fs::read_to_string(&products)
        .unwrap_or_else(|e| panic!("{}: {e}", products.display()));
    let sources = "sources:\n  - path: docs/000.txt\n    product: Vpc\n    version: \"2016-04-28\"\n    style: RPC\n    language: zh-CN\n    format: auto\n";
    write_docs(
        &dir.join("specs/docs"),
        &[("000.txt".to_string(), edit(&seed("000"), doc_edits))],
    );
    write_docs(
        &dir.join("specs"),
        &[("sources.yaml".to_string(), sources.to_string())],
    );
    write_docs(
        &dir.join("specs/products"),
        &[(
            "Vpc-2016-04-28.yaml".to_string(),
            edit(&product, product_edits),
        )],
    );
}

/// Runs `specgen diff ARGS` in `cwd`: (exit code, stdout, stderr), temp paths shown as `<tmp>`.
pub fn specgen_diff(cwd: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_specgen"))
        .arg("diff")
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap_or_else(|e| panic!("run specgen: {e}"));
    let tmp = cwd.display().to_string();
    let text = |b: &[u8]| String::from_utf8_lossy(b).replace(&tmp, "<tmp>");
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("panicked"), "specgen panicked:\n{stderr}");
    (out.status.code().unwrap_or(-1), text(&out.stdout), stderr)
}

pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
}
