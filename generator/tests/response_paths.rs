//! Measurement over the whole corpus (skipped visibly when ../shared is absent): the share of
//! documented response fields whose IR path is the path the page's own JSON success example
//! puts them at. Run with
//! `cargo test -p specgen --test response_paths -- --nocapture`.
//!
//! The example paths are read here independently of the extractor: keys from the root, list
//! levels transparent, the `<Operation>Response` root some pages wrap their JSON in (the XML
//! root element; the JSON service answer has none) left out. A field counts when the example
//! has its name anywhere; it matches when one of the example's paths for that name is the IR
//! path. Every miss must be explained by a warning at the field's table line, or on the
//! example itself (another operation's, or broken by the page's text).

mod common;

use specgen::ir::{ExampleKind, Field, Operation};
use std::collections::{BTreeMap, BTreeSet};

type Path = Vec<String>;

fn example_paths(v: &serde_json::Value, at: &mut Path, out: &mut BTreeMap<String, BTreeSet<Path>>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, child) in map {
                at.push(k.clone());
                out.entry(k.clone()).or_default().insert(at.clone());
                example_paths(child, at, out);
                at.pop();
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| example_paths(i, at, out)),
        _ => {}
    }
}

/// The first JSON success example that parses (its line and body, without an `<Op>Response`
/// root).
fn example_body(op: &Operation) -> Option<(usize, serde_json::Value)> {
    let (line, text) = op
        .examples
        .iter()
        .filter(|e| e.kind == ExampleKind::Response && e.format == "json")
        .find_map(|e| {
            Some((
                e.source.line,
                serde_json::from_str::<serde_json::Value>(&e.text).ok()?,
            ))
        })?;
    if let Some(map) = text.as_object() {
        if map.len() == 1 {
            let (k, inner) = map.iter().next()?;
            if k == &format!("{}Response", op.name) && inner.is_object() {
                return Some((line, inner.clone()));
            }
        }
    }
    Some((line, text))
}

/// Wire path of every documented field, as the generated decoder reads it: names from the
/// root, anonymous list items transparent. (Before the IR recorded the structure, the code
/// generator added an `X` level under `Array of X` fields itself; the README's before figure
/// was measured with that rule.)
fn ir_paths<'a>(fields: &'a [Field], at: &mut Path, out: &mut Vec<(Path, &'a Field)>) {
    for f in fields {
        let named = !f.name.trim().is_empty();
        if named {
            at.push(f.name.trim().to_string());
            if f.documented() {
                out.push((at.clone(), f));
            }
        }
        ir_paths(&f.children, at, out);
        if named {
            at.pop();
        }
    }
}

fn corpus_files(corpus: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for lang in ["en-US", "zh-CN"] {
        let Ok(products) = std::fs::read_dir(corpus.join(lang)) else {
            continue;
        };
        for product in products.flatten() {
            let Ok(docs) = std::fs::read_dir(product.path()) else {
                continue;
            };
            files.extend(
                docs.flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "md")),
            );
        }
    }
    files.sort();
    files
}

#[test]
fn response_paths_agree_with_the_examples() {
    let Some(corpus) = common::corpus() else {
        eprintln!("note: ../shared/corpus is absent; response path measurement skipped");
        return;
    };
    let files = corpus_files(&corpus);
    assert!(files.len() > 700, "{} corpus documents", files.len());
    let (mut ops_with_example, mut fields, mut in_example, mut matched) = (0, 0, 0, 0);
    let mut unexplained = Vec::new();
    let mut explained = 0;
    for path in &files {
        let display = path.display().to_string();
        let Ok(extracted) = specgen::pipeline::parse_document(path, &display, None) else {
            continue;
        };
        for op in &extracted.operations {
            let Some((example_line, body)) = example_body(op) else {
                continue;
            };
            // A warning on the example itself: of another operation, or broken by the text.
            let example_flagged = op.warnings.iter().any(|w| {
                w.span.line == example_line
                    && matches!(
                        w.kind.as_str(),
                        "response-example-other-operation" | "response-example-garbled"
                    )
            });
            ops_with_example += 1;
            let mut by_name = BTreeMap::new();
            example_paths(&body, &mut Vec::new(), &mut by_name);
            let mut documented = Vec::new();
            ir_paths(&op.response, &mut Vec::new(), &mut documented);
            for (ir_path, field) in documented {
                fields += 1;
                let Some(paths) = by_name.get(field.name.trim()) else {
                    continue;
                };
                in_example += 1;
                if paths.contains(&ir_path) {
                    matched += 1;
                } else if example_flagged
                    || op.warnings.iter().any(|w| {
                        w.span.line == field.source.line && w.kind.starts_with("response-")
                    })
                {
                    explained += 1;
                } else {
                    unexplained.push(format!(
                        "{display}:{} {}: IR `{}`, example {:?}",
                        field.source.line,
                        op.name,
                        ir_path.join("."),
                        paths.iter().map(|p| p.join(".")).collect::<Vec<_>>()
                    ));
                }
            }
        }
    }
    let share = matched as f64 * 100.0 / in_example.max(1) as f64;
    eprintln!(
        "response paths: {ops_with_example} operations with a JSON example; {fields} documented fields, \
         {in_example} named in their example, {matched} at the example's path ({share:.1}%); \
         {explained} misses explained by a warning, {} unexplained",
        unexplained.len()
    );
    for u in unexplained.iter().take(40) {
        eprintln!("  miss: {u}");
    }
    assert!(
        share >= 98.0,
        "{share:.1}% of response fields at the example's path"
    );
    assert!(
        unexplained.is_empty(),
        "{} misses without a warning",
        unexplained.len()
    );
}
