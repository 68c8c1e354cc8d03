//! The error enum of an operation from its error table: one variant per code, a variant with
//! the matched part for each `%s` pattern, the crate's shared `CommonError`, and `Unhandled`.

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
    let mut scope = Scope::with_reserved(&["Common", "Unhandled"]);
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
            None => Self::Unhandled(error),
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
            Some(_) => quote!(Self::#v { error, .. } => error,),
            None => quote!(Self::#v(error) => error,),
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
            /// A code the document does not list.
            Unhandled(::specgen_runtime::ServiceError),
        }

        impl #ident {
            /// Sorts a service error into its variant.
            pub fn from_service(error: ::specgen_runtime::ServiceError) -> Self {
                #from_service
            }

            #unlisted

            /// Everything the service said.
            pub fn service_error(&self) -> &::specgen_runtime::ServiceError {
                match self {
                    #(#arms)*
                    Self::Common(common) => common.service_error(),
                    Self::Unhandled(error) => error,
                }
            }

            /// The error code, e.g. `Throttling.User`.
            pub fn code(&self) -> &str {
                &self.service_error().code
            }

            /// The service's message.
            pub fn message(&self) -> &str {
                &self.service_error().message
            }

            /// The request id, for support tickets.
            pub fn request_id(&self) -> Option<&str> {
                self.service_error().request_id.as_deref()
            }

            /// True when the same request may succeed later (throttling, unavailability).
            pub fn is_retryable(&self) -> bool {
                crate::error::is_retryable(self.service_error())
            }
        }

        impl ::std::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(self.service_error(), f)
            }
        }

        impl ::std::error::Error for #ident {}
    }
}
