//! Table rows -> IR facts: parameters, response fields, error rows, permissions and
//! overview entries. Which table is which comes from its columns and its section.

use super::headers::{Columns, Role};
use super::rules::{parse_rules, RuleInput};
use super::sections::SectionKind;
use super::tree::nest;
use super::Stats;
use crate::diag::{DiagKind, Diagnostic, Span};
use crate::doc::{Row, Table};
use crate::ir::{Constraint, ErrorRow, Field, ListedOperation, Parameter, Permission};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableKind {
    Parameters,
    Response,
    Errors,
    Permissions,
    Overview,
}

/// Decides what a table holds from its columns, using the section only to tell request
/// from response tables (both have name and type columns).
pub fn kind_of(cols: &Columns, section: SectionKind) -> Option<TableKind> {
    if cols.has(Role::ErrorCode) {
        return Some(TableKind::Errors);
    }
    if cols.has(Role::AccessLevel) || (cols.has(Role::RamAction) && cols.has(Role::ResourceType)) {
        return Some(TableKind::Permissions);
    }
    if cols.has(Role::Api) && !cols.has(Role::Type) {
        return Some(TableKind::Overview);
    }
    if cols.has(Role::Name) && cols.has(Role::Type) {
        return Some(match section {
            SectionKind::Response => TableKind::Response,
            SectionKind::Request => TableKind::Parameters,
            _ if cols.has(Role::Required) => TableKind::Parameters,
            _ => TableKind::Response,
        });
    }
    None
}

/// Reads cells by role from one row.
pub struct RowView<'a> {
    pub file: &'a str,
    pub row: &'a Row,
    pub cols: &'a Columns,
}

impl RowView<'_> {
    pub fn text(&self, role: Role) -> &str {
        self.cols
            .index(role)
            .and_then(|i| self.row.cells.get(i))
            .map_or("", |c| c.text.trim())
    }

    pub fn span(&self, role: Role) -> Span {
        let line = self
            .cols
            .index(role)
            .and_then(|i| self.row.cells.get(i))
            .map_or(self.row.line, |c| c.line);
        Span::new(self.file, line)
    }

    pub fn row_span(&self) -> Span {
        Span::new(self.file, self.row.line)
    }
}

fn not_applicable(cell: &str) -> &str {
    if cell.eq_ignore_ascii_case("n/a") {
        ""
    } else {
        cell
    }
}

fn opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

fn parse_required(v: &RowView<'_>, warnings: &mut Vec<Diagnostic>) -> bool {
    let text = v.text(Role::Required);
    match text.to_lowercase().as_str() {
        "yes" | "是" | "true" | "required" | "必选" => true,
        "no" | "否" | "false" | "optional" | "可选" => false,
        _ => {
            warnings.push(
                Diagnostic::warning(
                    DiagKind::UnknownRequired,
                    v.span(Role::Required),
                    format!("required cell `{text}` is neither yes nor no; treated as optional"),
                )
                .with_hint("fix the document or add an override in specs/overrides.yaml"),
            );
            false
        }
    }
}

pub fn parameters(
    file: &str,
    table: &Table,
    cols: &Columns,
    warnings: &mut Vec<Diagnostic>,
    stats: &mut Stats,
) -> Vec<Parameter> {
    let mut items = Vec::new();
    for (role, column) in [(Role::Type, "type"), (Role::Required, "required")] {
        if !cols.has(role) {
            warnings.push(
                Diagnostic::error(
                    DiagKind::TruncatedDocument,
                    Span::new(file, table.line),
                    format!("the request parameter table has no {column} column"),
                )
                .with_hint("a reference page's request table has name, type and required columns: the table was damaged in copying"),
            );
        }
    }
    for row in &table.rows {
        let v = RowView { file, row, cols };
        let name = v.text(Role::Name).to_string();
        let doc_type = v.text(Role::Type).to_string();
        if name.is_empty() && !doc_type.eq_ignore_ascii_case("object") {
            warnings.push(Diagnostic::warning(
                DiagKind::MissingName,
                v.row_span(),
                "a parameter row has no name; kept with an empty name",
            ));
        }
        let description = v.text(Role::Description).to_string();
        let span = v.span(Role::Description);
        let rules = parse_rules(&RuleInput {
            name: &name,
            doc_type: &doc_type,
            text: &description,
            span: &span,
        });
        stats.rule_sentences += rules.rule_sentences;
        stats.understood += rules.understood;
        warnings.extend(rules.diagnostics);
        let required = if cols.has(Role::Required) {
            parse_required(&v, warnings)
        } else {
            false
        };
        items.push((
            row.depth,
            Parameter {
                name,
                doc_type,
                kind: Default::default(),
                list: false,
                sensitive: false,
                required,
                default: rules.default,
                example: opt(v.text(Role::Example)),
                description,
                constraints: rules.constraints,
                children: Vec::new(),
                source: v.row_span(),
            },
        ));
    }
    nest(items, |p| &mut p.children)
}

