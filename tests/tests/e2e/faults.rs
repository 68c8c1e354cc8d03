//! Faults through the generated clients: retries with the same idempotency token, exhausted
//! attempts, timeouts, bodies that are not the service's JSON, error codes sorted into the
//! operation's error enum, and enum values the documents do not list.

use std::time::{Duration, Instant};

use alibabacloud_expressconnectrouter20230901 as ecr;
use alibabacloud_vpc20160428 as vpc;
use serde_json::json;
use specgen_runtime::testing::MockServer;
use specgen_runtime::{CallOptions, ProvideErrorMetadata, SdkError, SignatureVersion};
use vpc::operation::cancel_physical_connection::CancelPhysicalConnectionError;
use vpc::operation::describe_physical_connections::{DescribePhysicalConnectionsError, Status};
use vpc::types::LineOperator;

use crate::support::{config, received, script, server, service_error, ECR, VPC};

fn vpc_client(server: &MockServer) -> vpc::Client {
    vpc::Client::new(config(server, SignatureVersion::V3))
}

/// A minimal valid `CancelPhysicalConnection` call; the runtime adds the `ClientToken`.
fn cancel(
    server: &MockServer,
) -> vpc::operation::cancel_physical_connection::CancelPhysicalConnectionFluentBuilder {
    vpc_client(server)
        .cancel_physical_connection()
        .region_id("cn-hangzhou")
        .physical_connection_id("pc-119mfjzm7")
}

fn describe(
    server: &MockServer,
) -> vpc::operation::describe_physical_connections::DescribePhysicalConnectionsFluentBuilder {
    vpc_client(server)
        .describe_physical_connections()
        .region_id("cn-hangzhou")
}

#[tokio::test]
async fn throttling_is_retried_with_the_same_client_token() {
    let server = server();
    script(
        &server,
        &VPC,
        "CancelPhysicalConnection",
        vec![
            service_error(400, "Throttling.User", "throttled-1"),
            json!({"json": {"RequestId": "after-throttling"}}),
        ],
    )
    .await;
    let output = cancel(&server)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.request_id.as_deref(), Some("after-throttling"));
    let requests = received(&server).await;
    assert_eq!(requests.len(), 2, "one throttled attempt, one retry");
    assert!(requests.iter().all(|r| r.signature_ok), "{requests:#?}");
    let tokens: Vec<_> = requests.iter().map(|r| r.param("ClientToken")).collect();
    assert!(tokens[0].is_some(), "no ClientToken generated");
    assert_eq!(
        tokens[0], tokens[1],
        "a retried create must reuse its token"
    );
}

#[tokio::test]
async fn server_errors_until_attempts_run_out_name_the_last_request_id() {
    let server = server();
    script(
        &server,
        &VPC,
        "CancelPhysicalConnection",
        vec![json!({"repeat": 5, "status": 500, "json": {
            "Code": "InternalError", "Message": "The request processing has failed.",
            "RequestId": "5XX-REQUEST-ID",
        }})],
    )
    .await;
    let error = cancel(&server).send().await.err();
    let Some(SdkError::Service(error)) = error else {
        panic!("expected a service error, got {error:?}");
    };
    assert_eq!(received(&server).await.len(), 3, "the default 3 attempts");
    assert!(
        matches!(
            &error,
            CancelPhysicalConnectionError::Common(vpc::CommonError::ServiceUnavailable(_))
        ),
        "{error:?}"
    );
    assert_eq!(error.code(), Some("InternalError"));
    assert_eq!(error.request_id(), Some("5XX-REQUEST-ID"));
    assert!(error.is_retryable());
    let message = SdkError::Service(error).to_string();
    assert!(message.contains("InternalError (HTTP 500)"), "{message}");
    assert!(message.contains("5XX-REQUEST-ID"), "{message}");
}

#[tokio::test]
async fn a_slow_server_times_out() {
    let server = server();
    script(
        &server,
        &VPC,
        "DescribePhysicalConnections",
        vec![json!({"repeat": 3, "delay_ms": 2000, "json": {"RequestId": "too-late"}})],
    )
    .await;
    let started = Instant::now();
    let options = CallOptions {
        read_timeout: Some(Duration::from_millis(300)),
        max_attempts: Some(2),
        ..CallOptions::default()
    };
    let error = describe(&server).call_options(options).send().await.err();
    assert!(
        matches!(error, Some(SdkError::Timeout { attempts: 2, timeout }) if timeout == Duration::from_millis(300)),
        "{error:?}"
    );
    assert!(
        started.elapsed() < Duration::from_millis(1900),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        received(&server).await.len(),
        2,
        "a read-only call is retried"
    );
}

