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
    /// Languages in precedence order, for pages of one operation of the same date (see
    /// [`crate::merge`]). A language not listed ranks after every listed one.
    #[serde(default)]
    pub language_order: Vec<String>,
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
    /// When the document was published, as precisely as we know it: `YYYY`, `YYYY-MM` or
    /// `YYYY-MM-DD`. Pages of one operation merge newest first (see [`crate::merge`]).
    #[serde(default)]
    pub published: Option<Published>,
    /// Where the document was copied from, when it comes from a repository.
    #[serde(default)]
    pub origin: Option<Origin>,
}

/// The repository a document was copied from, byte for byte.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Origin {
    /// `owner/name` on GitHub.
    pub repository: String,
    /// Path inside the repository.
    pub path: String,
    /// The commit that introduced the copied blob.
    pub commit: String,
}

/// A publication date with the precision it is known to: year, month and day as far as stated.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct Published(Vec<u16>);

impl Published {
    /// How many parts are known: 1 (year), 2 (month) or 3 (day).
    pub fn precision(&self) -> usize {
        self.0.len()
    }

    /// The first `parts` parts, for ordering dates of different precision.
    pub fn truncated(&self, parts: usize) -> &[u16] {
        &self.0[..parts.min(self.0.len())]
    }

    /// Newer, older, or `Equal` when the dates agree as far as both are known
    /// (`2019-09` and `2019-09-20` cannot be ordered).
    pub fn compare(&self, other: &Published) -> std::cmp::Ordering {
        self.0
            .iter()
            .zip(&other.0)
            .map(|(a, b)| a.cmp(b))
            .find(|o| o.is_ne())
            .unwrap_or(std::cmp::Ordering::Equal)
    }
}

impl std::fmt::Display for Published {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self
            .0
            .iter()
            .enumerate()
            .map(|(i, n)| {
                if i == 0 {
                    n.to_string()
                } else {
                    format!("{n:02}")
                }
            })
            .collect();
        f.write_str(&parts.join("-"))
    }
}

impl TryFrom<String> for Published {
    type Error = String;

    fn try_from(s: String) -> Result<Self, String> {
        let bad = || format!("`{s}` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        let parts = s
            .split('-')
            .map(|p| p.parse::<u16>().map_err(|_| bad()))
            .collect::<Result<Vec<_>, _>>()?;
        let widths_ok = s
            .split('-')
            .enumerate()
            .all(|(i, p)| p.len() == if i == 0 { 4 } else { 2 });
        let in_range = parts.get(1).into_iter().all(|m| (1..=12).contains(m))
            && parts.get(2).into_iter().all(|d| (1..=31).contains(d));
        if parts.len() > 3 || !widths_ok || !in_range {
            return Err(bad());
        }
        Ok(Published(parts))
    }
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
    Ok(load_sources_file(specs)?.sources)
}

/// `sources.yaml` whole: the sources and the language order pages merge by.
pub fn load_sources_file(specs: &Path) -> Result<Sources, ConfigError> {
    read_yaml(&specs.join("sources.yaml"))
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
