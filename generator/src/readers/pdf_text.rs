//! Reader for text extracted from a PDF API reference (seed 003).
//!
//! The shape: one paragraph per line, numbered headings (`2.1 CreatePhysicalConnection`),
//! tab-separated tables whose header repeats after every page break, fenced code blocks,
//! and page chrome (legal disclaimer, style conventions, contents, running headers like
//! `II Issue: 20190626`). The PDF also damages text: look-alike Cyrillic letters, words
//! broken at the column width, detached punctuation, scrambled duplicate lines; the
//! sibling modules repair those ([`super::confusables`], [`super::pdf_words`],
//! [`super::pdf_garbled`], [`super::pdf_table`]).

use super::confusables::to_latin;
use super::pdf_table::{header, split_cells, TableBuilder, BULLETS};
use super::pdf_words::{fix_spacing, rejoin_prose, WordModel};
use crate::diag::{DiagKind, Diagnostic, Span};
use crate::doc::{Block, Document, Format};
use once_cell::sync::Lazy;
use regex::Regex;

/// `2.1 CreatePhysicalConnection`: numbering (its depth is the level) and title.
static NUMBERED: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(\d{1,2}(?:\.\d{1,3}){0,5})\.?\s+(\p{Lu}[^\t]{0,119})$").expect("valid regex")
});
/// Running page headers and footers.
static RUNNING_HEADER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:[IVXLCDM]+\s+)?Issue:\s*\d{6,8}(?:\s+[IVXLCDM\d]+)?$").expect("valid regex")
});
static URL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"https?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^\s)\]]*").expect("valid regex")
});
/// `**Express Connect**`, `*debug*`: emphasis markers the extraction kept.
static EMPHASIS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\*{1,2}([A-Za-z0-9](?:[^*]*[A-Za-z0-9])?)\*{1,2}").expect("valid regex")
});

/// Titles of chrome sections, which run until the next numbered heading.
const CHROME_TITLES: &[&str] = &[
    "legal disclaimer",
    "generic conventions",
    "contents",
    "table of contents",
];
/// Section titles promoted to headings one level below the current numbered heading.
const SECTION_TITLES: &[&str] = &[
    "request parameters",
    "response parameters",
    "response elements",
    "examples",
    "example",
    "error codes",
    "debug",
    "debugging",
    "usage notes",
    "operation description",
    "ram authorization",
    "api overview",
];
/// Titles of subsections of "Examples", two levels below the numbered heading.
const EXAMPLE_TITLES: &[&str] = &[
    "request example",
    "request examples",
    "response example",
    "response examples",
    "sample request",
    "sample response",
];

/// Shared state of one read: where diagnostics go and what the document taught.
pub(super) struct Ctx<'a> {
    path: &'a str,
    pub(super) words: WordModel,
    diags: Vec<Diagnostic>,
}

impl Ctx<'_> {
    pub(super) fn warn(&mut self, kind: DiagKind, line: usize, message: String, hint: &str) {
        self.diags
            .push(Diagnostic::warning(kind, Span::new(self.path, line), message).with_hint(hint));
    }

    /// Prose cleanup: detached punctuation re-attached, broken identifiers re-joined
    /// (joins that are only guesses are reported).
    pub(super) fn clean(&mut self, text: &str, line: usize) -> String {
        let (text, guesses) = rejoin_prose(&fix_spacing(text), &self.words);
        for word in guesses {
            self.warn(
                DiagKind::AmbiguousRejoin,
                line,
                format!(
                    "joined broken pieces into `{word}`, which the document never writes whole"
                ),
                "check the word against the document",
            );
        }
        text
    }
}

#[derive(Debug, PartialEq)]
enum Kind {
    Text,
    FenceOpen(Option<String>),
    Code,
    FenceClose,
}

struct Line<'t> {
    number: usize,
    /// Non-code lines with look-alike letters mapped to Latin; code lines as found.
    text: std::borrow::Cow<'t, str>,
    kind: Kind,
    /// Page chrome that is left out.
    chrome: bool,
}

