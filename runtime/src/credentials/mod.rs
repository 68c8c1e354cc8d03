//! Credentials and the default provider chain, resolved as the official SDKs
//! (`alibabacloud-credentials`) resolve them; see runtime/README.md for the table.
//!
//! Order: explicit (`ConfigBuilder::credentials*`), then [`DefaultCredentialsChain`]:
//! environment AccessKey; RRSA/OIDC from the environment; the aliyun CLI profile file
//! (`~/.aliyun/config.json`, every mode but the interactive ones); `credentials.ini`; the ECS
//! instance metadata service; `ALIBABA_CLOUD_CREDENTIALS_URI`. Temporary credentials are
//! cached and refreshed 15 minutes before they expire, one refresh at a time.
//!
//! Secrets never appear in `Debug` output, log lines or error messages.

mod cache;
mod environment;
mod fetch;
mod ini;
mod metadata;
mod profile;
mod source;
mod sts;

use std::fmt;
use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::Arc;

pub use environment::Environment;
use source::Source;

/// Environment variable holding the AccessKey ID.
pub const ENV_ACCESS_KEY_ID: &str = "ALIBABA_CLOUD_ACCESS_KEY_ID";
/// Environment variable holding the AccessKey secret.
pub const ENV_ACCESS_KEY_SECRET: &str = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
/// Environment variable holding an STS security token.
pub const ENV_SECURITY_TOKEN: &str = "ALIBABA_CLOUD_SECURITY_TOKEN";
/// Environment variable naming the profile to use (CLI profile and `credentials.ini`).
pub const ENV_PROFILE: &str = "ALIBABA_CLOUD_PROFILE";
/// Environment variable that disables the aliyun CLI profile file when `true`.
pub const ENV_CLI_PROFILE_DISABLED: &str = "ALIBABA_CLOUD_CLI_PROFILE_DISABLED";
/// RRSA: the RAM role to assume with the OIDC token.
pub const ENV_ROLE_ARN: &str = "ALIBABA_CLOUD_ROLE_ARN";
/// RRSA: the OIDC identity provider.
pub const ENV_OIDC_PROVIDER_ARN: &str = "ALIBABA_CLOUD_OIDC_PROVIDER_ARN";
/// RRSA: the file holding the OIDC token (re-read at every refresh: it rotates).
pub const ENV_OIDC_TOKEN_FILE: &str = "ALIBABA_CLOUD_OIDC_TOKEN_FILE";
/// Session name of assumed roles (default `specgen-<unix time>`).
pub const ENV_ROLE_SESSION_NAME: &str = "ALIBABA_CLOUD_ROLE_SESSION_NAME";
/// A URL answering `{"Code":"Success","AccessKeyId",...,"Expiration"}`.
pub const ENV_CREDENTIALS_URI: &str = "ALIBABA_CLOUD_CREDENTIALS_URI";
/// Path of the `credentials.ini` file (default `~/.alibabacloud/credentials.ini`).
pub const ENV_CREDENTIALS_FILE: &str = "ALIBABA_CLOUD_CREDENTIALS_FILE";
/// The ECS RAM role name (else asked of the metadata service).
pub const ENV_ECS_METADATA: &str = "ALIBABA_CLOUD_ECS_METADATA";
/// `true` skips the ECS instance metadata service.
pub const ENV_ECS_METADATA_DISABLED: &str = "ALIBABA_CLOUD_ECS_METADATA_DISABLED";
/// `true` refuses metadata calls without an IMDSv2 session token.
pub const ENV_IMDSV1_DISABLED: &str = "ALIBABA_CLOUD_IMDSV1_DISABLED";
/// Region of the STS endpoint (`sts.<region>.aliyuncs.com`).
pub const ENV_STS_REGION: &str = "ALIBABA_CLOUD_STS_REGION";
/// `true` uses the VPC STS endpoint (`sts-vpc.<region>.aliyuncs.com`).
pub const ENV_VPC_ENDPOINT_ENABLED: &str = "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED";

/// The official SDKs' metadata service address.
pub const DEFAULT_METADATA_ENDPOINT: &str = "http://100.100.100.200";
/// The official SDKs' STS endpoint when no region is given.
pub const DEFAULT_STS_ENDPOINT: &str = "https://sts.aliyuncs.com";

const REDACTED: &str = "<redacted>";

/// An AccessKey pair, optionally with an STS security token.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    // Shared, not owned: a provider hands out a copy for every call, and a copy is then three
    // reference counts instead of three string allocations.
    access_key_id: Arc<str>,
    access_key_secret: Arc<str>,
    security_token: Option<Arc<str>>,
}

impl Credentials {
    /// Long-lived AccessKey credentials.
    pub fn new(access_key_id: impl Into<String>, access_key_secret: impl Into<String>) -> Self {
        Self {
            access_key_id: Arc::from(access_key_id.into()),
            access_key_secret: Arc::from(access_key_secret.into()),
            security_token: None,
        }
    }

    /// Adds an STS security token (temporary credentials).
    pub fn with_security_token(mut self, token: impl Into<String>) -> Self {
        self.security_token = Some(Arc::from(token.into()));
        self
    }

