//! Rustdoc text from document text: safe for rustdoc (no accidental doctests, HTML tags,
//! intra-doc links or bare URLs) while keeping the words, Chinese included, as they are.

use crate::diag::Span;
use once_cell::sync::Lazy;
use proc_macro2::TokenStream;
use quote::quote;
use regex::Regex;

static URL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"https?://[A-Za-z0-9][^\s<>()\[\]"'`，。）]*"#).expect("static regex")
});

/// Escapes one line outside code spans: `<`/`>` would be HTML, `[`/`]` intra-doc links.
fn escape_prose(text: &str) -> String {
    let escaped = text
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('[', "\\[")
        .replace(']', "\\]");
    URL.replace_all(&escaped, "<$0>").into_owned()
}

fn escape_line(line: &str) -> String {
    if line.matches('`').count() % 2 == 1 {
        // An unmatched backtick is literal text in Markdown; keep it literal here too.
        return escape_prose(&line.replace('`', "'"));
    }
    line.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 0 {
                escape_prose(part)
            } else {
                part.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("`")
}

/// Document text as rustdoc Markdown. Lines are trimmed so indentation never becomes a code
/// block (which rustdoc would compile as a doctest); fenced blocks are marked `text`.
pub fn sanitize(text: &str) -> String {
    let mut out = Vec::new();
    let mut in_fence = false;
    for line in text.lines().map(str::trim) {
        if line.starts_with("```") {
            out.push(if in_fence {
                "```".to_string()
            } else {
                "```text".to_string()
            });
            in_fence = !in_fence;
        } else if in_fence {
            out.push(line.to_string());
        } else {
            // A paragraph right after a list item would be read as its lazy continuation.
            let after_item = out.last().is_some_and(|l: &String| l.starts_with("- "));
            if after_item && !line.is_empty() && !line.starts_with("- ") {
                out.push(String::new());
            }
            out.push(escape_line(line));
        }
    }
    if in_fence {
        out.push("```".to_string());
    }
    // Collapse runs of blank lines the readers keep from the layout.
    let mut collapsed: Vec<String> = Vec::new();
    for line in out {
        if line.is_empty() && collapsed.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        collapsed.push(line);
    }
    while collapsed.last().is_some_and(|l| l.is_empty()) {
        collapsed.pop();
    }
    collapsed.join("\n")
}

/// Inline code for a value quoted from a document (`CT`, `cn-hangzhou`).
pub fn code(value: &str) -> String {
    let value = value.replace('`', "'");
    if value.trim().is_empty() {
        "(empty)".to_string()
    } else {
        format!("`{}`", value.trim())
    }
}

/// Where a fact came from, for a rustdoc line.
pub fn source(span: &Span) -> String {
    // The page as the reference names it; the repository's own folders say nothing to a user.
    let file = span.file.trim_start_matches("specs/docs/");
    let file = file.trim_start_matches("corpus/");
    format!("`{}:{}`", file.replace('`', "'"), span.line)
}

/// A quoted document sentence as a Markdown block quote.
pub fn quote_sentence(sentence: &str) -> String {
    sanitize(sentence)
        .lines()
        .map(|l| {
            if l.is_empty() {
                ">".to_string()
            } else {
                format!("> {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `#[doc = "..."]` attributes, one per line so prettyplease prints them as `///` comments.
pub fn attrs(markdown: &str) -> TokenStream {
    let lines = markdown.lines().map(|l| {
        if l.is_empty() {
            String::new()
        } else {
            format!(" {l}")
        }
    });
    quote! { #( #[doc = #lines] )* }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn makes_text_safe_for_rustdoc() {
        let text = "  Valid values: <a> [x]\n\n\n    indented\nSee https://help.aliyun.com/x.html for more. `a<b>`";
        assert_eq!(
            sanitize(text),
            "Valid values: &lt;a&gt; \\[x\\]\n\nindented\nSee <https://help.aliyun.com/x.html> for more. `a<b>`"
        );
    }

    #[test]
    fn keeps_bare_scheme_names_and_chinese() {
        assert_eq!(sanitize("不能以http://开头"), "不能以http://开头");
        assert_eq!(
            sanitize("cannot start with http:// or `https://`."),
            "cannot start with http:// or `https://`."
        );
    }

    #[test]
    fn fences_become_text_blocks_and_are_closed() {
        assert_eq!(sanitize("```\n{\"a\": 1}"), "```text\n{\"a\": 1}\n```");
    }

    #[test]
    fn a_paragraph_after_a_list_is_its_own() {
        assert_eq!(sanitize("- a\n- b\nNote: c"), "- a\n- b\n\nNote: c");
    }

    #[test]
    fn unmatched_backticks_are_literal() {
        assert_eq!(sanitize("a ` b <c>"), "a ' b &lt;c&gt;");
    }
}
