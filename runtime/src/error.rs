//! Errors of a call: what the service said ([`ServiceError`]) and everything else ([`SdkError`]).
//!
//! Every error a call can return answers [`ProvideErrorMetadata`] (code, message, request id),
//! as aws-sdk-rust's errors do; [`SdkError::into_service_error`] turns any failure into the
//! operation's own error, a failure that is not a service answer becoming its opaque
//! [`Unhandled`].

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

/// What every error of a call says about itself, whatever its type: the service's code,
/// message and request id, when the service answered.
pub trait ProvideErrorMetadata {
    /// The service's error code, e.g. `Throttling.User`.
    fn code(&self) -> Option<&str>;
    /// The service's message.
    fn message(&self) -> Option<&str>;
    /// The request id, the key to any support ticket.
    fn request_id(&self) -> Option<&str>;
}

impl ProvideErrorMetadata for ServiceError {
    fn code(&self) -> Option<&str> {
        Some(&self.code)
    }
    fn message(&self) -> Option<&str> {
        Some(&self.message)
    }
    fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }
}

/// An error the operation's error type does not list: a code the document does not name, or
/// (from [`SdkError::into_service_error`]) a failure that is not a service answer. Opaque, so
/// that giving such a code its own variant later breaks no `match`: read it through
/// [`ProvideErrorMetadata`], [`Unhandled::service_error`] and `Error::source`.
#[derive(Debug)]
pub struct Unhandled {
    service: Option<ServiceError>,
    source: Option<BoxError>,
}

impl Unhandled {
    /// The service's answer, when there was one.
    pub fn service_error(&self) -> Option<&ServiceError> {
        self.service.as_ref()
    }
}

impl fmt::Display for Unhandled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.service, &self.source) {
            (Some(service), _) => fmt::Display::fmt(service, f),
            (None, Some(source)) => fmt::Display::fmt(source, f),
            (None, None) => f.write_str("unhandled error"),
        }
    }
}

impl std::error::Error for Unhandled {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.source {
            Some(source) => Some(source.as_ref()),
            None => self
                .service
                .as_ref()
                .map(|s| s as &(dyn std::error::Error + 'static)),
        }
    }
}

impl ProvideErrorMetadata for Unhandled {
    fn code(&self) -> Option<&str> {
        self.service.as_ref().and_then(ProvideErrorMetadata::code)
    }
    fn message(&self) -> Option<&str> {
        self.service
            .as_ref()
            .and_then(ProvideErrorMetadata::message)
    }
    fn request_id(&self) -> Option<&str> {
        self.service
            .as_ref()
            .and_then(ProvideErrorMetadata::request_id)
    }
}

/// An error code the service may return for any operation; every generated error enum has
/// a `Common` variant holding one.
#[non_exhaustive]
#[derive(Debug)]
pub enum CommonError {
    /// `Throttling*`: too many requests; retry later.
    Throttling(ServiceError),
    /// Authentication or authorization failed (`InvalidAccessKeyId*`, `SignatureDoesNotMatch`,
    /// `Forbidden*`, `NoPermission*`...).
    AccessDenied(ServiceError),
    /// A parameter is missing or malformed (`InvalidParameter*`, `MissingParameter*`...).
    InvalidParameter(ServiceError),
    /// The service failed or is unavailable (`ServiceUnavailable`, `InternalError`, HTTP 5xx).
    ServiceUnavailable(ServiceError),
}

fn starts_with_any(code: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| code.starts_with(p))
}

