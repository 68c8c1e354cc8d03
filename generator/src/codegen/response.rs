//! Response fields to output fields: nested objects become structs, arrays become `Vec`s,
//! every field is optional (the service omits fields freely) and integers are `i64` (response
//! documents understate ranges more often than request documents do).

use super::docs;
use super::names::{self, Scope};
use super::types::{
    doc_kind, scalar_of, unknown_type_note, Direction, DocKind, FieldDoc, FieldModel, Scalar,
    StructModel, Ty, TypeSet,
};
use crate::ir::{Constraint, Field};

/// The output fields of an operation; a single anonymous root object is unwrapped.
pub fn output_fields<'a>(
    response: &'a [Field],
    types: &mut TypeSet<'a>,
    context: &str,
) -> Vec<FieldModel<'a>> {
    match response {
        [root] if root.name.trim().is_empty() && !root.children.is_empty() => {
            fields(&root.children, types, context)
        }
        _ => fields(response, types, context),
    }
}

fn fields<'a>(list: &'a [Field], types: &mut TypeSet<'a>, context: &str) -> Vec<FieldModel<'a>> {
    let mut scope = Scope::default();
    let mut out: Vec<FieldModel<'a>> = Vec::new();
    for f in list {
        let wire = f.name.trim();
        if let Some(first) = out.iter_mut().find(|m| m.wire == wire) {
            first.doc.notes.push(format!(
                "The document describes `{wire}` again at {}; the first description is used.",
                docs::source(&f.source)
            ));
            continue;
        }
        let mut doc = FieldDoc {
            description: f.description.clone(),
            doc_type: f.doc_type.clone(),
            example: f.example.clone(),
            default: None,
            source: f.source.clone(),
            notes: unknown_type_note(&f.doc_type).into_iter().collect(),
        };
        let ty = field_type(f, types, context, &mut doc);
        out.push(FieldModel {
            wire: wire.to_string(),
            name: scope.claim(&names::snake(wire), "field"),
            ty,
            required: false,
            doc,
            rules: Vec::new(),
            max_items: Vec::new(),
        });
    }
    out
}

/// A struct named after `name` holding `children`.
fn struct_of<'a>(
    name: &str,
    children: &'a [Field],
    types: &mut TypeSet<'a>,
    context: &str,
    doc: &FieldDoc,
) -> Ty {
    let struct_name = types.claim_type_name(&names::camel(name), context);
    let fields = fields(children, types, &struct_name);
    let struct_doc = if doc.description.is_empty() {
        format!("An item of `{name}`.")
    } else {
        doc.description.clone()
    };
    types.add_struct(StructModel {
        name: struct_name,
        direction: Direction::Output,
        doc: struct_doc,
        fields,
    })
}

/// `Array of X`: Alibaba's notation for a list wrapped in an object,
/// `{"Field": {"X": [...]}}` (XML heritage), as the official SDKs model it.
fn wrapped_item(doc_type: &str) -> Option<&str> {
    let t = doc_type.trim();
    let item = t.get(..9).filter(|p| p.eq_ignore_ascii_case("array of "))?;
    Some(t[item.len()..].trim())
        .filter(|i| !i.is_empty() && i.chars().all(|c| c.is_ascii_alphanumeric()))
}

fn wrapper_type<'a>(
    f: &'a Field,
    item: &'a str,
    types: &mut TypeSet<'a>,
    context: &str,
    doc: &FieldDoc,
) -> Ty {
    let item_ty = match f.children.as_slice() {
        [] => Ty::Scalar(Scalar::Str),
        children => struct_of(item, children, types, context, doc),
    };
    let wrapper = types.claim_type_name(&names::camel(&f.name), context);
    let field = FieldModel {
        wire: item.to_string(),
        name: names::snake(item),
        ty: Ty::List(Box::new(item_ty)),
        required: false,
        doc: FieldDoc {
            description: format!("The items of `{}`.", f.name),
            doc_type: f.doc_type.clone(),
            example: None,
            default: None,
            source: f.source.clone(),
            notes: Vec::new(),
        },
        rules: Vec::new(),
        max_items: Vec::new(),
    };
    types.add_struct(StructModel {
        name: wrapper,
        direction: Direction::Output,
        doc: format!(
            "The object that wraps the `{item}` list (`{}`).",
            f.doc_type
        ),
        fields: vec![field],
    })
}

fn field_type<'a>(f: &'a Field, types: &mut TypeSet<'a>, context: &str, doc: &mut FieldDoc) -> Ty {
    if let Some(item) = wrapped_item(&f.doc_type) {
        return wrapper_type(f, item, types, context, doc);
    }
    let kind = doc_kind(&f.doc_type);
    match (kind, f.children.as_slice()) {
        (DocKind::List, [item]) if item.name.trim().is_empty() => {
            let item_ty = match item.children.as_slice() {
                [] => scalar_type(item, &f.name, types, context),
                children => struct_of(&f.name, children, types, context, doc),
            };
            Ty::List(Box::new(item_ty))
        }
        (DocKind::List, []) => Ty::List(Box::new(Ty::Scalar(element_scalar(&f.doc_type)))),
        (DocKind::List, children) => {
            Ty::List(Box::new(struct_of(&f.name, children, types, context, doc)))
        }
        (_, []) => scalar_type(f, &f.name, types, context),
        (_, children) => struct_of(&f.name, children, types, context, doc),
    }
}

/// `array<integer>` -> `I64`; a bare `array` holds strings.
fn element_scalar(doc_type: &str) -> Scalar {
    let t = doc_type.trim();
    let inner = match (t.find('<'), t.rfind('>')) {
        (Some(open), Some(close)) if open < close => &t[open + 1..close],
        _ => "string",
    };
    output_scalar(doc_kind(inner))
}

fn output_scalar(kind: DocKind) -> Scalar {
    match scalar_of(kind, true) {
        Scalar::I32 => Scalar::I64,
        other => other,
    }
}

fn scalar_type(f: &Field, name: &str, types: &mut TypeSet, context: &str) -> Ty {
    let scalar = output_scalar(doc_kind(&f.doc_type));
    let values = f.constraints.iter().find_map(|c| match c {
        Constraint::Enum { values, .. } if scalar == Scalar::Str && !values.is_empty() => {
            Some(values)
        }
        _ => None,
    });
    match values {
        Some(values) => types.enum_for(
            &names::camel(name),
            context,
            format!("Values of `{name}`."),
            values,
        ),
        None => Ty::Scalar(scalar),
    }
}
