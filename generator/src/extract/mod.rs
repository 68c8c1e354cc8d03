//! Document model -> IR: one extractor for every reader.
//!
//! The extractor never looks at the source format: it walks headings, paragraphs, tables and
//! code blocks, decides what each table holds from its columns and section, and turns rows
//! and prose into IR facts with their spans. Product, version and style are taken from the
//! document only when it states them (OpenAPI Explorer link, `doc_api_<Product>_` anchor).

mod examples;
mod headers;
mod listed;
mod response;
pub mod rules;
mod sample;
mod sections;
mod tables;
mod tree;

use crate::diag::{DiagKind, Diagnostic, Span};
use crate::doc::{Block, Document};
use crate::ir::{ErrorRow, Example, Field, ListedOperation, Operation, Parameter, Permission};
use headers::{Columns, Role};
use sections::{section_of, Chunk, SectionKind};
use tables::{kind_of, TableKind};

/// Counts of rule-like sentences in parameter descriptions and how many were understood.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub rule_sentences: usize,
    pub understood: usize,
}

/// What one document says.
#[derive(Debug)]
pub struct Extracted {
    pub operations: Vec<Operation>,
    /// Operations listed in an overview table that have no section in the document.
    pub listed_undocumented: Vec<ListedOperation>,
    /// Findings not tied to one operation.
    pub diagnostics: Vec<Diagnostic>,
    pub stats: Stats,
}

/// Product, API name, style and version from an OpenAPI Explorer link
/// (`https://api.aliyun.com/#product=Vpc&api=X&type=RPC&version=2016-04-28`).
#[derive(Debug, Default, PartialEq)]
struct ExplorerLink {
    product: Option<String>,
    api: Option<String>,
    style: Option<String>,
    version: Option<String>,
}

fn explorer_link(url: &str) -> Option<ExplorerLink> {
    let (_, fragment) = url.split_once("api.aliyun.com/#")?;
    let fragment = fragment.trim_start_matches('/').trim_start_matches("api?");
    let mut link = ExplorerLink::default();
    for (k, v) in fragment.split('&').filter_map(|kv| kv.split_once('=')) {
        let v = Some(v.to_string());
        match k {
            "product" => link.product = v,
            "api" => link.api = v,
            "type" => link.style = v,
            "version" => link.version = v,
            _ => {}
        }
    }
    Some(link)
}

pub fn extract(doc: &Document) -> Extracted {
    let file = doc.path.as_str();
    let (preamble, chunks) = sections::split(&doc.blocks);
    let mut stats = Stats::default();
    let mut diagnostics = Vec::new();
    let mut listed = listed::from_blocks(file, preamble, &mut diagnostics);
    let mut operations = Vec::new();
    for chunk in &chunks {
        match operation(doc, chunk, &mut stats, &mut listed) {
            Some(op) => operations.push(op),
            None => {
                let line = chunk.title.as_ref().map_or(1, |t| t.1);
                diagnostics.push(
                    Diagnostic::warning(DiagKind::NoOperation, Span::new(file, line), "no request parameter table found; nothing extracted here")
                        .with_hint("an operation needs a request parameter table (name, type, required, description)"),
                );
            }
        }
    }
    let documented: Vec<&str> = operations.iter().map(|o| o.name.as_str()).collect();
    let listed_undocumented = listed::undocumented(listed, &documented, &mut diagnostics);
    // Reader findings go to the operation whose lines contain them.
    for d in &doc.diagnostics {
        match operations
            .iter_mut()
            .rev()
            .find(|o| o.source.line <= d.span.line)
        {
            Some(op) => op.warnings.push(d.clone()),
            None => diagnostics.push(d.clone()),
        }
    }
    for op in &mut operations {
        op.warnings.sort_by_key(|w| w.span.line);
    }
    Extracted {
        operations,
        listed_undocumented,
        diagnostics,
        stats,
    }
}

/// Everything gathered while walking one operation's blocks.
#[derive(Default)]
struct Gathered {
    intro: Vec<String>,
    notes: Vec<String>,
    link: Option<ExplorerLink>,
    parameters: Vec<Parameter>,
    response: Vec<Field>,
    no_response: Option<Span>,
    errors: Vec<ErrorRow>,
    permissions: Vec<Permission>,
    examples: Vec<Example>,
    warnings: Vec<Diagnostic>,
}

