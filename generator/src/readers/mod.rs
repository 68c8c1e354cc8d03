//! One reader per document shape, each producing a [`crate::doc::Document`].
//!
//! Every reader has the signature `fn read(path: &str, text: &str) -> Result<Document, Diagnostic>`:
//! `Err` only when the input cannot be read as that format at all; anything partially
//! understood is returned with diagnostics in `Document::diagnostics`.

use crate::diag::{Diagnostic, Span};
use crate::doc::{Document, Format};

pub mod confusables;
pub mod detect;
pub mod html;
mod html_pos;
mod line_index;
pub mod markdown;
mod md_plain;
mod pdf_garbled;
mod pdf_table;
pub mod pdf_text;
mod pdf_words;
pub mod pipe_table;
mod table_fit;
pub mod web_cells;
pub mod web_rows;
mod web_text;

/// Reads `bytes` as `format`, or detects the format when `format` is `None`.
pub fn read(path: &str, bytes: &[u8], format: Option<Format>) -> Result<Document, Diagnostic> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        Diagnostic::error(
            "not-utf8",
            Span::new(path, line),
            "the file is not UTF-8 text",
        )
        .with_hint("source documents must be UTF-8 encoded text (Markdown, HTML or extracted text)")
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Diagnostic::error(
            "empty-document",
            Span::new(path, 1),
            "the document is empty",
        ));
    }
    let format = match format {
        Some(f) => f,
        None => detect::detect(text).ok_or_else(|| {
            Diagnostic::error("unknown-format", Span::new(path, 1), "the document is in no known format")
                .with_hint("expected Markdown/HTML API reference, web-page text with a parameter table, or PDF-extracted text")
        })?,
    };
    match format {
        Format::Markdown => markdown::read(path, text),
        Format::Html => html::read(path, text),
        Format::WebRows => web_rows::read(path, text),
        Format::WebCells => web_cells::read(path, text),
        Format::PdfText => pdf_text::read(path, text),
    }
}
