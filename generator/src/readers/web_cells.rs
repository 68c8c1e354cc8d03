//! Reader for web-page text whose tables have one cell per line, blank lines between
//! (seed 002): the header is one column name per line, then each row is its name, type,
//! Yes/No, description paragraphs and example, each on lines of their own. Rows are found
//! by their shape (a name line, then a type line, then Yes/No when the table has a Required
//! column); an unnamed row (the item of an `array<object>`, the root `object` of a response)
//! starts with its type line. Error tables have a one-cell-per-line header but whole rows
//! on one line; RAM authorization tables get a reader of their own.

use super::web_text::{
    cell_of, column_role, is_container_type, is_identifier, is_section_title, is_type_word,
    is_yes_no, read_page, Header, Line, Page, Role, TableKind,
};
use crate::diag::{DiagKind, Diagnostic};
use crate::doc::{Cell, Document, Format, Row};
use std::collections::HashSet;

pub fn read(path: &str, text: &str) -> Result<Document, Diagnostic> {
    read_page(path, text, Format::WebCells, table_at)
}

/// Reads the table whose header starts at line index `i`, if there is one.
fn table_at(page: &mut Page, i: usize) -> Option<usize> {
    let (header, next) = header_at(&page.lines, i)?;
    let kind = header.kind()?;
    if kind == TableKind::Errors {
        return Some(page.error_table(header, next));
    }
    let end = table_end(&page.lines, next);
    let items: Vec<Line> = page
        .lines
        .get(next..end)
        .unwrap_or_default()
        .iter()
        .filter(|l| !l.is_blank())
        .copied()
        .collect();
    match kind {
        TableKind::Ram => ram_table(page, header, &items),
        _ => params_table(page, header, &items),
    }
    Some(end)
}

/// A header written one column name per line, starting at line index `i`; returns it and
/// the index of the line after its last column.
pub(crate) fn header_at(lines: &[Line], i: usize) -> Option<(Header, usize)> {
    column_role(lines.get(i)?.text)?;
    let mut header = Header {
        cells: Vec::new(),
        roles: Vec::new(),
    };
    let mut next = i;
    for (j, line) in lines.iter().enumerate().skip(i) {
        if line.is_blank() {
            continue;
        }
        match column_role(line.text) {
            Some(role) if header.push(Cell::new(line.trimmed(), line.no), role) => next = j + 1,
            _ => break,
        }
    }
    header.kind().map(|_| (header, next))
}

/// Tables (other than error tables) run to the next section title or table header.
fn table_end(lines: &[Line], from: usize) -> usize {
    (from..lines.len())
        .find(|&j| {
            lines.get(j).is_some_and(|l| is_section_title(l.text)) || header_at(lines, j).is_some()
        })
        .unwrap_or(lines.len())
}

/// Whether a row starts at item `k`: `Some(true)` for a named row (name, type[, Yes/No]),
/// `Some(false)` for an unnamed one (type[, Yes/No]).
fn row_start(items: &[Line], k: usize, has_required: bool) -> Option<bool> {
    let word = |n: usize| items.get(k + n).map(|l| l.trimmed());
    let yes_no_at = |n: usize| !has_required || word(n).is_some_and(is_yes_no);
    if word(0).is_some_and(is_identifier) && word(1).is_some_and(is_type_word) && yes_no_at(2) {
        Some(true)
    } else if word(0).is_some_and(is_type_word)
        && !word(1).is_some_and(is_type_word)
        && yes_no_at(1)
    {
        Some(false)
    } else {
        None
    }
}

/// One row as found: whether it has a name, and its lines.
struct Found<'a> {
    named: bool,
    items: &'a [Line<'a>],
}

