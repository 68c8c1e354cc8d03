//! The client: prepares parameters, signs, sends with retries and sorts the response.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use reqwest::header::ACCEPT;
use tracing::Instrument;

use crate::config::{CallOptions, Config, ConfigError};
use crate::credentials::Credentials;
use crate::endpoint::Endpoint;
use crate::error::{excerpt, SdkError, ServiceError};
use crate::json::{FromJson, JsonError, Node};
use crate::params::Params;
use crate::response::{classify, Outcome};
use crate::retry::{self, is_retryable, FailureKind};
use crate::service::{OperationInfo, ParamLocation, ServiceInfo};
use crate::signing::{self, SigningInput};
use crate::transport::{self, TransportFailure};

/// A cheap-to-clone handle on one configuration and connection pool.
#[derive(Debug, Clone)]
pub struct Client {
    inner: Arc<Config>,
}

/// Everything fixed for one logical call, across its attempts.
struct Call<'a> {
    op: &'a OperationInfo,
    service: &'a ServiceInfo,
    endpoint: Arc<Endpoint>,
    credentials: Credentials,
    query: Vec<(String, String)>,
    form: Vec<(String, String)>,
    timeout: Duration,
}

/// Takes the parsed body of a successful response; fails when it does not fit the output.
type Decode<'d> = dyn FnMut(Node<'_>) -> Result<(), JsonError> + Send + 'd;

/// The result of one attempt that did not succeed.
struct Failed {
    kind: FailureKind,
    error: SdkError<ServiceError>,
    retry_after: Option<Duration>,
}

impl Client {
    /// A client over `config`.
    pub fn new(config: Config) -> Self {
        Self {
            inner: Arc::new(config),
        }
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner
    }

    /// Which rules are checked for this call (per-call override, else the config's).
    pub fn validation(&self, opts: &CallOptions) -> crate::Validation {
        opts.validation.unwrap_or(self.inner.validation)
    }

    /// What every generated `send()` does with its validated input: the call, the service
    /// error sorted into the operation's own error type, the success body decoded into `O`.
    /// Generic, so this future is type-checked once here instead of once per operation; the
    /// retry loop under it is not generic at all (it takes the decoder as a `dyn FnMut`).
    pub async fn send<O: FromJson + Send, E>(
        self,
        service: &'static ServiceInfo,
        op: &'static OperationInfo,
        params: Result<Params, crate::ValidationError>,
        opts: CallOptions,
        from_service: fn(ServiceError) -> E,
    ) -> Result<O, SdkError<E>> {
        let params = params.map_err(SdkError::Validation)?;
        let mut output = None;
        let body = self
            .call(service, op, params, &opts, &mut |node| {
                output = Some(O::from_json(node)?);
                Ok(())
            })
            .await
            .map_err(|e| e.map_service(from_service))?;
        // `call` succeeds only after the decoder did; this is never taken.
        output.ok_or_else(|| SdkError::InvalidResponse {
            http_status: 200,
            body_excerpt: excerpt(&body),
            reason: "success body was not decoded".into(),
        })
    }

    /// Fills `RegionId` from the client region when absent, adds the idempotency token once
    /// (generated once per logical call, reused across retries), resolves the endpoint,
    /// signs (V3 default, V1 selectable), sends with retries/timeouts, and returns the raw
    /// successful body bytes (a JSON object), or a decoded service error.
    pub async fn invoke(
        &self,
        service: &ServiceInfo,
        op: &OperationInfo,
        params: Params,
        opts: &CallOptions,
    ) -> Result<Bytes, SdkError<ServiceError>> {
        self.call(service, op, params, opts, &mut |_| Ok(())).await
    }

    /// [`Client::invoke`], handing the parsed success body to `decode` (the body is parsed
    /// once, here, and sorted, decoded and its `RequestId` logged from that one parse).
    async fn call(
        &self,
        service: &ServiceInfo,
        op: &OperationInfo,
        params: Params,
        opts: &CallOptions,
        decode: &mut Decode<'_>,
    ) -> Result<Bytes, SdkError<ServiceError>> {
        let span = tracing::info_span!(
            "invoke",
            product = service.product,
            action = op.action,
            attempts = tracing::field::Empty,
            request_id = tracing::field::Empty,
        );
        async {
            let call = self
                .prepare(service, op, params, opts)
                .await
                .map_err(|e| e.map_service(|never| match never {}))?;
            self.run(&call, opts, decode).await
        }
        .instrument(span)
        .await
    }

