//! The YAML IR: its model, reading and writing, corrections applied after extraction, and
//! consistency checks.

pub mod facts;
pub mod io;
pub mod lint;
pub mod model;
pub mod overrides;
pub use model::*;
