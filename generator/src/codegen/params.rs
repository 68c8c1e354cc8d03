//! Request parameters to input fields. Repeated families (`Tag.N.Key`, `Filter.N.Value.N`)
//! and `array<object>` parameters with children become lists of structs whose fields keep
//! the wire names, so flattening reproduces `Tag.1.Key` and `Filter.2.Value.3`.

use super::docs;
use super::names;
use super::types::{scalar_of, Direction, FieldDoc, FieldModel, Scalar, StructModel, Ty, TypeSet};
use crate::diag::Span;
use crate::ir::{Constraint, Parameter};

/// One name segment of the parameter tree (`Tag`, then `Key` under it).
struct Node<'a> {
    segment: String,
    /// Followed by an `N` placeholder, or documented as an array.
    repeated: bool,
    /// The parameter that describes this node itself, when the document has one.
    param: Option<&'a Parameter>,
    children: Vec<Node<'a>>,
    max_items: Vec<&'a Constraint>,
    rules: Vec<&'a Constraint>,
    notes: Vec<String>,
}

impl<'a> Node<'a> {
    fn new(segment: &str) -> Self {
        Node {
            segment: segment.to_string(),
            repeated: false,
            param: None,
            children: Vec::new(),
            max_items: Vec::new(),
            rules: Vec::new(),
            notes: Vec::new(),
        }
    }
}

fn is_placeholder(segment: &str) -> bool {
    segment == "N" || segment == "n"
}

/// `Filter.N.Value.N` -> `[("Filter", true), ("Value", true)]`.
fn split_wire_name(name: &str) -> Vec<(String, bool)> {
    let mut path: Vec<(String, bool)> = Vec::new();
    for segment in name.split('.').map(str::trim).filter(|s| !s.is_empty()) {
        match path.last_mut() {
            Some(last) if is_placeholder(segment) => last.1 = true,
            _ => path.push((segment.to_string(), false)),
        }
    }
    path
}

fn child_mut<'n, 'a>(nodes: &'n mut Vec<Node<'a>>, segment: &str) -> &'n mut Node<'a> {
    let pos = match nodes.iter().position(|n| n.segment == segment) {
        Some(pos) => pos,
        None => {
            nodes.push(Node::new(segment));
            nodes.len() - 1
        }
    };
    &mut nodes[pos]
}

/// The node at `path` (segment names from `nodes` down), created when missing.
fn node_at<'n, 'a>(
    nodes: &'n mut Vec<Node<'a>>,
    path: &[(String, bool)],
) -> Option<&'n mut Node<'a>> {
    let ((first, _), rest) = path.split_first()?;
    let node = child_mut(nodes, first);
    if rest.is_empty() {
        Some(node)
    } else {
        node_at(&mut node.children, rest)
    }
}

/// Inserts `param` (named relative to `parent`, the wire name of the enclosing node) into the tree.
fn insert<'a>(nodes: &mut Vec<Node<'a>>, param: &'a Parameter, parent: &str) {
    let relative = Some(parent)
        .filter(|p| !p.is_empty())
        .and_then(|p| param.name.strip_prefix(p))
        .and_then(|rest| rest.strip_prefix(".N.").or_else(|| rest.strip_prefix('.')))
        .unwrap_or(&param.name);
    let mut path = split_wire_name(relative);
    if path.is_empty() {
        // An anonymous `object` item of an `array<object>`: its children belong to the array.
        for child in &param.children {
            insert(nodes, child, parent);
        }
        return;
    }
    if param.list {
        if let Some(last) = path.last_mut() {
            last.1 = true;
        }
    }
    // Mark repeated levels along the path and collect where each `N` sits.
    let mut repeated_at = Vec::new();
    for depth in 0..path.len() {
        if let Some(node) = node_at(nodes, &path[..=depth]) {
            node.repeated |= path[depth].1;
        }
        if path[depth].1 {
            repeated_at.push(depth);
        }
    }
    for c in &param.constraints {
        if let Constraint::MaxItems { level, .. } = c {
            let depth = repeated_at
                .get(usize::from(*level))
                .or(repeated_at.last())
                .copied();
            let target = node_at(nodes, &path[..=depth.unwrap_or(path.len() - 1)]);
            if let Some(node) = target {
                node.max_items.push(c);
            }
        }
    }
    let wire = path
        .iter()
        .map(|(s, r)| if *r { format!("{s}.N") } else { s.clone() })
        .collect::<Vec<_>>();
    let Some(leaf) = node_at(nodes, &path) else {
        return;
    };
    match leaf.param {
        None => leaf.param = Some(param),
        Some(first) => leaf.notes.push(format!(
            "The document describes `{}` again at {}; the description at {} is used.",
            param.name,
            docs::source(&param.source),
            docs::source(&first.source)
        )),
    }
    leaf.rules.extend(
        param
            .constraints
            .iter()
            .filter(|c| !matches!(c, Constraint::MaxItems { .. })),
    );
    let leaf_wire = wire.join(".");
    for child in &param.children {
        insert(&mut leaf.children, child, &leaf_wire);
    }
}

