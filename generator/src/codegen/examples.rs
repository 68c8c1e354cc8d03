//! `tests/examples.rs` of a generated crate: every JSON success example of the documents is
//! decoded into its operation's output type, and every leaf value of the example must come
//! back at its field. The example is given as the service sends it: the body inside an
//! `<Op>Response` root, a list the XML-converted example shows as one item given as a list,
//! a scalar the example writes in another JSON type given as the documented one; each such
//! adjustment is said in the test's docs. Examples that are not faithful (not JSON, broken by
//! PDF text, another operation's) are listed in the file's docs instead of dropped silently.

use super::format::{self, Header};
use super::names;
use super::ops::OpModel;
use super::types::{FieldModel, Scalar, Ty, TypeSet};
use super::{docs, CodegenError};
use crate::ir::{Example, ExampleKind, Product};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;

/// An expression for a decoded value: a reference to it, or the value place itself.
#[derive(Clone)]
enum Place {
    Ref(TokenStream),
    Val(TokenStream),
}

impl Place {
    fn tokens(&self) -> &TokenStream {
        match self {
            Place::Ref(t) | Place::Val(t) => t,
        }
    }

    fn copied(&self) -> TokenStream {
        match self {
            Place::Ref(t) => quote!(*#t),
            Place::Val(t) => t.clone(),
        }
    }

    fn borrowed(&self) -> TokenStream {
        match self {
            Place::Ref(t) => t.clone(),
            Place::Val(t) => quote!(&#t),
        }
    }
}

/// The assertions of one example, what had to be adjusted, and what has no output field.
#[derive(Default)]
struct Checks {
    asserts: Vec<TokenStream>,
    adjusted: Vec<String>,
    unmatched: Vec<String>,
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

impl Checks {
    fn fields(
        &mut self,
        v: &mut Value,
        fields: &[FieldModel<'_>],
        types: &TypeSet<'_>,
        at: &Place,
        path: &str,
    ) {
        let Value::Object(map) = v else {
            self.unmatched.push(format!(
                "`{path}` is {} where an object is documented",
                json_type(v)
            ));
            return;
        };
        for (key, child) in map.iter_mut() {
            let here = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            let Some(f) = fields.iter().find(|f| f.wire == *key) else {
                self.unmatched.push(format!("`{here}` has no output field"));
                continue;
            };
            let name = names::ident(&f.name);
            let parent = at.tokens();
            let field = quote!(#parent.#name);
            if child.is_null() {
                self.asserts.push(quote!(assert!(#field.is_none(), #here);));
                continue;
            }
            let place = Place::Ref(quote!(#field.as_ref().expect(#here)));
            self.value(child, &f.ty, types, &place, &here);
        }
    }

    fn value(&mut self, v: &mut Value, ty: &Ty, types: &TypeSet<'_>, at: &Place, path: &str) {
        match ty {
            Ty::Struct(i) => match types.structs.get(*i) {
                Some(s) => self.fields(v, &s.fields, types, at, path),
                None => self.unmatched.push(format!("`{path}`: no struct")),
            },
            Ty::List(item) => {
                if !v.is_array() {
                    self.adjusted.push(format!("`{path}` is one item where the service sends a list; given as a one-item list"));
                    *v = Value::Array(vec![v.take()]);
                }
                let Value::Array(items) = v else { return };
                let n = Literal::usize_unsuffixed(items.len());
                let list = at.tokens();
                self.asserts
                    .push(quote!(assert_eq!(#list.len(), #n, #path);));
                for (i, value) in items.iter_mut().enumerate() {
                    let here = format!("{path}[{i}]");
                    let index = Literal::usize_unsuffixed(i);
                    let place = Place::Val(quote!(#list[#index]));
                    self.value(value, item, types, &place, &here);
                }
            }
            Ty::Enum(_) => self.text(v, at, path),
            Ty::Scalar(Scalar::Str) => self.text(v, at, path),
            Ty::Scalar(Scalar::I32 | Scalar::I64) => {
                let n = v
                    .as_i64()
                    .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()));
                match n {
                    Some(n) => {
                        if !v.is_i64() {
                            self.adjusted.push(format!(
                                "`{path}` is written as {}; given as the integer {n}",
                                json_type(v)
                            ));
                            *v = Value::from(n);
                        }
                        let got = at.copied();
                        let n = Literal::i64_unsuffixed(n);
                        self.asserts.push(quote!(assert_eq!(#got, #n, #path);));
                    }
                    None => self.uncomparable(v, path, "an integer"),
                }
            }
            Ty::Scalar(Scalar::F64) => match v.as_f64() {
                Some(x) => {
                    let got = at.copied();
                    let x = Literal::f64_unsuffixed(x);
                    self.asserts
                        .push(quote!(assert!((#got - #x).abs() < 1e-9, #path);));
                }
                None => self.uncomparable(v, path, "a number"),
            },
            Ty::Scalar(Scalar::Bool) => {
                let b = v.as_bool().or_else(|| match v.as_str() {
                    Some("true") => Some(true),
                    Some("false") => Some(false),
                    _ => None,
                });
                match b {
                    Some(b) => {
                        if !v.is_boolean() {
                            self.adjusted.push(format!(
                                "`{path}` is written as {}; given as the boolean {b}",
                                json_type(v)
                            ));
                            *v = Value::Bool(b);
                        }
                        let got = at.copied();
                        self.asserts.push(if b {
                            quote!(assert!(#got, #path);)
                        } else {
                            quote!(assert!(!#got, #path);)
                        });
                    }
                    None => self.uncomparable(v, path, "a boolean"),
                }
            }
            Ty::Scalar(Scalar::Json) => {
                let got = at.borrowed();
                let text = v.to_string();
                self.asserts.push(quote! {
                    assert_eq!(#got, &::specgen_runtime::json::from_str::<::specgen_runtime::json::Value>(#text).expect("JSON"), #path);
                });
            }
        }
    }

    /// A leaf the example writes as something the documented type cannot hold (`"1234***"`
    /// for a Long): left out of the decoded sample and said, or a structural mismatch.
    fn uncomparable(&mut self, v: &mut Value, path: &str, documented: &str) {
        if let Value::String(text) = v {
            self.adjusted.push(format!(
                "`{path}` is written as the text `{text}` where {documented} is documented; left out, not compared"
            ));
            *v = Value::Null;
        } else {
            self.unmatched
                .push(format!("`{path}` is {}, not {documented}", json_type(v)));
        }
    }

    /// A string-valued leaf (text or a typed enum): compared as the text the service sends.
    fn text(&mut self, v: &mut Value, at: &Place, path: &str) {
        let text = match v {
            Value::String(s) => s.clone(),
            Value::Number(_) | Value::Bool(_) => {
                let t = v.to_string();
                self.adjusted.push(format!(
                    "`{path}` is written as {}; given as the string `{t}`",
                    json_type(v)
                ));
                *v = Value::String(t.clone());
                t
            }
            _ => {
                self.unmatched.push(format!(
                    "`{path}` is {} where text is documented",
                    json_type(v)
                ));
                return;
            }
        };
        let got = at.tokens();
        self.asserts
            .push(quote!(assert_eq!(#got.as_str(), #text, #path);));
    }
}

/// The body of a faithful JSON success example, as the service sends it.
fn body(example: &Example) -> Option<Value> {
    if example.flaw.is_some() {
        return None;
    }
    let value: Value = serde_json::from_str(&example.text).ok()?;
    match &example.root {
        Some(root) => value.get(root).cloned(),
        None => Some(value),
    }
}

/// The test file, or `None` when no operation has a JSON success example.
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
            let at = docs::source(&example.source);
            let Some(mut body) = body(example) else {
                let why = example.flaw.as_deref().unwrap_or("not valid JSON");
                skipped.push(format!("- `{}` at {at}: {why}", m.op.name));
                continue;
            };
            let mut checks = Checks::default();
            let root = Place::Val(quote!(decoded));
            checks.fields(&mut body, &m.output, &m.types, &root, "");
            let text = if checks.adjusted.is_empty() && example.root.is_none() {
                example.text.clone()
            } else {
                serde_json::to_string_pretty(&body).unwrap_or_default()
            };
            let module = format_ident!("{}", m.module);
            let output = format_ident!("{}Output", m.stem);
            let name = format_ident!("{}_response_example_{}", m.module, i + 1);
            let mut doc = vec![format!(
                " The JSON success example at {at}: every value comes back at its field."
            )];
            if let Some(r) = &example.root {
                doc.push(format!(" The body inside `{r}` (the example's root object, which the service does not send)."));
            }
            doc.extend(checks.adjusted.iter().map(|a| format!(" Adjusted: {a}.")));
            let asserts = &checks.asserts;
            // Keys the output type cannot hold make the test fail, all named at once.
            let unmatched = (!checks.unmatched.is_empty()).then(|| {
                let message = format!("the example's {}", checks.unmatched.join("; "));
                quote!(panic!(#message);)
            });
            tests.push(quote! {
                #( #[doc = #doc] )*
                #[test]
                fn #name() {
                    let decoded = ::specgen_runtime::json::from_str::<#krate::operation::#module::#output>(#text)
                        .expect("the example decodes");
                    #(#asserts)*
                    #unmatched
                }
            });
        }
    }
    if tests.is_empty() {
        return Ok(None);
    }
    let mut doc = vec![
        " The JSON success examples of the documents decode into the output types, every value at its field.".to_string(),
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
