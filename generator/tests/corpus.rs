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
                if e.diagnostics.iter().any(|d| d.severity == Severity::Error) {
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
    let repo = common::repo_root();
    let tmp = tempfile::tempdir().expect("tmp");
    let specs = tmp.path().join("specs");
    std::fs::create_dir_all(specs.join("products")).expect("mkdir");
    let mut versions = std::collections::BTreeMap::new();
    let product_files = std::fs::read_dir(repo.join("bench/corpus/products"))
        .expect("bench/corpus/products")
        .flatten()
        .map(|e| e.path())
        .chain([repo.join("specs/products/Vpc-2016-04-28.yaml")]);
    for path in product_files {
        let name = path
            .file_stem()
            .expect("name")
            .to_string_lossy()
            .to_string();
        let (product, version) = name.split_once('-').expect("Product-version.yaml");
        versions.insert(product.to_string(), version.to_string());
        std::fs::copy(
            &path,
            specs.join("products").join(path.file_name().expect("name")),
        )
        .expect("copy product file");
    }
    let mut sources = String::from("sources:\n");
    let mut documents = 0;
    for lang in ["en-US", "zh-CN"] {
        for (product, version) in &versions {
            let Ok(dir) = std::fs::read_dir(corpus.join(lang).join(product)) else {
                continue;
            };
            let mut docs: Vec<_> = dir.flatten().map(|e| e.path()).collect();
            docs.sort();
            // Sources must lie inside specs/: the corpus is copied in.
            let target = specs.join("docs").join(lang).join(product);
            std::fs::create_dir_all(&target).expect("mkdir docs");
            for doc in docs {
                documents += 1;
                let name = doc.file_name().expect("name").to_string_lossy().to_string();
                std::fs::copy(&doc, target.join(&name)).expect("copy document");
                sources.push_str(&format!(
                    "  - path: docs/{lang}/{product}/{name}\n    product: {product}\n    version: \"{version}\"\n    style: RPC\n    language: {lang}\n",
                ));
            }
        }
    }
    std::fs::write(specs.join("sources.yaml"), sources).expect("sources.yaml");

    let built = specgen::pipeline::build(tmp.path(), &specs).expect("corpus build");
    let ops: usize = built.products.iter().map(|p| p.operations.len()).sum();
    let duplicates = built
        .diagnostics
        .iter()
        .filter(|d| d.kind == "duplicate-operation")
        .count();
    // Every document is generated, or is the second language of an operation, or is rejected.
    assert_eq!(built.products.len(), versions.len());
    assert!(
        documents > 700 && ops > 400,
        "{documents} documents, {ops} operations"
    );
    assert!(
        ops + duplicates + 3 >= documents,
        "{documents} documents, {ops} operations, {duplicates} duplicates"
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
