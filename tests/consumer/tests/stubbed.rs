//! The library's calls against the in-process mock (`test-util`): canned answers in, recorded
//! requests out, with the client's validation, signing, decoding and retries in between.

use alibabacloud_vpc20160428 as vpc;
use specgen_consumer::{connection_ids, delete, summary, Deletion};
use vpc::test_util::{json, Mock, MockResponse, Rule};
use vpc::{Client, RetryConfig};

fn client(mock: &Mock) -> Client {
    let config = mock
        .config()
        .retry(RetryConfig {
            initial_backoff: std::time::Duration::from_millis(1),
            ..RetryConfig::default()
        })
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    Client::new(config)
}

fn page(ids: &[&str], total: i64) -> MockResponse {
    let items: Vec<_> = ids
        .iter()
        .map(|id| json!({"PhysicalConnectionId": id, "Status": "Enabled"}))
        .collect();
    MockResponse::json(json!({
        "RequestId": "r",
        "TotalCount": total,
        "PhysicalConnectionSet": {"PhysicalConnectionType": items},
    }))
}

#[tokio::test]
async fn lists_every_page_as_a_stream_and_retries_a_throttled_page() {
    let listing = Rule::for_action("DescribePhysicalConnections").sequence([
        page(&["pc-1", "pc-2"], 3),
        MockResponse::service_error(400, "Throttling.User", "slow down"),
        page(&["pc-3"], 3),
    ]);
    let mock = Mock::new([listing.clone()]);
    let ids = connection_ids(&client(&mock), 2)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ids, ["pc-1", "pc-2", "pc-3"]);
    assert_eq!(listing.num_calls(), 3);
    let requests = mock.requests();
    let pages: Vec<_> = requests.iter().map(|r| r.param("PageNumber")).collect();
    assert_eq!(
        pages,
        [Some("1"), Some("2"), Some("2")],
        "page 2 retried once"
    );
    assert!(requests.iter().all(|r| r.param("PageSize") == Some("2")));
    assert!(requests
        .iter()
        .all(|r| r.param("RegionId") == Some("cn-hangzhou")));
}

#[tokio::test]
async fn a_decoded_page_reads_as_a_built_one() {
    let mock =
        Mock::new([Rule::for_action("DescribePhysicalConnections").then(page(&["pc-1"], 4))]);
    let output = client(&mock)
        .describe_physical_connections()
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(summary(&output), "1 of 4 physical connection(s)");
}

#[tokio::test]
async fn a_missing_connection_counts_as_deleted_and_a_refusal_keeps_its_request_id() {
    let gone = Rule::for_action("DeletePhysicalConnection")
        .match_requests(|r| r.param("PhysicalConnectionId") == Some("pc-gone"))
        .then(MockResponse::service_error(
            404,
            "InvalidPhysicalConnectionId.NotFound",
            "no such connection",
        ));
    let busy = Rule::for_action("DeletePhysicalConnection").then(MockResponse::service_error(
        400,
        "Forbidden.NotAllowedInState",
        "still in use",
    ));
    let mock = Mock::new([gone, busy]);
    let client = client(&mock);
    assert_eq!(
        delete(&client, "pc-gone").await.ok(),
        Some(Deletion::AlreadyGone)
    );
    assert_eq!(
        delete(&client, "pc-busy").await.ok(),
        Some(Deletion::Refused {
            code: "Forbidden.NotAllowedInState".into(),
            request_id: Some("mock-request-id".into()),
        })
    );
    let sent: Vec<_> = mock
        .requests()
        .iter()
        .map(|r| {
            (
                r.action.clone(),
                r.param("PhysicalConnectionId").map(str::to_owned),
            )
        })
        .collect();
    assert_eq!(
        sent,
        [
            (
                "DeletePhysicalConnection".to_owned(),
                Some("pc-gone".to_owned())
            ),
            (
                "DeletePhysicalConnection".to_owned(),
                Some("pc-busy".to_owned())
            ),
        ]
    );
}

#[tokio::test]
async fn a_failure_without_a_service_answer_is_returned_as_is() {
    // No rule for the action: the mock refuses the request, as a transport failure.
    let mock = Mock::new([]);
    let err = delete(&client(&mock), "pc-1").await.unwrap_err();
    assert!(
        matches!(err, vpc::SdkError::Transport { attempts: 1, .. }),
        "{err:?}"
    );
    // Recorded once: a request no rule answers is not retried.
    assert_eq!(mock.requests().len(), 1);
}
