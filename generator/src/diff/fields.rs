//! Response fields (matched by path in the field tree) and error codes.

use super::compare::Emitter;
use super::constraints::{self, Direction};
use super::kinds::Kind;
use super::reading::Text;
use super::text::{child_path, doc_differences, field_type};
use crate::diag::Span;
use crate::ir::{ErrorRow, Field};
use std::collections::BTreeMap;

/// A field that moved: (old, new, new parent path).
type Moved<'a> = (&'a Field, &'a Field, &'a str);

fn flatten<'a>(fields: &'a [Field], parent: &str, out: &mut BTreeMap<String, &'a Field>) {
    for f in fields {
        let path = child_path(parent, &f.name);
        flatten(&f.children, &path, out);
        out.insert(path, f);
    }
}

/// Fields only one side has are reported at the top of their subtree only. A field that
/// disappears in one place and appears in another (same name and type, each name once) has
/// moved: moves between the same two places are reported as one line.
pub fn compare_response(
    emit: &mut Emitter,
    old: &[Field],
    new: &[Field],
    at: (Option<&Span>, Option<&Span>),
) {
    let (mut o, mut n) = (BTreeMap::new(), BTreeMap::new());
    flatten(old, "", &mut o);
    flatten(new, "", &mut n);
    let only = |set: &BTreeMap<String, &'_ Field>, other: &BTreeMap<String, &Field>| {
        set.keys()
            .filter(|p| !other.contains_key(*p))
            .cloned()
            .collect::<Vec<String>>()
    };
    let (removed, added) = (only(&o, &n), only(&n, &o));
    let moves = moves(&removed, &added, &o, &n);
    for (path, of) in &o {
        if let Some(nf) = n.get(path) {
            compare_field(emit, path, of, nf);
        }
    }
    report_moves(emit, &moves, &o, &n);
    let moved_old: Vec<&str> = moves.iter().map(|m| m.0.as_str()).collect();
    let moved_new: Vec<&str> = moves.iter().map(|m| m.1.as_str()).collect();
    for path in removed
        .iter()
        .filter(|p| !moved_old.contains(&p.as_str()) && !under(p, &removed))
    {
        let source = o.get(path).map(|f| &f.source);
        emit.push(
            Kind::ResponseFieldRemoved,
            format!("response field `{path}`"),
            "",
            source,
            at.1,
        );
    }
    for path in added
        .iter()
        .filter(|p| !moved_new.contains(&p.as_str()) && !under(p, &added))
    {
        let Some(nf) = n.get(path) else { continue };
        emit.push(
            Kind::ResponseFieldAdded,
            format!("response field `{path}`"),
            format!("`{}`", nf.doc_type.trim()),
            None,
            Some(&nf.source),
        );
    }
}

/// True when an ancestor of `path` is in `set`.
fn under(path: &str, set: &[String]) -> bool {
    set.iter().any(|p| {
        path.len() > p.len()
            && path.starts_with(p.as_str())
            && matches!(path.as_bytes().get(p.len()), Some(b'.' | b'['))
    })
}

/// The path a field hangs under (`""` at the top level).
fn parent_of<'p>(path: &'p str, f: &Field) -> &'p str {
    path.strip_suffix(f.name.trim())
        .map_or("", |p| p.trim_end_matches('.'))
}

/// (old path, new path) of fields that moved.
fn moves(
    removed: &[String],
    added: &[String],
    o: &BTreeMap<String, &Field>,
    n: &BTreeMap<String, &Field>,
) -> Vec<(String, String)> {
    let named = |paths: &[String], fields: &BTreeMap<String, &Field>, name: &str| -> Vec<String> {
        paths
            .iter()
            .filter(|p| fields.get(*p).is_some_and(|f| f.name.trim() == name))
            .cloned()
            .collect()
    };
    let mut out = Vec::new();
    for path in removed {
        let Some(of) = o.get(path) else { continue };
        let name = of.name.trim();
        if name.is_empty() {
            continue;
        }
        if let ([_], [to]) = (
            named(removed, o, name).as_slice(),
            named(added, n, name).as_slice(),
        ) {
            if n.get(to).is_some_and(|nf| field_type(nf) == field_type(of)) {
                out.push((path.clone(), to.clone()));
            }
        }
    }
    out
}

