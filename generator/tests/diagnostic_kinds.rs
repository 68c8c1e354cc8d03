//! The diagnostic catalogue (`diag::DiagKind`): every kind is documented in specs/README.md
//! with the meaning and action the enum gives it, is emitted by some code (no dead entries),
//! and every kind a real build emits is in it. Emitting a kind outside the catalogue does
//! not compile: `Diagnostic::warning` and `Diagnostic::error` take a `DiagKind`.

mod common;

use specgen::diag::{kind, DiagKind};

fn sources(dir: &std::path::Path, test_module: &regex::Regex, out: &mut String) {
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, test_module, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("diag.rs") {
            let text = std::fs::read_to_string(&path).expect("read source");
            // Tests may build any kind; only what the generator itself emits counts.
            let end = test_module.find(&text).map_or(text.len(), |m| m.start());
            out.push_str(&text[..end]);
        }
    }
}

#[test]
fn the_catalogue_is_documented_used_and_complete() {
    let root = common::repo_root();
    let readme = std::fs::read_to_string(root.join("specs/README.md")).expect("specs/README.md");
    let undocumented: Vec<&str> = DiagKind::ALL
        .iter()
        .filter(|k| {
            let row = format!("| `{}` | {} | {} |", k.name(), k.meaning(), k.action());
            !readme.contains(&row)
        })
        .map(|k| k.name())
        .collect();
    assert!(
        undocumented.is_empty(),
        "no row `| kind | meaning | action |` as in diag.rs in specs/README.md: {undocumented:?}"
    );

    let mut code = String::new();
    let test_module = regex::Regex::new(r"#\[cfg\(test\)\]\s*mod \w+ \{").expect("regex");
    sources(&root.join("generator/src"), &test_module, &mut code);
    let unused: Vec<&str> = DiagKind::ALL
        .iter()
        .filter(|k| {
            let used = regex::Regex::new(&format!(r"\bDiagKind::{k:?}\b")).expect("regex");
            !used.is_match(&code)
        })
        .map(|k| k.name())
        .collect();
    assert!(
        unused.is_empty(),
        "catalogued but never emitted: {unused:?}"
    );

    let built = specgen::pipeline::build(&root, &root.join("specs")).expect("build");
    let outside: Vec<String> = specgen::pipeline::findings(&built)
        .into_iter()
        .map(|f| f.diagnostic.kind.clone())
        .filter(|k| kind(k).is_none())
        .collect();
    assert!(
        outside.is_empty(),
        "emitted by regen, not catalogued: {outside:?}"
    );

    let names: Vec<&str> = DiagKind::ALL.iter().map(|k| k.name()).collect();
    assert!(
        names.windows(2).all(|w| w[0] < w[1]),
        "the catalogue is sorted by name, each name once"
    );
}
