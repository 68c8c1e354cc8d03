//! HTTP for credential services: bounded bodies, no redirects, errors without secrets; and
//! the credentials URI source.

use std::time::{Duration, SystemTime};

use reqwest::{Method, Url};

use super::cache::{Expiring, Fetch, FetchFuture};
use super::{Credentials, CredentialsError, Services};
use crate::json::Node;
use crate::response::RawResponse;
use crate::transport::{self, TransportFailure};

/// The official SDKs' timeouts for STS and the credentials URI.
pub(super) const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
pub(super) const READ_TIMEOUT: Duration = Duration::from_secs(10);
/// Longest answer of a credentials service.
const MAX_BODY: usize = 1 << 20;

/// Sends `request` within `timeout`; a transport failure is returned as is, for the caller
/// to tell "not there" from "broken".
pub(super) async fn send(
    services: &Services,
    request: reqwest::Request,
    timeout: Duration,
) -> Result<RawResponse, TransportFailure> {
    match &services.http {
        Ok(http) => transport::exchange(http, request, timeout, MAX_BODY).await,
        Err(e) => Err(TransportFailure::Lost(Box::new(e.clone()))),
    }
}

/// A transport failure as a credentials error. The URL was already stripped from the
/// source error (the STS query may carry a signature).
pub(super) fn failed(service: &str, failure: TransportFailure) -> CredentialsError {
    let reason = match failure {
        TransportFailure::Timeout => "no answer in time".to_owned(),
        TransportFailure::NotSent(e) => format!("cannot connect: {e}"),
        TransportFailure::Lost(e) => format!("connection lost: {e}"),
        TransportFailure::TooLarge { limit, .. } => format!("answer longer than {limit} bytes"),
        #[cfg(feature = "test-util")]
        TransportFailure::Unanswered(e) => e.to_string(),
    };
    fetch_error(service, reason)
}

pub(super) fn fetch_error(service: &str, reason: impl Into<String>) -> CredentialsError {
    CredentialsError::Fetch {
        service: service.to_owned(),
        reason: reason.into(),
    }
}

/// `AccessKeyId`, `AccessKeySecret`, `SecurityToken` and `Expiration` (`%Y-%m-%dT%H:%M:%SZ`)
/// of `node`. Errors name the missing field, never a value.
pub(super) fn temporary_credentials(
    service: &str,
    node: &Node<'_>,
) -> Result<(Credentials, SystemTime), CredentialsError> {
    let field = |name: &str| {
        node.get(name)
            .and_then(Node::as_str)
            .filter(|v| !v.is_empty())
            .ok_or_else(|| fetch_error(service, format!("answer without {name}")))
    };
    let credentials = Credentials::new(field("AccessKeyId")?, field("AccessKeySecret")?)
        .with_security_token(field("SecurityToken")?);
    let expiration = field("Expiration")?;
    let expires_at = humantime::parse_rfc3339(expiration).map_err(|_| {
        fetch_error(
            service,
            format!("Expiration {expiration:?} is not a UTC time"),
        )
    })?;
    Ok((credentials, expires_at))
}

/// The parsed JSON object of a 200 answer; other answers name only their status.
pub(super) fn json_body<'a>(
    service: &str,
    raw: &'a RawResponse,
) -> Result<Node<'a>, CredentialsError> {
    if raw.status != 200 {
        return Err(fetch_error(service, format!("HTTP {}", raw.status)));
    }
    match Node::parse(&raw.body) {
        Ok(node) if node.is_object() => Ok(node),
        _ => Err(fetch_error(service, "answer is not a JSON object")),
    }
}

/// `ALIBABA_CLOUD_CREDENTIALS_URI`: a `GET` answering
/// `{"Code":"Success","AccessKeyId","AccessKeySecret","SecurityToken","Expiration"}`.
pub(super) struct CredentialsUri {
    pub(super) url: Url,
    pub(super) services: Services,
}

impl CredentialsUri {
    fn name(&self) -> String {
        // The query may hold a token of the issuing service: name only where it points.
        format!(
            "credentials URI {}://{}{}",
            self.url.scheme(),
            self.url.host_str().unwrap_or_default(),
            self.url.port().map(|p| format!(":{p}")).unwrap_or_default()
        )
    }
}

impl std::fmt::Debug for CredentialsUri {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name())
    }
}

impl Fetch for CredentialsUri {
    fn fetch(&self) -> FetchFuture<'_> {
        Box::pin(async move {
            let name = self.name();
            let request = reqwest::Request::new(Method::GET, self.url.clone());
            let raw = send(&self.services, request, READ_TIMEOUT)
                .await
                .map_err(|f| failed(&name, f))?;
            let node = json_body(&name, &raw)?;
            if node.get("Code").and_then(Node::as_str) != Some("Success") {
                return Err(fetch_error(&name, "answer Code is not Success"));
            }
            let (credentials, expires_at) = temporary_credentials(&name, &node)?;
            Ok(Expiring::new(credentials, expires_at))
        })
    }
}
