//! Reading a web page around its tables: page title, section titles, code samples, prose.

use super::{clean_text, is_identifier, is_section_title, lines, page_title, Header, Line, Role};
use crate::diag::{DiagKind, Diagnostic, Span};
use crate::doc::{Block, Cell, Document, Format, Row, Table};

/// The page being read: its lines and what has been produced so far.
pub(crate) struct Page<'a> {
    pub path: &'a str,
    pub lines: Vec<Line<'a>>,
    pub blocks: Vec<Block>,
    pub diags: Vec<Diagnostic>,
}

impl Page<'_> {
    pub fn warn(&mut self, kind: DiagKind, line: usize, message: String, hint: &str) {
        self.diags
            .push(Diagnostic::warning(kind, Span::new(self.path, line), message).with_hint(hint));
    }

    /// Builds a row in header order from the cells found by role. Columns with no cell are
    /// padded with an empty cell at the row's line, and said so.
    pub fn assemble_row(
        &mut self,
        header: &Header,
        line: usize,
        depth: u8,
        mut found: Vec<(Role, Cell)>,
    ) -> Row {
        let mut missing = Vec::new();
        let cells = header
            .roles
            .iter()
            .zip(&header.cells)
            .map(
                |(role, column)| match found.iter().position(|(r, _)| r == role) {
                    Some(i) => found.remove(i).1,
                    None => {
                        missing.push(column.text.clone());
                        Cell::new("", line)
                    }
                },
            )
            .collect();
        if !missing.is_empty() {
            self.warn(
                DiagKind::MissingCell,
                line,
                format!(
                    "table row has no {} cell; padded with an empty cell",
                    missing.join(", ")
                ),
                "check the row in the source document for a missing value",
            );
        }
        Row { line, depth, cells }
    }

    pub fn push_table(&mut self, header: Header, rows: Vec<Row>) {
        let line = header.cells.first().map_or(0, |c| c.line);
        if rows.is_empty() {
            self.warn(
                DiagKind::EmptyTable,
                line,
                "table header is followed by no row that could be read".to_string(),
                "check the lines after the header: rows may be missing or in an unexpected shape",
            );
        }
        self.blocks.push(Block::Table(Table {
            line,
            header: header.cells,
            rows,
        }));
    }

    /// Everything outside tables: the page title, section titles, code samples and prose.
    /// Returns the index of the next line to read.
    fn prose(&mut self, i: usize, seen_heading: bool) -> usize {
        let Some(&line) = self.lines.get(i) else {
            return i + 1;
        };
        let text = line.trimmed();
        if text.is_empty() || (!seen_heading && is_chrome(text)) {
            return i + 1;
        }
        let block = if is_section_title(text) {
            Block::Heading {
                level: 2,
                text: text.to_string(),
                anchor: None,
                line: line.no,
            }
        } else if let Some(api) = page_title(text).filter(|_| !seen_heading) {
            Block::Heading {
                level: 1,
                text: api.to_string(),
                anchor: None,
                line: line.no,
            }
        } else if starts_code(line.text) {
            return self.code(i);
        } else {
            Block::Paragraph {
                text: clean_text(text),
                line: line.no,
                links: Vec::new(),
            }
        };
        self.blocks.push(block);
        i + 1
    }

    /// A sample request or response: from a code-looking line through every following line
    /// that continues it; blank lines inside (HTTP headers, then body) stay part of it.
    fn code(&mut self, start: usize) -> usize {
        let mut end = start;
        for (i, line) in self.lines.iter().enumerate().skip(start + 1) {
            if line.is_blank() {
                continue;
            }
            if !continues_code(line.text) {
                break;
            }
            end = i;
        }
        let lines = self.lines.get(start..=end).unwrap_or_default();
        let text: Vec<&str> = lines.iter().map(|l| l.text).collect();
        let line = lines.first().map_or(0, |l| l.no);
        self.blocks.push(Block::Code {
            lang: None,
            text: text.join("\n"),
            line,
        });
        end + 1
    }
}

/// Site navigation above the page title ("All Products", "Search", "Document Center").
fn is_chrome(line: &str) -> bool {
    ["All Products", "Search", "Document Center"].contains(&line.trim())
}

fn starts_code(line: &str) -> bool {
    let t = line.trim_start();
    ["{", "[", "<", "http://", "https://", "http(s)://", "HTTP/"]
        .iter()
        .any(|p| t.starts_with(p))
}

/// Lines that go on a started code block: indented lines (not bullets), query-string
/// continuations (`&VlanId=4`), closing brackets and `Name:value` HTTP headers.
fn continues_code(line: &str) -> bool {
    let t = line.trim_start();
    let header = t.split_once(':').is_some_and(|(name, value)| {
        is_identifier(&name.replace('-', "_")) && !value.starts_with(' ') && !value.contains(' ')
    });
    starts_code(line)
        || (line.starts_with(' ') && !t.starts_with('•'))
        || ["&", "}", "]", "\""].iter().any(|p| t.starts_with(p))
        || header
}

/// Rejects what cannot be page text at all: nothing but blanks, or binary data.
fn check_text(path: &str, text: &str) -> Result<(), Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::error(
            DiagKind::EmptyDocument,
            Span::new(path, 1),
            "the document is empty",
        ));
    }
    if let Some(at) = text.find(|c: char| c == '\0' || (c.is_control() && !c.is_whitespace())) {
        let line = text[..at].matches('\n').count() + 1;
        return Err(Diagnostic::error(
            DiagKind::BinaryData,
            Span::new(path, line),
            "the document contains binary data",
        )
        .with_hint("web-page text readers expect the text copied from a documentation page"));
    }
    Ok(())
}

/// Reads a page: `table` is asked at every line whether a table starts there and, if so,
/// reads it into the page and returns the index of the line after it; all other lines are
/// prose, headings or code.
pub(crate) fn read_page(
    path: &str,
    text: &str,
    format: Format,
    table: impl Fn(&mut Page, usize) -> Option<usize>,
) -> Result<Document, Diagnostic> {
    check_text(path, text)?;
    let mut page = Page {
        path,
        lines: lines(text),
        blocks: Vec::new(),
        diags: Vec::new(),
    };
    let mut i = 0;
    while i < page.lines.len() {
        i = match table(&mut page, i) {
            Some(next) => next.max(i + 1),
            None => {
                let seen_heading = page
                    .blocks
                    .iter()
                    .any(|b| matches!(b, Block::Heading { .. }));
                page.prose(i, seen_heading)
            }
        };
    }
    if !page.blocks.iter().any(|b| matches!(b, Block::Table(_))) {
        page.warn(
            DiagKind::NoTable,
            1,
            "the page has no parameter or error table".to_string(),
            "the document may be truncated or not an API reference page",
        );
    }
    Ok(Document {
        path: path.to_string(),
        format,
        blocks: page.blocks,
        diagnostics: page.diags,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_blocks_keep_inner_blank_lines() {
        assert!(starts_code("HTTP/1.1 200 OK"));
        assert!(continues_code("Content-Type:application/xml"));
        assert!(continues_code("&Common request parameters"));
        assert!(!continues_code("JSON format"));
        assert!(!continues_code("Note: this is prose"));
    }

    #[test]
    fn rejects_empty_and_binary() {
        assert_eq!(
            check_text("f", " \n\n").map_err(|d| d.kind),
            Err("empty-document".to_string())
        );
        assert_eq!(
            check_text("f", "a\n\u{0}\u{1}b").map_err(|d| (d.kind, d.span.line)),
            Err(("binary-data".to_string(), 2))
        );
    }
}
