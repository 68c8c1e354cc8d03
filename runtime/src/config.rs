//! Client configuration and per-call overrides.

use std::sync::Arc;
use std::time::Duration;

use crate::credentials::{Credentials, DefaultCredentialsChain, Environment, ProvideCredentials};
use crate::endpoint::{EndpointCache, EndpointOverride};
use crate::retry::RetryConfig;
use crate::signing::SignatureVersion;
use crate::transport::Transport;
use crate::validate::Validation;

/// Environment variable giving the default region.
pub const ENV_REGION: &str = "ALIBABA_CLOUD_REGION_ID";
/// Connect timeout of the official SDKs.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Read timeout of the official SDKs.
pub const DEFAULT_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// Longest response body read (32 MiB): far above any API answer (a full page of the largest
/// `Describe*` is well under 1 MiB), small enough that a hostile server cannot exhaust memory.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 32 << 20;

/// Why a configuration cannot be built or cannot serve a call.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// The endpoint URL override is not a usable `http(s)://host[:port]` URL.
    #[error("invalid endpoint URL {url:?}: {reason}")]
    InvalidEndpoint {
        /// The URL as given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Neither a client region, a `RegionId` parameter nor an endpoint override.
    #[error("no region: set Config region (or ALIBABA_CLOUD_REGION_ID), pass RegionId, or set an endpoint URL")]
    MissingRegion,
    /// A region name that cannot form a host name.
    #[error("invalid region {0:?}: expected letters, digits and '-'")]
    InvalidRegion(String),
    /// A setting out of its allowed range.
    #[error("invalid setting: {0}")]
    Invalid(String),
    /// The HTTP client could not be created (TLS backend initialisation).
    #[error("cannot create HTTP client: {0}")]
    HttpClient(String),
}

/// Per-call overrides of the client configuration.
#[derive(Debug, Clone, Default)]
pub struct CallOptions {
    /// Which documented rules are checked for this call (see [`Validation`]).
    pub validation: Option<Validation>,
    /// Read timeout of each attempt of this call.
    pub read_timeout: Option<Duration>,
    /// Attempts for this call (1 disables retries).
    pub max_attempts: Option<u32>,
}

/// Immutable client configuration; build with [`Config::builder`] or [`Config::from_env`].
#[derive(Debug, Clone)]
pub struct Config {
    pub(crate) credentials: Arc<dyn ProvideCredentials>,
    pub(crate) region: Option<String>,
    pub(crate) endpoint: Option<EndpointOverride>,
    pub(crate) read_timeout: Duration,
    pub(crate) max_response_bytes: usize,
    pub(crate) retry: RetryConfig,
    pub(crate) signature_version: SignatureVersion,
    pub(crate) validation: Validation,
    pub(crate) transport: Transport,
    /// Shared by clones of this configuration, like the connection pool in `http`.
    pub(crate) endpoints: Arc<EndpointCache>,
}

impl Config {
    /// A builder with the official SDKs' defaults (timeouts 5 s / 10 s, V3 signing,
    /// credentials from the default chain) plus our retry policy.
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder::default()
    }

    /// Default chain for credentials and `ALIBABA_CLOUD_REGION_ID` for the region.
    pub fn from_env() -> Result<Config, ConfigError> {
        ConfigBuilder::from_env().build()
    }

    /// Which documented rules are checked by default.
    pub fn validation(&self) -> Validation {
        self.validation
    }

    /// The default region, if any.
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// The retry policy.
    pub fn retry(&self) -> &RetryConfig {
        &self.retry
    }

    /// The signature scheme.
    pub fn signature_version(&self) -> SignatureVersion {
        self.signature_version
    }
}

/// Builder for [`Config`].
#[derive(Debug, Clone)]
pub struct ConfigBuilder {
    credentials: Option<Arc<dyn ProvideCredentials>>,
    env: Environment,
    region: Option<String>,
    endpoint_url: Option<String>,
    connect_timeout: Duration,
    read_timeout: Duration,
    max_response_bytes: usize,
    retry: RetryConfig,
    signature_version: SignatureVersion,
    validation: Validation,
    #[cfg(feature = "test-util")]
    mock: Option<crate::test_util::Mock>,
}

impl Default for ConfigBuilder {
    fn default() -> Self {
        Self {
            credentials: None,
            env: Environment::process(),
            region: None,
            endpoint_url: None,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            read_timeout: DEFAULT_READ_TIMEOUT,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            retry: RetryConfig::default(),
            signature_version: SignatureVersion::V3,
            validation: Validation::Agreed,
            #[cfg(feature = "test-util")]
            mock: None,
        }
    }
}

impl ConfigBuilder {
    /// Region from `ALIBABA_CLOUD_REGION_ID`; credentials from the default chain.
    pub fn from_env() -> Self {
        Self::from_environment(Environment::process())
    }

    /// Like [`ConfigBuilder::from_env`] over an injected environment (tests, embedding).
    pub fn from_environment(env: Environment) -> Self {
        Self {
            region: env.var(ENV_REGION),
            env,
            ..Self::default()
        }
    }

