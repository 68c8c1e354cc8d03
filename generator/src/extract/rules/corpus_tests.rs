//! Measures the rule parser on every request-parameter description cell of the corpus
//! (`../shared/corpus`, skipped when absent), read with the real readers. Run with
//! `--nocapture` to see the figures and the unparsed sentence shapes.

use super::super::headers::{Columns, Role};
use super::super::sections::{section_of, SectionKind};
use super::{parse_rules, RuleInput};
use crate::diag::Span;
use crate::doc::Block;
use crate::readers;
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

/// Request-parameter cells of a document, read with the real readers: rows of the tables
/// with name, type and description columns in a request-parameters section.
fn request_cells(path: &Path, bytes: &[u8]) -> Vec<Cell> {
    let file = path.display().to_string();
    let Ok(doc) = readers::read(&file, bytes, None) else {
        return Vec::new();
    };
    let mut section = SectionKind::Intro;
    let mut out = Vec::new();
    for block in &doc.blocks {
        let table = match block {
            Block::Heading { text, .. } => {
                section = section_of(text, section);
                continue;
            }
            Block::Table(t) if section == SectionKind::Request => t,
            _ => continue,
        };
        let cols = Columns::new(table.header.iter().map(|c| c.text.as_str()));
        let (Some(name), Some(doc_type), Some(description)) = (
            cols.index(Role::Name),
            cols.index(Role::Type),
            cols.index(Role::Description),
        ) else {
            continue;
        };
        for row in &table.rows {
            let cell = |i: usize| row.cells.get(i);
            if let (Some(n), Some(t), Some(d)) = (cell(name), cell(doc_type), cell(description)) {
                out.push(Cell {
                    span: Span::new(file.as_str(), d.line),
                    name: n.text.trim().to_string(),
                    doc_type: t.text.trim().to_string(),
                    text: d.text.clone(),
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
        let Ok(bytes) = fs::read(&path) else {
            continue;
        };
        for cell in request_cells(&path, &bytes) {
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
