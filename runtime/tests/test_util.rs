//! The in-process mock (`test-util`): requests are signed and recorded as sent, answers go
//! through decoding, error sorting and retries as the network's would.

mod common;

use std::time::Duration;

use common::{DESCRIBE, VPC};
use serde_json::json;
use specgen_runtime::test_util::{Mock, MockResponse, NoMatchingRule, Rule, ACCESS_KEY};
use specgen_runtime::{
    CallOptions, Client, OperationInfo, ParamLocation, Params, RetryConfig, SdkError, ServiceError,
    ServiceInfo, SignatureVersion,
};

const ECR: ServiceInfo = ServiceInfo {
    product: "ExpressConnectRouter",
    version: "2023-09-01",
    endpoint_global: "expressconnectrouter.aliyuncs.com",
    endpoint_regional: "expressconnectrouter.{region}.aliyuncs.com",
    global_regions: &[],
    location: ParamLocation::FormBody,
};

/// Neither read-only nor carrying a token: a 5xx is not retried.
const DELETE: OperationInfo = OperationInfo {
    action: "DeletePhysicalConnection",
    method: "POST",
    idempotency_param: None,
    read_only: false,
};

fn fast_retry() -> RetryConfig {
    RetryConfig {
        max_attempts: 3,
        initial_backoff: Duration::from_millis(1),
        max_backoff: Duration::from_millis(2),
        max_elapsed: Duration::from_secs(5),
    }
}

fn client(mock: &Mock, version: SignatureVersion) -> Client {
    let config = mock
        .config()
        .signature_version(version)
        .retry(fast_retry())
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    Client::new(config)
}

fn params(pairs: &[(&str, &str)]) -> Params {
    pairs.iter().copied().collect()
}

async fn invoke(
    client: &Client,
    service: &ServiceInfo,
    op: &OperationInfo,
    pairs: &[(&str, &str)],
) -> Result<serde_json::Value, SdkError<ServiceError>> {
    let body = client
        .invoke(service, op, params(pairs), &CallOptions::default())
        .await?;
    Ok(serde_json::from_slice(&body).unwrap_or_else(|e| panic!("{e}")))
}

