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

/// Declares the catalogue: one variant per kind with its stable identifier, what it means
/// and what to do about it.
macro_rules! catalogue {
    ($($variant:ident => $name:literal, $meaning:literal, $action:literal;)*) => {
        /// Every diagnostic kind the generator emits, sorted by identifier. Adding a kind means
        /// adding a variant here and a row to the table in specs/README.md;
        /// `tests/diagnostic_kinds.rs` fails on a kind that is not documented there or that no
        /// code emits.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum DiagKind {
            $(#[doc = $meaning] $variant,)*
        }

        impl DiagKind {
            pub const ALL: &'static [DiagKind] = &[$(DiagKind::$variant),*];

            /// The stable, kebab-case identifier (`garbled-line`) summaries count by.
            pub fn name(self) -> &'static str {
                match self { $(DiagKind::$variant => $name),* }
            }

            pub fn meaning(self) -> &'static str {
                match self { $(DiagKind::$variant => $meaning),* }
            }

            /// What to do about it.
            pub fn action(self) -> &'static str {
                match self { $(DiagKind::$variant => $action),* }
            }
        }
    };
}

catalogue! {
    ActionMismatch => "action-mismatch",
        "the Action parameter's value and the page title name different operations",
        "fix the document; the heading wins";
    AmbiguousErrorSplit => "ambiguous-error-split",
        "an error row's message and description are not marked apart; the split is a guess",
        "check the error text against the page";
    AmbiguousRejoin => "ambiguous-rejoin",
        "PDF pieces were joined into a word the document never writes whole",
        "check the word against the document";
    BadAcceptedWarnings => "bad-accepted-warnings",
        "specs/accepted-warnings.yaml does not parse or has an empty field",
        "fix the entry";
    BadHttpStatus => "bad-http-status",
        "an error row's HTTP status is not a number",
        "fix the document or add an override";
    BadOverrides => "bad-overrides",
        "specs/overrides.yaml does not parse, or an entry is malformed (empty name, nothing set, no target)",
        "fix the entry";
    BinaryData => "binary-data",
        "the document contains binary data",
        "replace it with the text of the page";
    ConflictingDefault => "conflicting-default",
        "a parameter's default is stated twice with different values",
        "fix the document or add an override";
    ConflictingRule => "conflicting-rule",
        "a parameter's description bounds it twice, differently (two ranges, lengths, counts or value lists); none of those rules is enforced",
        "check which bound the service applies; correct it with an override";
    ControlCharacter => "control-character",
        "a NUL or other control character in the text, at its line",
        "re-export or re-copy the document";
    DefaultViolatesRule => "default-violates-rule",
        "a parameter's default breaks its own value list or range",
        "check the document; the rule is kept";
    DuplicateItem => "duplicate-item",
        "a list item repeats an earlier item of the same cell; kept once",
        "check the cell against the page";
    DuplicateParameter => "duplicate-parameter",
        "a parameter is documented more than once",
        "fix the document";
    EmptyDocument => "empty-document",
        "the document is empty",
        "replace it with the page";
    EmptyHtmlTable => "empty-html-table",
        "an HTML table has no rows",
        "check the page; the table may have been lost in saving";
    EmptyName => "empty-name",
        "a table row has no name in its first column",
        "fix the document (the name was lost in copying)";
    EmptyTable => "empty-table",
        "a table header is followed by no readable row",
        "check the page; it may be cut off";
    ExampleViolatesRule => "example-violates-rule",
        "a parameter's example breaks its own value list or range",
        "check the document; the rule is kept";
    ExplorerMismatch => "explorer-mismatch",
        "the OpenAPI Explorer link names another operation than the page",
        "fix the document or sources.yaml";
    ExtraCell => "extra-cell",
        "a table row has more cells than its header; the extra ones went to the last column",
        "check the row; a cell may contain a separator";
    GarbledLine => "garbled-line",
        "a scrambled duplicate of the line above was dropped",
        "compare with the original; fix the document if the line is real";
    InferredNesting => "inferred-nesting",
        "a response row without a nesting marker was read as a member of the object around it",
        "check the field's place against the page";
    MissingCell => "missing-cell",
        "a table row has fewer cells than its header; padded with empty cells",
        "check the row; a cell may be missing";
    MissingErrorCode => "missing-error-code",
        "an error row has no error code",
        "fix the document";
    MissingName => "missing-name",
        "a parameter or field row has no name (extractor view)",
        "fix the document";
    MistitledSection => "mistitled-section",
        "a section's heading says request parameters but its table (no Required column, after the request table) is the response",
        "check the response fields against the page's example";
    NoOperation => "no-operation",
        "a section has no request parameter table; nothing extracted from it",
        "check the section; it may be cut off";
    NoOperations => "no-operations",
        "no operation could be read from the document",
        "check the format and the warnings before it";
    NoTable => "no-table",
        "the page has no parameter or error table",
        "check the document and its format in sources.yaml";
    NotPdfText => "not-pdf-text",
        "a document read as PDF text has no numbered heading or tab table",
        "check the format in sources.yaml";
    NotUtf8 => "not-utf8",
        "the file is not UTF-8 text",
        "convert the document to UTF-8";
    OverrideUnmatched => "override-unmatched",
        "an override names an operation, parameter or field that the documents do not have",
        "update or remove the override";
    RepairedCellBoundary => "repaired-cell-boundary",
        "a PDF cell boundary misplaced inside the type was moved back",
        "check the row against the PDF";
    ResponseExampleEnvelope => "response-example-envelope",
        "the success example wraps the body in an internal gateway envelope (`code`, `success`, `message`, `data`) the table does not document; it is not used for the structure",
        "check the table's names and nesting against the official SDK";
    ResponseExampleGarbled => "response-example-garbled",
        "the success example is broken by the page's text (keys or tags split, tags lost); its structure is read with the listed repairs, its values are not decoded by the example tests",
        "check the repaired keys against the table";
    ResponseExampleOnly => "response-example-only",
        "the success example shows a key no table row documents; it is generated, documented as appearing in the example only",
        "document it, or correct the example with an override";
    ResponseExampleOtherOperation => "response-example-other-operation",
        "the success example is another operation's response; it is not used for the structure",
        "fix the page or remove the example with an override";
    ResponseExampleUnreadable => "response-example-unreadable",
        "the success example is not readable (truncated JSON, broken XML); the table alone places the fields",
        "fetch the whole page; check the nesting by hand";
    ResponseNameDiffers => "response-name-differs",
        "the table and the example spell a field differently; the example's spelling is the wire name",
        "check which spelling the service sends";
    ResponseNotInExample => "response-not-in-example",
        "a documented response field is absent from the page's example; it keeps the table's placement",
        "check its place against the service or the official SDK";
    ResponsePlacementDiffers => "response-placement-differs",
        "the table and the example place a field at different paths; the example's path is used, both lines named",
        "check which nesting the service sends";
    SourceMismatch => "source-mismatch",
        "the document's product, version or style disagrees with sources.yaml",
        "fix sources.yaml or list the right document";
    SourceOutsideSpecs => "source-outside-specs",
        "a sources.yaml path is absolute, climbs out with `..`, or links outside specs/",
        "copy the document under specs/ and list it by a relative path";
    SourcesDisagree => "sources-disagree",
        "two pages of one operation state a fact differently (or only one states it); the precedence in sources.yaml decides, both file:line named",
        "review; correct the losing or winning page with an override if it is wrong";
    StaleAcceptance => "stale-acceptance",
        "an entry of accepted-warnings.yaml matches no warning any more",
        "remove the entry";
    StrayRowEnd => "stray-row-end",
        "a lone pipe line outside any table row was ignored",
        "check the row against the page";
    TruncatedDocument => "truncated-document",
        "the page lacks what every reference page has (operation name, request table with type and required columns, a response), or ends inside it",
        "fetch the whole document";
    TruncatedName => "truncated-name",
        "a listed operation's name looks cut off by the column width",
        "nothing is generated from it; check the overview table";
    UnclosedHtmlTable => "unclosed-html-table",
        "an HTML table is not closed before the end of the document",
        "fetch the whole page";
    UnknownColumn => "unknown-column",
        "a table column header is not understood; its cells are not extracted",
        "check the header; add its wording to the reader if it is real";
    UnknownFormat => "unknown-format",
        "the document is in no known format",
        "check the file; name its format in sources.yaml";
    UnknownLine => "unknown-line",
        "a line between a table header and its first row is not a row",
        "check the table against the page";
    UnknownRequired => "unknown-required",
        "a required cell is neither yes nor no; read as optional",
        "fix the document or add an override";
    UnknownTable => "unknown-table",
        "a table is not a parameter, response, error or permission table; not extracted",
        "check the table; extend the extractor if it holds facts";
    UnknownTableLine => "unknown-table-line",
        "a PDF tab line outside any table; kept as a paragraph",
        "check whether a table header was lost";
    UnknownType => "unknown-type",
        "a parameter's or field's type word names no type (`Integr`); nothing is generated from it",
        "correct the type in the document or in overrides.yaml";
    UnnamedOperation => "unnamed-operation",
        "neither a heading nor an Action parameter names the operation",
        "fix the document";
    UnparsedRule => "unparsed-rule",
        "a rule-like sentence in a description was not understood; not enforced",
        "extend the rule reader or accept the warning";
    Unreadable => "unreadable",
        "a file cannot be read (missing, a directory, no permission)",
        "restore the file or fix its path";
    UnrenderedEmphasis => "unrendered-emphasis",
        "Markdown emphasis markers were left in the text",
        "check the cell's Markdown";
    UnsureEnumValue => "unsure-enum-value",
        "a value list item could not be told apart from prose",
        "check the value list against the page";
    UnterminatedCodeBlock => "unterminated-code-block",
        "a code block is not closed before the end of the document",
        "the document may be cut off: fetch it whole";
    UnterminatedRow => "unterminated-row",
        "a table row is not closed before the end of the document",
        "the document may be cut off: fetch it whole";
}

/// The catalogue entry named `name`, if there is one.
pub fn kind(name: &str) -> Option<DiagKind> {
    DiagKind::ALL.iter().copied().find(|k| k.name() == name)
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
    pub fn warning(kind: DiagKind, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            kind: kind.name().to_string(),
            message: message.into(),
            span,
            hint: None,
        }
    }

    pub fn error(kind: DiagKind, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            kind: kind.name().to_string(),
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
