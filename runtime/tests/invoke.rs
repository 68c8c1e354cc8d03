//! `Client::invoke` end to end against `scripts/mock_server.py`, which verifies signatures with
//! the official Python SDK's functions. Fails (never skips) when those packages are missing.

mod common;

use std::time::{Duration, Instant};

use common::{logs_of, DESCRIBE, VPC};
use serde_json::json;
use specgen_runtime::testing::MockServer;
use specgen_runtime::{
    CallOptions, Client, Config, Credentials, OperationInfo, ParamLocation, Params, RetryConfig,
    SdkError, ServiceError, ServiceInfo, SignatureVersion,
};

const ECR: ServiceInfo = ServiceInfo {
    product: "ExpressConnectRouter",
    version: "2023-09-01",
    endpoint_global: "expressconnectrouter.aliyuncs.com",
    endpoint_regional: "expressconnectrouter.{region}.aliyuncs.com",
    global_regions: &[],
    location: ParamLocation::FormBody,
};

const CREATE: OperationInfo = OperationInfo {
    action: "CreatePhysicalConnection",
    method: "POST",
    idempotency_param: Some("ClientToken"),
    read_only: false,
};

const DELETE: OperationInfo = OperationInfo {
    action: "DeletePhysicalConnection",
    method: "POST",
    idempotency_param: None,
    read_only: false,
};

fn server() -> MockServer {
    MockServer::start().unwrap_or_else(|e| panic!("{e}"))
}

fn fast_retry() -> RetryConfig {
    RetryConfig {
        max_attempts: 3,
        initial_backoff: Duration::from_millis(10),
        max_backoff: Duration::from_millis(40),
        max_elapsed: Duration::from_secs(10),
    }
}

fn client(server: &MockServer, version: SignatureVersion, creds: Credentials) -> Client {
    let config = Config::builder()
        .region("cn-shanghai")
        .endpoint_url(server.url())
        .credentials(creds)
        .signature_version(version)
        .retry(fast_retry())
        .read_timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    Client::new(config)
}

fn tricky_params() -> Params {
    let mut p = Params::new();
    p.push("Name", "专线 a*b~c/d+e");
    p.push("Description", "50% off & more = fun");
    p.push("Tag.1.Key", "环境");
    p.push("Tag.1.Value", "prod");
    p.push("Tag.2.Key", "team name");
    p.push("Tag.2.Value", "");
    p
}

async fn invoke(
    client: &Client,
    service: &ServiceInfo,
    op: &OperationInfo,
    params: Params,
) -> Result<specgen_runtime::Bytes, SdkError<ServiceError>> {
    client
        .invoke(service, op, params, &CallOptions::default())
        .await
}

#[tokio::test]
async fn signatures_accepted_for_both_schemes_query_and_form() {
    let server = server();
    let sts = MockServer::credentials().with_security_token("STS/token+with=symbols");
    for version in [SignatureVersion::V3, SignatureVersion::V1] {
        for creds in [MockServer::credentials(), sts.clone()] {
            for service in [&VPC, &ECR] {
                server.reset().await.unwrap();
                server
                    .scenario(json!({"expect": {"version": service.version,
                                                "actions": [DESCRIBE.action]},
                                     "default": {"status": 200, "json": {"RequestId": "OK-1"}}}))
                    .await
                    .unwrap();
                let c = client(&server, version, creds.clone());
                let body = invoke(&c, service, &DESCRIBE, tricky_params()).await;
                let label = format!(
                    "{version:?} {} sts={}",
                    service.product,
                    creds.security_token().is_some()
                );
                assert_eq!(
                    body.unwrap().as_ref(),
                    br#"{"RequestId": "OK-1"}"#,
                    "{label}"
                );
                let reqs = server.requests().await.unwrap();
                assert_eq!(reqs.len(), 1, "{label}");
                let r = &reqs[0];
                assert!(r.signature_ok, "{label}: {:?}", r.error_code);
                assert_eq!(
                    r.scheme,
                    if version == SignatureVersion::V3 {
                        "V3"
                    } else {
                        "V1"
                    }
                );
                assert_eq!(r.action.as_deref(), Some(DESCRIBE.action));
                assert_eq!(r.version.as_deref(), Some(service.version));
                assert_eq!(r.security_token_present, creds.security_token().is_some());
                // Exact wire parameters, with RegionId filled from the client region.
                let mut expected: Vec<(String, String)> = tricky_params()
                    .iter()
                    .map(|(k, v)| (k.to_owned(), v.to_owned()))
                    .collect();
                expected.push(("RegionId".into(), "cn-shanghai".into()));
                let mut got = r.params.clone();
                got.sort();
                expected.sort();
                assert_eq!(got, expected, "{label}");
                let in_form = service.location == ParamLocation::FormBody;
                assert_eq!(!r.form.is_empty(), in_form, "{label}");
            }
        }
    }
}