    async fn prepare<'a>(
        &self,
        service: &'a ServiceInfo,
        op: &'a OperationInfo,
        mut params: Params,
        opts: &CallOptions,
    ) -> Result<Call<'a>, SdkError<Infallible>> {
        let config = &self.inner;
        if let Some(region) = config.region() {
            if !params.contains("RegionId") {
                params.push("RegionId", region);
            }
        }
        if let Some(token_param) = op.idempotency_param {
            if !params.contains(token_param) {
                params.push(token_param, signing::random_uuid().to_string());
            }
        }
        let region = config.region().or_else(|| params.get("RegionId"));
        let endpoint = config
            .endpoints
            .resolve(service, region, config.endpoint.as_ref())
            .map_err(SdkError::Config)?;
        let credentials = config
            .credentials
            .provide_credentials()
            .await
            .map_err(SdkError::Credentials)?;
        let pairs = params.into_pairs();
        let (query, form) = match service.location {
            ParamLocation::Query => (pairs, Vec::new()),
            ParamLocation::FormBody => (Vec::new(), pairs),
        };
        Ok(Call {
            op,
            service,
            endpoint,
            credentials,
            query,
            form,
            timeout: opts.read_timeout.unwrap_or(config.read_timeout),
        })
    }

    async fn run(
        &self,
        call: &Call<'_>,
        opts: &CallOptions,
        decode: &mut Decode<'_>,
    ) -> Result<Bytes, SdkError<ServiceError>> {
        let retry = &self.inner.retry;
        let max_attempts = opts.max_attempts.unwrap_or(retry.max_attempts).max(1);
        let started = Instant::now();
        let call_span = tracing::Span::current();
        let mut attempt = 1;
        loop {
            let result = self
                .attempt(call, attempt, &call_span, decode)
                .instrument(tracing::debug_span!("attempt", attempt))
                .await;
            let failed = match result {
                Ok(body) => {
                    call_span.record("attempts", attempt);
                    return Ok(body);
                }
                Err(failed) => failed,
            };
            if attempt >= max_attempts || !is_retryable(failed.kind, call.op) {
                call_span.record("attempts", attempt);
                tracing::debug!(error = %failed.error, "call failed");
                return Err(failed.error);
            }
            let delay = retry
                .backoff(attempt)
                .max(failed.retry_after.unwrap_or_default());
            if started.elapsed() + delay > retry.max_elapsed {
                call_span.record("attempts", attempt);
                tracing::debug!(?delay, "retry budget exhausted");
                return Err(failed.error);
            }
            tracing::info!(attempt, ?delay, error = %failed.error, "retrying");
            tokio::time::sleep(delay).await;
            attempt += 1;
        }
    }

    async fn attempt(
        &self,
        call: &Call<'_>,
        attempt: u32,
        call_span: &tracing::Span,
        decode: &mut Decode<'_>,
    ) -> Result<Bytes, Failed> {
        let config = &self.inner;
        let timestamp = signing::timestamp_now();
        let nonce = signing::new_nonce();
        let extra = [(ACCEPT, "application/json")];
        let signed = signing::sign(
            config.signature_version,
            &SigningInput {
                method: call.op.method,
                host: &call.endpoint.host,
                action: call.op.action,
                version: call.service.version,
                query: &call.query,
                form: &call.form,
                extra_headers: &extra,
                credentials: &call.credentials,
                timestamp: &timestamp,
                nonce: &nonce,
            },
        );
        let request =
            transport::build(call.op.method, &call.endpoint.url, signed).map_err(|e| Failed {
                kind: FailureKind::Final,
                error: SdkError::Config(ConfigError::Invalid(e.0)),
                retry_after: None,
            })?;
        let raw = config
            .transport
            .exchange(request, call.timeout, config.max_response_bytes)
            .await
            .map_err(|f| transport_failure(f, attempt, call.timeout))?;
        let retry_after = raw.retry_after_ms.map(Duration::from_millis);
        match classify(&raw) {
            Outcome::Success(node) => {
                let request_id = node.get("RequestId").and_then(Node::as_str);
                if let Some(id) = request_id {
                    call_span.record("request_id", id);
                }
                tracing::debug!(status = raw.status, request_id, "success");
                // A 2xx body that does not fit the output type is final: resending would not
                // change it.
                decode(node).map_err(|e| Failed {
                    kind: FailureKind::Final,
                    error: SdkError::InvalidResponse {
                        http_status: raw.status,
                        body_excerpt: excerpt(&raw.body),
                        reason: format!("success body does not decode: {e}"),
                    },
                    retry_after,
                })?;
                Ok(raw.body.clone())
            }
            Outcome::Service(e) => {
                if let Some(id) = &e.request_id {
                    call_span.record("request_id", id.as_str());
                }
                tracing::debug!(
                    status = e.http_status,
                    code = %e.code,
                    request_id = e.request_id,
                    "service error"
                );
                Err(Failed {
                    kind: retry::answered(e.http_status, Some(&e.code)),
                    error: SdkError::Service(e),
                    retry_after,
                })
            }
            Outcome::Redirect { status, location } => Err(Failed {
                kind: FailureKind::Final,
                error: SdkError::Redirect {
                    http_status: status,
                    location,
                },
                retry_after,
            }),
            Outcome::Invalid { status, reason } => Err(Failed {
                kind: retry::answered(status, None),
                error: SdkError::InvalidResponse {
                    http_status: status,
                    body_excerpt: excerpt(&raw.body),
                    reason,
                },
                retry_after,
            }),
        }
    }
}

fn transport_failure(f: TransportFailure, attempts: u32, timeout: Duration) -> Failed {
    let (kind, error) = match f {
        TransportFailure::Timeout => (
            FailureKind::MaybeProcessed,
            SdkError::Timeout { attempts, timeout },
        ),
        TransportFailure::NotSent(source) => (
            FailureKind::NotSent,
            SdkError::Transport { source, attempts },
        ),
        TransportFailure::Lost(source) => (
            FailureKind::MaybeProcessed,
            SdkError::Transport { source, attempts },
        ),
        TransportFailure::TooLarge { status, limit } => (
            FailureKind::Final,
            SdkError::ResponseTooLarge {
                http_status: status,
                limit,
            },
        ),
        #[cfg(feature = "test-util")]
        TransportFailure::Unanswered(source) => {
            (FailureKind::Final, SdkError::Transport { source, attempts })
        }
    };
    tracing::debug!(error = %error, "transport failure");
    Failed {
        kind,
        error,
        retry_after: None,
    }
}