impl CommonError {
    /// The variant for `error` when its code is a common one (a constructor, so the caller
    /// keeps the error otherwise); for generated code.
    #[doc(hidden)]
    pub fn variant_for(error: &ServiceError) -> Option<fn(ServiceError) -> Self> {
        let code = error.code.as_str();
        let access = [
            "InvalidAccessKeyId",
            "SignatureDoesNotMatch",
            "IncompleteSignature",
            "InvalidSecurityToken",
            "Forbidden",
            "NoPermission",
            "AccessDenied",
        ];
        let parameter = [
            "InvalidParameter",
            "MissingParameter",
            "InvalidRegionId",
            "MissingRegionId",
        ];
        let unavailable = ["ServiceUnavailable", "InternalError", "UnknownError"];
        if code.starts_with("Throttling") {
            Some(Self::Throttling)
        } else if starts_with_any(code, &access) {
            Some(Self::AccessDenied)
        } else if starts_with_any(code, &parameter) {
            Some(Self::InvalidParameter)
        } else if starts_with_any(code, &unavailable) || error.http_status >= 500 {
            Some(Self::ServiceUnavailable)
        } else {
            None
        }
    }

    /// Everything the service said.
    pub fn service_error(&self) -> &ServiceError {
        match self {
            Self::Throttling(e)
            | Self::AccessDenied(e)
            | Self::InvalidParameter(e)
            | Self::ServiceUnavailable(e) => e,
        }
    }
}

impl fmt::Display for CommonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.service_error(), f)
    }
}

impl std::error::Error for CommonError {}

impl ProvideErrorMetadata for CommonError {
    fn code(&self) -> Option<&str> {
        self.service_error().code()
    }
    fn message(&self) -> Option<&str> {
        self.service_error().message()
    }
    fn request_id(&self) -> Option<&str> {
        self.service_error().request_id()
    }
}

/// For a code documented as a pattern (`IllegalParamFormat.%s`): the part `%s` stands for,
/// when `code` starts with `prefix` and ends with `suffix`; for generated code.
#[doc(hidden)]
pub fn match_pattern(code: &str, prefix: &str, suffix: &str) -> Option<String> {
    let rest = code.strip_prefix(prefix)?.strip_suffix(suffix)?;
    (!rest.is_empty()).then(|| rest.to_string())
}

/// How generated error types wrap an [`Unhandled`]; implemented by every generated error.
/// Not for users: an `Unhandled` is built only by the runtime and generated code.
#[doc(hidden)]
pub trait CreateUnhandledError {
    /// The error type's `Unhandled` variant around `unhandled`.
    fn create_unhandled_error(unhandled: Unhandled) -> Self;
}

/// Builds the [`Unhandled`] of a service answer no variant lists; for generated code only.
#[doc(hidden)]
pub fn unhandled(service: ServiceError) -> Unhandled {
    Unhandled {
        service: Some(service),
        source: None,
    }
}

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

impl<E> SdkError<E>
where
    E: CreateUnhandledError + std::error::Error + Send + Sync + 'static,
{
    /// The operation's own error: the service's answer as it is, any other failure (timeout,
    /// transport, validation...) as the error's `Unhandled` variant with this error as source.
    pub fn into_service_error(self) -> E {
        match self {
            SdkError::Service(e) => e,
            other => E::create_unhandled_error(Unhandled {
                service: None,
                source: Some(Box::new(other)),
            }),
        }
    }
}

