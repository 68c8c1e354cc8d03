//! Reader: placeholder until implemented.

use crate::diag::{Diagnostic, Span};
use crate::doc::Document;

pub fn read(path: &str, _text: &str) -> Result<Document, Diagnostic> {
    Err(Diagnostic::error("unsupported-format", Span::new(path, 1), "reader not implemented yet"))
}
