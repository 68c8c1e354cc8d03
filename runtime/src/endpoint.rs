//! Endpoint resolution: explicit URL override, else the product's global or regional host.

use reqwest::Url;

use crate::config::ConfigError;
use crate::service::ServiceInfo;

/// A parsed endpoint URL override (`http://127.0.0.1:8080`, `https://vpc.aliyuncs.com`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EndpointOverride(Url);

impl EndpointOverride {
    /// Accepts `scheme://host[:port][/]`; a bare host means HTTPS.
    pub(crate) fn parse(raw: &str) -> Result<Self, ConfigError> {
        let err = |reason: &str| ConfigError::InvalidEndpoint {
            url: raw.to_owned(),
            reason: reason.to_owned(),
        };
        let with_scheme = if raw.contains("://") {
            raw.to_owned()
        } else {
            format!("https://{raw}")
        };
        let url = Url::parse(&with_scheme).map_err(|e| err(&e.to_string()))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(err("scheme must be http or https"));
        }
        if url.host_str().is_none() {
            return Err(err("no host"));
        }
        if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
            return Err(err(
                "RPC APIs live at path /; give only scheme, host and port",
            ));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(err("credentials do not belong in the endpoint URL"));
        }
        Ok(Self(url))
    }
}

/// Where one request goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Endpoint {
    /// Base URL with path `/`.
    pub(crate) url: Url,
    /// The `host` header value that is signed (`host[:port]`, port only when not default).
    pub(crate) host: String,
}

/// The override wins; otherwise the region picks the global host (listed regions) or the
/// regional pattern.
pub(crate) fn resolve(
    service: &ServiceInfo,
    region: Option<&str>,
    endpoint_override: Option<&EndpointOverride>,
) -> Result<Endpoint, ConfigError> {
    let url = match endpoint_override {
        Some(EndpointOverride(url)) => url.clone(),
        None => {
            let region = region.ok_or(ConfigError::MissingRegion)?;
            if region.is_empty()
                || !region
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-')
            {
                return Err(ConfigError::InvalidRegion(region.to_owned()));
            }
            let host = if service.global_regions.contains(&region) {
                service.endpoint_global.to_owned()
            } else {
                service.endpoint_regional.replace("{region}", region)
            };
            EndpointOverride::parse(&host)?.0
        }
    };
    let host = match (url.host_str(), url.port()) {
        (Some(h), Some(p)) => format!("{h}:{p}"),
        (Some(h), None) => h.to_owned(),
        (None, _) => {
            return Err(ConfigError::InvalidEndpoint {
                url: url.to_string(),
                reason: "no host".into(),
            })
        }
    };
    Ok(Endpoint { url, host })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::ParamLocation;

    const VPC: ServiceInfo = ServiceInfo {
        product: "Vpc",
        version: "2016-04-28",
        endpoint_global: "vpc.aliyuncs.com",
        endpoint_regional: "vpc.{region}.aliyuncs.com",
        global_regions: &["cn-hangzhou", "cn-wuhan"],
        location: ParamLocation::Query,
    };

    fn host(region: Option<&str>, over: Option<&str>) -> Result<String, ConfigError> {
        let over = over.map(EndpointOverride::parse).transpose()?;
        resolve(&VPC, region, over.as_ref()).map(|e| format!("{} {}", e.url, e.host))
    }

    #[test]
    fn global_regional_and_override() {
        assert_eq!(
            host(Some("cn-hangzhou"), None).unwrap(),
            "https://vpc.aliyuncs.com/ vpc.aliyuncs.com"
        );
        assert_eq!(
            host(Some("ap-southeast-1"), None).unwrap(),
            "https://vpc.ap-southeast-1.aliyuncs.com/ vpc.ap-southeast-1.aliyuncs.com"
        );
        assert_eq!(
            host(Some("cn-hangzhou"), Some("http://127.0.0.1:8080")).unwrap(),
            "http://127.0.0.1:8080/ 127.0.0.1:8080"
        );
        assert_eq!(
            host(None, Some("https://example.com:443/")).unwrap(),
            "https://example.com/ example.com"
        );
    }

    #[test]
    fn errors() {
        assert_eq!(host(None, None), Err(ConfigError::MissingRegion));
        assert!(matches!(
            host(Some("evil.com/x"), None),
            Err(ConfigError::InvalidRegion(_))
        ));
        assert!(matches!(
            host(None, Some("http://h/path")),
            Err(ConfigError::InvalidEndpoint { .. })
        ));
        assert!(matches!(
            host(None, Some("http://u:p@h")),
            Err(ConfigError::InvalidEndpoint { .. })
        ));
    }
}
