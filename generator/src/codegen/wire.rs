//! Flattening inputs to wire parameters: `to_params()` on the input struct and `flatten()` on
//! nested structs, producing `Tag.1.Key` and `Filter.2.Value.3` with 1-based indexes.

use super::names;
use super::types::{FieldModel, Scalar, Ty};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

/// The wire name of the value at hand, as generated code computes it.
#[derive(Clone)]
pub enum WireName {
    /// Known when generating (`RegionId`).
    Lit(String),
    /// A `format!` template over variables in scope (`{prefix}.Key`, `Tag.{n1}`).
    Template(String),
}

fn escape_braces(s: &str) -> String {
    s.replace('{', "{{").replace('}', "}}")
}

impl WireName {
    /// The name of a struct field: `prefix` is the variable holding the struct's own name
    /// (`None` at the top level).
    pub fn field(prefix: Option<&Ident>, wire: &str) -> WireName {
        match prefix {
            None => WireName::Lit(wire.to_string()),
            Some(p) => WireName::Template(format!("{{{p}}}.{}", escape_braces(wire))),
        }
    }

    /// The name of the item numbered by the variable `n` of a list named `self`.
    pub fn item(&self, n: &Ident) -> WireName {
        match self {
            WireName::Lit(s) => WireName::Template(format!("{}.{{{n}}}", escape_braces(s))),
            WireName::Template(t) => WireName::Template(format!("{t}.{{{n}}}")),
        }
    }

    /// An expression usable where `impl Into<String>` is expected.
    pub fn owned(&self) -> TokenStream {
        match self {
            WireName::Lit(s) => quote!(#s),
            WireName::Template(t) => quote!(format!(#t)),
        }
    }

    /// An expression usable where `&str` is expected.
    pub fn borrowed(&self) -> TokenStream {
        match self {
            WireName::Lit(s) => quote!(#s),
            WireName::Template(t) => quote!(&format!(#t)),
        }
    }
}

/// Statements pushing `value` (an expression of type `&T`) under `name`. `depth` numbers the
/// loop variables of nested lists.
fn push_value(ty: &Ty, value: TokenStream, name: &WireName, depth: usize) -> TokenStream {
    match ty {
        Ty::Scalar(Scalar::Str) => {
            let name = name.owned();
            quote!(params.push(#name, #value.as_str());)
        }
        Ty::Scalar(_) => {
            let name = name.owned();
            quote!(params.push(#name, #value.to_string());)
        }
        Ty::Enum(_) => {
            let name = name.owned();
            quote!(params.push(#name, #value.as_str());)
        }
        Ty::Struct(_) => {
            let name = name.borrowed();
            quote!(#value.flatten(#name, params);)
        }
        Ty::List(inner) => {
            let n = format_ident!("n{}", depth + 1);
            let item = format_ident!("item{}", depth + 1);
            let body = push_value(inner, quote!(#item), &name.item(&n), depth + 1);
            quote! {
                for (#n, #item) in (1usize..).zip(#value) {
                    #body
                }
            }
        }
    }
}

/// Statements pushing one field of `self`.
fn push_field(field: &FieldModel, prefix: Option<&Ident>) -> TokenStream {
    let ident = names::ident(&field.name);
    let name = WireName::field(prefix, &field.wire);
    match &field.ty {
        Ty::List(_) => push_value(&field.ty, quote!(&self.#ident), &name, 0),
        ty => {
            let body = push_value(ty, quote!(value), &name, 0);
            quote! {
                if let Some(value) = &self.#ident {
                    #body
                }
            }
        }
    }
}

/// `pub fn to_params(&self) -> Params` for an input struct.
pub fn to_params(fields: &[FieldModel]) -> TokenStream {
    let doc =
        " The wire parameters of this input, lists flattened with 1-based indexes (`Tag.1.Key`).";
    if fields.is_empty() {
        return quote! {
            #[doc = #doc]
            pub fn to_params(&self) -> ::specgen_runtime::Params {
                ::specgen_runtime::Params::new()
            }
        };
    }
    let pushes = fields.iter().map(|f| push_field(f, None));
    quote! {
        #[doc = #doc]
        pub fn to_params(&self) -> ::specgen_runtime::Params {
            let mut out = ::specgen_runtime::Params::new();
            let params = &mut out;
            #(#pushes)*
            out
        }
    }
}

/// `fn flatten(&self, prefix: &str, params: &mut Params)` for a nested input struct.
pub fn flatten(fields: &[FieldModel]) -> TokenStream {
    let prefix = format_ident!("prefix");
    let pushes = fields.iter().map(|f| push_field(f, Some(&prefix)));
    quote! {
        pub(crate) fn flatten(&self, prefix: &str, params: &mut ::specgen_runtime::Params) {
            #(#pushes)*
        }
    }
}
