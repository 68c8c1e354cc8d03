//! The real case: the 2019 PDF reference (seed 003, physical connections) against today's
//! Markdown documents for the same operations in the shared corpus. Skipped, with a note,
//! when the corpus is not there.

mod diff_common;

use diff_common::repo_root;
use specgen::diff::kinds::Kind;
use specgen::diff::{compare, report, sides};

const OLD: &str = "specs/docs/003_ea11b898bece2968.txt";
const CORPUS: &str = "../shared/corpus/en-US/Vpc";

#[test]
fn pdf_2019_against_current_markdown() {
    let root = repo_root();
    let corpus = root.join(CORPUS);
    if !corpus.is_dir() {
        eprintln!(
            "note: {} is absent; skipping the real-case diff",
            corpus.display()
        );
        return;
    }
    let old = sides::resolve(OLD, &root).unwrap_or_else(|e| panic!("{e}"));
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let names: Vec<&str> = old
        .api
        .products
        .iter()
        .flat_map(|p| &p.operations)
        .map(|op| op.name.as_str())
        .collect();
    assert_eq!(
        names.len(),
        5,
        "seed 003 documents five physical-connection operations: {names:?}"
    );
    for name in &names {
        let file = format!("{name}.md");
        std::fs::copy(corpus.join(&file), tmp.path().join(&file))
            .unwrap_or_else(|e| panic!("{file}: {e}"));
    }
    let new_arg = tmp.path().display().to_string();
    let new = sides::resolve(&new_arg, &root).unwrap_or_else(|e| panic!("{e}"));
    let diff = compare(&old.api, &new.api);

    let found = |op: &str, kind: Kind, subject: &str| {
        diff.changes
            .iter()
            .any(|c| c.operation.as_deref() == Some(op) && c.kind == kind && c.subject == subject)
    };
    assert!(found(
        "CreatePhysicalConnection",
        Kind::ParameterRenamed,
        "parameter `bandwidth`"
    ));
    assert!(found(
        "CreatePhysicalConnection",
        Kind::RangeNarrowed,
        "parameter `bandwidth`"
    ));
    assert!(found(
        "CreatePhysicalConnection",
        Kind::ParameterBecameRequired,
        "parameter `ClientToken`"
    ));
    assert!(
        !diff
            .changes
            .iter()
            .any(|c| matches!(c.kind, Kind::OperationAdded | Kind::OperationRemoved)),
        "every operation is paired"
    );

    let text = report::markdown(&diff, report::Sides::named(OLD, CORPUS)).replace(&new_arg, CORPUS);
    insta::assert_snapshot!(text);
}
