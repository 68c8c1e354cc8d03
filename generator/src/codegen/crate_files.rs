//! The files of a crate that are not per operation, rendered from the tera templates in
//! `templates/` (compiled in, so generation does no I/O).

use super::format::{self, Header};
use super::ops::OpModel;
use super::{docs, CodegenError, GeneratedFile};
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
    ("error.rs", include_str!("../../../templates/error.rs.tera")),
    (
        "pagination.rs",
        include_str!("../../../templates/pagination.rs.tera"),
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

/// Cargo.toml, README.md, src/lib.rs, src/client.rs, src/error.rs, src/operation/mod.rs and,
/// when an operation pages, src/pagination.rs.
pub fn crate_files(
    product: &Product,
    models: &[OpModel],
    runtime_path: &str,
) -> Result<Vec<GeneratedFile>, CodegenError> {
    let tera = engine()?;
    let header = Header::for_product(product, models.iter().map(|m| m.op));
    let dir = format!("{}/", product.crate_name);
    let paginates = models
        .iter()
        .any(|m| !super::pagination::paginator(&m.stem, &m.input, &m.output, &m.types).is_empty());
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
    ctx.insert("paginates", &paginates);
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
    let mut rust = vec![
        ("lib.rs", "src/lib.rs"),
        ("client.rs", "src/client.rs"),
        ("error.rs", "src/error.rs"),
        ("operation.rs", "src/operation/mod.rs"),
    ];
    if paginates {
        rust.push(("pagination.rs", "src/pagination.rs"));
    }
    for (template, path) in rust {
        let source = render(&tera, template, &ctx)?;
        let text = format::rust_source(&header.rust(), &source).map_err(|e| e.in_file(path))?;
        files.push(GeneratedFile::new(format!("{dir}{path}"), text));
    }
    Ok(files)
}
