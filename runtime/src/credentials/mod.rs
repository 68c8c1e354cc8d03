//! Credentials and the default provider chain (explicit, environment, aliyun CLI profile).
//!
//! Secrets never appear in `Debug` output, log lines or error messages.

mod environment;
mod profile;

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

pub use environment::Environment;

/// Environment variable holding the AccessKey ID.
pub const ENV_ACCESS_KEY_ID: &str = "ALIBABA_CLOUD_ACCESS_KEY_ID";
/// Environment variable holding the AccessKey secret.
pub const ENV_ACCESS_KEY_SECRET: &str = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
/// Environment variable holding an STS security token.
pub const ENV_SECURITY_TOKEN: &str = "ALIBABA_CLOUD_SECURITY_TOKEN";
/// Environment variable naming the aliyun CLI profile to use.
pub const ENV_PROFILE: &str = "ALIBABA_CLOUD_PROFILE";
/// Environment variable that disables the aliyun CLI profile file when `true`.
pub const ENV_CLI_PROFILE_DISABLED: &str = "ALIBABA_CLOUD_CLI_PROFILE_DISABLED";

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
}

/// Something that yields credentials for each call.
pub trait ProvideCredentials: Send + Sync + fmt::Debug {
    /// Returns the credentials to sign the next request with.
    fn provide(&self) -> Result<Credentials, CredentialsError>;
}

impl ProvideCredentials for Credentials {
    fn provide(&self) -> Result<Credentials, CredentialsError> {
        Ok(self.clone())
    }
}

/// The official SDKs' default order: environment variables, then the aliyun CLI profile file
/// (`~/.aliyun/config.json`, profile from `ALIBABA_CLOUD_PROFILE`, else the file's `current`).
#[derive(Debug, Clone)]
pub struct DefaultCredentialsChain {
    env: Environment,
}

impl DefaultCredentialsChain {
    /// A chain reading the given environment (tests inject variables and a home directory).
    pub fn new(env: Environment) -> Self {
        Self { env }
    }

    /// A chain reading the process environment and the user's home directory.
    pub fn from_process() -> Self {
        Self::new(Environment::process())
    }

    fn env_credentials(&self) -> Result<Option<Credentials>, CredentialsError> {
        let id = self.env.var(ENV_ACCESS_KEY_ID);
        let secret = self.env.var(ENV_ACCESS_KEY_SECRET);
        match (id, secret) {
            (None, None) => Ok(None),
            (Some(id), Some(secret)) => {
                let creds = Credentials::new(id, secret);
                Ok(Some(match self.env.var(ENV_SECURITY_TOKEN) {
                    Some(token) => creds.with_security_token(token),
                    None => creds,
                }))
            }
            (Some(_), None) => Err(invalid_env(ENV_ACCESS_KEY_SECRET, ENV_ACCESS_KEY_ID)),
            (None, Some(_)) => Err(invalid_env(ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET)),
        }
    }

    fn profile_path(&self) -> Option<PathBuf> {
        self.env
            .home()
            .map(|home| home.join(".aliyun").join("config.json"))
    }
}

fn invalid_env(missing: &str, present: &str) -> CredentialsError {
    CredentialsError::Invalid {
        source_name: "environment".into(),
        reason: format!("{present} is set but {missing} is empty or missing"),
    }
}

impl ProvideCredentials for DefaultCredentialsChain {
    fn provide(&self) -> Result<Credentials, CredentialsError> {
        if let Some(creds) = self.env_credentials()? {
            return Ok(creds);
        }
        let mut tried = vec![format!("environment: {ENV_ACCESS_KEY_ID} not set")];
        if self
            .env
            .var(ENV_CLI_PROFILE_DISABLED)
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
        {
            tried.push(format!(
                "aliyun CLI profile: disabled by {ENV_CLI_PROFILE_DISABLED}"
            ));
        } else if let Some(path) = self.profile_path() {
            let wanted = self.env.var(ENV_PROFILE);
            match profile::load(&path, wanted.as_deref())? {
                Some(creds) => return Ok(creds),
                None => tried.push(format!("aliyun CLI profile: {} not found", path.display())),
            }
        } else {
            tried.push("aliyun CLI profile: no home directory".into());
        }
        Err(CredentialsError::NotFound {
            tried: tried.join("; "),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(vars: &[(&str, &str)], home: Option<PathBuf>) -> Environment {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
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

    #[test]
    fn environment_wins_over_profile() {
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
        let c = chain.provide().unwrap();
        assert_eq!(c.access_key_id(), "envid");
        assert_eq!(c.access_key_secret(), "envsecret");
        assert_eq!(c.security_token(), Some("envtoken"));
    }

    #[test]
    fn half_set_environment_is_an_error_without_secret() {
        let chain =
            DefaultCredentialsChain::new(env(&[(ENV_ACCESS_KEY_SECRET, "envsecret")], None));
        let err = chain.provide().unwrap_err();
        assert!(err.to_string().contains(ENV_ACCESS_KEY_ID));
        assert!(!err.to_string().contains("envsecret"));
    }

    #[test]
    fn falls_back_to_profile_then_reports_what_was_tried() {
        let dir = profile::tests::home_with_profile(
            r#"{"current":"p","profiles":[{"name":"p","mode":"AK","access_key_id":"file","access_key_secret":"fs"}]}"#,
        );
        let chain = DefaultCredentialsChain::new(env(&[], Some(dir.path().to_path_buf())));
        assert_eq!(chain.provide().unwrap().access_key_id(), "file");

        let disabled = DefaultCredentialsChain::new(env(
            &[(ENV_CLI_PROFILE_DISABLED, "TRUE")],
            Some(dir.path().to_path_buf()),
        ));
        let err = disabled.provide().unwrap_err();
        assert!(matches!(err, CredentialsError::NotFound { .. }));
        assert!(err.to_string().contains("disabled"));

        let empty = tempfile::tempdir().unwrap();
        let err = DefaultCredentialsChain::new(env(&[], Some(empty.path().to_path_buf())))
            .provide()
            .unwrap_err();
        assert!(err.to_string().contains("config.json not found"), "{err}");
    }
}
