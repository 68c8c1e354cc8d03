//! The diff's severities are true of the generated crates: for a few change kinds, user code
//! written against the old crate is compiled against the new one, and it compiles exactly when
//! `specgen diff` calls the change compatible (breaking: it does not).
//!
//! Every crate goes into one scratch workspace checked with one `cargo check --keep-going`;
//! its target directory stays under `CARGO_TARGET_TMPDIR`, so only the first run builds the
//! runtime's dependencies.

mod common;

use specgen::compat::Severity;
use specgen::ir::{Operation, Product, ProductIr};
use std::path::Path;
use std::process::Command;

const PRODUCT: &str = "
product: Compat
version: '2020-01-01'
style: RPC
crate_name: CRATE
endpoint: {global: compat.example.com, regional: 'compat.{region}.example.com'}
parameter_location: query
method: POST
";

/// The old operation; each change edits this text.
const OLD: &str = "
product: Compat
version: '2020-01-01'
style: RPC
name: CreateThing
summary: Creates a thing.
source: {file: d.md, line: 1}
parameters:
- {name: RegionId, type: String, required: true, source: {file: d.md, line: 2}}
- {name: Name, type: String, required: true, source: {file: d.md, line: 3}}
- {name: Size, type: Integer, required: false, source: {file: d.md, line: 4}}
- name: Mode
  type: String
  required: false
  constraints:
  - {kind: enum, values: [{value: Fast}, {value: Slow}], sentence: 'Valid values: Fast, Slow.', source: {file: d.md, line: 5}}
  source: {file: d.md, line: 5}
response:
- {name: RequestId, type: String, source: {file: d.md, line: 7}}
- {name: Status, type: String, source: {file: d.md, line: 8}}
";

/// Code a user writes against the old crate: builds a request, builds an output as a test
/// does, reads it, matches an enum.
const USER: &str = r#"
use api::operation::create_thing::{CreateThingOutput, Mode};

pub fn request(client: &api::Client) {
    let size: i32 = 5;
    let _ = client.create_thing().region_id("cn-hangzhou").name("a").size(size).mode(Mode::Fast);
}

pub fn mock() -> CreateThingOutput {
    let mut output = CreateThingOutput::default();
    output.request_id = Some("r".into());
    output.status = Some("Ready".into());
    output
}

pub fn read(output: &CreateThingOutput) -> usize {
    output.status.as_deref().map_or(0, str::len)
}

pub fn speed(mode: &Mode) -> u8 {
    match mode {
        Mode::Fast => 2,
        Mode::Slow => 1,
        _ => 0,
    }
}

pub fn unknown() -> bool {
    Mode::from("Turbo").as_str() == "Turbo"
}
"#;

/// (change kind, edit of [`OLD`], severity the diff must give it).
fn changes() -> Vec<(&'static str, String, Severity)> {
    let mode_values = "values: [{value: Fast}, {value: Slow}]";
    vec![
        (
            "parameter-added-optional",
            OLD.replace(
                "response:",
                "- {name: Colour, type: String, required: false, source: {file: d.md, line: 6}}\nresponse:",
            ),
            Severity::Compatible,
        ),
        (
            "response-field-added",
            format!("{OLD}- {{name: Owner, type: String, source: {{file: d.md, line: 9}}}}\n"),
            Severity::Compatible,
        ),
        (
            "enum-value-added",
            OLD.replace(mode_values, "values: [{value: Fast}, {value: Slow}, {value: Turbo}]"),
            Severity::Compatible,
        ),
        (
            "parameter-became-optional",
            OLD.replace("{name: Name, type: String, required: true", "{name: Name, type: String, required: false"),
            Severity::Compatible,
        ),
        (
            "parameter-removed",
            OLD.replace("- {name: Size, type: Integer, required: false, source: {file: d.md, line: 4}}\n", ""),
            Severity::Breaking,
        ),
        (
            "response-field-removed",
            OLD.replace("- {name: Status, type: String, source: {file: d.md, line: 8}}\n", ""),
            Severity::Breaking,
        ),
        (
            "enum-value-removed",
            OLD.replace(mode_values, "values: [{value: Fast}]"),
            Severity::Breaking,
        ),
        (
            "parameter-type-changed",
            OLD.replace("{name: Size, type: Integer", "{name: Size, type: Long"),
            Severity::Breaking,
        ),
    ]
}

