//! The generated paginator streams against the verifying server: one request per page, sent
//! only when the stream is polled, stopping at the reported total or at a page without items
//! (a service that leaves the list out must not be paged forever), and after an error.

use alibabacloud_vpc20160428 as vpc;
use futures_util::StreamExt;
use serde_json::{json, Value};
use specgen_runtime::testing::MockServer;
use specgen_runtime::SignatureVersion;
use vpc::operation::describe_physical_connections::DescribePhysicalConnectionsFluentBuilder;
use vpc::ProvideErrorMetadata;

use crate::support::{config, received, script, server, service_error, VPC};

fn page(ids: &[&str], total: Option<i64>) -> Value {
    let items: Vec<Value> = ids
        .iter()
        .map(|id| json!({"PhysicalConnectionId": id}))
        .collect();
    let mut body =
        json!({"RequestId": "r", "PhysicalConnectionSet": {"PhysicalConnectionType": items}});
    if let Some(total) = total {
        body["TotalCount"] = json!(total);
    }
    json!({"json": body})
}

/// A server answering `responses` in order, and a listing of two items per page against it.
async fn listing(responses: Vec<Value>) -> (MockServer, DescribePhysicalConnectionsFluentBuilder) {
    let server = server();
    script(&server, &VPC, "DescribePhysicalConnections", responses).await;
    let builder = vpc::Client::new(config(&server, SignatureVersion::V3))
        .describe_physical_connections()
        .region_id("cn-hangzhou")
        .page_size(2);
    (server, builder)
}

/// The `PageNumber` of every request the server received, each of which it verified.
async fn pages_requested(server: &MockServer) -> Vec<Option<String>> {
    received(server)
        .await
        .iter()
        .inspect(|r| assert!(r.signature_ok, "rejected: {:?}", r.error_code))
        .map(|r| r.param("PageNumber").map(str::to_owned))
        .collect()
}

fn numbers(pages: &[&str]) -> Vec<Option<String>> {
    pages.iter().map(|p| Some((*p).to_owned())).collect()
}

#[tokio::test]
async fn items_stream_pages_until_the_reported_total() {
    let (server, builder) = listing(vec![
        page(&["pc-1", "pc-2"], Some(3)),
        page(&["pc-3"], Some(3)),
    ])
    .await;
    let ids: Vec<String> = builder
        .into_paginator()
        .items()
        .map(|item| item.unwrap_or_else(|e| panic!("{e}")))
        .filter_map(|pc| async move { pc.physical_connection_id })
        .collect()
        .await;
    assert_eq!(ids, ["pc-1", "pc-2", "pc-3"]);
    assert_eq!(pages_requested(&server).await, numbers(&["1", "2"]));
}

#[tokio::test]
async fn page_stream_yields_each_page_and_ends_at_a_page_without_the_list() {
    let (server, builder) = listing(vec![
        page(&["pc-1", "pc-2"], None),
        json!({"json": {"RequestId": "r"}}),
    ])
    .await;
    let pages = builder
        .into_paginator()
        .try_collect()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pages.len(), 2);
    assert!(pages[1].physical_connection_set.is_none());
    assert_eq!(pages_requested(&server).await, numbers(&["1", "2"]));
}

#[tokio::test]
async fn a_bounded_stream_requests_only_the_pages_taken() {
    let (server, builder) = listing(vec![
        page(&["pc-3", "pc-4"], Some(10)),
        page(&["pc-5", "pc-6"], Some(10)),
        page(&["pc-7", "pc-8"], Some(10)),
    ])
    .await;
    // Starts at the page set on the builder; two pages taken of five.
    let pages: Vec<_> = builder
        .page_number(2)
        .into_paginator()
        .take(2)
        .collect()
        .await;
    assert_eq!(pages.len(), 2);
    assert!(pages.iter().all(Result::is_ok));
    assert_eq!(pages_requested(&server).await, numbers(&["2", "3"]));
    // Three items of an unbounded item stream cost two pages.
    let (server, builder) = listing(vec![
        page(&["pc-1", "pc-2"], Some(10)),
        page(&["pc-3", "pc-4"], Some(10)),
    ])
    .await;
    let first: Vec<_> = builder.into_paginator().items().take(3).collect().await;
    assert_eq!(first.len(), 3);
    assert_eq!(pages_requested(&server).await, numbers(&["1", "2"]));
}

#[tokio::test]
async fn an_error_mid_stream_is_yielded_once_and_ends_both_streams() {
    let failing = || {
        vec![
            page(&["pc-1", "pc-2"], Some(6)),
            // 4xx: final, not retried, so the server sees one request for page 2.
            service_error(400, "InvalidFilterKey.ValueNotSupported", "r-err"),
            page(&["pc-5", "pc-6"], Some(6)),
        ]
    };
    let (server, builder) = listing(failing()).await;
    let mut items = builder.into_paginator().items();
    for expected in ["pc-1", "pc-2"] {
        let item = items.next().await.and_then(Result::ok);
        assert_eq!(
            item.and_then(|pc| pc.physical_connection_id).as_deref(),
            Some(expected)
        );
    }
    let err = match items.next().await {
        Some(Err(err)) => err,
        other => panic!("expected the page 2 error, got {other:?}"),
    };
    assert_eq!(err.code(), Some("InvalidFilterKey.ValueNotSupported"));
    assert_eq!(err.request_id(), Some("r-err"));
    assert!(err
        .into_service_error()
        .is_invalid_filter_key_value_not_supported());
    assert!(
        items.next().await.is_none(),
        "the stream ends after the error"
    );
    assert_eq!(pages_requested(&server).await, numbers(&["1", "2"]));

    let (server, builder) = listing(failing()).await;
    let result = builder.into_paginator().try_collect().await;
    assert!(
        matches!(result, Err(vpc::SdkError::Service(_))),
        "{result:?}"
    );
    assert_eq!(pages_requested(&server).await, numbers(&["1", "2"]));
}
