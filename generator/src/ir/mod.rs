//! The YAML IR: its model, reading and writing, and corrections applied after extraction.

pub mod model;
pub use model::*;