/// `response` to `DescribePhysicalConnections` must fail as an invalid response with this
/// status and excerpt, after one attempt.
async fn assert_invalid_response(response: serde_json::Value, status: u16, excerpt: &str) {
    let server = server();
    script(&server, &VPC, "DescribePhysicalConnections", vec![response]).await;
    let error = describe(&server).send().await.err();
    let Some(SdkError::InvalidResponse {
        http_status,
        body_excerpt,
        reason,
    }) = &error
    else {
        panic!("expected an invalid response, got {error:?}");
    };
    assert_eq!(*http_status, status);
    assert!(body_excerpt.starts_with(excerpt), "{body_excerpt:?}");
    assert!(!reason.is_empty());
    let message = error.map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains(&format!("HTTP {status}")), "{message}");
    assert_eq!(
        received(&server).await.len(),
        1,
        "an invalid body is not retried"
    );
}

#[tokio::test]
async fn an_html_page_is_a_clear_error() {
    let page = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    let response = json!({"status": 403, "body": page, "headers": {"Content-Type": "text/html"}});
    assert_invalid_response(response, 403, "<html><body><h1>502 Bad Gateway").await;
}

#[tokio::test]
async fn a_truncated_success_body_is_a_clear_error() {
    let response = json!({"body": "{\"RequestId\": \"cut-off\", \"TotalCount\": 1",
        "headers": {"Content-Type": "application/json"}});
    assert_invalid_response(response, 200, "{\"RequestId\": \"cut-off\"").await;
}

#[tokio::test]
async fn a_success_body_of_the_wrong_shape_names_the_field() {
    let server = server();
    let body = json!({"RequestId": "r", "TotalCount": "many"});
    script(
        &server,
        &VPC,
        "DescribePhysicalConnections",
        vec![json!({"json": body})],
    )
    .await;
    let error = describe(&server).send().await.err();
    let Some(SdkError::InvalidResponse {
        http_status: 200,
        reason,
        ..
    }) = &error
    else {
        panic!("expected an invalid response, got {error:?}");
    };
    assert_eq!(
        reason,
        "success body does not decode: at `TotalCount`: expected an integer (32-bit), found a string"
    );
    assert_eq!(received(&server).await.len(), 1, "a 2xx is never retried");
}

#[tokio::test]
async fn an_undocumented_code_is_unhandled() {
    let server = server();
    script(
        &server,
        &VPC,
        "CancelPhysicalConnection",
        vec![service_error(
            400,
            "SomethingNew.NeverDocumented",
            "unknown-code",
        )],
    )
    .await;
    let error = cancel(&server).send().await.err();
    let Some(SdkError::Service(CancelPhysicalConnectionError::Unhandled(unhandled))) = &error
    else {
        panic!("expected Unhandled, got {error:?}");
    };
    assert_eq!(unhandled.code(), Some("SomethingNew.NeverDocumented"));
    assert_eq!(unhandled.request_id(), Some("unknown-code"));
    let error = error.map(SdkError::into_service_error);
    assert_eq!(
        error.as_ref().map(ProvideErrorMetadata::code),
        Some(Some("SomethingNew.NeverDocumented"))
    );
    assert_eq!(received(&server).await.len(), 1, "a 4xx is not retried");
}

#[tokio::test]
async fn a_documented_code_has_its_own_variant() {
    let server = server();
    script(
        &server,
        &VPC,
        "CancelPhysicalConnection",
        vec![service_error(
            404,
            "InvalidPhysicalConnectionId.NotFound",
            "not-found",
        )],
    )
    .await;
    let error = cancel(&server).send().await.err();
    let Some(SdkError::Service(error)) = error else {
        panic!("expected a service error, got {error:?}");
    };
    assert!(
        matches!(
            &error,
            CancelPhysicalConnectionError::InvalidPhysicalConnectionIdNotFound(e)
                if e.http_status == 404
        ),
        "{error:?}"
    );
    assert_eq!(error.request_id(), Some("not-found"));
    assert!(error.is_invalid_physical_connection_id_not_found());
    assert!(!error.is_retryable(), "a 404 is not retried");
}

