//! In-process test doubles (feature `test-util`), modelled on aws-smithy-mocks: a [`Mock`]
//! takes the place of the HTTP connection and answers each request from the first [`Rule`]
//! that matches it, recording every request it receives.
//!
//! Only the network is replaced: parameters are validated and flattened, the endpoint is
//! resolved, the request is signed, and the canned answer goes through the same decoding,
//! error sorting and retries as a real one. Answers are wire bodies (JSON), so a test also
//! checks that the body it invents decodes.
//!
//! ```
//! use specgen_runtime::test_util::{json, Mock, MockResponse, Rule};
//!
//! let listing = Rule::for_action("DescribePhysicalConnections")
//!     .match_requests(|request| request.param("RegionId") == Some("cn-hangzhou"))
//!     .sequence([
//!         MockResponse::service_error(503, "ServiceUnavailable", "try again"),
//!         MockResponse::json(json!({"RequestId": "r-1", "TotalCount": 0})),
//!     ]);
//! let mock = Mock::new([listing.clone()]);
//! let config = mock.config().build()?; // test credentials, region cn-hangzhou
//! // ... a generated client over `config` calls DescribePhysicalConnections ...
//! assert_eq!(listing.num_calls(), 0);
//! assert!(mock.requests().is_empty());
//! # Ok::<(), specgen_runtime::ConfigError>(())
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard};

use bytes::Bytes;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue, AUTHORIZATION, CONTENT_TYPE};

/// `json!({...})` for [`MockResponse::json`] bodies, so tests need no `serde_json` of their own.
pub use serde_json::json;

use crate::config::ConfigBuilder;
use crate::credentials::Credentials;
use crate::response::RawResponse;
use crate::signing::{names, v1, SignatureVersion};
use crate::transport::TransportFailure;

/// The AccessKey pair of [`Mock::config`].
pub const ACCESS_KEY: (&str, &str) = ("mock-access-key-id", "mock-access-key-secret");
/// The region of [`Mock::config`].
pub const REGION: &str = "cn-hangzhou";

/// One request as the mock received it, signed and ready for the wire.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The operation (`x-acs-action` in V3, the `Action` parameter in V1).
    pub action: String,
    /// The API version.
    pub version: String,
    /// HTTP method.
    pub method: String,
    /// Host the request was addressed to (the resolved endpoint).
    pub host: String,
    /// The signature scheme it was signed with.
    pub signature_version: SignatureVersion,
    /// The AccessKey ID it was signed with.
    pub access_key_id: Option<String>,
    /// Business parameters (query, then form body; V1 common parameters left out), decoded,
    /// in wire order.
    pub params: Vec<(String, String)>,
    /// Headers, lower-case names (`authorization` and the STS token left out).
    pub headers: BTreeMap<String, String>,
}

impl Request {
    /// A business parameter's value (`RegionId`, `PageNumber`, `Tag.1.Key`).
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn from_wire(request: &reqwest::Request) -> Self {
        let header = |name: &HeaderName| {
            request
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let query: Vec<(String, String)> = request.url().query_pairs().into_owned().collect();
        let from_query = |name: &str| {
            query
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
        };
        // Both schemes send the action and version headers; V1 signs in the query.
        let signature_version = match from_query("Signature") {
            Some(_) => SignatureVersion::V1,
            None => SignatureVersion::V3,
        };
        let access_key_id = match signature_version {
            SignatureVersion::V1 => from_query("AccessKeyId"),
            // `ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=...,Signature=...`
            SignatureVersion::V3 => header(&AUTHORIZATION).and_then(|auth| {
                let (_, rest) = auth.split_once("Credential=")?;
                rest.split(',').next().map(str::to_owned)
            }),
        };
        let action = header(&names::ACTION).or_else(|| from_query("Action"));
        let version = header(&names::VERSION).or_else(|| from_query("Version"));
        let mut params: Vec<(String, String)> = match signature_version {
            SignatureVersion::V3 => query,
            SignatureVersion::V1 => query
                .into_iter()
                .filter(|(n, _)| !v1::COMMON_PARAMS.contains(&n.as_str()))
                .collect(),
        };
        let body = request
            .body()
            .and_then(|b| b.as_bytes())
            .unwrap_or_default();
        params.extend(form_urlencoded::parse(body).into_owned());
        let headers = request
            .headers()
            .iter()
            .filter(|(name, _)| **name != AUTHORIZATION && **name != names::SECURITY_TOKEN)
            .map(|(name, value)| {
                let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
                (name.as_str().to_owned(), value)
            })
            .collect();
        Self {
            action: action.unwrap_or_default(),
            version: version.unwrap_or_default(),
            method: request.method().as_str().to_owned(),
            host: request.url().host_str().unwrap_or_default().to_owned(),
            signature_version,
            access_key_id,
            params,
            headers,
        }
    }
}

/// A canned answer: an HTTP response (status, headers, body) or a timeout.
#[derive(Debug, Clone)]
pub struct MockResponse(Answer);

#[derive(Debug, Clone)]
enum Answer {
    Http {
        status: u16,
        headers: HeaderMap,
        body: Bytes,
    },
    Timeout,
}

impl MockResponse {
    /// HTTP 200 with `body` as JSON (the operation's output as the service sends it).
    pub fn json(body: serde_json::Value) -> Self {
        Self::status(200).with_body("application/json", body.to_string())
    }

