//! STS `AssumeRole` (signed by our own V1 signer with the source credentials) and
//! `AssumeRoleWithOIDC` (anonymous: the OIDC token is the proof), as the official
//! `RamRoleArnCredentialsProvider` and `OIDCRoleArnCredentialsProvider` send them, except
//! that both use `POST` with the parameters in a form body: the OIDC token and the policy
//! stay out of URLs (and so out of proxy and server access logs).

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use reqwest::header::{HeaderValue, ACCEPT, CONTENT_TYPE};
use reqwest::Method;

use super::cache::{Expiring, Fetch, FetchFuture};
use super::fetch::{failed, fetch_error, send, temporary_credentials, READ_TIMEOUT};
use super::{CredentialsError, ProvideCredentials, Services};
use crate::endpoint::Endpoint;
use crate::response::{classify, Outcome};
use crate::signing::{self, form_body, SignatureVersion, SigningInput};
use crate::transport;

const VERSION: &str = "2015-04-01";

/// What both STS calls share: where, which role, for how long.
pub(super) struct RoleRequest {
    pub(super) endpoint: Endpoint,
    pub(super) role_arn: String,
    pub(super) session_name: String,
    pub(super) duration_seconds: u32,
    pub(super) policy: Option<String>,
    pub(super) services: Services,
}

impl RoleRequest {
    fn params(&self) -> Vec<(String, String)> {
        let mut params = vec![
            (
                "DurationSeconds".to_owned(),
                self.duration_seconds.to_string(),
            ),
            ("RoleArn".to_owned(), self.role_arn.clone()),
            ("RoleSessionName".to_owned(), self.session_name.clone()),
        ];
        if let Some(policy) = &self.policy {
            params.push(("Policy".to_owned(), policy.clone()));
        }
        params
    }

    /// Sends and reads `Credentials` out of the answer.
    async fn exchange(
        &self,
        action: &str,
        request: reqwest::Request,
    ) -> Result<Expiring, CredentialsError> {
        let service = format!("STS {action} at {}", self.endpoint.url);
        let raw = send(&self.services, request, READ_TIMEOUT)
            .await
            .map_err(|f| failed(&service, f))?;
        match classify(&raw) {
            Outcome::Success(node) => {
                let creds = node
                    .get("Credentials")
                    .ok_or_else(|| fetch_error(&service, "answer without Credentials"))?;
                let (credentials, expires_at) = temporary_credentials(&service, creds)?;
                tracing::debug!(role = %self.role_arn, "assumed role");
                Ok(Expiring::new(credentials, expires_at))
            }
            Outcome::Service(e) => Err(fetch_error(&service, e.to_string())),
            Outcome::Redirect { status, .. } => Err(fetch_error(
                &service,
                format!("redirect (HTTP {status}) refused"),
            )),
            Outcome::Invalid { status, reason } => {
                Err(fetch_error(&service, format!("HTTP {status}: {reason}")))
            }
        }
    }
}

/// `AssumeRole` with credentials from `source` (an AccessKey, or another role: chained).
pub(super) struct AssumeRole {
    pub(super) role: RoleRequest,
    pub(super) source: Arc<dyn ProvideCredentials>,
    pub(super) external_id: Option<String>,
}

impl fmt::Debug for AssumeRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "STS AssumeRole {} at {}",
            self.role.role_arn, self.role.endpoint.url
        )
    }
}

impl Fetch for AssumeRole {
    fn fetch(&self) -> FetchFuture<'_> {
        Box::pin(async move {
            let source = self.source.provide_credentials().await?;
            let mut form = self.role.params();
            if let Some(id) = &self.external_id {
                form.push(("ExternalId".to_owned(), id.clone()));
            }
            let timestamp = signing::timestamp_now();
            let nonce = signing::new_nonce();
            let signed = signing::sign(
                SignatureVersion::V1,
                &SigningInput {
                    method: "POST",
                    host: &self.role.endpoint.host,
                    action: "AssumeRole",
                    version: VERSION,
                    query: &[],
                    form: &form,
                    extra_headers: &[(ACCEPT, "application/json")],
                    credentials: &source,
                    timestamp: &timestamp,
                    nonce: &nonce,
                },
            );
            let request = transport::build("POST", &self.role.endpoint.url, signed)
                .map_err(|e| fetch_error("STS AssumeRole", e.0))?;
            self.role.exchange("AssumeRole", request).await
        })
    }
}

/// `AssumeRoleWithOIDC` with the token read from `token_file` at every refresh (Kubernetes
/// rotates it).
pub(super) struct AssumeRoleWithOidc {
    pub(super) role: RoleRequest,
    pub(super) provider_arn: String,
    pub(super) token_file: PathBuf,
}

impl fmt::Debug for AssumeRoleWithOidc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "STS AssumeRoleWithOIDC {} at {}",
            self.role.role_arn, self.role.endpoint.url
        )
    }
}

impl Fetch for AssumeRoleWithOidc {
    fn fetch(&self) -> FetchFuture<'_> {
        Box::pin(async move {
            let token = tokio::fs::read_to_string(&self.token_file)
                .await
                .map_err(|e| CredentialsError::Invalid {
                    source_name: self.token_file.display().to_string(),
                    reason: format!("cannot read the OIDC token file: {e}"),
                })?;
            let mut form = self.role.params();
            form.push(("OIDCProviderArn".to_owned(), self.provider_arn.clone()));
            form.push(("OIDCToken".to_owned(), token.trim().to_owned()));
            let mut url = self.role.endpoint.url.clone();
            url.query_pairs_mut()
                .append_pair("Action", "AssumeRoleWithOIDC")
                .append_pair("Format", "JSON")
                .append_pair("Version", VERSION)
                .append_pair("Timestamp", &signing::timestamp_now());
            let mut request = reqwest::Request::new(Method::POST, url);
            let headers = request.headers_mut();
            headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
            headers.insert(
                CONTENT_TYPE,
                HeaderValue::from_static("application/x-www-form-urlencoded"),
            );
            *request.body_mut() = Some(form_body(&form).into());
            self.role.exchange("AssumeRoleWithOIDC", request).await
        })
    }
}
