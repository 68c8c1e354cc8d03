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

fn all_params<'a>(params: &'a [crate::ir::Parameter], out: &mut Vec<&'a crate::ir::Parameter>) {
    for p in params {
        out.push(p);
        all_params(&p.children, out);
    }
}

/// Every page's own example and default pass every rule enforced for them; each rule they
/// fail is kept, not enforced, and explained by an `example-violates-rule` or
/// `default-violates-rule` lint on that parameter. Prints the figures the README gives and,
/// with `RULE_SAMPLE=1`, a deterministic sample of 100 rules for the precision review.
#[test]
fn corpus_examples_pass_the_enforced_rules() {
    use crate::ir::lint::admits;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    if !dir.is_dir() {
        println!("note: corpus not found at {}; skipping", dir.display());
        return;
    }
    let (mut rules, mut enforced, mut checked, mut exceptions) = (0usize, 0usize, 0usize, 0usize);
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    let mut sample: Vec<(u64, String)> = Vec::new();
    for path in markdown_files(&dir) {
        let display = path.display().to_string();
        let Ok(extracted) = crate::pipeline::parse_document(&path, &display, None) else {
            continue;
        };
        for op in &extracted.operations {
            for w in &op.warnings {
                *kinds.entry(w.kind.clone()).or_default() += 1;
            }
            let mut params = Vec::new();
            all_params(&op.parameters, &mut params);
            for p in params {
                let values = [("example", &p.example), ("default", &p.default)];
                for c in &p.constraints {
                    rules += 1;
                    let key = format!("{display} {} {}", p.name, c.sentence());
                    let h = key.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
                    });
                    sample.push((
                        h,
                        format!(
                            "{display}\n  {} ({}) enforced={} {:?}\n  {}",
                            p.name,
                            p.doc_type,
                            c.is_enforced(),
                            serde_json::to_string(c).unwrap_or_default(),
                            p.example.as_deref().unwrap_or("-")
                        ),
                    ));
                    let failing: Vec<String> = values
                        .iter()
                        .filter_map(|(what, v)| v.as_ref().map(|v| (what, v)))
                        .filter(|(_, v)| {
                            // List examples are checked item by item (`["a","b"]`).
                            let items: Vec<String> = match serde_json::from_str(v) {
                                Ok(serde_json::Value::Array(a))
                                    if p.doc_type.to_ascii_lowercase().contains("array") =>
                                {
                                    a.iter()
                                        .map(|x| x.as_str().map_or(x.to_string(), String::from))
                                        .collect()
                                }
                                _ => vec![v.to_string()],
                            };
                            items.iter().any(|i| admits(c, i).is_err())
                        })
                        .map(|(what, _)| what.to_string())
                        .collect();
                    if c.is_enforced() {
                        enforced += 1;
                        checked += usize::from(p.example.is_some() || p.default.is_some());
                        assert!(
                            failing.is_empty(),
                            "{display}: `{}` {failing:?} fails an enforced rule: {}",
                            p.name,
                            c.sentence()
                        );
                    } else if !failing.is_empty() {
                        exceptions += 1;
                        for what in &failing {
                            let lint = format!("{what}-violates-rule");
                            assert!(
                                op.warnings.iter().any(|w| w.kind == lint
                                    && w.message.contains(&format!("`{}`", p.name))),
                                "{display}: `{}` fails a rule without a {lint} lint",
                                p.name
                            );
                        }
                    }
                }
            }
        }
    }
    println!(
        "corpus: {rules} rules, {enforced} enforced ({checked} of them with an example or default, all passing), {exceptions} not enforced because the page's own example or default fails them"
    );
    println!("warnings by kind: {kinds:?}");
    if std::env::var_os("RULE_SAMPLE").is_some() {
        sample.sort();
        for (_, s) in sample.iter().take(100) {
            println!("{s}");
        }
    }
    assert!(rules > 1000, "expected thousands of rules, found {rules}");
}
