//! Measures the rule parser on every request-parameter description cell of the corpus
//! (`../shared/corpus`, skipped when absent). Cells are pulled from the Markdown pipe tables
//! line by line; run with `--nocapture` to see the figures and the unparsed sentence shapes.

use super::{parse_rules, RuleInput};
use crate::diag::Span;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Share of rule-like sentences that must be understood.
const TARGET: f64 = 0.95;

struct Cell {
    span: Span,
    name: String,
    doc_type: String,
    text: String,
}

fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return out;
    };
    for path in entries.filter_map(|e| e.ok()).map(|e| e.path()) {
        if path.is_dir() {
            out.extend(markdown_files(&path));
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// Request-parameter rows (`|Name|Type|Required|Example|Description...|`, a row may span
/// lines until one ends with `|`). The description is everything after the fourth `|`.
fn request_cells(path: &Path, text: &str) -> Vec<Cell> {
    let mut out = Vec::new();
    let mut in_request = false;
    let mut row: Option<(usize, String)> = None;
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') {
            in_request = line.contains("{#parameters")
                || line.contains("请求参数")
                || line.contains("Request parameters");
            continue;
        }
        if !in_request {
            continue;
        }
        let (start, mut acc) = match row.take() {
            Some(r) => r,
            None if line.starts_with('|') && !line.starts_with("|-") => (i + 1, String::new()),
            None => continue,
        };
        acc.push_str(line);
        acc.push('\n');
        if !line.trim_end().ends_with('|') {
            row = Some((start, acc));
            continue;
        }
        let parts: Vec<&str> = acc
            .trim_end()
            .trim_end_matches('|')
            .splitn(6, '|')
            .collect();
        if let [_, name, doc_type, _, _, description] = parts.as_slice() {
            let name = name.trim();
            if !matches!(name, "Parameter" | "名称" | "参数" | "Name") {
                out.push(Cell {
                    span: Span::new(path.display().to_string(), start),
                    name: name.replace('\\', ""),
                    doc_type: doc_type.trim().to_string(),
                    text: description.to_string(),
                });
            }
        }
    }
    out
}

/// A sentence with its numbers blanked, to group unparsed sentences by shape.
fn shape(message: &str) -> String {
    let quoted = message
        .split_once(": \"")
        .map_or(message, |(_, q)| q.trim_end_matches('"'));
    let shaped: String = quoted
        .chars()
        .map(|c| if c.is_ascii_digit() { '9' } else { c })
        .collect();
    shaped.chars().take(110).collect()
}

#[test]
fn corpus_rule_coverage() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    if !dir.is_dir() {
        println!(
            "note: corpus not found at {}; skipping the rule coverage measurement",
            dir.display()
        );
        return;
    }
    let (mut cells, mut rule_sentences, mut understood, mut constraints) = (0, 0, 0, 0);
    let mut shapes: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for path in markdown_files(&dir) {
        let Ok(text) = fs::read_to_string(&path) else {
            continue;
        };
        for cell in request_cells(&path, &text) {
            let out = parse_rules(&RuleInput {
                name: &cell.name,
                doc_type: &cell.doc_type,
                text: &cell.text,
                span: &cell.span,
            });
            cells += 1;
            rule_sentences += out.rule_sentences;
            understood += out.understood;
            constraints += out.constraints.len();
            for d in out.diagnostics.iter().filter(|d| d.kind == "unparsed-rule") {
                let entry = shapes
                    .entry(shape(&d.message))
                    .or_insert_with(|| (0, d.hint.clone().unwrap_or_default()));
                entry.0 += 1;
            }
        }
    }
    let share = understood as f64 / rule_sentences.max(1) as f64;
    println!(
        "corpus: {cells} cells, {rule_sentences} rule-like sentences, {understood} understood ({:.1}%), {constraints} constraints",
        share * 100.0
    );
    let mut top: Vec<_> = shapes.into_iter().collect();
    top.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then_with(|| a.0.cmp(&b.0)));
    for (s, (n, hint)) in top.iter().take(80) {
        println!("{n:5}  {s}  [{hint}]");
    }
    assert!(
        cells > 1000,
        "expected thousands of request-parameter cells, found {cells}"
    );
    assert!(
        share >= TARGET,
        "understood {:.1}% of rule-like sentences, target {:.0}%",
        share * 100.0,
        TARGET * 100.0
    );
}
