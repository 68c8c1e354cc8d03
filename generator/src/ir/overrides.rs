//! `specs/overrides.yaml`: reviewed corrections applied to the IR after extraction, where a
//! document is wrong. Every applied correction is recorded in the operation's `overrides`.

use super::model::{AppliedOverride, Field, Operation, Parameter};
use crate::diag::{DiagKind, Diagnostic, Span};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    overrides: Vec<Override>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    pub product: String,
    pub version: String,
    pub operation: String,
    /// Wire name of a request parameter (as extracted, before this correction).
    #[serde(default)]
    pub parameter: Option<String>,
    /// Dotted path of a response field (`PhysicalConnectionSet.Bandwidth`).
    #[serde(default)]
    pub field: Option<String>,
    /// `file:line` of a sample in the document (with `remove: true`): a sample that contradicts
    /// the operation's confirmed types, e.g. masked digits in an integer field.
    #[serde(default)]
    pub example: Option<String>,
    #[serde(default)]
    pub set: Facts,
    /// Removes the targeted request parameter: the document lists one the service does not take
    /// (a response table headed as a request table, a parameter the official SDK lacks).
    #[serde(default)]
    pub remove: bool,
    /// Response fields that the document lists as siblings after the targeted `field` (flat
    /// rows under a parent with no type) and that are its members: moved under it, in order.
    #[serde(default)]
    pub members: Vec<String>,
    pub reason: String,
    /// Line of this entry in the overrides file (filled when loading).
    #[serde(skip)]
    pub source: Option<Span>,
}

/// The facts an override may replace.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    pub name: Option<String>,
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    pub required: Option<bool>,
    pub default: Option<String>,
    pub example: Option<String>,
}

/// Parses and checks the overrides file. serde_yaml keeps no positions, so each entry's line
/// is found by scanning for the sequence items of `overrides:` (`  - ` at two spaces), in
/// order. Unknown keys are a parse error; an entry that targets neither or both of a
/// parameter and a field, sets nothing, or sets an empty name or type is an error.
pub fn parse(path: &str, text: &str) -> Result<Vec<Override>, Vec<Diagnostic>> {
    let file: File = serde_yaml::from_str(text).map_err(|e| {
        let line = e.location().map_or(1, |l| l.line());
        vec![Diagnostic::error(
            DiagKind::BadOverrides,
            Span::new(path, line),
            format!("overrides file does not parse: {e}"),
        )
        .with_hint("fix the YAML; an override has product, version, operation, parameter or field, set and reason")]
    })?;
    let item_lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with("  - "))
        .map(|(i, _)| i + 1)
        .collect();
    let mut overrides = file.overrides;
    let mut problems = Vec::new();
    for (i, o) in overrides.iter_mut().enumerate() {
        let span = Span::new(path, item_lines.get(i).copied().unwrap_or(1));
        if let Some(problem) = invalid(o) {
            problems.push(
                Diagnostic::error(
                    DiagKind::BadOverrides,
                    span.clone(),
                    format!("override for `{}`: {problem}", o.operation),
                )
                .with_hint("an override names one operation and one parameter or field, and sets non-empty facts"),
            );
        }
        o.source = Some(span);
    }
    if problems.is_empty() {
        Ok(overrides)
    } else {
        Err(problems)
    }
}

/// What is wrong with one entry, if anything.
fn invalid(o: &Override) -> Option<&'static str> {
    let blank = |s: &Option<String>| s.as_ref().is_some_and(|s| s.trim().is_empty());
    let set = &o.set;
    if [&o.product, &o.version, &o.operation]
        .iter()
        .any(|s| s.trim().is_empty())
    {
        Some("product, version and operation must not be empty")
    } else if [
        o.parameter.is_some(),
        o.field.is_some(),
        o.example.is_some(),
    ]
    .iter()
    .filter(|t| **t)
    .count()
        != 1
    {
        Some("name exactly one of `parameter`, `field` and `example`")
    } else if o.example.is_some() != (o.remove && o.parameter.is_none()) {
        Some(
            "`remove: true` goes with `parameter` or `example`, `example` only with `remove: true`",
        )
    } else if !o.members.is_empty() && o.field.is_none() {
        Some("`members` nests response fields: give `field`")
    } else if blank(&o.parameter) || blank(&o.field) || blank(&o.example) {
        Some("the parameter, field or example is empty")
    } else if blank(&set.name) || blank(&set.doc_type) {
        Some("`set` gives an empty name or type")
    } else if o.reason.trim().is_empty() {
        Some("the reason is empty")
    } else if !o.remove
        && o.members.is_empty()
        && set.name.is_none()
        && set.doc_type.is_none()
        && set.required.is_none()
        && set.default.is_none()
        && set.example.is_none()
    {
        Some("`set` changes nothing")
    } else {
        None
    }
}

/// The error for an override whose operation no document describes.
pub fn unknown_operation(o: &Override) -> Diagnostic {
    Diagnostic::error(
        DiagKind::OverrideUnmatched,
        o.source
            .clone()
            .unwrap_or_else(|| Span::new("specs/overrides.yaml", 0)),
        format!(
            "override targets operation `{}` of {} {}, which no source document describes",
            o.operation, o.product, o.version
        ),
    )
    .with_hint("check the operation name, product and version; remove the override if the operation is gone")
}

fn record(op: &mut Operation, o: &Override, path: String, from: Option<String>, to: String) {
    op.overrides.push(AppliedOverride {
        path,
        from,
        to,
        reason: o.reason.split_whitespace().collect::<Vec<_>>().join(" "),
        source: o
            .source
            .clone()
            .unwrap_or_else(|| Span::new("specs/overrides.yaml", 0)),
    });
}

