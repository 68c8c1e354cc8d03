//! The `specgen` command line: `parse`, `regen`.

use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;
use specgen::diag::{Diagnostic, Severity};
use specgen::doc::Format;
use specgen::ir::{ListedOperation, Operation};
use specgen::output::{self, Drift};
use specgen::pipeline;
use specgen::report::Renderer;
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "specgen",
    version,
    about = "Alibaba Cloud API reference documents -> YAML IR -> Rust client crates"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read documents and print their IR exactly as the documents say it (no overrides).
    Parse {
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "yaml")]
        format: OutputFormat,
        /// Reader to use instead of detecting the format.
        #[arg(long, value_enum, default_value = "auto")]
        reader: ReaderChoice,
        /// Print only the summary line (documents, operations, parameters, warnings by kind).
        #[arg(long)]
        summary: bool,
        /// Treat warnings as errors.
        #[arg(long)]
        strict: bool,
    },
    /// Regenerate everything from specs/: the IR under specs/ir and the crates under generated/.
    Regen {
        /// Write nothing; exit 1 if any output file would change.
        #[arg(long)]
        check: bool,
        /// Treat warnings as errors.
        #[arg(long)]
        strict: bool,
        /// Repository root (defaults to the nearest directory above the current one with specs/sources.yaml).
        #[arg(long)]
        root: Option<PathBuf>,
        /// Prepend a changelog entry for each generated crate whose IR changed to this file.
        #[arg(long)]
        changelog: Option<PathBuf>,
        /// Print the wall time of each stage to stderr (for profiling; see scripts/bench).
        #[arg(long)]
        timings: bool,
    },
    /// Compare two versions of the API description: what changed, what it breaks, which bump.
    Diff(specgen::diff::cli::DiffArgs),
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    Yaml,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReaderChoice {
    Auto,
    Markdown,
    Html,
    WebRows,
    WebCells,
    PdfText,
}

impl ReaderChoice {
    fn format(self) -> Option<Format> {
        Some(match self {
            ReaderChoice::Auto => return None,
            ReaderChoice::Markdown => Format::Markdown,
            ReaderChoice::Html => Format::Html,
            ReaderChoice::WebRows => Format::WebRows,
            ReaderChoice::WebCells => Format::WebCells,
            ReaderChoice::PdfText => Format::PdfText,
        })
    }
}

/// What `parse` prints for one document.
#[derive(Serialize)]
struct ParsedDocument {
    source: String,
    operations: Vec<Operation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    listed_undocumented: Vec<ListedOperation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    diagnostics: Vec<Diagnostic>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut renderer = Renderer::new(std::io::stderr().is_terminal());
    match cli.command {
        Command::Parse {
            files,
            format,
            reader,
            summary,
            strict,
        } => parse(
            &files,
            format,
            reader.format(),
            summary,
            strict,
            &mut renderer,
        ),
        Command::Regen {
            check,
            strict,
            root,
            changelog,
            timings,
        } => regen(
            root,
            check,
            strict,
            changelog,
            Timings::new(timings),
            &mut renderer,
        ),
        Command::Diff(args) => ExitCode::from(
            std::env::current_dir().map_or(specgen::diff::cli::EXIT_ERROR, |cwd| {
                specgen::diff::cli::run(&args, &cwd, &mut renderer)
            }),
        ),
    }
}

fn all_warnings(d: &ParsedDocument) -> impl Iterator<Item = &Diagnostic> {
    d.diagnostics
        .iter()
        .chain(d.operations.iter().flat_map(|o| o.warnings.iter()))
}