    /// The AccessKey ID (not a secret; it names the key).
    pub fn access_key_id(&self) -> &str {
        &self.access_key_id
    }

    /// The AccessKey secret. Only the signer should read it.
    pub fn access_key_secret(&self) -> &str {
        &self.access_key_secret
    }

    /// The STS security token, if any.
    pub fn security_token(&self) -> Option<&str> {
        self.security_token.as_deref()
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .field("access_key_secret", &REDACTED)
            .field(
                "security_token",
                &self.security_token.as_ref().map(|_| REDACTED),
            )
            .finish()
    }
}

/// Why no usable credentials could be found. Messages never contain secrets.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CredentialsError {
    /// No source of the chain produced credentials.
    #[error("no credentials found: set {ENV_ACCESS_KEY_ID} and {ENV_ACCESS_KEY_SECRET}, configure an aliyun CLI profile, or pass credentials explicitly ({tried})")]
    NotFound {
        /// What each source said, in chain order.
        tried: String,
    },
    /// A source exists but is incomplete or malformed.
    #[error("{source_name}: {reason}")]
    Invalid {
        /// The source, e.g. `environment` or the profile file path.
        source_name: String,
        /// What is wrong, without any secret value.
        reason: String,
    },
    /// A credentials service (STS, instance metadata, credentials URI) gave none.
    #[error("{service}: {reason}")]
    Fetch {
        /// The service and its address, e.g. `STS AssumeRole at https://sts.aliyuncs.com`.
        service: String,
        /// What went wrong, without any secret value.
        reason: String,
    },
}

/// What [`ProvideCredentials::provide_credentials`] returns.
pub type CredentialsFuture<'a> =
    Pin<Box<dyn Future<Output = Result<Credentials, CredentialsError>> + Send + 'a>>;

/// Something that yields credentials for each call. Asynchronous, so a provider may call a
/// service (STS, the metadata service) without blocking the runtime.
pub trait ProvideCredentials: Send + Sync + fmt::Debug {
    /// The credentials to sign the next request with.
    fn provide_credentials(&self) -> CredentialsFuture<'_>;
}

impl ProvideCredentials for Credentials {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(std::future::ready(Ok(self.clone())))
    }
}

/// The official SDKs' default chain (see the [module](self) docs), over an injectable
/// environment and with configurable service addresses. The first source that yields
/// credentials is kept and asked again on every later call (as the official chain's
/// `reuse_last_provider`), so its cache and refresh schedule live as long as the chain.
#[derive(Debug, Clone)]
pub struct DefaultCredentialsChain {
    env: Environment,
    services: Services,
    chosen: Arc<tokio::sync::OnceCell<Arc<dyn ProvideCredentials>>>,
}

/// Where the credential services are, and the HTTP client that reaches them (no redirects,
/// bounded bodies, like API calls).
#[derive(Debug, Clone)]
pub(crate) struct Services {
    pub(crate) sts_endpoint: Option<String>,
    pub(crate) metadata_endpoint: String,
    /// An error when the TLS backend could not start; every fetch then reports it.
    pub(crate) http: Result<reqwest::Client, crate::config::ConfigError>,
}

impl DefaultCredentialsChain {
    /// A chain reading the given environment (tests inject variables and a home directory).
    pub fn new(env: Environment) -> Self {
        Self {
            env,
            services: Services {
                sts_endpoint: None,
                metadata_endpoint: DEFAULT_METADATA_ENDPOINT.to_owned(),
                http: crate::config::http_client(fetch::CONNECT_TIMEOUT),
            },
            chosen: Arc::default(),
        }
    }

    /// A chain reading the process environment and the user's home directory.
    pub fn from_process() -> Self {
        Self::new(Environment::process())
    }

    /// STS endpoint URL for AssumeRole and AssumeRoleWithOIDC (`https://sts.aliyuncs.com`,
    /// `http://127.0.0.1:8080`); wins over `ALIBABA_CLOUD_STS_REGION` and profile settings.
    pub fn sts_endpoint(mut self, url: impl Into<String>) -> Self {
        self.services.sts_endpoint = Some(url.into());
        self
    }

    /// Base URL of the ECS instance metadata service (default
    /// [`DEFAULT_METADATA_ENDPOINT`]).
    pub fn metadata_endpoint(mut self, url: impl Into<String>) -> Self {
        self.services.metadata_endpoint = url.into();
        self
    }

    async fn choose(&self) -> Result<Arc<dyn ProvideCredentials>, CredentialsError> {
        let mut tried = Vec::new();
        for source in Source::ORDER {
            let Some(spec) = source.find(&self.env, &mut tried)? else {
                continue;
            };
            let provider = spec.build(&self.services)?;
            match provider.provide_credentials().await {
                Ok(_) => {
                    tracing::debug!(source = source.name(), "credentials source chosen");
                    return Ok(provider);
                }
                // Only the metadata service says this: not on ECS, or no role attached.
                Err(CredentialsError::NotFound { tried: why }) => tried.push(why),
                Err(e) => return Err(e),
            }
        }
        Err(CredentialsError::NotFound {
            tried: tried.join("; "),
        })
    }
}

