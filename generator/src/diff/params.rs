//! Request parameters, matched by wire name so that reordering reports nothing.

use super::compare::Emitter;
use super::constraints::{self, Direction};
use super::kinds::Kind;
use super::reading;
use super::text::{child_path, doc_differences, or_unstated, param_type, same_prose};
use crate::diag::{DiagKind, Diagnostic, Span};
use crate::ir::{Constraint, Parameter};
use std::collections::{BTreeMap, BTreeSet};

/// A parameter with its full path (`Tags[].Key` for a child of an `array<object>`).
struct Flat<'a> {
    path: String,
    parent: String,
    param: &'a Parameter,
    /// Rule sentences of its description the extractor did not understand.
    unparsed: Vec<&'a str>,
}

/// `Action` names the operation (the heading wins over it): it is never a parameter.
fn is_action(parent: &str, p: &Parameter) -> bool {
    parent.is_empty() && p.name.trim() == "Action"
}

fn flatten<'a>(params: &'a [Parameter], parent: &str, out: &mut Vec<Flat<'a>>) {
    for param in params.iter().filter(|p| !is_action(parent, p)) {
        let path = child_path(parent, &param.name);
        flatten(&param.children, &path, out);
        out.push(Flat {
            path,
            parent: parent.to_string(),
            param,
            unparsed: Vec::new(),
        });
    }
}

/// Every parameter of one side, flattened, with the sentences it was not understood in.
fn flat_side<'a>(params: &'a [Parameter], warnings: &'a [Diagnostic]) -> Vec<Flat<'a>> {
    let mut flat = Vec::new();
    flatten(params, "", &mut flat);
    let rows: Vec<reading::Row> = flat
        .iter()
        .map(|f| reading::Row {
            name: &f.param.name,
            source: &f.param.source,
        })
        .collect();
    for (f, sentences) in flat.iter_mut().zip(reading::unparsed(warnings, &rows)) {
        f.unparsed = sentences;
    }
    flat
}

/// The parameters of both sides paired by path: (pairs, only old, only new).
type Paired<'f, 'a> = (
    Vec<(&'f Flat<'a>, &'f Flat<'a>)>,
    Vec<&'f Flat<'a>>,
    Vec<&'f Flat<'a>>,
);

/// Pairs the parameters of both sides by path. A path that occurs more than once in one table
/// (a repeated row) is paired by description first, then by position, and reported as a
/// diagnostic, so that no row is silently collapsed.
fn pair_by_path<'f, 'a>(
    emit: &mut Emitter,
    old: &'f [Flat<'a>],
    new: &'f [Flat<'a>],
) -> Paired<'f, 'a> {
    let group = |side: &'f [Flat<'a>]| {
        let mut by: BTreeMap<&'f str, Vec<&'f Flat<'a>>> = BTreeMap::new();
        for f in side {
            by.entry(f.path.as_str()).or_default().push(f);
        }
        by
    };
    let (og, ng) = (group(old), group(new));
    for (side, groups) in [("old", &og), ("new", &ng)] {
        for (path, rows) in groups.iter().filter(|(_, rows)| rows.len() > 1) {
            report_duplicate(emit, side, path, rows);
        }
    }
    let (mut pairs, mut removed, mut added) = (Vec::new(), Vec::new(), Vec::new());
    let mut seen = BTreeSet::new();
    for o in old {
        if !seen.insert(o.path.as_str()) {
            continue;
        }
        let olds = og.get(o.path.as_str()).map_or(&[][..], Vec::as_slice);
        let news = ng.get(o.path.as_str()).map_or(&[][..], Vec::as_slice);
        let (used_old, used_new) = pair_rows(olds, news, &mut pairs);
        removed.extend(
            olds.iter()
                .zip(used_old)
                .filter(|(_, u)| !u)
                .map(|(f, _)| *f),
        );
        added.extend(
            news.iter()
                .zip(used_new)
                .filter(|(_, u)| !u)
                .map(|(f, _)| *f),
        );
    }
    added.extend(new.iter().filter(|n| !og.contains_key(n.path.as_str())));
    (pairs, removed, added)
}

