//! One reader per document shape, each producing a [`crate::doc::Document`].
//!
//! Every reader has the signature `fn read(path: &str, text: &str) -> Result<Document, Diagnostic>`:
//! `Err` only when the input cannot be read as that format at all; anything partially
//! understood is returned with diagnostics in `Document::diagnostics`.

use crate::diag::{DiagKind, Diagnostic, Span};
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
            DiagKind::NotUtf8,
            Span::new(path, line),
            "the file is not UTF-8 text",
        )
        .with_hint("source documents must be UTF-8 encoded text (Markdown, HTML or extracted text)")
    })?;
    let text = normalize(path, text)?;
    let text = text.as_str();
    if text.trim().is_empty() {
        return Err(Diagnostic::error(
            DiagKind::EmptyDocument,
            Span::new(path, 1),
            "the document is empty",
        ));
    }
    let format = match format {
        Some(f) => f,
        None => detect::detect(text).ok_or_else(|| {
            Diagnostic::error(DiagKind::UnknownFormat, Span::new(path, 1), "the document is in no known format")
                .with_hint("expected Markdown/HTML API reference, web-page text with a parameter table, or PDF-extracted text")
        })?,
    };
    // Only PDF text separates cells with tabs; in the web shapes a tab is a space.
    let spaced;
    let text = if matches!(format, Format::WebRows | Format::WebCells) && text.contains('\t') {
        spaced = text.replace('\t', " ");
        spaced.as_str()
    } else {
        text
    };
    let doc = match format {
        Format::Markdown => markdown::read(path, text),
        Format::Html => html::read(path, text),
        Format::WebRows => web_rows::read(path, text),
        Format::WebCells => web_cells::read(path, text),
        Format::PdfText => pdf_text::read(path, text),
    }?;
    Ok(check_rows(doc))
}

/// Spaces that browsers and PDF extractors put where the document has a plain space.
fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// Invisible characters that carry nothing: zero-width spaces and joiners, stray BOMs.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}')
}

/// The text every reader sees: BOM and zero-width characters removed, odd spaces made plain,
/// CRLF/CR line ends as `\n`. A NUL or other control character (besides tab, line feed,
/// carriage return and form feed) is an error at its line: it means binary or damaged input.
pub fn normalize(path: &str, text: &str) -> Result<String, Diagnostic> {
    let mut out = String::with_capacity(text.len());
    let mut line = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                    line += 1;
                }
            }
            '\n' => {
                out.push('\n');
                line += 1;
            }
            '\t' => out.push('\t'),
            '\u{c}' => out.push(' '),
            c if c.is_control() => {
                return Err(Diagnostic::error(
                    DiagKind::ControlCharacter,
                    Span::new(path, line),
                    format!("control character U+{:04X} in the text", u32::from(c)),
                )
                .with_hint("the file is damaged or not text: re-export or re-copy the document"));
            }
            c if is_odd_space(c) => out.push(' '),
            c if is_invisible(c) => {}
            c => out.push(c),
        }
    }
    Ok(out)
}

/// A table row without a name loses the fact it documents: an error in every reader. Rows
/// of a column-less object (an unnamed array item) have a type and are left to the extractor.
fn check_rows(mut doc: Document) -> Document {
    let mut found = Vec::new();
    for block in &doc.blocks {
        let crate::doc::Block::Table(table) = block else {
            continue;
        };
        for row in &table.rows {
            let cell = |i: usize| row.cells.get(i).map_or("", |c| c.text.trim());
            let rest_filled = (1..row.cells.len()).any(|i| !cell(i).is_empty());
            let container = (1..row.cells.len()).any(|i| {
                let t = cell(i).to_ascii_lowercase();
                t == "object" || t.starts_with("array")
            });
            if cell(0).is_empty() && rest_filled && !container {
                found.push(
                    Diagnostic::error(
                        DiagKind::EmptyName,
                        Span::new(&doc.path, row.line),
                        "a table row has no name in its first column",
                    )
                    .with_hint("the name was lost in copying (odd spaces, a cell boundary): fix the document"),
                );
            }
        }
    }
    doc.diagnostics.extend(found);
    doc
}
