//! Compiler-style rendering of diagnostics (miette): file, line, the line itself, a hint.

use crate::diag::{Diagnostic, Severity};
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, MietteError,
    MietteSpanContents, Report, SourceCode, SourceSpan, SpanContents,
};
use std::collections::HashMap;

/// A source file read once, with where each line starts.
struct Source {
    text: String,
    starts: Vec<usize>,
}

impl Source {
    fn new(text: String) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Source { text, starts }
    }

    /// Byte range of 0-based lines `from..to` (clamped), without the final line break.
    fn lines(&self, from: usize, to: usize) -> Option<std::ops::Range<usize>> {
        let start = *self.starts.get(from)?;
        let end = self
            .starts
            .get(to.min(self.starts.len()))
            .map_or(self.text.len(), |&e| e.saturating_sub(1));
        Some(start..end.max(start))
    }
}

/// The lines around a diagnostic, handed to miette instead of the whole file so that
/// rendering costs the window, not the file size; line numbers are the file's.
struct Window {
    name: String,
    text: String,
    first_line: usize,
}

impl SourceCode for Window {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line() + self.first_line,
            inner.column(),
            inner.line_count(),
        )))
    }
}

/// Renders diagnostics, reading each source file once.
pub struct Renderer {
    cache: HashMap<String, Option<Source>>,
    handler: GraphicalReportHandler,
    /// Directory that relative span paths are read from (the current one by default).
    root: std::path::PathBuf,
}

impl Renderer {
    pub fn new(color: bool) -> Self {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        Renderer {
            cache: HashMap::new(),
            handler: GraphicalReportHandler::new_themed(theme).with_width(100),
            root: std::path::PathBuf::new(),
        }
    }

    /// Reads relative span paths (`specs/docs/...`) under `root`, the repository `regen` runs on.
    pub fn set_root(&mut self, root: &std::path::Path) {
        self.root = root.to_path_buf();
        self.cache.clear();
    }

    pub fn render(&mut self, d: &Diagnostic) -> String {
        let mut diag = MietteDiagnostic::new(d.message.clone())
            .with_code(d.kind.clone())
            .with_severity(match d.severity {
                Severity::Warning => miette::Severity::Warning,
                Severity::Error => miette::Severity::Error,
            });
        if let Some(h) = &d.hint {
            diag = diag.with_help(h.clone());
        }
        let source = self.cache.entry(d.span.file.clone()).or_insert_with(|| {
            std::fs::read_to_string(self.root.join(&d.span.file))
                .ok()
                .map(Source::new)
        });
        let mut out = String::new();
        // One line of context either side, as miette shows by default.
        let line = d.span.line.checked_sub(1);
        let window = source.as_ref().zip(line).and_then(|(src, line)| {
            let first = line.saturating_sub(1);
            let range = src.lines(first, line + 2)?;
            let target = src.lines(line, line + 1)?;
            let text = src.text.get(range.clone())?.to_string();
            Some((
                Window {
                    name: d.span.file.clone(),
                    text,
                    first_line: first,
                },
                target.start - range.start,
                target.len(),
            ))
        });
        let rendered = match window {
            Some((window, start, len)) => {
                let diag = diag.with_label(LabeledSpan::at(
                    start..start + len,
                    format!("line {}", d.span.line),
                ));
                let report = Report::new(diag).with_source_code(window);
                self.handler.render_report(&mut out, report.as_ref())
            }
            None => {
                let diag = diag.with_help(format!(
                    "{}{}",
                    d.span,
                    d.hint
                        .as_ref()
                        .map(|h| format!(": {h}"))
                        .unwrap_or_default()
                ));
                self.handler.render_report(&mut out, &diag)
            }
        };
        match rendered {
            Ok(()) => out,
            Err(_) => format!("{d}\n"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ranges() {
        let src = Source::new("ab\ncde\nf".to_string());
        assert_eq!(src.lines(1, 2), Some(3..6));
        assert_eq!(src.lines(0, 9), Some(0..8));
        assert_eq!(src.lines(5, 6), None);
    }

    #[test]
    fn window_keeps_the_files_line_numbers() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("d.txt");
        let text: String = (1..=50).map(|i| format!("line {i} text\n")).collect();
        std::fs::write(&path, text).expect("write");
        let file = path.to_string_lossy().to_string();
        let d = Diagnostic::warning(
            crate::diag::DiagKind::GarbledLine,
            crate::diag::Span::new(&file, 40),
            "bad",
        );
        let out = Renderer::new(false).render(&d);
        assert!(out.contains(&format!("{file}:40:1")), "{out}");
        assert!(
            out.contains("39 │ line 39 text") && out.contains("41 │ line 41 text"),
            "{out}"
        );
        assert!(!out.contains("line 38 text"), "{out}");
    }
}
