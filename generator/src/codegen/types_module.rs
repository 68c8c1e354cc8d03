//! `src/types.rs`: the types several operations share ([`super::shared`]) and the opaque
//! payload of every enum's `Unknown` variant.

use super::ops::{self, OpModel};
use super::shared::SharedTypes;
use proc_macro2::TokenStream;
use quote::quote;

pub fn tokens(models: &[OpModel], shared: &SharedTypes) -> TokenStream {
    let items = shared
        .iter()
        .map(|(m, ty)| ops::type_tokens(ty, &models[*m].types));
    let unknown = models
        .iter()
        .any(|m| !m.types.enums.is_empty())
        .then(unknown_variant_value);
    quote! {
        //! Types several operations share: one Rust type for one shape, whichever operation
        //! takes or returns it.

        #unknown
        #(#items)*
    }
}

/// The payload of every value enum's `Unknown` variant.
fn unknown_variant_value() -> TokenStream {
    quote! {
        /// A value an enum of this crate does not list, as the service sent it. Only this crate
        /// builds one (through the enum's `From<&str>`), so no code depends on a value staying
        /// unknown: when a later version lists it, it gets its own variant.
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub struct UnknownVariantValue(String);

        impl UnknownVariantValue {
            pub(crate) fn new(value: &str) -> Self {
                Self(value.to_owned())
            }

            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
    }
}
