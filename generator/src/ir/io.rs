//! Reading and writing IR files: `specs/ir/<product>/<version>/{_product,<Operation>}.yaml`.

use super::model::{Operation, Product, ProductIr};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// File name of the product-level IR inside a version directory.
pub const PRODUCT_FILE: &str = "_product.yaml";

#[derive(Debug, thiserror::Error)]
pub enum IrError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not a valid IR file: {source}")]
    Parse {
        path: PathBuf,
        source: serde_yaml::Error,
    },
    #[error("could not serialise IR: {0}")]
    Serialise(#[from] serde_yaml::Error),
    #[error("{0}: no IR found (expected <product>/<version>/_product.yaml)")]
    Empty(PathBuf),
}

/// YAML text of one IR value, with a header saying where it comes from.
pub fn to_yaml<T: Serialize>(value: &T, header: &str) -> Result<String, IrError> {
    let body = serde_yaml::to_string(value)?;
    Ok(format!("# {header}\n{body}"))
}

/// Relative path of an operation's IR file.
pub fn operation_path(op: &Operation) -> PathBuf {
    PathBuf::from(&op.product)
        .join(&op.version)
        .join(format!("{}.yaml", op.name))
}

pub fn product_path(p: &Product) -> PathBuf {
    PathBuf::from(&p.product)
        .join(&p.version)
        .join(PRODUCT_FILE)
}

fn read_yaml<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, IrError> {
    let text = std::fs::read_to_string(path).map_err(|source| IrError::Io {
        path: path.into(),
        source,
    })?;
    serde_yaml::from_str(&text).map_err(|source| IrError::Parse {
        path: path.into(),
        source,
    })
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, IrError> {
    let rd = std::fs::read_dir(dir).map_err(|source| IrError::Io {
        path: dir.into(),
        source,
    })?;
    let mut out = Vec::new();
    for entry in rd {
        out.push(
            entry
                .map_err(|source| IrError::Io {
                    path: dir.into(),
                    source,
                })?
                .path(),
        );
    }
    out.sort();
    Ok(out)
}

/// Loads every product version under an IR root directory (`specs/ir`).
pub fn load_dir(root: &Path) -> Result<Vec<ProductIr>, IrError> {
    let mut products = Vec::new();
    for product_dir in sorted_entries(root)?.into_iter().filter(|p| p.is_dir()) {
        for version_dir in sorted_entries(&product_dir)?
            .into_iter()
            .filter(|p| p.is_dir())
        {
            let product: Product = read_yaml(&version_dir.join(PRODUCT_FILE))?;
            let mut operations = Vec::new();
            for file in sorted_entries(&version_dir)? {
                let is_op = file.extension().is_some_and(|e| e == "yaml")
                    && file.file_name().is_some_and(|n| n != PRODUCT_FILE);
                if is_op {
                    operations.push(read_yaml::<Operation>(&file)?);
                }
            }
            operations.sort_by(|a, b| a.name.cmp(&b.name));
            products.push(ProductIr {
                product,
                operations,
            });
        }
    }
    if products.is_empty() {
        return Err(IrError::Empty(root.into()));
    }
    Ok(products)
}
