//! Golden IR for every seed, exactly as the documents say it (no overrides). Reviewed by eye
//! against the documents; a change here is a change in what we read.

mod common;

fn golden(prefix: &str) {
    let e = common::seed(prefix);
    insta::assert_yaml_snapshot!(format!("seed_{prefix}_operations"), e.operations);
    insta::assert_yaml_snapshot!(
        format!("seed_{prefix}_listed"),
        (e.listed_undocumented, e.diagnostics)
    );
}

#[test]
fn seed_000_chinese_markdown() {
    golden("000");
}

#[test]
fn seed_001_web_rows() {
    golden("001");
}

#[test]
fn seed_002_web_cells() {
    golden("002");
}

#[test]
fn seed_003_pdf_text() {
    golden("003");
}
