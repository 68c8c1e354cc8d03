//! Error tables whose rows are whole lines: `400 Code message description`.

use super::{Header, Line, Page, Role};
use crate::diag::DiagKind;
use crate::doc::{Cell, Row};

impl Page<'_> {
    /// Reads the rows of an error table, each written on one line, from line index `from`;
    /// stops at the first line that is not an error row. Returns where reading stopped.
    pub fn error_table(&mut self, header: Header, from: usize) -> usize {
        let mut rows = Vec::new();
        let mut i = from;
        while let Some(&line) = self.lines.get(i) {
            if !line.is_blank() {
                match self.error_row(&header, line) {
                    Some(row) => rows.push(row),
                    None => break,
                }
            }
            i += 1;
        }
        self.push_table(header, rows);
        i
    }

    /// `400 IllegalParam.Spec The param of Spec is illegal. The error message returned ...`:
    /// status and code are single words; message and description share the rest.
    fn error_row(&mut self, header: &Header, line: Line) -> Option<Row> {
        let (status, rest) = line.trimmed().split_once(' ')?;
        if status.len() != 3 || !status.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let (code, rest) = rest
            .trim_start()
            .split_once(' ')
            .unwrap_or((rest.trim_start(), ""));
        let mut found = vec![
            (Role::Status, Cell::new(status, line.no)),
            (Role::Code, Cell::new(code, line.no)),
        ];
        let rest = rest.trim();
        match (
            header.roles.contains(&Role::Message),
            header.roles.contains(&Role::Description),
        ) {
            (true, true) => {
                let split = split_message(rest);
                if let Some(why) = split.doubt {
                    self.warn(
                        DiagKind::AmbiguousErrorSplit,
                        line.no,
                        format!("error `{code}`: {why}; read the message as `{}`", split.message),
                        "check the message and description of this error row; correct them in specs/overrides.yaml if wrong",
                    );
                }
                found.extend(nonempty(Role::Message, split.message, line.no));
                found.extend(nonempty(Role::Description, split.description, line.no));
            }
            (true, false) => found.extend(nonempty(Role::Message, rest, line.no)),
            (false, _) => found.extend(nonempty(Role::Description, rest, line.no)),
        }
        Some(self.assemble_row(header, line.no, 0, found))
    }
}

fn nonempty(role: Role, text: &str, line: usize) -> Option<(Role, Cell)> {
    (!text.is_empty()).then(|| (role, Cell::new(text, line)))
}

/// Message and description of an error row, and why the split is in doubt (if it is).
#[derive(Debug, PartialEq)]
pub(crate) struct MessageSplit<'a> {
    pub message: &'a str,
    pub description: &'a str,
    pub doubt: Option<String>,
}

/// Splits `message description` where the page wrote both on one line. The English pages
/// start descriptions with "The error message returned" (or "... is returned"); otherwise
/// the message is taken to be the first sentence.
pub(crate) fn split_message(text: &str) -> MessageSplit<'_> {
    const MARKERS: &[&str] = &[
        "The error message returned",
        "The error message is returned",
    ];
    let marker_at = MARKERS
        .iter()
        .filter_map(|m| text.find(m))
        .filter(|&at| at > 0)
        .min();
    if let Some(at) = marker_at {
        let (message, description) = text.split_at(at);
        let repeats = MARKERS
            .iter()
            .map(|m| text.matches(m).count())
            .sum::<usize>()
            > 1;
        let doubt = repeats.then(|| {
            "the description marker \"The error message returned\" occurs more than once"
                .to_string()
        });
        return MessageSplit {
            message: message.trim(),
            description: description.trim(),
            doubt,
        };
    }
    let ends = sentence_ends(text);
    match ends.first() {
        None => MessageSplit {
            message: text,
            description: "",
            doubt: Some(
                "message and description cannot be told apart (one sentence only)".to_string(),
            ),
        },
        Some(&at) => {
            let (message, description) = text.split_at(at);
            let doubt = (ends.len() > 1).then(|| {
                format!("message and description are not marked; {} sentence boundaries, took the first", ends.len())
            });
            MessageSplit {
                message: message.trim(),
                description: description.trim(),
                doubt,
            }
        }
    }
}

/// Byte offsets just after each `.`, `!` or `?` that is followed by a space and a capital.
fn sentence_ends(text: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    chars
        .windows(3)
        .filter(|w| matches!(w[0].1, '.' | '!' | '?') && w[1].1 == ' ' && w[2].1.is_uppercase())
        .map(|w| w[1].0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_the_description_marker() {
        let s = split_message(
            "You are not allowed to create virtual physical connection. Please contact you CBM. The error message returned because you do not have the permissions.",
        );
        assert_eq!(
            s.message,
            "You are not allowed to create virtual physical connection. Please contact you CBM."
        );
        assert!(s
            .description
            .starts_with("The error message returned because"));
        assert_eq!(s.doubt, None);
        let s = split_message("The quota of X is exceeded The error message is returned because the quota is used up.");
        assert_eq!(s.message, "The quota of X is exceeded");
        assert_eq!(s.doubt, None);
    }

    #[test]
    fn splits_at_a_sentence_and_doubts_when_there_are_several() {
        let s = split_message("The param format of %s is illegal. Illegal parameter format");
        assert_eq!(
            (s.message, s.description, s.doubt),
            (
                "The param format of %s is illegal.",
                "Illegal parameter format",
                None
            )
        );
        let s = split_message(
            "ECR Quota Exceeded. The number of instances has reached the limit. Please contact us.",
        );
        assert_eq!(s.message, "ECR Quota Exceeded.");
        assert_eq!(
            s.description,
            "The number of instances has reached the limit. Please contact us."
        );
        assert!(s.doubt.is_some());
        let s = split_message("no boundary here");
        assert_eq!((s.message, s.description), ("no boundary here", ""));
        assert!(s.doubt.is_some());
    }
}
