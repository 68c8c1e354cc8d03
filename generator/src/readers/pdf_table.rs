//! Tab-separated tables of PDF-extracted text.
//!
//! A table starts at a line of known header words (`Name Type Require Description`,
//! `HTTP status code Error code ...`). Every following tab line is a row, unless it
//! continues the row above: an empty first cell (the cell text wrapped onto the next line)
//! or a first cell that continues a name broken at the column width (`RedundantP` /
//! `hysicalCon` / `nectionId`). Cells are cleaned according to their column: names and
//! error codes are re-joined identifiers, descriptions are prose with bullet lists.

use super::pdf_garbled::is_garbled_copy;
use super::pdf_text::Ctx;
use super::pdf_words::{fix_spacing, join_code_like, join_identifier};
use crate::diag::DiagKind;
use crate::doc::{Cell, Row, Table};

/// Markers the PDF puts in front of nested response fields.
const TREE_MARKERS: [char; 4] = ['└', '∟', '⊢', '├'];
/// Bullet characters that start list items.
pub(super) const BULLETS: [char; 2] = ['·', '•'];

/// Header cells (normalized by [`header_key`]) that make a line a table header.
const HEADER_WORDS: &[&str] = &[
    "name",
    "parameter",
    "type",
    "require",
    "required",
    "example value",
    "example",
    "description",
    "default value",
    "httpcode",
    "http code",
    "http status code",
    "error code",
    "error message",
    "api",
    "style",
];
/// Parameter types, for repairing a cell boundary misplaced into a type (`RepeatLi` `sNo`).
const TYPE_WORDS: &[&str] = &[
    "String",
    "Integer",
    "Long",
    "Boolean",
    "Float",
    "Double",
    "List",
    "RepeatList",
    "Array",
    "Object",
    "Map",
    "Json",
];
const REQUIRED_WORDS: &[&str] = &["Yes", "No"];
/// Shortest cut-off type word that is still recognized.
const MIN_TYPE_PREFIX: usize = 4;

/// How a column's cells are cleaned.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Role {
    /// Names and error codes: never contain spaces, so broken pieces are joined.
    Identifier,
    Type,
    Required,
    /// Example values: codes broken by the column are joined, prose kept.
    Example,
    /// Descriptions and everything else: prose, bullets become list items.
    Text,
}

