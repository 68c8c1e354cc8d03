//! The files of a crate that are not per operation, rendered from the tera templates in
//! `templates/` (compiled in, so generation does no I/O).

use super::errors;
use super::format::{self, Header};
use super::ops::OpModel;
use super::{docs, pagination, CodegenError, GeneratedFile};
use crate::ir::{ParamLocation, Product};
use serde::Serialize;
use tera::{Context, Tera};

const TEMPLATES: &[(&str, &str)] = &[
    (
        "Cargo.toml",
        include_str!("../../../templates/Cargo.toml.tera"),
    ),
    (
        "README.md",
        include_str!("../../../templates/README.md.tera"),
    ),
    ("lib.rs", include_str!("../../../templates/lib.rs.tera")),
    (
        "operation.rs",
        include_str!("../../../templates/operation.rs.tera"),
    ),
    (
        "client.rs",
        include_str!("../../../templates/client.rs.tera"),
    ),
];

fn engine() -> Result<Tera, CodegenError> {
    let mut tera = Tera::default();
    tera.autoescape_on(Vec::new());
    tera.add_raw_templates(TEMPLATES.iter().copied())
        .map_err(|e| CodegenError::Template(format!("{e:?}")))?;
    Ok(tera)
}

fn render(tera: &Tera, name: &str, ctx: &Context) -> Result<String, CodegenError> {
    tera.render(name, ctx)
        .map_err(|e| CodegenError::Template(format!("{name}: {e:?}")))
}

/// A Rust string literal.
fn lit(s: &str) -> String {
    format!("{s:?}")
}