pub fn read(path: &str, text: &str) -> Result<Document, Diagnostic> {
    let lines = prepare(text);
    let words = WordModel::learn(
        lines
            .iter()
            .filter(|l| l.kind == Kind::Text)
            .map(|l| (l.number, l.text.as_ref())),
    );
    let mut reader = Reader {
        ctx: Ctx {
            path,
            words,
            diags: Vec::new(),
        },
        blocks: Vec::new(),
        table: None,
        paragraph: None,
        code: None,
        level: 0,
    };
    for line in &lines {
        reader.line(line);
    }
    reader.finish_paragraph();
    reader.finish_table();
    if let Some(code) = reader.code.take() {
        reader.ctx.warn(
            DiagKind::UnterminatedCodeBlock,
            code.line,
            "code block is not closed before the end of the document".into(),
            "the document may be truncated",
        );
        reader.blocks.push(code.into_block());
    }
    if !reader
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Heading { .. } | Block::Table(_)))
    {
        return Err(Diagnostic::error(
            DiagKind::NotPdfText,
            Span::new(path, 1),
            "no numbered headings or tab-separated tables found: this is not PDF-extracted API reference text",
        )
        .with_hint("check the document format given in specs/sources.yaml"));
    }
    Ok(Document {
        path: path.to_string(),
        format: Format::PdfText,
        blocks: reader.blocks,
        diagnostics: reader.ctx.diags,
    })
}

/// Classifies lines (text, code fences, code) and marks page chrome.
fn prepare(text: &str) -> Vec<Line<'_>> {
    let mut in_code = false;
    let mut lines: Vec<Line> = text
        .lines()
        .enumerate()
        .map(|(i, raw)| {
            let fence = raw.trim_start().strip_prefix("```");
            let kind = match (fence, in_code) {
                (Some(_), true) => Kind::FenceClose,
                (Some(lang), false) => Kind::FenceOpen(
                    Some(lang.trim())
                        .filter(|l| !l.is_empty())
                        .map(str::to_string),
                ),
                (None, true) => Kind::Code,
                (None, false) => Kind::Text,
            };
            in_code = matches!(kind, Kind::FenceOpen(_) | Kind::Code);
            let text = if kind == Kind::Text {
                to_latin(raw)
            } else {
                raw.into()
            };
            let chrome = kind == Kind::Text && RUNNING_HEADER.is_match(text.trim());
            Line {
                number: i + 1,
                text,
                kind,
                chrome,
            }
        })
        .collect();
    // A chrome section runs from its title to the next numbered heading; without one, it
    // is not chrome (better keep text than lose content). The next heading after each line
    // is found in one backward pass, so the scan stays linear in the document's length.
    let mut next_heading = vec![None; lines.len()];
    let mut after = None;
    for (i, l) in lines.iter().enumerate().rev() {
        next_heading[i] = after;
        if l.kind == Kind::Text && numbered(&l.text).is_some() {
            after = Some(i);
        }
    }
    let mut i = 0;
    while i < lines.len() {
        let is_title = lines.get(i).is_some_and(|l| {
            l.kind == Kind::Text && CHROME_TITLES.contains(&l.text.trim().to_lowercase().as_str())
        });
        match (is_title, next_heading[i]) {
            (true, Some(end)) => {
                lines[i..end].iter_mut().for_each(|l| l.chrome = true);
                i = end;
            }
            _ => i += 1,
        }
    }
    lines
}

/// The level and title of a numbered heading line.
fn numbered(line: &str) -> Option<(u8, &str)> {
    // Contents entries (`2.1 CreatePhysicalConnection<TAB>8`) are not headings.
    if line.contains('\t') {
        return None;
    }
    let caps = NUMBERED.captures(line.trim())?;
    let title = caps.get(2)?.as_str().trim();
    if title.ends_with(['.', ':', ',', ';']) {
        return None;
    }
    let depth = caps.get(1)?.as_str().split('.').count();
    Some((u8::try_from(depth).unwrap_or(u8::MAX), title))
}

struct Paragraph {
    text: String,
    line: usize,
    item: bool,
}

struct Code {
    lang: Option<String>,
    line: usize,
    body: Vec<String>,
}

impl Code {
    fn into_block(self) -> Block {
        Block::Code {
            lang: self.lang,
            text: self.body.join("\n"),
            line: self.line,
        }
    }
}

struct Reader<'a> {
    ctx: Ctx<'a>,
    blocks: Vec<Block>,
    table: Option<TableBuilder>,
    paragraph: Option<Paragraph>,
    code: Option<Code>,
    /// Level of the last numbered heading (0 before any).
    level: u8,
}

