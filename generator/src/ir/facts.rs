//! Facts decided once, in the IR, that codegen and the diff read and never re-derive: what a
//! document's type word means ([`TypeWord`], the one list of type words), the integer width,
//! whether a value is sensitive, whether an operation only reads.
//!
//! [`decide`] runs on every operation after extraction (and again after corrections, which may
//! change a type), so the IR written to `specs/ir/` holds the answers.

use crate::diag::{DiagKind, Diagnostic};
use crate::ir::{Constraint, Field, Kind, Operation, Origin, Parameter, RuleStatus};
use std::collections::BTreeMap;

/// What a document's type word says: a scalar or object kind, and whether it is a list of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypeWord {
    pub kind: Kind,
    pub list: bool,
}

impl TypeWord {
    /// Reads a type word (`String`, `Long`, `array<integer>`, `Array of Tag`, `RepeatList`).
    /// An empty or `N/A` word is text (documents leave wrapper rows untyped; children, when
    /// there are any, make it an object); JSON sent as text (`JSON String`, `String (JSON
    /// Array)`) is text; a word that names no type is [`Kind::Unknown`].
    pub fn read(word: &str) -> TypeWord {
        let t: String = word
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        let scalar = |kind| TypeWord { kind, list: false };
        let list = |kind| TypeWord { kind, list: true };
        match t.as_str() {
            "" | "n/a" | "string" | "str" | "jsonstring" => scalar(Kind::String),
            "boolean" | "bool" => scalar(Kind::Boolean),
            "integer" | "int" | "int32" | "short" => scalar(Kind::Int32),
            "long" | "int64" => scalar(Kind::Int64),
            "float" | "double" | "number" => scalar(Kind::Float),
            "object" | "struct" => scalar(Kind::Object),
            "list" | "repeatlist" | "array" => list(Kind::String),
            _ if t.starts_with("map") => scalar(Kind::Object),
            _ if t.starts_with("string(") => scalar(Kind::String),
            // `Array of Tag`: Alibaba's notation for a list of `Tag` objects.
            _ if t.starts_with("arrayof") => list(Kind::Object),
            _ => match t
                .strip_prefix("array<")
                .and_then(|rest| rest.strip_suffix('>'))
            {
                Some(item) => list(TypeWord::read(item).kind),
                None => scalar(Kind::Unknown),
            },
        }
    }

    /// True for an integer kind (of the value or of each item).
    pub fn integer(self) -> bool {
        matches!(self.kind, Kind::Int32 | Kind::Int64)
    }
}

/// The integer width `kind` needs once the stated ranges are known: an `Integer` whose range
/// leaves `i32` is 64 bits, in inputs and outputs alike.
fn widened(kind: Kind, constraints: &[Constraint]) -> Kind {
    let wide = constraints.iter().any(|c| match c {
        Constraint::Range {
            ranges, excluded, ..
        } => ranges
            .iter()
            .flat_map(|r| [r.min, r.max])
            .chain(excluded.iter().copied())
            .any(|n| i32::try_from(n).is_err()),
        _ => false,
    });
    match kind {
        Kind::Int32 if wide => Kind::Int64,
        other => other,
    }
}

/// Name fragments (lower case, without separators) of personal or secret values.
const SENSITIVE: &[&str] = &[
    "password",
    "passwd",
    "secret",
    "authkey",
    "privatekey",
    "idcard",
    "identitynumber",
    "idnumber",
    "certificateno",
    "phone",
    "mobile",
    "contacttel",
    "contactinfo",
];

/// True for a wire name that holds a personal or secret value (`AuthKey`, `IDCardNo`,
/// `ContactTel`, `PMInfo.N.PMContactInfo`).
pub fn sensitive(name: &str) -> bool {
    let last = name
        .rsplit('.')
        .find(|s| *s != "N" && *s != "n")
        .unwrap_or(name);
    let flat: String = last
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    SENSITIVE.iter().any(|w| flat.contains(w))
}

/// Per parameter name, each distinct value list: the values, the rule stating them, the operation.
type ValueLists = BTreeMap<String, Vec<(Vec<String>, Constraint, String)>>;

/// A response field that echoes a request parameter of the product (same name, no valid
/// values of its own) takes the parameter's valid values, so one document type is one Rust
/// type in inputs and outputs (`PortType` is the enum both when sent and when read). Only a
/// name whose parameters all list the same values qualifies, and only a field whose example is
/// one of them (or, without an example, whose description names one): a `Spec` of router
/// interfaces is not the `Spec` of a virtual connection. Runs once per product, after
/// [`decide`]; the values appear in the field's IR as an `enum` rule citing the parameter's row.
pub fn echoed_values(ops: &mut [Operation]) {
    let mut lists = ValueLists::new();
    for op in ops.iter() {
        for p in op
            .parameters
            .iter()
            .filter(|p| p.kind == Kind::String && p.children.is_empty())
        {
            let Some(rule @ Constraint::Enum { values, .. }) = p
                .constraints
                .iter()
                .find(|c| matches!(c, Constraint::Enum { .. }))
            else {
                continue;
            };
            let key: Vec<String> = values.iter().map(|v| v.value.clone()).collect();
            let entry = lists.entry(p.name.clone()).or_default();
            if !entry.iter().any(|(k, ..)| *k == key) {
                entry.push((key, rule.clone(), op.name.clone()));
            }
        }
    }
    for op in ops.iter_mut() {
        for f in &mut op.response {
            echo(f, &lists);
        }
    }
}

