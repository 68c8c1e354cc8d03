//! Making every row as wide as its header, as the reader contract requires.

use crate::diag::{DiagKind, Diagnostic, Span};
use crate::doc::Cell;

/// Pads a short row with empty cells (at the row's line) and says so; never drops a row.
pub fn pad(
    cells: &mut Vec<Cell>,
    width: usize,
    path: &str,
    line: usize,
    diags: &mut Vec<Diagnostic>,
) {
    if cells.len() >= width {
        return;
    }
    diags.push(
        Diagnostic::warning(
            DiagKind::MissingCell,
            Span::new(path, line),
            format!(
                "table row has {} cells but the header has {}; padded with empty cells",
                cells.len(),
                width
            ),
        )
        .with_hint("check the row in the source document for a missing `|` or a missing value"),
    );
    cells.resize_with(width, || Cell::new("", line));
}

/// Nesting markers some response tables put before a field name (`└Field`).
const DEPTH_MARKERS: [char; 4] = ['└', '∟', '⊢', '├'];

/// Removes leading nesting markers from a name cell; the depth is how many there were.
pub fn strip_depth_markers(cell: &mut Cell) -> u8 {
    let rest = cell
        .text
        .trim_start_matches(|c: char| DEPTH_MARKERS.contains(&c) || c.is_whitespace());
    let prefix = cell.text.get(..cell.text.len() - rest.len()).unwrap_or("");
    let markers = prefix.chars().filter(|c| DEPTH_MARKERS.contains(c)).count();
    if markers == 0 {
        return 0;
    }
    cell.text = rest.to_string();
    u8::try_from(markers).unwrap_or(u8::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_short_rows_and_warns() {
        let mut diags = Vec::new();
        let mut cells = vec![Cell::new("a", 3)];
        pad(&mut cells, 3, "f.md", 3, &mut diags);
        assert_eq!(
            cells,
            vec![Cell::new("a", 3), Cell::new("", 3), Cell::new("", 3)]
        );
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].kind, "missing-cell");

        pad(&mut cells, 3, "f.md", 3, &mut diags);
        assert_eq!(diags.len(), 1);
    }

    #[test]
    fn leading_markers_give_depth() {
        let mut cell = Cell::new("└└ Id└x", 1);
        assert_eq!(strip_depth_markers(&mut cell), 2);
        assert_eq!(cell.text, "Id└x");
        let mut plain = Cell::new(" Name", 1);
        assert_eq!(strip_depth_markers(&mut plain), 0);
        assert_eq!(plain.text, " Name");
    }
}
