//! Products and operations: pairs them up and hands parameters, response fields and errors
//! to their own modules.

use super::accept::fingerprint;
use super::kinds::Kind;
use super::pairing::{pair, Pair};
use super::text::{or_unstated, same_prose};
use super::{fields, params, Api, ApiProduct, Change, Diff};
use crate::diag::{Diagnostic, Span};
use crate::ir::{Operation, Product};
use std::collections::{BTreeMap, BTreeSet};

/// Collects the changes of one product pair, stamping each with where it belongs.
pub struct Emitter<'a> {
    out: &'a mut Vec<Change>,
    diagnostics: &'a mut Vec<Diagnostic>,
    crate_name: String,
    product: String,
    version: String,
    operation: Option<String>,
    /// The current operation's document on each side.
    documents: (Option<String>, Option<String>),
}

impl Emitter<'_> {
    /// Something the comparison itself could not decide cleanly (e.g. a repeated row).
    pub fn diagnostic(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    pub fn push(
        &mut self,
        kind: Kind,
        subject: impl Into<String>,
        detail: impl Into<String>,
        old: Option<&Span>,
        new: Option<&Span>,
    ) {
        let (subject, detail) = (subject.into(), detail.into());
        self.out.push(Change {
            kind,
            severity: kind.severity(),
            crate_name: self.crate_name.clone(),
            product: self.product.clone(),
            version: self.version.clone(),
            fingerprint: fingerprint(kind, self.operation.as_deref(), &subject, &detail),
            operation: self.operation.clone(),
            subject,
            detail,
            old: old.cloned(),
            new: new.cloned(),
            documents: self.documents.clone(),
            accepted: None,
        });
    }
}

/// Everything that changed from `old` to `new`.
pub fn compare(old: &Api, new: &Api) -> Diff {
    let mut changes = Vec::new();
    let mut diagnostics = Vec::new();
    let mut crates = BTreeSet::new();
    for Pair { old, new } in pair(&old.products, &new.products) {
        let Some(named) = new.or(old) else { continue };
        crates.insert(named.crate_label());
        let mut emit = Emitter {
            out: &mut changes,
            diagnostics: &mut diagnostics,
            crate_name: named.crate_label(),
            product: named.product.clone(),
            version: named.version.clone(),
            operation: None,
            documents: (None, None),
        };
        compare_product(&mut emit, old, new);
    }
    // Stable: within one operation and severity, changes keep the order they were found in.
    changes.sort_by(|a, b| {
        (&a.crate_name, &a.operation, a.severity).cmp(&(&b.crate_name, &b.operation, b.severity))
    });
    Diff {
        changes,
        crates: crates.into_iter().collect(),
        diagnostics,
    }
}

fn compare_product(emit: &mut Emitter, old: Option<&ApiProduct>, new: Option<&ApiProduct>) {
    let empty = Vec::new();
    let old_ops = old.map_or(&empty, |p| &p.operations);
    let new_ops = new.map_or(&empty, |p| &p.operations);
    let facts = (
        old.and_then(|p| p.facts.as_ref()),
        new.and_then(|p| p.facts.as_ref()),
    );
    if let (Some(o), Some(n)) = (old, new) {
        if !o.version.is_empty() && !n.version.is_empty() && o.version != n.version {
            let spans = (
                old_ops.first().map(|op| &op.source),
                new_ops.first().map(|op| &op.source),
            );
            emit.push(
                Kind::VersionChanged,
                format!("product `{}`", n.product),
                format!("`{}` → `{}`", o.version, n.version),
                spans.0,
                spans.1,
            );
        }
    }
    if let (Some(o), Some(n)) = facts {
        compare_facts(emit, o, n);
    }
    let mut by_name: BTreeMap<&str, (Option<&Operation>, Option<&Operation>)> = BTreeMap::new();
    for op in old_ops {
        by_name.entry(&op.name).or_default().0 = Some(op);
    }
    for op in new_ops {
        by_name.entry(&op.name).or_default().1 = Some(op);
    }
    for (name, sides) in by_name {
        emit.operation = Some(name.to_string());
        emit.documents = (
            sides.0.map(|op| op.source.file.clone()),
            sides.1.map(|op| op.source.file.clone()),
        );
        match sides {
            (Some(o), Some(n)) => {
                compare_operation(emit, o, n, facts.0.is_some() && facts.1.is_some())
            }
            (Some(o), None) => emit.push(
                Kind::OperationRemoved,
                "operation",
                "",
                Some(&o.source),
                None,
            ),
            (None, Some(n)) => {
                emit.push(Kind::OperationAdded, "operation", "", None, Some(&n.source))
            }
            (None, None) => {}
        }
    }
    emit.operation = None;
    emit.documents = (None, None);
}