fn params_table(page: &mut Page, header: Header, items: &[Line]) {
    let has_required = header.roles.contains(&Role::Required);
    let fixed = |named: bool| usize::from(named) + 1 + usize::from(has_required);
    let mut found = Vec::new();
    let mut k = 0;
    while k < items.len() {
        let Some(named) = row_start(items, k, has_required) else {
            let (line, text) = items.get(k).map_or((0, ""), |l| (l.no, l.trimmed()));
            page.warn(
                DiagKind::UnknownLine,
                line,
                format!("line `{text}` between the table header and its first row is not a row"),
                "a row starts with a name line, a type line and (if the table has a Required column) Yes or No",
            );
            k += 1;
            continue;
        };
        let body = k + fixed(named);
        let mut next = (body..items.len())
            .find(|&m| row_start(items, m, has_required).is_some())
            .unwrap_or(items.len());
        // `TestKey` / `object` / `No` reads both as a row named TestKey and as the example
        // TestKey followed by an unnamed object row; the second is right when this row
        // would otherwise be left without its example. (An unnamed scalar row only follows
        // an array, which has no example, so only an unnamed container is considered.)
        let ty = |at: usize| items.get(at).map_or("", |l| l.trimmed());
        if next == body + 1
            && !is_container_type(ty(k + usize::from(named)))
            && row_start(items, next, has_required) == Some(true)
            && row_start(items, next + 1, has_required) == Some(false)
            && is_container_type(ty(next + 1))
        {
            next += 1;
        }
        found.push(Found {
            named,
            items: items.get(k..next).unwrap_or_default(),
        });
        k = next.max(k + 1);
    }
    let depths = depths(page, &found);
    let rows = found
        .iter()
        .zip(depths)
        .map(|(row, depth)| param_row(page, &header, row, depth))
        .collect();
    page.push_table(header, rows);
}

fn param_row(page: &mut Page, header: &Header, row: &Found, depth: u8) -> Row {
    let line = row.items.first().map_or(0, |l| l.no);
    let mut lines = row.items.iter();
    let mut cells = Vec::new();
    let name = if row.named {
        lines.next().map(|l| l.trimmed()).unwrap_or_default()
    } else {
        ""
    };
    cells.push((Role::Name, Cell::new(name, line)));
    let ty = lines
        .next()
        .map(|l| (l.trimmed(), l.no))
        .unwrap_or_default();
    cells.push((Role::Type, Cell::new(ty.0, ty.1)));
    if header.roles.contains(&Role::Required) {
        cells.extend(
            lines
                .next()
                .map(|l| (Role::Required, Cell::new(l.trimmed(), l.no))),
        );
    }
    let body = lines.as_slice();
    let position = |r| header.roles.iter().position(|&x| x == r);
    if is_container_type(ty.0) || position(Role::Example).is_none() {
        // Container types (array<...>, object) have no example cell on these pages: their
        // items and members carry the examples. So every line after Yes/No is description
        // ("You can add up to 20 tags." belongs to Tag's description).
        cells.extend(cell_of(body).map(|c| (Role::Description, c)));
        if position(Role::Example).is_some() {
            cells.push((Role::Example, Cell::new("", line)));
        }
        return page.assemble_row(header, line, depth, cells);
    }
    let example_last = position(Role::Example) > position(Role::Description);
    let (description, example) = match body {
        [] => (None, None),
        // One line: a sentence is the description, anything else the example; the missing
        // cell is reported when the row is assembled.
        [only] if looks_like_sentence(only.trimmed()) => (Some(body), None),
        [only] => (None, Some(only)),
        [first, rest @ ..] if !example_last => (Some(rest), Some(first)),
        [rest @ .., last] => (Some(rest), Some(last)),
    };
    cells.extend(
        description
            .and_then(cell_of)
            .map(|c| (Role::Description, c)),
    );
    cells.extend(example.map(|l| (Role::Example, Cell::new(l.trimmed(), l.no))));
    page.assemble_row(header, line, depth, cells)
}

fn looks_like_sentence(text: &str) -> bool {
    text.ends_with('.') || text.split_whitespace().count() > 3
}

/// An open container while assigning depths.
struct Open {
    line: usize,
    /// The first row of the table, unnamed (a response's root `object`): everything below
    /// belongs to it, so membership is certain.
    root: bool,
    /// An array of scalars: its one item row is unnamed and nothing follows it inside.
    scalar_array: bool,
    item_seen: bool,
    /// Whether the guessed extent of its members has been reported.
    reported: bool,
}