/// Pairs rows of one path: same description first, then the rest in document order.
/// Returns which old and new rows were paired.
fn pair_rows<'f, 'a>(
    olds: &[&'f Flat<'a>],
    news: &[&'f Flat<'a>],
    pairs: &mut Vec<(&'f Flat<'a>, &'f Flat<'a>)>,
) -> (Vec<bool>, Vec<bool>) {
    let (mut used_old, mut used_new) = (vec![false; olds.len()], vec![false; news.len()]);
    let mut matched = Vec::new();
    if olds.len() > 1 || news.len() > 1 {
        for (oi, of) in olds.iter().enumerate() {
            let same = news.iter().enumerate().position(|(ni, nf)| {
                !used_new[ni] && same_prose(&of.param.description, &nf.param.description)
            });
            if let Some(ni) = same {
                used_old[oi] = true;
                used_new[ni] = true;
                matched.push((oi, ni));
            }
        }
    }
    let free_new: Vec<usize> = (0..news.len()).filter(|ni| !used_new[*ni]).collect();
    let free_old = (0..olds.len())
        .filter(|oi| !used_old[*oi])
        .collect::<Vec<_>>();
    for (oi, ni) in free_old.into_iter().zip(free_new) {
        used_old[oi] = true;
        used_new[ni] = true;
        matched.push((oi, ni));
    }
    matched.sort_unstable();
    pairs.extend(matched.into_iter().map(|(oi, ni)| (olds[oi], news[ni])));
    (used_old, used_new)
}

fn report_duplicate(emit: &mut Emitter, side: &str, path: &str, rows: &[&Flat]) {
    let Some(first) = rows.first() else { return };
    let lines: Vec<String> = rows.iter().map(|f| f.param.source.to_string()).collect();
    emit.diagnostic(
        Diagnostic::warning(
            DiagKind::DuplicateParameter,
            first.param.source.clone(),
            format!(
                "parameter `{path}` appears {} times in one table on the {side} side ({}); rows are paired by description, then by position",
                rows.len(),
                lines.join(", ")
            ),
        )
        .with_hint("the document repeats a row; if the rows are different parameters, one of the names is wrong"),
    );
}

/// Each side's parameters with its operation's warnings (for the sentences not understood);
/// `at`: the old and new operation, where an added or removed parameter is missing from.
pub fn compare(
    emit: &mut Emitter,
    old: (&[Parameter], &[Diagnostic]),
    new: (&[Parameter], &[Diagnostic]),
    at: (Option<&Span>, Option<&Span>),
) {
    let (old_flat, new_flat) = (flat_side(old.0, old.1), flat_side(new.0, new.1));
    let (pairs, removed, added) = pair_by_path(emit, &old_flat, &new_flat);
    for (o, n) in pairs {
        compare_param(emit, &o.path, o, n);
    }
    let mut added: Vec<Option<&Flat>> = added.into_iter().map(Some).collect();
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
                compare_param(emit, &n.path, o, n);
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
        let (kind, detail) = if n.param.required {
            (
                Kind::ParameterAddedRequired,
                format!("required `{}`", n.param.doc_type),
            )
        } else {
            (
                Kind::ParameterAddedOptional,
                format!("optional `{}`", n.param.doc_type),
            )
        };
        emit.push(
            kind,
            format!("parameter `{}`", n.path),
            detail,
            None,
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
    (described && param_type(o.param) == param_type(n.param)).then_some("same type and description")
}

fn compare_param(emit: &mut Emitter, path: &str, of: &Flat, nf: &Flat) {
    let (o, n) = (of.param, nf.param);
    let subject = format!("parameter `{path}`");
    let at = (Some(&o.source), Some(&n.source));
    if param_type(o) != param_type(n) {
        emit.push(
            Kind::ParameterTypeChanged,
            &subject,
            format!("`{}` → `{}`", o.doc_type.trim(), n.doc_type.trim()),
            at.0,
            at.1,
        );
    }
    match (o.required, n.required) {
        (false, true) => emit.push(
            Kind::ParameterBecameRequired,
            &subject,
            "optional → required",
            at.0,
            at.1,
        ),
        (true, false) => emit.push(
            Kind::ParameterBecameOptional,
            &subject,
            "required → optional",
            at.0,
            at.1,
        ),
        _ => {}
    }
    constraints::compare(
        emit,
        &subject,
        Direction::Request,
        (&o.constraints, &n.constraints),
        (
            reading::Text {
                description: &o.description,
                unparsed: &of.unparsed,
            },
            reading::Text {
                description: &n.description,
                unparsed: &nf.unparsed,
            },
        ),
        at,
    );
    let (od, nd) = (default_of(o), default_of(n));
    let unread = match (od, nd) {
        (Some(_), None) => nf.unparsed.first(),
        (None, Some(_)) => of.unparsed.first(),
        _ => None,
    };
    if let Some(sentence) = unread {
        let detail = reading::detail(
            &format!("default {} on one side only", or_unstated(od.or(nd))),
            od.map_or(sentence, |_| o.description.as_str()),
            nd.map_or(sentence, |_| n.description.as_str()),
        );
        emit.push(Kind::ReadingChanged, &subject, detail, at.0, at.1);
    } else if od != nd {
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
