//! Where operations and their sections start: headings -> operation chunks and section kinds.

use crate::doc::Block;

/// What a section of an operation holds, judged from its heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionKind {
    /// Text before the first section heading (summary, description).
    Intro,
    Notes,
    Debug,
    Permissions,
    Request,
    Response,
    Errors,
    Examples,
    Overview,
    Other,
}

/// Classifies a heading. `current` matters for sub-headings inside the examples section
/// ("Request example", "XML format", "正常返回示例") which do not end it.
pub fn section_of(title: &str, current: SectionKind) -> SectionKind {
    let t = title.trim().to_lowercase();
    let t = t.as_str();
    match t {
        "request parameters" | "request parameter" | "请求参数" | "parameters" => {
            return SectionKind::Request
        }
        "response parameters"
        | "response parameter"
        | "response elements"
        | "返回数据"
        | "返回参数"
        | "返回结果" => return SectionKind::Response,
        "error codes" | "error code" | "错误码" => return SectionKind::Errors,
        "ram authorization" | "授权信息" => return SectionKind::Permissions,
        "debug" | "debugging" | "调试" | "try it now" => return SectionKind::Debug,
        "usage notes" | "operation description" | "接口说明" | "description" | "使用说明" => {
            return SectionKind::Notes
        }
        "api overview" | "api 概览" | "api概览" => return SectionKind::Overview,
        _ => {}
    }
    let example_like = ["example", "sample", "示例", "format", "格式"]
        .iter()
        .any(|w| t.contains(w));
    if example_like
        || (current == SectionKind::Examples
            && (t.contains("response") || t.contains("request") || t.contains("返回")))
    {
        SectionKind::Examples
    } else {
        SectionKind::Other
    }
}

/// Whether a response section's paragraph is the page saying there is no response body:
/// `无` / `None` alone, or a sentence that says so in either language.
pub fn states_no_response(text: &str) -> bool {
    let t = text
        .trim()
        .trim_end_matches(['.', '。'])
        .trim()
        .to_lowercase();
    const ALONE: [&str; 4] = ["无", "none", "n/a", "not applicable"];
    const SAYING: [&str; 7] = [
        "无返回参数",
        "没有返回参数",
        "不返回任何",
        "返回参数为空",
        "no response parameter",
        "returns no response",
        "does not return any response",
    ];
    ALONE.contains(&t.as_str()) || SAYING.iter().any(|s| t.contains(s))
}

/// Whether a heading names an operation: an anchor `doc_api_<Product>_<Op>`, or text that
/// is a single CamelCase API name (`CreatePhysicalConnection`).
pub fn operation_heading(text: &str, anchor: Option<&str>) -> Option<String> {
    if let Some(op) = anchor
        .and_then(|a| a.strip_prefix("doc_api_"))
        .and_then(|rest| rest.split_once('_'))
        .map(|(_, op)| op)
    {
        if is_api_name(op) {
            return Some(op.to_string());
        }
    }
    let text = text.trim();
    is_api_name(text).then(|| text.to_string())
}

/// A CamelCase identifier of at least two words, as Alibaba API names are.
pub fn is_api_name(s: &str) -> bool {
    let mut chars = s.chars();
    let starts_upper = chars.next().is_some_and(|c| c.is_ascii_uppercase());
    let humps = s.chars().filter(|c| c.is_ascii_uppercase()).count();
    starts_upper
        && humps >= 2
        && s.len() >= 6
        && s.chars().all(|c| c.is_ascii_alphanumeric())
        && s.chars().any(|c| c.is_ascii_lowercase())
}

/// One operation's blocks: its title (if the document has one) and everything until the
/// next operation title.
pub struct Chunk<'d> {
    pub title: Option<(String, usize)>,
    pub blocks: &'d [Block],
}

/// Splits a document into the text before the first operation (overview tables, chrome)
/// and one chunk per operation. A document without operation headings is one untitled chunk.
pub fn split(blocks: &[Block]) -> (&[Block], Vec<Chunk<'_>>) {
    let starts: Vec<(usize, String, usize)> = blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b {
            Block::Heading {
                text, anchor, line, ..
            } => operation_heading(text, anchor.as_deref()).map(|n| (i, n, *line)),
            _ => None,
        })
        .collect();
    if starts.is_empty() {
        return (
            &[],
            vec![Chunk {
                title: None,
                blocks,
            }],
        );
    }
    let mut chunks = Vec::new();
    for (k, (i, name, line)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(blocks.len(), |s| s.0);
        chunks.push(Chunk {
            title: Some((name.clone(), *line)),
            blocks: &blocks[i + 1..end],
        });
    }
    (&blocks[..starts[0].0], chunks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_response_section_saying_there_is_none() {
        for said in [
            "无",
            "None.",
            "无返回参数。",
            "This operation returns no response parameters.",
            "The operation does not return any response parameters other than the common ones.",
        ] {
            assert!(states_no_response(said), "{said}");
        }
        for not in [
            "RequestId",
            "返回参数说明如下",
            "None of the fields is required.",
        ] {
            assert!(!states_no_response(not), "{not}");
        }
    }

    #[test]
    fn api_names() {
        assert!(is_api_name("CreatePhysicalConnection"));
        assert!(!is_api_name("Examples"));
        assert!(!is_api_name("Physical connections"));
        assert_eq!(
            operation_heading(
                "CreateExpressCloudConnection",
                Some("doc_api_Vpc_CreateExpressCloudConnection")
            ),
            Some("CreateExpressCloudConnection".into())
        );
    }

    #[test]
    fn example_subheadings_stay_in_examples() {
        assert_eq!(
            section_of("XML format", SectionKind::Examples),
            SectionKind::Examples
        );
        assert_eq!(
            section_of("Sample success responses", SectionKind::Examples),
            SectionKind::Examples
        );
        assert_eq!(
            section_of("Response parameters", SectionKind::Examples),
            SectionKind::Response
        );
        assert_eq!(
            section_of("错误码", SectionKind::Examples),
            SectionKind::Errors
        );
    }
}
