//! The sources of the default chain, in the official order, and what each one describes
//! ([`Spec`]) before anything is fetched.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use reqwest::Url;

use super::cache::Refreshing;
use super::fetch::CredentialsUri;
use super::metadata::EcsMetadata;
use super::sts::{AssumeRole, AssumeRoleWithOidc, RoleRequest};
use super::*;
use crate::endpoint::Endpoint;

/// One link of the chain.
#[derive(Debug, Clone, Copy)]
pub(super) enum Source {
    Environment,
    Oidc,
    CliProfile,
    CredentialsIni,
    EcsMetadata,
    CredentialsUri,
}

impl Source {
    /// The order of `alibabacloud-credentials` 1.0 `DefaultCredentialsProvider` (the Go and
    /// Java libraries use the same one).
    pub(super) const ORDER: [Source; 6] = [
        Source::Environment,
        Source::Oidc,
        Source::CliProfile,
        Source::CredentialsIni,
        Source::EcsMetadata,
        Source::CredentialsUri,
    ];

    pub(super) fn name(self) -> &'static str {
        match self {
            Source::Environment => "environment",
            Source::Oidc => "OIDC (RRSA) environment",
            Source::CliProfile => "aliyun CLI profile",
            Source::CredentialsIni => "credentials.ini",
            Source::EcsMetadata => "ECS instance metadata",
            Source::CredentialsUri => "credentials URI",
        }
    }

    /// What this source describes: `None` (with a line in `tried`) when it is absent, an
    /// error when it is present but unusable (never skipped: a broken profile must not
    /// silently give way to another identity).
    pub(super) fn find(
        self,
        env: &Environment,
        tried: &mut Vec<String>,
    ) -> Result<Option<Spec>, CredentialsError> {
        let absent = |tried: &mut Vec<String>, why: String| {
            tried.push(format!("{}: {why}", self.name()));
            Ok(None)
        };
        match self {
            Source::Environment => {
                match (env.var(ENV_ACCESS_KEY_ID), env.var(ENV_ACCESS_KEY_SECRET)) {
                    (None, None) => absent(tried, format!("{ENV_ACCESS_KEY_ID} not set")),
                    (Some(id), Some(secret)) => {
                        let creds = Credentials::new(id, secret);
                        Ok(Some(Spec::Static(match env.var(ENV_SECURITY_TOKEN) {
                            Some(token) => creds.with_security_token(token),
                            None => creds,
                        })))
                    }
                    (Some(_), None) => Err(invalid_env(ENV_ACCESS_KEY_SECRET, ENV_ACCESS_KEY_ID)),
                    (None, Some(_)) => Err(invalid_env(ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET)),
                }
            }
            Source::Oidc => {
                let (role, provider, file) = (
                    env.var(ENV_ROLE_ARN),
                    env.var(ENV_OIDC_PROVIDER_ARN),
                    env.var(ENV_OIDC_TOKEN_FILE),
                );
                match (role, provider, file) {
                    (Some(role_arn), Some(provider_arn), Some(token_file)) => {
                        Ok(Some(Spec::Oidc(OidcSpec {
                            role: RoleSpec::new(role_arn, env),
                            provider_arn,
                            token_file: PathBuf::from(token_file),
                        })))
                    }
                    (_, None, None) => absent(tried, format!("{ENV_OIDC_TOKEN_FILE} not set")),
                    (role, provider, _) => Err(CredentialsError::Invalid {
                        source_name: self.name().into(),
                        reason: format!(
                            "RRSA needs {ENV_ROLE_ARN}, {ENV_OIDC_PROVIDER_ARN} and {ENV_OIDC_TOKEN_FILE}; {} is missing",
                            if role.is_none() { ENV_ROLE_ARN } else if provider.is_none() { ENV_OIDC_PROVIDER_ARN } else { ENV_OIDC_TOKEN_FILE }
                        ),
                    }),
                }
            }
            Source::CliProfile => {
                if env
                    .var(ENV_CLI_PROFILE_DISABLED)
                    .is_some_and(|v| v.eq_ignore_ascii_case("true"))
                {
                    return absent(tried, format!("disabled by {ENV_CLI_PROFILE_DISABLED}"));
                }
                let Some(path) = home_file(env, &[".aliyun", "config.json"]) else {
                    return absent(tried, "no home directory".into());
                };
                match read_private(&path)? {
                    Some(text) => profile::spec(&path, &text, env).map(Some),
                    None => absent(tried, format!("{} not found", path.display())),
                }
            }
            Source::CredentialsIni => {
                let explicit = env.var(ENV_CREDENTIALS_FILE).map(PathBuf::from);
                let Some(path) = explicit
                    .clone()
                    .or_else(|| home_file(env, &[".alibabacloud", "credentials.ini"]))
                else {
                    return absent(tried, "no home directory".into());
                };
                let section = env.var(ENV_PROFILE).unwrap_or_else(|| "default".into());
                match read_private(&path)? {
                    Some(text) => match ini::spec(&path, &text, &section, env)? {
                        Some(spec) => Ok(Some(spec)),
                        None => absent(tried, format!("{} has no [{section}]", path.display())),
                    },
                    None if explicit.is_some() => Err(CredentialsError::Invalid {
                        source_name: path.display().to_string(),
                        reason: format!("named by {ENV_CREDENTIALS_FILE} but not found"),
                    }),
                    None => absent(tried, format!("{} not found", path.display())),
                }
            }
            Source::EcsMetadata => {
                if env
                    .var(ENV_ECS_METADATA_DISABLED)
                    .is_some_and(|v| v.eq_ignore_ascii_case("true"))
                {
                    return absent(tried, format!("disabled by {ENV_ECS_METADATA_DISABLED}"));
                }
                Ok(Some(Spec::Ecs(EcsSpec::new(
                    env.var(ENV_ECS_METADATA),
                    env,
                ))))
            }
            Source::CredentialsUri => match env.var(ENV_CREDENTIALS_URI) {
                Some(uri) => Ok(Some(Spec::Uri(uri))),
                None => absent(tried, format!("{ENV_CREDENTIALS_URI} not set")),
            },
        }
    }
}

