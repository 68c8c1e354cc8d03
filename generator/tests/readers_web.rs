//! The web-page-text readers on the seeds (001: whole rows per line, 002: one cell per line):
//! golden document models, and no panic on truncated or damaged copies of them.

use specgen::doc::{Block, Document, Table};
use specgen::readers::{web_cells, web_rows};

const SEED_001: &str = "specs/docs/001_c64127cda3770c00.txt";
const SEED_002: &str = "specs/docs/002_2d38542824175a51.txt";

fn seed(path: &str) -> String {
    let full = format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn tables(doc: &Document) -> Vec<&Table> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

/// (first cell, cell count) of every row of every table.
fn row_shapes(doc: &Document) -> Vec<Vec<(String, usize)>> {
    tables(doc)
        .iter()
        .map(|t| {
            t.rows
                .iter()
                .map(|r| {
                    (
                        r.cells.first().map(|c| c.text.clone()).unwrap_or_default(),
                        r.cells.len(),
                    )
                })
                .collect()
        })
        .collect()
}

#[test]
fn seed_001_golden() {
    let doc = web_rows::read(SEED_001, &seed(SEED_001)).unwrap_or_else(|d| panic!("{d}"));
    let t = tables(&doc);
    assert_eq!(
        t.iter().map(|t| t.rows.len()).collect::<Vec<_>>(),
        [14, 2, 19]
    );
    assert!(t
        .iter()
        .all(|t| t.rows.iter().all(|r| r.cells.len() == t.header.len())));
    insta::assert_yaml_snapshot!(doc);
}

#[test]
fn seed_002_golden() {
    let doc = web_cells::read(SEED_002, &seed(SEED_002)).unwrap_or_else(|d| panic!("{d}"));
    let t = tables(&doc);
    assert_eq!(
        t.iter().map(|t| t.rows.len()).collect::<Vec<_>>(),
        [1, 10, 10, 7]
    );
    let request: Vec<(&str, u8)> = t[1]
        .rows
        .iter()
        .map(|r| (r.cells[0].text.as_str(), r.depth))
        .collect();
    assert_eq!(
        &request[6..],
        [("Tag", 0), ("", 1), ("Key", 2), ("Value", 2)]
    );
    insta::assert_yaml_snapshot!(doc);
}

/// Every prefix of a seed (cut at each line, and inside lines) reads without panicking, and
/// every table row stays as wide as its header.
#[test]
fn truncated_seeds_never_panic() {
    type Reader = fn(&str, &str) -> Result<Document, specgen::diag::Diagnostic>;
    let readers: [(&str, Reader); 2] = [(SEED_001, web_rows::read), (SEED_002, web_cells::read)];
    for (path, _) in readers {
        let text = seed(path);
        let cuts = text
            .match_indices('\n')
            .map(|(i, _)| i)
            .chain(text.char_indices().map(|(i, _)| i).step_by(7));
        for cut in cuts {
            let prefix = &text[..cut];
            // The other reader on the same text exercises every unexpected shape too.
            for (_, any) in readers {
                if let Ok(doc) = any(path, prefix) {
                    for t in tables(&doc) {
                        assert!(
                            t.rows.iter().all(|r| r.cells.len() == t.header.len()),
                            "{path} cut at {cut}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn bad_input_gets_a_diagnostic() {
    for read in [web_rows::read, web_cells::read] {
        assert_eq!(
            read("e.txt", "").map_err(|d| d.kind).err().as_deref(),
            Some("empty-document")
        );
        assert_eq!(
            read("b.txt", "\u{0}\u{1}\u{2}PK")
                .map_err(|d| d.kind)
                .err()
                .as_deref(),
            Some("binary-data")
        );
        let prose =
            read("p.txt", "Just some prose.\n\nNothing else.").unwrap_or_else(|d| panic!("{d}"));
        assert_eq!(
            prose
                .diagnostics
                .iter()
                .map(|d| d.kind.as_str())
                .collect::<Vec<_>>(),
            ["no-table"]
        );
    }
    // A one-line header with nothing after it.
    let doc = web_rows::read("h.txt", "Parameter Type Required Example Description\n")
        .unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(row_shapes(&doc), [Vec::<(String, usize)>::new()]);
    assert!(doc
        .diagnostics
        .iter()
        .any(|d| d.kind == "empty-table" && d.span.line == 1));
}
