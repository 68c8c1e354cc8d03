//! specgen: reads Alibaba Cloud API reference documents into a YAML IR and generates Rust
//! client crates from it.
//!
//! Pipeline: `readers` (one per document shape) -> `doc` (common document model) ->
//! `extract` -> `ir` -> overrides/lint -> code generation.

pub mod accepted;
pub mod codegen;
pub mod compat;
pub mod config;
pub mod diag;
pub mod diff;
pub mod doc;
pub mod extract;
pub mod ir;
pub mod merge;
pub mod output;
pub mod pipeline;
pub mod readers;
pub mod report;
