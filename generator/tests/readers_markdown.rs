//! The Markdown reader on seed 000 (snapshot) and on the whole shared corpus (robustness).

use specgen::doc::{Block, Document, Table};
use specgen::readers::{html, markdown};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

const SEED_000: &str = "specs/docs/000_765e466a580c64f8.txt";

fn read_seed() -> Document {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let text = std::fs::read_to_string(root.join(SEED_000)).expect("seed 000 is in the repository");
    markdown::read(SEED_000, &text).expect("seed 000 is Markdown")
}

fn tables(doc: &Document) -> Vec<&Table> {
    doc.blocks
        .iter()
        .filter_map(|b| {
            if let Block::Table(t) = b {
                Some(t)
            } else {
                None
            }
        })
        .collect()
}

#[test]
fn seed_000_document() {
    let doc = read_seed();
    assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
    insta::assert_yaml_snapshot!(doc);
}

#[test]
fn seed_000_quirks() {
    let doc = read_seed();
    let Some(Block::Heading {
        text,
        anchor,
        level: 1,
        line: 1,
    }) = doc.blocks.first()
    else {
        panic!("no title")
    };
    assert_eq!(
        (text.as_str(), anchor.as_deref()),
        (
            "CreateExpressCloudConnection",
            Some("doc_api_Vpc_CreateExpressCloudConnection")
        )
    );
    let explorer = "https://api.aliyun.com/#product=Vpc&api=CreateExpressCloudConnection&type=RPC&version=2016-04-28";
    assert!(doc.blocks.iter().any(
        |b| matches!(b, Block::Paragraph { links, .. } if links.iter().any(|l| l == explorer))
    ));

    let request = tables(&doc)[0];
    let row = |name: &str| {
        request
            .rows
            .iter()
            .find(|r| r.cells[0].text == name)
            .expect(name)
    };
    assert_eq!(row("IDCardNo").cells[3].text, "32****************");
    let bandwidth = row("Bandwidth");
    assert_eq!(
        bandwidth.cells[4].text,
        "高速上云连接的带宽， 单位Mbps。\n取值：2|4|6|8|10|20|50|100|200|500|1000|10000|40000"
    );
    assert_eq!((bandwidth.line, bandwidth.cells[4].line), (18, 18));
    assert!(row("Name").cells[4].text.contains("下划线（_）"));
    assert!(row("PortType").cells[4]
        .text
        .ends_with("- 10GBase-T：万兆电口\n- 10GBase-LR：万兆单模光口（10千米）"));
    let codes: Vec<_> = doc
        .blocks
        .iter()
        .filter_map(|b| {
            if let Block::Code { lang, line, .. } = b {
                Some((lang.clone(), *line))
            } else {
                None
            }
        })
        .collect();
    assert_eq!(codes, [(None, 84), (None, 95), (None, 104)]);
}

#[test]
fn html_table_inside_markdown_has_rows_spans_and_lines() {
    let md = "# Op\n\n## 错误码\n\n<table>\n<tr><th>HttpCode</th><th>错误码</th><th>描述</th></tr>\n<tr><td rowspan=\"2\">400</td><td>A</td><td>x<ul><li>one</li><li>two</li></ul></td></tr>\n\n<tr><td>B</td><td colspan=\"1\">y &amp; z</td></tr>\n</table>\n\ntail\n";
    let doc = markdown::read("t.md", md).unwrap();
    assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
    let table = tables(&doc)[0];
    assert_eq!(table.line, 6);
    let texts: Vec<Vec<&str>> = table
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect())
        .collect();
    assert_eq!(
        texts,
        [
            vec!["400", "A", "x\n- one\n- two"],
            vec!["400", "B", "y & z"]
        ]
    );
    assert_eq!(
        table.rows.iter().map(|r| r.line).collect::<Vec<_>>(),
        [7, 9]
    );
    assert!(
        matches!(doc.blocks.last(), Some(Block::Paragraph { text, line: 12, .. }) if text == "tail")
    );
}

#[test]
fn whole_html_page() {
    let page = "<!DOCTYPE html>\n<html><head><title>t</title><script>var a='<h1>';</script></head>\n<body>\n<h1 id=\"x\">CreateThing</h1>\n<p>Creates a <a href=\"https://api.aliyun.com/#api=CreateThing\">thing</a>.</p>\n<table><thead><tr><th>Name</th><th>Type</th></tr></thead>\n<tbody><tr><td>Id</td></tr></tbody></table>\n</body></html>";
    let doc = html::read("p.html", page).unwrap();
    assert_eq!(
        doc.blocks[0],
        Block::Heading {
            level: 1,
            text: "CreateThing".into(),
            anchor: Some("x".into()),
            line: 4
        }
    );
    assert!(
        matches!(&doc.blocks[1], Block::Paragraph { text, line: 5, links } if text == "Creates a thing." && links.len() == 1)
    );
    let table = tables(&doc)[0];
    assert_eq!(
        (table.line, table.rows[0].line, table.rows[0].cells.len()),
        (6, 7, 2)
    );
    assert_eq!(
        doc.diagnostics
            .iter()
            .map(|d| d.kind.as_str())
            .collect::<Vec<_>>(),
        ["missing-cell"]
    );
}

