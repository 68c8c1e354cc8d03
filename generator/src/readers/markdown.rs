//! Reader: Alibaba Cloud API reference Markdown (the AlibabaCloudDocs style, all three
//! heading generations). Tables are found first, line by line, because Alibaba pipe tables
//! are not valid GFM ([`pipe_table`](super::pipe_table)); embedded `<table>` blocks go to
//! [`html`](super::html). Those lines are then blanked out (same byte offsets) and the rest
//! is read with pulldown-cmark as headings, paragraphs and code blocks.

use super::html;
use super::line_index::LineIndex;
use super::md_plain::{self, Inline};
use super::pipe_table::{self, Line, Source};
use crate::diag::{DiagKind, Diagnostic, Span};
use crate::doc::{Block, Document, Format};
use once_cell::sync::Lazy;
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
use regex::Regex;
use std::ops::Range;

static HTML_TABLE_TAG: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)<table\b|</table\s*>").expect("constant regex"));

pub fn read(path: &str, text: &str) -> Result<Document, Diagnostic> {
    let head = text
        .trim_start()
        .get(..9)
        .unwrap_or("")
        .to_ascii_lowercase();
    if head.starts_with("<!doctype") || head.starts_with("<html") {
        return html::read(path, text);
    }
    let index = LineIndex::new(text);
    let lines = Line::split(text);
    let mut diagnostics = Vec::new();
    let src = Source {
        path,
        text,
        lines: &lines,
        index: &index,
    };
    let (mut blocks, tables) = table_regions(&src, &mut diagnostics);
    let masked = mask(text, &tables);
    blocks.extend(prose(path, &masked, &index, &mut diagnostics));
    // Stable: tables and prose never share a line, and each keeps its own order.
    blocks.sort_by_key(Block::line);
    Ok(Document {
        path: path.to_string(),
        format: Format::Markdown,
        blocks,
        diagnostics,
    })
}

/// Reads every table outside fenced code; returns them with the line ranges (0-based) they cover.
fn table_regions(src: &Source, diags: &mut Vec<Diagnostic>) -> (Vec<Block>, Vec<Range<usize>>) {
    let (mut blocks, mut regions) = (Vec::new(), Vec::new());
    let mut fence: Option<&str> = None;
    let mut i = 0;
    while let Some(line) = src.lines.get(i) {
        let t = line.text.trim_start();
        let marker = ["```", "~~~"].into_iter().find(|m| t.starts_with(m));
        match (fence, marker) {
            (None, Some(m)) => fence = Some(m),
            (Some(open), Some(m)) if open == m => fence = None,
            (Some(_), _) => {}
            (None, None) if pipe_table::starts_at(src.lines, i) => {
                let (table, end) = pipe_table::read(src, i, diags);
                blocks.push(Block::Table(table));
                regions.push(i..end);
                i = end.max(i + 1);
                continue;
            }
            (None, None) if t.get(..6).is_some_and(|p| p.eq_ignore_ascii_case("<table")) => {
                let end = html_table_end(src, i, diags);
                let from = line.start;
                let to = src
                    .lines
                    .get(end - 1)
                    .map_or(src.text.len(), |l| l.start + l.text.len());
                blocks.extend(html::blocks(
                    src.path,
                    src.text.get(from..to).unwrap_or(""),
                    from,
                    src.index,
                    diags,
                ));
                regions.push(i..end);
                i = end;
                continue;
            }
            (None, None) => {}
        }
        i += 1;
    }
    (blocks, regions)
}

/// The 0-based line after the `</table>` matching the `<table` on line `first`.
fn html_table_end(src: &Source, first: usize, diags: &mut Vec<Diagnostic>) -> usize {
    let start = src.lines.get(first).map_or(0, |l| l.start);
    let mut depth = 0usize;
    for m in HTML_TABLE_TAG.find_iter(src.text.get(start..).unwrap_or("")) {
        if m.as_str().starts_with("</") {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return src.index.line(start + m.start());
            }
        } else {
            depth += 1;
        }
    }
    let msg = "an HTML <table> is never closed; it was read up to the end of the document";
    diags.push(
        Diagnostic::warning(
            DiagKind::UnclosedHtmlTable,
            Span::new(src.path, first + 1),
            msg,
        )
        .with_hint("add the missing </table>"),
    );
    src.lines.len()
}

