//! Retry policy: which failures are retried, and how long to wait between attempts.
//!
//! The official SDKs make one attempt and never retry unless configured. We retry by default
//! (3 attempts), under one rule, decided here from the facts generated code passes in
//! [`OperationInfo`] (`idempotency_param`, `read_only`):
//!
//! * a request the service **rejected before processing** (a `Throttling*` code on a 4xx) or
//!   that was **never written** (the connection could not be made) is always sent again;
//! * a request that **may have been processed** (any 5xx, a timeout, a connection lost after
//!   the request was written) is sent again only when the operation only reads or carries an
//!   idempotency token (reused across attempts, so a retried create never creates twice);
//!   whatever the headers say: `x-acs-retry-after` sets the wait of a retry the rule allows,
//!   never whether there is one;
//! * nothing else is retried (other 4xx, redirects, a body that does not decode or is too large).
//!
//! [`RetryConfig::disabled`] restores the official behaviour.

use std::time::Duration;

use rand::Rng;

use crate::config::ConfigError;
use crate::error::ServiceError;
use crate::service::OperationInfo;

/// How many attempts a call may make and how long it waits between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryConfig {
    /// Attempts per call, including the first (1 disables retries).
    pub max_attempts: u32,
    /// Base of the exponential backoff: the wait before retry `n` (1-based) is drawn from
    /// `[d/2, d]` with `d = min(max_backoff, initial_backoff * 2^(n-1))`.
    pub initial_backoff: Duration,
    /// Upper bound on one wait.
    pub max_backoff: Duration,
    /// No retry starts once this much time has passed since the call began.
    pub max_elapsed: Duration,
}

impl Default for RetryConfig {
    fn default() -> Self {
        Self {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(5),
            max_elapsed: Duration::from_secs(30),
        }
    }
}

impl RetryConfig {
    /// One attempt, no retries: the official SDKs' default.
    pub fn disabled() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    pub(crate) fn check(&self) -> Result<(), ConfigError> {
        if self.max_attempts == 0 {
            return Err(ConfigError::Invalid(
                "retry max_attempts must be at least 1".into(),
            ));
        }
        if self.initial_backoff > self.max_backoff {
            return Err(ConfigError::Invalid(
                "retry initial_backoff must not exceed max_backoff".into(),
            ));
        }
        Ok(())
    }

    /// Wait before retry number `retry` (1 for the first retry), with equal jitter so that
    /// clients throttled together do not come back together.
    pub(crate) fn backoff(&self, retry: u32) -> Duration {
        let factor = 2u32.saturating_pow(retry.saturating_sub(1));
        let cap = self
            .initial_backoff
            .saturating_mul(factor)
            .min(self.max_backoff);
        let half = cap / 2;
        half + rand::thread_rng().gen_range(Duration::ZERO..=cap - half)
    }
}

/// What went wrong in one attempt, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FailureKind {
    /// The service rejected the request before processing it (`Throttling*` on a 4xx).
    Rejected,
    /// The connection could not be made: the request was never written.
    NotSent,
    /// A 5xx answer, a timeout or a connection lost mid-exchange: the request may have run.
    MaybeProcessed,
    /// Retrying cannot help (another 4xx, a redirect, an invalid or oversized response).
    Final,
}

/// True for the error codes of flow control (`Throttling`, `Throttling.User`, ...).
pub(crate) fn is_throttling_code(code: &str) -> bool {
    code.starts_with("Throttling")
}

/// The kind of a failure the service answered: only a 4xx throttling code says the request
/// was not processed; a 5xx may have been, whatever its code or headers.
pub(crate) fn answered(http_status: u16, code: Option<&str>) -> FailureKind {
    match http_status {
        500.. => FailureKind::MaybeProcessed,
        400..=499 if code.is_some_and(is_throttling_code) => FailureKind::Rejected,
        _ => FailureKind::Final,
    }
}