/// Names that builders and input structs use for their own methods.
const RESERVED_FIELDS: &[&str] = &[
    "send",
    "validation",
    "call_options",
    "as_input",
    "into_paginator",
    "validate",
    "to_params",
    "flatten",
];

/// The input fields of an operation. `Action` is not a field: it is the operation itself.
pub fn input_fields<'a>(
    params: &'a [Parameter],
    types: &mut TypeSet<'a>,
    context: &str,
) -> Vec<FieldModel<'a>> {
    let mut roots = Vec::new();
    for p in params
        .iter()
        .filter(|p| !p.name.trim().eq_ignore_ascii_case("Action"))
    {
        insert(&mut roots, p, "");
    }
    fields(roots, types, context)
}

fn fields<'a>(nodes: Vec<Node<'a>>, types: &mut TypeSet<'a>, context: &str) -> Vec<FieldModel<'a>> {
    let mut scope = names::Scope::with_reserved(RESERVED_FIELDS);
    nodes
        .into_iter()
        .map(|n| field(n, types, context, &mut scope))
        .collect()
}

/// The span of the node's own parameter, else of its first described descendant.
fn first_source(node: &Node) -> Option<Span> {
    node.param
        .map(|p| p.source.clone())
        .or_else(|| node.children.iter().find_map(first_source))
}

fn field<'a>(
    node: Node<'a>,
    types: &mut TypeSet<'a>,
    context: &str,
    scope: &mut names::Scope,
) -> FieldModel<'a> {
    let base = names::snake(&node.segment);
    let name = scope.claim(
        &if node.repeated {
            names::plural(&base)
        } else {
            base
        },
        "field",
    );
    let source = first_source(&node).unwrap_or_else(|| Span::new("", 0));
    let wire = if node.repeated {
        format!("{}.N", node.segment)
    } else {
        node.segment.clone()
    };
    let mut doc = FieldDoc {
        description: node
            .param
            .map(|p| p.description.clone())
            .unwrap_or_default(),
        example: node.param.and_then(|p| p.example.clone()),
        default: node.param.and_then(|p| p.default.clone()),
        source,
        notes: node.notes,
    };
    if doc.description.is_empty() && !node.children.is_empty() {
        doc.description = format!("The `{wire}` parameters.");
    }
    let element = if node.children.is_empty() {
        leaf_type(node.param, &node.segment, context, types, &mut doc.notes)
    } else {
        let struct_name = types.claim_type_name(&names::camel(&node.segment), context);
        let fields = fields(node.children, types, &struct_name);
        let struct_doc = format!("One item of `{wire}`.\n\n{}", doc.description);
        types.add_struct(StructModel {
            name: struct_name,
            shared: false,
            direction: Direction::Input,
            doc: struct_doc,
            fields,
        })
    };
    FieldModel {
        wire: node.segment,
        name,
        ty: if node.repeated {
            Ty::List(Box::new(element))
        } else {
            element
        },
        required: node.param.is_some_and(|p| p.required),
        doc,
        rules: node.rules,
        max_items: node.max_items,
        sensitive: node.param.is_some_and(|p| p.sensitive),
    }
}

fn leaf_type<'a>(
    param: Option<&'a Parameter>,
    segment: &str,
    context: &str,
    types: &mut TypeSet<'a>,
    notes: &mut Vec<String>,
) -> Ty {
    let Some(param) = param else {
        return Ty::Scalar(Scalar::Str);
    };
    let scalar = match scalar_of(param.kind) {
        Scalar::Json => {
            notes.push("The document gives no fields for this object; the value is sent as the text given.".into());
            Scalar::Str
        }
        other => other,
    };
    let values = param.constraints.iter().find_map(|c| match c {
        Constraint::Enum { values, .. } if scalar == Scalar::Str && !values.is_empty() => {
            Some(values)
        }
        _ => None,
    });
    match values {
        Some(values) => {
            let doc = format!("Valid values of `{}`.", param.name);
            types.enum_for(&names::camel(segment), context, doc, values)
        }
        None => Ty::Scalar(scalar),
    }
}