fn operation(
    doc: &Document,
    chunk: &Chunk<'_>,
    stats: &mut Stats,
    listed: &mut Vec<ListedOperation>,
) -> Option<Operation> {
    let file = doc.path.as_str();
    let mut g = Gathered::default();
    let mut section = SectionKind::Intro;
    let mut example_label = String::new();
    let mut saw_params = false;
    for block in chunk.blocks {
        match block {
            Block::Heading { text, .. } => {
                section = section_of(text, section);
                if section == SectionKind::Examples {
                    examples::update_label(&mut example_label, text);
                }
            }
            Block::Paragraph { text, links, line } => {
                if let Some(l) = links.iter().find_map(|l| explorer_link(l)) {
                    g.link.get_or_insert(l);
                }
                match section {
                    SectionKind::Intro => g.intro.push(text.clone()),
                    SectionKind::Notes => g.notes.push(text.clone()),
                    SectionKind::Examples => examples::update_label(&mut example_label, text),
                    SectionKind::Response if sections::states_no_response(text) => {
                        g.no_response.get_or_insert(Span::new(file, *line));
                    }
                    _ => {}
                }
            }
            Block::Code { lang, text, line } => {
                if section == SectionKind::Examples || examples::looks_like_example(text) {
                    g.examples.push(examples::classify(
                        file,
                        *line,
                        lang.as_deref(),
                        text,
                        &example_label,
                    ));
                }
            }
            Block::Table(table) => {
                let cols = Columns::new(table.header.iter().map(|c| c.text.as_str()));
                let mut kind = kind_of(&cols, section);
                if kind == Some(TableKind::Parameters) && saw_params && !cols.has(Role::Required) {
                    // A second "Request parameters" heading over a table without a Required
                    // column, after the request table: the response table under a copied title.
                    kind = Some(TableKind::Response);
                    g.warnings.push(
                        Diagnostic::warning(
                            DiagKind::MistitledSection,
                            Span::new(file, table.line),
                            "a second request-parameter section whose table has no Required column; read as the response table",
                        )
                        .with_hint("the page repeats the request heading over its response table; check the fields against the response example"),
                    );
                }
                match kind {
                    Some(TableKind::Parameters) => {
                        saw_params = true;
                        g.parameters.extend(tables::parameters(file, table, &cols, &mut g.warnings, stats));
                    }
                    Some(TableKind::Response) => g.response.extend(tables::fields(file, table, &cols, &mut g.warnings)),
                    Some(TableKind::Errors) => g.errors.extend(tables::errors(file, table, &cols, &mut g.warnings)),
                    Some(TableKind::Permissions) => g.permissions.extend(tables::permissions(file, table, &cols)),
                    Some(TableKind::Overview) => listed.extend(tables::overview(file, table, &cols)),
                    None => g.warnings.push(
                        Diagnostic::warning(
                            DiagKind::UnknownTable,
                            Span::new(file, table.line),
                            format!(
                                "table with columns [{}] is not a parameter, response, error or permission table; not extracted",
                                table.header.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join(", ")
                            ),
                        )
                        .with_hint("if it holds API facts, teach extract/headers.rs its column names"),
                    ),
                }
                if cols.unknown().any(|i| {
                    table
                        .header
                        .get(i)
                        .is_some_and(|c| !c.text.trim().is_empty())
                }) && kind_of(&cols, section).is_some()
                {
                    g.warnings.push(Diagnostic::warning(
                        DiagKind::UnknownColumn,
                        Span::new(file, table.line),
                        "a column header is not understood; its cells are not extracted",
                    ));
                }
            }
        }
    }
    if !saw_params {
        return None;
    }
    Some(assemble(file, chunk, g))
}

/// The name the `Action` parameter says the operation has (its example or single valid value).
fn action_name(params: &[Parameter]) -> Option<(String, Span)> {
    let action = params.iter().find(|p| p.name == "Action")?;
    let from_enum = action.constraints.iter().find_map(|c| match c {
        crate::ir::Constraint::Enum { values, .. } if values.len() == 1 => {
            Some(values[0].value.clone())
        }
        _ => None,
    });
    from_enum
        .or_else(|| action.example.clone())
        .map(|n| (n, action.source.clone()))
}

fn assemble(file: &str, chunk: &Chunk<'_>, mut g: Gathered) -> Operation {
    let mut warnings = g.warnings;
    let action = action_name(&g.parameters);
    // The Action row names the operation (the runtime sends it); it is not a value the
    // caller chooses, so it carries no rules to check.
    for p in g.parameters.iter_mut().filter(|p| p.name == "Action") {
        p.constraints.clear();
    }
    let (name, line) = match (&chunk.title, &action) {
        (Some((title, line)), Some((act, span))) => {
            if title != act {
                warnings.push(Diagnostic::warning(
                    DiagKind::ActionMismatch,
                    span.clone(),
                    format!("the Action parameter says `{act}` but the heading says `{title}`; the heading wins"),
                ));
            }
            (title.clone(), *line)
        }
        (Some((title, line)), None) => (title.clone(), *line),
        (None, Some((act, _))) => (act.clone(), 1),
        (None, None) => {
            warnings.push(Diagnostic::warning(
                DiagKind::UnnamedOperation,
                Span::new(file, 1),
                "neither a heading nor an Action parameter names this operation",
            ));
            (String::new(), 1)
        }
    };
    let mut link = g.link.unwrap_or_default();
    if let Some(api) = link.api.clone() {
        if api != name {
            warnings.push(Diagnostic::warning(
                DiagKind::ExplorerMismatch,
                Span::new(file, line),
                format!("the OpenAPI Explorer link names `{api}`, the document `{name}`; the link's product, version and style are not used"),
            ));
            // A link to another operation (pasted boilerplate) says nothing about this one.
            link = Default::default();
        }
    }
    let mut examples = g.examples;
    let response = response::reconcile(file, &name, g.response, &mut examples, &mut warnings);
    let mut intro = g.intro.into_iter().filter(|p| !examples::is_chrome(p));
    let summary = intro.next().unwrap_or_default();
    let description = intro.chain(g.notes).collect::<Vec<_>>().join("\n\n");
    Operation {
        product: link.product.unwrap_or_default(),
        version: link.version.unwrap_or_default(),
        style: link.style.unwrap_or_default(),
        name,
        summary,
        description,
        method: None,
        idempotency_parameter: None,
        read_only: false,
        source: Span::new(file, line),
        permissions: g.permissions,
        parameters: g.parameters,
        response,
        no_response: g.no_response,
        errors: g.errors,
        examples,
        overrides: Vec::new(),
        provenance: Vec::new(),
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explorer_link_fields() {
        let l = explorer_link("https://api.aliyun.com/#product=Vpc&api=CreateExpressCloudConnection&type=RPC&version=2016-04-28").unwrap();
        assert_eq!(l.product.as_deref(), Some("Vpc"));
        assert_eq!(l.api.as_deref(), Some("CreateExpressCloudConnection"));
        assert_eq!(l.style.as_deref(), Some("RPC"));
        assert_eq!(l.version.as_deref(), Some("2016-04-28"));
        assert!(explorer_link("https://example.com/").is_none());
    }
}
