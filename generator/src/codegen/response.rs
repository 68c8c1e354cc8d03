//! Response fields to output fields: nested objects become structs, arrays become `Vec`s,
//! every field is optional (the service omits fields freely); value kinds are the IR's, as for
//! request parameters.

use super::docs;
use super::names::{self, Scope};
use super::types::{scalar_of, Direction, FieldDoc, FieldModel, Scalar, StructModel, Ty, TypeSet};
use crate::ir::{Constraint, Field, FieldOrigin};

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
            example: f.example.clone(),
            default: None,
            source: f.source.clone(),
            notes: origin_note(f).into_iter().collect(),
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
            sensitive: f.sensitive,
        });
    }
    out
}

/// Says where a field no table row documents comes from.
fn origin_note(f: &Field) -> Option<String> {
    let at = docs::source(f.example_source.as_ref().unwrap_or(&f.source));
    match f.origin? {
        FieldOrigin::Example => Some(format!(
            "This field appears in the documented example only ({at}); the response table does not document it."
        )),
        FieldOrigin::Wrapper => Some(format!(
            "The level around the items that the document's example or `Array of` type shows ({at}); the response table leaves it implicit."
        )),
    }
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
        shared: false,
        direction: Direction::Output,
        doc: struct_doc,
        fields,
    })
}

/// The Rust type of a field as the IR structures it: a list of item structs or scalars, a
/// struct of its children, or a scalar (an enum for a valid-value list).
fn field_type<'a>(f: &'a Field, types: &mut TypeSet<'a>, context: &str, doc: &mut FieldDoc) -> Ty {
    // An unnamed only child of a list is its item (web pages' `array<object>` rows).
    let children = match f.children.as_slice() {
        [item] if f.list && item.name.trim().is_empty() => item.children.as_slice(),
        children => children,
    };
    let value = match children {
        [] if f.list => Ty::Scalar(scalar_of(f.kind)),
        [] => scalar_type(f, &f.name, types, context),
        children => struct_of(&f.name, children, types, context, doc),
    };
    if f.list {
        Ty::List(Box::new(value))
    } else {
        value
    }
}

fn scalar_type(f: &Field, name: &str, types: &mut TypeSet, context: &str) -> Ty {
    let scalar = scalar_of(f.kind);
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
