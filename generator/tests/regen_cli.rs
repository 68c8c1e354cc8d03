//! `specgen regen` end to end in a copy of the repository's specs: drift check and changelog.

mod common;

use std::path::Path;
use std::process::Command;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

fn regen(root: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_specgen"))
        .arg("regen")
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .expect("run specgen");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[test]
fn doc_edit_is_drift_and_becomes_a_changelog_entry() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path();
    copy_dir(&common::repo_root().join("specs"), &root.join("specs"));
    let (ok, err) = regen(root, &[]);
    assert!(ok, "{err}");
    let (ok, err) = regen(root, &["--check"]);
    assert!(ok, "a fresh regen is not stale: {err}");

    // The page that ranks first for the operation (see generator/src/merge.rs).
    let doc = root.join("specs/docs/corpus/en-US/CreateExpressCloudConnection.md");
    let text = std::fs::read_to_string(&doc).expect("page");
    std::fs::write(
        &doc,
        text.replace("|IdcSP|String|Yes|CU|", "|IdcSP|String|No|CU|"),
    )
    .expect("edit");
    let (ok, err) = regen(root, &["--check"]);
    assert!(!ok, "an edited document must fail the drift check");
    assert!(err.contains("CreateExpressCloudConnection.yaml"), "{err}");

    let changelog = root.join("CHANGELOG.md");
    let (ok, err) = regen(
        root,
        &["--changelog", changelog.to_str().expect("utf-8 path")],
    );
    assert!(ok, "{err}");
    let entry = std::fs::read_to_string(&changelog).expect("changelog written");
    assert!(
        entry.starts_with("## alibabacloud-vpc20160428 (unreleased, minor bump)"),
        "{entry}"
    );
    assert!(entry.contains("IdcSP"), "{entry}");
    assert!(
        !entry.contains("expressconnectrouter"),
        "unchanged crates get no entry: {entry}"
    );
}
