//! Paginators for operations with `PageNumber`/`PageSize` inputs and a `TotalCount` output:
//! `into_paginator()` returns the runtime's stream of pages (`specgen_runtime::pagination`),
//! and the builder tells it how to page (`Paged`) and, when the output holds a list, where
//! the items are (`PagedItems`).

use super::names;
use super::types::{FieldModel, Scalar, Ty, TypeSet};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

fn find<'f, 'a>(fields: &'f [FieldModel<'a>], wire: &str) -> Option<&'f FieldModel<'a>> {
    fields.iter().find(|f| f.wire == wire)
}

fn int_scalar(f: &FieldModel) -> Option<Scalar> {
    match f.ty {
        Ty::Scalar(s @ (Scalar::I32 | Scalar::I64)) => Some(s),
        _ => None,
    }
}

/// The path of field names from the output to its first list (through nested structs).
fn items_path(fields: &[FieldModel], types: &TypeSet) -> Option<(Vec<String>, Ty)> {
    for f in fields {
        match &f.ty {
            Ty::List(inner) => return Some((vec![f.name.clone()], (**inner).clone())),
            Ty::Struct(i) => {
                if let Some((mut path, ty)) = types
                    .structs
                    .get(*i)
                    .and_then(|s| items_path(&s.fields, types))
                {
                    path.insert(0, f.name.clone());
                    return Some((path, ty));
                }
            }
            _ => {}
        }
    }
    None
}

/// The fields an operation pages with: `PageNumber`, `PageSize` and `TotalCount`, all
/// integers.
struct PageFields<'f, 'a> {
    number: (&'f FieldModel<'a>, Scalar),
    size: (&'f FieldModel<'a>, Scalar),
    total: (&'f FieldModel<'a>, Scalar),
}

fn page_fields<'f, 'a>(
    input: &'f [FieldModel<'a>],
    output: &'f [FieldModel<'a>],
) -> Option<PageFields<'f, 'a>> {
    let int = |f: &'f FieldModel<'a>| Some((f, int_scalar(f)?));
    Some(PageFields {
        number: int(find(input, "PageNumber")?)?,
        size: int(find(input, "PageSize")?)?,
        total: int(find(output, "TotalCount")?)?,
    })
}

/// How an operation pages, for the crate's examples.
pub struct Paging {
    /// The builder's `PageSize` setter.
    pub page_size_setter: String,
    /// True when its pages hold a list (`.items()` exists).
    pub items: bool,
}

/// How the operation pages, or `None` when it does not.
pub fn paging(input: &[FieldModel], output: &[FieldModel], types: &TypeSet) -> Option<Paging> {
    let fields = page_fields(input, output)?;
    Some(Paging {
        page_size_setter: fields.size.0.name.clone(),
        items: items_path(output, types).is_some(),
    })
}

/// The paginator of an operation, or nothing when it does not page.
pub fn paginator(
    op: &str,
    input: &[FieldModel],
    output: &[FieldModel],
    types: &TypeSet,
) -> TokenStream {
    let Some(PageFields {
        number: (number, number_ty),
        size: (size, size_ty),
        total: (total, total_ty),
    }) = page_fields(input, output)
    else {
        return quote!();
    };
    let builder = format_ident!("{op}FluentBuilder");
    let output_ty = format_ident!("{op}Output");
    let error = format_ident!("{op}Error");
    let (number_f, size_f, total_f) = (
        names::ident(&number.name),
        names::ident(&size.name),
        names::ident(&total.name),
    );
    let widen = |ty: Scalar, value: TokenStream| match ty {
        Scalar::I32 => quote!(#value.map(i64::from)),
        _ => value,
    };
    let page_number = widen(number_ty, quote!(self.input.#number_f));
    let page_size = widen(size_ty, quote!(self.input.#size_f));
    let total_count = widen(total_ty, quote!(page.#total_f));
    let narrow = match number_ty {
        Scalar::I32 => quote!(i32::try_from(page).ok()?),
        _ => quote!(page),
    };
    let items = items_path(output, types);
    let item_count = match &items {
        Some((path, _)) => {
            let first = names::ident(&path[0]);
            let rest = path[1..].iter().map(|p| names::ident(p));
            quote!(page.#first.as_ref() #( .and_then(|x| x.#rest.as_ref()) )* .map(Vec::len))
        }
        None => quote!(None),
    };
    let (stream_doc, items_impl) = match &items {
        Some((path, ty)) => {
            let item_ty = types.tokens(ty);
            let first = names::ident(&path[0]);
            let rest = path[1..].iter().map(|p| names::ident(p));
            let items_impl = quote! {
                impl ::specgen_runtime::pagination::PagedItems for #builder {
                    type Item = #item_ty;
                    fn items(page: #output_ty) -> Vec<#item_ty> {
                        page.#first #( .and_then(|x| x.#rest) )* .unwrap_or_default()
                    }
                }
            };
            (
                " A stream of pages; `.items()` makes it a stream of the items on them.",
                items_impl,
            )
        }
        None => (" A stream of pages.", quote!()),
    };
    quote! {
        impl #builder {
            /// Pages through the results, starting at the page number set on this builder
            /// (else 1), one request per page, sent when the stream is polled for it.
            #[doc = ""]
            #[doc = #stream_doc]
            /// It ends after the last page (the reported total reached, or a page without
            /// items) and after the first error, which it yields.
            pub fn into_paginator(self) -> ::specgen_runtime::pagination::Paginator<Self> {
                ::specgen_runtime::pagination::Paginator::new(self)
            }
        }

        impl ::specgen_runtime::pagination::Paged for #builder {
            type Output = #output_ty;
            type Error = #error;
            fn page_number(&self) -> Option<i64> {
                #page_number
            }
            fn page_size(&self) -> Option<i64> {
                #page_size
            }
            fn with_page_number(mut self, page: i64) -> Option<Self> {
                self.input.#number_f = Some(#narrow);
                Some(self)
            }
            fn fetch(
                self,
            ) -> impl ::std::future::Future<
                Output = Result<#output_ty, ::specgen_runtime::SdkError<#error>>,
            > + Send {
                self.send()
            }
            fn total_count(page: &#output_ty) -> Option<i64> {
                #total_count
            }
            fn item_count(page: &#output_ty) -> Option<usize> {
                #item_count
            }
        }

        #items_impl
    }
}
