//! Removes markup residue that rule patterns should not have to know about: Markdown
//! emphasis and code marks, backslash escapes, links, and the inline bullets (`·`, `•`)
//! that PDF and web text use for lists. The result keeps the `- ` list convention.

use once_cell::sync::Lazy;
use regex::Regex;

static LINK: Lazy<Regex> = Lazy::new(|| Regex::new(r"\[([^\]]*)\]\([^)]*\)").expect("valid regex"));
static ESCAPE: Lazy<Regex> = Lazy::new(|| Regex::new(r"\\([[:punct:]])").expect("valid regex"));
static INLINE_BULLET: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?:^|\s+)[·•]\s*").expect("valid regex"));
static ITEM_MARK: Lazy<Regex> = Lazy::new(|| Regex::new(r"^[-*]\s+").expect("valid regex"));
static SPACES: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"[ \t\u{a0}\u{3000}]+").expect("valid regex"));

/// Returns cleaned text: one paragraph or list item (`- `) per line, no empty lines.
pub fn normalize(text: &str) -> String {
    let text = text.replace("**", "").replace('`', "");
    let text = ESCAPE.replace_all(&text, "$1");
    let text = LINK.replace_all(&text, "$1");
    let text = INLINE_BULLET.replace_all(&text, "\n- ");
    let mut lines = Vec::new();
    for line in text.lines() {
        let line = SPACES.replace_all(line.trim(), " ");
        if line.is_empty() || line == "-" {
            continue;
        }
        match ITEM_MARK.find(&line) {
            Some(m) => lines.push(format!("- {}", &line[m.end()..])),
            None => lines.push(line.into_owned()),
        }
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn strips_markup_and_splits_inline_bullets() {
        assert_eq!(
            normalize(r"取值：**2|4**，不能以`http://`开头 \(a\)"),
            "取值：2|4，不能以http://开头 (a)"
        );
        assert_eq!(
            normalize("Valid values: · Normal · Locked: locked\n\n -   **a**\n-   b"),
            "Valid values:\n- Normal\n- Locked: locked\n- a\n- b"
        );
        assert_eq!(
            normalize("see [DescribeRegions](~~36063~~)."),
            "see DescribeRegions."
        );
    }
}