impl<E: ProvideErrorMetadata> ProvideErrorMetadata for SdkError<E> {
    fn code(&self) -> Option<&str> {
        self.as_service().and_then(ProvideErrorMetadata::code)
    }
    fn message(&self) -> Option<&str> {
        self.as_service().and_then(ProvideErrorMetadata::message)
    }
    fn request_id(&self) -> Option<&str> {
        self.as_service().and_then(ProvideErrorMetadata::request_id)
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
    fn common_codes_sort_by_prefix_and_status() {
        let sort = |status, code| {
            let error = ServiceError {
                http_status: status,
                ..service(code)
            };
            CommonError::variant_for(&error).map(|variant| variant(error))
        };
        assert!(matches!(
            sort(400, "Throttling.User"),
            Some(CommonError::Throttling(_))
        ));
        assert!(matches!(
            sort(400, "SignatureDoesNotMatch"),
            Some(CommonError::AccessDenied(_))
        ));
        assert!(matches!(
            sort(400, "MissingRegionId"),
            Some(CommonError::InvalidParameter(_))
        ));
        assert!(matches!(
            sort(502, "Gateway"),
            Some(CommonError::ServiceUnavailable(_))
        ));
        assert!(sort(404, "InvalidInstanceId.NotFound").is_none());
        let common = sort(400, "Throttling.User").unwrap();
        assert_eq!(common.code(), Some("Throttling.User"));
        assert_eq!(common.request_id(), Some("RID"));
    }

    #[test]
    fn match_pattern_takes_the_part_between() {
        assert_eq!(
            match_pattern("IllegalParamFormat.Name", "IllegalParamFormat.", ""),
            Some("Name".into())
        );
        assert_eq!(
            match_pattern("IllegalParamFormat.", "IllegalParamFormat.", ""),
            None
        );
        assert_eq!(match_pattern("Other.Name", "IllegalParamFormat.", ""), None);
    }

    /// A stand-in for a generated error type.
    #[derive(Debug)]
    enum OpError {
        Listed(ServiceError),
        Unhandled(Unhandled),
    }

    impl fmt::Display for OpError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "{self:?}")
        }
    }

    impl std::error::Error for OpError {}

    impl CreateUnhandledError for OpError {
        fn create_unhandled_error(unhandled: Unhandled) -> Self {
            Self::Unhandled(unhandled)
        }
    }

    impl ProvideErrorMetadata for OpError {
        fn code(&self) -> Option<&str> {
            match self {
                Self::Listed(e) => e.code(),
                Self::Unhandled(u) => u.code(),
            }
        }
        fn message(&self) -> Option<&str> {
            match self {
                Self::Listed(e) => e.message(),
                Self::Unhandled(u) => u.message(),
            }
        }
        fn request_id(&self) -> Option<&str> {
            match self {
                Self::Listed(e) => e.request_id(),
                Self::Unhandled(u) => u.request_id(),
            }
        }
    }

    fn service(code: &str) -> ServiceError {
        ServiceError {
            http_status: 400,
            code: code.into(),
            message: "no such thing".into(),
            request_id: Some("RID".into()),
            host_id: None,
            recommend: None,
            access_denied_detail: None,
        }
    }

    #[test]
    fn metadata_reads_through_sdk_error_and_unhandled() {
        let e: SdkError<OpError> = SdkError::Service(OpError::Listed(service("A.B")));
        assert_eq!(e.code(), Some("A.B"));
        assert_eq!(e.message(), Some("no such thing"));
        assert_eq!(e.request_id(), Some("RID"));
        let u = OpError::Unhandled(unhandled(service("New.Code")));
        assert_eq!(u.code(), Some("New.Code"));
        let timeout: SdkError<OpError> = SdkError::Timeout {
            attempts: 1,
            timeout: Duration::from_millis(5),
        };
        assert_eq!(timeout.code(), None);
        assert_eq!(timeout.request_id(), None);
    }

    #[test]
    fn into_service_error_keeps_the_answer_and_wraps_the_rest() {
        let e: SdkError<OpError> = SdkError::Service(OpError::Listed(service("A.B")));
        assert!(matches!(e.into_service_error(), OpError::Listed(s) if s.code == "A.B"));
        let timeout: SdkError<OpError> = SdkError::Timeout {
            attempts: 2,
            timeout: Duration::from_millis(5),
        };
        let OpError::Unhandled(u) = timeout.into_service_error() else {
            panic!("a timeout is not a listed error");
        };
        assert_eq!(u.code(), None);
        assert!(u.service_error().is_none());
        assert_eq!(u.to_string(), "timed out after 2 attempt(s) of 5 ms each");
        let source = std::error::Error::source(&u).map(ToString::to_string);
        assert_eq!(
            source.as_deref(),
            Some("timed out after 2 attempt(s) of 5 ms each")
        );
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
