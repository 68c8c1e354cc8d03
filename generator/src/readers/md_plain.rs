//! Markdown -> the plain text of the reader contract: no escapes, no emphasis markers, no
//! backticks, links reduced to their text, paragraphs separated by `\n`, list items as
//! `- ` lines. Used for table cells and, through [`Inline`], for prose.

use once_cell::sync::Lazy;
use pulldown_cmark::{Event, Options, Parser, Tag};
use regex::Regex;

/// `**` opening a word: left over when CommonMark's flanking rules refused the emphasis
/// (`优先级为**-1**时`: punctuation inside, a CJK letter outside). Runs of `*` (masked
/// example values like `ecc-d****`) do not match.
static STRAY_STRONG: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(^|[^*])\*\*\p{L}").expect("constant regex"));

/// Does rendered text still contain `**` emphasis markers the author meant as bold?
pub fn has_stray_strong(text: &str) -> bool {
    STRAY_STRONG.is_match(text)
}

/// Parser options shared by everything that reads Alibaba Markdown.
pub fn options() -> Options {
    Options::ENABLE_HEADING_ATTRIBUTES
}

/// Plain text of the inline events of one paragraph, plus the targets of its links.
#[derive(Default)]
pub struct Inline {
    pub text: String,
    pub links: Vec<String>,
}

impl Inline {
    /// Takes an inline event; returns `false` for block-level events, which the caller handles.
    pub fn push(&mut self, event: &Event) -> bool {
        match event {
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.text.push_str(t)
            }
            Event::Html(t) | Event::InlineHtml(t) => self.text.push_str(html_tag_text(t)),
            Event::SoftBreak => {
                // Chinese text is wrapped without a space; Latin text needs one.
                if self.text.chars().last().is_some_and(|c| c.is_ascii()) {
                    self.text.push(' ');
                }
            }
            Event::HardBreak => self.text.push('\n'),
            Event::Start(Tag::Link { dest_url, .. }) => self.links.push(dest_url.to_string()),
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Image { .. })
            | Event::End(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_) => {}
            Event::Start(_) | Event::Rule => return false,
        }
        true
    }
}

/// Formatting tags carry no text and `<br>` is a line break; anything else that parses as
/// a tag (`<公共请求参数>`, `<Common parameters>`) is text the author meant literally.
fn html_tag_text(tag: &str) -> &str {
    let name: String = tag
        .trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    match name.as_str() {
        "br" => "\n",
        "b" | "i" | "em" | "strong" | "code" | "span" | "font" | "sup" | "sub" | "u" | "a"
        | "p" | "div" | "ul" | "ol" | "li" | "strike" | "del" => "",
        _ => tag,
    }
}

/// Renders a Markdown fragment (one table cell) to plain text.
pub fn plain_text(md: &str) -> String {
    let mut inline = Inline::default();
    for event in Parser::new_ext(md, options()) {
        if inline.push(&event) {
            continue;
        }
        // A block starts: it begins on a new line; list items are marked.
        if !inline.text.is_empty() && !inline.text.ends_with('\n') && !inline.text.ends_with("- ") {
            inline.text.push('\n');
        }
        if let Event::Start(Tag::Item) = event {
            inline.text.push_str("- ");
        }
    }
    tidy(&inline.text)
}

/// Trims every line and drops empty ones (Alibaba cells pad paragraphs with blank lines).
pub fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && *l != "-")
        .collect();
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_escapes_emphasis_and_backticks() {
        assert_eq!(plain_text(r"32\*\*\*\*"), "32****");
        assert_eq!(plain_text(r"取值：**2|4|6**。"), "取值：2|4|6。");
        assert_eq!(
            plain_text(r"不能以`http://`开头，下划线（\_），\(VPC\)"),
            "不能以http://开头，下划线（_），(VPC)"
        );
        assert_eq!(
            plain_text("see [公共参数](~~36063~~) &amp; more"),
            "see 公共参数 & more"
        );
    }

    #[test]
    fn paragraphs_and_list_items_become_lines() {
        let md = "是否自动付费，取值：\n\n -   **false**（默认值）：不开启。\n-   **true**：开启。\n\n **说明：** 注意。\n\n ";
        assert_eq!(
            plain_text(md),
            "是否自动付费，取值：\n- false（默认值）：不开启。\n- true：开启。\n说明： 注意。"
        );
    }

    #[test]
    fn html_breaks_and_literal_angle_text() {
        assert_eq!(plain_text("a<br>b"), "a\nb");
        assert_eq!(plain_text("&<Common parameters>"), "&<Common parameters>");
    }

    #[test]
    fn bold_refused_by_commonmark_is_detected() {
        let text = plain_text("优先级为**-1**时");
        assert_eq!(text, "优先级为**-1**时");
        assert!(has_stray_strong(&text));
        assert!(!has_stray_strong(&plain_text(
            r"ecc-d\*\*\*\*，10.0.\*\*. \*\*"
        )));
    }

    #[test]
    fn soft_breaks_join_latin_with_space_and_chinese_without() {
        assert_eq!(plain_text("one\ntwo"), "one two");
        assert_eq!(plain_text("中文\n续行"), "中文续行");
    }
}