#[tokio::test]
async fn wrong_secret_is_rejected_by_the_server() {
    let server = server();
    let c = client(
        &server,
        SignatureVersion::V3,
        Credentials::new("testid", "wrong"),
    );
    let err = invoke(&c, &VPC, &DESCRIBE, Params::new())
        .await
        .unwrap_err();
    match err {
        SdkError::Service(e) => assert_eq!(e.code, "SignatureDoesNotMatch"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        server.requests().await.unwrap().len(),
        1,
        "4xx is not retried"
    );
}

#[tokio::test]
async fn throttling_then_success_reuses_the_client_token() {
    let server = server();
    server
        .scenario(json!({"responses": [
            {"status": 400, "json": {"Code": "Throttling.User", "Message": "slow down", "RequestId": "T1"}},
            {"status": 503, "headers": {"x-acs-retry-after": "30"},
             "json": {"Code": "ServiceUnavailable", "Message": "busy", "RequestId": "T2"}},
            {"status": 200, "json": {"RequestId": "OK", "PhysicalConnectionId": "pc-1"}}]}))
        .await
        .unwrap();
    let c = client(&server, SignatureVersion::V3, MockServer::credentials());
    let body = invoke(&c, &VPC, &CREATE, Params::new()).await.unwrap();
    assert!(std::str::from_utf8(&body).unwrap().contains("pc-1"));
    let reqs = server.requests().await.unwrap();
    assert_eq!(reqs.len(), 3);
    assert!(
        reqs.iter().all(|r| r.signature_ok),
        "fresh nonce per attempt"
    );
    let tokens: Vec<_> = reqs.iter().map(|r| r.param("ClientToken")).collect();
    assert!(tokens[0].is_some_and(|t| t.len() == 36));
    assert!(tokens.iter().all(|t| *t == tokens[0]), "{tokens:?}");
}

#[tokio::test]
async fn caller_token_is_kept_and_each_call_gets_its_own() {
    let server = server();
    let c = client(&server, SignatureVersion::V1, MockServer::credentials());
    let mut p = Params::new();
    p.push("ClientToken", "mine-123");
    invoke(&c, &VPC, &CREATE, p).await.unwrap();
    invoke(&c, &VPC, &CREATE, Params::new()).await.unwrap();
    invoke(&c, &VPC, &CREATE, Params::new()).await.unwrap();
    let reqs = server.requests().await.unwrap();
    assert_eq!(reqs[0].param("ClientToken"), Some("mine-123"));
    assert_ne!(reqs[1].param("ClientToken"), reqs[2].param("ClientToken"));
}

#[tokio::test]
async fn server_errors_until_attempts_run_out() {
    let server = server();
    server
        .scenario(json!({"responses": [{"repeat": 5, "status": 500,
            "json": {"Code": "InternalError", "Message": "oops", "RequestId": "REQ-500", "HostId": "vpc"}}]}))
        .await
        .unwrap();
    let c = client(&server, SignatureVersion::V3, MockServer::credentials());
    let err = invoke(&c, &VPC, &CREATE, Params::new()).await.unwrap_err();
    match &err {
        SdkError::Service(e) => {
            assert_eq!((e.http_status, e.code.as_str()), (500, "InternalError"));
            assert_eq!(e.request_id.as_deref(), Some("REQ-500"));
        }
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("REQ-500"));
    assert_eq!(server.requests().await.unwrap().len(), 3);
}

#[tokio::test]
async fn server_errors_are_not_retried_without_token_or_read_only() {
    let server = server();
    server
        .scenario(json!({"responses": [{"repeat": 5, "status": 500,
            "json": {"Code": "InternalError", "Message": "oops", "RequestId": "R"}}]}))
        .await
        .unwrap();
    let c = client(&server, SignatureVersion::V3, MockServer::credentials());
    assert!(invoke(&c, &VPC, &DELETE, Params::new()).await.is_err());
    assert_eq!(server.requests().await.unwrap().len(), 1);
    // Per-call override of attempts.
    let opts = CallOptions {
        max_attempts: Some(2),
        ..CallOptions::default()
    };
    assert!(c
        .invoke(&VPC, &DESCRIBE, Params::new(), &opts)
        .await
        .is_err());
    assert_eq!(server.requests().await.unwrap().len(), 3);
}

/// The retry rule for an operation that neither reads nor carries a token: sent again only
/// after a 4xx throttling answer; a 5xx may have been processed, whatever it says.
#[tokio::test]
async fn a_create_without_token_is_sent_again_only_after_a_throttling_4xx() {
    let server = server();
    let c = client(&server, SignatureVersion::V3, MockServer::credentials());
    let maybe_processed = [
        json!({"status": 500, "headers": {"x-acs-retry-after": "5"},
               "json": {"Code": "Throttling.User", "Message": "m", "RequestId": "R1"}}),
        json!({"status": 503, "headers": {"x-acs-retry-after": "5"},
               "json": {"Code": "ServiceUnavailable", "Message": "m", "RequestId": "R2"}}),
        json!({"status": 502, "headers": {"Content-Type": "text/html"}, "body": "<html>bad gateway"}),
    ];
    for answer in maybe_processed {
        server.reset().await.unwrap();
        server
            .scenario(json!({"responses": [answer.clone(), {"json": {"RequestId": "OK"}}]}))
            .await
            .unwrap();
        assert!(invoke(&c, &VPC, &DELETE, Params::new()).await.is_err());
        assert_eq!(server.requests().await.unwrap().len(), 1, "{answer}");
    }
    // A throttling body written with a repeated key still parses (last value wins) and is
    // retried.
    server.reset().await.unwrap();
    server
        .scenario(json!({"responses": [
            {"status": 400, "headers": {"Content-Type": "application/json"},
             "body": r#"{"Code":"InternalError","Code":"Throttling.User","Message":"m","RequestId":"D"}"#},
            {"json": {"RequestId": "OK"}}]}))
        .await
        .unwrap();
    invoke(&c, &VPC, &DELETE, Params::new()).await.unwrap();
    assert_eq!(server.requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn slow_server_times_out() {
    let server = server();
    server
        .scenario(
            json!({"default": {"delay_ms": 3000, "status": 200, "json": {"RequestId": "late"}}}),
        )
        .await
        .unwrap();
    let c = client(&server, SignatureVersion::V3, MockServer::credentials());
    let opts = CallOptions {
        read_timeout: Some(Duration::from_millis(300)),
        max_attempts: Some(2),
        ..CallOptions::default()
    };
    let started = Instant::now();
    let err = c
        .invoke(&VPC, &DESCRIBE, Params::new(), &opts)
        .await
        .unwrap_err();
    assert!(
        matches!(err, SdkError::Timeout { attempts: 2, .. }),
        "{err:?}"
    );
    assert!(
        started.elapsed() < Duration::from_millis(2500),
        "{:?}",
        started.elapsed()
    );
    // A non-idempotent write is not retried after a timeout.
    let err = c
        .invoke(&VPC, &DELETE, Params::new(), &opts)
        .await
        .unwrap_err();
    assert!(
        matches!(err, SdkError::Timeout { attempts: 1, .. }),
        "{err:?}"
    );
}

#[tokio::test]
async fn html_truncated_and_empty_bodies_are_invalid_responses() {
    let server = server();
    let c = client(&server, SignatureVersion::V3, MockServer::credentials());
    let cases = [
        (
            json!({"status": 200, "headers": {"Content-Type": "text/html"},
                "body": "<html><body>Proxy login required</body></html>"}),
            200,
            "<html>",
        ),
        (
            json!({"status": 200, "headers": {"Content-Type": "application/json"},
                "body": "{\"RequestId\":\"x\",\"Items\":["}),
            200,
            "RequestId",
        ),
        (
            json!({"status": 200, "headers": {"Content-Type": "application/json"}, "body": ""}),
            200,
            "",
        ),
        (
            json!({"status": 403, "headers": {"Content-Type": "text/html"},
                "body": "<html>Forbidden by gateway</html>"}),
            403,
            "Forbidden",
        ),
    ];
    for (response, status, excerpt) in cases {
        server
            .scenario(json!({"responses": [response]}))
            .await
            .unwrap();
        let err = invoke(&c, &VPC, &DELETE, Params::new()).await.unwrap_err();
        match err {
            SdkError::InvalidResponse {
                http_status,
                body_excerpt,
                reason,
            } => {
                assert_eq!(http_status, status, "{reason}");
                assert!(body_excerpt.contains(excerpt), "{body_excerpt:?}");
                assert!(!reason.is_empty());
            }
            other => panic!("{other:?}"),
        }
    }
}

#[tokio::test]
async fn unknown_error_code_is_a_service_error() {
    let server = server();
    server
        .scenario(json!({"responses": [{"status": 400, "json": {
            "Code": "Brand.New.Code", "Message": "new", "RequestId": "R9",
            "Recommend": "https://api.aliyun.com/troubleshoot?q=R9",
            "AccessDeniedDetail": {"AuthAction": "vpc:CreatePhysicalConnection"}}}]}))
        .await
        .unwrap();
    let c = client(&server, SignatureVersion::V1, MockServer::credentials());
    match invoke(&c, &VPC, &CREATE, Params::new()).await.unwrap_err() {
        SdkError::Service(e) => {
            assert_eq!(e.code, "Brand.New.Code");
            assert_eq!(
                e.recommend.as_deref(),
                Some("https://api.aliyun.com/troubleshoot?q=R9")
            );
            assert!(e
                .access_denied_detail
                .unwrap_or_default()
                .contains("vpc:Create"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(server.requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn dropped_connection_is_a_transport_error() {
    let server = server();
    server
        .scenario(json!({"responses": [{"drop": true, "repeat": 3}]}))
        .await
        .unwrap();
    let c = client(&server, SignatureVersion::V3, MockServer::credentials());
    let err = invoke(&c, &VPC, &DELETE, Params::new()).await.unwrap_err();
    assert!(
        matches!(err, SdkError::Transport { attempts: 1, .. }),
        "{err:?}"
    );
}

#[tokio::test]
async fn refused_connection_is_retried_then_reported() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let config = Config::builder()
        .region("cn-shanghai")
        .endpoint_url(format!("http://127.0.0.1:{port}"))
        .credentials(MockServer::credentials())
        .retry(fast_retry())
        .build()
        .unwrap();
    let err = invoke(&Client::new(config), &VPC, &DELETE, Params::new())
        .await
        .unwrap_err();
    assert!(
        matches!(err, SdkError::Transport { attempts: 3, .. }),
        "{err:?}"
    );
    assert!(!err.to_string().contains("testsecret"));
}

#[tokio::test]
async fn missing_region_and_credentials_fail_before_sending() {
    let config = Config::builder()
        .credentials(MockServer::credentials())
        .build()
        .unwrap();
    let err = invoke(&Client::new(config), &VPC, &DESCRIBE, Params::new())
        .await
        .unwrap_err();
    assert!(matches!(err, SdkError::Config(_)), "{err:?}");

    // The metadata service is switched off: no test reaches 100.100.100.200.
    let vars = [(
        "ALIBABA_CLOUD_ECS_METADATA_DISABLED".to_string(),
        "true".to_string(),
    )];
    let env = specgen_runtime::Environment::new(vars.into_iter().collect(), None);
    let config = specgen_runtime::ConfigBuilder::from_environment(env)
        .region("cn-shanghai")
        .endpoint_url("http://127.0.0.1:9")
        .build()
        .unwrap();
    let err = invoke(&Client::new(config), &VPC, &DESCRIBE, Params::new())
        .await
        .unwrap_err();
    assert!(matches!(err, SdkError::Credentials(_)), "{err:?}");
}

#[tokio::test(flavor = "current_thread")]
async fn secrets_never_reach_logs_or_errors() {
    let server = server();
    server
        .scenario(json!({"responses": [
            {"status": 400, "json": {"Code": "Throttling", "Message": "m", "RequestId": "LOGGED-ID"}},
            {"status": 200, "json": {"RequestId": "OK-ID"}}]}))
        .await
        .unwrap();
    let token = "STS-TOKEN-VALUE";
    let creds = MockServer::credentials().with_security_token(token);
    let refused = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut errors = String::new();
    let logs = logs_of(async {
        let c = client(&server, SignatureVersion::V1, creds.clone());
        invoke(&c, &VPC, &CREATE, Params::new()).await.unwrap();
        let config = Config::builder()
            .region("cn-shanghai")
            .endpoint_url(format!("http://127.0.0.1:{refused}"))
            .credentials(creds.clone())
            .signature_version(SignatureVersion::V1)
            .retry(fast_retry())
            .build()
            .unwrap();
        let err = invoke(&Client::new(config), &VPC, &DELETE, Params::new())
            .await
            .unwrap_err();
        errors = format!("{err} {err:?} {:?}", creds);
    })
    .await;
    // The call span carries operation, attempt and request id.
    assert!(logs.contains("CreatePhysicalConnection"), "{logs}");
    assert!(logs.contains("attempt=2"), "{logs}");
    assert!(logs.contains("OK-ID"), "{logs}");
    for secret in ["testsecret", token, "Signature="] {
        assert!(!logs.contains(secret), "{secret} in logs: {logs}");
        assert!(!errors.contains(secret), "{secret} in errors: {errors}");
    }
}
