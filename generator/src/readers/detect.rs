//! Guessing which reader a document needs from its text.

use crate::doc::Format;

/// Returns the format of `text`, or `None` when it matches no known shape.
pub fn detect(text: &str) -> Option<Format> {
    let _ = text;
    None
}
