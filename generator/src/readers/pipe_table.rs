//! Alibaba pipe tables, which are not valid GFM: a row starts with `|` and its last cell
//! runs on over the following lines (blank lines included) until a line ending in `|`
//! (often a lone ` |`). Rows are therefore rebuilt line by line here, and each cell's
//! Markdown is then rendered to plain text.

use super::line_index::LineIndex;
use super::md_plain::{self, plain_text};
use super::table_fit;
use crate::diag::{DiagKind, Diagnostic, Span};
use crate::doc::{Cell, Row, Table};
use std::ops::Range;

/// One source line without its line break, and the byte offset where it starts.
#[derive(Clone, Copy)]
pub struct Line<'a> {
    pub text: &'a str,
    pub start: usize,
}

impl<'a> Line<'a> {
    pub fn split(text: &'a str) -> Vec<Line<'a>> {
        let mut start = 0;
        text.split('\n')
            .map(|raw| {
                let line = Line {
                    text: raw.strip_suffix('\r').unwrap_or(raw),
                    start,
                };
                start += raw.len() + 1;
                line
            })
            .collect()
    }

    fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// Where the reader is: the document's path, text, lines and line index.
pub struct Source<'a> {
    pub path: &'a str,
    pub text: &'a str,
    pub lines: &'a [Line<'a>],
    pub index: &'a LineIndex,
}

/// Header rows are short; a header spread over more lines than this is not one.
const MAX_HEADER_LINES: usize = 8;

/// Does a pipe table (header row, then a `|--|:-|` separator) start at line `i` (0-based)?
pub fn starts_at(lines: &[Line], i: usize) -> bool {
    header_end(lines, i).is_some()
}

/// The last line of the header starting at `i`. Usually the header is one line; some docs
/// put each header cell on its own line (`|Specification` / blank / `|Number of ...`).
fn header_end(lines: &[Line], i: usize) -> Option<usize> {
    let first = lines.get(i)?.text.trim();
    if !first.starts_with('|') || first.len() < 2 || is_separator(first) {
        return None;
    }
    let mut k = i;
    while !ends_with_pipe(lines.get(k)?.text) {
        k += 1;
        let t = lines.get(k)?.text.trim();
        if k - i >= MAX_HEADER_LINES || !(t.is_empty() || t.starts_with('|')) || is_separator(t) {
            return None;
        }
    }
    lines
        .get(k + 1)
        .is_some_and(|l| is_separator(l.text.trim()))
        .then_some(k)
}

