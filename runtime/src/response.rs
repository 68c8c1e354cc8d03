//! Sorting an HTTP response into success body, service error or invalid response.

use bytes::Bytes;
use reqwest::header::{HeaderMap, CONTENT_TYPE, LOCATION};

use crate::error::{bounded, ServiceError, TEXT_CHARS};
use crate::json::Node;

/// What one HTTP exchange produced.
#[derive(Debug, Clone)]
pub(crate) struct RawResponse {
    pub(crate) status: u16,
    pub(crate) content_type: Option<String>,
    /// Positive `x-acs-retry-after`, in milliseconds.
    pub(crate) retry_after_ms: Option<u64>,
    /// `Location` of a 3xx.
    pub(crate) location: Option<String>,
    pub(crate) body: Bytes,
}

impl RawResponse {
    /// A response from its status, headers and whole body.
    pub(crate) fn new(status: u16, headers: &HeaderMap, body: Bytes) -> Self {
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        Self {
            status,
            content_type: header(CONTENT_TYPE.as_str()),
            retry_after_ms: header("x-acs-retry-after")
                .and_then(|v| v.trim().parse::<u64>().ok())
                .filter(|ms| *ms > 0),
            location: header(LOCATION.as_str()),
            body,
        }
    }
}

/// The meaning of a response.
#[derive(Debug)]
pub(crate) enum Outcome<'a> {
    /// The parsed body: a JSON object, borrowing from the response.
    Success(Node<'a>),
    Service(ServiceError),
    /// A 3xx: never followed.
    Redirect {
        status: u16,
        location: Option<String>,
    },
    Invalid {
        status: u16,
        reason: String,
    },
}

pub(crate) fn classify(raw: &RawResponse) -> Outcome<'_> {
    let invalid = |reason: &str| Outcome::Invalid {
        status: raw.status,
        reason: reason.to_owned(),
    };
    let json_type = raw
        .content_type
        .as_deref()
        .map_or(true, |t| t.to_ascii_lowercase().contains("json"));
    if (200..300).contains(&raw.status) {
        if raw.body.iter().all(u8::is_ascii_whitespace) {
            return invalid("empty body");
        }
        if !json_type {
            return invalid(&format!(
                "expected JSON, got content type {:?}",
                raw.content_type.as_deref().unwrap_or_default()
            ));
        }
        return match Node::parse(&raw.body) {
            Ok(node) if node.is_object() => Outcome::Success(node),
            Ok(_) => invalid("success body is JSON but not an object"),
            Err(e) => invalid(&format!("success body is not valid JSON ({e})")),
        };
    }
    if (300..400).contains(&raw.status) {
        return Outcome::Redirect {
            status: raw.status,
            location: raw.location.as_deref().map(|l| bounded(l, TEXT_CHARS)),
        };
    }
    // Parsed as a tree, not into a struct: a repeated key is legal JSON and the last value
    // wins, as in the service's own JSON libraries.
    match Node::parse(&raw.body) {
        Ok(node) if node.is_object() => match field(&node, &["Code", "code"]) {
            Some(code) => Outcome::Service(ServiceError {
                http_status: raw.status,
                code,
                message: field(&node, &["Message", "message"]).unwrap_or_default(),
                request_id: field(&node, &["RequestId", "requestId"]),
                host_id: field(&node, &["HostId"]),
                recommend: field(&node, &["Recommend"]),
                access_denied_detail: field(&node, &["AccessDeniedDetail"]),
            }),
            None => invalid("error response without a Code"),
        },
        Ok(_) => invalid("error response is JSON but not an object"),
        Err(_) if raw.body.is_empty() => invalid("error response with an empty body"),
        Err(_) if !json_type => invalid(&format!(
            "error response is not JSON (content type {:?}; a proxy or gateway page?)",
            raw.content_type.as_deref().unwrap_or_default()
        )),
        Err(e) => invalid(&format!("error response is not valid JSON ({e})")),
    }
}

