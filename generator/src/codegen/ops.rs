//! One module per operation: input, nested types, enums, output, error, fluent builder,
//! the `Client` method and, when it pages, a paginator.

use super::names;
use super::types::{Direction, FieldModel, Scalar, StructModel, Ty, TypeSet};
use super::{docs, enums, errors, pagination, params, response, validate, wire};
use crate::ir::{Operation, Product};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// An operation with its type model built.
pub struct OpModel<'a> {
    pub op: &'a Operation,
    /// Module name, e.g. `create_physical_connection`.
    pub module: String,
    /// Type-name stem, e.g. `CreatePhysicalConnection`.
    pub stem: String,
    pub types: TypeSet<'a>,
    pub input: Vec<FieldModel<'a>>,
    pub output: Vec<FieldModel<'a>>,
}

impl<'a> OpModel<'a> {
    pub fn new(op: &'a Operation) -> Self {
        let stem = names::camel(&op.name);
        let stem = if stem.is_empty() {
            "Operation".to_string()
        } else {
            stem
        };
        let own: Vec<String> = ["Input", "Output", "Error", "FluentBuilder"]
            .iter()
            .map(|s| format!("{stem}{s}"))
            .collect();
        let own_refs: Vec<&str> = own.iter().map(String::as_str).collect();
        let mut types = TypeSet::new(&own_refs);
        let input = params::input_fields(&op.parameters, &mut types, &stem);
        let output = response::output_fields(&op.response, &mut types, &format!("{stem}Output"));
        let module = names::snake(&op.name);
        let module = if module.is_empty() {
            "operation".to_string()
        } else {
            module
        };
        OpModel {
            op,
            module,
            stem,
            types,
            input,
            output,
        }
    }
}