fn invalid_env(missing: &str, present: &str) -> CredentialsError {
    CredentialsError::Invalid {
        source_name: "environment".into(),
        reason: format!("{present} is set but {missing} is empty or missing"),
    }
}

/// The file's text, `None` when it does not exist. Warns when others may read it: it holds
/// secrets, and the aliyun CLI writes it `0600`.
pub(super) fn read_private(path: &Path) -> Result<Option<String>, CredentialsError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(CredentialsError::Invalid {
                source_name: path.display().to_string(),
                reason: format!("cannot read: {e}"),
            })
        }
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = std::fs::metadata(path) {
            let mode = meta.permissions().mode();
            if mode & 0o044 != 0 {
                tracing::warn!(
                    path = %path.display(),
                    mode = format_args!("{:o}", mode & 0o777),
                    "credentials file is readable by other users; run `chmod 600` on it"
                );
            }
        }
    }
    Ok(Some(text))
}

/// Where the STS endpoint is when not given explicitly: a profile's `sts_region` /
/// `enable_vpc`, else `ALIBABA_CLOUD_STS_REGION` / `ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct StsLocation {
    pub(super) region: Option<String>,
    pub(super) vpc: bool,
}

impl StsLocation {
    fn from_env(env: &Environment) -> Self {
        Self {
            region: env.var(ENV_STS_REGION),
            vpc: env
                .var(ENV_VPC_ENDPOINT_ENABLED)
                .is_some_and(|v| v.eq_ignore_ascii_case("true")),
        }
    }

    fn url(&self) -> String {
        let prefix = if self.vpc { "sts-vpc" } else { "sts" };
        match &self.region {
            Some(region) => format!("https://{prefix}.{region}.aliyuncs.com"),
            None => DEFAULT_STS_ENDPOINT.to_owned(),
        }
    }
}

/// The role part of both STS calls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct RoleSpec {
    pub(super) role_arn: String,
    pub(super) session_name: Option<String>,
    pub(super) duration_seconds: Option<u32>,
    pub(super) policy: Option<String>,
    pub(super) sts: StsLocation,
}