/// A field of an error body under the first of `names` present (the SDK also accepts some
/// lower-case names), as text (a non-string value as compact JSON), cut to a bounded length.
fn field(node: &Node<'_>, names: &[&str]) -> Option<String> {
    let value = names.iter().find_map(|name| node.get(name))?;
    Some(match value.as_str() {
        Some(s) => bounded(s, TEXT_CHARS),
        None => bounded(&value.clone().into_value().to_string(), TEXT_CHARS),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(status: u16, content_type: Option<&str>, body: &str) -> RawResponse {
        RawResponse {
            status,
            content_type: content_type.map(str::to_owned),
            retry_after_ms: None,
            location: None,
            body: Bytes::copy_from_slice(body.as_bytes()),
        }
    }

    fn reason(o: Outcome<'_>) -> String {
        match o {
            Outcome::Invalid { reason, .. } => reason,
            other => panic!("expected Invalid, got {other:?}"),
        }
    }

    #[test]
    fn success_must_be_a_json_object() {
        let body = raw(
            200,
            Some("application/json;charset=utf-8"),
            r#"{"RequestId":"r"}"#,
        );
        let Outcome::Success(node) = classify(&body) else {
            panic!("not a success")
        };
        assert_eq!(node.get("RequestId").and_then(Node::as_str), Some("r"));
        assert!(matches!(
            classify(&raw(200, None, "{}")),
            Outcome::Success(_)
        ));
        assert_eq!(
            reason(classify(&raw(200, Some("application/json"), ""))),
            "empty body"
        );
        assert!(reason(classify(&raw(200, Some("text/html"), "<html>"))).contains("text/html"));
        assert!(reason(classify(&raw(
            200,
            Some("application/json"),
            r#"{"RequestId":"#
        )))
        .contains("not valid JSON"));
        assert!(reason(classify(&raw(200, None, "[1]"))).contains("not an object"));
    }

    #[test]
    fn error_bodies() {
        let body = r#"{"RequestId":"R1","HostId":"vpc.aliyuncs.com","Code":"Forbidden.RAM","Message":"no","Recommend":"https://x","AccessDeniedDetail":{"AuthAction":"vpc:X"}}"#;
        match classify(&raw(403, Some("application/json"), body)) {
            Outcome::Service(e) => {
                assert_eq!(e.code, "Forbidden.RAM");
                assert_eq!(e.request_id.as_deref(), Some("R1"));
                assert_eq!(e.host_id.as_deref(), Some("vpc.aliyuncs.com"));
                assert_eq!(e.recommend.as_deref(), Some("https://x"));
                assert_eq!(
                    e.access_denied_detail.as_deref(),
                    Some(r#"{"AuthAction":"vpc:X"}"#)
                );
                assert_eq!(
                    e.to_string(),
                    "Forbidden.RAM (HTTP 403): no [request id R1]"
                );
            }
            other => panic!("{other:?}"),
        }
        let lower = raw(400, None, r#"{"code":"Bad","message":"m","requestId":"r"}"#);
        assert!(
            matches!(classify(&lower), Outcome::Service(ServiceError { ref code, .. }) if code == "Bad")
        );
        assert!(
            reason(classify(&raw(502, Some("text/html"), "<html>bad gateway")))
                .contains("text/html")
        );
        assert!(reason(classify(&raw(500, None, ""))).contains("empty"));
        assert!(reason(classify(&raw(500, None, r#"{"Message":"m"}"#))).contains("without a Code"));
    }

    #[test]
    fn repeated_keys_take_the_last_value_and_text_is_bounded() {
        let long = "x".repeat(10 * TEXT_CHARS);
        let body = format!(
            r#"{{"Code":"InternalError","Code":"Throttling.User","Message":"{long}","RequestId":"r"}}"#
        );
        match classify(&raw(400, Some("application/json"), &body)) {
            Outcome::Service(e) => {
                assert_eq!(e.code, "Throttling.User");
                assert_eq!(e.message.chars().count(), TEXT_CHARS + 1);
                assert!(e.message.ends_with('…'));
            }
            other => panic!("{other:?}"),
        }
        let mut redirect = raw(307, None, "");
        redirect.location = Some("http://elsewhere/".into());
        assert!(matches!(
            classify(&redirect),
            Outcome::Redirect { status: 307, location: Some(ref l) } if l == "http://elsewhere/"
        ));
    }
}
