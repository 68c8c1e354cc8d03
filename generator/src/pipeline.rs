//! The whole front half: sources -> documents -> IR (with overrides and checks) -> files.

use crate::accepted;
use crate::config::{self, ConfigError, ProductFile, Source};
use crate::diag::{DiagKind, Diagnostic, Span};
use crate::doc::Format;
use crate::extract::{self, Extracted, Stats};
use crate::ir::{self, facts, io, lint, overrides, Operation, Product, ProductIr};
use crate::merge;
use crate::readers;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Ir(#[from] ir::io::IrError),
}

/// Reads and extracts one document. `display` is the path written into spans.
pub fn parse_document(
    path: &Path,
    display: &str,
    format: Option<Format>,
) -> Result<Extracted, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error(
            DiagKind::Unreadable,
            Span::new(display, 0),
            format!("cannot read the file: {e}"),
        )
    })?;
    let doc = readers::read(display, &bytes, format)?;
    let mut extracted = extract::extract(&doc);
    let last_line =
        bytes.iter().filter(|&&b| b == b'\n').count() + usize::from(!bytes.ends_with(b"\n"));
    for op in &mut extracted.operations {
        let facts = facts::decide(op);
        extracted.diagnostics.extend(facts);
        let lints = lint::lint(op);
        op.warnings.extend(lints);
        extracted
            .diagnostics
            .extend(lint::completeness(op, last_line));
    }
    if extracted.operations.is_empty() {
        extracted.diagnostics.push(
            Diagnostic::error(DiagKind::NoOperations, Span::new(display, 1), "no operation could be read from this document")
                .with_hint("a document needs a request parameter table; see the warnings above for what was not understood"),
        );
    }
    Ok(extracted)
}

/// One product version while its documents are read: its facts, operations, listings.
type Gathering = (ProductFile, Vec<Operation>, Vec<ir::ListedOperation>);

/// The IR of every source, plus every diagnostic, plus rule statistics.
pub struct Built {
    pub products: Vec<ProductIr>,
    pub diagnostics: Vec<Diagnostic>,
    pub stats: Stats,
}

