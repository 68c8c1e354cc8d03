//! Enums for valid-value lists: one variant per documented value, plus an opaque `Unknown` so
//! a value the service adds later still deserializes and can still be sent (`From<&str>`),
//! while no code outside the crate can build or match `Unknown` of a value: when the value
//! gets its own variant, such code would silently stop working.

use super::docs;
use super::names;
use super::types::EnumModel;
use proc_macro2::TokenStream;
use quote::quote;

pub fn enum_tokens(e: &EnumModel) -> TokenStream {
    let name = names::ident(&e.name);
    let doc = docs::attrs(&docs::sanitize(&e.doc));
    let variants: Vec<_> = e.variants.iter().map(|v| names::ident(&v.name)).collect();
    let values: Vec<&str> = e.variants.iter().map(|v| v.value.as_str()).collect();
    let variant_docs = e.variants.iter().map(|v| {
        let text = if v.description.trim().is_empty() {
            docs::code(&v.value)
        } else {
            format!(
                "{}: {}",
                docs::code(&v.value),
                docs::sanitize(&v.description)
            )
        };
        docs::attrs(&text)
    });
    let shape = crate::compat::GENERATED.value_enum.attrs();
    quote! {
        #doc
        #shape
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum #name {
            #( #variant_docs #variants, )*
            /// A value this crate does not know (the service may add values without notice):
            /// read it with [`Self::as_str`]; build one with `From<&str>`.
            Unknown(crate::types::UnknownVariantValue),
        }

        impl #name {
            /// The values the document lists, as sent on the wire.
            pub const VALUES: &'static [&'static str] = &[#(#values),*];

            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #( Self::#variants => #values, )*
                    Self::Unknown(value) => value.as_str(),
                }
            }
        }

        impl From<&str> for #name {
            fn from(value: &str) -> Self {
                match value {
                    #( #values => Self::#variants, )*
                    other => Self::Unknown(crate::types::UnknownVariantValue::new(other)),
                }
            }
        }

        ::specgen_runtime::wire_enum_impls!(#name);
    }
}