impl ProvideCredentials for DefaultCredentialsChain {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(async move {
            let provider = self.chosen.get_or_try_init(|| self.choose()).await?;
            provider.provide_credentials().await
        })
    }
}

fn home_file(env: &Environment, parts: &[&str]) -> Option<PathBuf> {
    let mut path = env.home()?.to_path_buf();
    path.extend(parts);
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// An environment with the metadata service off: unit tests never reach 100.100.100.200.
    pub(crate) fn env(vars: &[(&str, &str)], home: Option<PathBuf>) -> Environment {
        let mut map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        map.entry(ENV_ECS_METADATA_DISABLED.into())
            .or_insert_with(|| "true".into());
        Environment::new(map, home)
    }

    #[test]
    fn debug_redacts_secret_and_token() {
        let c = Credentials::new("LTAIid", "s3cr3t").with_security_token("t0k3n");
        let shown = format!("{c:?}");
        assert!(shown.contains("LTAIid"));
        assert!(!shown.contains("s3cr3t"));
        assert!(!shown.contains("t0k3n"));
    }

    #[tokio::test]
    async fn environment_wins_over_profile() {
        let dir = profile::tests::home_with_profile(
            r#"{"current":"p","profiles":[{"name":"p","mode":"AK","access_key_id":"file","access_key_secret":"fs"}]}"#,
        );
        let chain = DefaultCredentialsChain::new(env(
            &[
                (ENV_ACCESS_KEY_ID, "envid"),
                (ENV_ACCESS_KEY_SECRET, "envsecret"),
                (ENV_SECURITY_TOKEN, "envtoken"),
            ],
            Some(dir.path().to_path_buf()),
        ));
        let c = chain.provide_credentials().await.unwrap();
        assert_eq!(c.access_key_id(), "envid");
        assert_eq!(c.access_key_secret(), "envsecret");
        assert_eq!(c.security_token(), Some("envtoken"));
    }

    #[tokio::test]
    async fn half_set_environment_is_an_error_without_secret() {
        let chain =
            DefaultCredentialsChain::new(env(&[(ENV_ACCESS_KEY_SECRET, "envsecret")], None));
        let err = chain.provide_credentials().await.unwrap_err();
        assert!(err.to_string().contains(ENV_ACCESS_KEY_ID));
        assert!(!err.to_string().contains("envsecret"));
        let rrsa = DefaultCredentialsChain::new(env(&[(ENV_OIDC_TOKEN_FILE, "/t")], None));
        let err = rrsa.provide_credentials().await.unwrap_err().to_string();
        assert!(err.contains(ENV_ROLE_ARN), "{err}");
    }

    #[tokio::test]
    async fn falls_back_to_profile_then_ini_then_reports_what_was_tried() {
        let dir = profile::tests::home_with_profile(
            r#"{"current":"p","profiles":[{"name":"p","mode":"AK","access_key_id":"file","access_key_secret":"fs"}]}"#,
        );
        let home = Some(dir.path().to_path_buf());
        let chain = DefaultCredentialsChain::new(env(&[], home.clone()));
        let c = chain.provide_credentials().await.unwrap();
        assert_eq!(c.access_key_id(), "file");

        std::fs::create_dir_all(dir.path().join(".alibabacloud")).unwrap();
        std::fs::write(
            dir.path().join(".alibabacloud/credentials.ini"),
            "[default]\ntype = access_key\naccess_key_id = ini\naccess_key_secret = is\n",
        )
        .unwrap();
        let disabled =
            DefaultCredentialsChain::new(env(&[(ENV_CLI_PROFILE_DISABLED, "TRUE")], home.clone()));
        let c = disabled.provide_credentials().await.unwrap();
        assert_eq!(c.access_key_id(), "ini");

        let empty = tempfile::tempdir().unwrap();
        let err = DefaultCredentialsChain::new(env(&[], Some(empty.path().to_path_buf())))
            .provide_credentials()
            .await
            .unwrap_err();
        let shown = err.to_string();
        assert!(matches!(err, CredentialsError::NotFound { .. }));
        for what in [
            "config.json not found",
            "credentials.ini not found",
            "disabled by ALIBABA_CLOUD_ECS_METADATA_DISABLED",
            "ALIBABA_CLOUD_CREDENTIALS_URI not set",
        ] {
            assert!(shown.contains(what), "{what}: {shown}");
        }
    }

    #[cfg(unix)]
    #[tokio::test]
    async fn a_profile_readable_by_others_still_works() {
        use std::os::unix::fs::PermissionsExt;
        let dir = profile::tests::home_with_profile(
            r#"{"current":"p","profiles":[{"name":"p","mode":"AK","access_key_id":"file","access_key_secret":"fs"}]}"#,
        );
        let path = dir.path().join(".aliyun/config.json");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let chain = DefaultCredentialsChain::new(env(&[], Some(dir.path().to_path_buf())));
        assert_eq!(
            chain.provide_credentials().await.unwrap().access_key_id(),
            "file"
        );
    }
}
