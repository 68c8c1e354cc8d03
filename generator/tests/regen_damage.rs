//! Damaged inputs through the binary, in a scratch copy of the repository: each case checks
//! the exit code, the diagnostic's kind with its file and line, and that `regen` left every
//! checked-in file (specs/ and generated/) exactly as it was.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const MD: &str = "specs/docs/000_765e466a580c64f8.txt";
const WEB: &str = "specs/docs/001_c64127cda3770c00.txt";
const PDF: &str = "specs/docs/003_ea11b898bece2968.txt";
const ACCEPTED: &str = "specs/accepted-warnings.yaml";

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

fn snapshot(dir: &Path, root: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            snapshot(&path, root, out);
        } else {
            let rel = path.strip_prefix(root).expect("inside").to_path_buf();
            out.insert(rel, std::fs::read(&path).expect("read"));
        }
    }
}

/// A scratch repository: specs/ and generated/ copied from this one.
struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tmp");
        let repo = common::repo_root();
        for sub in ["specs", "generated"] {
            copy_dir(&repo.join(sub), &dir.path().join(sub));
        }
        Scratch { dir }
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn edit(&self, rel: &str, f: impl FnOnce(String) -> String) {
        let path = self.root().join(rel);
        let text = std::fs::read_to_string(&path).expect("read");
        let new = f(text.clone());
        assert_ne!(new, text, "the edit of {rel} changed nothing");
        std::fs::write(&path, new).expect("write");
    }

    fn files(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut out = BTreeMap::new();
        snapshot(self.root(), self.root(), &mut out);
        out
    }

    /// Runs `specgen regen` with `args`; returns the exit code and stderr, and checks that
    /// no file under the scratch root changed.
    fn regen_unchanged(&self, args: &[&str]) -> (i32, String) {
        let before = self.files();
        let out = Command::new(env!("CARGO_BIN_EXE_specgen"))
            .arg("regen")
            .arg("--root")
            .arg(self.root())
            .args(args)
            .output()
            .expect("run specgen");
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(!err.contains("panicked"), "{err}");
        let after = self.files();
        let changed: Vec<_> = before
            .iter()
            .filter(|(p, c)| after.get(*p) != Some(c))
            .map(|(p, _)| p)
            .chain(after.keys().filter(|p| !before.contains_key(*p)))
            .collect();
        assert!(changed.is_empty(), "regen changed {changed:?}\n{err}");
        (out.status.code().unwrap_or(-1), err)
    }
}

