//! The process environment as an injectable value, so tests never read the real HOME.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Environment variables and home directory seen by the credential chain and `from_env`.
#[derive(Clone)]
pub struct Environment {
    vars: Option<Arc<HashMap<String, String>>>,
    home: Option<PathBuf>,
}

impl Environment {
    /// The real process environment and the user's home directory.
    pub fn process() -> Self {
        Self {
            vars: None,
            home: home::home_dir(),
        }
    }

    /// A fixed set of variables and home directory (for tests and embedding).
    pub fn new(vars: HashMap<String, String>, home: Option<PathBuf>) -> Self {
        Self {
            vars: Some(Arc::new(vars)),
            home,
        }
    }

    /// A variable's value; empty values count as unset, as in the official SDKs.
    pub fn var(&self, name: &str) -> Option<String> {
        let value = match &self.vars {
            Some(map) => map.get(name).cloned(),
            None => std::env::var(name).ok(),
        };
        value.filter(|v| !v.is_empty())
    }

    /// The home directory, if known.
    pub fn home(&self) -> Option<&Path> {
        self.home.as_deref()
    }
}

impl fmt::Debug for Environment {
    // Variable values may be secrets: show only where they come from.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Environment")
            .field(
                "vars",
                &if self.vars.is_some() {
                    "injected"
                } else {
                    "process"
                },
            )
            .field("home", &self.home)
            .finish()
    }
}