fn is_separator(t: &str) -> bool {
    t.starts_with('|')
        && t.contains('-')
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// Reads the table whose header starts at line `first` (see [`starts_at`]); returns it
/// with the 0-based index of the first line after it.
pub fn read(src: &Source, first: usize, diags: &mut Vec<Diagnostic>) -> (Table, usize) {
    let header_last = header_end(src.lines, first).unwrap_or(first);
    let header_start = src.lines.get(first).map_or(0, |l| l.start);
    let header_stop = src.lines.get(header_last).map_or(header_start, Line::end);
    let header_text = src.text.get(header_start..header_stop).unwrap_or("");
    let header = cells(src, header_start, header_text, &pieces(header_text, false));
    let width = header.len();
    let mut rows = Vec::new();
    let mut i = header_last + 2;
    while let Some(line) = src.lines.get(i) {
        let t = line.text.trim();
        if !t.starts_with('|') {
            break;
        }
        if t == "|" {
            diags.push(warn(
                src,
                i,
                DiagKind::StrayRowEnd,
                "a lone `|` outside any table row was ignored".into(),
            ));
            i += 1;
            continue;
        }
        let (last, closed) = row_extent(src.lines, i, width);
        if !closed {
            let msg = "table row never ends with `|`; it was closed at the next row, heading or end of file";
            diags.push(warn(src, i, DiagKind::UnterminatedRow, msg.into()));
        }
        let end = src.lines.get(last).map_or(line.end(), Line::end);
        let row_text = src.text.get(line.start..end).unwrap_or("");
        rows.push(row(src, i, line.start, row_text, width, diags));
        i = last + 1;
    }
    (
        Table {
            line: first + 1,
            header,
            rows,
        },
        i,
    )
}

/// The last line (0-based) of the row starting at `first`, and whether it was closed by `|`.
/// A line ending in `|` closes the row unless the row is still short of cells and text
/// follows (`|Type|String|Yes|Intranet|` with the description on the next lines); a line
/// starting with `|` is the next cell while the row is short, else the next row.
fn row_extent(lines: &[Line], first: usize, width: usize) -> (usize, bool) {
    let mut seps = 0;
    let mut k = first;
    while let Some(line) = lines.get(k) {
        seps += pipe_count(line.text);
        if ends_with_pipe(line.text) && (seps > width || !text_follows(lines, k + 1)) {
            return (k, true);
        }
        let Some(next) = lines.get(k + 1) else { break };
        let starts_row = next.text.trim_start().starts_with('|') && next.text.trim() != "|";
        if (starts_row && seps >= width) || is_heading(next.text) {
            break;
        }
        k += 1;
    }
    (k.min(lines.len().saturating_sub(1)), false)
}

/// Is the next non-blank line from `k` on continuation text (not a row, heading or end)?
fn text_follows(lines: &[Line], k: usize) -> bool {
    lines
        .iter()
        .skip(k)
        .find(|l| !l.text.trim().is_empty())
        .is_some_and(|l| !l.text.starts_with('|') && !is_heading(l.text))
}

fn is_heading(line: &str) -> bool {
    let hashes = line.len() - line.trim_start_matches('#').len();
    (1..=6).contains(&hashes) && line.get(hashes..).is_some_and(|rest| rest.starts_with(' '))
}

fn ends_with_pipe(line: &str) -> bool {
    let t = line.trim_end();
    t.strip_suffix('|')
        .is_some_and(|before| before.chars().rev().take_while(|&c| c == '\\').count() % 2 == 0)
}

fn pipe_count(line: &str) -> usize {
    separators(line, false).len()
}

/// Splits one rebuilt row into exactly `width` cells. Pipes in a cell are usually inside
/// bold (`**2|4|6**`); otherwise extra pieces belong to the last (description) column.
fn row(
    src: &Source,
    i: usize,
    base: usize,
    text: &str,
    width: usize,
    diags: &mut Vec<Diagnostic>,
) -> Row {
    let mut ranges = pieces(text, false);
    if ranges.len() != width {
        let protected = pieces(text, true);
        if protected.len() == width {
            ranges = protected;
        } else if ranges.len() > width && width > 0 {
            let mut extra_seps = ranges
                .get(width - 1..ranges.len() - 1)
                .unwrap_or(&[])
                .iter()
                .map(|r| r.end);
            if !extra_seps.all(|at| separates_values(text, at)) {
                let msg = format!("row has {} `|`-separated cells but the header has {width}; the extra `|` were kept in the last cell", ranges.len());
                diags.push(warn(src, i, DiagKind::ExtraCell, msg));
            }
            let tail_start = ranges.get(width - 1).map_or(0, |r| r.start);
            let tail_end = ranges.last().map_or(0, |r| r.end);
            ranges.truncate(width - 1);
            ranges.push(tail_start..tail_end);
        }
    }
    let mut cells = cells(src, base, text, &ranges);
    for cell in cells.iter().filter(|c| md_plain::has_stray_strong(&c.text)) {
        let msg = format!(
            "`**` left in cell text {:?}: CommonMark does not read it as bold here",
            cell.text
        );
        let d = Diagnostic::warning(
            DiagKind::UnrenderedEmphasis,
            Span::new(src.path, cell.line),
            msg,
        );
        diags.push(d.with_hint(
            "write the bold with a space or without punctuation inside, e.g. `为 **-1** 时`",
        ));
    }
    let depth = cells.first_mut().map_or(0, table_fit::strip_depth_markers);
    table_fit::pad(&mut cells, width, src.path, i + 1, diags);
    Row {
        line: i + 1,
        depth,
        cells,
    }
}

/// A `|` written between values (`**VPC**|**VBR**`, `Idle | InUse`) rather than between cells.
fn separates_values(text: &str, at: usize) -> bool {
    let (before, after) = (
        text.get(..at).unwrap_or(""),
        text.get(at + 1..).unwrap_or(""),
    );
    (before.ends_with("**") || after.starts_with("**"))
        || (before.ends_with(' ') && after.starts_with(' '))
}

/// Byte ranges of the cells of a row: text between unescaped `|`. With `protect`, pipes
/// inside `**bold**` or `` `code` `` do not separate cells.
fn pieces(row: &str, protect: bool) -> Vec<Range<usize>> {
    let seps = separators(row, protect);
    let mut ranges: Vec<Range<usize>> = seps
        .windows(2)
        .filter_map(|w| Some(w.first()? + 1..*w.get(1)?))
        .collect();
    // An unterminated row's last cell runs to the end of the text.
    if let Some(&last) = seps.last() {
        if row
            .get(last + 1..)
            .is_some_and(|rest| !rest.trim().is_empty())
        {
            ranges.push(last + 1..row.len());
        }
    }
    ranges
}

/// Byte offsets of the unescaped `|` of `row` (see [`pieces`] for `protect`).
fn separators(row: &str, protect: bool) -> Vec<usize> {
    let bytes = row.as_bytes();
    let mut seps = Vec::new();
    let (mut bold, mut code) = (false, false);
    let mut k = 0;
    while let Some(&b) = bytes.get(k) {
        match b {
            b'\\' => k += 1,
            b'`' if protect => code = !code,
            b'*' if protect && !code && bytes.get(k + 1) == Some(&b'*') => {
                bold = !bold;
                k += 1;
            }
            b'|' if !bold && !code => seps.push(k),
            _ => {}
        }
        k += 1;
    }
    seps
}

/// Renders each range of `text` (which starts at byte `base` of the document) to a cell
/// whose line is that of its first non-blank character.
fn cells(src: &Source, base: usize, text: &str, ranges: &[Range<usize>]) -> Vec<Cell> {
    ranges
        .iter()
        .map(|r| {
            let md = text.get(r.clone()).unwrap_or("");
            let lead = md.len() - md.trim_start().len();
            let at = if md.trim().is_empty() {
                r.start
            } else {
                r.start + lead
            };
            Cell::new(plain_text(md), src.index.line(base + at))
        })
        .collect()
}

fn warn(src: &Source, i: usize, kind: DiagKind, message: String) -> Diagnostic {
    Diagnostic::warning(kind, Span::new(src.path, i + 1), message)
        .with_hint("Alibaba pipe-table rows start with `|` and end with a line ending in `|`")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(text: &str) -> (Table, usize, Vec<Diagnostic>) {
        let lines = Line::split(text);
        let index = LineIndex::new(text);
        let src = Source {
            path: "t.md",
            text,
            lines: &lines,
            index: &index,
        };
        let mut diags = Vec::new();
        let (table, end) = read(&src, 0, &mut diags);
        (table, end, diags)
    }

    fn texts(row: &Row) -> Vec<&str> {
        row.cells.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn multi_line_cells_close_on_a_lone_pipe() {
        let text = "|名称|类型|描述|\n|--|--|--|\n|Action|String|要执行的操作。\n\n 取值：**Create**。\n\n |\n|Name|String|名称。|\n\n## next";
        let (table, end, diags) = read_str(text);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(end, 8);
        assert_eq!(table.rows.len(), 2);
        assert_eq!(
            texts(&table.rows[0]),
            ["Action", "String", "要执行的操作。\n取值：Create。"]
        );
        assert_eq!((table.rows[0].line, table.rows[0].cells[2].line), (3, 3));
        assert_eq!(table.rows[1].line, 8);
    }

    #[test]
    fn pipes_inside_bold_stay_in_their_cell() {
        let text = "|名称|类型|描述|\n|--|--|--|\n|Bandwidth|Integer|带宽。\n\n 取值：**2|4|6|40000**\n\n |\n";
        let (table, _, diags) = read_str(text);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            texts(&table.rows[0]),
            ["Bandwidth", "Integer", "带宽。\n取值：2|4|6|40000"]
        );
        assert_eq!(table.rows[0].cells[2].line, 3);
    }

    #[test]
    fn unexplained_extra_pipes_go_to_the_last_cell_with_a_warning() {
        let (table, _, diags) = read_str("|a|b|\n|-|-|\n|x|y|z|\n");
        assert_eq!(texts(&table.rows[0]), ["x", "y|z"]);
        assert_eq!(diags[0].kind, "extra-cell");
    }

    #[test]
    fn escaped_pipes_do_not_split() {
        let (table, _, diags) = read_str("|a|b|\n|-|-|\n|x|y \\| z|\n");
        assert!(diags.is_empty());
        assert_eq!(texts(&table.rows[0]), ["x", "y | z"]);
    }

    #[test]
    fn short_rows_are_padded_and_unterminated_rows_reported() {
        let (table, end, diags) = read_str("|a|b|c|\n|-|-|-|\n|x|y|\n|p|q|r\n# Title\n");
        assert_eq!(end, 4);
        assert_eq!(texts(&table.rows[0]), ["x", "y", ""]);
        assert_eq!(texts(&table.rows[1]), ["p", "q", "r"]);
        let kinds: Vec<&str> = diags.iter().map(|d| d.kind.as_str()).collect();
        assert_eq!(kinds, ["missing-cell", "unterminated-row"]);
    }

    #[test]
    fn depth_markers_become_row_depth() {
        let (table, _, _) = read_str("|名称|类型|\n|--|--|\n|Set| |\n|└Id|String|\n");
        assert_eq!((table.rows[0].depth, table.rows[1].depth), (0, 1));
        assert_eq!(table.rows[1].cells[0].text, "Id");
    }

    #[test]
    fn a_short_row_ending_in_a_pipe_continues_when_text_follows() {
        let text =
            "|a|b|c|\n|-|-|-|\n|Type|Yes|\n\n The type:\n\n -   **x**\n |\n|Id|No|\n\n## Next";
        let (table, end, diags) = read_str(text);
        assert_eq!(end, 9);
        assert_eq!(texts(&table.rows[0]), ["Type", "Yes", "The type:\n- x"]);
        assert_eq!(table.rows[0].cells[2].line, 5);
        assert_eq!(texts(&table.rows[1]), ["Id", "No", ""]);
        assert_eq!(
            diags.iter().map(|d| d.kind.as_str()).collect::<Vec<_>>(),
            ["missing-cell"]
        );
    }

    #[test]
    fn one_cell_per_line_headers_and_rows() {
        let text = "|Spec\n\n|Max\n\n|New |\n|---|---|---|\n|Small\n\n|10,000\n\n|1,000 |\n|Large\n\n|200,000\n\n|20,000 |\n";
        let (table, _, diags) = read_str(text);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            table
                .header
                .iter()
                .map(|c| (c.text.as_str(), c.line))
                .collect::<Vec<_>>(),
            [("Spec", 1), ("Max", 3), ("New", 5)]
        );
        assert_eq!(texts(&table.rows[1]), ["Large", "200,000", "20,000"]);
        assert_eq!((table.rows[1].line, table.rows[1].cells[2].line), (12, 16));
    }

    #[test]
    fn value_lists_in_the_last_cell_are_understood() {
        let (table, _, diags) =
            read_str("|a|b|\n|-|-|\n|x|取值：**VPC**|**VBR**。|\n|y|Valid: Idle | InUse|\n");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(texts(&table.rows[0]), ["x", "取值：VPC|VBR。"]);
        assert_eq!(texts(&table.rows[1]), ["y", "Valid: Idle | InUse"]);
    }

    #[test]
    fn requires_a_separator_line() {
        let lines = Line::split("|a|b|\n|-|:-|\n|a|b|\nplain");
        assert!(starts_at(&lines, 0));
        assert!(!starts_at(&lines, 1));
        assert!(!starts_at(&lines, 2));
    }
}
