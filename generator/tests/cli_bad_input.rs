//! Bad input through the CLI: a clear diagnostic with file and line, a non-zero exit, never a panic.

use std::path::PathBuf;
use std::process::Command;

fn specgen_parse(name: &str, content: &[u8]) -> (i32, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path: PathBuf = dir.path().join(name);
    std::fs::write(&path, content).expect("write input");
    let out = Command::new(env!("CARGO_BIN_EXE_specgen"))
        .arg("parse")
        .arg(&path)
        .output()
        .expect("run specgen");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        !stderr.contains("panicked"),
        "specgen panicked on {name}:\n{stderr}"
    );
    (
        out.status.code().unwrap_or(-1),
        stderr.replace(&dir.path().display().to_string(), "<tmp>"),
    )
}

fn seed(name: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../specs/docs");
    let entry = std::fs::read_dir(dir)
        .expect("specs/docs")
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with(name))
        .expect("seed");
    std::fs::read_to_string(entry.path()).expect("read seed")
}

#[test]
fn empty_file() {
    let (code, err) = specgen_parse("empty.md", b"");
    assert_eq!(code, 1);
    assert!(
        err.contains("empty-document") && err.contains("<tmp>/empty.md"),
        "{err}"
    );
}

#[test]
fn binary_junk() {
    let junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let (code, err) = specgen_parse("junk.bin", &junk);
    assert_eq!(code, 1);
    assert!(
        err.contains("not-utf8") && err.contains("junk.bin"),
        "{err}"
    );
}

#[test]
fn prose_in_no_known_format() {
    let (code, err) = specgen_parse(
        "letter.txt",
        "Dear team,\n\nthe weather is fine today.\nRegards\n".as_bytes(),
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("unknown-format") && err.contains("letter.txt"),
        "{err}"
    );
}

#[test]
fn table_row_with_missing_column() {
    let doc = "# DescribeThings {#doc_api_Vpc_DescribeThings .reference}\n\nLists things.\n\n## 请求参数 {#parameters .section}\n\n|名称|类型|是否必选|示例值|描述|\n|--|--|----|---|--|\n|RegionId|String|是|cn-hangzhou|地域。|\n|PageSize|Integer|否|\n\n## 返回数据 {#resultMapping .section}\n\n|名称|类型|示例值|描述|\n|--|--|---|--|\n|RequestId|String|x|请求ID。|\n";
    let (code, err) = specgen_parse("missing.md", doc.as_bytes());
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("missing.md") && (err.contains(":10") || err.contains("line 10")),
        "the short row (line 10) must be reported: {err}"
    );
}

#[test]
fn truncated_documents_never_panic() {
    for name in ["000", "001", "002", "003"] {
        let text = seed(name);
        let lines: Vec<&str> = text.lines().collect();
        for cut in [1, lines.len() / 3, lines.len() / 2, lines.len() * 2 / 3] {
            let truncated = lines[..cut].join("\n");
            let (code, err) = specgen_parse(&format!("{name}-cut{cut}.txt"), truncated.as_bytes());
            assert!(
                code == 0 || code == 1,
                "{name} cut at {cut}: exit {code}\n{err}"
            );
            if code == 1 {
                assert!(
                    err.contains(&format!("{name}-cut{cut}.txt")),
                    "the diagnostic names the file: {err}"
                );
            }
        }
    }
}

/// A type word that names no type is an error at its row, not a guess (`Integr` once became an
/// enum with variants `V2`, `V4`).
#[test]
fn misspelt_type_word_is_an_error_at_its_line() {
    let text = seed("000_").replacen("|Bandwidth|Integer|", "|Bandwidth|Integr|", 1);
    let (code, err) = specgen_parse("typo.md", text.as_bytes());
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("unknown-type")
            && err.contains("<tmp>/typo.md:18")
            && err.contains("`Integr`"),
        "{err}"
    );
}
