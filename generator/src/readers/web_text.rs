//! What the two web-page-text readers (`web_rows`, `web_cells`) share: lines with their
//! numbers, the vocabulary of the pages (column names, type words, Yes/No, section titles),
//! prose and code outside tables, error rows written as one line, and row assembly.
//!
//! Web-page text has no markup: every block of the page became one line, so everything here
//! works line by line and recognises things by their shape and by a small vocabulary.

use crate::diag::{Diagnostic, Span};
use crate::doc::{Block, Cell, Document, Format, Row, Table};

/// One line of the source: 1-based number and text without the line ending or trailing blanks.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line<'a> {
    pub no: usize,
    pub text: &'a str,
}

impl<'a> Line<'a> {
    pub fn trimmed(&self) -> &'a str {
        self.text.trim()
    }

    pub fn is_blank(&self) -> bool {
        self.trimmed().is_empty()
    }
}

/// The lines of `text`, numbered from 1.
pub(crate) fn lines(text: &str) -> Vec<Line<'_>> {
    text.lines()
        .enumerate()
        .map(|(i, t)| Line {
            no: i + 1,
            text: t.trim_end(),
        })
        .collect()
}

/// What a table column means on these pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Name,
    Type,
    Required,
    Example,
    Description,
    Status,
    Code,
    Message,
    Action,
    Api,
    AccessLevel,
    ResourceType,
    ConditionKey,
    DependentAction,
}

/// Column names as the English pages write them (compared case-insensitively).
const COLUMNS: &[(&str, Role)] = &[
    ("parameter", Role::Name),
    ("name", Role::Name),
    ("element", Role::Name),
    ("type", Role::Type),
    ("required", Role::Required),
    ("example", Role::Example),
    ("description", Role::Description),
    ("httpcode", Role::Status),
    ("http status code", Role::Status),
    ("error code", Role::Code),
    ("error message", Role::Message),
    ("action", Role::Action),
    ("api", Role::Api),
    ("access level", Role::AccessLevel),
    ("resource type", Role::ResourceType),
    ("condition key", Role::ConditionKey),
    ("dependent action", Role::DependentAction),
];

/// The role of a header cell written on its own line, e.g. `Access level`.
pub(crate) fn column_role(cell: &str) -> Option<Role> {
    let cell = cell.trim();
    COLUMNS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(cell))
        .map(|&(_, role)| role)
}

/// A table header: cells as written, with their roles.
#[derive(Clone, Debug)]
pub(crate) struct Header {
    pub cells: Vec<Cell>,
    pub roles: Vec<Role>,
}

/// What a table holds, decided by its columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TableKind {
    Params,
    Errors,
    Ram,
}

impl Header {
    /// Adds a column unless its role is already present: a repeated role means the header
    /// has ended and the first row began (`Parameter` ... `Example`, then a row named `Name`).
    pub fn push(&mut self, cell: Cell, role: Role) -> bool {
        if self.roles.contains(&role) {
            return false;
        }
        self.cells.push(cell);
        self.roles.push(role);
        true
    }

    pub fn kind(&self) -> Option<TableKind> {
        let has = |r| self.roles.contains(&r);
        if self.roles.len() < 3 {
            None
        } else if self.roles.starts_with(&[Role::Status, Role::Code]) {
            Some(TableKind::Errors)
        } else if has(Role::Action) && has(Role::AccessLevel) {
            Some(TableKind::Ram)
        } else if has(Role::Name) && has(Role::Type) {
            Some(TableKind::Params)
        } else {
            None
        }
    }
}

/// Splits a header written on one line (`Parameter Type Required Example Description`,
/// `HttpCode Error code Error message Description`) into known column names, longest name
/// first. `None` unless every word belongs to a column and the header names a known table.
pub(crate) fn header_on_one_line(line: &Line) -> Option<Header> {
    let words: Vec<&str> = line.text.split_whitespace().collect();
    let mut header = Header {
        cells: Vec::new(),
        roles: Vec::new(),
    };
    let mut at = 0;
    while at < words.len() {
        let (len, role) = (1..=3.min(words.len() - at))
            .rev()
            .find_map(|len| column_role(&words[at..at + len].join(" ")).map(|role| (len, role)))?;
        if !header.push(Cell::new(words[at..at + len].join(" "), line.no), role) {
            return None;
        }
        at += len;
    }
    header.kind().map(|_| header)
}

