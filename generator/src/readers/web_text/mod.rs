//! What the two web-page-text readers (`web_rows`, `web_cells`) share: lines with their
//! numbers, the vocabulary of the pages (column names, type words, Yes/No, section titles),
//! prose and code outside tables, error rows written as one line, and row assembly.
//!
//! Web-page text has no markup: every block of the page became one line, so everything here
//! works line by line and recognises things by their shape and by a small vocabulary. This
//! file holds lines and the vocabulary; `page` reads a page around its tables, `errors`
//! reads error rows written on one line.

mod errors;
mod page;

pub(crate) use page::{read_page, Page};

use crate::doc::Cell;

/// One line of the source: 1-based number and text without the line ending or trailing blanks.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line<'a> {
    pub no: usize,
    pub text: &'a str,
}

impl<'a> Line<'a> {
    pub fn trimmed(&self) -> &'a str {
        self.text.trim()
    }

    pub fn is_blank(&self) -> bool {
        self.trimmed().is_empty()
    }
}

/// The lines of `text`, numbered from 1.
pub(crate) fn lines(text: &str) -> Vec<Line<'_>> {
    text.lines()
        .enumerate()
        .map(|(i, t)| Line {
            no: i + 1,
            text: t.trim_end(),
        })
        .collect()
}

/// What a table column means on these pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Name,
    Type,
    Required,
    Example,
    Description,
    Status,
    Code,
    Message,
    Action,
    Api,
    AccessLevel,
    ResourceType,
    ConditionKey,
    DependentAction,
}

/// Column names as the English pages write them (compared case-insensitively).
const COLUMNS: &[(&str, Role)] = &[
    ("parameter", Role::Name),
    ("name", Role::Name),
    ("element", Role::Name),
    ("type", Role::Type),
    ("required", Role::Required),
    ("example", Role::Example),
    ("description", Role::Description),
    ("httpcode", Role::Status),
    ("http status code", Role::Status),
    ("error code", Role::Code),
    ("error message", Role::Message),
    ("action", Role::Action),
    ("api", Role::Api),
    ("access level", Role::AccessLevel),
    ("resource type", Role::ResourceType),
    ("condition key", Role::ConditionKey),
    ("dependent action", Role::DependentAction),
];

/// The role of a header cell written on its own line, e.g. `Access level`.
pub(crate) fn column_role(cell: &str) -> Option<Role> {
    let cell = cell.trim();
    COLUMNS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(cell))
        .map(|&(_, role)| role)
}

/// A table header: cells as written, with their roles.
#[derive(Clone, Debug)]
pub(crate) struct Header {
    pub cells: Vec<Cell>,
    pub roles: Vec<Role>,
}

/// What a table holds, decided by its columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TableKind {
    Params,
    Errors,
    Ram,
}

impl Header {
    /// Adds a column unless its role is already present: a repeated role means the header
    /// has ended and the first row began (`Parameter` ... `Example`, then a row named `Name`).
    pub fn push(&mut self, cell: Cell, role: Role) -> bool {
        if self.roles.contains(&role) {
            return false;
        }
        self.cells.push(cell);
        self.roles.push(role);
        true
    }

    pub fn kind(&self) -> Option<TableKind> {
        let has = |r| self.roles.contains(&r);
        if self.roles.len() < 3 {
            None
        } else if self.roles.starts_with(&[Role::Status, Role::Code]) {
            Some(TableKind::Errors)
        } else if has(Role::Action) && has(Role::AccessLevel) {
            Some(TableKind::Ram)
        } else if has(Role::Name) && has(Role::Type) {
            Some(TableKind::Params)
        } else {
            None
        }
    }
}

/// Splits a header written on one line (`Parameter Type Required Example Description`,
/// `HttpCode Error code Error message Description`) into known column names, longest name
/// first. `None` unless every word belongs to a column and the header names a known table.
pub(crate) fn header_on_one_line(line: &Line) -> Option<Header> {
    let words: Vec<&str> = line.text.split_whitespace().collect();
    let mut header = Header {
        cells: Vec::new(),
        roles: Vec::new(),
    };
    let mut at = 0;
    while at < words.len() {
        let (len, role) = (1..=3.min(words.len() - at))
            .rev()
            .find_map(|len| column_role(&words[at..at + len].join(" ")).map(|role| (len, role)))?;
        if !header.push(Cell::new(words[at..at + len].join(" "), line.no), role) {
            return None;
        }
        at += len;
    }
    header.kind().map(|_| header)
}

