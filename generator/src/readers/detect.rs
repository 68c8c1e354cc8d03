//! Guessing which reader a document needs from its text.
//!
//! Checked from the most to the least distinctive shape: an HTML page, Markdown, PDF text
//! (tab-separated tables, which would otherwise look like one-line table headers), then the
//! two web-page-text shapes, told apart by how their parameter table header is written.

use super::web_cells::header_at;
use super::web_text::{header_on_one_line, lines, Line, TableKind};
use crate::doc::Format;

/// Returns the format of `text`, or `None` when it matches no known shape.
pub fn detect(text: &str) -> Option<Format> {
    if text.trim().is_empty() || text.contains(|c: char| c.is_control() && !c.is_whitespace()) {
        return None;
    }
    let head: String = text
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.trim_start().starts_with("<!doctype html") || head.contains("<html") {
        return Some(Format::Html);
    }
    let lines = lines(text);
    if is_markdown(&lines) {
        Some(Format::Markdown)
    } else if is_pdf_text(&lines) {
        Some(Format::PdfText)
    } else if lines
        .iter()
        .any(|l| header_on_one_line(l).and_then(|h| h.kind()) == Some(TableKind::Params))
    {
        Some(Format::WebRows)
    } else if (0..lines.len())
        .any(|i| header_at(&lines, i).and_then(|(h, _)| h.kind()) == Some(TableKind::Params))
    {
        Some(Format::WebCells)
    } else if text.to_ascii_lowercase().contains("<table") {
        Some(Format::Html)
    } else {
        None
    }
}

/// ATX headings, `{#anchor}` attributes ending a line, or a pipe table with its `|---|` separator.
fn is_markdown(lines: &[Line]) -> bool {
    let heading =
        |t: &str| t.trim_start_matches('#').starts_with(' ') && t.starts_with('#') && t.len() > 2;
    let separator =
        |t: &str| t.starts_with('|') && t.contains("--") && t.chars().all(|c| "|-: ".contains(c));
    // `{#doc_api_Vpc_X .reference}` closes a line; `{#accountId}` inside an ARN does not.
    let anchor = |t: &str| t.contains(" {#") && t.ends_with('}');
    lines
        .iter()
        .any(|l| heading(l.text) || anchor(l.text) || separator(l.text))
}

/// PDF running headers (`II Issue: 20190626`) or several tab-separated table lines.
fn is_pdf_text(lines: &[Line]) -> bool {
    let running_header = |t: &str| {
        t.split_once("Issue: ")
            .is_some_and(|(_, date)| date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit()))
    };
    let tabbed = lines
        .iter()
        .filter(|l| l.text.split('\t').filter(|c| !c.trim().is_empty()).count() >= 2)
        .count();
    if lines.iter().any(|l| running_header(l.text)) {
        return true;
    }
    // Web-page rows copied with tabs between the cells are tabbed too: without a numbered
    // heading, a one-line web parameter header makes them web rows.
    let web_header = || {
        lines
            .iter()
            .any(|l| header_on_one_line(l).and_then(|h| h.kind()) == Some(TableKind::Params))
    };
    tabbed >= 3 && (lines.iter().any(|l| numbered_heading(l.text)) || !web_header())
}

/// `2.1 CreatePhysicalConnection`: a numbered heading as PDF text writes them.
fn numbered_heading(text: &str) -> bool {
    let Some((number, title)) = text.trim().split_once(' ') else {
        return false;
    };
    !text.contains('\t')
        && number.contains('.')
        && number
            .split('.')
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        && title.starts_with(|c: char| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed(name: &str) -> Option<String> {
        let dir = format!("{}/../specs/docs", env!("CARGO_MANIFEST_DIR"));
        let entry = std::fs::read_dir(dir)
            .ok()?
            .flatten()
            .find(|e| e.file_name().to_string_lossy().starts_with(name))?;
        std::fs::read_to_string(entry.path()).ok()
    }

    #[test]
    fn seeds() {
        for (prefix, format) in [
            ("000_", Format::Markdown),
            ("001_", Format::WebRows),
            ("002_", Format::WebCells),
            ("003_", Format::PdfText),
        ] {
            let text = seed(prefix).unwrap_or_else(|| panic!("seed {prefix} missing"));
            assert_eq!(detect(&text), Some(format), "{prefix}");
        }
    }

    #[test]
    fn small_shapes() {
        assert_eq!(
            detect("<!DOCTYPE html><html><body>x</body></html>"),
            Some(Format::Html)
        );
        assert_eq!(
            detect("Some text\n<table><tr><td>a</td></tr></table>"),
            Some(Format::Html)
        );
        assert_eq!(detect("|a|b|\n|--|--|\n|1|2|"), Some(Format::Markdown));
        assert_eq!(
            detect("## Request parameters\n\ntext"),
            Some(Format::Markdown)
        );
        assert_eq!(
            detect("2.1 DescribeThings\nName\tType\tDescription\nA\tString\tx\nB\tLong\ty"),
            Some(Format::PdfText)
        );
        // Web rows copied with tabs between the cells, no numbered heading: still web rows.
        assert_eq!(
            detect("Parameter\tType\tRequired\tExample\tDescription\nA\tString\tYes\tx\nB\tLong\tNo\t1\nC\tLong\tNo\t2"),
            Some(Format::WebRows)
        );
        assert_eq!(
            detect("Parameter Type Required Example Description\nA String Yes x"),
            Some(Format::WebRows)
        );
        assert_eq!(
            detect("Element\n\nType\n\nDescription\n\nExample\n"),
            Some(Format::WebCells)
        );
    }

    /// Every Markdown document of the shared corpus (skipped when the corpus is absent).
    #[test]
    fn corpus_is_markdown() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
        let langs = std::fs::read_dir(root).into_iter().flatten().flatten();
        let products =
            langs.flat_map(|l| std::fs::read_dir(l.path()).into_iter().flatten().flatten());
        let docs =
            products.flat_map(|p| std::fs::read_dir(p.path()).into_iter().flatten().flatten());
        let texts: Vec<_> = docs
            .filter_map(|d| Some((d.path(), std::fs::read_to_string(d.path()).ok()?)))
            .collect();
        let wrong: Vec<_> = texts
            .iter()
            .filter(|(_, text)| detect(text) != Some(Format::Markdown))
            .map(|(p, _)| p)
            .collect();
        assert!(
            wrong.is_empty(),
            "{} of {} not detected as Markdown: {wrong:?}",
            wrong.len(),
            texts.len()
        );
        eprintln!("{} corpus documents detected as Markdown", texts.len());
    }

    #[test]
    fn junk_is_no_format() {
        assert_eq!(detect(""), None);
        assert_eq!(detect("\n  \n"), None);
        assert_eq!(detect("\u{0}\u{1}\u{2}\u{3}PK\u{3}\u{4}"), None);
        assert_eq!(
            detect("It was a dark and stormy night.\n\nThe rain fell in torrents.\n#hashtag"),
            None
        );
        assert_eq!(detect("Parameter\n\nSomething else"), None);
    }
}
