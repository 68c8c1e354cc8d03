//! Retry policy: which failures are retried, and how long to wait between attempts.
//!
//! The official SDKs make one attempt and never retry unless configured. We retry by default
//! (3 attempts) because throttling (`Throttling.User`) and transient connection failures are
//! routine on a busy account and are always safe to retry: the service rejected or never saw
//! the request. Failures after the request may have been processed (5xx, timeouts, a dropped
//! connection) are retried only when the operation is idempotent: it carries an idempotency
//! token (reused across attempts, so a retried create never creates twice) or only reads.
//! [`RetryConfig::disabled`] restores the official behaviour.

use std::time::Duration;

use rand::Rng;

use crate::config::ConfigError;
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
    /// Rejected by flow control before processing (`Throttling*`, `ServiceUnavailable`,
    /// `x-acs-retry-after`).
    Throttled,
    /// The connection could not be made: the request was never sent.
    NotSent,
    /// A 5xx answer, a timeout or a connection lost mid-exchange: the request may have run.
    MaybeProcessed,
    /// Retrying cannot help (4xx other than throttling, invalid response on 2xx).
    Final,
}

/// True for error codes the service uses for flow control.
pub(crate) fn is_throttling_code(code: &str) -> bool {
    code.starts_with("Throttling") || code == "ServiceUnavailable"
}

/// Whether a failure of this kind may be retried for this operation.
pub(crate) fn is_retryable(kind: FailureKind, op: &OperationInfo) -> bool {
    match kind {
        FailureKind::Throttled | FailureKind::NotSent => true,
        FailureKind::MaybeProcessed => op.idempotency_param.is_some() || op.read_only,
        FailureKind::Final => false,
    }
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
            assert!(is_retryable(FailureKind::Throttled, op));
            assert!(is_retryable(FailureKind::NotSent, op));
            assert!(!is_retryable(FailureKind::Final, op));
        }
        assert!(!is_retryable(FailureKind::MaybeProcessed, &CREATE));
        assert!(is_retryable(FailureKind::MaybeProcessed, &with_token));
        assert!(is_retryable(FailureKind::MaybeProcessed, &read));
    }

    #[test]
    fn throttling_codes() {
        for code in [
            "Throttling",
            "Throttling.User",
            "Throttling.Api",
            "ServiceUnavailable",
        ] {
            assert!(is_throttling_code(code), "{code}");
        }
        assert!(!is_throttling_code("InternalError"));
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
