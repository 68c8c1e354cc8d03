//! The generated paginator: one request per page, stopping at the reported total or at a
//! page without items (a service that leaves the list out must not be paged forever).

use alibabacloud_vpc20160428 as vpc;
use serde_json::{json, Value};
use specgen_runtime::SignatureVersion;

use crate::support::{config, received, script, server, VPC};

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

async fn listed_ids(responses: Vec<Value>) -> (Vec<String>, Vec<Option<String>>) {
    let server = server();
    script(&server, &VPC, "DescribePhysicalConnections", responses).await;
    let items = vpc::Client::new(config(&server, SignatureVersion::V3))
        .describe_physical_connections()
        .region_id("cn-hangzhou")
        .page_size(2)
        .into_paginator()
        .items()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let ids = items
        .into_iter()
        .filter_map(|i| i.physical_connection_id)
        .collect();
    let pages = received(&server)
        .await
        .iter()
        .map(|r| r.param("PageNumber").map(str::to_owned))
        .collect();
    (ids, pages)
}

#[tokio::test]
async fn pages_until_the_reported_total() {
    let (ids, pages) = listed_ids(vec![
        page(&["pc-1", "pc-2"], Some(3)),
        page(&["pc-3"], Some(3)),
    ])
    .await;
    assert_eq!(ids, ["pc-1", "pc-2", "pc-3"]);
    assert_eq!(pages, [Some("1".to_owned()), Some("2".to_owned())]);
}

#[tokio::test]
async fn a_page_without_the_list_ends_the_listing() {
    let (ids, pages) = listed_ids(vec![
        page(&["pc-1", "pc-2"], None),
        json!({"json": {"RequestId": "r"}}),
    ])
    .await;
    assert_eq!(ids, ["pc-1", "pc-2"]);
    assert_eq!(pages.len(), 2, "{pages:?}");
}