fn echo(f: &mut Field, lists: &ValueLists) {
    for c in &mut f.children {
        echo(c, lists);
    }
    let has_values = f
        .constraints
        .iter()
        .any(|c| matches!(c, Constraint::Enum { .. }));
    if has_values || f.kind != Kind::String || !f.children.is_empty() {
        return;
    }
    let Some([(_, Constraint::Enum { values, source, .. }, operation)]) =
        lists.get(f.name.trim()).map(Vec::as_slice)
    else {
        return;
    };
    let same_values = match &f.example {
        Some(example) => values.iter().any(|v| v.value == example.trim()),
        None => values
            .iter()
            .any(|v| f.description.contains(v.value.as_str())),
    };
    if !same_values {
        return;
    }
    f.constraints.push(Constraint::Enum {
        values: values.clone(),
        sentence: format!(
            "The valid values of the request parameter `{}` of {operation}.",
            f.name.trim()
        ),
        source: source.clone(),
        status: RuleStatus::new(Origin::Inferred),
    });
}

/// Verbs of operations that only read (`DescribeVpcs`, `ListTagResources`).
const READ_VERBS: &[&str] = &["Describe", "List", "Get", "Query"];

/// True when the operation only reads: its name starts with a read verb.
pub fn read_only(action: &str) -> bool {
    READ_VERBS.iter().any(|v| {
        action
            .strip_prefix(v)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(char::is_uppercase))
    })
}

/// Decides every fact of `op` from what the document says; an unknown type word is an error.
pub fn decide(op: &mut Operation) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    op.read_only = read_only(&op.name);
    for p in &mut op.parameters {
        parameter(p, &mut out);
    }
    for f in &mut op.response {
        field(f, &mut out);
    }
    out
}

fn unknown(word: &str, what: &str, name: &str, span: &crate::diag::Span) -> Diagnostic {
    Diagnostic::error(
        DiagKind::UnknownType,
        span.clone(),
        format!("{what} `{name}` has the type `{word}`, which names no type"),
    )
    .with_hint("correct the type (String, Integer, Long, Boolean, Double, Object, array<...>) in the document or in specs/overrides.yaml")
}

fn parameter(p: &mut Parameter, out: &mut Vec<Diagnostic>) {
    let word = TypeWord::read(&p.doc_type);
    if word.kind == Kind::Unknown {
        out.push(unknown(&p.doc_type, "parameter", &p.name, &p.source));
    }
    p.kind = if p.children.is_empty() {
        widened(word.kind, &p.constraints)
    } else {
        Kind::Object
    };
    p.list = word.list;
    p.sensitive = sensitive(&p.name);
    for c in &mut p.children {
        parameter(c, out);
    }
}

fn field(f: &mut Field, out: &mut Vec<Diagnostic>) {
    let word = TypeWord::read(&f.doc_type);
    if word.kind == Kind::Unknown {
        out.push(unknown(&f.doc_type, "response field", &f.name, &f.source));
    }
    // A response row without a type and without members is a container the page does not
    // detail (`AssociatedCens`, a flat table's group row): decoded as whole JSON, so what the
    // service sends there neither fails the call nor is lost.
    let untyped = matches!(f.doc_type.trim().to_ascii_lowercase().as_str(), "" | "n/a");
    f.kind = if !f.children.is_empty() || untyped {
        Kind::Object
    } else {
        widened(word.kind, &f.constraints)
    };
    f.sensitive = sensitive(&f.name);
    for c in &mut f.children {
        field(c, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_words() {
        let w = TypeWord::read;
        assert_eq!(w("Integer").kind, Kind::Int32);
        assert_eq!(w("Long").kind, Kind::Int64);
        assert_eq!(w(" string ").kind, Kind::String);
        assert_eq!(
            w("array<integer>"),
            TypeWord {
                kind: Kind::Int32,
                list: true
            }
        );
        assert_eq!(
            w("Array of Tag"),
            TypeWord {
                kind: Kind::Object,
                list: true
            }
        );
        assert!(w("RepeatList").list && w("List").list);
        assert_eq!(w("Integr").kind, Kind::Unknown);
        assert_eq!(w("Camel").kind, Kind::Unknown);
        for text in ["N/A", "JSON String", "String (JSON Array)", ""] {
            assert_eq!(w(text).kind, Kind::String, "{text}");
        }
        assert_eq!(w("Date").kind, Kind::Unknown);
    }

    #[test]
    fn wide_ranges_widen_integers_only() {
        let range = |min, max| Constraint::Range {
            ranges: vec![crate::ir::Interval { min, max }],
            excluded: vec![],
            sentence: String::new(),
            source: crate::diag::Span::new("d", 1),
            status: Default::default(),
        };
        assert_eq!(widened(Kind::Int32, &[range(0, 2999)]), Kind::Int32);
        assert_eq!(
            widened(Kind::Int32, &[range(1, 4_294_967_294)]),
            Kind::Int64
        );
        assert_eq!(
            widened(Kind::String, &[range(1, 4_294_967_294)]),
            Kind::String
        );
    }

    #[test]
    fn sensitive_names() {
        for name in [
            "AuthKey",
            "IDCardNo",
            "ContactTel",
            "PMInfo.N.PMContactInfo",
            "Password",
        ] {
            assert!(sensitive(name), "{name}");
        }
        for name in [
            "Tag.N.Key",
            "ClientToken",
            "PhysicalConnectionId",
            "ContactMail",
        ] {
            assert!(!sensitive(name), "{name}");
        }
    }

    #[test]
    fn read_verbs() {
        assert!(read_only("DescribeVpcs") && read_only("ListTagResources"));
        assert!(!read_only("CreateVpc") && !read_only("Listen") && !read_only("GetawayX"));
    }
}