/// Reads every document listed in `specs/sources.yaml`, applies product facts and
/// `specs/overrides.yaml`, and checks the result. Span paths are relative to `root`
/// (the repository), e.g. `specs/docs/000_....txt`.
pub fn build(root: &Path, specs: &Path) -> Result<Built, PipelineError> {
    let config::Sources {
        language_order,
        sources,
    } = config::load_sources_file(specs)?;
    let overrides_path = specs.join("overrides.yaml");
    let overrides_display = display_path(root, &overrides_path);
    let mut diagnostics = Vec::new();
    let overrides = match std::fs::read_to_string(&overrides_path) {
        Ok(text) => overrides::parse(&overrides_display, &text).unwrap_or_else(|d| {
            diagnostics.extend(d);
            Vec::new()
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => {
            diagnostics.push(Diagnostic::error(
                DiagKind::Unreadable,
                Span::new(&overrides_display, 0),
                format!("cannot read the overrides file: {e}"),
            ));
            Vec::new()
        }
    };
    let sources_display = display_path(root, &specs.join("sources.yaml"));
    let sources_text = std::fs::read_to_string(specs.join("sources.yaml")).unwrap_or_default();
    let mut stats = Stats::default();
    let mut by_product: BTreeMap<(String, String), Gathering> = BTreeMap::new();
    // Documents are read side by side; everything after reading runs in sources.yaml order.
    let parsed: Vec<Result<Extracted, Diagnostic>> = sources
        .par_iter()
        .map(|source| {
            let path = inside(specs, &source.path).ok_or_else(|| {
                Diagnostic::error(
                    DiagKind::SourceOutsideSpecs,
                    Span::new(&sources_display, line_of(&sources_text, &source.path)),
                    format!("source `{}` is not a file under specs/", source.path),
                )
                .with_hint("list documents by a relative path inside specs/ (e.g. docs/000_x.txt), without `..`")
            })?;
            parse_document(&path, &display_path(root, &path), source.format.format())
        })
        .collect();
    // Pages of one operation, by product and name, merged once every source is read.
    let mut pages: BTreeMap<(String, String), BTreeMap<String, Vec<merge::Page>>> = BTreeMap::new();
    for (order, (source, parsed)) in sources.iter().zip(parsed).enumerate() {
        let key = (source.product.clone(), source.version.clone());
        if !by_product.contains_key(&key) {
            let pf = config::load_product(specs, &source.product, &source.version)?;
            by_product.insert(key.clone(), (pf, Vec::new(), Vec::new()));
        }
        let extracted = match parsed {
            Ok(e) => e,
            Err(d) => {
                diagnostics.push(d);
                continue;
            }
        };
        stats.rule_sentences += extracted.stats.rule_sentences;
        stats.understood += extracted.stats.understood;
        // Type words are judged again once corrections are applied (below), which may fix them.
        diagnostics.extend(
            extracted
                .diagnostics
                .into_iter()
                .filter(|d| d.kind != DiagKind::UnknownType.name()),
        );
        let Some((_, _, listed)) = by_product.get_mut(&key) else {
            continue;
        };
        listed.extend(extracted.listed_undocumented);
        for op in extracted.operations {
            diagnostics.extend(check_against_source(&op, source));
            let page = merge::Page {
                published: source.published.clone(),
                language: source.language.clone(),
                order,
                op,
            };
            let by_name = pages.entry(key.clone()).or_default();
            by_name.entry(page.op.name.clone()).or_default().push(page);
        }
    }
    for (key, by_name) in pages {
        let Some((pf, ops, _)) = by_product.get_mut(&key) else {
            continue;
        };
        for group in by_name.into_values() {
            let source = &sources[group[0].order];
            let Some(mut op) = merge::merge(group, &language_order) else {
                continue;
            };
            complete(&mut op, source, pf);
            let problems = overrides::apply(&mut op, &overrides);
            diagnostics.extend(problems);
            diagnostics.extend(facts::decide(&mut op));
            op.warnings.retain(|w| !w.kind.ends_with("-violates-rule"));
            let lints = lint::lint(&mut op);
            op.warnings.extend(lints);
            op.warnings
                .sort_by(|a, b| (&a.span, &a.kind).cmp(&(&b.span, &b.kind)));
            ops.push(op);
        }
    }
    for o in &overrides {
        let known = by_product
            .get(&(o.product.clone(), o.version.clone()))
            .is_some_and(|(_, ops, _)| ops.iter().any(|op| op.name == o.operation));
        if !known {
            diagnostics.push(overrides::unknown_operation(o));
        }
    }
    let mut products = Vec::new();
    for ((_, _), (pf, mut operations, mut listed)) in by_product {
        operations.sort_by(|a, b| a.name.cmp(&b.name));
        facts::echoed_values(&mut operations);
        listed.retain(|l| !operations.iter().any(|o| o.name.starts_with(&l.name)));
        listed.sort_by(|a, b| a.name.cmp(&b.name));
        listed.dedup_by(|a, b| a.name == b.name);
        products.push(ProductIr {
            product: product_ir(&pf, listed),
            operations,
        });
    }
    Ok(Built {
        products,
        diagnostics,
        stats,
    })
}

/// A path relative to the repository root, with `/` separators, for spans.
pub fn display_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// `path` (from sources.yaml) resolved under `specs`, or `None` when it is absolute, climbs
/// out with `..`, or resolves (through links) to a file outside `specs`.
fn inside(specs: &Path, path: &str) -> Option<PathBuf> {
    let rel = Path::new(path);
    let plain = rel
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)));
    if !plain || path.is_empty() {
        return None;
    }
    let full = specs.join(rel);
    // A missing file is reported by the reader (`unreadable`); a link must stay inside.
    match (full.canonicalize(), specs.canonicalize()) {
        (Ok(target), Ok(base)) if !target.starts_with(&base) => None,
        _ => Some(full),
    }
}