fn parse(
    files: &[PathBuf],
    format: OutputFormat,
    reader: Option<Format>,
    summary: bool,
    strict: bool,
    renderer: &mut Renderer,
) -> ExitCode {
    if files.is_empty() {
        eprintln!("error: no files given");
        return ExitCode::from(2);
    }
    let mut docs = Vec::new();
    for path in files {
        let display = path.to_string_lossy().to_string();
        let doc = match pipeline::parse_document(path, &display, reader) {
            Ok(e) => ParsedDocument {
                source: display,
                operations: e.operations,
                listed_undocumented: e.listed_undocumented,
                diagnostics: e.diagnostics,
            },
            Err(d) => ParsedDocument {
                source: display,
                operations: Vec::new(),
                listed_undocumented: Vec::new(),
                diagnostics: vec![d],
            },
        };
        if !summary {
            for d in all_warnings(&doc) {
                eprint!("{}", renderer.render(d));
            }
        }
        docs.push(doc);
    }
    let (mut params, mut ops, mut errors, mut by_kind) = (0, 0, 0, BTreeMap::<&str, usize>::new());
    for doc in &docs {
        ops += doc.operations.len();
        params += doc
            .operations
            .iter()
            .map(|o| o.parameters.len())
            .sum::<usize>();
        for d in all_warnings(doc) {
            errors += usize::from(d.severity == Severity::Error);
            *by_kind.entry(d.kind.as_str()).or_default() += 1;
        }
    }
    let warnings: usize = by_kind.values().sum::<usize>() - errors;
    let kinds: Vec<String> = by_kind.iter().map(|(k, n)| format!("{k}={n}")).collect();
    let line = format!("documents: {}, operations: {ops}, parameters: {params}, errors: {errors}, warnings: {warnings} ({})", docs.len(), kinds.join(", "));
    if summary {
        println!("{line}");
    } else {
        let out = match format {
            OutputFormat::Json => serde_json::to_string_pretty(&docs).map_err(|e| e.to_string()),
            OutputFormat::Yaml => docs
                .iter()
                .map(|d| serde_yaml::to_string(d).map(|y| format!("---\n{y}")))
                .collect::<Result<String, _>>()
                .map_err(|e| e.to_string()),
        };
        match out {
            Ok(text) => print!("{text}"),
            Err(e) => {
                eprintln!("error: cannot serialise the IR: {e}");
                return ExitCode::FAILURE;
            }
        }
        eprintln!("{line}");
    }
    if errors > 0 || (strict && warnings > 0) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn find_root(given: Option<PathBuf>) -> Result<PathBuf, String> {
    if let Some(root) = given {
        return Ok(root);
    }
    let cwd = std::env::current_dir().map_err(|e| e.to_string())?;
    cwd.ancestors()
        .find(|d| d.join("specs/sources.yaml").is_file())
        .map(Path::to_path_buf)
        .ok_or_else(|| {
            format!(
                "no specs/sources.yaml in {} or any parent; pass --root",
                cwd.display()
            )
        })
}

fn regen(
    root: Option<PathBuf>,
    check: bool,
    strict: bool,
    changelog: Option<PathBuf>,
    mut timings: Timings,
    renderer: &mut Renderer,
) -> ExitCode {
    let root = match find_root(root) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let specs = root.join("specs");
    renderer.set_root(&root);
    // Everything is read, checked and generated in memory first; files are written only
    // when nothing failed, so a failed run leaves every checked-in file as it was.
    let built = match pipeline::build(&root, &specs) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {e}\nnothing was written");
            return ExitCode::FAILURE;
        }
    };
    timings.stage("read and extract documents, build the IR");
    let findings = pipeline::findings(&built);
    let (accepted, mut problems) = match pipeline::accepted_warnings(&root, &specs) {
        Ok(a) => (a, Vec::new()),
        Err(d) => (Vec::new(), d),
    };
    let (open, stale) = specgen::accepted::check(&findings, &accepted);
    problems.extend(stale);
    let shown: Vec<&Diagnostic> = findings
        .iter()
        .map(|f| f.diagnostic)
        .chain(&problems)
        .collect();
    for d in &shown {
        eprint!("{}", renderer.render(d));
    }
    timings.stage("render diagnostics");
    let errors = shown
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let unaccepted = open.len()
        + problems
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count();
    let ops: usize = built.products.iter().map(|p| p.operations.len()).sum();
    eprintln!(
        "specgen regen: {} products, {ops} operations, {} warnings ({} not accepted), {errors} errors",
        built.products.len(),
        shown.len() - errors,
        unaccepted,
    );
    if errors > 0 || (strict && unaccepted > 0) {
        eprintln!(
            "specgen regen: failed{}; nothing was written",
            if errors > 0 {
                ""
            } else {
                " (--strict: warnings not in specs/accepted-warnings.yaml)"
            }
        );
        return ExitCode::FAILURE;
    }
    let files = match pipeline::render(&built.products) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}\nnothing was written");
            return ExitCode::FAILURE;
        }
    };
    timings.stage("serialise the IR to YAML");
    let generated = match specgen::codegen::generate(&built.products) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("error: code generation: {e}\nnothing was written");
            return ExitCode::FAILURE;
        }
    };
    timings.stage("generate the crates");
    if let (Some(path), false) = (&changelog, check) {
        if let Err(e) = write_changelog(path, &specs.join("ir"), &built.products) {
            eprintln!("error: changelog {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    let drift = match output::sync(&specs.join("ir"), &files, !check, |_| false) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: writing specs/ir: {e}");
            return ExitCode::FAILURE;
        }
    };
    report_drift("specs/ir", &drift, check);
    timings.stage("compare/write specs/ir");
    let code_drift = match specgen::codegen::sync(&root.join("generated"), &generated, !check) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: writing generated/: {e}");
            return ExitCode::FAILURE;
        }
    };
    report_drift("generated", &code_drift, check);
    timings.stage("compare/write generated/");
    timings.report();
    if check && !(drift.is_empty() && code_drift.is_empty()) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Wall time per stage of `regen`, printed on request.