pub fn fields(
    file: &str,
    table: &Table,
    cols: &Columns,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<Field> {
    let mut items = Vec::new();
    for row in &table.rows {
        let v = RowView { file, row, cols };
        let name = v.text(Role::Name).to_string();
        // `N/A` in the type and example cells of a container row (the 2018 pages) says what an
        // empty cell says: the row has no value of its own.
        let doc_type = not_applicable(v.text(Role::Type)).to_string();
        let description = v.text(Role::Description).to_string();
        let span = v.span(Role::Description);
        // Response descriptions only matter for their valid-value lists (typed enums); other
        // rules are the service's business, not the caller's.
        let rules = parse_rules(&RuleInput {
            name: &name,
            doc_type: &doc_type,
            text: &description,
            span: &span,
        });
        let constraints: Vec<Constraint> = rules
            .constraints
            .into_iter()
            .filter(|c| matches!(c, Constraint::Enum { .. }))
            .collect();
        if name.is_empty() && !doc_type.eq_ignore_ascii_case("object") {
            warnings.push(Diagnostic::warning(
                DiagKind::MissingName,
                v.row_span(),
                "a response row has no name; kept with an empty name",
            ));
        }
        items.push((
            row.depth,
            Field {
                name,
                doc_type,
                kind: Default::default(),
                sensitive: false,
                example: opt(not_applicable(v.text(Role::Example))),
                description,
                constraints,
                children: Vec::new(),
                list: false,
                source: v.row_span(),
                example_source: None,
                origin: None,
            },
        ));
    }
    let mut roots = nest(items, |f| &mut f.children);
    // An unnamed top-level object that holds every other field is the response body itself
    // (web pages show it as `object RpcResponse`): its members are the fields.
    if roots.len() == 1
        && roots[0].name.is_empty()
        && roots[0].doc_type.eq_ignore_ascii_case("object")
    {
        return roots.pop().map(|root| root.children).unwrap_or_default();
    }
    roots
}

pub fn errors(
    file: &str,
    table: &Table,
    cols: &Columns,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<ErrorRow> {
    let mut out = Vec::new();
    for row in &table.rows {
        let v = RowView { file, row, cols };
        let status_text = v.text(Role::HttpStatus);
        let http_status = status_text.parse::<u16>().ok();
        if http_status.is_none() && !status_text.is_empty() {
            warnings.push(Diagnostic::warning(
                DiagKind::BadHttpStatus,
                v.span(Role::HttpStatus),
                format!("HTTP status `{status_text}` is not a number"),
            ));
        }
        let code = v.text(Role::ErrorCode).to_string();
        if code.is_empty() {
            warnings.push(Diagnostic::warning(
                DiagKind::MissingErrorCode,
                v.row_span(),
                "an error row has no code; kept with an empty code",
            ));
        }
        out.push(ErrorRow {
            http_status,
            pattern: code.contains("%s"),
            code,
            message: v.text(Role::ErrorMessage).to_string(),
            description: v.text(Role::Description).to_string(),
            source: v.row_span(),
        });
    }
    out
}

/// Items of a list cell: one per line, bullets removed, duplicates dropped, `None` ignored.
fn items(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in text
        .lines()
        .map(|l| l.trim().trim_start_matches(['-', '•', '·']).trim())
    {
        if !item.is_empty() && !item.eq_ignore_ascii_case("none") && !out.iter().any(|o| o == item)
        {
            out.push(item.to_string());
        }
    }
    out
}

pub fn permissions(file: &str, table: &Table, cols: &Columns) -> Vec<Permission> {
    table
        .rows
        .iter()
        .map(|row| {
            let v = RowView { file, row, cols };
            Permission {
                action: v.text(Role::RamAction).to_string(),
                access_level: v.text(Role::AccessLevel).to_string(),
                resource_types: items(v.text(Role::ResourceType)),
                condition_keys: items(v.text(Role::ConditionKey)),
                dependent_actions: items(v.text(Role::DependentAction)),
                source: v.row_span(),
            }
        })
        .collect()
}

pub fn overview(file: &str, table: &Table, cols: &Columns) -> Vec<ListedOperation> {
    table
        .rows
        .iter()
        .filter_map(|row| {
            let v = RowView { file, row, cols };
            let name = v.text(Role::Api);
            (!name.is_empty()).then(|| ListedOperation {
                name: name.to_string(),
                summary: v.text(Role::Description).to_string(),
                truncated: false,
                source: v.row_span(),
            })
        })
        .collect()
}