/// One line of plain text for a table cell or a list item.
fn one_line(text: &str) -> String {
    docs::sanitize(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

#[derive(Serialize)]
struct OpEntry {
    name: String,
    module: String,
    summary: String,
    summary_lit: String,
}

/// The quick-start example (doctest lines; `#` lines are hidden in the rendered docs): the
/// first `Describe*` operation, else the first one.
fn example_lines(crate_name: &str, models: &[OpModel]) -> Vec<String> {
    let krate = crate_name.replace('-', "_");
    let mut lines = vec![
        "# async fn example() -> Result<(), Box<dyn std::error::Error>> {".to_string(),
        "// Credentials and region from the environment (ALIBABA_CLOUD_ACCESS_KEY_ID, ...)."
            .to_string(),
        format!("let config = {krate}::Config::from_env()?;"),
        format!("let client = {krate}::Client::new(config);"),
    ];
    if let Some(m) = models
        .iter()
        .find(|m| m.op.name.starts_with("Describe"))
        .or(models.first())
    {
        let region = m
            .input
            .iter()
            .find(|f| f.wire == "RegionId")
            .map(|f| format!(".{}(\"cn-hangzhou\")", f.name));
        lines.push(format!(
            "let output = client.{}(){}.send().await?;",
            m.module,
            region.unwrap_or_default()
        ));
        lines.push("println!(\"{output:?}\");".to_string());
    }
    lines.push("# Ok(())".to_string());
    lines.push("# }".to_string());
    lines
}

/// The error example: an operation whose document lists a code (the quick-start one when
/// it does), matched through the metadata trait and the code's `is_<code>()` helper.
fn error_lines(krate: &str, models: &[OpModel]) -> Vec<String> {
    let listed = |m: &&OpModel| errors::first_helper(&m.op.errors).is_some();
    let Some(m) = models
        .iter()
        .filter(|m| m.op.name.starts_with("Describe"))
        .find(listed)
        .or_else(|| models.iter().find(listed))
        .or(models.first())
    else {
        return Vec::new();
    };
    let mut lines = vec![
        format!("use {krate}::ProvideErrorMetadata;"),
        String::new(),
        format!("# async fn example(client: {krate}::Client) {{"),
        format!("match client.{}().send().await {{", m.module),
        "    Ok(output) => println!(\"{output:?}\"),".to_string(),
        "    Err(err) => {".to_string(),
        "        // The service's code, message and request id, whatever failed.".to_string(),
        "        eprintln!(\"{:?}: {:?} ({:?})\", err.code(), err.message(), err.request_id());"
            .to_string(),
        "        let err = err.into_service_error();".to_string(),
    ];
    match errors::first_helper(&m.op.errors) {
        Some((code, helper)) => {
            lines.push(format!("        if err.{helper}() {{"));
            lines.push(format!(
                "            // `{code}`, a code the document lists."
            ));
            lines.push("        } else if err.is_retryable() {".to_string());
        }
        None => lines.push("        if err.is_retryable() {".to_string()),
    }
    lines.extend(
        [
            "            // Retried already, as often as the retry policy allows.",
            "        }",
            "    }",
            "}",
            "# }",
        ]
        .map(str::to_string),
    );
    lines
}

/// The pagination example: the first operation that pages, as a stream of items when its
/// pages hold a list, else of pages; empty when no operation pages.
fn pagination_lines(krate: &str, models: &[OpModel]) -> Vec<String> {
    let Some((m, paging)) = models
        .iter()
        .find_map(|m| Some((m, pagination::paging(&m.input, &m.output, &m.types)?)))
    else {
        return Vec::new();
    };
    let (stream, what) = if paging.items {
        ("into_paginator().items()", "item")
    } else {
        ("into_paginator()", "page")
    };
    [
        format!("# async fn example(client: {krate}::Client) -> Result<(), Box<dyn std::error::Error>> {{"),
        format!("let mut {what}s = client.{}().{}(50).{stream};", m.module, paging.page_size_setter),
        format!("while let Some({what}) = {what}s.next().await {{"),
        format!("    println!(\"{{:?}}\", {what}?);"),
        "}".to_string(),
        "// Or every page at once:".to_string(),
        format!("let pages = client.{}().into_paginator().try_collect().await?;", m.module),
        "println!(\"{} page(s)\", pages.len());".to_string(),
        "# Ok(())".to_string(),
        "# }".to_string(),
    ]
    .to_vec()
}

/// The testing example, run as a doctest: a `Describe*` operation (else any) that needs no
/// input but the region, answered by the in-process mock.
fn testing_lines(krate: &str, models: &[OpModel]) -> Vec<String> {
    let region_only = |m: &&OpModel| m.input.iter().all(|f| !f.required || f.wire == "RegionId");
    let ready = models
        .iter()
        .filter(|m| m.op.name.starts_with("Describe"))
        .find(region_only)
        .or_else(|| models.iter().find(region_only));
    let Some(m) = ready.or(models.first()) else {
        return Vec::new();
    };
    // An operation that needs more input is sent unchecked (the mock does not care).
    let unchecked = if ready.is_some() {
        ""
    } else {
        ".validation(false)"
    };
    let request_id = m.output.iter().find(|f| f.wire == "RequestId");
    let mut lines = vec![
        "# #[tokio::main(flavor = \"current_thread\")]".to_string(),
        "# async fn main() -> Result<(), Box<dyn std::error::Error>> {".to_string(),
        format!("use {krate}::test_util::{{json, Mock, MockResponse, Rule}};"),
        String::new(),
        format!("let rule = Rule::for_action({:?})", m.op.name),
        "    .then(MockResponse::json(json!({\"RequestId\": \"r-1\"})));".to_string(),
        "let mock = Mock::new([rule.clone()]);".to_string(),
        "// Test credentials and region cn-hangzhou; everything else as in production.".to_string(),
        format!("let client = {krate}::Client::new(mock.config().build()?);"),
        String::new(),
    ];
    match request_id {
        Some(f) => {
            lines.push(format!(
                "let output = client.{}(){unchecked}.send().await?;",
                m.module
            ));
            lines.push(format!(
                "assert_eq!(output.{}.as_deref(), Some(\"r-1\"));",
                f.name
            ));
        }
        None => lines.push(format!("client.{}(){unchecked}.send().await?;", m.module)),
    }
    lines.extend(
        [
            "assert_eq!(rule.num_calls(), 1);",
            "assert_eq!(mock.requests()[0].param(\"RegionId\"), Some(\"cn-hangzhou\"));",
            "# Ok(())",
            "# }",
        ]
        .map(str::to_string),
    );
    lines
}

/// Cargo.toml, README.md, src/lib.rs, src/client.rs and src/operation/mod.rs.
pub fn crate_files(
    product: &Product,
    models: &[OpModel],
    runtime_path: &str,
) -> Result<Vec<GeneratedFile>, CodegenError> {
    let tera = engine()?;
    let header = Header::for_product(product, models.iter().map(|m| m.op));
    let dir = format!("{}/", product.crate_name);
    let krate = product.crate_name.replace('-', "_");
    let example = example_lines(&product.crate_name, models);
    let ops: Vec<OpEntry> = models
        .iter()
        .map(|m| OpEntry {
            name: m.op.name.clone(),
            module: m.module.clone(),
            summary: one_line(&m.op.summary),
            summary_lit: lit(&format!(" {}", one_line(&m.op.summary))),
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("crate_name", &product.crate_name);
    ctx.insert("product", &product.product);
    ctx.insert("version", &product.version);
    ctx.insert("runtime_path", runtime_path);
    ctx.insert("krate", &krate);
    ctx.insert("error_lines", &error_lines(&krate, models));
    ctx.insert("pagination_lines", &pagination_lines(&krate, models));
    ctx.insert("testing_lines", &testing_lines(&krate, models));
    ctx.insert("operations", &ops);
    ctx.insert(
        "example",
        &example
            .iter()
            .filter(|l| !l.starts_with('#'))
            .cloned()
            .collect::<Vec<_>>()
            .join("\n"),
    );
    ctx.insert("example_lines", &example);
    ctx.insert("product_lit", &lit(&product.product));
    ctx.insert("version_lit", &lit(&product.version));
    ctx.insert("endpoint_global_lit", &lit(&product.endpoint.global));
    ctx.insert("endpoint_regional_lit", &lit(&product.endpoint.regional));
    ctx.insert(
        "global_regions_lits",
        &product
            .endpoint
            .global_regions
            .iter()
            .map(|r| lit(r))
            .collect::<Vec<_>>(),
    );
    ctx.insert(
        "location",
        match product.parameter_location {
            ParamLocation::Query => "Query",
            ParamLocation::FormBody => "FormBody",
        },
    );
    ctx.insert("header", &header.toml());
    let mut files = vec![GeneratedFile::new(
        format!("{dir}Cargo.toml"),
        render(&tera, "Cargo.toml", &ctx)?,
    )];
    ctx.insert("header", &header.markdown());
    files.push(GeneratedFile::new(
        format!("{dir}README.md"),
        render(&tera, "README.md", &ctx)?,
    ));
    let rust = [
        ("lib.rs", "src/lib.rs"),
        ("client.rs", "src/client.rs"),
        ("operation.rs", "src/operation/mod.rs"),
    ];
    for (template, path) in rust {
        let source = render(&tera, template, &ctx)?;
        let text = format::rust_source(&header.rust(), &source).map_err(|e| e.in_file(path))?;
        files.push(GeneratedFile::new(format!("{dir}{path}"), text));
    }
    Ok(files)
}