fn find_field<'a>(fields: &'a mut [Field], path: &str) -> Option<&'a mut Field> {
    let (head, rest) = path
        .split_once('.')
        .map_or((path, None), |(h, r)| (h, Some(r)));
    let field = fields.iter_mut().find(|f| f.name == head)?;
    match rest {
        Some(rest) => find_field(&mut field.children, rest),
        None => Some(field),
    }
}

/// Moves the siblings named `members` that follow the field at `path` under it, in order
/// (each the first of its name after the field). False when the field or a member is missing.
fn adopt(fields: &mut Vec<Field>, path: &str, members: &[String]) -> bool {
    let (level, name) = match path.rsplit_once('.') {
        Some((parent, name)) => match find_field(fields, parent) {
            Some(parent) => (&mut parent.children, name),
            None => return false,
        },
        None => (fields, path),
    };
    let Some(at) = level.iter().position(|f| f.name == name) else {
        return false;
    };
    let mut moved = Vec::new();
    for member in members {
        let Some(j) = level.iter().skip(at + 1).position(|f| &f.name == member) else {
            return false;
        };
        moved.push(level.remove(at + 1 + j));
    }
    level[at].children.extend(moved);
    true
}

/// Applies the overrides that target `op`. An override whose target does not exist is an
/// error: a stale correction must be noticed, not ignored.
pub fn apply(op: &mut Operation, overrides: &[Override]) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let key = (op.product.clone(), op.version.clone(), op.name.clone());
    for o in overrides
        .iter()
        .filter(|o| (&o.product, &o.version, &o.operation) == (&key.0, &key.1, &key.2))
    {
        let span = o
            .source
            .clone()
            .unwrap_or_else(|| Span::new("specs/overrides.yaml", 0));
        let mut changes = Changes::new();
        let found = if let Some(at) = &o.example {
            let before = op.examples.len();
            op.examples.retain(|e| e.source.to_string() != *at);
            if op.examples.len() < before {
                changes.push((
                    format!("examples.{at}"),
                    Some(at.clone()),
                    "(removed)".into(),
                ));
            }
            op.examples.len() < before
        } else if let (Some(name), true) = (&o.parameter, o.remove) {
            let at = op.parameters.iter().position(|p| &p.name == name);
            if let Some(at) = at {
                let p = op.parameters.remove(at);
                changes.push((
                    format!("parameters.{name}"),
                    Some(format!("{} ({})", p.name, p.source)),
                    "(removed)".into(),
                ));
            }
            at.is_some()
        } else if let Some(name) = &o.parameter {
            op.parameters
                .iter_mut()
                .find(|p| &p.name == name)
                .map(|p| set_parameter(p, &o.set, &format!("parameters.{name}"), &mut changes))
                .is_some()
        } else if let Some(path) = &o.field {
            let adopted = o.members.is_empty() || adopt(&mut op.response, path, &o.members);
            if adopted && !o.members.is_empty() {
                changes.push((
                    format!("response.{path}.children"),
                    None,
                    o.members.join(", "),
                ));
            }
            adopted
                && find_field(&mut op.response, path)
                    .map(|f| set_field(f, &o.set, &format!("response.{path}"), &mut changes))
                    .is_some()
        } else {
            false
        };
        if !found {
            problems.push(
                Diagnostic::error(
                    DiagKind::OverrideUnmatched,
                    span,
                    format!(
                        "override for `{}` names {}, which the extracted operation does not have",
                        o.operation,
                        o.parameter.as_ref().map_or_else(
                            || format!(
                                "response field `{}`",
                                o.field.as_deref().unwrap_or_default()
                            ),
                            |p| format!("parameter `{p}`")
                        )
                    ),
                )
                .with_hint("the document may have been fixed: remove or update the override"),
            );
        }
        for (path, from, to) in changes {
            record(op, o, path, from, to);
        }
    }
    problems
}

type Changes = Vec<(String, Option<String>, String)>;

/// Replaces a string fact, remembering the old value.
fn set_text(slot: &mut String, new: &Option<String>, path: String, changes: &mut Changes) {
    if let Some(new) = new {
        changes.push((
            path,
            Some(std::mem::replace(slot, new.clone())),
            new.clone(),
        ));
    }
}

fn set_opt(slot: &mut Option<String>, new: &Option<String>, path: String, changes: &mut Changes) {
    if let Some(new) = new {
        changes.push((path, slot.replace(new.clone()), new.clone()));
    }
}

fn set_parameter(p: &mut Parameter, set: &Facts, at: &str, changes: &mut Changes) {
    set_text(&mut p.name, &set.name, format!("{at}.name"), changes);
    set_text(
        &mut p.doc_type,
        &set.doc_type,
        format!("{at}.type"),
        changes,
    );
    if let Some(required) = set.required {
        changes.push((
            format!("{at}.required"),
            Some(p.required.to_string()),
            required.to_string(),
        ));
        p.required = required;
    }
    set_opt(
        &mut p.default,
        &set.default,
        format!("{at}.default"),
        changes,
    );
    set_opt(
        &mut p.example,
        &set.example,
        format!("{at}.example"),
        changes,
    );
}

fn set_field(f: &mut Field, set: &Facts, at: &str, changes: &mut Changes) {
    set_text(&mut f.name, &set.name, format!("{at}.name"), changes);
    set_text(
        &mut f.doc_type,
        &set.doc_type,
        format!("{at}.type"),
        changes,
    );
    set_opt(
        &mut f.example,
        &set.example,
        format!("{at}.example"),
        changes,
    );
}