    /// An error answer as the service sends it: `status` and a JSON body with `Code`,
    /// `Message` and the `RequestId` `mock-request-id`.
    pub fn service_error(status: u16, code: &str, message: &str) -> Self {
        let body = serde_json::json!({
            "Code": code,
            "Message": message,
            "RequestId": "mock-request-id",
        });
        Self::status(status).with_body("application/json", body.to_string())
    }

    /// HTTP `status` with an empty body (add one with [`MockResponse::with_body`]).
    pub fn status(status: u16) -> Self {
        Self(Answer::Http {
            status,
            headers: HeaderMap::new(),
            body: Bytes::new(),
        })
    }

    /// No answer within the read timeout (the call fails, or is retried, at once).
    pub fn timeout() -> Self {
        Self(Answer::Timeout)
    }

    /// The same answer with `body` of type `content_type`.
    pub fn with_body(self, content_type: &str, body: impl Into<Bytes>) -> Self {
        self.with_header(CONTENT_TYPE.as_str(), content_type)
            .map_http(|_, body_slot| *body_slot = body.into())
    }

    /// The same answer with header `name` (`x-acs-retry-after`: milliseconds to wait).
    ///
    /// # Panics
    /// When `name` or `value` is not a valid HTTP header.
    pub fn with_header(self, name: &str, value: &str) -> Self {
        let name =
            HeaderName::try_from(name).unwrap_or_else(|_| panic!("invalid header name {name:?}"));
        let value = HeaderValue::try_from(value)
            .unwrap_or_else(|_| panic!("invalid header value {value:?}"));
        self.map_http(|headers, _| {
            headers.insert(name, value);
        })
    }

    fn map_http(mut self, f: impl FnOnce(&mut HeaderMap, &mut Bytes)) -> Self {
        if let Answer::Http { headers, body, .. } = &mut self.0 {
            f(headers, body);
        }
        self
    }

    fn to_raw(&self, max_body: usize) -> Result<RawResponse, TransportFailure> {
        match &self.0 {
            Answer::Timeout => Err(TransportFailure::Timeout),
            Answer::Http { status, body, .. } if body.len() > max_body => {
                Err(TransportFailure::TooLarge {
                    status: *status,
                    limit: max_body,
                })
            }
            Answer::Http {
                status,
                headers,
                body,
            } => Ok(RawResponse::new(*status, headers, body.clone())),
        }
    }
}

type Matcher = Box<dyn Fn(&Request) -> bool + Send + Sync>;

/// Which requests a [`Rule`] answers; finish it with [`RuleBuilder::then`] or
/// [`RuleBuilder::sequence`].
pub struct RuleBuilder {
    action: String,
    matcher: Option<Matcher>,
}

impl RuleBuilder {
    /// Answers only the requests `matcher` accepts (by default every request of the action).
    pub fn match_requests(
        mut self,
        matcher: impl Fn(&Request) -> bool + Send + Sync + 'static,
    ) -> Self {
        self.matcher = Some(Box::new(matcher));
        self
    }

    /// Answers every matching request with `response`.
    pub fn then(self, response: MockResponse) -> Rule {
        self.build(vec![response], true)
    }

