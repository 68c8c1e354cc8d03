//! `specgen diff` through the binary: every kind of side (documents, IR directories, `specs/`
//! trees, git revisions, the working tree), the report formats, `--fail-on`, and sides that
//! cannot be read.

mod diff_common;

use diff_common::{seed, specgen_diff, specs_tree, tempdir, write_docs};
use std::path::Path;
use std::process::Command;

fn git(cwd: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=diff test",
            "-c",
            "user.email=diff@test",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap_or_else(|e| panic!("git {args:?}: {e}"));
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Several edits at once: the report groups by operation, breaking first.
const NARROWED: &[(&str, &str)] = &[
    ("长度为 2-128个字符", "长度为 2-64个字符"),
    ("|ContactMail|String|否|", "|ContactMail|String|是|"),
    ("|PeerCity|String|否|杭州|", "|PeerCity|String|否|上海|"),
    (
        "-   10GBase-LR：万兆单模光口（10千米）\n",
        "-   10GBase-LR：万兆单模光口（10千米）\n-   40GBase-LR：四万兆单模光口（10千米）\n",
    ),
];

fn doc_sides(dir: &Path) {
    write_docs(&dir.join("old"), &[("000.txt".to_string(), seed("000"))]);
    write_docs(
        &dir.join("new"),
        &[(
            "000.txt".to_string(),
            diff_common::edit(&seed("000"), NARROWED),
        )],
    );
}

#[test]
fn markdown_report_for_documents() {
    let tmp = tempdir();
    doc_sides(tmp.path());
    let (code, out, _) = specgen_diff(tmp.path(), &["old/000.txt", "new"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!(out);
}

#[test]
fn json_report_for_tools() {
    let tmp = tempdir();
    doc_sides(tmp.path());
    let (code, out, _) = specgen_diff(tmp.path(), &["old", "new", "--format", "json"]);
    assert_eq!(code, 0);
    let json: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON: {e}\n{out}"));
    assert_eq!(json["summary"]["breaking"], 2);
    assert_eq!(json["crates"][0]["crate"], "Vpc 2016-04-28");
    assert_eq!(json["crates"][0]["bump"], "major");
    assert_eq!(json["changes"][0]["id"], "parameter-became-required");
    assert_eq!(json["changes"][0]["old"]["file"], "old/000.txt");
    insta::assert_snapshot!(out);
}

#[test]
fn fail_on_sets_the_exit_code() {
    let tmp = tempdir();
    doc_sides(tmp.path());
    for (fail_on, code) in [
        ("breaking", 1),
        ("potentially-breaking", 1),
        ("any", 1),
        ("none", 0),
    ] {
        assert_eq!(
            specgen_diff(tmp.path(), &["old", "new", "--fail-on", fail_on]).0,
            code,
            "--fail-on {fail_on}"
        );
    }
    // Only a docs change: fails only under `any`.
    write_docs(
        &tmp.path().join("docs"),
        &[(
            "000.txt".to_string(),
            diff_common::edit(&seed("000"), &[("|所在城市。", "|所在的城市。")]),
        )],
    );
    for (fail_on, code) in [("breaking", 0), ("potentially-breaking", 0), ("any", 1)] {
        assert_eq!(
            specgen_diff(tmp.path(), &["old", "docs", "--fail-on", fail_on]).0,
            code,
            "--fail-on {fail_on}"
        );
    }
    assert_eq!(
        specgen_diff(tmp.path(), &["old", "old", "--fail-on", "any"]).0,
        0
    );
}

#[test]
fn ir_directories_written_by_regen() {
    let tmp = tempdir();
    // Without the Name charset sentence: a `charset` rule with a literal character is written
    // as `!char '.'`, which `ir::io::load_dir` cannot read back inside the internally tagged
    // `Constraint` (ir/model.rs, reported to its owner). Drop this edit once that is fixed.
    const NO_CHAR_CLASS: (&str, &str) = ("，可包含数字，点号（.），下划线（\\_）和短横线（-）", "");
    let new: Vec<(&str, &str)> = NARROWED.iter().copied().chain([NO_CHAR_CLASS]).collect();
    for (side, edits) in [("old", &[NO_CHAR_CLASS][..]), ("new", &new[..])] {
        let root = tmp.path().join(side);
        specs_tree(&root, edits, &[]);
        let regen = Command::new(env!("CARGO_BIN_EXE_specgen"))
            .args(["regen", "--root"])
            .arg(&root)
            .output()
            .unwrap_or_else(|e| panic!("regen: {e}"));
        assert!(
            root.join("specs/ir/Vpc/2016-04-28/_product.yaml").is_file(),
            "regen wrote no IR: {}",
            String::from_utf8_lossy(&regen.stderr)
        );
    }
    let (code, out, err) = specgen_diff(
        tmp.path(),
        &["old/specs/ir", "new/specs/ir", "--fail-on", "breaking"],
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("| alibabacloud-vpc20160428 | **major** |"),
        "{out}"
    );
    assert!(
        out.contains("## `CreateExpressCloudConnection` (`specs/docs/000.txt`)\n"),
        "{out}"
    );
    assert!(out.contains("`length-narrowed` parameter `Name`: 2-128 characters → 2-64 characters (line 48 → line 48)"), "{out}");
    // The IR says what the documents say: the same documents read bare report nothing.
    let (code, out, err) = specgen_diff(tmp.path(), &["old/specs/ir", "old/specs/docs"]);
    assert_eq!(
        (code, out.as_str()),
        (
            0,
            "# API changes: `old/specs/ir` → `old/specs/docs`\n\nNo changes.\n"
        ),
        "{err}"
    );
}

#[test]
fn git_revisions_and_the_working_tree() {
    let tmp = tempdir();
    let repo = tmp.path();
    git(repo, &["init", "-q"]);
    specs_tree(repo, &[], &[]);
    git(repo, &["add", "specs"]);
    git(repo, &["commit", "-q", "-m", "seed"]);
    specs_tree(repo, NARROWED, &[]);
    git(repo, &["commit", "-q", "-a", "-m", "narrowed"]);
    let (code, out, err) = specgen_diff(repo, &["HEAD~1", "HEAD", "--fail-on", "breaking"]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("`length-narrowed` parameter `Name`"), "{out}");
    assert!(
        err.contains("note: HEAD~1: specs has no ir/: built the IR from its sources.yaml"),
        "{err}"
    );
    // The working tree equals HEAD; then an uncommitted edit shows against HEAD.
    assert!(specgen_diff(repo, &["HEAD", "."]).1.contains("No changes."));
    let further: Vec<(&str, &str)> = NARROWED
        .iter()
        .copied()
        .chain([("长度为 2-64个字符", "长度为 2-32个字符")])
        .collect();
    specs_tree(repo, &further, &[]);
    let out = specgen_diff(repo, &["HEAD", "."]).1;
    assert!(out.contains("2-64 characters → 2-32 characters"), "{out}");
}

#[test]
fn a_revision_with_checked_in_ir_uses_it() {
    let tmp = tempdir();
    let repo = tmp.path();
    git(repo, &["init", "-q"]);
    specs_tree(repo, &[], &[]);
    let regen = Command::new(env!("CARGO_BIN_EXE_specgen"))
        .args(["regen", "--root"])
        .arg(repo)
        .output()
        .unwrap_or_else(|e| panic!("regen: {e}"));
    assert!(
        repo.join("specs/ir").is_dir(),
        "{}",
        String::from_utf8_lossy(&regen.stderr)
    );
    // A checked-in IR that no longer parses is named, as git names it, and the exit is 2.
    let op = repo.join("specs/ir/Vpc/2016-04-28/CreateExpressCloudConnection.yaml");
    std::fs::write(&op, "name: [unclosed\n").unwrap_or_else(|e| panic!("{e}"));
    git(repo, &["add", "specs"]);
    git(repo, &["commit", "-q", "-m", "broken ir"]);
    let (code, _, err) = specgen_diff(repo, &["HEAD", "HEAD"]);
    assert_eq!(code, 2);
    assert!(err.contains("error: revision `HEAD`: HEAD:specs/ir/Vpc/2016-04-28/CreateExpressCloudConnection.yaml: not a valid IR file"), "{err}");
}

#[test]
fn sides_that_cannot_be_read_are_named() {
    let tmp = tempdir();
    doc_sides(tmp.path());
    // Neither a path nor a revision (inside a repository, and outside one).
    git(tmp.path(), &["init", "-q"]);
    let (code, _, err) = specgen_diff(tmp.path(), &["no-such-rev", "old"]);
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "error: `no-such-rev`: no such file or directory, and not a revision of <tmp>"
        ),
        "{err}"
    );
    let outside = tempdir();
    let (code, _, err) = specgen_diff(outside.path(), &["old", "HEAD~1"]);
    assert_eq!(code, 2);
    assert!(err.contains("error: `old`: no such file or directory, and not a revision of any git repository (none here)"), "{err}");
    // An IR directory with a file that does not parse.
    let ir = tmp.path().join("ir/Vpc/2016-04-28");
    write_docs(
        &ir,
        &[("_product.yaml".to_string(), "product: [\n".to_string())],
    );
    let (code, _, err) = specgen_diff(tmp.path(), &["ir", "old"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("error: <tmp>/ir/Vpc/2016-04-28/_product.yaml: not a valid IR file"),
        "{err}"
    );
    // A directory with nothing to read, and a document with no operation.
    write_docs(
        &tmp.path().join("empty"),
        &[("notes.yaml".to_string(), "a: 1\n".to_string())],
    );
    let (code, _, err) = specgen_diff(tmp.path(), &["old", "empty"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("error: <tmp>/empty: neither an IR directory"),
        "{err}"
    );
    write_docs(
        &tmp.path().join("prose"),
        &[(
            "letter.md".to_string(),
            "# Hello\n\nNo tables here.\n".to_string(),
        )],
    );
    let (code, _, err) = specgen_diff(tmp.path(), &["old", "prose"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("error: `prose`: no operation could be read"),
        "{err}"
    );
}

#[test]
fn changelog_entry_for_regen() {
    let tmp = tempdir();
    let build = |side: &str, edits: &[(&str, &str)]| {
        let root = tmp.path().join(side);
        specs_tree(&root, edits, &[]);
        specgen::pipeline::build(&root, &root.join("specs"))
            .unwrap_or_else(|e| panic!("{e}"))
            .products
    };
    let (old, new) = (build("old", &[]), build("new", NARROWED));
    assert!(specgen::diff::changelog(&old, &old).is_empty());
    let entries = specgen::diff::changelog(&old, &new);
    let [entry] = entries.as_slice() else {
        panic!("one crate changed: {entries:?}")
    };
    assert_eq!(
        (entry.crate_name.as_str(), entry.bump),
        (
            "alibabacloud-vpc20160428",
            specgen::diff::semver::Bump::Major
        )
    );
    insta::assert_snapshot!(entry.markdown);
}
