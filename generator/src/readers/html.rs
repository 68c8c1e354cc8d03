//! HTML into the document model: whole saved pages, and `<table>` blocks embedded in
//! Markdown. Tables become the same header/rows/cells as pipe tables (rowspan repeats the
//! cell into the rows it spans, colspan leaves the spanned columns empty); line numbers
//! come from [`html_pos`](super::html_pos) because scraper keeps no source positions.

use super::html_pos::element_positions;
use super::line_index::LineIndex;
use super::md_plain::tidy;
use super::table_fit;
use crate::diag::{DiagKind, Diagnostic, Span};
use crate::doc::{Block, Cell, Document, Format, Row, Table};
use ego_tree::{NodeId, NodeRef};
use scraper::{ElementRef, Html, Node};
use std::collections::HashMap;

/// Elements that are not content (page chrome and machinery).
const SKIPPED: [&str; 7] = [
    "head", "script", "style", "noscript", "template", "nav", "svg",
];
/// Elements that start a new block when met in running text.
const BLOCKS: [&str; 23] = [
    "html",
    "body",
    "div",
    "section",
    "article",
    "main",
    "aside",
    "header",
    "footer",
    "figure",
    "form",
    "center",
    "ul",
    "ol",
    "dl",
    "p",
    "li",
    "dt",
    "dd",
    "pre",
    "table",
    "blockquote",
    "caption",
];
/// Spans past this are treated as typos rather than allocating huge grids.
const MAX_SPAN: usize = 64;

/// Reads a whole saved HTML page.
pub fn read(path: &str, text: &str) -> Result<Document, Diagnostic> {
    let index = LineIndex::new(text);
    let mut diagnostics = Vec::new();
    let blocks = blocks(path, text, 0, &index, &mut diagnostics);
    Ok(Document {
        path: path.to_string(),
        format: Format::Html,
        blocks,
        diagnostics,
    })
}

