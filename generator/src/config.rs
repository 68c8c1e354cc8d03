//! The reviewed inputs under `specs/` besides the documents: `sources.yaml` (which documents,
//! for which product and version) and `products/*.yaml` (wire facts no document states).

use crate::doc::Format;
use crate::ir::{Endpoint, ParamLocation};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Parse {
        path: PathBuf,
        source: serde_yaml::Error,
    },
    #[error("{path}: no product file for {product} {version} (expected specs/products/{product}-{version}.yaml)")]
    MissingProduct {
        path: PathBuf,
        product: String,
        version: String,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sources {
    pub sources: Vec<Source>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Relative to the specs directory.
    pub path: String,
    pub product: String,
    pub version: String,
    pub style: String,
    pub language: String,
    #[serde(default)]
    pub format: FormatChoice,
}

#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum FormatChoice {
    #[default]
    Auto,
    #[serde(untagged)]
    Fixed(Format),
}

impl FormatChoice {
    pub fn format(self) -> Option<Format> {
        match self {
            FormatChoice::Auto => None,
            FormatChoice::Fixed(f) => Some(f),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductFile {
    pub product: String,
    pub version: String,
    pub style: String,
    pub crate_name: String,
    pub method: String,
    pub parameter_location: ParamLocation,
    pub endpoint: Endpoint,
    pub idempotency: Idempotency,
    #[serde(default)]
    pub methods: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Idempotency {
    pub default: String,
    #[serde(default)]
    pub operations: BTreeMap<String, String>,
}

impl ProductFile {
    /// The idempotency parameter name this product uses for `operation`.
    pub fn idempotency_parameter(&self, operation: &str) -> &str {
        self.idempotency
            .operations
            .get(operation)
            .unwrap_or(&self.idempotency.default)
    }

    pub fn method(&self, operation: &str) -> &str {
        self.methods.get(operation).unwrap_or(&self.method)
    }
}

fn read_yaml<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
        path: path.into(),
        source,
    })?;
    serde_yaml::from_str(&text).map_err(|source| ConfigError::Parse {
        path: path.into(),
        source,
    })
}

pub fn load_sources(specs: &Path) -> Result<Vec<Source>, ConfigError> {
    Ok(read_yaml::<Sources>(&specs.join("sources.yaml"))?.sources)
}

pub fn load_product(
    specs: &Path,
    product: &str,
    version: &str,
) -> Result<ProductFile, ConfigError> {
    let path = specs
        .join("products")
        .join(format!("{product}-{version}.yaml"));
    if !path.exists() {
        return Err(ConfigError::MissingProduct {
            path,
            product: product.into(),
            version: version.into(),
        });
    }
    read_yaml(&path)
}