/// Depth of each row. An unnamed row right after an array is the array's item (depth + 1);
/// rows after an object (or an array of objects' item) are its members. The page does not
/// show where members end, so they are taken to run to the end of the table, and that
/// guess is reported once per container (except a response's root object).
fn depths(page: &mut Page, rows: &[Found]) -> Vec<u8> {
    let mut open: Vec<Open> = Vec::new();
    let mut depths = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        while open
            .last()
            .is_some_and(|o| o.scalar_array && (row.named || o.item_seen))
        {
            open.pop();
        }
        depths.push(u8::try_from(open.len()).unwrap_or(u8::MAX));
        let first = row.items.first();
        let ty = row
            .items
            .get(usize::from(row.named))
            .map_or("", |l| l.trimmed())
            .to_ascii_lowercase();
        if let Some(top) = open.last_mut() {
            if row.named && !top.root && !top.reported {
                top.reported = true;
                let name = first.map_or("", |l| l.trimmed());
                let message = format!(
                    "rows from `{name}` on are read as members of the container at line {} up to the end of the table",
                    top.line
                );
                page.warn(DiagKind::InferredNesting, first.map_or(0, |l| l.no), message, "the page does not show where the members of a nested object end; check the nesting in the IR");
            }
            top.item_seen |= !row.named;
        }
        if is_container_type(&ty) {
            let of_objects =
                ["array<object>", "list<object>", "array<struct>"].contains(&ty.as_str());
            let scalar_array = !of_objects && (ty.starts_with("array<") || ty.starts_with("list<"));
            let root = i == 0 && !row.named;
            open.push(Open {
                line: first.map_or(0, |l| l.no),
                root,
                scalar_array,
                item_seen: false,
                reported: false,
            });
        }
    }
    depths
}

/// `expressconnectrouter:CreateExpressConnectRouter`: the first cell of a RAM row.
fn is_ram_action(text: &str) -> bool {
    text.split_once(':').is_some_and(|(service, action)| {
        service
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase())
            && service
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && is_identifier(action)
            && !action.contains('.')
    })
}

/// `acs:expressconnectrouter::{#accountId}:expressconnectrouter/*`: continues a resource type.
fn is_arn(text: &str) -> bool {
    text.starts_with("acs:") && text.matches(':').count() >= 4
}

fn is_bullet(text: &str) -> bool {
    text.starts_with('•')
}

/// RAM authorization rows: each starts at an action line; then one cell per line, except
/// that a resource type's ARN line continues the resource type, and consecutive list items
/// form one cell (`None` then `• expressconnectrouter:CreateServiceLinkedRole` are the
/// condition key and the dependent actions).
fn ram_table(page: &mut Page, header: Header, items: &[Line]) {
    let mut rows: Vec<Vec<Vec<Line>>> = Vec::new();
    for &item in items {
        let text = item.trimmed();
        let Some(row) = rows.last_mut().filter(|_| !is_ram_action(text)) else {
            if is_ram_action(text) {
                rows.push(vec![vec![item]]);
            } else {
                page.warn(
                    DiagKind::UnknownLine,
                    item.no,
                    format!("line `{text}` before the first RAM action is not part of a row"),
                    "a RAM authorization row starts with `service:Action`",
                );
            }
            continue;
        };
        let continues = row.last().and_then(|cell| cell.last()).is_some_and(|prev| {
            let prev = prev.trimmed();
            (is_bullet(text) && is_bullet(prev))
                || (is_arn(text) && (prev.starts_with('*') || is_arn(prev)))
        });
        match row.last_mut() {
            Some(cell) if continues => cell.push(item),
            _ => row.push(vec![item]),
        }
    }
    let rows = rows
        .into_iter()
        .map(|cells| ram_row(page, &header, cells))
        .collect();
    page.push_table(header, rows);
}

fn ram_row(page: &mut Page, header: &Header, mut cells: Vec<Vec<Line>>) -> Row {
    let line = cells.first().and_then(|c| c.first()).map_or(0, |l| l.no);
    let width = header.roles.len();
    if cells.len() > width {
        let extra: Vec<Line> = cells.drain(width..).flatten().collect();
        page.warn(
            DiagKind::ExtraCell,
            extra.first().map_or(line, |l| l.no),
            format!(
                "RAM row has {} more cells than its header; appended to the last column",
                cells.len() + extra.len() - width
            ),
            "check the row in the source document",
        );
        if let Some(last) = cells.last_mut() {
            last.extend(extra);
        }
    }
    let found = header
        .roles
        .iter()
        .zip(&cells)
        .filter_map(|(&role, lines)| cell_of(&dedupe_items(page, lines)).map(|c| (role, c)))
        .collect();
    page.assemble_row(header, line, 0, found)
}

