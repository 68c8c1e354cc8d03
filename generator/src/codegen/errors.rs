//! The error enum of an operation from its error table: one variant per code, a variant with
//! the matched part for each `%s` pattern, the crate's shared `CommonError`, and the runtime's
//! opaque `Unhandled`; an `is_<code>()` helper per documented code, and the runtime's error
//! traits (`ProvideErrorMetadata`, the retry rule) so that every error reads the same way.

use super::docs;
use super::names::{self, Scope};
use crate::ir::ErrorRow;
use proc_macro2::TokenStream;
use quote::quote;

/// A documented code and the rows that describe it (a table may list a code twice).
struct Code<'a> {
    variant: String,
    code: &'a str,
    /// Literal text around the first and last `%s` of a pattern code.
    pattern: Option<(&'a str, &'a str)>,
    rows: Vec<&'a ErrorRow>,
}

fn codes(rows: &[ErrorRow]) -> Vec<Code<'_>> {
    // `Retryable` would give `is_retryable()` twice; `Common` and `Unhandled` are variants.
    let mut scope = Scope::with_reserved(&["Common", "Unhandled", "Retryable"]);
    let mut out: Vec<Code> = Vec::new();
    for row in rows {
        let code = row.code.trim();
        if code.is_empty() {
            continue;
        }
        if let Some(known) = out.iter_mut().find(|c| c.code == code) {
            known.rows.push(row);
            continue;
        }
        let pattern = code
            .find("%s")
            .zip(code.rfind("%s"))
            .map(|(first, last)| (&code[..first], &code[last + 2..]));
        let variant = scope.claim(&names::camel(&code.replace("%s", "")), "Code");
        out.push(Code {
            variant,
            code,
            pattern,
            rows: vec![row],
        });
    }
    out
}

/// The `is_<code>()` helper of a code's variant.
fn helper(c: &Code) -> String {
    format!("is_{}", names::snake(&c.variant))
}

/// The first documented code of an error table and its `is_<code>()` helper, for examples.
pub fn first_helper(rows: &[ErrorRow]) -> Option<(String, String)> {
    codes(rows).first().map(|c| (c.code.to_string(), helper(c)))
}

fn variant_doc(c: &Code) -> String {
    let mut lines = Vec::new();
    for row in &c.rows {
        let status = row
            .http_status
            .map(|s| format!(" (HTTP {s})"))
            .unwrap_or_default();
        let mut line = format!("{}{status}", docs::code(c.code));
        if !row.message.is_empty() {
            line.push_str(&format!(": {}", docs::sanitize(&row.message)));
        }
        lines.push(line);
        if !row.description.is_empty() {
            lines.push(String::new());
            lines.push(docs::sanitize(&row.description));
        }
        lines.push(String::new());
        lines.push(format!("Source: {}", docs::source(&row.source)));
        lines.push(String::new());
    }
    if c.pattern.is_some() {
        lines.push("`matched` holds the part of the code that `%s` stands for.".into());
    }
    lines.join("\n").trim_end().to_string()
}

