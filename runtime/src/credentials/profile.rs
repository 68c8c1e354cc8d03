//! The aliyun CLI profile file (`~/.aliyun/config.json`), modes `AK` and `StsToken`.

use std::path::Path;

use serde::Deserialize;

use super::{Credentials, CredentialsError};

#[derive(Deserialize)]
struct ConfigFile {
    #[serde(default)]
    current: Option<String>,
    #[serde(default)]
    profiles: Vec<Profile>,
}

#[derive(Deserialize)]
struct Profile {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    mode: Option<String>,
    #[serde(default)]
    access_key_id: Option<String>,
    #[serde(default)]
    access_key_secret: Option<String>,
    #[serde(default)]
    sts_token: Option<String>,
}

/// Reads the profile named `wanted` (else the file's `current`). `Ok(None)` when the file does
/// not exist; an error when it exists but cannot give credentials.
pub(super) fn load(
    path: &Path,
    wanted: Option<&str>,
) -> Result<Option<Credentials>, CredentialsError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(invalid(path, format!("cannot read: {e}"))),
    };
    // serde_json's messages can quote the offending value, which may be a secret: keep only
    // the position.
    let file: ConfigFile = serde_json::from_str(&text).map_err(|e| {
        invalid(
            path,
            format!(
                "not a valid config file (line {}, column {})",
                e.line(),
                e.column()
            ),
        )
    })?;
    let name = wanted
        .map(str::to_owned)
        .or(file.current)
        .filter(|n| !n.is_empty())
        .ok_or_else(|| {
            invalid(
                path,
                "no profile named: set ALIBABA_CLOUD_PROFILE or `current`".into(),
            )
        })?;
    let profile = file
        .profiles
        .into_iter()
        .find(|p| p.name.as_deref() == Some(name.as_str()))
        .ok_or_else(|| invalid(path, format!("no profile named {name:?}")))?;
    let mode = profile.mode.unwrap_or_default();
    let field = |value: Option<String>, key: &str| {
        value
            .filter(|v| !v.is_empty())
            .ok_or_else(|| invalid(path, format!("profile {name:?}: {key} is missing or empty")))
    };
    let creds = Credentials::new(
        field(profile.access_key_id, "access_key_id")?,
        field(profile.access_key_secret, "access_key_secret")?,
    );
    match mode.as_str() {
        "AK" => Ok(Some(creds)),
        "StsToken" => Ok(Some(
            creds.with_security_token(field(profile.sts_token, "sts_token")?),
        )),
        other => Err(invalid(
            path,
            format!("profile {name:?}: mode {other:?} is not supported (use AK or StsToken)"),
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

    /// A temporary home directory holding `.aliyun/config.json` with `content`.
    pub(crate) fn home_with_profile(content: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join(".aliyun")).unwrap();
        std::fs::write(dir.path().join(".aliyun/config.json"), content).unwrap();
        dir
    }

    fn load_from(
        content: &str,
        wanted: Option<&str>,
    ) -> Result<Option<Credentials>, CredentialsError> {
        let dir = home_with_profile(content);
        load(&dir.path().join(".aliyun/config.json"), wanted)
    }

    const TWO: &str = r#"{"current":"ak","profiles":[
        {"name":"ak","mode":"AK","access_key_id":"id1","access_key_secret":"sec1"},
        {"name":"sts","mode":"StsToken","access_key_id":"id2","access_key_secret":"sec2","sts_token":"tok2"},
        {"name":"role","mode":"RamRoleArn","access_key_id":"id3","access_key_secret":"sec3"},
        {"name":"broken","mode":"AK","access_key_id":"id4"}]}"#;

    #[test]
    fn picks_current_or_named_profile() {
        let c = load_from(TWO, None).unwrap().unwrap();
        assert_eq!((c.access_key_id(), c.security_token()), ("id1", None));
        let c = load_from(TWO, Some("sts")).unwrap().unwrap();
        assert_eq!((c.access_key_id(), c.access_key_secret()), ("id2", "sec2"));
        assert_eq!(c.security_token(), Some("tok2"));
    }

    #[test]
    fn missing_file_is_none() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(&dir.path().join("nope.json"), None), Ok(None));
    }

    #[test]
    fn clear_errors_without_secrets() {
        let unknown = load_from(TWO, Some("nobody")).unwrap_err().to_string();
        assert!(unknown.contains("no profile named \"nobody\""), "{unknown}");
        let mode = load_from(TWO, Some("role")).unwrap_err().to_string();
        assert!(
            mode.contains("RamRoleArn") && !mode.contains("sec3"),
            "{mode}"
        );
        let missing = load_from(TWO, Some("broken")).unwrap_err().to_string();
        assert!(
            missing.contains("access_key_secret is missing"),
            "{missing}"
        );
        let bad = load_from(
            r#"{"profiles":[{"name":"x","access_key_secret":12345678}]}"#,
            Some("x"),
        )
        .unwrap_err()
        .to_string();
        assert!(bad.contains("line 1") && !bad.contains("12345678"), "{bad}");
    }
}