/// Type words of the parameter tables (`String`, `integer`, `array<object>`, ...).
pub(crate) fn is_type_word(word: &str) -> bool {
    const SCALARS: &[&str] = &[
        "string", "integer", "int", "long", "short", "byte", "boolean", "bool", "float", "double",
        "number", "date", "datetime", "json", "binary",
    ];
    let lower = word.trim().to_ascii_lowercase();
    SCALARS.contains(&lower.as_str()) || is_container_lower(&lower)
}

/// Arrays, lists, maps and objects: their members or items follow as rows of their own.
pub(crate) fn is_container_type(word: &str) -> bool {
    is_container_lower(&word.trim().to_ascii_lowercase())
}

fn is_container_lower(lower: &str) -> bool {
    const BARE: &[&str] = &["object", "struct", "array", "list", "repeatlist", "map"];
    BARE.contains(&lower)
        || ["array<", "list<", "map<"]
            .iter()
            .any(|p| lower.starts_with(p) && lower.ends_with('>') && !lower.contains(' '))
}

pub(crate) fn is_yes_no(word: &str) -> bool {
    let w = word.trim();
    w.eq_ignore_ascii_case("yes") || w.eq_ignore_ascii_case("no")
}

/// A parameter or field name: `RegionId`, `Tag.N.Key`, `Filter.N.Value.N`.
pub(crate) fn is_identifier(word: &str) -> bool {
    let mut chars = word.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
}

/// Section titles the extractor looks for; on these pages they are lines of their own.
pub(crate) fn is_section_title(line: &str) -> bool {
    const TITLES: &[&str] = &[
        "Request parameters",
        "Response parameters",
        "Response elements",
        "Error codes",
        "Examples",
        "RAM authorization",
        "Debug",
        "Debugging",
        "Usage notes",
        "Operation description",
        "API Overview",
    ];
    TITLES.iter().any(|t| t.eq_ignore_ascii_case(line.trim()))
}

/// The API name in a page title `Express Connect:CreateExpressConnectRouter`.
pub(crate) fn page_title(line: &str) -> Option<&str> {
    let (product, api) = line.trim().split_once(':')?;
    let product_ok = product
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && product
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == ' ');
    let api_ok = api.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && api.chars().all(|c| c.is_ascii_alphanumeric());
    (product_ok && api_ok).then_some(api)
}

/// Cell or paragraph text: trimmed, bullets `•` as `- ` list items, code backticks removed.
pub(crate) fn clean_text(text: &str) -> String {
    let t = text.trim();
    let t = match t.strip_prefix('•') {
        Some(item) => format!("- {}", item.trim_start()),
        None => t.to_string(),
    };
    t.replace('`', "")
}

/// One cell from several lines: each non-blank line is a paragraph (or list item) of its own.
pub(crate) fn cell_of(lines: &[Line]) -> Option<Cell> {
    let first = lines.iter().find(|l| !l.is_blank())?;
    let text: Vec<String> = lines
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| clean_text(l.text))
        .collect();
    Some(Cell::new(text.join("\n"), first.no))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_headers() {
        let line = Line {
            no: 3,
            text: "HttpCode Error code Error message Description",
        };
        let h = header_on_one_line(&line).map(|h| h.roles);
        assert_eq!(
            h,
            Some(vec![
                Role::Status,
                Role::Code,
                Role::Message,
                Role::Description
            ])
        );
        let line = Line {
            no: 3,
            text: "Parameter Type Required Example Description",
        };
        assert_eq!(
            header_on_one_line(&line).and_then(|h| h.kind()),
            Some(TableKind::Params)
        );
        assert!(header_on_one_line(&Line {
            no: 1,
            text: "The Type of the Parameter"
        })
        .is_none());
        assert!(header_on_one_line(&Line {
            no: 1,
            text: "Name Type Name"
        })
        .is_none());
    }

    #[test]
    fn vocabulary() {
        assert!(is_type_word("String") && is_type_word("array<object>") && is_type_word("integer"));
        assert!(!is_type_word("array of") && !is_type_word("Yes"));
        assert!(
            is_container_type("array<string>")
                && is_container_type("object")
                && !is_container_type("Long")
        );
        assert!(is_identifier("Tag.N.Key") && !is_identifier("%s") && !is_identifier("a b"));
        assert_eq!(
            page_title("Express Connect:CreateExpressConnectRouter"),
            Some("CreateExpressConnectRouter")
        );
        assert_eq!(page_title("Last Updated:Dec 04, 2025"), None);
        assert_eq!(
            clean_text("  • `true`: sends a check"),
            "- true: sends a check"
        );
    }
}