#[tokio::test]
async fn a_documented_pattern_code_carries_the_matched_part() {
    use ecr::operation::create_express_connect_router::CreateExpressConnectRouterError;
    let server = server();
    script(
        &server,
        &ECR,
        "CreateExpressConnectRouter",
        vec![service_error(400, "IllegalParamFormat.Name", "pattern")],
    )
    .await;
    let error = ecr::Client::new(config(&server, SignatureVersion::V1))
        .create_express_connect_router()
        .alibaba_side_asn(64512)
        .send()
        .await
        .err();
    let Some(SdkError::Service(CreateExpressConnectRouterError::IllegalParamFormat {
        matched,
        error,
    })) = &error
    else {
        panic!("expected IllegalParamFormat, got {error:?}");
    };
    assert_eq!(matched, "Name");
    assert_eq!(error.code, "IllegalParamFormat.Name");
}

#[tokio::test]
async fn an_undocumented_enum_value_is_unknown() {
    let server = server();
    let item = json!({"PhysicalConnectionId": "pc-1", "Status": "Hibernating",
        "LineOperator": "CT", "Bandwidth": 2});
    script(
        &server,
        &VPC,
        "DescribePhysicalConnections",
        vec![json!({"json": {"RequestId": "r", "TotalCount": 1,
            "PhysicalConnectionSet": {"PhysicalConnectionType": [item]}}})],
    )
    .await;
    let output = describe(&server)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let items = output
        .physical_connection_set
        .and_then(|set| set.physical_connection_type)
        .unwrap_or_default();
    let [item] = items.as_slice() else {
        panic!("expected one item, got {items:?}");
    };
    // An undocumented value is kept, opaque: readable, never built by hand.
    assert_eq!(item.status, Some(Status::from("Hibernating")));
    assert!(matches!(&item.status, Some(Status::Unknown(v)) if v.as_str() == "Hibernating"));
    assert_eq!(
        item.status.as_ref().map(Status::as_str),
        Some("Hibernating")
    );
    assert_eq!(item.line_operator, Some(LineOperator::Ct));
}

#[tokio::test]
async fn a_documented_describe_error_is_sorted_too() {
    let server = server();
    script(
        &server,
        &VPC,
        "DescribePhysicalConnections",
        vec![service_error(
            404,
            "InvalidFilterKey.ValueNotSupported",
            "filter",
        )],
    )
    .await;
    let error = describe(&server).send().await.err();
    assert!(
        matches!(
            &error,
            Some(SdkError::Service(
                DescribePhysicalConnectionsError::InvalidFilterKeyValueNotSupported(_)
            ))
        ),
        "{error:?}"
    );
}

/// `TerminatePhysicalConnection` has no idempotency token and does not only read: an answer
/// that may come after processing is never followed by a second request, whatever its
/// headers say; a throttling 4xx is.
#[tokio::test]
async fn an_operation_without_token_is_not_sent_again_after_a_5xx() {
    let server = server();
    // ConnectRouterInterface neither reads nor carries an idempotency token.
    let connect = |server: &MockServer| {
        vpc_client(server)
            .connect_router_interface()
            .region_id("cn-hangzhou")
            .router_interface_id("ri-2zeo3xzyf38r4urzdpvqc")
    };
    let mut unavailable = service_error(503, "ServiceUnavailable", "busy");
    unavailable["headers"] = json!({"x-acs-retry-after": "5"});
    script(
        &server,
        &VPC,
        "ConnectRouterInterface",
        vec![unavailable, json!({"json": {"RequestId": "twice"}})],
    )
    .await;
    let err = connect(&server).send().await.unwrap_err();
    assert!(err.to_string().contains("ServiceUnavailable"), "{err}");
    assert_eq!(received(&server).await.len(), 1, "sent once");

    server.reset().await.unwrap();
    script(
        &server,
        &VPC,
        "ConnectRouterInterface",
        vec![
            service_error(400, "Throttling.User", "t"),
            json!({"json": {"RequestId": "after"}}),
        ],
    )
    .await;
    let output = connect(&server)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.request_id.as_deref(), Some("after"));
    assert_eq!(received(&server).await.len(), 2);
}