/// A failed regen: exit 1, `kind` reported at `file:line`, nothing written.
fn fails_with(scratch: &Scratch, kind: &str, file: &str, line: usize) -> String {
    let (code, err) = scratch.regen_unchanged(&[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains(kind), "no `{kind}` in:\n{err}");
    let at = format!("{file}:{line}");
    assert!(err.contains(&at), "no `{at}` in:\n{err}");
    assert!(err.contains("nothing was written"), "{err}");
    err
}

/// `--strict` passes on the checkout (every warning is accepted, with a reason) and fails as
/// soon as one warning is not; `--check` alone passes either way.
#[test]
fn strict_fails_on_a_warning_nobody_accepted() {
    let s = Scratch::new();
    let (code, err) = s.regen_unchanged(&["--check", "--strict"]);
    assert_eq!(code, 0, "{err}");
    s.edit(ACCEPTED, |t| {
        let entry = "  - kind: unparsed-rule\n    operation: DeletePhysicalConnection\n    parameters: [UserCidr]\n";
        assert!(t.contains(entry), "the entry this test removes");
        t.replacen(entry, "  - kind: unparsed-rule\n    operation: DeletePhysicalConnection\n    parameters: [NotUserCidr]\n", 1)
    });
    let (code, err) = s.regen_unchanged(&["--check", "--strict"]);
    assert_eq!(code, 1, "{err}");
    // The unaccepted warning and the stale name's own warning.
    assert!(
        err.contains("(2 not accepted)") && err.contains("`UserCidr`"),
        "{err}"
    );
    assert!(
        err.contains("stale-acceptance") && err.contains("`NotUserCidr`"),
        "{err}"
    );
    let (code, err) = s.regen_unchanged(&["--check"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn non_breaking_spaces_and_a_bom_read_as_plain_text() {
    let s = Scratch::new();
    s.edit(MD, |t| format!("\u{feff}{}", t.replace(' ', "\u{a0}")));
    let (code, err) = s.regen_unchanged(&["--check"]);
    assert_eq!(code, 0, "the same IR as the clean page: {err}");
}

#[test]
fn web_rows_with_tabs_between_cells_lose_nothing() {
    let s = Scratch::new();
    s.edit(WEB, |t| {
        let header = t.replace(
            "Parameter Type Required Example Description",
            "Parameter\tType\tRequired\tExample\tDescription",
        );
        header
            .lines()
            .map(|l| {
                let words: Vec<&str> = l.splitn(4, ' ').collect();
                match words.as_slice() {
                    [name, ty, req, rest]
                        if ["String", "Long", "Integer", "Boolean"].contains(ty)
                            && ["Yes", "No"].contains(req) =>
                    {
                        format!("{name}\t{ty}\t{req}\t{rest}")
                    }
                    _ => l.to_string(),
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    });
    let (code, err) = s.regen_unchanged(&["--check"]);
    assert_eq!(code, 0, "the same IR as the clean page: {err}");
}

#[test]
fn page_cut_inside_the_request_table() {
    let s = Scratch::new();
    s.edit(MD, |t| t.lines().take(23).collect::<Vec<_>>().join("\n"));
    fails_with(&s, "truncated-document", MD, 23);
}

/// A response section with no table is a cut-off page, unless the page says there is no
/// response (`无`): then the operation is read, with an empty response.
#[test]
fn response_section_without_a_table() {
    let s = Scratch::new();
    let cut = |said: &str| {
        let said = said.to_string();
        move |t: String| {
            let head = t.lines().take(69).collect::<Vec<_>>().join("\n");
            format!("{head}\n\n{said}\n")
        }
    };
    s.edit(MD, cut(""));
    fails_with(&s, "truncated-document", MD, 71);
    let s = Scratch::new();
    s.edit(MD, cut("无"));
    let (code, err) = s.regen_unchanged(&["--check"]);
    assert_eq!(code, 1, "{err}");
    assert!(!err.contains("truncated-document"), "{err}");
    assert!(
        err.contains("specs/ir is out of date"),
        "only the response changed: {err}"
    );
}

#[test]
fn request_table_without_required_column() {
    let s = Scratch::new();
    s.edit(MD, |t| {
        t.lines()
            .map(|l| match l {
                "|名称|类型|是否必选|示例值|描述|" => {
                    "|名称|类型|示例值|描述|".to_string()
                }
                "|--|--|----|---|--|" => "|--|--|---|--|".to_string(),
                l => l.replacen("|是|", "|", 1).replacen("|否|", "|", 1),
            })
            .collect::<Vec<_>>()
            .join("\n")
    });
    let err = fails_with(&s, "truncated-document", MD, 11);
    assert!(err.contains("no required column"), "{err}");
}

#[test]
fn row_without_a_name() {
    let s = Scratch::new();
    s.edit(MD, |t| t.replacen("|IdcSP|String|", "||String|", 1));
    fails_with(&s, "empty-name", MD, 23);
}

#[test]
fn nul_byte_reported_at_its_line() {
    let s = Scratch::new();
    s.edit(MD, |t| t.replacen("|IdcSP|", "|Idc\u{0}SP|", 1));
    fails_with(&s, "control-character", MD, 23);
}

#[test]
fn missing_source() {
    let s = Scratch::new();
    std::fs::remove_file(s.root().join(WEB)).expect("rm");
    fails_with(&s, "unreadable", WEB, 0);
}

#[test]
fn unreadable_source() {
    let s = Scratch::new();
    let path = s.root().join(WEB);
    std::fs::remove_file(&path).expect("rm");
    std::fs::create_dir(&path).expect("a directory where the file was");
    fails_with(&s, "unreadable", WEB, 0);
}

#[test]
fn source_outside_specs() {
    let s = Scratch::new();
    std::fs::write(s.root().join("secret.txt"), "x").expect("write");
    s.edit("specs/sources.yaml", |t| {
        t.replacen("docs/001_c64127cda3770c00.txt", "../secret.txt", 1)
    });
    let err = fails_with(&s, "source-outside-specs", "specs/sources.yaml", 10);
    assert!(
        !err.contains("│ x"),
        "the outside file is never shown: {err}"
    );
}

#[test]
fn overrides_with_a_syntax_error() {
    let s = Scratch::new();
    s.edit("specs/overrides.yaml", |t| {
        t.replacen(
            "    set:\n      name: RouterId",
            "    set: [\n      name: RouterId",
            1,
        )
    });
    let (code, err) = s.regen_unchanged(&[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("bad-overrides") && err.contains("specs/overrides.yaml:"),
        "{err}"
    );
}

#[test]
fn override_for_an_unknown_operation() {
    let s = Scratch::new();
    s.edit("specs/overrides.yaml", |t| {
        t.replacen(
            "operation: DescribeBgpNetworks",
            "operation: DescribeBgpNetwork",
            1,
        )
    });
    fails_with(&s, "override-unmatched", "specs/overrides.yaml", 19);
}

#[test]
fn override_for_an_unknown_parameter() {
    let s = Scratch::new();
    s.edit("specs/overrides.yaml", |t| {
        t.replacen("parameter: routeId", "parameter: routeIdent", 1)
    });
    fails_with(&s, "override-unmatched", "specs/overrides.yaml", 19);
}

#[test]
fn override_renaming_to_empty() {
    let s = Scratch::new();
    s.edit("specs/overrides.yaml", |t| {
        t.replacen("name: RouterId", "name: ''", 1)
    });
    fails_with(&s, "bad-overrides", "specs/overrides.yaml", 19);
}

#[test]
fn override_with_an_unknown_key() {
    let s = Scratch::new();
    s.edit("specs/overrides.yaml", |t| {
        t.replacen("      type: Integer", "      typ: Integer", 1)
    });
    let (code, err) = s.regen_unchanged(&[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("bad-overrides") && err.contains("typ"),
        "{err}"
    );
}

#[test]
fn strict_fails_on_a_stale_acceptance() {
    let s = Scratch::new();
    s.edit(ACCEPTED, |t| {
        format!("{t}  - kind: garbled-line\n    operation: NoSuchOperation\n    reason: gone\n")
    });
    let (code, err) = s.regen_unchanged(&["--strict"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("stale-acceptance") && err.contains("specs/accepted-warnings.yaml:"),
        "{err}"
    );
    let (code, err) = s.regen_unchanged(&["--check"]);
    assert_eq!(code, 0, "without --strict, warnings pass: {err}");
}

/// `ClientToke` / `n`: the first-column name wrapped onto the next line is rejoined.
#[test]
fn pdf_name_wrapped_onto_the_next_line() {
    let s = Scratch::new();
    s.edit(PDF, |t| {
        t.replacen("ClientToke n\tString\tNo\tA client token used to guarantee the idempotence of requests. This parameter value is generated by the client and is guaranteed",
            "ClientToke\tString\tNo\tA client token used to guarantee the idempotence of requests.\nn\t\t\tThis parameter value is generated by the client and is guaranteed", 1)
            .replacen("PeerLocati on\tString\tYes", "PeerLocati\tString\tYes", 1)
            .replacen("local data center .\n", "local data center .\non\n", 1)
    });
    let out = Command::new(env!("CARGO_BIN_EXE_specgen"))
        .args(["parse", "--format", "json"])
        .arg(s.root().join(PDF))
        .output()
        .expect("run specgen");
    let docs: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let create = docs[0]["operations"]
        .as_array()
        .expect("operations")
        .iter()
        .find(|o| o["name"] == "CreatePhysicalConnection")
        .expect("CreatePhysicalConnection");
    let names: Vec<&str> = create["parameters"]
        .as_array()
        .expect("parameters")
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    for name in ["ClientToken", "PeerLocation", "Description"] {
        assert!(names.contains(&name), "{name} missing: {names:?}");
    }
    assert!(
        !names
            .iter()
            .any(|n| ["ClientToke", "PeerLocati", "n", "on"].contains(n)),
        "{names:?}"
    );
}
