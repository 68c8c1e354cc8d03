//! The whole pipeline over the real corpus beside the repository (skipped when absent):
//! never a panic, every document read or rejected with a diagnostic, rule sentences
//! understood well above 95%.

mod common;

use specgen::diag::Severity;

#[test]
fn corpus_reads_without_panics_and_understands_rules() {
    let Some(corpus) = common::corpus() else {
        eprintln!("note: ../shared/corpus is absent; corpus test skipped");
        return;
    };
    let mut files = Vec::new();
    for lang in std::fs::read_dir(&corpus)
        .expect("corpus")
        .flatten()
        .filter(|e| e.path().is_dir())
    {
        for product in std::fs::read_dir(lang.path())
            .expect("lang dir")
            .flatten()
            .filter(|e| e.path().is_dir())
        {
            files.extend(
                std::fs::read_dir(product.path())
                    .expect("product dir")
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "md")),
            );
        }
    }
    files.sort();
    assert!(
        files.len() > 700,
        "the corpus README promises 753 documents, found {}",
        files.len()
    );
    let (mut ops, mut params, mut rejected, mut rules, mut understood) = (0, 0, Vec::new(), 0, 0);
    let mut unknown_types = Vec::new();
    for path in &files {
        let display = path.display().to_string();
        match specgen::pipeline::parse_document(path, &display, None) {
            Ok(e) => {
                ops += e.operations.len();
                params += e
                    .operations
                    .iter()
                    .map(|o| o.parameters.len())
                    .sum::<usize>();
                rules += e.stats.rule_sentences;
                understood += e.stats.understood;
                let errors = e
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Error);
                let (typos, errors): (Vec<_>, Vec<_>) =
                    errors.partition(|d| d.kind == "unknown-type");
                unknown_types.extend(typos.iter().map(|d| d.span.to_string()));
                if !errors.is_empty() {
                    assert!(
                        e.operations.is_empty(),
                        "{display}: an error diagnostic with operations read"
                    );
                    rejected.push(display);
                }
            }
            Err(d) => panic!("{display}: a Markdown document was not readable at all: {d}"),
        }
    }
    let ratio = understood as f64 / rules.max(1) as f64;
    eprintln!("corpus: {} documents, {ops} operations, {params} parameters, rule sentences {understood}/{rules} ({:.1}%), rejected {rejected:?}", files.len(), ratio * 100.0);
    // Three corpus documents are broken (a header cell reading "Delete Name", no request table);
    // each is rejected with a diagnostic. More than that is a regression.
    assert!(rejected.len() <= 3, "{rejected:?}");
    // A type word that names no type is an error at its row (the operation is still read, so
    // the rest of the page is checked): the Cbn health-check pages type two fields `Camel`.
    assert_eq!(unknown_types.len(), 4, "{unknown_types:?}");
    assert!(unknown_types
        .iter()
        .all(|s| s.contains("DescribeCenVbrHealthCheckRequest.md")));
    assert!(ops + rejected.len() >= files.len());
    assert!(
        ratio > 0.95,
        "{understood}/{rules} rule sentences understood"
    );
}

/// The corpus through `pipeline::build` and the code generator, as `scripts/bench` regenerates
/// it: one crate per corpus product (product files from `bench/corpus/products/`), every
/// operation module generated (and parsed back by syn, which code generation does anyway).
#[test]
fn corpus_generates_a_crate_per_product() {
    let Some(corpus) = common::corpus() else {
        eprintln!("note: ../shared/corpus is absent; corpus generation test skipped");
        return;
    };
    let tmp = tempfile::tempdir().expect("tmp");
    let (specs, versions, documents) = common::corpus_specs(&corpus, tmp.path());
    let distinct: std::collections::BTreeSet<(String, String)> = ["en-US", "zh-CN"]
        .iter()
        .flat_map(|lang| versions.keys().map(move |product| (lang, product)))
        .filter_map(|(lang, product)| std::fs::read_dir(corpus.join(lang).join(product)).ok())
        .flat_map(|dir| dir.flatten())
        .filter_map(|e| {
            let path = e.path();
            let product = path.parent()?.file_name()?.to_string_lossy().into_owned();
            Some((product, path.file_stem()?.to_string_lossy().into_owned()))
        })
        .collect();
    let built = specgen::pipeline::build(tmp.path(), &specs).expect("corpus build");
    let ops: usize = built.products.iter().map(|p| p.operations.len()).sum();
    let duplicates = built
        .diagnostics
        .iter()
        .filter(|d| d.kind == "duplicate-operation")
        .count();
    // Pages of one operation merge (generator/src/merge.rs): every operation is generated
    // once, whichever languages document it, or its documents are rejected.
    assert_eq!(built.products.len(), versions.len());
    assert!(
        documents > 700 && ops > 400,
        "{documents} documents, {ops} operations"
    );
    assert_eq!(duplicates, 0, "pages of one operation merge");
    assert!(
        ops + 3 >= distinct.len(),
        "{documents} documents of {} operations, {ops} generated",
        distinct.len()
    );
    let files = specgen::codegen::generate(&built.products).expect("corpus code generation");
    let modules = files
        .iter()
        .filter(|f| f.path.contains("/src/operation/") && !f.path.ends_with("/mod.rs"))
        .count();
    assert_eq!(modules, ops, "one module per operation");
    let mut errors = std::collections::BTreeMap::<&str, usize>::new();
    for d in built
        .diagnostics
        .iter()
        .filter(|d| d.severity == specgen::diag::Severity::Error)
    {
        *errors.entry(d.kind.as_str()).or_default() += 1;
    }
    eprintln!("corpus errors by kind: {errors:?}");
}
