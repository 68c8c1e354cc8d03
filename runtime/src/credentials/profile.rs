//! The aliyun CLI profile file (`~/.aliyun/config.json`): modes `AK`, `StsToken`,
//! `RamRoleArn`, `EcsRamRole`, `ChainableRamRoleArn` and `OIDC`, with the official field
//! names. `CloudSSO`, `OAuth` and `External` (interactive or process-running modes) are
//! reported by name as unsupported.

use std::path::Path;

use serde::Deserialize;

use super::source::{EcsSpec, OidcSpec, RoleSpec, Spec};
use super::{Credentials, CredentialsError, Environment, ENV_ECS_METADATA, ENV_PROFILE};

#[derive(Deserialize)]
struct ConfigFile {
    #[serde(default)]
    current: Option<String>,
    #[serde(default)]
    profiles: Vec<Profile>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Profile {
    name: Option<String>,
    mode: Option<String>,
    access_key_id: Option<String>,
    access_key_secret: Option<String>,
    sts_token: Option<String>,
    ram_role_arn: Option<String>,
    ram_session_name: Option<String>,
    role_session_name: Option<String>,
    expired_seconds: Option<u32>,
    policy: Option<String>,
    external_id: Option<String>,
    sts_region: Option<String>,
    enable_vpc: Option<bool>,
    ram_role_name: Option<String>,
    oidc_provider_arn: Option<String>,
    oidc_token_file: Option<String>,
    source_profile: Option<String>,
}

/// The profile named by `ALIBABA_CLOUD_PROFILE` (else the file's `current`) as a [`Spec`].
pub(super) fn spec(path: &Path, text: &str, env: &Environment) -> Result<Spec, CredentialsError> {
    // serde_json's messages can quote the offending value, which may be a secret: keep only
    // the position.
    let file: ConfigFile = serde_json::from_str(text).map_err(|e| {
        invalid(
            path,
            format!(
                "not a valid config file (line {}, column {})",
                e.line(),
                e.column()
            ),
        )
    })?;
    let name = env
        .var(ENV_PROFILE)
        .or(file.current.clone())
        .filter(|n| !n.is_empty())
        .ok_or_else(|| {
            invalid(
                path,
                "no profile named: set ALIBABA_CLOUD_PROFILE or `current`".into(),
            )
        })?;
    let mut chain = Vec::new();
    profile_spec(path, &file, &name, env, &mut chain)
}

fn profile_spec(
    path: &Path,
    file: &ConfigFile,
    name: &str,
    env: &Environment,
    chain: &mut Vec<String>,
) -> Result<Spec, CredentialsError> {
    if chain.iter().any(|n| n == name) {
        return Err(invalid(
            path,
            format!("source_profile loop: {} -> {name}", chain.join(" -> ")),
        ));
    }
    chain.push(name.to_owned());
    let profile = file
        .profiles
        .iter()
        .find(|p| p.name.as_deref() == Some(name))
        .ok_or_else(|| invalid(path, format!("no profile named {name:?}")))?;
    let field = |value: &Option<String>, key: &str| {
        value
            .clone()
            .filter(|v| !v.is_empty())
            .ok_or_else(|| invalid(path, format!("profile {name:?}: {key} is missing or empty")))
    };
    let access_key = || -> Result<Credentials, CredentialsError> {
        Ok(Credentials::new(
            field(&profile.access_key_id, "access_key_id")?,
            field(&profile.access_key_secret, "access_key_secret")?,
        ))
    };
    let role = |session_name: &Option<String>| -> Result<RoleSpec, CredentialsError> {
        let mut role = RoleSpec::new(field(&profile.ram_role_arn, "ram_role_arn")?, env)
            .with_sts(profile.sts_region.clone(), profile.enable_vpc);
        if let Some(session) = session_name.clone().filter(|s| !s.is_empty()) {
            role.session_name = Some(session);
        }
        role.duration_seconds = profile.expired_seconds;
        role.policy = profile.policy.clone().filter(|p| !p.is_empty());
        Ok(role)
    };
    let external_id = profile.external_id.clone().filter(|e| !e.is_empty());
    match profile.mode.as_deref().unwrap_or_default() {
        "AK" => Ok(Spec::Static(access_key()?)),
        "StsToken" => Ok(Spec::Static(
            access_key()?.with_security_token(field(&profile.sts_token, "sts_token")?),
        )),
        "RamRoleArn" => Ok(Spec::AssumeRole {
            source: Box::new(Spec::Static(access_key()?)),
            role: role(&profile.ram_session_name)?,
            external_id,
        }),
        "ChainableRamRoleArn" => {
            let source_name = field(&profile.source_profile, "source_profile")?;
            Ok(Spec::AssumeRole {
                source: Box::new(profile_spec(path, file, &source_name, env, chain)?),
                role: role(&profile.ram_session_name)?,
                external_id,
            })
        }
        "EcsRamRole" => Ok(Spec::Ecs(EcsSpec::new(
            profile.ram_role_name.clone().or_else(|| env.var(ENV_ECS_METADATA)),
            env,
        ))),
        "OIDC" => Ok(Spec::Oidc(OidcSpec {
            role: role(&profile.role_session_name)?,
            provider_arn: field(&profile.oidc_provider_arn, "oidc_provider_arn")?,
            token_file: field(&profile.oidc_token_file, "oidc_token_file")?.into(),
        })),
        other => Err(invalid(
            path,
            format!(
                "profile {name:?}: mode {other:?} is not supported (supported: AK, StsToken, RamRoleArn, EcsRamRole, ChainableRamRoleArn, OIDC)"
            ),
        )),
    }
}

fn invalid(path: &Path, reason: String) -> CredentialsError {
    CredentialsError::Invalid {
        source_name: path.display().to_string(),
        reason,
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use std::collections::HashMap;

    /// A temporary home directory holding `.aliyun/config.json` with `content`.
    pub(crate) fn home_with_profile(content: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join(".aliyun")).unwrap();
        std::fs::write(dir.path().join(".aliyun/config.json"), content).unwrap();
        dir
    }

    fn load(content: &str, wanted: Option<&str>) -> Result<Spec, CredentialsError> {
        let mut vars = HashMap::new();
        if let Some(w) = wanted {
            vars.insert(ENV_PROFILE.to_string(), w.to_string());
        }
        spec(
            Path::new("config.json"),
            content,
            &Environment::new(vars, None),
        )
    }

    const FILE: &str = r#"{"current":"ak","profiles":[
        {"name":"ak","mode":"AK","access_key_id":"id1","access_key_secret":"sec1"},
        {"name":"sts","mode":"StsToken","access_key_id":"id2","access_key_secret":"sec2","sts_token":"tok2"},
        {"name":"role","mode":"RamRoleArn","access_key_id":"id3","access_key_secret":"sec3",
         "ram_role_arn":"acs:ram::1:role/r","ram_session_name":"s","expired_seconds":900,
         "sts_region":"cn-beijing","enable_vpc":true,"external_id":"ext"},
        {"name":"chained","mode":"ChainableRamRoleArn","source_profile":"role","ram_role_arn":"acs:ram::1:role/c"},
        {"name":"ecs","mode":"EcsRamRole","ram_role_name":"worker"},
        {"name":"oidc","mode":"OIDC","ram_role_arn":"acs:ram::1:role/o","oidc_provider_arn":"acs:ram::1:oidc-provider/p","oidc_token_file":"/var/token"},
        {"name":"loop1","mode":"ChainableRamRoleArn","source_profile":"loop2","ram_role_arn":"a"},
        {"name":"loop2","mode":"ChainableRamRoleArn","source_profile":"loop1","ram_role_arn":"a"},
        {"name":"sso","mode":"CloudSSO"},
        {"name":"broken","mode":"AK","access_key_id":"id4"}]}"#;

    #[test]
    fn every_mode_reads_its_fields() {
        let Spec::Static(c) = load(FILE, None).unwrap() else {
            panic!()
        };
        assert_eq!((c.access_key_id(), c.security_token()), ("id1", None));
        let Spec::Static(c) = load(FILE, Some("sts")).unwrap() else {
            panic!()
        };
        assert_eq!(
            (c.access_key_secret(), c.security_token()),
            ("sec2", Some("tok2"))
        );
        let Spec::AssumeRole {
            source,
            role,
            external_id,
        } = load(FILE, Some("role")).unwrap()
        else {
            panic!()
        };
        assert!(matches!(*source, Spec::Static(ref c) if c.access_key_id() == "id3"));
        assert_eq!(role.role_arn, "acs:ram::1:role/r");
        assert_eq!(role.session_name.as_deref(), Some("s"));
        assert_eq!(role.duration_seconds, Some(900));
        assert_eq!(
            (role.sts.region.as_deref(), role.sts.vpc),
            (Some("cn-beijing"), true)
        );
        assert_eq!(external_id.as_deref(), Some("ext"));
        let Spec::AssumeRole { source, role, .. } = load(FILE, Some("chained")).unwrap() else {
            panic!()
        };
        assert_eq!(role.role_arn, "acs:ram::1:role/c");
        assert!(
            matches!(*source, Spec::AssumeRole { ref role, .. } if role.role_arn == "acs:ram::1:role/r")
        );
        assert!(
            matches!(load(FILE, Some("ecs")).unwrap(), Spec::Ecs(EcsSpec { role_name: Some(ref r), .. }) if r == "worker")
        );
        let Spec::Oidc(o) = load(FILE, Some("oidc")).unwrap() else {
            panic!()
        };
        assert_eq!(o.token_file, Path::new("/var/token"));
        assert_eq!(o.provider_arn, "acs:ram::1:oidc-provider/p");
    }

    #[test]
    fn clear_errors_without_secrets() {
        let unknown = load(FILE, Some("nobody")).unwrap_err().to_string();
        assert!(unknown.contains("no profile named \"nobody\""), "{unknown}");
        let mode = load(FILE, Some("sso")).unwrap_err().to_string();
        assert!(
            mode.contains("mode \"CloudSSO\" is not supported"),
            "{mode}"
        );
        let looped = load(FILE, Some("loop1")).unwrap_err().to_string();
        assert!(looped.contains("loop1 -> loop2 -> loop1"), "{looped}");
        let missing = load(FILE, Some("broken")).unwrap_err().to_string();
        assert!(
            missing.contains("access_key_secret is missing"),
            "{missing}"
        );
        let bad = load(
            r#"{"profiles":[{"name":"x","access_key_secret":12345678}]}"#,
            Some("x"),
        )
        .unwrap_err()
        .to_string();
        assert!(bad.contains("line 1") && !bad.contains("12345678"), "{bad}");
    }
}
