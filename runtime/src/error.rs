//! Errors of a call: what the service said ([`ServiceError`]) and everything else ([`SdkError`]).

use std::fmt;
use std::time::Duration;

use crate::credentials::CredentialsError;
use crate::validate::ValidationError;

/// What the service said in an error body
/// (`{"RequestId","HostId","Code","Message","Recommend","AccessDeniedDetail"}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceError {
    /// HTTP status of the response.
    pub http_status: u16,
    /// Error code, e.g. `Throttling.User` or `InvalidRegionId.NotFound`.
    pub code: String,
    /// Human-readable message from the service.
    pub message: String,
    /// Request id, the key to any support ticket.
    pub request_id: Option<String>,
    /// Endpoint host that answered.
    pub host_id: Option<String>,
    /// Link to the diagnosis page.
    pub recommend: Option<String>,
    /// `AccessDeniedDetail` as compact JSON, present on RAM permission errors.
    pub access_denied_detail: Option<String>,
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (HTTP {}): {}",
            self.code, self.http_status, self.message
        )?;
        if let Some(id) = &self.request_id {
            write!(f, " [request id {id}]")?;
        }
        Ok(())
    }
}

impl std::error::Error for ServiceError {}

/// Transport-level failure source (connection refused, reset, TLS...).
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Error of one call; `E` is the operation's generated error enum
/// (the runtime itself uses [`ServiceError`]).
#[non_exhaustive]
#[derive(Debug)]
pub enum SdkError<E> {
    /// Parameters broke documented constraints; nothing was sent.
    Validation(ValidationError),
    /// The service answered with an error code.
    Service(E),
    /// No complete response within the read timeout, on every attempt made.
    Timeout {
        /// Attempts made.
        attempts: u32,
        /// The read timeout of each attempt.
        timeout: Duration,
    },
    /// The connection failed (refused, reset, TLS, DNS).
    Transport {
        /// The last underlying error.
        source: BoxError,
        /// Attempts made.
        attempts: u32,
    },
    /// The response was not the JSON the service sends: HTML from a proxy, an empty or
    /// truncated body, a wrong content type, or a success body that does not decode.
    InvalidResponse {
        /// HTTP status of the response.
        http_status: u16,
        /// The first characters of the body.
        body_excerpt: String,
        /// What was wrong.
        reason: String,
    },
    /// The server answered with a redirect. It is never followed: a redirect to another host
    /// would hand it the signed request (V1 carries the signature and token in the URL).
    Redirect {
        /// HTTP status (301, 302, 307...).
        http_status: u16,
        /// The `Location` header, cut to a bounded excerpt.
        location: Option<String>,
    },
    /// The body was longer than `ConfigBuilder::max_response_bytes`; reading stopped there and
    /// the connection was dropped. Never retried.
    ResponseTooLarge {
        /// HTTP status of the response.
        http_status: u16,
        /// The limit, in bytes.
        limit: usize,
    },
    /// No usable credentials.
    Credentials(CredentialsError),
    /// The client configuration cannot serve this call (no region and no endpoint, bad URL).
    Config(crate::config::ConfigError),
}

impl<E> SdkError<E> {
    /// Converts the service error type, keeping every other variant.
    pub fn map_service<F>(self, f: impl FnOnce(E) -> F) -> SdkError<F> {
        match self {
            SdkError::Validation(v) => SdkError::Validation(v),
            SdkError::Service(e) => SdkError::Service(f(e)),
            SdkError::Timeout { attempts, timeout } => SdkError::Timeout { attempts, timeout },
            SdkError::Transport { source, attempts } => SdkError::Transport { source, attempts },
            SdkError::InvalidResponse {
                http_status,
                body_excerpt,
                reason,
            } => SdkError::InvalidResponse {
                http_status,
                body_excerpt,
                reason,
            },
            SdkError::Redirect {
                http_status,
                location,
            } => SdkError::Redirect {
                http_status,
                location,
            },
            SdkError::ResponseTooLarge { http_status, limit } => {
                SdkError::ResponseTooLarge { http_status, limit }
            }
            SdkError::Credentials(c) => SdkError::Credentials(c),
            SdkError::Config(c) => SdkError::Config(c),
        }
    }