fn header_key(cell: &str) -> String {
    cell.replace('?', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn role(col: usize, header: &str) -> Role {
    match header_key(header).as_str() {
        "name" | "parameter" | "api" if col == 0 => Role::Identifier,
        "error code" => Role::Identifier,
        "type" => Role::Type,
        "require" | "required" => Role::Required,
        "example value" | "example" => Role::Example,
        _ => Role::Text,
    }
}

/// The cells of a tab line, trimmed.
pub(super) fn split_cells(line: &str) -> Vec<String> {
    line.split('\t').map(|c| c.trim().to_string()).collect()
}

/// The header cells when `cells` is a table header (trailing empty cells dropped).
pub(super) fn header(cells: &[String]) -> Option<Vec<String>> {
    let used = cells
        .iter()
        .rposition(|c| !c.is_empty())
        .map_or(0, |i| i + 1);
    let cells = cells.get(..used)?;
    (cells.len() >= 2
        && cells
            .iter()
            .all(|c| HEADER_WORDS.contains(&header_key(c).as_str())))
    .then(|| cells.to_vec())
}

/// Text of one cell as it came from one line.
struct Fragment {
    text: String,
    line: usize,
}

struct RawRow {
    line: usize,
    /// Per column, the fragments in line order.
    cells: Vec<Vec<Fragment>>,
}

/// A table being read, possibly across page breaks.
pub(super) struct TableBuilder {
    line: usize,
    header: Vec<Cell>,
    roles: Vec<Role>,
    rows: Vec<RawRow>,
}

impl TableBuilder {
    pub(super) fn new(header: Vec<String>, line: usize) -> Self {
        let roles = header.iter().enumerate().map(|(i, h)| role(i, h)).collect();
        let header = header.into_iter().map(|h| Cell::new(h, line)).collect();
        TableBuilder {
            line,
            header,
            roles,
            rows: Vec::new(),
        }
    }

    /// Whether a repeated header (after a page break) continues this table.
    pub(super) fn has_header(&self, header: &[String]) -> bool {
        self.header.len() == header.len()
            && self.header.iter().zip(header).all(|(a, b)| a.text == *b)
    }

    pub(super) fn push(&mut self, cells: Vec<String>, line: usize, ctx: &mut Ctx) {
        let width = self.header.len();
        let continues = self.rows.last().is_some_and(|prev| {
            cells.first().is_none_or(|c| c.is_empty()) || self.continues_name(prev, &cells, ctx)
        });
        if continues {
            if let Some(prev) = self.rows.last_mut() {
                place(&mut prev.cells, cells, line);
            }
            return;
        }
        // `n<TAB>rest of the description`: the rest of the name with the empty middle cells
        // dropped; the rest goes to the last column.
        let short_continuation = cells.len() < width
            && self
                .rows
                .last()
                .is_some_and(|prev| self.continues_name(prev, &cells[..1], ctx));
        if short_continuation {
            let last = width.saturating_sub(1);
            if let Some(prev) = self.rows.last_mut() {
                let mut spread = vec![String::new(); width];
                let mut rest = cells.into_iter();
                spread[0] = rest.next().unwrap_or_default();
                spread[last] = rest.collect::<Vec<_>>().join(" ");
                place(&mut prev.cells, spread, line);
            }
            return;
        }
        let used = cells
            .iter()
            .rposition(|c| !c.is_empty())
            .map_or(0, |i| i + 1);
        if used > width {
            ctx.warn(
                DiagKind::ExtraCell,
                line,
                format!("table row has {used} cells but the header has {width}; the extra cells were appended to the last one"),
                "check the row against the document; a cell may contain a tab",
            );
        } else if cells.len() < width {
            ctx.warn(
                DiagKind::MissingCell,
                line,
                format!(
                    "table row has {} cells but the header has {width}; padded with empty cells",
                    cells.len()
                ),
                "check the row against the document; a cell may be missing",
            );
        }
        let mut row = RawRow {
            line,
            cells: (0..width).map(|_| Vec::new()).collect(),
        };
        place(&mut row.cells, cells, line);
        self.rows.push(row);
    }

    /// `hysicalCon` under `RedundantP`: a lowercase identifier piece in the name column,
    /// after a name whose last piece filled the column, with the middle columns empty.
    fn continues_name(&self, prev: &RawRow, cells: &[String], ctx: &Ctx) -> bool {
        let name_piece = cells.first().is_some_and(|c| {
            c.starts_with(|ch: char| ch.is_ascii_lowercase())
                && c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_')
        });
        let middle_empty = cells
            .iter()
            .skip(1)
            .take(self.header.len().saturating_sub(2))
            .all(|c| c.is_empty());
        // The name above filled the column, or the joined name is one the document writes
        // whole elsewhere (`ClientToke` + `n`: `ClientToken` in the request example).
        let prev_full = prev
            .cells
            .first()
            .and_then(|frags| frags.last())
            .and_then(|f| f.text.split_whitespace().last())
            .map(|piece| piece.trim_start_matches(TREE_MARKERS))
            .is_some_and(|piece| {
                ctx.words.is_full_piece(piece)
                    || cells
                        .first()
                        .is_some_and(|c| ctx.words.writes_whole(&format!("{piece}{c}")))
            });
        self.roles.first() == Some(&Role::Identifier) && name_piece && middle_empty && prev_full
    }

    /// A line without tabs that is the rest of the last row's name (`on` under
    /// `PeerLocati`): taken into the row instead of ending the table.
    pub(super) fn takes_name_piece(&mut self, text: &str, line: usize, ctx: &mut Ctx) -> bool {
        let cells = vec![text.to_string()];
        let takes = self
            .rows
            .last()
            .is_some_and(|prev| self.continues_name(prev, &cells, ctx));
        if takes {
            self.push(cells, line, ctx);
        }
        takes
    }

    pub(super) fn finish(self, ctx: &mut Ctx) -> Table {
        let type_col = self.roles.iter().position(|r| *r == Role::Type);
        let mut rows = Vec::with_capacity(self.rows.len());
        let mut marked = Vec::with_capacity(self.rows.len());
        for raw in self.rows {
            let mut cells = raw.cells.into_iter();
            let mut name = cells.next().unwrap_or_default();
            let depth = strip_markers(&mut name);
            let mut out: Vec<Cell> = std::iter::once(name)
                .chain(cells)
                .zip(&self.roles)
                .map(|(frags, role)| finish_cell(*role, frags, raw.line, ctx))
                .collect();
            repair_boundary(&mut out, &self.roles, raw.line, ctx);
            marked.push(depth > 0);
            rows.push(Row {
                line: raw.line,
                depth,
                cells: out,
            });
        }
        infer_nesting(&mut rows, &marked, type_col, ctx);
        Table {
            line: self.line,
            header: self.header,
            rows,
        }
    }
}

/// Puts the non-empty cells of one line into `row` (extra cells go to the last column).
fn place(row: &mut [Vec<Fragment>], cells: Vec<String>, line: usize) {
    let last = row.len().saturating_sub(1);
    for (i, text) in cells.into_iter().enumerate().filter(|(_, t)| !t.is_empty()) {
        if let Some(col) = row.get_mut(i.min(last)) {
            col.push(Fragment { text, line });
        }
    }
}

/// Removes tree markers from the start of the name cell and returns the depth they show.
fn strip_markers(name: &mut [Fragment]) -> u8 {
    let Some(first) = name.first_mut() else {
        return 0;
    };
    let depth = first
        .text
        .chars()
        .filter(|c| !c.is_whitespace())
        .take_while(|c| TREE_MARKERS.contains(c))
        .count();
    first.text = first
        .text
        .trim_start_matches(|c: char| TREE_MARKERS.contains(&c) || c.is_whitespace())
        .to_string();
    u8::try_from(depth).unwrap_or(u8::MAX)
}

fn finish_cell(role: Role, frags: Vec<Fragment>, row_line: usize, ctx: &mut Ctx) -> Cell {
    let line = frags.first().map_or(row_line, |f| f.line);
    let joined = || {
        frags
            .iter()
            .map(|f| f.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let text = match role {
        Role::Identifier => match join_identifier(&joined(), &ctx.words) {
            Some((id, guessed)) => {
                if guessed {
                    ctx.warn(
                        DiagKind::AmbiguousRejoin,
                        line,
                        format!("joined the pieces of `{}` into `{id}` although the breaks do not match the column width", joined()),
                        "check the name against the document",
                    );
                }
                id
            }
            None => ctx.clean(&joined(), line),
        },
        Role::Example => ctx.clean(&join_code_like(&fix_spacing(&joined())), line),
        Role::Type | Role::Required => fix_spacing(&joined()),
        Role::Text => text_cell(frags, ctx),
    };
    Cell::new(text, line)
}

/// A prose cell: wrapped lines joined, bullets as `- ` list items on their own lines,
/// scrambled duplicate lines dropped (and reported).
fn text_cell(frags: Vec<Fragment>, ctx: &mut Ctx) -> String {
    let mut kept: Vec<Fragment> = Vec::with_capacity(frags.len());
    for f in frags {
        if kept
            .last()
            .is_some_and(|prev| is_garbled_copy(&f.text, &prev.text, f.line, &ctx.words))
        {
            ctx.warn(
                DiagKind::GarbledLine,
                f.line,
                format!(
                    "dropped `{}`: it looks like a corrupted copy of the line before it",
                    f.text
                ),
                "compare with the original PDF; if the line is real text, fix the source document",
            );
            continue;
        }
        kept.push(f);
    }
    let mut lines: Vec<(String, usize)> = Vec::new();
    for f in &kept {
        for (is_item, seg) in split_bullets(&f.text) {
            match lines.last_mut() {
                Some((last, _)) if !is_item => {
                    last.push(' ');
                    last.push_str(seg);
                }
                _ => lines.push((
                    if is_item {
                        format!("- {seg}")
                    } else {
                        seg.to_string()
                    },
                    f.line,
                )),
            }
        }
    }
    lines
        .into_iter()
        .map(|(text, line)| match text.strip_prefix("- ") {
            Some(item) => format!("- {}", ctx.clean(item, line)),
            None => ctx.clean(&text, line),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Splits `text` at bullets that start a word; each part says whether it is a list item.
pub(super) fn split_bullets(text: &str) -> Vec<(bool, &str)> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut is_item = false;
    let mut prev_space = true;
    for (i, c) in text.char_indices() {
        if BULLETS.contains(&c) && prev_space {
            parts.push((is_item, text.get(start..i).unwrap_or_default()));
            start = i + c.len_utf8();
            is_item = true;
        }
        prev_space = c.is_whitespace();
    }
    parts.push((is_item, text.get(start..).unwrap_or_default()));
    parts
        .into_iter()
        .map(|(item, t)| (item, t.trim()))
        .filter(|(item, t)| *item || !t.is_empty())
        .collect()
}

/// The type word `ty` spells, whole or cut short by the column (`RepeatLis`), when only
/// one type word fits.
fn known_type(ty: &str) -> Option<&'static str> {
    if let Some(w) = TYPE_WORDS.iter().find(|w| w.eq_ignore_ascii_case(ty)) {
        return Some(w);
    }
    let mut prefixed = TYPE_WORDS
        .iter()
        .filter(|w| ty.len() >= MIN_TYPE_PREFIX && w.starts_with(ty));
    match (prefixed.next(), prefixed.next()) {
        (Some(w), None) => Some(w),
        _ => None,
    }
}

/// `RepeatLi` | `sNo`: the extraction put the cell boundary inside the type. When the type
/// and required cells together read `<type><Yes|No>`, the boundary is moved back.
fn repair_boundary(cells: &mut [Cell], roles: &[Role], line: usize, ctx: &mut Ctx) {
    let col = |role| roles.iter().position(|r| *r == role);
    let (Some(t), Some(r)) = (col(Role::Type), col(Role::Required)) else {
        return;
    };
    let (Some(ty), Some(req)) = (cells.get(t), cells.get(r)) else {
        return;
    };
    if REQUIRED_WORDS.contains(&req.text.as_str()) {
        return;
    }
    let joined = format!("{}{}", ty.text, req.text);
    let repaired = REQUIRED_WORDS.iter().find_map(|yn| {
        let ty = joined.strip_suffix(yn)?;
        known_type(ty).map(|w| (w.to_string(), yn.to_string()))
    });
    let Some((new_ty, new_req)) = repaired else {
        return;
    };
    ctx.warn(
        DiagKind::RepairedCellBoundary,
        line,
        format!(
            "type `{}` and required `{}` run together; read as `{new_ty}` and `{new_req}`",
            ty.text, req.text
        ),
        "the PDF extraction misplaced the cell boundary; check the row against the document",
    );
    if let Some(c) = cells.get_mut(t) {
        c.text = new_ty;
    }
    if let Some(c) = cells.get_mut(r) {
        c.text = new_req;
    }
}

/// Rows without a marker between marked rows are children too (the PDF dropped their
/// marker), unless they are containers themselves (no type, array or object); rows after
/// the last marked row are top level.
fn infer_nesting(rows: &mut [Row], marked: &[bool], type_col: Option<usize>, ctx: &mut Ctx) {
    let last_marked = marked.iter().rposition(|&m| m);
    let mut depth_above = None;
    for (i, (row, &is_marked)) in rows.iter_mut().zip(marked).enumerate() {
        if is_marked {
            depth_above = Some(row.depth);
            continue;
        }
        let container = type_col.and_then(|c| row.cells.get(c)).is_some_and(|c| {
            let ty = c.text.to_lowercase();
            ty.is_empty() || ty.contains("array") || ty.contains("object")
        });
        match depth_above {
            Some(depth) if last_marked.is_some_and(|l| l > i) && !container => {
                row.depth = depth;
                let name = row
                    .cells
                    .first()
                    .map(|c| c.text.as_str())
                    .unwrap_or_default();
                ctx.warn(
                    DiagKind::InferredNesting,
                    row.line,
                    format!("`{name}` has no nesting marker but sits between nested rows; read as nested at depth {depth}"),
                    "check in the document whether this field belongs to the object above",
                );
            }
            _ => depth_above = None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_recognized() {
        let cells = split_cells("Parameter\tType\tRequired ?\tExample value\tDescription\t");
        assert_eq!(header(&cells).map(|h| h.len()), Some(5));
        assert!(header(&split_cells("RegionId\tString\tYes\tThe region")).is_none());
        assert!(header(&split_cells("API")).is_none());
    }

    #[test]
    fn bullets_split_into_items() {
        assert_eq!(
            split_bullets("Valid values: · Normal · Locked: overdue"),
            vec![
                (false, "Valid values:"),
                (true, "Normal"),
                (true, "Locked: overdue")
            ]
        );
        assert_eq!(
            split_bullets("· CU : China Unicom"),
            vec![(true, "CU : China Unicom")]
        );
        assert_eq!(split_bullets("a·b"), vec![(false, "a·b")]);
    }

    #[test]
    fn type_words_whole_or_cut_short() {
        assert_eq!(known_type("RepeatLis"), Some("RepeatList"));
        assert_eq!(known_type("string"), Some("String"));
        assert_eq!(known_type("Lo"), None);
        assert_eq!(known_type("Strong"), None);
    }

    #[test]
    fn roles_follow_the_header() {
        assert_eq!(role(0, "Name"), Role::Identifier);
        assert_eq!(role(1, "Name"), Role::Text);
        assert_eq!(role(1, "Error code"), Role::Identifier);
        assert_eq!(role(2, "Required ?"), Role::Required);
    }
}