/// Whether a failure of this kind may be retried for this operation.
pub(crate) fn is_retryable(kind: FailureKind, op: &OperationInfo) -> bool {
    match kind {
        FailureKind::Rejected | FailureKind::NotSent => true,
        FailureKind::MaybeProcessed => op.idempotency_param.is_some() || op.read_only,
        FailureKind::Final => false,
    }
}

/// Whether the client retries `error` when `op` gets it: the rule above, applied to a service
/// answer. Generated errors' `is_retryable()` asks this, so they never disagree with the
/// client.
pub fn retries_service_error(error: &ServiceError, op: &OperationInfo) -> bool {
    is_retryable(answered(error.http_status, Some(&error.code)), op)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CREATE: OperationInfo = OperationInfo {
        action: "CreateVbr",
        method: "POST",
        idempotency_param: None,
        read_only: false,
    };

    #[test]
    fn safe_retries_only() {
        let with_token = OperationInfo {
            idempotency_param: Some("ClientToken"),
            ..CREATE
        };
        let read = OperationInfo {
            read_only: true,
            ..CREATE
        };
        for op in [&CREATE, &with_token, &read] {
            assert!(is_retryable(FailureKind::Rejected, op));
            assert!(is_retryable(FailureKind::NotSent, op));
            assert!(!is_retryable(FailureKind::Final, op));
        }
        assert!(!is_retryable(FailureKind::MaybeProcessed, &CREATE));
        assert!(is_retryable(FailureKind::MaybeProcessed, &with_token));
        assert!(is_retryable(FailureKind::MaybeProcessed, &read));
    }

    #[test]
    fn only_a_throttled_4xx_was_rejected_before_processing() {
        for code in ["Throttling", "Throttling.User", "Throttling.Api"] {
            assert_eq!(answered(400, Some(code)), FailureKind::Rejected, "{code}");
            assert_eq!(answered(429, Some(code)), FailureKind::Rejected, "{code}");
            assert_eq!(
                answered(503, Some(code)),
                FailureKind::MaybeProcessed,
                "{code}"
            );
        }
        assert_eq!(
            answered(503, Some("ServiceUnavailable")),
            FailureKind::MaybeProcessed
        );
        assert_eq!(answered(500, None), FailureKind::MaybeProcessed);
        assert_eq!(answered(400, Some("InvalidParameter")), FailureKind::Final);
        assert_eq!(answered(400, None), FailureKind::Final);
        assert_eq!(answered(200, None), FailureKind::Final);
    }

    #[test]
    fn a_service_error_is_retried_as_the_client_retries_it() {
        let error = |http_status, code: &str| ServiceError {
            http_status,
            code: code.into(),
            message: String::new(),
            request_id: None,
            host_id: None,
            recommend: None,
            access_denied_detail: None,
        };
        let read = OperationInfo {
            read_only: true,
            ..CREATE
        };
        assert!(retries_service_error(
            &error(400, "Throttling.User"),
            &CREATE
        ));
        assert!(!retries_service_error(
            &error(500, "InternalError"),
            &CREATE
        ));
        assert!(retries_service_error(&error(500, "InternalError"), &read));
        assert!(!retries_service_error(
            &error(400, "ServiceUnavailable"),
            &read
        ));
    }

    #[test]
    fn backoff_grows_with_jitter_and_is_capped() {
        let r = RetryConfig {
            initial_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_millis(300),
            ..RetryConfig::default()
        };
        for _ in 0..50 {
            let first = r.backoff(1);
            assert!((Duration::from_millis(50)..=Duration::from_millis(100)).contains(&first));
            let second = r.backoff(2);
            assert!((Duration::from_millis(100)..=Duration::from_millis(200)).contains(&second));
            assert!(r.backoff(40) <= Duration::from_millis(300));
        }
    }

    #[test]
    fn check_rejects_nonsense() {
        assert!(RetryConfig {
            max_attempts: 0,
            ..RetryConfig::default()
        }
        .check()
        .is_err());
        assert!(RetryConfig::disabled().check().is_ok());
    }
}