/// 1-based line of the first line of `text` that mentions `needle` (1 when none does).
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .map_or(1, |i| i + 1)
}

/// What a document says about its product, version and style must agree with sources.yaml.
fn check_against_source(op: &Operation, source: &Source) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (what, doc, listed) in [
        ("product", &op.product, &source.product),
        ("version", &op.version, &source.version),
        ("style", &op.style, &source.style),
    ] {
        if !doc.is_empty() && doc != listed {
            out.push(
                Diagnostic::error(
                    DiagKind::SourceMismatch,
                    op.source.clone(),
                    format!("the document says {what} `{doc}`, specs/sources.yaml says `{listed}`"),
                )
                .with_hint("fix specs/sources.yaml or check that the right document is listed"),
            );
        }
    }
    out
}

/// Fills in what the document does not state: product, version and style from
/// sources.yaml, method and idempotency parameter from the product file.
fn complete(op: &mut Operation, source: &Source, pf: &ProductFile) {
    op.product = source.product.clone();
    op.version = source.version.clone();
    op.style = source.style.clone();
    op.method = Some(pf.method(&op.name).to_string());
    let token = pf.idempotency_parameter(&op.name);
    op.idempotency_parameter = op
        .parameters
        .iter()
        .any(|p| p.name == token)
        .then(|| token.to_string());
}

fn product_ir(pf: &ProductFile, listed_undocumented: Vec<ir::ListedOperation>) -> Product {
    Product {
        product: pf.product.clone(),
        version: pf.version.clone(),
        style: pf.style.clone(),
        crate_name: pf.crate_name.clone(),
        endpoint: pf.endpoint.clone(),
        parameter_location: pf.parameter_location,
        method: pf.method.clone(),
        listed_undocumented,
    }
}

/// The IR files for `products`, keyed by path relative to the IR root.
pub fn render(products: &[ProductIr]) -> Result<BTreeMap<PathBuf, String>, ir::io::IrError> {
    let mut files = BTreeMap::new();
    for p in products {
        let header = "generated by `specgen regen` from specs/sources.yaml and specs/products; do not edit (fix the document or specs/overrides.yaml)";
        files.insert(
            io::product_path(&p.product),
            io::to_yaml(&p.product, header)?,
        );
        let ops = p
            .operations
            .par_iter()
            .map(|op| {
                let header = format!("generated by `specgen regen` from {}; do not edit (fix the document or specs/overrides.yaml)", op.source.file);
                Ok((io::operation_path(op), io::to_yaml(op, &header)?))
            })
            .collect::<Result<Vec<_>, ir::io::IrError>>()?;
        files.extend(ops);
    }
    Ok(files)
}

/// Every diagnostic of a build with the operation it belongs to: document-level findings
/// first (in source order), then each operation's warnings.
pub fn findings(built: &Built) -> Vec<accepted::Finding<'_>> {
    let documents = built.diagnostics.iter().map(|d| accepted::Finding {
        operation: None,
        diagnostic: d,
    });
    let operations = built.products.iter().flat_map(|p| {
        p.operations.iter().flat_map(|o| {
            o.warnings.iter().map(|d| accepted::Finding {
                operation: Some(o.name.as_str()),
                diagnostic: d,
            })
        })
    });
    documents.chain(operations).collect()
}

/// `specs/accepted-warnings.yaml`, or no entries when there is no such file.
pub fn accepted_warnings(
    root: &Path,
    specs: &Path,
) -> Result<Vec<accepted::Acceptance>, Vec<Diagnostic>> {
    let path = specs.join("accepted-warnings.yaml");
    let display = display_path(root, &path);
    match std::fs::read_to_string(&path) {
        Ok(text) => accepted::parse(&display, &text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(vec![Diagnostic::error(
            DiagKind::Unreadable,
            Span::new(display, 0),
            format!("cannot read the accepted-warnings file: {e}"),
        )]),
    }
}