#[tokio::test]
async fn records_the_signed_request_in_both_schemes() {
    for version in [SignatureVersion::V3, SignatureVersion::V1] {
        let rule = Rule::for_action("DescribePhysicalConnections").then(MockResponse::json(
            json!({"RequestId": "r-1", "TotalCount": 0}),
        ));
        let mock = Mock::new([rule.clone()]);
        let body = invoke(
            &client(&mock, version),
            &VPC,
            &DESCRIBE,
            &[("PageSize", "10"), ("Name", "a b&c")],
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(body["RequestId"], "r-1");
        assert_eq!(rule.num_calls(), 1);
        let requests = mock.requests();
        assert_eq!(requests.len(), 1);
        let request = &requests[0];
        assert_eq!(request.action, "DescribePhysicalConnections");
        assert_eq!(request.version, "2016-04-28");
        assert_eq!(request.signature_version, version);
        assert_eq!(request.access_key_id.as_deref(), Some(ACCESS_KEY.0));
        // The client's region filled RegionId and chose the endpoint (cn-hangzhou is one of
        // the regions the central endpoint serves).
        assert_eq!(request.host, "vpc.aliyuncs.com");
        let mut names: Vec<&str> = request.params.iter().map(|(n, _)| n.as_str()).collect();
        names.sort_unstable();
        assert_eq!(names, ["Name", "PageSize", "RegionId"], "{version:?}");
        assert_eq!(request.param("Name"), Some("a b&c"));
        assert!(!request.headers.contains_key("authorization"));
    }
}

#[tokio::test]
async fn form_body_parameters_are_recorded() {
    let mock = Mock::new([Rule::for_action("DeletePhysicalConnection")
        .then(MockResponse::json(json!({"RequestId": "r"})))]);
    invoke(
        &client(&mock, SignatureVersion::V3),
        &ECR,
        &DELETE,
        &[("Id", "pc-1")],
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let request = &mock.requests()[0];
    assert_eq!(request.param("Id"), Some("pc-1"));
    assert_eq!(
        request.host,
        "expressconnectrouter.cn-hangzhou.aliyuncs.com"
    );
}

#[tokio::test]
async fn a_sequence_answers_in_order_through_the_retry_loop() {
    let rule = Rule::for_action("DescribePhysicalConnections").sequence([
        MockResponse::service_error(503, "ServiceUnavailable", "later"),
        MockResponse::status(500)
            .with_body("text/html", "<html>proxy</html>")
            .with_header("x-acs-retry-after", "1"),
        MockResponse::json(json!({"RequestId": "third"})),
    ]);
    let mock = Mock::new([rule.clone()]);
    let body = invoke(&client(&mock, SignatureVersion::V3), &VPC, &DESCRIBE, &[])
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(body["RequestId"], "third");
    assert_eq!(rule.num_calls(), 3);
    assert_eq!(mock.requests().len(), 3);
    // Used up: the next call finds no rule, fails at once and is not retried.
    let err = invoke(&client(&mock, SignatureVersion::V3), &VPC, &DESCRIBE, &[])
        .await
        .unwrap_err();
    let SdkError::Transport { source, attempts } = err else {
        panic!("expected a transport error, got {err:?}");
    };
    assert_eq!(attempts, 1);
    let unmatched = source.downcast_ref::<NoMatchingRule>().unwrap();
    assert_eq!(unmatched.action, "DescribePhysicalConnections");
    assert_eq!(mock.requests().len(), 4);
}

#[tokio::test]
async fn a_service_error_is_sorted_and_not_retried_when_unsafe() {
    let rule = Rule::for_action("DeletePhysicalConnection").then(MockResponse::service_error(
        503,
        "ServiceUnavailable",
        "down",
    ));
    let mock = Mock::new([rule.clone()]);
    let err = invoke(&client(&mock, SignatureVersion::V3), &VPC, &DELETE, &[])
        .await
        .unwrap_err();
    let service = err.as_service().unwrap();
    assert_eq!(service.code, "ServiceUnavailable");
    assert_eq!(service.http_status, 503);
    assert_eq!(service.request_id.as_deref(), Some("mock-request-id"));
    assert_eq!(rule.num_calls(), 1, "a 5xx of an unsafe operation is final");
}

#[tokio::test]
async fn rules_match_on_parameters_first_match_wins() {
    let east = Rule::for_action("DescribePhysicalConnections")
        .match_requests(|r| r.param("RegionId") == Some("cn-shanghai"))
        .then(MockResponse::json(json!({"RequestId": "shanghai"})));
    let any = Rule::for_action("DescribePhysicalConnections")
        .then(MockResponse::json(json!({"RequestId": "any"})));
    let mock = Mock::new([east.clone(), any.clone()]);
    let client = client(&mock, SignatureVersion::V3);
    let shanghai = invoke(&client, &VPC, &DESCRIBE, &[("RegionId", "cn-shanghai")]);
    assert_eq!(shanghai.await.unwrap()["RequestId"], "shanghai");
    let default = invoke(&client, &VPC, &DESCRIBE, &[]);
    assert_eq!(default.await.unwrap()["RequestId"], "any");
    assert_eq!((east.num_calls(), any.num_calls()), (1, 1));
}

#[tokio::test]
async fn timeouts_and_oversized_bodies_fail_as_on_the_network() {
    let mock = Mock::new([
        Rule::for_action("DescribePhysicalConnections").then(MockResponse::timeout()),
        Rule::for_action("DeletePhysicalConnection")
            .then(MockResponse::json(json!({"RequestId": "x".repeat(100)}))),
    ]);
    let client = Client::new(
        mock.config()
            .retry(RetryConfig::disabled())
            .max_response_bytes(64)
            .build()
            .unwrap(),
    );
    let err = invoke(&client, &VPC, &DESCRIBE, &[]).await.unwrap_err();
    assert!(
        matches!(err, SdkError::Timeout { attempts: 1, .. }),
        "{err:?}"
    );
    let err = invoke(&client, &VPC, &DELETE, &[]).await.unwrap_err();
    assert!(
        matches!(err, SdkError::ResponseTooLarge { limit: 64, .. }),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_success_body_that_does_not_decode_is_an_invalid_response() {
    let mock = Mock::new([Rule::for_action("DescribePhysicalConnections")
        .then(MockResponse::status(200).with_body("application/json", "[1]"))]);
    let err = invoke(&client(&mock, SignatureVersion::V3), &VPC, &DESCRIBE, &[])
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            SdkError::InvalidResponse {
                http_status: 200,
                ..
            }
        ),
        "{err:?}"
    );
}