/// The IR of a version of the product; every version has one crate name, as in a release.
fn product(op_yaml: &str) -> ProductIr {
    let product: Product =
        serde_yaml::from_str(&PRODUCT.replace("CRATE", "compat")).expect("product yaml");
    let mut op: Operation = serde_yaml::from_str(op_yaml).expect("operation yaml");
    let errors = specgen::ir::facts::decide(&mut op);
    assert!(errors.is_empty(), "{errors:?}");
    ProductIr {
        product,
        operations: vec![op],
    }
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

/// Writes the crate generated from `p` under `dir/<crate_name>/`, named `crate_name` so that
/// every version fits in one workspace.
fn generate(dir: &Path, p: &ProductIr, crate_name: &str, runtime: &Path) {
    let mut p = p.clone();
    p.product.crate_name = crate_name.to_string();
    let options = specgen::codegen::Options {
        runtime_path: runtime.display().to_string(),
    };
    for f in specgen::codegen::generate_with(std::slice::from_ref(&p), &options).expect("codegen") {
        if f.path.starts_with(&p.product.crate_name) && !f.path.contains("/tests/") {
            write(&dir.join(&f.path), &f.contents);
        }
    }
}

/// A user crate named `name` whose `api` is the generated crate `api_crate`.
fn user_crate(dir: &Path, name: &str, api_crate: &str) {
    write(
        &dir.join(name).join("Cargo.toml"),
        &format!(
            "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\napi = {{ path = \"../{api_crate}\", package = \"{api_crate}\" }}\n"
        ),
    );
    write(&dir.join(name).join("src/lib.rs"), USER);
}

#[test]
fn user_code_compiles_after_a_change_exactly_when_the_diff_says_it_may() {
    let root = common::repo_root();
    let runtime = root.join("runtime").canonicalize().expect("runtime");
    let scratch = tempfile::tempdir().expect("temp dir");
    let dir = scratch.path();
    let old = product(OLD);
    generate(dir, &old, "compat-old", &runtime);
    user_crate(dir, "user-old", "compat-old");
    let mut members = vec!["compat-old".to_string(), "user-old".to_string()];
    let mut expected = Vec::new();
    for (kind, yaml, severity) in changes() {
        let krate = format!("compat-{kind}");
        let new = product(&yaml);
        let diff = specgen::diff::compare(
            &specgen::diff::Api::from_ir(vec![old.clone()]),
            &specgen::diff::Api::from_ir(vec![new.clone()]),
        );
        let found: Vec<_> = diff
            .changes
            .iter()
            .filter(|c| c.severity != Severity::DocsOnly)
            .map(|c| (c.kind.id().to_string(), c.severity))
            .collect();
        assert!(
            found.contains(&(kind.to_string(), severity)),
            "{kind}: the diff found {found:?}"
        );
        let worst = found
            .iter()
            .map(|(_, s)| *s)
            .min()
            .unwrap_or(Severity::DocsOnly);
        generate(dir, &new, &krate, &runtime);
        let user = format!("user-{kind}");
        user_crate(dir, &user, &krate);
        members.extend([krate, user.clone()]);
        expected.push((kind, user, worst));
    }
    let quoted: Vec<String> = members.iter().map(|m| format!("\"{m}\"")).collect();
    write(
        &dir.join("Cargo.toml"),
        &format!(
            "[workspace]\nresolver = \"2\"\nmembers = [{}]\n\n[workspace.package]\nedition = \"2021\"\nlicense = \"MIT\"\nrust-version = \"1.80\"\n",
            quoted.join(", ")
        ),
    );
    // The repository's lock file, so the offline check resolves to crates already fetched.
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).expect("Cargo.lock");
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("compat-check");
    let out = Command::new(env!("CARGO"))
        .args([
            "check",
            "--offline",
            "--workspace",
            "--keep-going",
            "--quiet",
        ])
        .arg("--target-dir")
        .arg(&target)
        .current_dir(dir)
        .output()
        .expect("cargo check");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let failed = |krate: &str| stderr.contains(&format!("could not compile `{krate}`"));
    assert!(
        !failed("user-old") && !failed("compat-old"),
        "the user code must compile against the old crate:\n{stderr}"
    );
    for (kind, user, worst) in expected {
        assert!(
            !failed(&format!("compat-{kind}")),
            "{kind}: the generated crate does not compile:\n{stderr}"
        );
        match worst {
            Severity::Breaking => assert!(
                failed(&user),
                "{kind} is called breaking, but the user code still compiles"
            ),
            Severity::Compatible | Severity::DocsOnly => assert!(
                !failed(&user),
                "{kind} is called compatible, but the user code no longer compiles:\n{stderr}"
            ),
            // A reviewer decides; nothing to check against the compiler.
            Severity::PotentiallyBreaking => {}
        }
    }
}
