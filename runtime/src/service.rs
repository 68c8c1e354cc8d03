//! Static descriptions of a product and an operation, emitted by generated code.

/// Where an operation's business parameters travel on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamLocation {
    /// In the URL query string (Vpc 2016-04-28).
    Query,
    /// In an `application/x-www-form-urlencoded` body (ExpressConnectRouter 2023-09-01).
    FormBody,
}

/// One product and API version.
#[derive(Debug, Clone, Copy)]
pub struct ServiceInfo {
    /// Product code, e.g. `"Vpc"`.
    pub product: &'static str,
    /// API version, e.g. `"2016-04-28"`.
    pub version: &'static str,
    /// Central endpoint host, e.g. `"vpc.aliyuncs.com"`.
    pub endpoint_global: &'static str,
    /// Regional endpoint pattern with a `{region}` placeholder, e.g. `"vpc.{region}.aliyuncs.com"`.
    pub endpoint_regional: &'static str,
    /// Regions served by [`ServiceInfo::endpoint_global`] rather than the regional pattern.
    pub global_regions: &'static [&'static str],
    /// Where business parameters go.
    pub location: ParamLocation,
}

/// One operation of a product.
#[derive(Debug, Clone, Copy)]
pub struct OperationInfo {
    /// Action name, e.g. `"CreatePhysicalConnection"`.
    pub action: &'static str,
    /// HTTP method, e.g. `"POST"`.
    pub method: &'static str,
    /// Name of the idempotency parameter (`ClientToken`, `Token`) when the operation has one.
    pub idempotency_param: Option<&'static str>,
    /// True for operations that only read (`Describe*`, `List*`, `Get*`, `Query*`).
    pub read_only: bool,
}