impl Reader<'_> {
    fn line(&mut self, line: &Line) {
        match &line.kind {
            Kind::FenceOpen(lang) => {
                self.finish_paragraph();
                self.finish_table();
                self.code = Some(Code {
                    lang: lang.clone(),
                    line: line.number,
                    body: Vec::new(),
                });
            }
            Kind::Code => {
                if let Some(code) = &mut self.code {
                    code.body.push(line.text.to_string());
                }
            }
            Kind::FenceClose => {
                if let Some(code) = self.code.take() {
                    self.blocks.push(code.into_block());
                }
            }
            Kind::Text if line.chrome => {}
            Kind::Text => self.text_line(&line.text, line.number),
        }
    }

    fn text_line(&mut self, text: &str, number: usize) {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            // Tables stay open across blank lines: a repeated header continues them.
            self.finish_paragraph();
        } else if text.contains('\t') {
            self.finish_paragraph();
            self.table_line(text, number);
        } else {
            if let Some(table) = &mut self.table {
                if table.takes_name_piece(trimmed, number, &mut self.ctx) {
                    return;
                }
            }
            self.finish_table();
            if !self.heading(trimmed, number) {
                self.paragraph_line(trimmed, number);
            }
        }
    }

    fn table_line(&mut self, text: &str, number: usize) {
        let cells = split_cells(text);
        if let Some(h) = header(&cells) {
            if !self.table.as_ref().is_some_and(|t| t.has_header(&h)) {
                self.finish_table();
                self.table = Some(TableBuilder::new(h, number));
            }
            return;
        }
        match &mut self.table {
            Some(table) => table.push(cells, number, &mut self.ctx),
            None => {
                self.ctx.warn(
                    DiagKind::UnknownTableLine,
                    number,
                    "tab-separated line outside any table (no known header above it); kept as a paragraph".into(),
                    "if this is a table, its header words are not recognized by the PDF reader",
                );
                let joined = cells
                    .iter()
                    .filter(|c| !c.is_empty())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" ");
                self.paragraph_line(&joined, number);
                self.finish_paragraph();
            }
        }
    }

    /// Pushes a heading if `text` is one; numbered headings set the level for section titles.
    fn heading(&mut self, text: &str, number: usize) -> bool {
        let key = text.trim_end_matches(':').to_lowercase();
        let (level, title) = if let Some((level, title)) = numbered(text) {
            self.level = level;
            (level, title)
        } else if SECTION_TITLES.contains(&key.as_str()) {
            (self.level.max(1) + 1, text)
        } else if EXAMPLE_TITLES.contains(&key.as_str()) {
            (self.level.max(1) + 2, text)
        } else {
            return false;
        };
        self.blocks.push(Block::Heading {
            level,
            text: title.to_string(),
            anchor: None,
            line: number,
        });
        true
    }

    /// Lines starting with `- ` or a bullet are list items; other lines join the paragraph.
    fn paragraph_line(&mut self, text: &str, number: usize) {
        let item = text
            .strip_prefix("- ")
            .or_else(|| text.strip_prefix(BULLETS))
            .map(|rest| {
                rest.trim_start_matches(|c: char| BULLETS.contains(&c) || c.is_whitespace())
            });
        match (item, &mut self.paragraph) {
            (None, Some(p)) => {
                p.text.push(' ');
                p.text.push_str(text);
            }
            (item, _) => {
                self.finish_paragraph();
                let text = item.unwrap_or(text).to_string();
                self.paragraph = Some(Paragraph {
                    text,
                    line: number,
                    item: item.is_some(),
                });
            }
        }
    }

    fn finish_paragraph(&mut self) {
        let Some(p) = self.paragraph.take() else {
            return;
        };
        let links = URL
            .find_iter(&p.text)
            .map(|m| m.as_str().trim_end_matches(['.', ',', ';']).to_string())
            .collect();
        let plain = EMPHASIS.replace_all(&p.text, "$1");
        let clean = self.ctx.clean(&plain, p.line);
        let text = if p.item { format!("- {clean}") } else { clean };
        self.blocks.push(Block::Paragraph {
            text,
            line: p.line,
            links,
        });
    }

    fn finish_table(&mut self) {
        if let Some(table) = self.table.take() {
            let table = table.finish(&mut self.ctx);
            self.blocks.push(Block::Table(table));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_headings() {
        assert_eq!(
            numbered("2.1 CreatePhysicalConnection"),
            Some((2, "CreatePhysicalConnection"))
        );
        assert_eq!(numbered("1 API Overview"), Some((1, "API Overview")));
        assert_eq!(numbered("2.3 DescribePhysicalConnections\t8"), None);
        assert_eq!(numbered("404 Not allowed"), None);
        assert_eq!(numbered("5 connections are allowed."), None);
    }

    #[test]
    fn chrome_runs_to_the_next_numbered_heading() {
        let doc = read(
            "t",
            "Contents\n\n1 Overview\t3\n\n1 Overview\n\nText.\n\nII Issue: 20190626\n",
        )
        .expect("readable");
        let texts: Vec<String> = doc
            .blocks
            .iter()
            .map(|b| match b {
                Block::Heading { text, .. } | Block::Paragraph { text, .. } => text.clone(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(texts, vec!["Overview", "Text."]);
    }

    #[test]
    fn chrome_without_a_heading_after_it_is_kept() {
        let err = read("t", "Contents\n\nSome text\n").expect_err("no headings or tables");
        assert_eq!(err.kind, "not-pdf-text");
    }
}