/// Drops a list item that repeats an earlier one in the same cell (pages sometimes render a
/// dependent action twice), saying so.
fn dedupe_items<'a>(page: &mut Page, lines: &[Line<'a>]) -> Vec<Line<'a>> {
    let mut seen = HashSet::new();
    let mut kept = Vec::new();
    for &line in lines {
        let text = line.trimmed();
        if is_bullet(text) && !seen.insert(text) {
            page.warn(
                DiagKind::DuplicateItem,
                line.no,
                format!("list item `{text}` repeats an earlier item of the same cell; kept once"),
                "the page shows this item twice; nothing to do unless the two were meant to differ",
            );
        } else {
            kept.push(line);
        }
    }
    kept
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

    fn page(lines: &[&str]) -> String {
        lines.join("\n\n")
    }

    #[test]
    fn nested_rows_get_depths_and_containers_no_example() -> Result<(), Diagnostic> {
        let text = page(&[
            "Request parameters",
            "Parameter",
            "Type",
            "Required",
            "Description",
            "Example",
            "Ids",
            "array<string>",
            "No",
            "The IDs.",
            "string",
            "No",
            "An ID.",
            "i-1",
            "Tag",
            "array<object>",
            "No",
            "The tags.",
            "You can add up to 20 tags.",
            "object",
            "No",
            "The tag.",
            "Key",
            "string",
            "No",
            "The key.",
            "k1",
        ]);
        let doc = read("c.txt", &text)?;
        let t = tables(&doc);
        let rows: Vec<(Vec<&str>, u8)> = t[0].rows.iter().map(|r| (texts(r), r.depth)).collect();
        assert_eq!(
            rows,
            [
                (vec!["Ids", "array<string>", "No", "The IDs.", ""], 0),
                (vec!["", "string", "No", "An ID.", "i-1"], 1),
                (
                    vec![
                        "Tag",
                        "array<object>",
                        "No",
                        "The tags.\nYou can add up to 20 tags.",
                        ""
                    ],
                    0
                ),
                (vec!["", "object", "No", "The tag.", ""], 1),
                (vec!["Key", "string", "No", "The key.", "k1"], 2),
            ]
        );
        let kinds: Vec<&str> = doc.diagnostics.iter().map(|d| d.kind.as_str()).collect();
        assert_eq!(kinds, ["inferred-nesting"]);
        Ok(())
    }

    #[test]
    fn an_example_that_looks_like_a_name_before_an_unnamed_row() -> Result<(), Diagnostic> {
        let text = page(&[
            "Parameter",
            "Type",
            "Required",
            "Description",
            "Example",
            "Key",
            "string",
            "No",
            "The key.",
            "TestKey",
            "object",
            "No",
            "The tag.",
        ]);
        let doc = read("c.txt", &text)?;
        let t = tables(&doc);
        assert_eq!(
            texts(&t[0].rows[0]),
            ["Key", "string", "No", "The key.", "TestKey"]
        );
        assert_eq!(texts(&t[0].rows[1]), ["", "object", "No", "The tag.", ""]);
        Ok(())
    }

    #[test]
    fn a_row_without_example_is_padded_and_reported() -> Result<(), Diagnostic> {
        let text = page(&[
            "Element",
            "Type",
            "Description",
            "Example",
            "A",
            "string",
            "The A.",
            "B",
            "string",
            "b1",
        ]);
        let doc = read("c.txt", &text)?;
        let t = tables(&doc);
        assert_eq!(texts(&t[0].rows[0]), ["A", "string", "The A.", ""]);
        assert_eq!(texts(&t[0].rows[1]), ["B", "string", "", "b1"]);
        let missing: Vec<usize> = doc
            .diagnostics
            .iter()
            .filter(|d| d.kind == "missing-cell")
            .map(|d| d.span.line)
            .collect();
        assert_eq!(missing, [9, 15]);
        Ok(())
    }

    #[test]
    fn ram_rows_merge_arns_and_lists_and_drop_repeated_items() -> Result<(), Diagnostic> {
        let text = "Action\n\nAccess level\n\nResource type\n\nCondition key\n\nDependent action\n\nsvc:Do\n\ncreate\n\n\
            *Thing\n\nacs:svc:*:*:thing/*\n\nNone\n  • svc:Other\n  • svc:Other\n\nRequest parameters\n";
        let doc = read("c.txt", text)?;
        let t = tables(&doc);
        assert_eq!(
            texts(&t[0].rows[0]),
            [
                "svc:Do",
                "create",
                "*Thing\nacs:svc:*:*:thing/*",
                "None",
                "- svc:Other"
            ]
        );
        let kinds: Vec<&str> = doc.diagnostics.iter().map(|d| d.kind.as_str()).collect();
        assert_eq!(kinds, ["duplicate-item"]);
        Ok(())
    }
}