/// The error enum `name` for an operation's error table.
pub fn error_tokens(name: &str, op_name: &str, rows: &[ErrorRow]) -> TokenStream {
    let ident = names::ident(name);
    let codes = codes(rows);
    let variants = codes.iter().map(|c| {
        let v = names::ident(&c.variant);
        let doc = docs::attrs(&variant_doc(c));
        match c.pattern {
            Some(_) => {
                quote! { #doc #v { matched: String, error: ::specgen_runtime::ServiceError }, }
            }
            None => quote! { #doc #v(::specgen_runtime::ServiceError), },
        }
    });
    let exact: Vec<TokenStream> = codes
        .iter()
        .filter(|c| c.pattern.is_none())
        .map(|c| {
            let (v, code) = (names::ident(&c.variant), c.code);
            quote!(#code => Self::#v(error),)
        })
        .collect();
    let patterns = codes.iter().filter_map(|c| {
        let (prefix, suffix) = c.pattern?;
        let v = names::ident(&c.variant);
        Some(quote! {
            if let Some(matched) = crate::error::match_pattern(&error.code, #prefix, #suffix) {
                return Self::#v { matched, error };
            }
        })
    });
    let fallback = quote! {
        #(#patterns)*
        match crate::error::CommonError::variant_for(&error) {
            Some(common) => Self::Common(common(error)),
            None => Self::Unhandled(::specgen_runtime::error::unhandled(error)),
        }
    };
    let (from_service, unlisted) = if exact.is_empty() {
        (fallback, quote!())
    } else {
        let from_service = quote! {
            match error.code.as_str() {
                #(#exact)*
                _ => Self::unlisted(error),
            }
        };
        let unlisted = quote! {
            fn unlisted(error: ::specgen_runtime::ServiceError) -> Self {
                #fallback
            }
        };
        (from_service, unlisted)
    };
    let arms = codes.iter().map(|c| {
        let v = names::ident(&c.variant);
        match c.pattern {
            Some(_) => quote!(Self::#v { error, .. } => Some(error),),
            None => quote!(Self::#v(error) => Some(error),),
        }
    });
    let helpers = codes.iter().map(|c| {
        let v = names::ident(&c.variant);
        let helper = names::ident(&helper(c));
        let doc = format!(" True for {}.", docs::code(c.code));
        let pattern = match c.pattern {
            Some(_) => quote!(Self::#v { .. }),
            None => quote!(Self::#v(_)),
        };
        quote! {
            #[doc = #doc]
            pub fn #helper(&self) -> bool {
                matches!(self, #pattern)
            }
        }
    });
    let shape = crate::compat::GENERATED.error_enum.attrs();
    let doc =
        format!(" Errors `{op_name}` documents, the service's common errors, and any other code.");
    quote! {
        #[doc = #doc]
        #shape
        #[derive(Debug)]
        pub enum #ident {
            #(#variants)*
            /// A common error of the service (throttling, authentication, invalid parameters, unavailability).
            Common(crate::error::CommonError),
            /// A code the document does not list, or (from `SdkError::into_service_error`) a
            /// failure that is not a service answer. Opaque: read it through `ProvideErrorMetadata`.
            Unhandled(::specgen_runtime::Unhandled),
        }

        impl #ident {
            /// Sorts a service error into its variant.
            pub fn from_service(error: ::specgen_runtime::ServiceError) -> Self {
                #from_service
            }

            #unlisted

            /// Everything the service said; `None` for an `Unhandled` failure that is not a service answer.
            pub fn service_error(&self) -> Option<&::specgen_runtime::ServiceError> {
                match self {
                    #(#arms)*
                    Self::Common(common) => Some(common.service_error()),
                    Self::Unhandled(unhandled) => unhandled.service_error(),
                }
            }

            #(#helpers)*

            /// True when the client retries this error for this operation (the runtime's one
            /// rule, `specgen_runtime::retry`): a throttled request always, a 5xx only when the
            /// operation only reads or carries an idempotency token.
            pub fn is_retryable(&self) -> bool {
                self.service_error()
                    .is_some_and(|e| ::specgen_runtime::retry::retries_service_error(e, &OPERATION))
            }
        }

        impl ::specgen_runtime::ProvideErrorMetadata for #ident {
            fn code(&self) -> Option<&str> {
                self.service_error().map(|e| e.code.as_str())
            }

            fn message(&self) -> Option<&str> {
                self.service_error().map(|e| e.message.as_str())
            }

            fn request_id(&self) -> Option<&str> {
                self.service_error().and_then(|e| e.request_id.as_deref())
            }
        }

        impl ::specgen_runtime::error::CreateUnhandledError for #ident {
            fn create_unhandled_error(unhandled: ::specgen_runtime::Unhandled) -> Self {
                Self::Unhandled(unhandled)
            }
        }

        impl ::std::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match (self, self.service_error()) {
                    (Self::Unhandled(unhandled), _) => ::std::fmt::Display::fmt(unhandled, f),
                    (_, Some(error)) => ::std::fmt::Display::fmt(error, f),
                    (_, None) => f.write_str(#op_name),
                }
            }
        }

        impl ::std::error::Error for #ident {
            fn source(&self) -> Option<&(dyn ::std::error::Error + 'static)> {
                match self {
                    Self::Unhandled(unhandled) => ::std::error::Error::source(unhandled),
                    _ => None,
                }
            }
        }
    }
}