/// Rustdoc of a field: the document's description, its facts, its rules with their sentences.
fn field_doc(f: &FieldModel, direction: Direction) -> TokenStream {
    let mut parts = vec![docs::sanitize(&f.doc.description)];
    let mut facts = Vec::new();
    if f.required {
        facts.push("**Required**".to_string());
    }
    facts.push(format!("wire name `{}`", f.wire.replace('`', "'")));
    if let Some(example) = &f.doc.example {
        facts.push(format!("example {}", docs::code(example)));
    }
    if let Some(default) = &f.doc.default {
        facts.push(format!("default {}", docs::code(default)));
    }
    parts.push(format!("{}.", capitalize(&facts.join(", "))));
    // An enum's values are listed on the enum: a valid-value rule is not repeated here.
    let enum_typed = matches!(f.ty.leaf(), Ty::Enum(_));
    let rules: Vec<_> = f
        .max_items
        .iter()
        .chain(&f.rules)
        .filter(|r| !(enum_typed && matches!(r, crate::ir::Constraint::Enum { .. })))
        .collect();
    if direction == Direction::Input && !rules.is_empty() {
        let mut lines = vec!["Rules:".to_string()];
        for rule in rules {
            let checked = matches!(rule, crate::ir::Constraint::MaxItems { .. })
                || validate::applies(rule, f.ty.leaf());
            let status = match (checked, rule.is_enforced()) {
                (false, _) => "not checked: it does not apply to this type".to_string(),
                (true, true) => "checked by `validate()`".to_string(),
                (true, false) => format!(
                    "not enforced, {}; checked only with `Validation::All`",
                    docs::sanitize(&rule.status().not_enforced)
                ),
            };
            lines.push(format!("- {} ({status}):", validate::describe(rule)));
            lines.extend(
                docs::quote_sentence(rule.sentence())
                    .lines()
                    .map(|l| format!("  {l}")),
            );
        }
        parts.push(lines.join("\n"));
    }
    parts.extend(
        f.doc
            .notes
            .iter()
            .map(|n| format!("Note: {}", docs::sanitize(n))),
    );
    parts.push(format!("Source: {}", docs::source(&f.doc.source)));
    docs::attrs(
        &parts
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n"),
    )
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The field's type as declared: lists are plain `Vec`s on inputs (empty = absent).
fn declared_type(f: &FieldModel, types: &TypeSet, direction: Direction) -> TokenStream {
    let ty = types.tokens(&f.ty);
    match (&f.ty, direction) {
        (Ty::List(_), Direction::Input) => ty,
        _ => quote!(Option<#ty>),
    }
}

fn struct_fields(fields: &[FieldModel], types: &TypeSet, direction: Direction) -> Vec<TokenStream> {
    fields
        .iter()
        .map(|f| {
            let (ident, doc, ty) = (
                names::ident(&f.name),
                field_doc(f, direction),
                declared_type(f, types, direction),
            );
            quote! { #doc pub #ident: #ty, }
        })
        .collect()
}

/// Fluent setters; `target` is the path to the struct being filled (`self` or `self.input`).
fn setters(fields: &[FieldModel], types: &TypeSet, target: &TokenStream) -> Vec<TokenStream> {
    fields
        .iter()
        .map(|f| {
            let ident = names::ident(&f.name);
            let set = format_ident!("set_{}", f.name.trim_start_matches("r#"));
            let item = types.tokens(f.ty.leaf());
            let (param, item_conv, value_conv) = match f.ty.leaf() {
                Ty::Scalar(super::types::Scalar::Str) | Ty::Enum(_) => {
                    (quote!(impl Into<#item>), quote!(item.into()), quote!(value.into()))
                }
                _ => (quote!(#item), quote!(item), quote!(value)),
            };
            let full = declared_type(f, types, Direction::Input);
            let wire = &f.wire;
            // What the field is, so that the setter alone tells a user what to pass.
            let about = setter_about(f);
            let doc = |what: String| docs::attrs(&format!("{what}{about}"));
            match &f.ty {
                Ty::List(inner) if !matches!(**inner, Ty::List(_)) => {
                    let add_doc = doc(format!("Appends one item to `{wire}`."));
                    let set_doc = doc(format!("Replaces all items of `{wire}`."));
                    quote! {
                        #add_doc
                        pub fn #ident(mut self, item: #param) -> Self { #target.#ident.push(#item_conv); self }
                        #set_doc
                        pub fn #set(mut self, items: #full) -> Self { #target.#ident = items; self }
                    }
                }
                Ty::List(_) => {
                    let set_doc = doc(format!("Sets or clears `{wire}`."));
                    quote! {
                        #set_doc
                        pub fn #set(mut self, items: #full) -> Self { #target.#ident = items; self }
                    }
                }
                _ => {
                    let (add_doc, set_doc) = (
                        doc(format!("Sets `{wire}`.")),
                        doc(format!("Sets or clears `{wire}`.")),
                    );
                    quote! {
                        #add_doc
                        pub fn #ident(mut self, value: #param) -> Self { #target.#ident = Some(#value_conv); self }
                        #set_doc
                        pub fn #set(mut self, value: #full) -> Self { #target.#ident = value; self }
                    }
                }
            }
        })
        .collect()
}

/// The setter's doc after its first line: whether the field is required, and the first
/// paragraph of its description (the field itself has the rest).
fn setter_about(f: &FieldModel) -> String {
    let description = docs::sanitize(&f.doc.description);
    let first = description.split("\n\n").next().unwrap_or_default().trim();
    let required = if f.required {
        " **Required**: `send()` refuses the call without it."
    } else {
        ""
    };
    match first {
        "" => required.to_string(),
        text => format!("{required}\n\n{text}"),
    }
}

/// Decoding from the response's JSON: each field taken out of the object by its wire name.
fn from_json(ident: &proc_macro2::Ident, fields: &[FieldModel]) -> TokenStream {
    let (names, wires): (Vec<_>, Vec<_>) = fields
        .iter()
        .map(|f| (names::ident(&f.name), f.wire.as_str()))
        .unzip();
    let body = if fields.is_empty() {
        quote! { ::specgen_runtime::json::Object::new(node)?; Ok(Self {}) }
    } else {
        quote! {
            let mut object = ::specgen_runtime::json::Object::new(node)?;
            Ok(Self { #( #names: object.field(#wires)?, )* })
        }
    };
    quote! {
        impl ::specgen_runtime::json::FromJson for #ident {
            fn from_json(
                node: ::specgen_runtime::json::Node<'_>,
            ) -> Result<Self, ::specgen_runtime::json::JsonError> {
                #body
            }
        }
    }
}

/// The derives and attributes of a generated struct, and a `Debug` that redacts sensitive
/// fields when it has any (derived otherwise).
fn struct_shape(
    ident: &proc_macro2::Ident,
    fields: &[FieldModel],
    shape: crate::compat::StructShape,
) -> (TokenStream, TokenStream) {
    let attrs = shape.attrs();
    let default = shape.default.then(|| quote!(Default,));
    if !fields.iter().any(|f| f.sensitive) {
        return (
            quote! { #attrs #[derive(Clone, Debug, PartialEq, #default)] },
            quote!(),
        );
    }
    let name = ident.to_string();
    let entries = fields.iter().map(|f| {
        let (field, label) = (names::ident(&f.name), f.name.trim_start_matches("r#"));
        if f.sensitive {
            quote!(.field(#label, &"*** Sensitive Data Redacted ***"))
        } else {
            quote!(.field(#label, &self.#field))
        }
    });
    let debug = quote! {
        impl ::std::fmt::Debug for #ident {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(#name) #(#entries)* .finish()
            }
        }
    };
    (
        quote! { #attrs #[derive(Clone, PartialEq, #default)] },
        debug,
    )
}

/// A nested struct or an enum of `types`, for its operation module or the crate's `types`.
pub fn type_tokens(ty: &Ty, types: &TypeSet) -> TokenStream {
    match ty {
        Ty::Struct(i) => nested_struct(&types.structs[*i], types),
        Ty::Enum(i) => enums::enum_tokens(&types.enums[*i]),
        _ => quote!(),
    }
}

fn nested_struct(s: &StructModel, types: &TypeSet) -> TokenStream {
    let ident = names::ident(&s.name);
    let doc = docs::attrs(&docs::sanitize(&s.doc));
    let fields = struct_fields(&s.fields, types, s.direction);
    match s.direction {
        Direction::Output => {
            let from_json = from_json(&ident, &s.fields);
            let (shape, debug) =
                struct_shape(&ident, &s.fields, crate::compat::GENERATED.output_struct);
            quote! {
                #doc
                #shape
                pub struct #ident { #(#fields)* }
                #debug
                #from_json
            }
        }
        Direction::Input => {
            let setters = setters(&s.fields, types, &quote!(self));
            let flatten = wire::flatten(&s.fields);
            let validate_at = validate::validate_at_fn(&s.fields, types);
            let (shape, debug) =
                struct_shape(&ident, &s.fields, crate::compat::GENERATED.input_struct);
            quote! {
                #doc
                #shape
                pub struct #ident { #(#fields)* }
                #debug

                impl #ident {
                    #(#setters)*
                    #flatten
                    #validate_at
                }
            }
        }
    }
}

fn module_doc(model: &OpModel, product: &Product) -> String {
    let op = model.op;
    let mut parts = vec![format!("`{}`: {}", op.name, docs::sanitize(&op.summary))];
    parts.push(docs::sanitize(&op.description));
    if !op.permissions.is_empty() {
        let mut lines = vec!["Required permissions:".to_string()];
        for p in &op.permissions {
            let level = if p.access_level.is_empty() {
                String::new()
            } else {
                format!(" ({})", docs::sanitize(&p.access_level))
            };
            let resources = if p.resource_types.is_empty() {
                String::new()
            } else {
                let list: Vec<String> = p.resource_types.iter().map(|r| docs::code(r)).collect();
                format!(" on {}", list.join(", "))
            };
            lines.push(format!("- {}{level}{resources}", docs::code(&p.action)));
        }
        parts.push(lines.join("\n"));
    }
    parts.push(format!(
        "API reference: <https://api.aliyun.com/api/{}/{}/{}>. Source: {}.",
        product.product,
        product.version,
        op.name,
        docs::source(&op.source),
    ));
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The whole module of one operation.
pub fn module_tokens(model: &OpModel, product: &Product) -> TokenStream {
    let op = model.op;
    let stem = &model.stem;
    let (input, output, error, builder) = (
        format_ident!("{stem}Input"),
        format_ident!("{stem}Output"),
        format_ident!("{stem}Error"),
        format_ident!("{stem}FluentBuilder"),
    );
    let method_fn = names::ident(&model.module);
    let types = &model.types;
    let module_doc = module_doc(model, product);
    let module_doc = module_doc.lines().map(|l| {
        if l.is_empty() {
            String::new()
        } else {
            format!(" {l}")
        }
    });
    let action = op.name.as_str();
    let method = op.method.clone().unwrap_or_else(|| product.method.clone());
    let idempotency = match &op.idempotency_parameter {
        Some(p) => quote!(Some(#p)),
        None => quote!(None),
    };
    let read_only = op.read_only;
    let input_fields = struct_fields(&model.input, types, Direction::Input);
    let output_fields = struct_fields(&model.output, types, Direction::Output);
    let output_from_json = from_json(&output, &model.output);
    let input_setters = setters(&model.input, types, &quote!(self.input));
    let validate_doc = format!(
        "Checks the rules the document states for `{action}` and agrees with (listed on each field) and reports every violation at once.\n\nCalled by `send()` with the client's or the call's `Validation` mode."
    );
    let validate_fn = validate::validate_fn(&model.input, types, &validate_doc);
    // The runtime sends the client's region as RegionId when the caller leaves it out, so
    // validation must see that value too, or a client with a region is refused for nothing.
    let region_default = model
        .input
        .iter()
        .find(|f| f.wire == "RegionId" && matches!(f.ty, Ty::Scalar(Scalar::Str)))
        .map(|f| {
            let ident = names::ident(&f.name);
            quote! {
                let mut input = input;
                if input.#ident.is_none() {
                    input.#ident = runtime.config().region().map(str::to_string);
                }
            }
        });
    let to_params = wire::to_params(&model.input);
    let nested = types
        .structs
        .iter()
        .filter(|s| !s.shared)
        .map(|s| nested_struct(s, types));
    let enums = types
        .enums
        .iter()
        .filter(|e| !e.shared)
        .map(enums::enum_tokens);
    let error_enum = errors::error_tokens(&error.to_string(), action, &op.errors);
    let paginator = pagination::paginator(stem, &model.input, &model.output, types);
    let (input_doc, output_doc) = (
        format!(" Parameters of `{action}`."),
        format!(" Response of `{action}`."),
    );
    let builder_doc = format!(
        " Builds and sends a `{action}` request; see [`crate::Client::{}`].",
        model.module
    );
    let client_doc = docs::attrs(&format!("`{action}`: {}", docs::sanitize(&op.summary)));
    let (input_shape, input_debug) =
        struct_shape(&input, &model.input, crate::compat::GENERATED.input_struct);
    let (output_shape, output_debug) = struct_shape(
        &output,
        &model.output,
        crate::compat::GENERATED.output_struct,
    );
    quote! {
        #( #![doc = #module_doc] )*

        const OPERATION: ::specgen_runtime::OperationInfo = ::specgen_runtime::OperationInfo {
            action: #action,
            method: #method,
            idempotency_param: #idempotency,
            read_only: #read_only,
        };

        #[doc = #input_doc]
        #input_shape
        pub struct #input { #(#input_fields)* }
        #input_debug

        impl #input {
            #validate_fn
            #to_params
        }

        #[doc = #output_doc]
        #output_shape
        pub struct #output { #(#output_fields)* }
        #output_debug
        #output_from_json

        #(#nested)*
        #(#enums)*
        #error_enum

        #[doc = #builder_doc]
        #[derive(Debug, Clone)]
        pub struct #builder {
            client: crate::Client,
            input: #input,
            options: ::specgen_runtime::CallOptions,
        }

        impl #builder {
            #(#input_setters)*

            /// Which documented rules are checked for this call only: `Validation::Agreed`
            /// (the default), `Validation::All`, or `Validation::Off` (`false`).
            pub fn validation(mut self, mode: impl Into<::specgen_runtime::Validation>) -> Self {
                self.options.validation = Some(mode.into());
                self
            }

            /// Replaces the per-call options (validation, read timeout, attempts).
            pub fn call_options(mut self, options: ::specgen_runtime::CallOptions) -> Self {
                self.options = options;
                self
            }

            /// The input built so far.
            pub fn as_input(&self) -> &#input {
                &self.input
            }

            /// Validates (unless switched off), sends the request and decodes the response.
            ///
            /// The returned future does the work when awaited; an invalid input fails it before
            /// any request is made.
            pub fn send(
                self,
            ) -> impl ::std::future::Future<Output = Result<#output, ::specgen_runtime::SdkError<#error>>> + Send {
                let runtime = self.client.runtime().clone();
                let input = self.input;
                #region_default
                let params = input
                    .validate_with(runtime.validation(&self.options))
                    .map(|()| input.to_params());
                runtime.send(&crate::client::SERVICE, &OPERATION, params, self.options, #error::from_service)
            }
        }

        impl crate::Client {
            #client_doc
            pub fn #method_fn(&self) -> #builder {
                #builder { client: self.clone(), input: #input::default(), options: ::specgen_runtime::CallOptions::default() }
            }
        }

        #paginator
    }
}
