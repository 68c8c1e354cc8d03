//! The ECS instance metadata service (`EcsRamRole`), as the official
//! `EcsRamRoleCredentialsProvider`: an IMDSv2 session token first
//! (`PUT /latest/api/token`), then the role name if not given and the role's credentials
//! under `/latest/meta-data/ram/security-credentials/`.

use std::fmt;
use std::time::{Duration, SystemTime};

use reqwest::header::HeaderValue;
use reqwest::{Method, Url};

use super::cache::{Expiring, Fetch, FetchFuture};
use super::fetch::{failed, fetch_error, json_body, send, temporary_credentials};
use super::{CredentialsError, Services};
use crate::json::Node;
use crate::transport::TransportFailure;

/// The official SDKs' 1 s connect + 1 s read: the service is on the host, or not there.
const TIMEOUT: Duration = Duration::from_secs(2);
const TOKEN_TTL: &str = "21600";
const TOKEN_TTL_HEADER: &str = "x-aliyun-ecs-metadata-token-ttl-seconds";
const TOKEN_HEADER: &str = "x-aliyun-ecs-metadata-token";
const CREDENTIALS_PATH: &str = "latest/meta-data/ram/security-credentials/";
/// The official provider refreshes at least hourly, whatever the expiration says.
const REFRESH_EVERY: Duration = Duration::from_secs(3600);

pub(super) struct EcsMetadata {
    pub(super) base: Url,
    pub(super) role_name: Option<String>,
    /// `ALIBABA_CLOUD_IMDSV1_DISABLED`: a session token is required.
    pub(super) imds_v1_disabled: bool,
    pub(super) services: Services,
}

impl fmt::Debug for EcsMetadata {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ECS instance metadata at {}", self.base)
    }
}

impl EcsMetadata {
    fn name(&self) -> String {
        format!("{self:?}")
    }

    fn url(&self, path: &str) -> Result<Url, CredentialsError> {
        self.base
            .join(path)
            .map_err(|e| fetch_error(&self.name(), format!("bad path {path:?}: {e}")))
    }

    /// The session token; `None` when the service does not give one and IMDSv1 is allowed.
    /// An unreachable service is `NotFound`: not on ECS, so the chain goes on.
    async fn session_token(&self) -> Result<Option<HeaderValue>, CredentialsError> {
        let mut request = reqwest::Request::new(Method::PUT, self.url("latest/api/token")?);
        request
            .headers_mut()
            .insert(TOKEN_TTL_HEADER, HeaderValue::from_static(TOKEN_TTL));
        let answer = match send(&self.services, request, TIMEOUT).await {
            Err(TransportFailure::NotSent(_) | TransportFailure::Timeout) => {
                return Err(CredentialsError::NotFound {
                    tried: format!("{}: not reachable", self.name()),
                })
            }
            Err(f) => Err(failed(&self.name(), f)),
            Ok(raw) if raw.status == 200 => std::str::from_utf8(&raw.body)
                .ok()
                .and_then(|t| HeaderValue::from_str(t.trim()).ok())
                .ok_or_else(|| fetch_error(&self.name(), "session token is not text")),
            Ok(raw) => Err(fetch_error(
                &self.name(),
                format!("session token: HTTP {}", raw.status),
            )),
        };
        match answer {
            Ok(token) => Ok(Some(token)),
            Err(e) if self.imds_v1_disabled => Err(e),
            Err(e) => {
                tracing::debug!(error = %e, "no IMDSv2 session token; falling back to IMDSv1");
                Ok(None)
            }
        }
    }

    async fn get(
        &self,
        path: &str,
        token: Option<&HeaderValue>,
    ) -> Result<crate::response::RawResponse, CredentialsError> {
        let mut request = reqwest::Request::new(Method::GET, self.url(path)?);
        if let Some(token) = token {
            request.headers_mut().insert(TOKEN_HEADER, token.clone());
        }
        send(&self.services, request, TIMEOUT)
            .await
            .map_err(|f| failed(&self.name(), f))
    }
}

impl Fetch for EcsMetadata {
    fn fetch(&self) -> FetchFuture<'_> {
        Box::pin(async move {
            let name = self.name();
            let token = self.session_token().await?;
            let role = match &self.role_name {
                Some(role) => role.clone(),
                None => {
                    let raw = self.get(CREDENTIALS_PATH, token.as_ref()).await?;
                    match (raw.status, std::str::from_utf8(&raw.body)) {
                        (200, Ok(role)) if !role.trim().is_empty() => role.trim().to_owned(),
                        (404, _) => {
                            return Err(CredentialsError::NotFound {
                                tried: format!("{name}: no RAM role attached to the instance"),
                            })
                        }
                        (status, _) => {
                            return Err(fetch_error(&name, format!("role name: HTTP {status}")))
                        }
                    }
                }
            };
            let raw = self
                .get(&format!("{CREDENTIALS_PATH}{role}"), token.as_ref())
                .await?;
            let node = json_body(&format!("{name} (role {role})"), &raw)?;
            if node.get("Code").and_then(Node::as_str) != Some("Success") {
                return Err(fetch_error(&name, "answer Code is not Success"));
            }
            let (credentials, expires_at) = temporary_credentials(&name, &node)?;
            let mut entry = Expiring::new(credentials, expires_at);
            entry.refresh_at = entry.refresh_at.min(SystemTime::now() + REFRESH_EVERY);
            Ok(entry)
        })
    }
}
