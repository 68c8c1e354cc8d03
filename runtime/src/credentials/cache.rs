//! Temporary credentials kept until shortly before they expire, refreshed one at a time.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use super::{Credentials, CredentialsError, CredentialsFuture, ProvideCredentials};

/// How long before expiry credentials are refreshed: the official SDKs' stale time.
pub(crate) const REFRESH_MARGIN: Duration = Duration::from_secs(15 * 60);

/// Temporary credentials and when to stop using them.
#[derive(Debug, Clone)]
pub(super) struct Expiring {
    pub(super) credentials: Credentials,
    /// The service's `Expiration`.
    pub(super) expires_at: SystemTime,
    /// When the next call fetches new ones (before `expires_at`).
    pub(super) refresh_at: SystemTime,
}

impl Expiring {
    /// Refreshed [`REFRESH_MARGIN`] before `expires_at`; credentials that arrive already
    /// inside the margin are used for this call and refreshed on the next (as the official
    /// `RefreshCachedSupplier`).
    pub(super) fn new(credentials: Credentials, expires_at: SystemTime) -> Self {
        let refresh_at = expires_at
            .checked_sub(REFRESH_MARGIN)
            .unwrap_or(SystemTime::UNIX_EPOCH);
        Self {
            credentials,
            expires_at,
            refresh_at,
        }
    }
}

/// What a refreshing provider's source returns.
pub(super) type FetchFuture<'a> =
    Pin<Box<dyn Future<Output = Result<Expiring, CredentialsError>> + Send + 'a>>;

/// A source of temporary credentials (STS, the metadata service, a credentials URI).
pub(super) trait Fetch: Send + Sync + fmt::Debug + 'static {
    fn fetch(&self) -> FetchFuture<'_>;
}

/// Caches what `F` fetches. Callers that find the cache stale queue on one lock, and the
/// first of them fetches; the others find the fresh value when their turn comes, so a burst
/// of calls refreshes once.
#[derive(Debug)]
pub(super) struct Refreshing<F> {
    source: F,
    cached: Mutex<Option<Expiring>>,
    turn: tokio::sync::Mutex<()>,
}

impl<F: Fetch> Refreshing<F> {
    pub(super) fn new(source: F) -> Self {
        Self {
            source,
            cached: Mutex::new(None),
            turn: tokio::sync::Mutex::new(()),
        }
    }

    /// The cached credentials if `now` is before `deadline(entry)`.
    fn cached_until(&self, deadline: fn(&Expiring) -> SystemTime) -> Option<Credentials> {
        let cached = self.cached.lock().unwrap_or_else(|e| e.into_inner());
        let entry = cached.as_ref()?;
        (SystemTime::now() < deadline(entry)).then(|| entry.credentials.clone())
    }

    async fn get(&self) -> Result<Credentials, CredentialsError> {
        if let Some(fresh) = self.cached_until(|e| e.refresh_at) {
            return Ok(fresh);
        }
        let _turn = self.turn.lock().await;
        if let Some(fresh) = self.cached_until(|e| e.refresh_at) {
            return Ok(fresh);
        }
        tracing::debug!(source = ?self.source, "refreshing credentials");
        match self.source.fetch().await {
            Ok(entry) if SystemTime::now() < entry.expires_at => {
                let credentials = entry.credentials.clone();
                *self.cached.lock().unwrap_or_else(|e| e.into_inner()) = Some(entry);
                Ok(credentials)
            }
            Ok(_) => self.fallback(CredentialsError::Fetch {
                service: format!("{:?}", self.source),
                reason: "the service returned credentials that have already expired".into(),
            }),
            Err(e) => self.fallback(e),
        }
    }

    /// A failed refresh keeps the cached credentials while they have not expired (a
    /// stricter rule than none, looser than the official one, which fails once they are
    /// inside the margin); the next call tries again.
    fn fallback(&self, error: CredentialsError) -> Result<Credentials, CredentialsError> {
        match self.cached_until(|e| e.expires_at) {
            Some(still_valid) => {
                tracing::warn!(%error, "credentials refresh failed; using the cached ones until they expire");
                Ok(still_valid)
            }
            None => Err(error),
        }
    }
}

impl<F: Fetch> ProvideCredentials for Refreshing<F> {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(self.get())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};
    use std::sync::Arc;

    /// Counts fetches; each lasts 50 ms and expires `lifetime` later.
    #[derive(Debug)]
    struct Counting {
        fetches: Arc<AtomicU32>,
        lifetime: Duration,
        fail_after_first: bool,
    }

    impl Fetch for Counting {
        fn fetch(&self) -> FetchFuture<'_> {
            Box::pin(async move {
                let n = self.fetches.fetch_add(1, Ordering::SeqCst) + 1;
                tokio::time::sleep(Duration::from_millis(50)).await;
                if self.fail_after_first && n > 1 {
                    return Err(CredentialsError::Fetch {
                        service: "test".into(),
                        reason: "down".into(),
                    });
                }
                let creds = Credentials::new(format!("id{n}"), "s").with_security_token("t");
                Ok(Expiring::new(creds, SystemTime::now() + self.lifetime))
            })
        }
    }

    fn counting(
        lifetime: Duration,
        fail_after_first: bool,
    ) -> (Arc<Refreshing<Counting>>, Arc<AtomicU32>) {
        let fetches = Arc::new(AtomicU32::new(0));
        let source = Counting {
            fetches: fetches.clone(),
            lifetime,
            fail_after_first,
        };
        (Arc::new(Refreshing::new(source)), fetches)
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_concurrent_burst_fetches_once_and_fresh_values_are_cached() {
        let (provider, fetches) = counting(Duration::from_secs(3600), false);
        let burst: Vec<_> = (0..32)
            .map(|_| {
                let p = provider.clone();
                tokio::spawn(async move { p.provide_credentials().await })
            })
            .collect();
        for call in burst {
            assert_eq!(call.await.unwrap().unwrap().access_key_id(), "id1");
        }
        assert_eq!(fetches.load(Ordering::SeqCst), 1);
        provider.provide_credentials().await.unwrap();
        assert_eq!(fetches.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn credentials_inside_the_margin_are_used_once_then_refreshed() {
        // Valid for 10 more minutes: inside the 15-minute margin, so never cached.
        let (provider, fetches) = counting(Duration::from_secs(600), false);
        assert_eq!(
            provider
                .provide_credentials()
                .await
                .unwrap()
                .access_key_id(),
            "id1"
        );
        assert_eq!(
            provider
                .provide_credentials()
                .await
                .unwrap()
                .access_key_id(),
            "id2"
        );
        assert_eq!(fetches.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn a_failed_refresh_keeps_unexpired_credentials_and_fails_without_them() {
        let (provider, fetches) = counting(Duration::from_secs(600), true);
        assert_eq!(
            provider
                .provide_credentials()
                .await
                .unwrap()
                .access_key_id(),
            "id1"
        );
        assert_eq!(
            provider
                .provide_credentials()
                .await
                .unwrap()
                .access_key_id(),
            "id1"
        );
        assert_eq!(fetches.load(Ordering::SeqCst), 2);
        let (expired, _) = counting(Duration::ZERO, false);
        let err = expired.provide_credentials().await.unwrap_err();
        assert!(err.to_string().contains("already expired"), "{err}");
    }
}