/// Type words of the parameter tables (`String`, `integer`, `array<object>`, ...).
pub(crate) fn is_type_word(word: &str) -> bool {
    const SCALARS: &[&str] = &[
        "string", "integer", "int", "long", "short", "byte", "boolean", "bool", "float", "double",
        "number", "date", "datetime", "json", "binary",
    ];
    let lower = word.trim().to_ascii_lowercase();
    SCALARS.contains(&lower.as_str()) || is_container_lower(&lower)
}

/// Arrays, lists, maps and objects: their members or items follow as rows of their own.
pub(crate) fn is_container_type(word: &str) -> bool {
    is_container_lower(&word.trim().to_ascii_lowercase())
}

fn is_container_lower(lower: &str) -> bool {
    const BARE: &[&str] = &["object", "struct", "array", "list", "repeatlist", "map"];
    BARE.contains(&lower)
        || ["array<", "list<", "map<"]
            .iter()
            .any(|p| lower.starts_with(p) && lower.ends_with('>') && !lower.contains(' '))
}

pub(crate) fn is_yes_no(word: &str) -> bool {
    let w = word.trim();
    w.eq_ignore_ascii_case("yes") || w.eq_ignore_ascii_case("no")
}

/// A parameter or field name: `RegionId`, `Tag.N.Key`, `Filter.N.Value.N`.
pub(crate) fn is_identifier(word: &str) -> bool {
    let mut chars = word.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
}

/// Section titles the extractor looks for; on these pages they are lines of their own.
pub(crate) fn is_section_title(line: &str) -> bool {
    const TITLES: &[&str] = &[
        "Request parameters",
        "Response parameters",
        "Response elements",
        "Error codes",
        "Examples",
        "RAM authorization",
        "Debug",
        "Debugging",
        "Usage notes",
        "Operation description",
        "API Overview",
    ];
    TITLES.iter().any(|t| t.eq_ignore_ascii_case(line.trim()))
}

/// The API name in a page title `Express Connect:CreateExpressConnectRouter`.
pub(crate) fn page_title(line: &str) -> Option<&str> {
    let (product, api) = line.trim().split_once(':')?;
    let product_ok = product
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && product
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == ' ');
    let api_ok = api.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && api.chars().all(|c| c.is_ascii_alphanumeric());
    (product_ok && api_ok).then_some(api)
}

/// Site navigation above the page title ("All Products", "Search", "Document Center").
fn is_chrome(line: &str) -> bool {
    ["All Products", "Search", "Document Center"].contains(&line.trim())
}

/// Cell or paragraph text: trimmed, bullets `•` as `- ` list items, code backticks removed.
pub(crate) fn clean_text(text: &str) -> String {
    let t = text.trim();
    let t = match t.strip_prefix('•') {
        Some(item) => format!("- {}", item.trim_start()),
        None => t.to_string(),
    };
    t.replace('`', "")
}

/// One cell from several lines: each non-blank line is a paragraph (or list item) of its own.
pub(crate) fn cell_of(lines: &[Line]) -> Option<Cell> {
    let first = lines.iter().find(|l| !l.is_blank())?;
    let text: Vec<String> = lines
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| clean_text(l.text))
        .collect();
    Some(Cell::new(text.join("\n"), first.no))
}

/// The page being read: its lines and what has been produced so far.
pub(crate) struct Page<'a> {
    pub path: &'a str,
    pub lines: Vec<Line<'a>>,
    pub blocks: Vec<Block>,
    pub diags: Vec<Diagnostic>,
}

