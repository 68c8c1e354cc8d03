//! Reader for English web-page text whose tables have one whole row per line (seed 001):
//!
//! ```text
//! Parameter Type Required Example Description
//! VlanId Long Yes 4
//!
//! The virtual local area network (VLAN) ID ... Valid values: 0 to 2999.
//!   • If the VLAN ID is set to 0, ...
//! ```
//!
//! Cells are separated by single spaces, and the example cell may itself contain spaces, so a
//! row line is recognised by its shape (a name, a type word, Yes/No) and the example takes the
//! rest of the line. The description follows the row line, paragraph by paragraph, up to the
//! next row line. The page has no title heading: its first line is the summary.

use super::web_text::{
    cell_of, header_on_one_line, is_identifier, is_section_title, is_type_word, is_yes_no,
    read_page, Header, Line, Page, Role, TableKind,
};
use crate::diag::{DiagKind, Diagnostic};
use crate::doc::{Cell, Document, Format, Row};

pub fn read(path: &str, text: &str) -> Result<Document, Diagnostic> {
    read_page(path, text, Format::WebRows, table_at)
}

/// Reads the table whose one-line header is at line index `i`, if there is one.
fn table_at(page: &mut Page, i: usize) -> Option<usize> {
    let header = header_on_one_line(page.lines.get(i)?)?;
    match header.kind()? {
        TableKind::Errors => Some(page.error_table(header, i + 1)),
        TableKind::Params => Some(params_table(page, header, i + 1)),
        // RAM tables are not written with whole rows on one line: leave the line to prose.
        TableKind::Ram => None,
    }
}

/// A row line and the lines after it that make up its description.
struct PendingRow<'a> {
    line: usize,
    cells: Vec<(Role, Cell)>,
    description: Vec<Line<'a>>,
}

/// Reads parameter rows until a section title or another table header. Descriptions have no
/// end marker of their own, so prose right after the last row (before the next section
/// title) is read as part of that row's description.
fn params_table(page: &mut Page, header: Header, from: usize) -> usize {
    let mut rows: Vec<PendingRow> = Vec::new();
    let mut i = from;
    while let Some(&line) = page.lines.get(i) {
        if is_section_title(line.text) || header_on_one_line(&line).is_some() {
            break;
        }
        if let Some(cells) = row_line(&header, line) {
            rows.push(PendingRow {
                line: line.no,
                cells,
                description: Vec::new(),
            });
        } else if let Some(row) = rows.last_mut() {
            row.description.push(line);
        } else if !line.is_blank() {
            page.warn(
                DiagKind::UnknownLine,
                line.no,
                format!("line `{}` between the table header and its first row is not a row", line.trimmed()),
                "a row line starts with a name, a type word and (if the table has a Required column) Yes or No",
            );
        }
        i += 1;
    }
    let rows: Vec<Row> = rows
        .into_iter()
        .map(|mut row| {
            row.cells
                .extend(cell_of(&row.description).map(|c| (Role::Description, c)));
            page.assemble_row(&header, row.line, 0, row.cells)
        })
        .collect();
    page.push_table(header, rows);
    i
}

/// The cells written on a row line, by role, when `line` is a row line of a table with
/// `header`. Every column but the description is on the row line, in header order; the last
/// of them takes the rest of the line (examples may contain spaces).
fn row_line(header: &Header, line: Line) -> Option<Vec<(Role, Cell)>> {
    let roles: Vec<Role> = header
        .roles
        .iter()
        .copied()
        .filter(|&r| r != Role::Description)
        .collect();
    let mut rest = line.trimmed();
    let mut cells = Vec::new();
    for (n, &role) in roles.iter().enumerate() {
        let last = n + 1 == roles.len();
        let (word, after) = match rest.split_once(' ') {
            Some((word, after)) if !last => (word, after.trim_start()),
            _ => (rest, ""),
        };
        let fits = match role {
            Role::Name => is_identifier(word),
            Role::Type => is_type_word(word),
            Role::Required => is_yes_no(word),
            _ => true,
        };
        match role {
            // A row without its Yes/No is still a row when name and type say so; the missing
            // cell is padded and reported when the row is assembled.
            Role::Required if !fits && cells.len() == 2 && looks_like_example(rest) => continue,
            _ if !fits => return None,
            _ if word.is_empty() => continue,
            _ => cells.push((role, Cell::new(word, line.no))),
        }
        rest = after;
    }
    (cells.len() >= 2).then_some(cells)
}