impl RoleSpec {
    pub(super) fn new(role_arn: String, env: &Environment) -> Self {
        Self {
            role_arn,
            session_name: env.var(ENV_ROLE_SESSION_NAME),
            duration_seconds: None,
            policy: None,
            sts: StsLocation::from_env(env),
        }
    }

    /// Profile settings win over the environment's.
    pub(super) fn with_sts(mut self, region: Option<String>, vpc: Option<bool>) -> Self {
        if region.is_some() {
            self.sts.region = region;
        }
        if let Some(vpc) = vpc {
            self.sts.vpc = vpc;
        }
        self
    }

    fn request(self, services: &Services) -> Result<RoleRequest, CredentialsError> {
        let duration_seconds = self.duration_seconds.unwrap_or(3600);
        if duration_seconds < 900 {
            return Err(CredentialsError::Invalid {
                source_name: self.role_arn,
                reason: format!("session duration {duration_seconds} s is below the 900 s minimum"),
            });
        }
        let url = services
            .sts_endpoint
            .clone()
            .unwrap_or_else(|| self.sts.url());
        let endpoint = Endpoint::parse(&url).map_err(|e| CredentialsError::Invalid {
            source_name: "STS endpoint".into(),
            reason: e.to_string(),
        })?;
        let unix = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Ok(RoleRequest {
            endpoint,
            session_name: self
                .session_name
                .unwrap_or_else(|| format!("specgen-{unix}")),
            role_arn: self.role_arn,
            duration_seconds,
            policy: self.policy,
            services: services.clone(),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct OidcSpec {
    pub(super) role: RoleSpec,
    pub(super) provider_arn: String,
    pub(super) token_file: PathBuf,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct EcsSpec {
    pub(super) role_name: Option<String>,
    pub(super) imds_v1_disabled: bool,
}

impl EcsSpec {
    pub(super) fn new(role_name: Option<String>, env: &Environment) -> Self {
        Self {
            role_name: role_name.filter(|r| !r.is_empty()),
            imds_v1_disabled: env
                .var(ENV_IMDSV1_DISABLED)
                .is_some_and(|v| v.eq_ignore_ascii_case("true")),
        }
    }
}

/// A source's description, before anything is fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Spec {
    Static(Credentials),
    AssumeRole {
        source: Box<Spec>,
        role: RoleSpec,
        external_id: Option<String>,
    },
    Oidc(OidcSpec),
    Ecs(EcsSpec),
    Uri(String),
}

impl Spec {
    /// The provider this describes; temporary credentials are cached and refreshed.
    pub(super) fn build(
        self,
        services: &Services,
    ) -> Result<Arc<dyn ProvideCredentials>, CredentialsError> {
        Ok(match self {
            Spec::Static(creds) => Arc::new(creds),
            Spec::AssumeRole {
                source,
                role,
                external_id,
            } => Arc::new(Refreshing::new(AssumeRole {
                source: source.build(services)?,
                role: role.request(services)?,
                external_id,
            })),
            Spec::Oidc(OidcSpec {
                role,
                provider_arn,
                token_file,
            }) => Arc::new(Refreshing::new(AssumeRoleWithOidc {
                role: role.request(services)?,
                provider_arn,
                token_file,
            })),
            Spec::Ecs(EcsSpec {
                role_name,
                imds_v1_disabled,
            }) => Arc::new(Refreshing::new(EcsMetadata {
                base: base_url("metadata endpoint", &services.metadata_endpoint)?,
                role_name,
                imds_v1_disabled,
                services: services.clone(),
            })),
            Spec::Uri(uri) => Arc::new(Refreshing::new(CredentialsUri {
                url: base_url(ENV_CREDENTIALS_URI, &uri)?,
                services: services.clone(),
            })),
        })
    }
}

fn base_url(what: &str, raw: &str) -> Result<Url, CredentialsError> {
    Url::parse(raw)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
        .ok_or_else(|| CredentialsError::Invalid {
            source_name: what.into(),
            // The URL may carry a token: say what is wrong, not what it is.
            reason: "not an http(s) URL".into(),
        })
}