    /// The service error, if the service answered with one.
    pub fn as_service(&self) -> Option<&E> {
        match self {
            SdkError::Service(e) => Some(e),
            _ => None,
        }
    }
}

impl<E: fmt::Display> fmt::Display for SdkError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SdkError::Validation(v) => write!(f, "invalid parameters: {v}"),
            SdkError::Service(e) => write!(f, "service error: {e}"),
            SdkError::Timeout { attempts, timeout } => write!(
                f,
                "timed out after {attempts} attempt(s) of {} ms each",
                timeout.as_millis()
            ),
            SdkError::Transport { source, attempts } => {
                write!(f, "connection failed after {attempts} attempt(s): {source}")
            }
            SdkError::InvalidResponse {
                http_status,
                body_excerpt,
                reason,
            } => write!(
                f,
                "invalid response (HTTP {http_status}): {reason}; body starts with {body_excerpt:?}"
            ),
            SdkError::Redirect {
                http_status,
                location,
            } => write!(
                f,
                "redirect refused (HTTP {http_status}, Location {}): redirects are never followed",
                location.as_deref().unwrap_or("absent")
            ),
            SdkError::ResponseTooLarge { http_status, limit } => write!(
                f,
                "response body (HTTP {http_status}) exceeds the limit of {limit} bytes; connection dropped"
            ),
            SdkError::Credentials(c) => write!(f, "credentials: {c}"),
            SdkError::Config(c) => write!(f, "configuration: {c}"),
        }
    }
}

impl<E: std::error::Error + 'static> std::error::Error for SdkError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SdkError::Validation(v) => Some(v),
            SdkError::Service(e) => Some(e),
            SdkError::Transport { source, .. } => Some(source.as_ref()),
            SdkError::Credentials(c) => Some(c),
            SdkError::Config(c) => Some(c),
            SdkError::Timeout { .. }
            | SdkError::InvalidResponse { .. }
            | SdkError::Redirect { .. }
            | SdkError::ResponseTooLarge { .. } => None,
        }
    }
}

/// Longest body excerpt kept in errors, in characters.
const EXCERPT_CHARS: usize = 200;

/// Longest text taken from a response (a service message, a code, a `Location`), in
/// characters: a server can send megabytes of it.
pub(crate) const TEXT_CHARS: usize = 1024;

/// The start of a body as text, lossily decoded and cut on a character boundary. Decodes only
/// the bytes that can reach the excerpt, never the whole body: a longer body has at least
/// `EXCERPT_CHARS + 1` characters in its first `4 * (EXCERPT_CHARS + 1)` bytes.
pub(crate) fn excerpt(body: &[u8]) -> String {
    let head = &body[..body.len().min(4 * (EXCERPT_CHARS + 1))];
    bounded(&String::from_utf8_lossy(head), EXCERPT_CHARS)
}

/// `text` cut to `max` characters, with `…` when something was cut.
pub(crate) fn bounded(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_cuts_on_char_boundary() {
        let body = "网".repeat(300);
        let e = excerpt(body.as_bytes());
        assert_eq!(e.chars().count(), EXCERPT_CHARS + 1);
        assert!(e.ends_with('…'));
        assert_eq!(excerpt(b"\xff{"), "\u{fffd}{");
        assert_eq!(
            excerpt(&[b'a'; 64 << 20]).chars().count(),
            EXCERPT_CHARS + 1
        );
        assert_eq!(bounded("abc", 3), "abc");
        assert_eq!(bounded("abcd", 3), "abc…");
    }

    #[test]
    fn map_service_keeps_other_variants() {
        let e: SdkError<ServiceError> = SdkError::Timeout {
            attempts: 2,
            timeout: Duration::from_millis(5),
        };
        let mapped: SdkError<String> = e.map_service(|s| s.code);
        assert!(matches!(mapped, SdkError::Timeout { attempts: 2, .. }));
        assert_eq!(
            mapped.to_string(),
            "timed out after 2 attempt(s) of 5 ms each"
        );
    }
}
