//! `~/.alibabacloud/credentials.ini` (or `ALIBABA_CLOUD_CREDENTIALS_FILE`), section from
//! `ALIBABA_CLOUD_PROFILE` else `default`, with the official `type`s: `access_key`,
//! `ram_role_arn`, `oidc_role_arn`, `ecs_ram_role` (`rsa_key_pair`, a Japan-site legacy, is
//! reported as unsupported).

use std::collections::HashMap;
use std::path::Path;

use super::source::{EcsSpec, OidcSpec, RoleSpec, Spec};
use super::{Credentials, CredentialsError, Environment, ENV_ECS_METADATA};

/// The sections of an INI text: `[name]`, `key = value`, `#`/`;` comment lines; a `#` in a
/// value starts a comment, as in the official reader.
fn parse(text: &str) -> HashMap<String, HashMap<String, String>> {
    let mut sections: HashMap<String, HashMap<String, String>> = HashMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = Some(name.trim().to_owned());
            sections.entry(name.trim().to_owned()).or_default();
        } else if let (Some(section), Some((key, value))) = (&current, line.split_once(['=', ':']))
        {
            let value = value.split('#').next().unwrap_or_default().trim();
            sections
                .entry(section.clone())
                .or_default()
                .insert(key.trim().to_ascii_lowercase(), value.to_owned());
        }
    }
    sections
}

/// Section `name` as a [`Spec`]; `None` when the file has no such section.
pub(super) fn spec(
    path: &Path,
    text: &str,
    name: &str,
    env: &Environment,
) -> Result<Option<Spec>, CredentialsError> {
    let sections = parse(text);
    let Some(section) = sections.get(name) else {
        return Ok(None);
    };
    let invalid = |reason: String| CredentialsError::Invalid {
        source_name: path.display().to_string(),
        reason: format!("[{name}]: {reason}"),
    };
    let field = |key: &str| {
        section
            .get(key)
            .filter(|v| !v.is_empty())
            .cloned()
            .ok_or_else(|| invalid(format!("{key} is missing or empty")))
    };
    let optional = |key: &str| section.get(key).filter(|v| !v.is_empty()).cloned();
    let access_key = || -> Result<Credentials, CredentialsError> {
        Ok(Credentials::new(
            field("access_key_id")?,
            field("access_key_secret")?,
        ))
    };
    let role = || -> Result<RoleSpec, CredentialsError> {
        let mut role = RoleSpec::new(field("role_arn")?, env);
        if let Some(session) = optional("role_session_name") {
            role.session_name = Some(session);
        }
        role.policy = optional("policy");
        Ok(role)
    };
    let kind = section.get("type").map(String::as_str).unwrap_or_default();
    Ok(Some(match kind {
        "access_key" => Spec::Static(access_key()?),
        "ram_role_arn" => Spec::AssumeRole {
            source: Box::new(Spec::Static(access_key()?)),
            role: role()?,
            external_id: None,
        },
        "oidc_role_arn" => Spec::Oidc(OidcSpec {
            role: role()?,
            provider_arn: field("oidc_provider_arn")?,
            token_file: field("oidc_token_file_path")?.into(),
        }),
        "ecs_ram_role" => Spec::Ecs(EcsSpec::new(
            optional("role_name").or_else(|| env.var(ENV_ECS_METADATA)),
            env,
        )),
        other => {
            return Err(invalid(format!(
                "type {other:?} is not supported (supported: access_key, ram_role_arn, oidc_role_arn, ecs_ram_role)"
            )))
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "
# comment
[default]
type = access_key   # inline comment
access_key_id = id1
access_key_secret = sec1

[role]
type = ram_role_arn
access_key_id = id2
access_key_secret = sec2
role_arn = acs:ram::1:role/r
role_session_name = sess

[ecs]
type = ecs_ram_role
role_name = worker

[rsa]
type = rsa_key_pair
public_key_id = k
";

    fn load(name: &str) -> Result<Option<Spec>, CredentialsError> {
        let env = Environment::new(Default::default(), None);
        spec(Path::new("credentials.ini"), FILE, name, &env)
    }

    #[test]
    fn sections_by_type() {
        let Some(Spec::Static(c)) = load("default").unwrap() else {
            panic!()
        };
        assert_eq!((c.access_key_id(), c.access_key_secret()), ("id1", "sec1"));
        let Some(Spec::AssumeRole { role, .. }) = load("role").unwrap() else {
            panic!()
        };
        assert_eq!(
            (role.role_arn.as_str(), role.session_name.as_deref()),
            ("acs:ram::1:role/r", Some("sess"))
        );
        assert!(
            matches!(load("ecs").unwrap(), Some(Spec::Ecs(EcsSpec { role_name: Some(ref r), .. })) if r == "worker")
        );
        assert_eq!(load("absent").unwrap(), None);
        let rsa = load("rsa").unwrap_err().to_string();
        assert!(
            rsa.contains("type \"rsa_key_pair\" is not supported"),
            "{rsa}"
        );
    }
}
