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
