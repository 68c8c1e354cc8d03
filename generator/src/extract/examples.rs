//! Sample requests and responses found in code blocks, kept as found.

use crate::diag::Span;
use crate::ir::{Example, ExampleKind};

const REQUEST_WORDS: [&str; 2] = ["request", "请求"];
const ERROR_WORDS: [&str; 4] = ["error", "异常", "错误", "fail"];
const RESPONSE_WORDS: [&str; 3] = ["response", "返回", "result"];

fn mentions(text: &str, words: &[&str]) -> bool {
    let t = text.to_lowercase();
    words.iter().any(|w| t.contains(w))
}

/// Keeps the latest text that says what kind of example follows; format labels such as
/// "JSON format" do not replace "Error response example".
pub fn update_label(label: &mut String, text: &str) {
    if mentions(text, &REQUEST_WORDS)
        || mentions(text, &ERROR_WORDS)
        || mentions(text, &RESPONSE_WORDS)
    {
        *label = text.to_string();
    }
}

/// A code block outside an examples section that is still clearly a sample.
pub fn looks_like_example(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with('{') || t.contains("Action=") || t.contains("Action =")
}

/// Splits a sample that starts with an HTTP status line into its head and body.
fn split_http(text: &str) -> (&str, &str) {
    if !text.trim_start().starts_with("HTTP/") {
        return ("", text);
    }
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        offset += line.len();
        if line.trim().is_empty() {
            return (text[..offset].trim_end(), &text[offset..]);
        }
    }
    (text.trim_end(), "")
}

pub fn classify(file: &str, line: usize, lang: Option<&str>, text: &str, label: &str) -> Example {
    let (http_head, text) = split_http(text);
    let t = text.trim_start();
    let format = match lang.map(str::to_lowercase).as_deref() {
        Some("json") => "json",
        Some("xml") => "xml",
        // A JSON fragment (its opening brace lost, as in PDF text) is still JSON, to be reported.
        _ if t.starts_with('{')
            || t.starts_with('[')
            || (t.starts_with('"') && t.contains("\":")) =>
        {
            "json"
        }
        _ if t.starts_with('<') => "xml",
        _ if t.contains("Action=") || t.contains("Action =") || t.starts_with("http") => "http",
        _ => "text",
    };
    let kind = if format == "http"
        || (mentions(label, &REQUEST_WORDS) && !mentions(label, &RESPONSE_WORDS))
    {
        ExampleKind::Request
    } else if mentions(label, &ERROR_WORDS) {
        ExampleKind::ErrorResponse
    } else {
        ExampleKind::Response
    };
    Example {
        kind,
        format: format.to_string(),
        http_head: http_head.to_string(),
        text: text.to_string(),
        source: Span::new(file, line),
        root: None,
        flaw: None,
    }
}

/// Page furniture that is not part of an operation's summary.
pub fn is_chrome(paragraph: &str) -> bool {
    let p = paragraph.trim();
    p.is_empty() || p.starts_with("Last Updated:") || p.starts_with("更新时间")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_labels() {
        let mut label = String::new();
        update_label(&mut label, "错误返回示例");
        update_label(&mut label, "`JSON` 格式");
        assert_eq!(
            classify("f", 1, None, "{\"Code\":\"x\"}", &label).kind,
            ExampleKind::ErrorResponse
        );
        let e = classify("f", 1, None, "http(s)://[Endpoint]/?Action=X", "请求示例");
        assert_eq!((e.kind, e.format.as_str()), (ExampleKind::Request, "http"));
        assert_eq!(
            classify("f", 1, None, "<R/>", "正常返回示例").kind,
            ExampleKind::Response
        );
        let e = classify(
            "f",
            1,
            None,
            "HTTP/1.1 200 OK\nContent-Type:application/json\n\n{\"A\": 1}",
            "Sample success responses",
        );
        assert_eq!(
            (e.format.as_str(), e.http_head.as_str(), e.text.as_str()),
            (
                "json",
                "HTTP/1.1 200 OK\nContent-Type:application/json",
                "{\"A\": 1}"
            )
        );
    }
}
