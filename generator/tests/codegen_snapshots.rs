//! Generated code, pinned: one snapshot per operation module (the seeds' and the Express Connect
//! corpus pages'), plus the drift check that `generated/` is exactly what the generator produces.

use specgen::codegen::{self, GeneratedFile};
use specgen::ir::ProductIr;
use std::path::Path;

fn seeds() -> Vec<ProductIr> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let built = specgen::pipeline::build(&root, &root.join("specs")).expect("the seeds build");
    built.products
}

fn generated() -> Vec<GeneratedFile> {
    codegen::generate(&seeds()).expect("the seeds generate")
}

#[test]
fn every_operation_module_is_pinned() {
    let files = generated();
    let modules: Vec<&GeneratedFile> = files
        .iter()
        .filter(|f| f.path.contains("/src/operation/") && !f.path.ends_with("mod.rs"))
        .collect();
    // 47 Express Connect operations of Vpc, the seed-only hosted connection, and ECR's one.
    assert_eq!(modules.len(), 49, "one module per operation");
    for f in modules {
        let name = f.path.replace('/', "__");
        insta::assert_snapshot!(name, f.contents);
    }
}

#[test]
fn generation_is_deterministic() {
    assert_eq!(generated(), generated());
}

#[test]
fn checked_in_generated_crates_are_up_to_date() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../generated");
    let drift = codegen::sync(&dir, &generated(), false).expect("generated/ is readable");
    let listed: Vec<String> = drift.iter().map(ToString::to_string).collect();
    assert!(
        listed.is_empty(),
        "generated/ is stale; run `cargo run -p specgen -- regen`:\n{}",
        listed.join("\n")
    );
}

#[test]
fn the_check_reports_hand_edits_and_extra_files() {
    let files = generated();
    let tmp = tempfile::tempdir().expect("temp dir");
    codegen::sync(tmp.path(), &files, true).expect("written");
    assert!(codegen::sync(tmp.path(), &files, false)
        .expect("checked")
        .is_empty());
    let lib = tmp.path().join("alibabacloud-vpc20160428/src/lib.rs");
    std::fs::write(&lib, "// edited by hand\n").expect("edit");
    std::fs::write(tmp.path().join("alibabacloud-vpc20160428/src/extra.rs"), "").expect("extra");
    let drift: Vec<String> = codegen::sync(tmp.path(), &files, false)
        .expect("checked")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(drift.len(), 2, "{drift:?}");
    assert!(drift.iter().any(|d| d.contains("src/lib.rs")), "{drift:?}");
    assert!(
        drift.iter().any(|d| d.contains("src/extra.rs")),
        "{drift:?}"
    );
}
