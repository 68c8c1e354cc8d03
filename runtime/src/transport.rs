//! One HTTP exchange with a deadline, classified for the retry loop.

use std::borrow::Cow;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue, AUTHORIZATION, CONTENT_TYPE, HOST};
use reqwest::{Method, Url};

use crate::error::BoxError;
use crate::response::RawResponse;
use crate::signing::SignedRequest;

/// Why an exchange produced no response.
#[derive(Debug)]
pub(crate) enum TransportFailure {
    /// No complete response within the read timeout.
    Timeout,
    /// The connection could not be established; nothing was sent.
    NotSent(BoxError),
    /// The connection failed after the request may have been sent.
    Lost(BoxError),
}

/// A request that cannot be expressed in HTTP (bad method or header bytes). Names only.
#[derive(Debug)]
pub(crate) struct UnsendableRequest(pub(crate) String);

/// Builds the wire request; fails only for values HTTP cannot carry.
pub(crate) fn build(
    method: &str,
    base: &Url,
    signed: SignedRequest,
) -> Result<reqwest::Request, UnsendableRequest> {
    let method = Method::from_bytes(method.as_bytes())
        .map_err(|_| UnsendableRequest(format!("invalid HTTP method {method:?}")))?;
    let mut url = base.clone();
    let query = signed.query_string();
    url.set_query((!query.is_empty()).then_some(query));
    // Built directly rather than through `RequestBuilder`, whose `headers()` copies the map
    // entry by entry a second time.
    let mut request = reqwest::Request::new(method, url);
    let headers = request.headers_mut();
    headers.reserve(signed.headers.len());
    for (name, value) in signed.headers {
        // The error names the header but never shows its value (it may be a token).
        let unsendable =
            |name: &str| UnsendableRequest(format!("header {name} has bytes HTTP cannot carry"));
        let known = match &name {
            Cow::Borrowed(name) => signer_header(name),
            Cow::Owned(_) => None,
        };
        let header = match known {
            Some(header) => header,
            None => HeaderName::from_bytes(name.as_bytes()).map_err(|_| unsendable(&name))?,
        };
        // Takes the string's buffer instead of copying it.
        let value = HeaderValue::try_from(value).map_err(|_| unsendable(&name))?;
        headers.insert(header, value);
    }
    if let Some(body) = signed.body {
        *request.body_mut() = Some(body.into());
    }
    Ok(request)
}

/// The names the signers emit, as constants: `HeaderName::from_bytes` allocates a copy of a
/// non-standard name, and `from_static` validates it again on every call when the name is not
/// a constant.
fn signer_header(name: &str) -> Option<HeaderName> {
    const ACTION: HeaderName = HeaderName::from_static("x-acs-action");
    const VERSION: HeaderName = HeaderName::from_static("x-acs-version");
    const DATE: HeaderName = HeaderName::from_static("x-acs-date");
    const NONCE: HeaderName = HeaderName::from_static("x-acs-signature-nonce");
    const CONTENT_SHA256: HeaderName = HeaderName::from_static("x-acs-content-sha256");
    const ACCESS_KEY_ID: HeaderName = HeaderName::from_static("x-acs-accesskey-id");
    const SECURITY_TOKEN: HeaderName = HeaderName::from_static("x-acs-security-token");
    Some(match name {
        "host" => HOST,
        "authorization" => AUTHORIZATION,
        "content-type" => CONTENT_TYPE,
        "x-acs-action" => ACTION,
        "x-acs-version" => VERSION,
        "x-acs-date" => DATE,
        "x-acs-signature-nonce" => NONCE,
        "x-acs-content-sha256" => CONTENT_SHA256,
        "x-acs-accesskey-id" => ACCESS_KEY_ID,
        "x-acs-security-token" => SECURITY_TOKEN,
        _ => return None,
    })
}

/// Sends and reads the whole body within `timeout`.
pub(crate) async fn exchange(
    http: &reqwest::Client,
    request: reqwest::Request,
    timeout: Duration,
) -> Result<RawResponse, TransportFailure> {
    let work = async {
        let response = http.execute(request).await.map_err(classify)?;
        let status = response.status().as_u16();
        let headers = response.headers();
        let content_type = header_str(headers, CONTENT_TYPE.as_str());
        let retry_after_ms = header_str(headers, "x-acs-retry-after")
            .and_then(|v| v.trim().parse::<u64>().ok())
            .filter(|ms| *ms > 0);
        let body = response.bytes().await.map_err(classify)?;
        Ok(RawResponse {
            status,
            content_type,
            retry_after_ms,
            body,
        })
    };
    tokio::time::timeout(timeout, work)
        .await
        .unwrap_or(Err(TransportFailure::Timeout))
}

fn header_str(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

fn classify(e: reqwest::Error) -> TransportFailure {
    // The URL carries the V1 signature and STS token in its query: never keep it in errors.
    let e = e.without_url();
    if e.is_connect() {
        TransportFailure::NotSent(Box::new(e))
    } else if e.is_timeout() {
        TransportFailure::Timeout
    } else {
        TransportFailure::Lost(Box::new(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::Credentials;
    use crate::signing::{self, SignatureVersion, SigningInput};

    #[test]
    fn every_name_a_signer_emits_is_a_known_constant() {
        let creds = Credentials::new("id", "secret").with_security_token("token");
        let form = [("Name".to_owned(), "x".to_owned())];
        for version in [SignatureVersion::V3, SignatureVersion::V1] {
            let signed = signing::sign(
                version,
                &SigningInput {
                    method: "POST",
                    host: "h",
                    action: "A",
                    version: "V",
                    query: &[],
                    form: &form,
                    extra_headers: &[("Accept", "application/json")],
                    credentials: &creds,
                    timestamp: "t",
                    nonce: "n",
                },
            );
            for (name, _) in &signed.headers {
                if let Cow::Borrowed(name) = name {
                    assert_eq!(
                        signer_header(name).as_ref().map(HeaderName::as_str),
                        Some(*name)
                    );
                }
            }
        }
    }
}
