//! The type model of one operation: which Rust type each parameter and response field gets,
//! and the structs and enums of its module. Built from the IR by `params.rs` and
//! `response.rs`; turned into code by `ops.rs`, `enums.rs`, `wire.rs` and `validate.rs`.

use super::names::{self, Scope};
use crate::diag::Span;
use crate::ir::{Constraint, EnumValue, Kind};
use proc_macro2::TokenStream;
use quote::quote;

/// A value the wire carries as one string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scalar {
    Str,
    Bool,
    I32,
    I64,
    F64,
    /// A response object the document does not describe field by field.
    Json,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ty {
    Scalar(Scalar),
    /// Index into [`TypeSet::enums`].
    Enum(usize),
    /// Index into [`TypeSet::structs`].
    Struct(usize),
    List(Box<Ty>),
}

impl Ty {
    /// The element type under all list levels.
    pub fn leaf(&self) -> &Ty {
        match self {
            Ty::List(inner) => inner.leaf(),
            other => other,
        }
    }
}

/// A parameter or response field as the document describes it, for rustdoc.
#[derive(Clone, Debug)]
pub struct FieldDoc {
    pub description: String,
    pub example: Option<String>,
    pub default: Option<String>,
    pub source: Span,
    /// What the generator had to assume, e.g. an unknown document type sent as text.
    pub notes: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct FieldModel<'a> {
    /// Name on the wire relative to the parent (`RegionId`, `Key`, the family base `Tag`).
    pub wire: String,
    /// Rust field name, unique in its struct.
    pub name: String,
    pub ty: Ty,
    pub required: bool,
    pub doc: FieldDoc,
    /// Rules on the value (on each item of a list).
    pub rules: Vec<&'a Constraint>,
    /// `MaxItems` rules on the list itself.
    pub max_items: Vec<&'a Constraint>,
    /// Personal or secret value (the IR's fact): redacted in `Debug`.
    pub sensitive: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Input,
    Output,
}

#[derive(Clone, Debug)]
pub struct StructModel<'a> {
    pub name: String,
    /// Lives in the crate's `types` module, shared by every operation with this shape.
    pub shared: bool,
    pub direction: Direction,
    pub doc: String,
    pub fields: Vec<FieldModel<'a>>,
}

#[derive(Clone, Debug)]
pub struct VariantModel {
    pub name: String,
    pub value: String,
    pub description: String,
}

#[derive(Clone, Debug)]
pub struct EnumModel {
    pub name: String,
    /// Lives in the crate's `types` module (see [`StructModel::shared`]).
    pub shared: bool,
    pub doc: String,
    pub variants: Vec<VariantModel>,
}

/// Structs and enums of one operation module, named uniquely within it.
pub struct TypeSet<'a> {
    pub structs: Vec<StructModel<'a>>,
    pub enums: Vec<EnumModel>,
    scope: Scope,
}

/// Names the generated module itself uses; document-derived types must not shadow them.
const RESERVED_TYPES: &[&str] = &[
    "Option",
    "Some",
    "None",
    "Result",
    "Ok",
    "Err",
    "String",
    "Vec",
    "Box",
    "Default",
    "Clone",
    "Debug",
    "Copy",
    "Send",
    "Sync",
    "Sized",
    "Iterator",
    "From",
    "Into",
    "AsRef",
    "ToString",
    "ToOwned",
    "PartialEq",
    "Eq",
    "Fn",
    "Drop",
];