impl Page<'_> {
    pub fn warn(&mut self, kind: &str, line: usize, message: String, hint: &str) {
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
                "missing-cell",
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

    /// Reads the rows of an error table, each written on one line, from line index `from`;
    /// stops at the first line that is not an error row. Returns where reading stopped.
    pub fn error_table(&mut self, header: Header, from: usize) -> usize {
        let mut rows = Vec::new();
        let mut i = from;
        while let Some(&line) = self.lines.get(i) {
            if !line.is_blank() {
                match self.error_row(&header, line) {
                    Some(row) => rows.push(row),
                    None => break,
                }
            }
            i += 1;
        }
        self.push_table(header, rows);
        i
    }

    /// `400 IllegalParam.Spec The param of Spec is illegal. The error message returned ...`:
    /// status and code are single words; message and description share the rest.
    fn error_row(&mut self, header: &Header, line: Line) -> Option<Row> {
        let (status, rest) = line.trimmed().split_once(' ')?;
        if status.len() != 3 || !status.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let (code, rest) = rest
            .trim_start()
            .split_once(' ')
            .unwrap_or((rest.trim_start(), ""));
        let mut found = vec![
            (Role::Status, Cell::new(status, line.no)),
            (Role::Code, Cell::new(code, line.no)),
        ];
        let rest = rest.trim();
        match (
            header.roles.contains(&Role::Message),
            header.roles.contains(&Role::Description),
        ) {
            (true, true) => {
                let split = split_message(rest);
                if let Some(why) = split.doubt {
                    self.warn(
                        "ambiguous-error-split",
                        line.no,
                        format!("error `{code}`: {why}; read the message as `{}`", split.message),
                        "check the message and description of this error row; correct them in specs/overrides.yaml if wrong",
                    );
                }
                found.extend(nonempty(Role::Message, split.message, line.no));
                found.extend(nonempty(Role::Description, split.description, line.no));
            }
            (true, false) => found.extend(nonempty(Role::Message, rest, line.no)),
            (false, _) => found.extend(nonempty(Role::Description, rest, line.no)),
        }
        Some(self.assemble_row(header, line.no, 0, found))
    }

    pub fn push_table(&mut self, header: Header, rows: Vec<Row>) {
        let line = header.cells.first().map_or(0, |c| c.line);
        if rows.is_empty() {
            self.warn(
                "empty-table",
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

fn nonempty(role: Role, text: &str, line: usize) -> Option<(Role, Cell)> {
    (!text.is_empty()).then(|| (role, Cell::new(text, line)))
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

/// Message and description of an error row, and why the split is in doubt (if it is).
#[derive(Debug, PartialEq)]
pub(crate) struct MessageSplit<'a> {
    pub message: &'a str,
    pub description: &'a str,
    pub doubt: Option<String>,
}

/// Splits `message description` where the page wrote both on one line. The English pages
/// start descriptions with "The error message returned" (or "... is returned"); otherwise
/// the message is taken to be the first sentence.
pub(crate) fn split_message(text: &str) -> MessageSplit<'_> {
    const MARKERS: &[&str] = &[
        "The error message returned",
        "The error message is returned",
    ];
    let marker_at = MARKERS
        .iter()
        .filter_map(|m| text.find(m))
        .filter(|&at| at > 0)
        .min();
    if let Some(at) = marker_at {
        let (message, description) = text.split_at(at);
        let repeats = MARKERS
            .iter()
            .map(|m| text.matches(m).count())
            .sum::<usize>()
            > 1;
        let doubt = repeats.then(|| {
            "the description marker \"The error message returned\" occurs more than once"
                .to_string()
        });
        return MessageSplit {
            message: message.trim(),
            description: description.trim(),
            doubt,
        };
    }
    let ends = sentence_ends(text);
    match ends.first() {
        None => MessageSplit {
            message: text,
            description: "",
            doubt: Some(
                "message and description cannot be told apart (one sentence only)".to_string(),
            ),
        },
        Some(&at) => {
            let (message, description) = text.split_at(at);
            let doubt = (ends.len() > 1).then(|| {
                format!("message and description are not marked; {} sentence boundaries, took the first", ends.len())
            });
            MessageSplit {
                message: message.trim(),
                description: description.trim(),
                doubt,
            }
        }
    }
}

/// Byte offsets just after each `.`, `!` or `?` that is followed by a space and a capital.
fn sentence_ends(text: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    chars
        .windows(3)
        .filter(|w| matches!(w[0].1, '.' | '!' | '?') && w[1].1 == ' ' && w[2].1.is_uppercase())
        .map(|w| w[1].0)
        .collect()
}

/// Rejects what cannot be page text at all: nothing but blanks, or binary data.
fn check_text(path: &str, text: &str) -> Result<(), Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::error(
            "empty-document",
            Span::new(path, 1),
            "the document is empty",
        ));
    }
    if let Some(at) = text.find(|c: char| c == '\0' || (c.is_control() && !c.is_whitespace())) {
        let line = text[..at].matches('\n').count() + 1;
        return Err(Diagnostic::error(
            "binary-data",
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
            "no-table",
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
    fn splits_at_the_description_marker() {
        let s = split_message(
            "You are not allowed to create virtual physical connection. Please contact you CBM. The error message returned because you do not have the permissions.",
        );
        assert_eq!(
            s.message,
            "You are not allowed to create virtual physical connection. Please contact you CBM."
        );
        assert!(s
            .description
            .starts_with("The error message returned because"));
        assert_eq!(s.doubt, None);
        let s = split_message("The quota of X is exceeded The error message is returned because the quota is used up.");
        assert_eq!(s.message, "The quota of X is exceeded");
        assert_eq!(s.doubt, None);
    }

    #[test]
    fn splits_at_a_sentence_and_doubts_when_there_are_several() {
        let s = split_message("The param format of %s is illegal. Illegal parameter format");
        assert_eq!(
            (s.message, s.description, s.doubt),
            (
                "The param format of %s is illegal.",
                "Illegal parameter format",
                None
            )
        );
        let s = split_message(
            "ECR Quota Exceeded. The number of instances has reached the limit. Please contact us.",
        );
        assert_eq!(s.message, "ECR Quota Exceeded.");
        assert_eq!(
            s.description,
            "The number of instances has reached the limit. Please contact us."
        );
        assert!(s.doubt.is_some());
        let s = split_message("no boundary here");
        assert_eq!((s.message, s.description), ("no boundary here", ""));
        assert!(s.doubt.is_some());
    }

    #[test]
    fn one_line_headers() {
        let line = Line {
            no: 3,
            text: "HttpCode Error code Error message Description",
        };
        let h = header_on_one_line(&line).map(|h| h.roles);
        assert_eq!(
            h,
            Some(vec![
                Role::Status,
                Role::Code,
                Role::Message,
                Role::Description
            ])
        );
        let line = Line {
            no: 3,
            text: "Parameter Type Required Example Description",
        };
        assert_eq!(
            header_on_one_line(&line).and_then(|h| h.kind()),
            Some(TableKind::Params)
        );
        assert!(header_on_one_line(&Line {
            no: 1,
            text: "The Type of the Parameter"
        })
        .is_none());
        assert!(header_on_one_line(&Line {
            no: 1,
            text: "Name Type Name"
        })
        .is_none());
    }

    #[test]
    fn vocabulary() {
        assert!(is_type_word("String") && is_type_word("array<object>") && is_type_word("integer"));
        assert!(!is_type_word("array of") && !is_type_word("Yes"));
        assert!(
            is_container_type("array<string>")
                && is_container_type("object")
                && !is_container_type("Long")
        );
        assert!(is_identifier("Tag.N.Key") && !is_identifier("%s") && !is_identifier("a b"));
        assert_eq!(
            page_title("Express Connect:CreateExpressConnectRouter"),
            Some("CreateExpressConnectRouter")
        );
        assert_eq!(page_title("Last Updated:Dec 04, 2025"), None);
        assert_eq!(
            clean_text("  • `true`: sends a check"),
            "- true: sends a check"
        );
    }

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
