//! Endpoint resolution: explicit URL override, else the product's global or regional host.

use std::sync::{Arc, Mutex};

use reqwest::Url;

use crate::config::ConfigError;
use crate::service::ServiceInfo;

/// A parsed endpoint URL override (`http://127.0.0.1:8080`, `https://vpc.aliyuncs.com`),
/// resolved once, when the configuration is built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EndpointOverride(Arc<Endpoint>);

impl EndpointOverride {
    /// Accepts `scheme://host[:port][/]`; a bare host means HTTPS.
    pub(crate) fn parse(raw: &str) -> Result<Self, ConfigError> {
        Endpoint::parse(raw).map(|e| Self(Arc::new(e)))
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

impl Endpoint {
    /// `scheme://host[:port][/]` (a bare host means HTTPS), checked to be an RPC endpoint.
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
        let Some(name) = url.host_str() else {
            return Err(err("no host"));
        };
        if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
            return Err(err(
                "RPC APIs live at path /; give only scheme, host and port",
            ));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(err("credentials do not belong in the endpoint URL"));
        }
        let host = match url.port() {
            Some(port) => format!("{name}:{port}"),
            None => name.to_owned(),
        };
        Ok(Endpoint { url, host })
    }
}

/// Product endpoints resolved so far, by host pattern and region: resolving parses a URL,
/// which a client calling one region many times would otherwise repeat on every call.
#[derive(Debug, Default)]
pub(crate) struct EndpointCache(Mutex<Vec<(CacheKey, Arc<Endpoint>)>>);

#[derive(Debug, PartialEq, Eq)]
struct CacheKey {
    global: String,
    regional: String,
    region: String,
}

/// Enough for every region of a few products; beyond it endpoints are resolved per call (a
/// caller varying `RegionId` without end cannot grow the cache without bound).
const CACHE_LIMIT: usize = 64;

impl EndpointCache {
    /// The override wins; otherwise the region picks the global host (listed regions) or the
    /// regional pattern.
    pub(crate) fn resolve(
        &self,
        service: &ServiceInfo,
        region: Option<&str>,
        endpoint_override: Option<&EndpointOverride>,
    ) -> Result<Arc<Endpoint>, ConfigError> {
        if let Some(EndpointOverride(endpoint)) = endpoint_override {
            return Ok(Arc::clone(endpoint));
        }
        let region = region.ok_or(ConfigError::MissingRegion)?;
        let matches = |key: &CacheKey| {
            key.region == region
                && key.global == service.endpoint_global
                && key.regional == service.endpoint_regional
        };
        // A poisoned lock only means another call panicked mid-lookup; the list is still valid.
        let cached = |cache: &Vec<(CacheKey, Arc<Endpoint>)>| {
            cache
                .iter()
                .find(|(k, _)| matches(k))
                .map(|(_, e)| Arc::clone(e))
        };
        if let Some(endpoint) = cached(&self.0.lock().unwrap_or_else(|p| p.into_inner())) {
            return Ok(endpoint);
        }
        let endpoint = Arc::new(resolve_product(service, region)?);
        let mut cache = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if cache.len() < CACHE_LIMIT && cached(&cache).is_none() {
            let key = CacheKey {
                global: service.endpoint_global.to_owned(),
                regional: service.endpoint_regional.to_owned(),
                region: region.to_owned(),
            };
            cache.push((key, Arc::clone(&endpoint)));
        }
        Ok(endpoint)
    }
}

/// The global host for listed regions, else the regional pattern.
fn resolve_product(service: &ServiceInfo, region: &str) -> Result<Endpoint, ConfigError> {
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
    Endpoint::parse(&host)
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
        EndpointCache::default()
            .resolve(&VPC, region, over.as_ref())
            .map(|e| format!("{} {}", e.url, e.host))
    }

    #[test]
    fn product_endpoints_are_cached_per_region_and_bounded() {
        let cache = EndpointCache::default();
        let first = cache.resolve(&VPC, Some("ap-southeast-1"), None).unwrap();
        let again = cache.resolve(&VPC, Some("ap-southeast-1"), None).unwrap();
        assert!(Arc::ptr_eq(&first, &again));
        let other = cache.resolve(&VPC, Some("eu-west-1"), None).unwrap();
        assert_eq!(other.host, "vpc.eu-west-1.aliyuncs.com");
        for i in 0..2 * CACHE_LIMIT {
            let region = format!("r-{i}");
            let e = cache.resolve(&VPC, Some(&region), None).unwrap();
            assert_eq!(e.host, format!("vpc.r-{i}.aliyuncs.com"));
        }
        assert_eq!(cache.0.lock().unwrap().len(), CACHE_LIMIT);
        assert!(cache.resolve(&VPC, Some("bad/region"), None).is_err());
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