/// `text` with the lines of `regions` replaced by spaces, so byte offsets stay valid.
fn mask(text: &str, regions: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, raw) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if regions.iter().any(|r| r.contains(&i)) {
            out.push_str(&" ".repeat(raw.len()));
        } else {
            out.push_str(raw);
        }
    }
    out
}

/// What is being collected from the event stream.
enum Open {
    Heading { level: u8, anchor: Option<String> },
    Paragraph { prefix: &'static str },
    Code { lang: Option<String> },
}

/// Headings, paragraphs (one per paragraph or list item) and code blocks, with lines.
fn prose(path: &str, text: &str, index: &LineIndex, diags: &mut Vec<Diagnostic>) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut in_html = false;
    let mut open: Option<(Open, usize, Inline)> = None;
    // A list item was opened: its first paragraph is prefixed "- ".
    let mut item_pending = false;
    for (event, range) in Parser::new_ext(text, md_plain::options()).into_offset_iter() {
        let line = index.line(range.start);
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                close(&mut open, &mut blocks);
                open = Some((
                    Open::Heading {
                        level: level as u8,
                        anchor: id.map(|s| s.to_string()),
                    },
                    line,
                    Inline::default(),
                ));
            }
            Event::Start(Tag::Paragraph) => {
                close(&mut open, &mut blocks);
                let prefix = if std::mem::take(&mut item_pending) {
                    "- "
                } else {
                    ""
                };
                open = Some((Open::Paragraph { prefix }, line, Inline::default()));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                close(&mut open, &mut blocks);
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info
                        .split_whitespace()
                        .next()
                        .filter(|w| !w.starts_with('{'))
                        .map(str::to_string),
                    CodeBlockKind::Indented => None,
                };
                open = Some((Open::Code { lang }, line, Inline::default()));
            }
            Event::Start(Tag::Item) => {
                close(&mut open, &mut blocks);
                item_pending = true;
            }
            Event::Start(Tag::HtmlBlock) => {
                close(&mut open, &mut blocks);
                in_html = true;
                let raw = text.get(range.clone()).unwrap_or("");
                blocks.extend(html::blocks(path, raw, range.start, index, diags));
            }
            Event::End(TagEnd::HtmlBlock) => in_html = false,
            Event::Html(_) if in_html => {}
            Event::Start(Tag::List(_) | Tag::BlockQuote(_)) | Event::Rule => {
                close(&mut open, &mut blocks)
            }
            Event::End(
                TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::Item,
            ) => close(&mut open, &mut blocks),
            Event::Text(t) if matches!(open, Some((Open::Code { .. }, _, _))) => {
                if let Some((_, _, buf)) = open.as_mut() {
                    buf.text.push_str(&t);
                }
            }
            event => {
                // Inline content; tight list items have no paragraph of their own.
                let (_, _, inline) = open.get_or_insert_with(|| {
                    let prefix = if std::mem::take(&mut item_pending) {
                        "- "
                    } else {
                        ""
                    };
                    (Open::Paragraph { prefix }, line, Inline::default())
                });
                inline.push(&event);
            }
        }
    }
    close(&mut open, &mut blocks);
    blocks
}

fn close(open: &mut Option<(Open, usize, Inline)>, blocks: &mut Vec<Block>) {
    let Some((what, line, inline)) = open.take() else {
        return;
    };
    let block = match what {
        Open::Heading { level, anchor } => Block::Heading {
            level,
            text: inline.text.trim().to_string(),
            anchor,
            line,
        },
        Open::Code { lang } => Block::Code {
            lang,
            text: inline.text.trim_end_matches('\n').to_string(),
            line,
        },
        Open::Paragraph { prefix } => {
            let text = md_plain::tidy(&inline.text);
            if text.is_empty() {
                return;
            }
            Block::Paragraph {
                text: format!("{prefix}{text}"),
                line,
                links: inline.links,
            }
        }
    };
    blocks.push(block);
}
