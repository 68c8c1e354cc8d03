//! Runtime for specgen-generated Alibaba Cloud clients.
//!
//! Generated crates describe each product ([`ServiceInfo`]) and operation ([`OperationInfo`]),
//! flatten a request into wire [`Params`], and call [`Client::send`], which signs
//! ([`signing`]: V3 `ACS3-HMAC-SHA256` by default, RPC V1 `HMAC-SHA1` on request), sends with
//! timeouts and safe retries ([`RetryConfig`]), and decodes the success body into the
//! generated output type (through [`json::FromJson`]) or returns an [`SdkError`].
//! [`Client::invoke`] does the same and returns the raw body.
//!
//! Unlike the official SDKs, which never retry by default, calls are retried up to 3 attempts
//! when that is safe; see [`retry`] for the rules and [`RetryConfig::disabled`] to opt out.

#![warn(missing_docs)]

mod client;
pub mod config;
pub mod credentials;
mod endpoint;
pub mod error;
pub mod json;
pub mod pagination;
mod params;
mod response;
pub mod retry;
mod service;
pub mod signing;
#[cfg(feature = "test-util")]
pub mod test_util;
#[cfg(feature = "mock-server")]
pub mod testing;
mod transport;
pub mod validate;
mod wire_enum;

/// Paths the exported macros use; not part of the public API.
#[doc(hidden)]
pub mod __private {
    pub use serde;
}

pub use client::Client;
pub use config::{CallOptions, Config, ConfigBuilder, ConfigError};
pub use credentials::{
    Credentials, CredentialsError, CredentialsFuture, DefaultCredentialsChain, Environment,
    ProvideCredentials,
};
pub use error::{BoxError, ProvideErrorMetadata, SdkError, ServiceError, Unhandled};
pub use params::Params;
pub use retry::RetryConfig;
pub use service::{OperationInfo, ParamLocation, ServiceInfo};
pub use signing::SignatureVersion;
pub use validate::{CharClass, Validation, ValidationError, Violation};

/// Re-exported so generated code needs no direct dependency for the body type.
pub use bytes::Bytes;