    /// Answers the matching requests with `responses`, one each, in order; then the rule
    /// is used up and the next matching rule answers.
    pub fn sequence(self, responses: impl IntoIterator<Item = MockResponse>) -> Rule {
        self.build(responses.into_iter().collect(), false)
    }

    fn build(self, responses: Vec<MockResponse>, repeat: bool) -> Rule {
        Rule(Arc::new(RuleInner {
            action: self.action,
            matcher: self.matcher,
            responses,
            repeat,
            calls: Mutex::new(0),
        }))
    }
}

/// Canned answers for the requests of one action. Cheap to clone: clones share the count
/// of calls answered, so a test keeps one to check [`Rule::num_calls`].
#[derive(Clone)]
pub struct Rule(Arc<RuleInner>);

struct RuleInner {
    action: String,
    matcher: Option<Matcher>,
    responses: Vec<MockResponse>,
    repeat: bool,
    calls: Mutex<usize>,
}

impl Rule {
    /// A rule for requests of `action` (`"DescribePhysicalConnections"`).
    pub fn for_action(action: impl Into<String>) -> RuleBuilder {
        RuleBuilder {
            action: action.into(),
            matcher: None,
        }
    }

    /// How many requests this rule has answered.
    pub fn num_calls(&self) -> usize {
        *lock(&self.0.calls)
    }

    /// The answer to `request`, counted, when this rule matches it and is not used up.
    fn answer(&self, request: &Request) -> Option<MockResponse> {
        let rule = &*self.0;
        if rule.action != request.action || !rule.matcher.as_ref().map_or(true, |m| m(request)) {
            return None;
        }
        let mut calls = lock(&rule.calls);
        let index = if rule.repeat { 0 } else { *calls };
        let response = rule.responses.get(index)?.clone();
        *calls += 1;
        Some(response)
    }
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rule")
            .field("action", &self.0.action)
            .field("responses", &self.0.responses.len())
            .field("repeat", &self.0.repeat)
            .field("calls", &self.num_calls())
            .finish_non_exhaustive()
    }
}

/// The in-process stand-in for the service. Cheap to clone: clones share rules and
/// recorded requests.
#[derive(Debug, Clone)]
pub struct Mock(Arc<MockInner>);

#[derive(Debug)]
struct MockInner {
    rules: Vec<Rule>,
    requests: Mutex<Vec<Request>>,
}

/// No rule matched a request: the call fails with [`crate::SdkError::Transport`] around
/// this error, and is not retried.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no mock rule answers {action} with parameters {params:?}")]
pub struct NoMatchingRule {
    /// The request's action.
    pub action: String,
    /// The request's business parameters.
    pub params: Vec<(String, String)>,
}

impl Mock {
    /// A mock answering from `rules`: each request from the first rule that matches it
    /// and is not used up.
    pub fn new(rules: impl IntoIterator<Item = Rule>) -> Self {
        Self(Arc::new(MockInner {
            rules: rules.into_iter().collect(),
            requests: Mutex::new(Vec::new()),
        }))
    }

    /// A configuration builder sending to this mock, with the credentials [`ACCESS_KEY`] and
    /// the region [`REGION`]; everything else (retries, validation, signing) as by default.
    pub fn config(&self) -> ConfigBuilder {
        ConfigBuilder::default()
            .credentials(Credentials::new(ACCESS_KEY.0, ACCESS_KEY.1))
            .region(REGION)
            .mock(self)
    }

    /// Every request received so far, in order (each attempt of a retried call counts).
    pub fn requests(&self) -> Vec<Request> {
        lock(&self.0.requests).clone()
    }

    /// Answers one attempt, as the transport does.
    pub(crate) fn exchange(
        &self,
        request: &reqwest::Request,
        max_body: usize,
    ) -> Result<RawResponse, TransportFailure> {
        let request = Request::from_wire(request);
        let answer = self.0.rules.iter().find_map(|rule| rule.answer(&request));
        let unmatched = NoMatchingRule {
            action: request.action.clone(),
            params: request.params.clone(),
        };
        lock(&self.0.requests).push(request);
        match answer {
            Some(answer) => answer.to_raw(max_body),
            None => Err(TransportFailure::Unanswered(Box::new(unmatched))),
        }
    }
}

/// A poisoned lock still holds consistent data here (counters and a list): keep using it.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
