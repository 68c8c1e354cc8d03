//! Test support: starts the verifying mock server (`scripts/mock_server.py`) and talks to its
//! control endpoints. Enabled by the `mock-server` feature; see runtime/README.md for the
//! protocol.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use serde::Deserialize;

use crate::credentials::Credentials;

/// Environment variable overriding the Python interpreter (default `python3`).
pub const ENV_PYTHON: &str = "SPECGEN_PYTHON";
/// Environment variable overriding the path of `mock_server.py`.
pub const ENV_SCRIPT: &str = "SPECGEN_MOCK_SERVER";
/// AccessKey pair the server accepts by default.
pub const ACCESS_KEY: (&str, &str) = ("testid", "testsecret");

const DEFAULT_SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/mock_server.py");
const PIP_HINT: &str = "run `pip install -r scripts/requirements.txt`";

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum MockServerError {
    /// The interpreter or script could not be run.
    #[error("cannot start {0}: {1}")]
    Spawn(String, std::io::Error),
    /// The official Python packages the server verifies with are missing.
    #[error("mock server: the official Alibaba Cloud Python packages are missing; {PIP_HINT}")]
    MissingPackages,
    /// The server exited or printed something unexpected.
    #[error("mock server did not start ({0}); {PIP_HINT} and check the output above")]
    Startup(String),
    /// A control request failed.
    #[error("mock server control request failed: {0}")]
    Control(String),
}

/// One request as the server saw it.
#[derive(Debug, Clone, Deserialize)]
pub struct RecordedRequest {
    /// `V3` or `V1`.
    pub scheme: String,
    /// HTTP method.
    pub method: String,
    /// Action from `x-acs-action` (V3) or the `Action` parameter (V1).
    pub action: Option<String>,
    /// API version.
    pub version: Option<String>,
    /// AccessKey ID used.
    pub access_key_id: Option<String>,
    /// True when an STS token came with the request.
    pub security_token_present: bool,
    /// Business parameters (query and form, V1 common parameters removed), in wire order.
    pub params: Vec<(String, String)>,
    /// Decoded query pairs.
    pub query: Vec<(String, String)>,
    /// Decoded form pairs.
    pub form: Vec<(String, String)>,
    /// Headers, lower-case names (authorization and token left out).
    pub headers: std::collections::BTreeMap<String, String>,
    /// Raw body.
    pub body: String,
    /// True when signature, nonce, action and version checks passed.
    pub signature_ok: bool,
    /// The error code the server answered with when a check failed.
    pub error_code: Option<String>,
}

impl RecordedRequest {
    /// A business parameter's value.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A running mock server, stopped when dropped.
#[derive(Debug)]
pub struct MockServer {
    child: Child,
    url: String,
    http: reqwest::Client,
}

impl MockServer {
    /// Starts the server on a free loopback port.
    pub fn start() -> Result<Self, MockServerError> {
        let python = std::env::var(ENV_PYTHON).unwrap_or_else(|_| "python3".into());
        let script = std::env::var(ENV_SCRIPT).unwrap_or_else(|_| DEFAULT_SCRIPT.into());
        let mut child = Command::new(&python)
            .arg(&script)
            .args(["--port", "0"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| MockServerError::Spawn(format!("{python} {script}"), e))?;
        let mut line = String::new();
        if let Some(out) = child.stdout.as_mut() {
            // Reads only the first line; the server prints nothing after it.
            let _ = BufReader::new(out).read_line(&mut line);
        }
        let port = line
            .trim()
            .strip_prefix("LISTENING ")
            .and_then(|p| p.parse::<u16>().ok());
        let Some(port) = port else {
            let status = child.wait().ok().and_then(|s| s.code());
            return Err(if status == Some(3) {
                MockServerError::MissingPackages
            } else {
                MockServerError::Startup(format!("exit code {status:?}, first line {line:?}"))
            });
        };
        Ok(Self {
            child,
            url: format!("http://127.0.0.1:{port}"),
            http: reqwest::Client::new(),
        })
    }

    /// Base URL to give `ConfigBuilder::endpoint_url`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Credentials the server accepts.
    pub fn credentials() -> Credentials {
        Credentials::new(ACCESS_KEY.0, ACCESS_KEY.1)
    }

    /// Replaces the scenario (queued responses, per-action responses, expectations).
    pub async fn scenario(&self, scenario: serde_json::Value) -> Result<(), MockServerError> {
        self.control("/_mock/scenario", Some(scenario))
            .await
            .map(drop)
    }

    /// Clears the scenario, recorded requests and seen nonces.
    pub async fn reset(&self) -> Result<(), MockServerError> {
        self.control("/_mock/reset", None).await.map(drop)
    }

    /// Every API request received since the start or the last reset.
    pub async fn requests(&self) -> Result<Vec<RecordedRequest>, MockServerError> {
        let body = self.control("/_mock/requests", None).await?;
        serde_json::from_slice(&body).map_err(|e| MockServerError::Control(e.to_string()))
    }

    async fn control(
        &self,
        path: &str,
        json: Option<serde_json::Value>,
    ) -> Result<bytes::Bytes, MockServerError> {
        let url = format!("{}{path}", self.url);
        let request = match json {
            Some(json) => self.http.post(url).body(json.to_string()),
            None if path == "/_mock/requests" => self.http.get(url),
            None => self.http.post(url),
        };
        let response = request
            .send()
            .await
            .map_err(|e| MockServerError::Control(e.to_string()))?;
        if !response.status().is_success() {
            return Err(MockServerError::Control(format!(
                "{path}: HTTP {}",
                response.status()
            )));
        }
        response
            .bytes()
            .await
            .map_err(|e| MockServerError::Control(e.to_string()))
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        // Stops only the process this handle started.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
