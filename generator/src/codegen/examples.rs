//! `tests/examples.rs` of a generated crate: every JSON response example of the documents
//! must deserialize into its operation's output type. Examples that are not JSON at all (a
//! PDF's broken-up text) are listed in the file's docs instead of being dropped silently.

use super::format::{self, Header};
use super::ops::OpModel;
use super::{docs, CodegenError};
use crate::ir::{ExampleKind, Product};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The example as JSON text: as written, or from its first `{` (after an HTTP status line).
fn json_text(text: &str) -> Option<&str> {
    let parses = |t: &str| serde_json::from_str::<serde_json::Value>(t).is_ok();
    if parses(text) {
        return Some(text);
    }
    let start = text.find('{')?;
    let rest = &text[start..];
    parses(rest).then_some(rest)
}

/// The test file, or `None` when no operation has a JSON response example.
pub fn examples_test(
    product: &Product,
    models: &[OpModel],
) -> Result<Option<(String, String)>, CodegenError> {
    let krate = format_ident!("{}", product.crate_name.replace('-', "_"));
    let mut tests: Vec<TokenStream> = Vec::new();
    let mut skipped: Vec<String> = Vec::new();
    for m in models {
        let examples =
            m.op.examples.iter().filter(|e| {
                e.kind == ExampleKind::Response && e.format.eq_ignore_ascii_case("json")
            });
        for (i, example) in examples.enumerate() {
            let Some(text) = json_text(&example.text) else {
                skipped.push(format!(
                    "- `{}` at {}: not valid JSON",
                    m.op.name,
                    docs::source(&example.source)
                ));
                continue;
            };
            let module = format_ident!("{}", m.module);
            let output = format_ident!("{}Output", m.stem);
            let name = format_ident!("{}_response_example_{}", m.module, i + 1);
            let doc = format!(
                " The JSON response example at {}.",
                docs::source(&example.source)
            );
            tests.push(quote! {
                #[doc = #doc]
                #[test]
                fn #name() {
                    let decoded = ::specgen_runtime::json::from_str::<#krate::operation::#module::#output>(#text);
                    assert!(decoded.is_ok(), "{decoded:?}");
                }
            });
        }
    }
    if tests.is_empty() {
        return Ok(None);
    }
    let mut doc = vec![
        " The JSON response examples of the documents decode into the output types.".to_string(),
    ];
    if !skipped.is_empty() {
        doc.push(String::new());
        doc.push(" Not tested:".to_string());
        doc.extend(skipped.iter().map(|s| format!(" {s}")));
    }
    let header = Header::for_product(product, models.iter().map(|m| m.op));
    let path = "tests/examples.rs".to_string();
    let text = format::rust_tokens(&header.rust(), quote! { #( #![doc = #doc] )* #(#tests)* })
        .map_err(|e| e.in_file(&path))?;
    Ok(Some((path, text)))
}
