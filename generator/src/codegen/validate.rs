//! `validate_with()`: every documented rule as a call to the runtime's non-generic checks,
//! named with the parameter's wire name. A rule the IR marks enforced
//! ([`Constraint::is_enforced`]) is checked unless validation is off; the others only under
//! `Validation::All`. Rules that cannot apply to the Rust type are listed in the field's docs
//! as not checked rather than dropped.

use super::docs;
use super::names;
use super::types::{FieldModel, Scalar, Ty, TypeSet};
use super::wire::WireName;
use crate::ir::{CharClass, Constraint};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

/// A rule in words, for docs (`2 to 128 characters`).
pub fn describe(rule: &Constraint) -> String {
    match rule {
        Constraint::Enum { values, .. } => {
            let list: Vec<String> = values.iter().map(|v| docs::code(&v.value)).collect();
            format!("one of {}", list.join(", "))
        }
        Constraint::Range {
            ranges, excluded, ..
        } => {
            let spans: Vec<String> = ranges
                .iter()
                .map(|r| {
                    if r.min == r.max {
                        r.min.to_string()
                    } else {
                        format!("{} to {}", r.min, r.max)
                    }
                })
                .collect();
            let mut text = format!("in {}", spans.join(", "));
            if !excluded.is_empty() {
                let ex: Vec<String> = excluded.iter().map(i64::to_string).collect();
                text.push_str(&format!(", except {}", ex.join(", ")));
            }
            text
        }
        Constraint::Length { min, max, .. } => match (min, max) {
            (Some(a), Some(b)) => format!("{a} to {b} characters"),
            (Some(a), None) => format!("at least {a} characters"),
            (None, Some(b)) => format!("at most {b} characters"),
            (None, None) => "any length".into(),
        },
        Constraint::Charset { allowed, .. } => format!("only {}", classes_text(allowed)),
        Constraint::FirstChar { allowed, .. } => format!("starts with {}", classes_text(allowed)),
        Constraint::ForbiddenPrefix { values, .. } => {
            format!("does not start with {}", codes(values))
        }
        Constraint::ForbiddenSubstring { values, .. } => {
            format!("does not contain {}", codes(values))
        }
        Constraint::MaxItems { max, .. } => format!("at most {max} items"),
        Constraint::PageSize { max, .. } => format!("1 to {max}"),
    }
}

fn codes(values: &[String]) -> String {
    values
        .iter()
        .map(|v| docs::code(v))
        .collect::<Vec<_>>()
        .join(", ")
}

fn classes_text(classes: &[CharClass]) -> String {
    let words: Vec<String> = classes
        .iter()
        .map(|c| match c {
            CharClass::Letter => "letters".to_string(),
            CharClass::Chinese => "Chinese characters".to_string(),
            CharClass::Digit => "digits".to_string(),
            CharClass::Ascii => "ASCII characters".to_string(),
            CharClass::Char(ch) => docs::code(&ch.to_string()),
        })
        .collect();
    words.join(", ")
}

