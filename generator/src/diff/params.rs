//! Request parameters, matched by wire name so that reordering reports nothing.

use super::compare::Emitter;
use super::constraints::{self, Direction};
use super::kinds::Kind;
use super::text::{child_path, doc_differences, norm_type, or_unstated, same_prose};
use crate::diag::Span;
use crate::ir::{Constraint, Parameter};
use std::collections::BTreeMap;

/// A parameter with its full path (`Tags[].Key` for a child of an `array<object>`).
struct Flat<'a> {
    path: String,
    parent: String,
    param: &'a Parameter,
}

fn flatten<'a>(params: &'a [Parameter], parent: &str, out: &mut Vec<Flat<'a>>) {
    for param in params {
        let path = child_path(parent, &param.name);
        flatten(&param.children, &path, out);
        out.push(Flat {
            path,
            parent: parent.to_string(),
            param,
        });
    }
}

/// `at`: the old and new operation, where an added or removed parameter is missing from.
pub fn compare(
    emit: &mut Emitter,
    old: &[Parameter],
    new: &[Parameter],
    at: (Option<&Span>, Option<&Span>),
) {
    let (mut old_flat, mut new_flat) = (Vec::new(), Vec::new());
    flatten(old, "", &mut old_flat);
    flatten(new, "", &mut new_flat);
    let new_by_path: BTreeMap<&str, &Flat> =
        new_flat.iter().map(|f| (f.path.as_str(), f)).collect();
    let mut removed = Vec::new();
    for o in &old_flat {
        match new_by_path.get(o.path.as_str()) {
            Some(n) => compare_param(emit, &o.path, o.param, n.param),
            None => removed.push(o),
        }
    }
    let mut added: Vec<Option<&Flat>> = new_flat
        .iter()
        .filter(|n| !old_flat.iter().any(|o| o.path == n.path))
        .map(Some)
        .collect();
    let mut gone = Vec::new();
    for o in removed {
        let partner = added
            .iter_mut()
            .find(|a| a.is_some_and(|a| rename_reason(o, a).is_some()))
            .and_then(Option::take);
        match partner {
            Some(n) => {
                let reason = rename_reason(o, n).unwrap_or_default();
                emit.push(
                    Kind::ParameterRenamed,
                    format!("parameter `{}`", n.path),
                    format!("was `{}` ({reason})", o.path),
                    Some(&o.param.source),
                    Some(&n.param.source),
                );
                compare_param(emit, &n.path, o.param, n.param);
            }
            None => gone.push(o),
        }
    }
    // A removed or added family is reported once, not once per member.
    let is_top = |f: &Flat, all: &[&Flat]| !all.iter().any(|p| p.path == f.parent);
    for o in gone.iter().filter(|o| is_top(o, &gone)) {
        emit.push(
            Kind::ParameterRemoved,
            format!("parameter `{}`", o.path),
            "",
            Some(&o.param.source),
            at.1,
        );
    }
    let added: Vec<&Flat> = added.into_iter().flatten().collect();
    for n in added.iter().filter(|n| is_top(n, &added)) {
        let kind = if n.param.required {
            Kind::ParameterAddedRequired
        } else {
            Kind::ParameterAddedOptional
        };
        emit.push(
            kind,
            format!("parameter `{}`", n.path),
            format!("`{}`", n.param.doc_type),
            at.0,
            Some(&n.param.source),
        );
    }
}

/// Why `o` and `n` are likely the same parameter under two names, if they are: the names
/// differ only in case, or type and description are the same.
fn rename_reason(o: &Flat, n: &Flat) -> Option<&'static str> {
    if o.parent.to_lowercase() != n.parent.to_lowercase() {
        return None;
    }
    if o.path.to_lowercase() == n.path.to_lowercase() {
        return Some("case only");
    }
    let described = !o.param.description.trim().is_empty()
        && same_prose(&o.param.description, &n.param.description);
    (described && norm_type(&o.param.doc_type) == norm_type(&n.param.doc_type))
        .then_some("same type and description")
}

fn compare_param(emit: &mut Emitter, path: &str, o: &Parameter, n: &Parameter) {
    let subject = format!("parameter `{path}`");
    let at = (Some(&o.source), Some(&n.source));
    if norm_type(&o.doc_type) != norm_type(&n.doc_type) {
        emit.push(
            Kind::ParameterTypeChanged,
            &subject,
            format!("`{}` → `{}`", o.doc_type.trim(), n.doc_type.trim()),
            at.0,
            at.1,
        );
    }
    match (o.required, n.required) {
        (false, true) => emit.push(Kind::ParameterBecameRequired, &subject, "", at.0, at.1),
        (true, false) => emit.push(Kind::ParameterBecameOptional, &subject, "", at.0, at.1),
        _ => {}
    }
    constraints::compare(
        emit,
        &subject,
        Direction::Request,
        (&o.constraints, &n.constraints),
        at,
    );
    let (od, nd) = (default_of(o), default_of(n));
    if od != nd {
        emit.push(
            Kind::DefaultChanged,
            &subject,
            format!("{} → {}", or_unstated(od), or_unstated(nd)),
            at.0,
            at.1,
        );
    }
    let docs = doc_differences(
        (&o.description, &n.description),
        (o.example.as_deref(), n.example.as_deref()),
    );
    if !docs.is_empty() {
        emit.push(Kind::DocsChanged, &subject, docs.join(", "), at.0, at.1);
    }
}

/// The default a caller gets by leaving the parameter unset: stated outright or marked in a
/// valid-value list.
fn default_of(p: &Parameter) -> Option<&str> {
    let marked = p.constraints.iter().find_map(|c| match c {
        Constraint::Enum { values, .. } => {
            values.iter().find(|v| v.default).map(|v| v.value.as_str())
        }
        _ => None,
    });
    p.default.as_deref().or(marked).map(str::trim)
}
