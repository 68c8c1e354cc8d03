//! One HTTP exchange with a deadline, classified for the retry loop.

use std::time::Duration;

use bytes::{Bytes, BytesMut};
use reqwest::header::HeaderValue;
use reqwest::{Method, Url};

use crate::error::BoxError;
use crate::response::RawResponse;
use crate::signing::SignedRequest;

/// Why an exchange produced no response.
#[derive(Debug)]
pub(crate) enum TransportFailure {
    /// No complete response within the read timeout.
    Timeout,
    /// The connection could not be established; nothing was sent.
    NotSent(BoxError),
    /// The connection failed after the request may have been sent.
    Lost(BoxError),
    /// The body grew past the configured limit; the connection was dropped unread.
    TooLarge {
        /// HTTP status of the response.
        status: u16,
        /// The limit, in bytes.
        limit: usize,
    },
    /// The test double has no answer for the request (nothing to resend it to).
    #[cfg(feature = "test-util")]
    Unanswered(BoxError),
}

/// Where requests go: the network, or (feature `test-util`) an in-process mock.
#[derive(Debug, Clone)]
pub(crate) enum Transport {
    Http(reqwest::Client),
    #[cfg(feature = "test-util")]
    Mock(crate::test_util::Mock),
}

impl Transport {
    /// One exchange, as [`exchange`] does it over the network.
    pub(crate) async fn exchange(
        &self,
        request: reqwest::Request,
        timeout: Duration,
        max_body: usize,
    ) -> Result<RawResponse, TransportFailure> {
        match self {
            Self::Http(http) => exchange(http, request, timeout, max_body).await,
            #[cfg(feature = "test-util")]
            Self::Mock(mock) => mock.exchange(&request, max_body),
        }
    }
}

/// A request that cannot be expressed in HTTP (bad method or header bytes). Names only.
#[derive(Debug)]
pub(crate) struct UnsendableRequest(pub(crate) String);

/// Builds the wire request; fails only for values HTTP cannot carry.
pub(crate) fn build(
    method: &str,
    base: &Url,
    signed: SignedRequest,
) -> Result<reqwest::Request, UnsendableRequest> {
    let method = Method::from_bytes(method.as_bytes())
        .map_err(|_| UnsendableRequest(format!("invalid HTTP method {method:?}")))?;
    let mut url = base.clone();
    let query = signed.query_string();
    url.set_query((!query.is_empty()).then_some(query));
    // Built directly rather than through `RequestBuilder`, whose `headers()` copies the map
    // entry by entry a second time.
    let mut request = reqwest::Request::new(method, url);
    let headers = request.headers_mut();
    headers.reserve(signed.headers.len());
    for (name, value) in signed.headers {
        // Takes the string's buffer instead of copying it. The error names the header but
        // never shows its value (it may be a token).
        let value = HeaderValue::try_from(value)
            .map_err(|_| UnsendableRequest(format!("header {name} has bytes HTTP cannot carry")))?;
        headers.insert(name, value);
    }
    if let Some(body) = signed.body {
        *request.body_mut() = Some(body.into());
    }
    Ok(request)
}

/// Sends and reads the whole body within `timeout`, at most `max_body` bytes of it. A body
/// past the limit fails the exchange and drops the connection (hyper never returns a
/// connection with an unread body to the pool), so a hostile or broken server costs at most
/// `max_body` bytes of memory and `timeout` of time. A 3xx is returned with its `Location`
/// and no body: redirects are never followed (the client is built with `Policy::none`).
pub(crate) async fn exchange(
    http: &reqwest::Client,
    request: reqwest::Request,
    timeout: Duration,
    max_body: usize,
) -> Result<RawResponse, TransportFailure> {
    let work = async {
        let mut response = http.execute(request).await.map_err(classify)?;
        let status = response.status().as_u16();
        // A 3xx is never followed, so its body is never read.
        let head = RawResponse::new(status, response.headers(), Bytes::new());
        if (300..400).contains(&status) {
            return Ok(head);
        }
        let too_large = TransportFailure::TooLarge {
            status,
            limit: max_body,
        };
        if response
            .content_length()
            .is_some_and(|n| n > max_body as u64)
        {
            return Err(too_large);
        }
        let body = read_capped(&mut response, max_body)
            .await?
            .ok_or(too_large)?;
        Ok(RawResponse { body, ..head })
    };
    tokio::time::timeout(timeout, work)
        .await
        .unwrap_or(Err(TransportFailure::Timeout))
}

/// The body, chunk by chunk; `None` once it passes `max` bytes. A body that arrives in one
/// chunk (the usual case) is kept without a copy.
async fn read_capped(
    response: &mut reqwest::Response,
    max: usize,
) -> Result<Option<Bytes>, TransportFailure> {
    let Some(first) = response.chunk().await.map_err(classify)? else {
        return Ok(Some(Bytes::new()));
    };
    if first.len() > max {
        return Ok(None);
    }
    let Some(second) = response.chunk().await.map_err(classify)? else {
        return Ok(Some(first));
    };
    let mut body = BytesMut::with_capacity(first.len() + second.len());
    body.extend_from_slice(&first);
    let mut next = Some(second);
    while let Some(chunk) = next {
        if body.len() + chunk.len() > max {
            return Ok(None);
        }
        body.extend_from_slice(&chunk);
        next = response.chunk().await.map_err(classify)?;
    }
    Ok(Some(body.freeze()))
}

fn classify(e: reqwest::Error) -> TransportFailure {
    // The URL carries the V1 signature and STS token in its query: never keep it in errors.
    let e = e.without_url();
    if e.is_connect() {
        TransportFailure::NotSent(Box::new(e))
    } else if e.is_timeout() {
        TransportFailure::Timeout
    } else {
        TransportFailure::Lost(Box::new(e))
    }
}