fn class_tokens(classes: &[CharClass]) -> TokenStream {
    let items = classes.iter().map(|c| match c {
        CharClass::Letter => quote!(::specgen_runtime::CharClass::Letter),
        CharClass::Chinese => quote!(::specgen_runtime::CharClass::Chinese),
        CharClass::Digit => quote!(::specgen_runtime::CharClass::Digit),
        CharClass::Ascii => quote!(::specgen_runtime::CharClass::Ascii),
        CharClass::Char(ch) => quote!(::specgen_runtime::CharClass::Char(#ch)),
    });
    quote!(&[#(#items),*])
}

/// The check of one rule on `value` (a `&T`), or `None` when the rule cannot apply to `ty`.
pub fn check(
    rule: &Constraint,
    ty: &Ty,
    types: &TypeSet,
    value: &TokenStream,
    name: &TokenStream,
) -> Option<TokenStream> {
    if !applies(rule, ty) {
        return None;
    }
    let v = quote!(::specgen_runtime::validate);
    let int = match ty {
        Ty::Scalar(Scalar::I32) => Some(quote!(i64::from(*#value))),
        Ty::Scalar(Scalar::I64) => Some(quote!(*#value)),
        _ => None,
    };
    let text = match ty {
        Ty::Scalar(Scalar::Str) => Some(quote!(#value)),
        _ => None,
    };
    Some(match rule {
        Constraint::Enum { values, .. } => {
            let as_text = match ty {
                Ty::Enum(_) => quote!(#value.as_str()),
                Ty::Scalar(Scalar::Str) => quote!(#value),
                Ty::Scalar(_) => quote!(&#value.to_string()),
                _ => return None,
            };
            let allowed = match ty {
                Ty::Enum(_) => {
                    let e = types.tokens(ty);
                    quote!(#e::VALUES)
                }
                _ => {
                    let values = values.iter().map(|x| x.value.as_str());
                    quote!(&[#(#values),*])
                }
            };
            quote!(#v::one_of(v, #name, #as_text, #allowed);)
        }
        Constraint::Range {
            ranges, excluded, ..
        } => {
            let int = int?;
            let pairs = ranges.iter().map(|r| {
                let (a, b) = (r.min, r.max);
                quote!((#a, #b))
            });
            quote!(#v::range(v, #name, #int, &[#(#pairs),*], &[#(#excluded),*]);)
        }
        Constraint::PageSize { max, .. } => {
            let int = int?;
            let max = i64::try_from(*max).unwrap_or(i64::MAX);
            quote!(#v::range(v, #name, #int, &[(1, #max)], &[]);)
        }
        Constraint::Length { min, max, .. } => {
            let text = text?;
            let opt = |x: &Option<u64>| match x {
                Some(n) => quote!(Some(#n)),
                None => quote!(None),
            };
            let (min, max) = (opt(min), opt(max));
            quote!(#v::length(v, #name, #text, #min, #max);)
        }
        Constraint::Charset { allowed, .. } => {
            let (text, classes) = (text?, class_tokens(allowed));
            quote!(#v::charset(v, #name, #text, #classes);)
        }
        Constraint::FirstChar { allowed, .. } => {
            let (text, classes) = (text?, class_tokens(allowed));
            quote!(#v::first_char(v, #name, #text, #classes);)
        }
        Constraint::ForbiddenPrefix { values, .. } => {
            let text = text?;
            quote!(#v::forbidden_prefix(v, #name, #text, &[#(#values),*]);)
        }
        Constraint::ForbiddenSubstring { values, .. } => {
            let text = text?;
            quote!(#v::forbidden_substring(v, #name, #text, &[#(#values),*]);)
        }
        Constraint::MaxItems { .. } => return None,
    })
}

/// True when a value of `ty` has anything to check inside (nested struct rules).
pub fn struct_has_checks(types: &TypeSet, ty: &Ty) -> bool {
    match ty.leaf() {
        Ty::Struct(i) => types
            .structs
            .get(*i)
            .is_some_and(|s| s.fields.iter().any(|f| field_has_checks(types, f))),
        _ => false,
    }
}

fn field_has_checks(types: &TypeSet, f: &FieldModel) -> bool {
    f.required
        || !f.max_items.is_empty()
        || f.rules.iter().any(|r| applies(r, f.ty.leaf()))
        || struct_has_checks(types, &f.ty)
}

/// True when [`check`] produces a call for this rule and type.
pub fn applies(rule: &Constraint, ty: &Ty) -> bool {
    let int = matches!(ty, Ty::Scalar(Scalar::I32 | Scalar::I64));
    let text = matches!(ty, Ty::Scalar(Scalar::Str));
    match rule {
        Constraint::Enum { .. } => {
            matches!(ty, Ty::Enum(_)) || matches!(ty, Ty::Scalar(s) if *s != Scalar::Json)
        }
        Constraint::Range { .. } | Constraint::PageSize { .. } => int,
        Constraint::Length { .. }
        | Constraint::Charset { .. }
        | Constraint::FirstChar { .. }
        | Constraint::ForbiddenPrefix { .. }
        | Constraint::ForbiddenSubstring { .. } => text,
        Constraint::MaxItems { .. } => false,
    }
}

fn is_secret(wire: &str) -> bool {
    let w = wire.to_ascii_lowercase();
    w.contains("password") || w.contains("secret")
}

/// Checks of `value` (a `&T` of type `ty`) named `name`; lists recurse per item.
fn value_checks(
    f: &FieldModel,
    ty: &Ty,
    types: &TypeSet,
    value: TokenStream,
    name: &WireName,
    depth: usize,
) -> TokenStream {
    let (bind, name_expr) = match name {
        WireName::Lit(s) => (quote!(), quote!(#s)),
        WireName::Template(t) => (quote!(let name = format!(#t);), quote!(&name)),
    };
    match ty {
        Ty::List(inner) => {
            let n = format_ident!("n{}", depth + 1);
            let item = format_ident!("item{}", depth + 1);
            let body = value_checks(f, inner, types, quote!(#item), &name.item(&n), depth + 1);
            if body.is_empty() {
                return quote!();
            }
            quote! {
                for (#n, #item) in (1usize..).zip(#value) {
                    #body
                }
            }
        }
        Ty::Struct(_) if struct_has_checks(types, ty) => {
            quote! { #bind #value.validate_at(#name_expr, all, v); }
        }
        _ => {
            let calls: Vec<TokenStream> = f
                .rules
                .iter()
                .filter_map(|r| {
                    let call = check(r, ty, types, &value, &name_expr)?;
                    Some(if r.is_enforced() {
                        call
                    } else {
                        quote!(if all { #call })
                    })
                })
                .collect();
            if calls.is_empty() {
                return quote!();
            }
            quote! { #bind #(#calls)* }
        }
    }
}

/// All checks of one field of `self`; `prefix` is the variable holding the struct's wire name.
fn field_checks(f: &FieldModel, types: &TypeSet, prefix: Option<&Ident>) -> TokenStream {
    let ident = names::ident(&f.name);
    let name = WireName::field(prefix, &f.wire);
    let mut out = TokenStream::new();
    let list = matches!(f.ty, Ty::List(_));
    if f.required {
        let present = if list {
            quote!(!self.#ident.is_empty())
        } else {
            quote!(self.#ident.is_some())
        };
        let n = name.borrowed();
        out.extend(quote!(::specgen_runtime::validate::required(v, #n, #present);));
    }
    // The same limit is often stated on each member of a family (`Tag.N.Key`, `Tag.N.Value`).
    let mut limits: Vec<(bool, u64)> = f
        .max_items
        .iter()
        .filter_map(|r| match r {
            Constraint::MaxItems { max, .. } => Some((!r.is_enforced(), *max)),
            _ => None,
        })
        .collect();
    limits.sort_unstable();
    limits.dedup_by_key(|l| l.1);
    for (optional, max) in limits {
        let n = name.borrowed();
        let call = quote!(::specgen_runtime::validate::max_items(v, #n, self.#ident.len(), #max););
        out.extend(if optional {
            quote!(if all { #call })
        } else {
            call
        });
    }
    if list {
        out.extend(value_checks(
            f,
            &f.ty,
            types,
            quote!(&self.#ident),
            &name,
            0,
        ));
    } else {
        let inner = value_checks(f, &f.ty, types, quote!(value), &name, 0);
        if !inner.is_empty() {
            out.extend(quote! {
                if let Some(value) = &self.#ident {
                    #inner
                }
            });
        }
    }
    if is_secret(&f.wire) && !out.is_empty() {
        let n = name.borrowed();
        out.extend(quote!(v.redact(#n);));
    }
    out
}

/// True when the checks of `fields` read `all`: a rule not enforced by default, or a nested
/// struct to pass it on to.
fn reads_all(fields: &[FieldModel], types: &TypeSet) -> bool {
    fields.iter().any(|f| {
        f.max_items.iter().any(|r| !r.is_enforced())
            || f.rules
                .iter()
                .any(|r| !r.is_enforced() && applies(r, f.ty.leaf()))
            || struct_has_checks(types, &f.ty)
    })
}

/// `pub fn validate(&self)` and `pub fn validate_with(&self, mode)` of an input struct.
pub fn validate_fn(fields: &[FieldModel], types: &TypeSet, doc: &str) -> TokenStream {
    let checks: Vec<TokenStream> = fields
        .iter()
        .map(|f| field_checks(f, types, None))
        .collect();
    let doc = docs::attrs(doc);
    let validate = quote! {
        #doc
        pub fn validate(&self) -> Result<(), ::specgen_runtime::ValidationError> {
            self.validate_with(::specgen_runtime::Validation::Agreed)
        }
    };
    let with_doc = " Like [`Self::validate`] with a choice of rules: `Validation::All` also checks the rules the document contradicts (listed on each field as not enforced), `Validation::Off` checks nothing.";
    if checks.iter().all(TokenStream::is_empty) {
        return quote! {
            #validate
            #[doc = #with_doc]
            pub fn validate_with(&self, _mode: ::specgen_runtime::Validation) -> Result<(), ::specgen_runtime::ValidationError> {
                Ok(())
            }
        };
    }
    let all = reads_all(fields, types)
        .then(|| quote!(let all = mode == ::specgen_runtime::Validation::All;));
    quote! {
        #validate
        #[doc = #with_doc]
        pub fn validate_with(&self, mode: ::specgen_runtime::Validation) -> Result<(), ::specgen_runtime::ValidationError> {
            if mode == ::specgen_runtime::Validation::Off {
                return Ok(());
            }
            #all
            let mut violations = ::specgen_runtime::ValidationError::default();
            let v = &mut violations;
            #(#checks)*
            violations.into_result()
        }
    }
}

/// `fn validate_at(&self, prefix, v)` of a nested input struct, when it has checks.
pub fn validate_at_fn(fields: &[FieldModel], types: &TypeSet) -> TokenStream {
    let prefix = format_ident!("prefix");
    let checks: Vec<TokenStream> = fields
        .iter()
        .map(|f| field_checks(f, types, Some(&prefix)))
        .collect();
    if checks.iter().all(TokenStream::is_empty) {
        return quote!();
    }
    let all = if reads_all(fields, types) {
        format_ident!("all")
    } else {
        format_ident!("_all")
    };
    quote! {
        pub(crate) fn validate_at(&self, prefix: &str, #all: bool, v: &mut ::specgen_runtime::ValidationError) {
            #(#checks)*
        }
    }
}
