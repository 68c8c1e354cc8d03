//! Helpers shared by the integration tests.
#![allow(dead_code)]

use specgen::extract::Extracted;
use specgen::ir::{Operation, Parameter};
use std::path::PathBuf;

pub fn repo_root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// The seed whose file name starts with `prefix` (`"000"`), read and extracted as
/// `specgen parse` does, with spans relative to the repository root.
pub fn seed(prefix: &str) -> Extracted {
    let dir = repo_root().join("specs/docs");
    let entry = std::fs::read_dir(&dir)
        .expect("specs/docs")
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .expect("seed document");
    let display = format!("specs/docs/{}", entry.file_name().to_string_lossy());
    specgen::pipeline::parse_document(&entry.path(), &display, None)
        .unwrap_or_else(|d| panic!("{d}"))
}

pub fn op<'a>(e: &'a Extracted, name: &str) -> &'a Operation {
    e.operations
        .iter()
        .find(|o| o.name == name)
        .unwrap_or_else(|| {
            panic!(
                "operation {name} in {:?}",
                e.operations.iter().map(|o| &o.name).collect::<Vec<_>>()
            )
        })
}

pub fn param<'a>(op: &'a Operation, name: &str) -> &'a Parameter {
    op.parameters
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| {
            panic!(
                "{}: parameter {name} in {:?}",
                op.name,
                op.parameters.iter().map(|p| &p.name).collect::<Vec<_>>()
            )
        })
}

pub fn names(op: &Operation) -> Vec<&str> {
    op.parameters.iter().map(|p| p.name.as_str()).collect()
}

/// The corpus beside the repository, if present.
pub fn corpus() -> Option<PathBuf> {
    let dir = repo_root().join("../shared/corpus");
    dir.is_dir().then_some(dir)
}

/// A `specs/` tree under `root` listing the whole corpus, as `scripts/bench` builds it: one
/// product file per corpus product (from `bench/corpus/products/`, Vpc from `specs/products/`),
/// English pages first. Returns the specs directory, product versions and document count.
pub fn corpus_specs(
    corpus: &std::path::Path,
    root: &std::path::Path,
) -> (PathBuf, std::collections::BTreeMap<String, String>, usize) {
    let repo = repo_root();
    let specs = root.join("specs");
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
    (specs, versions, documents)
}