    /// Default region (`cn-hangzhou`, ...), used for the endpoint and a missing `RegionId`.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Sends every request to this URL (`https://vpc.aliyuncs.com`, `http://127.0.0.1:8080`);
    /// wins over the endpoint derived from the region.
    pub fn endpoint_url(mut self, url: impl Into<String>) -> Self {
        self.endpoint_url = Some(url.into());
        self
    }

    /// Explicit credentials; they win over the environment and profile file.
    pub fn credentials(self, credentials: Credentials) -> Self {
        self.credentials_provider(credentials)
    }

    /// A custom credentials source.
    pub fn credentials_provider(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.credentials = Some(Arc::new(provider));
        self
    }

    /// V3 (`ACS3-HMAC-SHA256`, default) or RPC V1 (`HMAC-SHA1`).
    pub fn signature_version(mut self, version: SignatureVersion) -> Self {
        self.signature_version = version;
        self
    }

    /// Limit on establishing a connection.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Limit on each attempt from sending the request to receiving the whole response.
    pub fn read_timeout(mut self, timeout: Duration) -> Self {
        self.read_timeout = timeout;
        self
    }

    /// Longest response body read (default [`DEFAULT_MAX_RESPONSE_BYTES`]); a longer one fails
    /// the call with [`crate::SdkError::ResponseTooLarge`] and drops the connection.
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// Retry policy ([`RetryConfig::disabled`] behaves like the official SDKs).
    pub fn retry(mut self, retry: RetryConfig) -> Self {
        self.retry = retry;
        self
    }

    /// Which documented rules are checked before each request: [`Validation::Agreed`] (the
    /// default), [`Validation::All`] or [`Validation::Off`]; `false` means off.
    pub fn validation(mut self, mode: impl Into<Validation>) -> Self {
        self.validation = mode.into();
        self
    }

    /// Sends every request to `mock` instead of the network (feature `test-util`); see
    /// [`crate::test_util`].
    #[cfg(feature = "test-util")]
    pub fn mock(mut self, mock: &crate::test_util::Mock) -> Self {
        self.mock = Some(mock.clone());
        self
    }

    fn transport(&self) -> Result<Transport, ConfigError> {
        #[cfg(feature = "test-util")]
        if let Some(mock) = &self.mock {
            return Ok(Transport::Mock(mock.clone()));
        }
        http_client(self.connect_timeout).map(Transport::Http)
    }

    /// Checks the settings and creates the HTTP client.
    pub fn build(self) -> Result<Config, ConfigError> {
        if self.connect_timeout.is_zero() || self.read_timeout.is_zero() {
            return Err(ConfigError::Invalid(
                "timeouts must be greater than zero".into(),
            ));
        }
        if self.max_response_bytes == 0 {
            return Err(ConfigError::Invalid(
                "max_response_bytes must be greater than zero".into(),
            ));
        }
        self.retry.check()?;
        let endpoint = self
            .endpoint_url
            .as_deref()
            .map(EndpointOverride::parse)
            .transpose()?;
        let transport = self.transport()?;
        let credentials = self
            .credentials
            .unwrap_or_else(|| Arc::new(DefaultCredentialsChain::new(self.env)));
        Ok(Config {
            credentials,
            region: self.region.filter(|r| !r.is_empty()),
            endpoint,
            read_timeout: self.read_timeout,
            max_response_bytes: self.max_response_bytes,
            retry: self.retry,
            signature_version: self.signature_version,
            validation: self.validation,
            transport,
            endpoints: Arc::default(),
        })
    }
}

/// The HTTP client of API calls and of credential services. Redirects are never followed: a
/// redirect to another host would hand it the signed request (reqwest's default policy
/// re-sends headers and adds a `Referer` holding the V1 query with signature and token).
pub(crate) fn http_client(connect_timeout: Duration) -> Result<reqwest::Client, ConfigError> {
    reqwest::Client::builder()
        .connect_timeout(connect_timeout)
        .redirect(reqwest::redirect::Policy::none())
        .referer(false)
        .user_agent(concat!("specgen-runtime/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| ConfigError::HttpClient(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[tokio::test]
    async fn from_environment_reads_region_and_chain() {
        let vars = HashMap::from([
            (ENV_REGION.to_string(), "cn-shanghai".to_string()),
            ("ALIBABA_CLOUD_ACCESS_KEY_ID".to_string(), "id".to_string()),
            (
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET".to_string(),
                "secret".to_string(),
            ),
        ]);
        let config = ConfigBuilder::from_environment(Environment::new(vars, None))
            .build()
            .unwrap();
        assert_eq!(config.region(), Some("cn-shanghai"));
        let creds = config.credentials.provide_credentials().await.unwrap();
        assert_eq!(creds.access_key_id(), "id");
        assert_eq!(config.validation(), Validation::Agreed);
        assert_eq!(config.signature_version(), SignatureVersion::V3);
        assert!(!format!("{config:?}").contains("secret\""));
    }

    #[test]
    fn rejects_bad_settings() {
        let zero = Config::builder().read_timeout(Duration::ZERO).build();
        assert!(matches!(zero, Err(ConfigError::Invalid(_))));
        let url = Config::builder().endpoint_url("ftp://x").build();
        assert!(matches!(url, Err(ConfigError::InvalidEndpoint { .. })));
    }
}
