//! Compiler-style rendering of diagnostics (miette): file, line, the line itself, a hint.

use crate::diag::{Diagnostic, Severity};
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource, Report,
};
use std::collections::HashMap;

/// Renders diagnostics, reading each source file once.
pub struct Renderer {
    cache: HashMap<String, Option<String>>,
    handler: GraphicalReportHandler,
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
        }
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
        let text = self
            .cache
            .entry(d.span.file.clone())
            .or_insert_with(|| std::fs::read_to_string(&d.span.file).ok())
            .clone();
        let mut out = String::new();
        let rendered = match text
            .as_deref()
            .and_then(|t| line_range(t, d.span.line).map(|r| (t, r)))
        {
            Some((text, (start, len))) => {
                let diag = diag.with_label(LabeledSpan::at(
                    start..start + len,
                    format!("line {}", d.span.line),
                ));
                let report = Report::new(diag)
                    .with_source_code(NamedSource::new(d.span.file.clone(), text.to_string()));
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

/// Byte offset and length of 1-based `line` in `text`.
fn line_range(text: &str, line: usize) -> Option<(usize, usize)> {
    if line == 0 {
        return None;
    }
    let mut start = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return Some((start, l.trim_end_matches(['\n', '\r']).len()));
        }
        start += l.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ranges() {
        assert_eq!(line_range("ab\ncde\n", 2), Some((3, 3)));
        assert_eq!(line_range("ab", 5), None);
        assert_eq!(line_range("ab", 0), None);
    }
}