/// Converts `source`, which starts at byte `base` of the document indexed by `index`.
pub fn blocks(
    path: &str,
    source: &str,
    base: usize,
    index: &LineIndex,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Block> {
    let head = source
        .trim_start()
        .get(..9)
        .unwrap_or("")
        .to_ascii_lowercase();
    let html = if head.starts_with("<!doctype") || head.starts_with("<html") {
        Html::parse_document(source)
    } else {
        Html::parse_fragment(source)
    };
    let positions = element_positions(source, &html);
    let mut conv = Converter {
        path,
        positions,
        base,
        index,
        blocks: Vec::new(),
        diags,
        loose: None,
    };
    conv.children(html.tree.root());
    conv.flush();
    conv.blocks
}

struct Converter<'a, 'd> {
    path: &'a str,
    positions: HashMap<NodeId, usize>,
    base: usize,
    index: &'a LineIndex,
    blocks: Vec<Block>,
    diags: &'d mut Vec<Diagnostic>,
    /// Running text outside any paragraph element: (line, text, links).
    loose: Option<(usize, String, Vec<String>)>,
}

impl Converter<'_, '_> {
    fn line(&self, id: NodeId) -> usize {
        self.index
            .line(self.base + self.positions.get(&id).copied().unwrap_or(0))
    }

    fn children(&mut self, node: NodeRef<Node>) {
        for child in node.children() {
            match child.value() {
                Node::Text(t) => {
                    let line = self.line(node.id());
                    self.loose_text(line, &collapse(t), Vec::new());
                }
                Node::Element(_) => {
                    if let Some(el) = ElementRef::wrap(child) {
                        self.element(el);
                    }
                }
                _ => {}
            }
        }
    }

    fn element(&mut self, el: ElementRef) {
        let name = el.value().name();
        let line = self.line(el.id());
        if SKIPPED.contains(&name) {
            return;
        }
        if let Some(level) = heading_level(name) {
            self.flush();
            let anchor = el.value().attr("id").map(str::to_string);
            self.blocks.push(Block::Heading {
                level,
                text: element_text(el),
                anchor,
                line,
            });
            return;
        }
        match name {
            "p" | "li" | "dt" | "dd" | "caption" => {
                self.flush();
                let text = element_text(el);
                if !text.is_empty() {
                    let text = if name == "li" {
                        format!("- {text}")
                    } else {
                        text
                    };
                    self.blocks.push(Block::Paragraph {
                        text,
                        line,
                        links: links(el),
                    });
                }
            }
            "pre" => {
                self.flush();
                let text: String = el.text().collect();
                let lang = el
                    .value()
                    .classes()
                    .find_map(|c| c.strip_prefix("language-"))
                    .map(str::to_string);
                self.blocks.push(Block::Code {
                    lang,
                    text: text.trim_end_matches('\n').to_string(),
                    line,
                });
            }
            "table" => {
                self.flush();
                if let Some(table) = self.table(el) {
                    self.blocks.push(Block::Table(table));
                }
            }
            "br" => self.loose_text(line, "\n", Vec::new()),
            _ if BLOCKS.contains(&name) => {
                self.flush();
                self.children(*el);
                self.flush();
            }
            _ => self.loose_text(line, &inline_text(el), links(el)),
        }
    }

    fn loose_text(&mut self, line: usize, text: &str, links: Vec<String>) {
        let (_, buf, all) = self
            .loose
            .get_or_insert_with(|| (line, String::new(), Vec::new()));
        buf.push_str(text);
        all.extend(links);
    }

    fn flush(&mut self) {
        if let Some((line, text, links)) = self.loose.take() {
            let text = tidy(&text);
            if !text.is_empty() {
                self.blocks.push(Block::Paragraph { text, line, links });
            }
        }
    }

    /// A `<table>`: the first row is the header; spans are expanded into a grid.
    fn table(&mut self, table: ElementRef) -> Option<Table> {
        let trs = own_rows(table);
        let mut grid: Vec<(usize, Vec<Cell>)> = Vec::new();
        // Per column: a cell still spanning down, and how many more rows it covers.
        let mut carry: Vec<Option<(Cell, usize)>> = Vec::new();
        for tr in &trs {
            let mut cells = Vec::new();
            for td in tr
                .children()
                .filter_map(ElementRef::wrap)
                .filter(|e| matches!(e.value().name(), "td" | "th"))
            {
                take_carried(&mut cells, &mut carry);
                let cell = Cell::new(element_text(td), self.line(td.id()));
                let span = |attr| {
                    td.value()
                        .attr(attr)
                        .and_then(|v| v.trim().parse::<usize>().ok())
                        .unwrap_or(1)
                        .clamp(1, MAX_SPAN)
                };
                let (rowspan, colspan) = (span("rowspan"), span("colspan"));
                for k in 0..colspan {
                    let col = cells.len();
                    let placed = if k == 0 {
                        cell.clone()
                    } else {
                        Cell::new("", cell.line)
                    };
                    if rowspan > 1 {
                        if carry.len() <= col {
                            carry.resize(col + 1, None);
                        }
                        if let Some(slot) = carry.get_mut(col) {
                            *slot = Some((placed.clone(), rowspan - 1));
                        }
                    }
                    cells.push(placed);
                }
            }
            take_carried(&mut cells, &mut carry);
            grid.push((self.line(tr.id()), cells));
        }
        let mut rows = grid.into_iter();
        let Some((line, header)) = rows.next() else {
            let d = Diagnostic::warning(
                DiagKind::EmptyHtmlTable,
                Span::new(self.path, self.line(table.id())),
                "an HTML table has no rows; it was ignored",
            );
            self.diags
                .push(d.with_hint("check the <table> markup in the source document"));
            return None;
        };
        let width = header.len();
        let rows = rows
            .map(|(line, cells)| self.fit(line, cells, width))
            .collect();
        Some(Table { line, header, rows })
    }

    fn fit(&mut self, line: usize, mut cells: Vec<Cell>, width: usize) -> Row {
        if cells.len() > width && width > 0 {
            let extra: Vec<String> = cells
                .drain(width..)
                .map(|c| c.text)
                .filter(|t| !t.is_empty())
                .collect();
            let msg = format!("HTML table row has more cells than its header ({width}); the extra text was kept in the last cell");
            self.diags.push(
                Diagnostic::warning(DiagKind::ExtraCell, Span::new(self.path, line), msg)
                    .with_hint("check colspan/rowspan in the source table"),
            );
            if let Some(last) = cells.last_mut() {
                for text in extra {
                    last.text = if last.text.is_empty() {
                        text
                    } else {
                        format!("{}\n{text}", last.text)
                    };
                }
            }
        }
        let depth = cells.first_mut().map_or(0, table_fit::strip_depth_markers);
        table_fit::pad(&mut cells, width, self.path, line, self.diags);
        Row { line, depth, cells }
    }
}

/// Fills the columns still covered by a rowspan from an earlier row.
fn take_carried(cells: &mut Vec<Cell>, carry: &mut [Option<(Cell, usize)>]) {
    while let Some(slot) = carry.get_mut(cells.len()) {
        let Some((cell, left)) = slot else { break };
        cells.push(cell.clone());
        *left -= 1;
        if *left == 0 {
            *slot = None;
        }
    }
}

fn heading_level(name: &str) -> Option<u8> {
    let level = name.strip_prefix('h')?.parse::<u8>().ok()?;
    (1..=6).contains(&level).then_some(level)
}

/// The `<tr>` rows of a table itself (also through thead/tbody/tfoot), not of nested tables.
fn own_rows(table: ElementRef) -> Vec<ElementRef> {
    let mut rows = Vec::new();
    for child in table.children().filter_map(ElementRef::wrap) {
        match child.value().name() {
            "tr" => rows.push(child),
            "thead" | "tbody" | "tfoot" => rows.extend(
                child
                    .children()
                    .filter_map(ElementRef::wrap)
                    .filter(|e| e.value().name() == "tr"),
            ),
            _ => {}
        }
    }
    rows
}

fn links(el: ElementRef) -> Vec<String> {
    let own = (el.value().name() == "a").then_some(el);
    let inner = el
        .descendants()
        .skip(1)
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "a");
    own.into_iter()
        .chain(inner)
        .filter_map(|a| a.value().attr("href"))
        .map(str::to_string)
        .collect()
}

