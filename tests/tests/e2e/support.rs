//! Starting the server, configuring clients against it, scripting answers and reading what it
//! received.

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::{json, Value};
use specgen_runtime::testing::{MockServer, RecordedRequest};
// From the generated crate: its re-exports are all a user needs to configure it.
use alibabacloud_vpc20160428::{Config, RetryConfig, SignatureVersion};

/// Product and API version, as the server checks them.
pub struct Api {
    pub product: &'static str,
    pub version: &'static str,
}

pub const VPC: Api = Api {
    product: "Vpc",
    version: "2016-04-28",
};

pub const ECR: Api = Api {
    product: "ExpressConnectRouter",
    version: "2023-09-01",
};

/// A fresh server; a missing Python package fails the test with the `pip install` hint.
pub fn server() -> MockServer {
    MockServer::start().unwrap_or_else(|e| panic!("{e}"))
}

/// Retries fast enough for tests; attempts and timeouts as the runtime defaults otherwise.
pub fn fast_retry() -> RetryConfig {
    RetryConfig {
        max_attempts: 3,
        initial_backoff: Duration::from_millis(10),
        max_backoff: Duration::from_millis(40),
        max_elapsed: Duration::from_secs(10),
    }
}

/// A client configuration pointing at `server`, signing with `version`.
pub fn config(server: &MockServer, version: SignatureVersion) -> Config {
    Config::builder()
        .region("cn-hangzhou")
        .endpoint_url(server.url())
        .credentials(MockServer::credentials())
        .signature_version(version)
        .retry(fast_retry())
        .read_timeout(Duration::from_secs(5))
        .build()
        .unwrap_or_else(|e| panic!("test configuration rejected: {e}"))
}

/// Makes the server check `api`'s version and `action`, and answer `responses` in order.
pub async fn script(server: &MockServer, api: &Api, action: &str, responses: Vec<Value>) {
    let scenario = json!({
        "expect": {"version": api.version, "actions": [action]},
        "by_action": {action: responses},
    });
    server
        .scenario(scenario)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
}

/// The document's own response for `action`, as a scripted answer, and its JSON.
pub fn documented(api: &Api, action: &str) -> Value {
    let documented =
        specgen_e2e::documented_response(api.product, action).unwrap_or_else(|e| panic!("{e}"));
    eprintln!("{action}: answering with {:?}", documented.origin);
    documented.json
}

/// A service error body as the service sends it.
pub fn service_error(status: u16, code: &str, request_id: &str) -> Value {
    json!({"status": status, "json": {
        "Code": code, "Message": format!("{code} from the mock"),
        "RequestId": request_id, "HostId": "127.0.0.1",
    }})
}

/// Every request the server received.
pub async fn received(server: &MockServer) -> Vec<RecordedRequest> {
    server.requests().await.unwrap_or_else(|e| panic!("{e}"))
}

/// The single request the server received, which must have passed every check.
pub async fn only_request(server: &MockServer, api: &Api, action: &str) -> RecordedRequest {
    let mut requests = received(server).await;
    assert_eq!(requests.len(), 1, "expected one request: {requests:#?}");
    let request = requests.remove(0);
    assert!(
        request.signature_ok,
        "the server rejected the request: {:?}",
        request.error_code
    );
    assert_eq!(request.action.as_deref(), Some(action));
    assert_eq!(request.version.as_deref(), Some(api.version));
    request
}

/// The scheme the server detected for `version`.
pub fn scheme(version: SignatureVersion) -> &'static str {
    match version {
        SignatureVersion::V1 => "V1",
        SignatureVersion::V3 => "V3",
    }
}

/// Business parameters as a sorted map (the order on the wire carries no meaning), failing
/// on a parameter sent twice.
pub fn by_name(pairs: &[(String, String)]) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for (name, value) in pairs {
        let previous = map.insert(name.clone(), value.clone());
        assert!(previous.is_none(), "{name} sent twice: {pairs:?}");
    }
    map
}

/// `expected` as owned pairs keyed by name.
pub fn params(expected: &[(&str, &str)]) -> BTreeMap<String, String> {
    expected
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect()
}

/// The JSON string at `key`, for comparing with an `Option<String>` output field.
pub fn text<'a>(json: &'a Value, key: &str) -> Option<&'a str> {
    json.get(key).and_then(Value::as_str)
}
