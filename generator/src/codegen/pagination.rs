//! Paginators for operations with `PageNumber`/`PageSize` inputs and a `TotalCount` output:
//! `into_paginator()` yields pages, and items when the output holds a list.

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

/// The paginator of an operation, or nothing when it does not page.
pub fn paginator(
    op: &str,
    input: &[FieldModel],
    output: &[FieldModel],
    types: &TypeSet,
) -> TokenStream {
    let (Some(number), Some(size), Some(total)) = (
        find(input, "PageNumber"),
        find(input, "PageSize"),
        find(output, "TotalCount"),
    ) else {
        return quote!();
    };
    let (Some(number_ty), Some(size_ty), Some(total_ty)) =
        (int_scalar(number), int_scalar(size), int_scalar(total))
    else {
        return quote!();
    };
    let builder = format_ident!("{op}FluentBuilder");
    let paginator = format_ident!("{op}Paginator");
    let output_ty = format_ident!("{op}Output");
    let error = format_ident!("{op}Error");
    let (number_f, size_f, total_f) = (
        names::ident(&number.name),
        names::ident(&size.name),
        names::ident(&total.name),
    );
    let to_page = match number_ty {
        Scalar::I32 => quote!(i32::try_from(next).ok()),
        _ => quote!(Some(next)),
    };
    let current_wide = match number_ty {
        Scalar::I32 => quote!(i64::from(current)),
        _ => quote!(current),
    };
    let size_wide = match size_ty {
        Scalar::I32 => quote!(self.builder.input.#size_f.map(i64::from)),
        _ => quote!(self.builder.input.#size_f),
    };
    let total_wide = match total_ty {
        Scalar::I32 => quote!(page.#total_f.map(i64::from)),
        _ => quote!(page.#total_f),
    };
    let number_ty_tokens = types.tokens(&Ty::Scalar(number_ty));
    let items = items_path(output, types);
    let count = match &items {
        Some((path, _)) => {
            let first = names::ident(&path[0]);
            let rest = path[1..].iter().map(|p| names::ident(p));
            quote!(page.#first.as_ref() #( .and_then(|x| x.#rest.as_ref()) )* .map(Vec::len))
        }
        None => quote!(None),
    };
    let items_fn = match &items {
        Some((path, ty)) => {
            let item_ty = types.tokens(ty);
            let first = names::ident(&path[0]);
            let rest = path[1..].iter().map(|p| names::ident(p));
            quote! {
                /// Fetches every remaining page and returns the items of all of them.
                pub async fn items(mut self) -> Result<Vec<#item_ty>, ::specgen_runtime::SdkError<#error>> {
                    let mut all = Vec::new();
                    while let Some(page) = self.next_page().await {
                        let page = page?;
                        all.extend(page.#first #( .and_then(|x| x.#rest) )* .unwrap_or_default());
                    }
                    Ok(all)
                }
            }
        }
        None => quote!(),
    };
    quote! {
        impl #builder {
            /// Pages through the results, starting at the page number set on this builder (else 1).
            pub fn into_paginator(self) -> #paginator {
                let next = self.input.#number_f.or(Some(1));
                #paginator { builder: self, next }
            }
        }

        /// Yields the pages of a listing, one request per page.
        pub struct #paginator {
            builder: #builder,
            next: Option<#number_ty_tokens>,
        }

        impl #paginator {
            /// The next page, or `None` after the last one (or after an error).
            pub async fn next_page(&mut self) -> Option<Result<#output_ty, ::specgen_runtime::SdkError<#error>>> {
                let current = self.next.take()?;
                let mut builder = self.builder.clone();
                builder.input.#number_f = Some(current);
                let result = builder.send().await;
                if let Ok(page) = &result {
                    let more = crate::pagination::next_page(#current_wide, #size_wide, #total_wide, #count);
                    self.next = more.and_then(|next| #to_page);
                }
                Some(result)
            }

            #items_fn
        }
    }
}