/// Whether what is left of a line without Yes/No could be an example value rather than prose.
fn looks_like_example(rest: &str) -> bool {
    !rest.contains(' ') && !rest.ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Block, Table};

    fn tables(doc: &Document) -> Vec<&Table> {
        doc.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .collect()
    }

    fn texts(row: &Row) -> Vec<&str> {
        row.cells.iter().map(|c| c.text.as_str()).collect()
    }

    const PAGE: &str = "Creates a thing.\n\nRequest parameters\n\nParameter Type Required Example Description\n\
        Action String Yes CreateThing\n\nThe operation.\n\nTag.N.Key String No Finance Dept\n\nThe tag key.\n  • a: b\n\
        VlanId Long 4\n\nThe VLAN ID.\n\nError codes\n\nHttpCode Error code Error message Description\n\
        400 Bad.Thing The thing is bad. The error message returned because the thing is bad.\n\nSee also.\n";

    #[test]
    fn reads_rows_with_spaces_in_examples_and_multi_paragraph_descriptions(
    ) -> Result<(), Diagnostic> {
        let doc = read("p.txt", PAGE)?;
        assert!(
            matches!(&doc.blocks[0], Block::Paragraph { text, line: 1, .. } if text == "Creates a thing.")
        );
        let t = tables(&doc);
        assert_eq!(t.len(), 2);
        assert_eq!(
            texts(&t[0].rows[0]),
            ["Action", "String", "Yes", "CreateThing", "The operation."]
        );
        assert_eq!(
            texts(&t[0].rows[1]),
            [
                "Tag.N.Key",
                "String",
                "No",
                "Finance Dept",
                "The tag key.\n- a: b"
            ]
        );
        assert_eq!(t[0].rows[1].cells[4].line, 12);
        assert_eq!(
            texts(&t[1].rows[0]),
            [
                "400",
                "Bad.Thing",
                "The thing is bad.",
                "The error message returned because the thing is bad."
            ]
        );
        assert!(
            matches!(doc.blocks.last(), Some(Block::Paragraph { text, .. }) if text == "See also.")
        );
        Ok(())
    }

    #[test]
    fn a_row_without_yes_no_is_padded_and_reported() -> Result<(), Diagnostic> {
        let doc = read("p.txt", PAGE)?;
        let row = &tables(&doc)[0].rows[2];
        assert_eq!(texts(row), ["VlanId", "Long", "", "4", "The VLAN ID."]);
        let d: Vec<_> = doc
            .diagnostics
            .iter()
            .filter(|d| d.kind == "missing-cell")
            .collect();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].span.line, 14);
        assert!(d[0].message.contains("Required"), "{}", d[0].message);
        Ok(())
    }

    #[test]
    fn prose_is_not_a_row() {
        let h = header_on_one_line(&Line {
            no: 1,
            text: "Parameter Type Required Example Description",
        });
        let Some(h) = h else {
            panic!("header not recognised")
        };
        assert!(row_line(
            &h,
            Line {
                no: 2,
                text: "The string must be short."
            }
        )
        .is_none());
        assert!(row_line(
            &h,
            Line {
                no: 2,
                text: "Note By default, 2G is unavailable."
            }
        )
        .is_none());
        assert!(row_line(
            &h,
            Line {
                no: 2,
                text: "  • true: performs a dry run."
            }
        )
        .is_none());
    }
}
