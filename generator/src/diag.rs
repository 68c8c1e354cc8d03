//! Diagnostics: what a stage could not fully understand, with the place it happened.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A place in a source document. Lines are 1-based; `line: 0` means "the whole file".
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub file: String,
    pub line: usize,
}

impl Span {
    pub fn new(file: impl Into<String>, line: usize) -> Self {
        Span {
            file: file.into(),
            line,
        }
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// One kind of diagnostic: its stable identifier, what it means, and what to do about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kind {
    pub name: &'static str,
    pub meaning: &'static str,
    pub action: &'static str,
}

/// Every diagnostic kind the generator emits, sorted by name. Adding a kind means adding a
/// line here and a row to the table in specs/README.md; `tests/diagnostic_kinds.rs` fails on a
/// kind that is emitted but not listed, or listed but not documented.
pub const KINDS: &[Kind] = &[
    Kind {
        name: "action-mismatch",
        meaning: "the Action parameter's value and the page title name different operations",
        action: "fix the document; the heading wins",
    },
    Kind {
        name: "ambiguous-error-split",
        meaning: "an error row's message and description are not marked apart; the split is a guess",
        action: "check the error text against the page",
    },
    Kind {
        name: "ambiguous-rejoin",
        meaning: "PDF pieces were joined into a word the document never writes whole",
        action: "check the word against the document",
    },
    Kind {
        name: "bad-accepted-warnings",
        meaning: "specs/accepted-warnings.yaml does not parse or has an empty field",
        action: "fix the entry",
    },
    Kind {
        name: "bad-http-status",
        meaning: "an error row's HTTP status is not a number",
        action: "fix the document or add an override",
    },
    Kind {
        name: "bad-overrides",
        meaning: "specs/overrides.yaml does not parse, or an entry is malformed (empty name, nothing set, no target)",
        action: "fix the entry",
    },
    Kind {
        name: "binary-data",
        meaning: "the document contains binary data",
        action: "replace it with the text of the page",
    },
    Kind {
        name: "conflicting-default",
        meaning: "a parameter's default is stated twice with different values",
        action: "fix the document or add an override",
    },
    Kind {
        name: "control-character",
        meaning: "a NUL or other control character in the text, at its line",
        action: "re-export or re-copy the document",
    },
    Kind {
        name: "default-violates-rule",
        meaning: "a parameter's default breaks its own value list or range",
        action: "check the document; the rule is kept",
    },
    Kind {
        name: "duplicate-item",
        meaning: "a list item repeats an earlier item of the same cell; kept once",
        action: "check the cell against the page",
    },
    Kind {
        name: "duplicate-operation",
        meaning: "two documents describe the same operation",
        action: "list each operation's document once in sources.yaml",
    },
    Kind {
        name: "duplicate-parameter",
        meaning: "a parameter is documented more than once",
        action: "fix the document",
    },
    Kind {
        name: "empty-document",
        meaning: "the document is empty",
        action: "replace it with the page",
    },
    Kind {
        name: "empty-html-table",
        meaning: "an HTML table has no rows",
        action: "check the page; the table may have been lost in saving",
    },
    Kind {
        name: "empty-name",
        meaning: "a table row has no name in its first column",
        action: "fix the document (the name was lost in copying)",
    },
    Kind {
        name: "empty-table",
        meaning: "a table header is followed by no readable row",
        action: "check the page; it may be cut off",
    },
    Kind {
        name: "example-violates-rule",
        meaning: "a parameter's example breaks its own value list or range",
        action: "check the document; the rule is kept",
    },
    Kind {
        name: "explorer-mismatch",
        meaning: "the OpenAPI Explorer link names another operation than the page",
        action: "fix the document or sources.yaml",
    },
    Kind {
        name: "extra-cell",
        meaning: "a table row has more cells than its header; the extra ones went to the last column",
        action: "check the row; a cell may contain a separator",
    },
    Kind {
        name: "garbled-line",
        meaning: "a scrambled duplicate of the line above was dropped",
        action: "compare with the original; fix the document if the line is real",
    },
    Kind {
        name: "inferred-nesting",
        meaning: "a response row without a nesting marker was read as a member of the object around it",
        action: "check the field's place against the page",
    },
    Kind {
        name: "missing-cell",
        meaning: "a table row has fewer cells than its header; padded with empty cells",
        action: "check the row; a cell may be missing",
    },
    Kind {
        name: "missing-error-code",
        meaning: "an error row has no error code",
        action: "fix the document",
    },
    Kind {
        name: "missing-name",
        meaning: "a parameter or field row has no name (extractor view)",
        action: "fix the document",
    },
    Kind {
        name: "mistitled-section",
        meaning: "a section's heading says request parameters but its table (no Required column, after the request table) is the response",
        action: "check the response fields against the page's example",
    },
    Kind {
        name: "no-operation",
        meaning: "a section has no request parameter table; nothing extracted from it",
        action: "check the section; it may be cut off",
    },
    Kind {
        name: "no-operations",
        meaning: "no operation could be read from the document",
        action: "check the format and the warnings before it",
    },
    Kind {
        name: "no-table",
        meaning: "the page has no parameter or error table",
        action: "check the document and its format in sources.yaml",
    },
    Kind {
        name: "not-pdf-text",
        meaning: "a document read as PDF text has no numbered heading or tab table",
        action: "check the format in sources.yaml",
    },
    Kind {
        name: "not-utf8",
        meaning: "the file is not UTF-8 text",
        action: "convert the document to UTF-8",
    },
    Kind {
        name: "override-unmatched",
        meaning: "an override names an operation, parameter or field that the documents do not have",
        action: "update or remove the override",
    },
    Kind {
        name: "repaired-cell-boundary",
        meaning: "a PDF cell boundary misplaced inside the type was moved back",
        action: "check the row against the PDF",
    },
    Kind {
        name: "response-example-garbled",
        meaning: "the success example is broken by the page's text (keys or tags split, tags lost); its structure is read with the listed repairs, its values are not decoded by the example tests",
        action: "check the repaired keys against the table",
    },
    Kind {
        name: "response-example-only",
        meaning: "the success example shows a key no table row documents; it is generated, documented as appearing in the example only",
        action: "document it, or correct the example with an override",
    },
    Kind {
        name: "response-example-other-operation",
        meaning: "the success example is another operation's response; it is not used for the structure",
        action: "fix the page or remove the example with an override",
    },
    Kind {
        name: "response-example-unreadable",
        meaning: "the success example is not readable (truncated JSON, broken XML); the table alone places the fields",
        action: "fetch the whole page; check the nesting by hand",
    },
    Kind {
        name: "response-name-differs",
        meaning: "the table and the example spell a field differently; the example's spelling is the wire name",
        action: "check which spelling the service sends",
    },
    Kind {
        name: "response-not-in-example",
        meaning: "a documented response field is absent from the page's example; it keeps the table's placement",
        action: "check its place against the service or the official SDK",
    },
    Kind {
        name: "response-placement-differs",
        meaning: "the table and the example place a field at different paths; the example's path is used, both lines named",
        action: "check which nesting the service sends",
    },
    Kind {
        name: "source-mismatch",
        meaning: "the document's product, version or style disagrees with sources.yaml",
        action: "fix sources.yaml or list the right document",
    },
    Kind {
        name: "source-outside-specs",
        meaning: "a sources.yaml path is absolute, climbs out with `..`, or links outside specs/",
        action: "copy the document under specs/ and list it by a relative path",
    },
    Kind {
        name: "sources-disagree",
        meaning: "two pages of one operation state a fact differently (or only one states it); the precedence in sources.yaml decides, both file:line named",
        action: "review; correct the losing or winning page with an override if it is wrong",
    },
    Kind {
        name: "stale-acceptance",
        meaning: "an entry of accepted-warnings.yaml matches no warning any more",
        action: "remove the entry",
    },
    Kind {
        name: "stray-row-end",
        meaning: "a lone pipe line outside any table row was ignored",
        action: "check the row against the page",
    },
    Kind {
        name: "truncated-document",
        meaning: "the page lacks what every reference page has (operation name, request table with type and required columns, a response), or ends inside it",
        action: "fetch the whole document",
    },
    Kind {
        name: "truncated-name",
        meaning: "a listed operation's name looks cut off by the column width",
        action: "nothing is generated from it; check the overview table",
    },
    Kind {
        name: "unclosed-html-table",
        meaning: "an HTML table is not closed before the end of the document",
        action: "fetch the whole page",
    },
    Kind {
        name: "unknown-column",
        meaning: "a table column header is not understood; its cells are not extracted",
        action: "check the header; add its wording to the reader if it is real",
    },
    Kind {
        name: "unknown-format",
        meaning: "the document is in no known format",
        action: "check the file; name its format in sources.yaml",
    },
    Kind {
        name: "unknown-line",
        meaning: "a line between a table header and its first row is not a row",
        action: "check the table against the page",
    },
    Kind {
        name: "unknown-required",
        meaning: "a required cell is neither yes nor no; read as optional",
        action: "fix the document or add an override",
    },
    Kind {
        name: "unknown-table",
        meaning: "a table is not a parameter, response, error or permission table; not extracted",
        action: "check the table; extend the extractor if it holds facts",
    },
    Kind {
        name: "unknown-table-line",
        meaning: "a PDF tab line outside any table; kept as a paragraph",
        action: "check whether a table header was lost",
    },
    Kind {
        name: "unknown-type",
        meaning: "a parameter's or field's type word names no type (`Integr`); nothing is generated from it",
        action: "correct the type in the document or in overrides.yaml",
    },
    Kind {
        name: "unnamed-operation",
        meaning: "neither a heading nor an Action parameter names the operation",
        action: "fix the document",
    },
    Kind {
        name: "unparsed-rule",
        meaning: "a rule-like sentence in a description was not understood; not enforced",
        action: "extend the rule reader or accept the warning",
    },
    Kind {
        name: "unreadable",
        meaning: "a file cannot be read (missing, a directory, no permission)",
        action: "restore the file or fix its path",
    },
    Kind {
        name: "unrendered-emphasis",
        meaning: "Markdown emphasis markers were left in the text",
        action: "check the cell's Markdown",
    },
    Kind {
        name: "unsure-enum-value",
        meaning: "a value list item could not be told apart from prose",
        action: "check the value list against the page",
    },
    Kind {
        name: "unterminated-code-block",
        meaning: "a code block is not closed before the end of the document",
        action: "the document may be cut off: fetch it whole",
    },
    Kind {
        name: "unterminated-row",
        meaning: "a table row is not closed before the end of the document",
        action: "the document may be cut off: fetch it whole",
    },
];

/// The catalogue entry of `name`, if it is catalogued.
pub fn kind(name: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.name == name)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Warning,
    Error,
}

/// One finding. `kind` is a stable, kebab-case identifier (e.g. `garbled-line`,
/// `unparsed-rule`) so that summaries can count by kind and tests can match on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub kind: String,
    pub message: String,
    pub span: Span,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn warning(kind: &str, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            kind: kind.to_string(),
            message: message.into(),
            span,
            hint: None,
        }
    }

    pub fn error(kind: &str, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            kind: kind.to_string(),
            message: message.into(),
            span,
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{sev}[{}]: {} ({})", self.kind, self.message, self.span)?;
        if let Some(h) = &self.hint {
            write!(f, "\n  hint: {h}")?;
        }
        Ok(())
    }
}
