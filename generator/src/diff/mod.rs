//! `specgen diff`: what changed between two versions of the API description, judged from the
//! point of view of a caller of the generated crates.
//!
//! Each side ([`sides`]) becomes an [`Api`]; [`compare`] matches products, operations,
//! parameters (by wire name), response fields, constraints and error codes, and emits one
//! [`Change`] per difference, each of a kind from the catalogue in [`kinds`], whose severity the
//! generated shapes decide ([`crate::compat`]). Rules are compared by meaning; a rule one side
//! states only because the other side's sentence was not read is a `reading-changed` finding
//! ([`reading`]). Spans, applied overrides and sample requests/responses are not compared;
//! prose is compared with whitespace removed, so reordering and reflowing report nothing.
//! [`accept`] applies the reviewed changes of `specs/accepted-changes.yaml`.

pub mod accept;
mod changelog;
pub mod cli;
mod compare;
mod constraints;
mod fields;
pub mod kinds;
mod pairing;
mod params;
mod reading;
pub mod report;
pub mod semver;
pub mod sides;
mod text;

use crate::diag::{Diagnostic, Span};
use crate::ir::{Operation, Product, ProductIr};
use kinds::{Kind, Severity};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

pub use changelog::{changelog, ChangelogEntry};
pub use compare::compare;

/// One side of a diff: operations grouped by product and version.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Api {
    pub products: Vec<ApiProduct>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ApiProduct {
    /// Empty when the documents do not say which product they describe.
    pub product: String,
    pub version: String,
    /// Product facts (crate name, endpoint, wire facts); `None` for bare documents.
    pub facts: Option<Product>,
    /// Sorted by name.
    pub operations: Vec<Operation>,
}

impl ApiProduct {
    /// Name of the generated crate, or a stand-in naming the product when it is unknown.
    pub fn crate_label(&self) -> String {
        match (&self.facts, self.product.is_empty()) {
            (Some(f), _) => f.crate_name.clone(),
            (None, true) => "(unnamed product)".to_string(),
            (None, false) => format!("{} {}", self.product, self.version)
                .trim_end()
                .to_string(),
        }
    }
}

impl Api {
    /// An IR tree (`specs/ir`) or the products `pipeline::build` made.
    pub fn from_ir(products: Vec<ProductIr>) -> Api {
        let products = products
            .into_iter()
            .map(|mut p| {
                // An IR written before a fact existed (an older revision) reads it as the
                // default; deciding again gives every side the same facts, from the same words.
                for op in &mut p.operations {
                    crate::ir::facts::decide(op);
                }
                p
            })
            .map(|p| ApiProduct {
                product: p.product.product.clone(),
                version: p.product.version.clone(),
                operations: p.operations,
                facts: Some(p.product),
            })
            .collect();
        Api { products }
    }

    /// Operations read straight from documents, grouped by the product the documents state
    /// (empty when they do not). Documents of one product often differ in whether they state
    /// the version: those that do not join the product's only stated version, if it has one.
    pub fn from_operations(operations: Vec<Operation>) -> Api {
        let mut stated: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for op in operations.iter().filter(|op| !op.version.is_empty()) {
            stated
                .entry(op.product.clone())
                .or_default()
                .insert(op.version.clone());
        }
        let mut groups: BTreeMap<(String, String), Vec<Operation>> = BTreeMap::new();
        for op in operations {
            let versions = stated.get(&op.product);
            let version = match versions.and_then(|v| v.first()) {
                Some(only) if op.version.is_empty() && versions.is_some_and(|v| v.len() == 1) => {
                    only.clone()
                }
                _ => op.version.clone(),
            };
            groups
                .entry((op.product.clone(), version))
                .or_default()
                .push(op);
        }
        let products = groups
            .into_iter()
            .map(|((product, version), mut operations)| {
                operations.sort_by(|a, b| a.name.cmp(&b.name));
                ApiProduct {
                    product,
                    version,
                    facts: None,
                    operations,
                }
            })
            .collect();
        Api { products }
    }

    pub fn operation_count(&self) -> usize {
        self.products.iter().map(|p| p.operations.len()).sum()
    }
}

/// One difference between the two sides.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    #[serde(rename = "id")]
    pub kind: Kind,
    pub severity: Severity,
    /// The generated crate affected (see [`ApiProduct::crate_label`]).
    #[serde(rename = "crate")]
    pub crate_name: String,
    pub product: String,
    pub version: String,
    /// `None` for product-level changes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operation: Option<String>,
    /// What changed, e.g. ``parameter `Name` ``.
    pub subject: String,
    /// How it changed, e.g. `2-128 → 2-64 characters`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub detail: String,
    /// Where the old side says it (absent when the old side does not have the subject).
    pub old: Option<Span>,
    pub new: Option<Span>,
    /// [`accept::fingerprint`] of this finding, for `specs/accepted-changes.yaml`.
    pub fingerprint: String,
    /// The operation's document on each side (for product-level changes, none).
    #[serde(skip)]
    pub documents: (Option<String>, Option<String>),
    /// The reviewer's reason, when the accept file accepts this finding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accepted: Option<String>,
}

impl Change {
    /// `subject: detail`, the text of one report line.
    pub fn describe(&self) -> String {
        if self.detail.is_empty() {
            self.subject.clone()
        } else {
            format!("{}: {}", self.subject, self.detail)
        }
    }
}

/// Everything one comparison found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Diff {
    /// Sorted: by crate, then operation (product-level first), then severity.
    pub changes: Vec<Change>,
    /// Every crate either side describes, changed or not, sorted.
    pub crates: Vec<String>,
    /// What the comparison itself found doubtful (repeated rows), in the order found.
    pub diagnostics: Vec<Diagnostic>,
}

impl Diff {
    pub fn count(&self, severity: Severity) -> usize {
        self.changes
            .iter()
            .filter(|c| c.severity == severity)
            .count()
    }

    /// The worst severity found, if anything changed.
    pub fn worst(&self) -> Option<Severity> {
        self.changes.iter().map(|c| c.severity).min()
    }

    /// The worst severity of the findings no reviewer accepted: what `--fail-on` judges.
    pub fn worst_unaccepted(&self) -> Option<Severity> {
        self.changes
            .iter()
            .filter(|c| c.accepted.is_none())
            .map(|c| c.severity)
            .min()
    }
}