/// One line per (old parent, new parent), then each moved field compared like any other.
fn report_moves(
    emit: &mut Emitter,
    moves: &[(String, String)],
    o: &BTreeMap<String, &Field>,
    n: &BTreeMap<String, &Field>,
) {
    let mut groups: BTreeMap<(&str, &str), Vec<Moved<'_>>> = BTreeMap::new();
    for (from, to) in moves {
        if let (Some(of), Some(nf)) = (o.get(from), n.get(to)) {
            groups
                .entry((parent_of(from, of), parent_of(to, nf)))
                .or_default()
                .push((of, nf, to));
        }
    }
    let place = |p: &str| {
        if p.is_empty() {
            "the top level".to_string()
        } else {
            format!("`{p}`")
        }
    };
    for ((from, to), fields) in &groups {
        let Some((first_old, first_new, _)) = fields.first() else {
            continue;
        };
        // A move is a real change only when both sides' examples confirm where the fields sit;
        // otherwise it is the reading of a table that lost its nesting.
        let confirmed = fields
            .iter()
            .all(|(of, nf, _)| of.example_source.is_some() && nf.example_source.is_some());
        let names: Vec<String> = fields
            .iter()
            .map(|(of, _, _)| format!("`{}`", of.name.trim()))
            .collect();
        let subject = if from.is_empty() {
            "top-level response fields".to_string()
        } else {
            format!("response fields under `{from}`")
        };
        let (kind, note) = if confirmed {
            (Kind::ResponseFieldMoved, "")
        } else {
            (
                Kind::DocsChanged,
                " (placed differently by the tables; no example on both sides confirms a move)",
            )
        };
        emit.push(
            kind,
            subject,
            format!("moved to {}: {}{note}", place(to), names.join(", ")),
            Some(&first_old.source),
            Some(&first_new.source),
        );
        for (of, nf, to_path) in fields {
            compare_field(emit, to_path, of, nf);
        }
    }
}

fn compare_field(emit: &mut Emitter, path: &str, o: &Field, n: &Field) {
    let subject = format!("response field `{path}`");
    let at = (Some(&o.source), Some(&n.source));
    if field_type(o) != field_type(n) {
        emit.push(
            Kind::ResponseFieldTypeChanged,
            &subject,
            format!("`{}` → `{}`", o.doc_type.trim(), n.doc_type.trim()),
            at.0,
            at.1,
        );
    }
    constraints::compare(
        emit,
        &subject,
        Direction::Response,
        (&o.constraints, &n.constraints),
        (
            Text {
                description: &o.description,
                unparsed: &[],
            },
            Text {
                description: &n.description,
                unparsed: &[],
            },
        ),
        at,
    );
    let docs = doc_differences(
        (&o.description, &n.description),
        (o.example.as_deref(), n.example.as_deref()),
    );
    if !docs.is_empty() {
        emit.push(Kind::DocsChanged, &subject, docs.join(", "), at.0, at.1);
    }
}

/// Error rows grouped by code: a document may list one code with several statuses or messages.
pub fn compare_errors(
    emit: &mut Emitter,
    old: &[ErrorRow],
    new: &[ErrorRow],
    at: (Option<&Span>, Option<&Span>),
) {
    let (o, n) = (by_code(old), by_code(new));
    for (code, rows) in &o {
        let first = rows.first().map(|r| &r.source);
        match n.get(code) {
            None => emit.push(
                Kind::ErrorCodeRemoved,
                format!("error `{code}`"),
                "",
                first,
                at.1,
            ),
            Some(new_rows) => {
                let what = error_docs(rows, new_rows);
                if !what.is_empty() {
                    emit.push(
                        Kind::DocsChanged,
                        format!("error `{code}`"),
                        what.join(", "),
                        first,
                        new_rows.first().map(|r| &r.source),
                    );
                }
            }
        }
    }
    for (code, rows) in n.iter().filter(|(c, _)| !o.contains_key(*c)) {
        let status = rows
            .iter()
            .filter_map(|r| r.http_status)
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        emit.push(
            Kind::ErrorCodeAdded,
            format!("error `{code}`"),
            status,
            None,
            rows.first().map(|r| &r.source),
        );
    }
}

fn by_code(rows: &[ErrorRow]) -> BTreeMap<String, Vec<&ErrorRow>> {
    let mut out: BTreeMap<String, Vec<&ErrorRow>> = BTreeMap::new();
    for row in rows {
        out.entry(row.code.trim().to_string())
            .or_default()
            .push(row);
    }
    out
}

/// Which parts of an error code's rows differ (statuses compared only where both state one).
fn error_docs(o: &[&ErrorRow], n: &[&ErrorRow]) -> Vec<&'static str> {
    let statuses = |rows: &[&ErrorRow]| {
        let mut s: Vec<u16> = rows.iter().filter_map(|r| r.http_status).collect();
        s.sort_unstable();
        s.dedup();
        s
    };
    let prose = |rows: &[&ErrorRow], part: fn(&ErrorRow) -> &str| {
        let mut texts: Vec<String> = rows
            .iter()
            .map(|r| part(r).split_whitespace().collect::<String>())
            .collect();
        texts.sort();
        texts
    };
    let (os, ns) = (statuses(o), statuses(n));
    let mut out = Vec::new();
    if !os.is_empty() && !ns.is_empty() && os != ns {
        out.push("HTTP status");
    }
    if prose(o, |r| &r.message) != prose(n, |r| &r.message) {
        out.push("message");
    }
    if prose(o, |r| &r.description) != prose(n, |r| &r.description) {
        out.push("description");
    }
    out
}
