//! Document model -> IR: one extractor for every reader.

pub mod rules;
