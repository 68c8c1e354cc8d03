//! At corpus scale (skipped visibly when ../shared/corpus is absent): the Vpc crate generated
//! from the whole corpus, as `scripts/bench` builds it, decodes every page's JSON success
//! example with every leaf value at its field. The crate's generated `tests/examples.rs` is
//! compiled and run against the repository's runtime (target directory
//! `target/corpus-examples`, kept between runs; `--offline` with the repository's lock file).

mod common;

use std::process::Command;

const CRATE: &str = "alibabacloud-vpc20160428";

#[test]
fn corpus_vpc_crate_decodes_every_example() {
    let Some(corpus) = common::corpus() else {
        eprintln!("note: ../shared/corpus is absent; corpus example decoding test skipped");
        return;
    };
    let repo = common::repo_root();
    let tmp = tempfile::tempdir().expect("tmp");
    let (specs, _, _) = common::corpus_specs(&corpus, tmp.path());
    let built = specgen::pipeline::build(tmp.path(), &specs).expect("corpus build");
    let files = specgen::codegen::generate(&built.products).expect("corpus code generation");
    let prefix = format!("{CRATE}/");
    let mut examples = String::new();
    for f in files.iter().filter(|f| f.path.starts_with(&prefix)) {
        let path = tmp.path().join("generated").join(&f.path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, &f.contents).expect("write");
        if f.path.ends_with("tests/examples.rs") {
            examples.clone_from(&f.contents);
        }
    }
    // Every leaf of every faithful example has a field: no generated test fails by design.
    let unmatched: Vec<&str> = examples
        .lines()
        .filter(|l| l.contains("\"the example's"))
        .map(str::trim)
        .collect();
    assert!(
        unmatched.is_empty(),
        "example keys without an output field:\n{}",
        unmatched.join("\n")
    );
    let tests = examples.matches("#[test]").count();
    assert!(tests > 150, "{tests} example tests in the corpus Vpc crate");

    let manifest = std::fs::read_to_string(repo.join("Cargo.toml")).expect("Cargo.toml");
    let manifest: String = manifest
        .lines()
        .filter(|l| !l.starts_with("exclude"))
        .map(|l| {
            if l.starts_with("members") {
                "members = [\"generated/*\"]\n".to_string()
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    std::fs::write(tmp.path().join("Cargo.toml"), manifest).expect("workspace");
    std::fs::copy(repo.join("Cargo.lock"), tmp.path().join("Cargo.lock")).expect("lock");
    std::os::unix::fs::symlink(repo.join("runtime"), tmp.path().join("runtime")).expect("runtime");
    let out = Command::new(env!("CARGO"))
        .args([
            "test",
            "--offline",
            "--quiet",
            "-p",
            CRATE,
            "--test",
            "examples",
        ])
        .current_dir(tmp.path())
        .env("CARGO_TARGET_DIR", repo.join("target"))
        .output()
        .expect("cargo test");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "the corpus crate's example tests failed:\n{stdout}\n{stderr}"
    );
    let summary = stdout
        .lines()
        .find(|l| l.starts_with("test result:"))
        .unwrap_or_default();
    eprintln!("corpus Vpc crate, {tests} example tests: {summary}");
    assert!(summary.contains(&format!("{tests} passed")), "{summary}");
}