struct Timings {
    last: Option<std::time::Instant>,
    stages: Vec<(&'static str, std::time::Duration)>,
}

impl Timings {
    fn new(enabled: bool) -> Self {
        Timings {
            last: enabled.then(std::time::Instant::now),
            stages: Vec::new(),
        }
    }

    fn stage(&mut self, name: &'static str) {
        if let Some(last) = &mut self.last {
            self.stages.push((name, last.elapsed()));
            *last = std::time::Instant::now();
        }
    }

    fn report(&self) {
        for (name, took) in &self.stages {
            eprintln!("timing\t{name}\t{:.6}", took.as_secs_f64());
        }
    }
}

fn report_drift(what: &str, drift: &[Drift], check: bool) {
    for d in drift {
        if check {
            eprintln!("{what}: {d}");
        }
    }
    if check && !drift.is_empty() {
        eprintln!("{what} is out of date: run `cargo run -p specgen -- regen`");
    }
}

/// Prepends one entry per generated crate whose IR differs from the IR on disk (the
/// previous generation) to `path`. Nothing is written when nothing changed.
fn write_changelog(
    path: &Path,
    ir_dir: &Path,
    new: &[specgen::ir::ProductIr],
) -> Result<(), String> {
    let old = if ir_dir.exists() {
        specgen::ir::io::load_dir(ir_dir).map_err(|e| e.to_string())?
    } else {
        Vec::new()
    };
    let entries = specgen::diff::changelog(&old, new);
    if entries.is_empty() {
        return Ok(());
    }
    let mut text: String = entries
        .iter()
        .map(|e| {
            format!(
                "## {} (unreleased, {} bump)\n\n{}\n",
                e.crate_name,
                e.bump,
                e.markdown.trim_end()
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    let previous = std::fs::read_to_string(path).unwrap_or_default();
    if !previous.is_empty() {
        text = format!("{text}\n{previous}");
    }
    std::fs::write(path, text).map_err(|e| e.to_string())
}