/// Plain text of an element: blocks on their own lines, list items as `- ` lines.
fn element_text(el: ElementRef) -> String {
    let mut out = String::new();
    push_text(*el, &mut out);
    tidy(&out)
}

/// Text of an inline element inside running text (line breaks kept, no tidying yet).
fn inline_text(el: ElementRef) -> String {
    let mut out = String::new();
    push_text(*el, &mut out);
    out
}

fn push_text(node: NodeRef<Node>, out: &mut String) {
    for child in node.children() {
        match child.value() {
            Node::Text(t) => out.push_str(&collapse(t)),
            Node::Element(e) => match e.name() {
                "br" => out.push('\n'),
                "li" => {
                    out.push_str("\n- ");
                    push_text(child, out);
                    out.push('\n');
                }
                name if SKIPPED.contains(&name) => {}
                name if BLOCKS.contains(&name)
                    || heading_level(name).is_some()
                    || matches!(name, "tr") =>
                {
                    out.push('\n');
                    push_text(child, out);
                    out.push('\n');
                }
                "td" | "th" => {
                    push_text(child, out);
                    out.push(' ');
                }
                _ => push_text(child, out),
            },
            _ => {}
        }
    }
}

/// HTML whitespace rules: any run of whitespace is one space (line breaks are `<br>`).
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() && c != '\u{3000}' {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}
