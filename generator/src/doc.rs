//! The common document model every reader produces and the extractor consumes.
//!
//! Readers own every quirk of their format (broken words, look-alike letters, cells split
//! over lines, nesting markers); what reaches this model is clean text with line numbers.
//! The model is deliberately flat: a sequence of blocks in document order. Sections are
//! implied by headings, which is how all four source shapes are organised.

use crate::diag::Diagnostic;
use serde::Serialize;

/// Which reader produced a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// Markdown with pipe tables (may embed HTML tables).
    Markdown,
    /// A saved HTML page.
    Html,
    /// Web-page text, one whole table row per line (seed 001).
    WebRows,
    /// Web-page text, one table cell per line (seed 002).
    WebCells,
    /// Text extracted from a PDF, tab-separated tables (seed 003).
    PdfText,
}

#[derive(Clone, Debug, Serialize)]
pub struct Document {
    /// The path as given to the reader; every span refers to it.
    pub path: String,
    pub format: Format,
    pub blocks: Vec<Block>,
    /// What the reader could not fully understand (garbled lines, dropped noise, ...).
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "block", rename_all = "snake_case")]
pub enum Block {
    /// A heading. Level 1 is a document/operation title; readers of formats without real
    /// headings promote well-known section titles ("Request parameters", "错误码") to level 2.
    /// `anchor` is an explicit id when the format has one (Markdown `{#doc_api_Vpc_Op ...}`).
    Heading {
        level: u8,
        text: String,
        anchor: Option<String>,
        line: usize,
    },
    /// Prose: a paragraph or a list item, with the targets of any links in it.
    Paragraph {
        text: String,
        line: usize,
        links: Vec<String>,
    },
    Table(Table),
    /// A fenced or preformatted code block (sample requests and responses).
    Code {
        lang: Option<String>,
        text: String,
        line: usize,
    },
}

impl Block {
    pub fn line(&self) -> usize {
        match self {
            Block::Heading { line, .. }
            | Block::Paragraph { line, .. }
            | Block::Code { line, .. } => *line,
            Block::Table(t) => t.line,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Table {
    /// Line of the header row.
    pub line: usize,
    pub header: Vec<Cell>,
    pub rows: Vec<Row>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    pub line: usize,
    /// Nesting depth in a tree-shaped table (response fields, `array<object>` members):
    /// 0 at top level. Readers set it from whatever their format uses (`└`, `∟`, `⊢`
    /// markers, an unnamed `object` row, indentation).
    pub depth: u8,
    pub cells: Vec<Cell>,
}

/// One table cell. Multi-paragraph cells keep paragraphs separated by `\n`; list items
/// start with `- `. Text is unescaped (no Markdown escapes, no HTML entities).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cell {
    pub text: String,
    pub line: usize,
}

impl Cell {
    pub fn new(text: impl Into<String>, line: usize) -> Self {
        Cell {
            text: text.into(),
            line,
        }
    }
}