#[test]
fn odd_inputs_do_not_panic() {
    for text in [
        "",
        "|",
        "|a|\n|-|\n|",
        "<table><tr>",
        "```\n|a|\n|-|",
        "|a|b|\n|--|--|\n|x|**y|\n\n",
        "\u{0}\u{1}|\n<table",
    ] {
        let doc = markdown::read("odd.md", text).unwrap();
        for t in tables(&doc) {
            assert!(
                t.rows.iter().all(|r| r.cells.len() == t.header.len()),
                "{text:?}"
            );
        }
    }
}

#[test]
fn truncated_seed_never_panics_and_rows_stay_full_width() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let text = std::fs::read_to_string(root.join(SEED_000)).expect("seed 000 is in the repository");
    for cut in (0..text.len())
        .filter(|&i| text.is_char_boundary(i))
        .step_by(7)
    {
        let doc = markdown::read("cut.md", &text[..cut]).expect("Markdown");
        for t in tables(&doc) {
            assert!(
                t.rows.iter().all(|r| r.cells.len() == t.header.len()),
                "cut at {cut}"
            );
        }
    }
}

fn corpus_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    dir.is_dir().then_some(dir)
}

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            markdown_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "md")
            && path.file_name().is_some_and(|n| n != "README.md")
        {
            out.push(path);
        }
    }
}

#[test]
fn corpus_reads_cleanly() {
    let Some(dir) = corpus_dir() else {
        eprintln!("note: corpus not found next to the workspace (../shared/corpus); skipping");
        return;
    };
    let mut files = Vec::new();
    markdown_files(&dir, &mut files);
    files.sort();
    let texts: Vec<(String, String)> = files
        .iter()
        .map(|f| {
            (
                f.display().to_string(),
                std::fs::read_to_string(f).expect("corpus is UTF-8"),
            )
        })
        .collect();
    let started = Instant::now();
    let docs: Vec<Document> = texts
        .iter()
        .map(|(p, t)| markdown::read(p, t).expect("Markdown"))
        .collect();
    let elapsed = started.elapsed();

    // `**` opening emphasis; masked values (`ecc-d****`) are runs of asterisks.
    let emphasis = regex::Regex::new(r"(^|[^*])\*\*\p{L}").unwrap();
    let (mut n_tables, mut n_rows) = (0, 0);
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for doc in &docs {
        let ts = tables(doc);
        assert!(!ts.is_empty(), "{}: no table", doc.path);
        for t in &ts {
            n_tables += 1;
            n_rows += t.rows.len();
            for r in &t.rows {
                assert_eq!(r.cells.len(), t.header.len(), "{}:{}", doc.path, r.line);
                for c in t.header.iter().chain(&r.cells) {
                    let leftover = emphasis.find(&c.text).map(|m| m.as_str()).or_else(|| {
                        ["\\*", "\\_", "\\(", "`", "&nbsp;", "&lt;"]
                            .into_iter()
                            .find(|m| c.text.contains(m))
                    });
                    // The reader reports `**` it could not render; anything else is a bug.
                    let reported = doc
                        .diagnostics
                        .iter()
                        .any(|d| d.kind == "unrendered-emphasis" && d.span.line == c.line);
                    assert!(
                        leftover.is_none() || reported,
                        "{}:{}: {leftover:?} left in {:?}",
                        doc.path,
                        c.line,
                        c.text
                    );
                }
            }
        }
        for b in &doc.blocks {
            if let Block::Heading { text, line, .. } = b {
                assert!(
                    !text.contains('{'),
                    "{}:{line}: attribute block left in heading {text:?}",
                    doc.path
                );
            }
        }
        for d in &doc.diagnostics {
            *kinds.entry(d.kind.as_str()).or_default() += 1;
            eprintln!("{d}");
        }
    }
    eprintln!(
        "corpus: {} docs, {n_tables} tables, {n_rows} rows, diagnostics {kinds:?}, read in {:.0} ms",
        docs.len(),
        elapsed.as_secs_f64() * 1000.0
    );
    assert!(
        docs.len() > 700,
        "only {} corpus documents found",
        docs.len()
    );
    // Padded rows are a real defect of the document, and rare.
    assert!(
        kinds.get("missing-cell").copied().unwrap_or(0) * 100 < n_rows,
        "too many padded rows"
    );
}
