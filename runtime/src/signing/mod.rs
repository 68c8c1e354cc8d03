//! Request signing, byte-for-byte as the official SDKs (`alibabacloud-tea-openapi`).
//!
//! [`v3`] is `ACS3-HMAC-SHA256` (the official default); [`v1`] is the RPC `HMAC-SHA1` scheme.
//! Both take the time and nonce as inputs so tests can pin them.

mod encode;
pub mod v1;
pub mod v3;

pub use encode::{form_body, percent_encode};
/// The header name type of [`SigningInput::extra_headers`] and [`SignedRequest::headers`].
pub use reqwest::header::HeaderName;

use reqwest::header::{CONTENT_TYPE, HOST};

use crate::credentials::Credentials;

/// The `x-acs-*` names the signers emit, as constants: a non-standard name made at run time
/// is a copy and a validation per request.
pub(crate) mod names {
    use reqwest::header::HeaderName;

    pub const ACTION: HeaderName = HeaderName::from_static("x-acs-action");
    pub const VERSION: HeaderName = HeaderName::from_static("x-acs-version");
    pub const DATE: HeaderName = HeaderName::from_static("x-acs-date");
    pub const NONCE: HeaderName = HeaderName::from_static("x-acs-signature-nonce");
    pub const CONTENT_SHA256: HeaderName = HeaderName::from_static("x-acs-content-sha256");
    pub const ACCESS_KEY_ID: HeaderName = HeaderName::from_static("x-acs-accesskey-id");
    pub const SECURITY_TOKEN: HeaderName = HeaderName::from_static("x-acs-security-token");
}

/// Which signature scheme to use.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SignatureVersion {
    /// `ACS3-HMAC-SHA256` with `x-acs-*` headers and an `Authorization` header (default).
    #[default]
    V3,
    /// RPC `HMAC-SHA1` with `Signature*` query parameters.
    V1,
}

/// Everything a signer needs about one attempt of one request.
#[derive(Debug, Clone, Copy)]
pub struct SigningInput<'a> {
    /// HTTP method, upper case.
    pub method: &'a str,
    /// The `host` header value (`host[:port]`).
    pub host: &'a str,
    /// Action name.
    pub action: &'a str,
    /// API version.
    pub version: &'a str,
    /// Business parameters sent in the query string.
    pub query: &'a [(String, String)],
    /// Business parameters sent in a form body (empty: no body).
    pub form: &'a [(String, String)],
    /// Additional headers to send and (V3) sign, e.g. `accept`.
    pub extra_headers: &'a [(HeaderName, &'a str)],
    /// Who signs.
    pub credentials: &'a Credentials,
    /// UTC time as `%Y-%m-%dT%H:%M:%SZ`.
    pub timestamp: &'a str,
    /// A value never reused across requests.
    pub nonce: &'a str,
}

/// The wire form of a signed request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedRequest {
    /// Headers (`HeaderName`s are lower case).
    pub headers: Vec<(HeaderName, String)>,
    /// Form-encoded body, if any.
    pub body: Option<Vec<u8>>,
    /// The query parameters sorted by name and encoded, as sent (the V3 signer signs exactly
    /// this string).
    encoded_query: String,
}

impl SignedRequest {
    fn new(
        encoded_query: String,
        headers: Vec<(HeaderName, String)>,
        body: Option<Vec<u8>>,
    ) -> Self {
        SignedRequest {
            headers,
            body,
            encoded_query,
        }
    }

    /// The query string as sent (RFC 3986 encoding, parameters sorted by name).
    pub fn query_string(&self) -> &str {
        &self.encoded_query
    }

    /// A header's value by lower-case name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.as_str() == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The headers both schemes send: `host`, action, version, the form content type when there
/// is a body, and the caller's extra headers; `capacity` leaves room for a scheme's own.
fn common_headers(
    input: &SigningInput<'_>,
    has_body: bool,
    capacity: usize,
) -> Vec<(HeaderName, String)> {
    let mut headers = Vec::with_capacity(capacity + input.extra_headers.len());
    headers.extend([
        (HOST, input.host.to_owned()),
        (names::ACTION, input.action.to_owned()),
        (names::VERSION, input.version.to_owned()),
    ]);
    if has_body {
        headers.push((CONTENT_TYPE, "application/x-www-form-urlencoded".to_owned()));
    }
    headers.extend(
        input
            .extra_headers
            .iter()
            .map(|(n, v)| (n.clone(), (*v).to_owned())),
    );
    headers
}

/// Signs with the chosen scheme.
pub fn sign(version: SignatureVersion, input: &SigningInput<'_>) -> SignedRequest {
    match version {
        SignatureVersion::V3 => v3::sign(input),
        SignatureVersion::V1 => v1::sign(input),
    }
}

/// Current UTC time in the format both schemes use.
pub fn timestamp_now() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

/// A fresh random nonce (32 hex digits, like the official SDKs' MD5 nonce).
pub fn new_nonce() -> String {
    random_uuid().simple().to_string()
}

/// A version-4 UUID from the thread's CSPRNG (`Uuid::new_v4` asks the kernel each time, a
/// system call per request).
pub(crate) fn random_uuid() -> uuid::Uuid {
    uuid::Builder::from_random_bytes(rand::random()).into_uuid()
}

/// `(name, value)` pairs sorted by name (byte order, which is code point order for UTF-8),
/// borrowed: the signers only encode them.
fn sorted(pairs: &[(String, String)]) -> Vec<&(String, String)> {
    let mut out: Vec<&(String, String)> = pairs.iter().collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}