/// Facts from the product files: crate name, endpoint, where parameters travel.
fn compare_facts(emit: &mut Emitter, o: &Product, n: &Product) {
    if o.crate_name != n.crate_name {
        emit.push(
            Kind::CrateRenamed,
            "crate",
            format!("`{}` → `{}`", o.crate_name, n.crate_name),
            None,
            None,
        );
    }
    let (oe, ne) = (&o.endpoint, &n.endpoint);
    for (what, old, new) in [
        ("regional endpoint", &oe.regional, &ne.regional),
        ("global endpoint", &oe.global, &ne.global),
    ] {
        if old != new {
            emit.push(
                Kind::EndpointChanged,
                what,
                format!("`{old}` → `{new}`"),
                None,
                None,
            );
        }
    }
    let moved: Vec<String> = ne
        .global_regions
        .iter()
        .filter(|r| !oe.global_regions.contains(r))
        .map(|r| format!("+{r}"))
        .chain(
            oe.global_regions
                .iter()
                .filter(|r| !ne.global_regions.contains(r))
                .map(|r| format!("-{r}")),
        )
        .collect();
    if !moved.is_empty() {
        emit.push(
            Kind::EndpointChanged,
            "regions served by the global endpoint",
            moved.join(", "),
            None,
            None,
        );
    }
    if o.parameter_location != n.parameter_location {
        let show = |p: &Product| {
            serde_yaml::to_string(&p.parameter_location)
                .map(|s| s.trim().to_string())
                .unwrap_or_default()
        };
        emit.push(
            Kind::ParameterLocationChanged,
            "parameters",
            format!("{} → {}", show(o), show(n)),
            None,
            None,
        );
    }
}

/// `with_facts`: both sides know the product facts, so method and idempotency are stated.
fn compare_operation(emit: &mut Emitter, o: &Operation, n: &Operation, with_facts: bool) {
    let at = (Some(&o.source), Some(&n.source));
    if !o.style.is_empty() && !n.style.is_empty() && o.style != n.style {
        emit.push(
            Kind::StyleChanged,
            "operation",
            format!("`{}` → `{}`", o.style, n.style),
            at.0,
            at.1,
        );
    }
    if let (Some(om), Some(nm)) = (&o.method, &n.method) {
        if !om.eq_ignore_ascii_case(nm) {
            emit.push(
                Kind::HttpMethodChanged,
                "operation",
                format!("`{om}` → `{nm}`"),
                at.0,
                at.1,
            );
        }
    }
    if with_facts && o.idempotency_parameter != n.idempotency_parameter {
        let detail = format!(
            "{} → {}",
            or_unstated(o.idempotency_parameter.as_deref()),
            or_unstated(n.idempotency_parameter.as_deref())
        );
        emit.push(
            Kind::IdempotencyParameterChanged,
            "idempotency parameter",
            detail,
            at.0,
            at.1,
        );
    }
    params::compare(
        emit,
        (&o.parameters, &o.warnings),
        (&n.parameters, &n.warnings),
        at,
    );
    fields::compare_response(emit, &o.response, &n.response, at);
    fields::compare_errors(emit, &o.errors, &n.errors, at);
    let docs: Vec<&str> = [
        ("summary", &o.summary, &n.summary),
        ("description", &o.description, &n.description),
    ]
    .into_iter()
    .filter(|(_, a, b)| !same_prose(a, b))
    .map(|(what, _, _)| what)
    .collect();
    if !docs.is_empty() {
        emit.push(Kind::DocsChanged, "operation", docs.join(", "), at.0, at.1);
    }
}