/// A type as named from an operation module: shared types by their path in `types`.
fn type_path(name: &str, shared: bool) -> TokenStream {
    let ident = names::ident(name);
    if shared {
        quote!(crate::types::#ident)
    } else {
        quote!(#ident)
    }
}

impl<'a> TypeSet<'a> {
    /// `op_types` are the operation's own type names (`XInput`, `XOutput`...), reserved first.
    pub fn new(op_types: &[&str]) -> Self {
        let mut reserved = RESERVED_TYPES.to_vec();
        reserved.extend_from_slice(op_types);
        TypeSet {
            structs: Vec::new(),
            enums: Vec::new(),
            scope: Scope::with_reserved(&reserved),
        }
    }

    /// A free type name: `base`, else `{context}{base}`, else numbered.
    pub fn claim_type_name(&mut self, base: &str, context: &str) -> String {
        let contextual = format!("{context}{base}");
        if !self.scope.is_free(base) && self.scope.is_free(&contextual) {
            return self.scope.claim(&contextual, "Item");
        }
        self.scope.claim(base, "Item")
    }

    /// The Rust type of a value (a list's element type included).
    pub fn tokens(&self, ty: &Ty) -> TokenStream {
        match ty {
            Ty::Scalar(Scalar::Str) => quote!(String),
            Ty::Scalar(Scalar::Bool) => quote!(bool),
            Ty::Scalar(Scalar::I32) => quote!(i32),
            Ty::Scalar(Scalar::I64) => quote!(i64),
            Ty::Scalar(Scalar::F64) => quote!(f64),
            Ty::Scalar(Scalar::Json) => quote!(::specgen_runtime::json::Value),
            Ty::Enum(i) => match self.enums.get(*i) {
                Some(e) => type_path(&e.name, e.shared),
                None => quote!(String),
            },
            Ty::Struct(i) => match self.structs.get(*i) {
                Some(s) => type_path(&s.name, s.shared),
                None => quote!(String),
            },
            Ty::List(inner) => {
                let inner = self.tokens(inner);
                quote!(Vec<#inner>)
            }
        }
    }

    pub fn add_struct(&mut self, model: StructModel<'a>) -> Ty {
        self.structs.push(model);
        Ty::Struct(self.structs.len() - 1)
    }

    /// The enum for a valid-value list, reusing an earlier enum with the same base name and
    /// the same values (a request parameter and the response field that echoes it).
    pub fn enum_for(&mut self, base: &str, context: &str, doc: String, values: &[EnumValue]) -> Ty {
        let same = |e: &EnumModel| {
            e.variants.len() == values.len()
                && e.variants
                    .iter()
                    .zip(values)
                    .all(|(v, ev)| v.value == ev.value)
                && (e.name == base || e.name == format!("{context}{base}"))
        };
        if let Some(i) = self.enums.iter().position(same) {
            return Ty::Enum(i);
        }
        let name = self.claim_type_name(base, context);
        let mut variant_names = Scope::with_reserved(&["Unknown"]);
        let mut variants: Vec<VariantModel> = Vec::new();
        for ev in values {
            if variants.iter().any(|v| v.value == ev.value) {
                continue; // a value listed twice is one variant
            }
            let name = variant_names.claim(&names::camel(&ev.value), "Value");
            variants.push(VariantModel {
                name,
                value: ev.value.clone(),
                description: ev.description.clone(),
            });
        }
        self.enums.push(EnumModel {
            name,
            shared: false,
            doc,
            variants,
        });
        Ty::Enum(self.enums.len() - 1)
    }
}

/// The scalar for a value kind the IR decided ([`crate::ir::facts`]).
pub fn scalar_of(kind: Kind) -> Scalar {
    match kind {
        Kind::Boolean => Scalar::Bool,
        Kind::Int32 => Scalar::I32,
        Kind::Int64 => Scalar::I64,
        Kind::Float => Scalar::F64,
        Kind::Object => Scalar::Json,
        // `Unknown` is an error in the IR stage: no crate is generated from it.
        Kind::String | Kind::Unknown => Scalar::Str,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_are_reused_only_when_values_match() {
        let v = |s: &str| EnumValue {
            value: s.into(),
            description: String::new(),
            default: false,
        };
        let mut set = TypeSet::new(&["XInput"]);
        let a = set.enum_for("Status", "X", String::new(), &[v("A"), v("B")]);
        let b = set.enum_for("Status", "X", String::new(), &[v("A"), v("B")]);
        let c = set.enum_for("Status", "Output", String::new(), &[v("A")]);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(set.enums[1].name, "OutputStatus");
    }
}
