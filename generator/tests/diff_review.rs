//! Reviewing a documentation update in a pull request: sides with documents in subfolders,
//! GitHub annotations, the accept file (which stops a reviewed change failing `--fail-on`
//! and expires when the documents change it again), and true diagnostic counts.

mod diff_common;

use diff_common::{edit, seed, specgen_diff, tempdir, write_docs};
use std::path::Path;

const NARROWED: &[(&str, &str)] = &[("长度为 2-128个字符", "长度为 2-64个字符")];
const FURTHER: &[(&str, &str)] = &[("长度为 2-128个字符", "长度为 2-32个字符")];

/// `docs/old/vpc/ecc/000.md` and `docs/new/vpc/ecc/000.md`, the new one with `edits`.
fn nested_sides(dir: &Path, edits: &[(&str, &str)]) {
    let text = seed("000");
    write_docs(
        &dir.join("docs/old/vpc/ecc"),
        &[("000.md".to_string(), text.clone())],
    );
    write_docs(
        &dir.join("docs/new/vpc/ecc"),
        &[("000.md".to_string(), edit(&text, edits))],
    );
}

#[test]
fn documents_in_subfolders_are_read_and_shown_relative_to_each_side() {
    let tmp = tempdir();
    nested_sides(tmp.path(), NARROWED);
    let (code, out, err) = specgen_diff(
        tmp.path(),
        &["docs/old", "docs/new", "--fail-on", "breaking"],
    );
    assert_eq!(code, 1, "{out}\n{err}");
    assert!(
        out.contains("## `CreateExpressCloudConnection` (`vpc/ecc/000.md`)\n"),
        "{out}"
    );
    assert!(out.contains("- **breaking** `length-narrowed` parameter `Name`: 2-128 characters → 2-64 characters (line 48 → line 48)"), "{out}");
    // A reading diagnostic inside an operation is counted.
    assert!(
        err.contains("docs/new: 1 products, 1 operations, "),
        "{err}"
    );
}

#[test]
fn github_annotations_point_at_the_new_line() {
    let tmp = tempdir();
    let added: &[(&str, &str)] = &[
        NARROWED[0],
        ("|RedundantEccId|", "|ClientToken|String|否|0c593ea1|客户端Token，用于保证请求的幂等性。\n\n |\n|RedundantEccId|"),
    ];
    nested_sides(tmp.path(), added);
    let (code, out, err) =
        specgen_diff(tmp.path(), &["docs/old", "docs/new", "--format", "github"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.contains(&"::error file=docs/new/vpc/ecc/000.md,line=48,title=breaking length-narrowed in CreateExpressCloudConnection::parameter `Name`: 2-128 characters → 2-64 characters: strings of a length that was valid are now rejected; code that worked fails at run time"), "{out}");
    // Input structs are #[non_exhaustive]: a new optional field breaks no code.
    assert!(lines.iter().any(|l| l.starts_with("::notice file=docs/new/vpc/ecc/000.md,line=65,title=compatible parameter-added-optional in CreateExpressCloudConnection::parameter `ClientToken`: optional `String`")), "{out}");
    assert!(
        !out.contains("docs-changed"),
        "docs-only findings are not annotated: {out}"
    );
    assert_eq!(
        lines.last().copied(),
        Some("specgen diff: 1 breaking, 0 potentially breaking, 1 compatible, 1 docs only")
    );
}

#[test]
fn accepted_changes_stop_failing_until_the_docs_change_again() {
    let tmp = tempdir();
    nested_sides(tmp.path(), NARROWED);
    let json = specgen_diff(tmp.path(), &["docs/old", "docs/new", "--format", "json"]).1;
    let report: serde_json::Value =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
    let finding = &report["changes"][0];
    assert_eq!(finding["id"], "length-narrowed");
    let fingerprint = finding["fingerprint"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert_eq!(fingerprint.len(), 16);
    // The markdown report offers the entry to paste.
    let md = specgen_diff(tmp.path(), &["docs/old", "docs/new"]).1;
    assert!(
        md.contains(&format!("    fingerprint: \"{fingerprint}\"")),
        "{md}"
    );
    // The entry the report offers, pasted with a reason, is what the accept file takes.
    let offered = md
        .split("```yaml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .unwrap_or_else(|| panic!("no entries offered: {md}"));
    let accept = offered.replace(
        "\"<why callers are not hurt>\"",
        "the console never allowed more than 64",
    );
    write_docs(
        &tmp.path().join("specs"),
        &[("accepted-changes.yaml".to_string(), accept)],
    );
    let (code, out, err) = specgen_diff(
        tmp.path(),
        &["docs/old", "docs/new", "--fail-on", "breaking"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("— accepted: the console never allowed more than 64"),
        "{out}"
    );
    assert!(
        out.contains("(1 accepted in `specs/accepted-changes.yaml`)"),
        "{out}"
    );
    // Still a breaking change for the version bump.
    assert!(out.contains("| Vpc 2016-04-28 | **major** |"), "{out}");
    // The docs narrow the same parameter further: the acceptance expires.
    nested_sides(tmp.path(), FURTHER);
    let (code, _, err) = specgen_diff(
        tmp.path(),
        &["docs/old", "docs/new", "--fail-on", "breaking"],
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("has changed again since it was accepted; it fails again"),
        "{err}"
    );
    // The change is gone: the entry is reported as unused.
    let (code, _, err) = specgen_diff(
        tmp.path(),
        &["docs/old", "docs/old", "--fail-on", "breaking"],
    );
    assert_eq!(code, 0);
    assert!(err.contains("matches no finding; remove it"), "{err}");
    // A broken accept file is an error (exit 2), named.
    write_docs(
        &tmp.path().join("specs"),
        &[(
            "accepted-changes.yaml".to_string(),
            "accepted: [{kind: x}]\n".to_string(),
        )],
    );
    let (code, _, err) = specgen_diff(tmp.path(), &["docs/old", "docs/new"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("accepted-changes.yaml: not a valid accept file"),
        "{err}"
    );
}

#[test]
fn repeated_rows_are_a_diagnostic_of_the_diff() {
    let tmp = tempdir();
    let repeated: &[(&str, &str)] = &[(
        "|PeerCity|String|否|杭州|所在城市。",
        "|Name|String|否|doc2|重复的名称行。\n\n |\n|PeerCity|String|否|杭州|所在城市。",
    )];
    nested_sides(tmp.path(), repeated);
    let (_, out, err) = specgen_diff(tmp.path(), &["docs/old", "docs/new"]);
    assert!(err.contains("diff: 1 diagnostics"), "{err}");
    assert!(out.contains("## Diagnostics (1)"), "{out}");
    assert!(
        out.contains("parameter `Name` appears 2 times in one table on the new side"),
        "{out}"
    );
    // The original row pairs with its twin by description: only the repeated row is new.
    assert!(
        out.contains(
            "`parameter-added-optional` parameter `Name`: optional `String` (new line 53)"
        ),
        "{out}"
    );
    assert!(!out.contains("length-"), "{out}");
}
