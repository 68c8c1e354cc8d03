//! Every diagnostic kind is catalogued (`diag::KINDS`) and documented in specs/README.md: the
//! kinds the source passes to `warning`/`error`/`warn`, and every kind a real build emits.

mod common;

use specgen::diag::{kind, KINDS};

fn sources(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("read source");
            out.push((path.display().to_string(), text));
        }
    }
}

/// String literals that follow `warning(`, `error(` or `warn(` (the kind is their first or,
/// for `pipe_table::warn`, third argument), outside `#[cfg(test)]` modules.
fn literal_kinds(text: &str) -> Vec<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    let call = regex::Regex::new(
        r#"(?:\bwarning|\berror|\bwarn)\(\s*(?:[a-z_&.]+,\s*){0,2}"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)""#,
    )
    .expect("regex");
    call.captures_iter(code)
        .filter_map(|c| c.get(1).map(|m| m.as_str().to_string()))
        .collect()
}

#[test]
fn every_emitted_kind_is_catalogued_and_documented() {
    let mut files = Vec::new();
    sources(&common::repo_root().join("generator/src"), &mut files);
    let mut missing = Vec::new();
    let mut seen = 0;
    for (path, text) in &files {
        for k in literal_kinds(text) {
            seen += 1;
            if kind(&k).is_none() {
                missing.push(format!("{k} ({path})"));
            }
        }
    }
    assert!(seen > 40, "the scan found only {seen} kinds");
    let root = common::repo_root();
    let built = specgen::pipeline::build(&root, &root.join("specs")).expect("build");
    for f in specgen::pipeline::findings(&built) {
        if kind(&f.diagnostic.kind).is_none() {
            missing.push(format!("{} (emitted by regen)", f.diagnostic.kind));
        }
    }
    assert!(missing.is_empty(), "not in diag::KINDS: {missing:?}");

    let readme = std::fs::read_to_string(root.join("specs/README.md")).expect("specs/README.md");
    let undocumented: Vec<&str> = KINDS
        .iter()
        .map(|k| k.name)
        .filter(|k| !readme.contains(&format!("| `{k}` |")))
        .collect();
    assert!(
        undocumented.is_empty(),
        "not in specs/README.md: {undocumented:?}"
    );
    let mut names: Vec<&str> = KINDS.iter().map(|k| k.name).collect();
    names.dedup();
    assert_eq!(names.len(), KINDS.len(), "a kind is listed twice");
    assert!(names.windows(2).all(|w| w[0] < w[1]), "KINDS is sorted");
}
