//! Every seed operation, under both signature schemes: the exact business parameters on the
//! wire (in the query for Vpc, in a form body for ExpressConnectRouter), the idempotency token
//! the runtime adds, and the typed output decoded from the document's own example response.

use alibabacloud_expressconnectrouter20230901 as ecr;
use alibabacloud_vpc20160428 as vpc;
use serde_json::{json, Value};
use specgen_runtime::testing::{MockServer, RecordedRequest};
use specgen_runtime::SignatureVersion;

use crate::support::{
    by_name, config, documented, only_request, params, scheme, script, server, text, Api, ECR, VPC,
};

/// Runs `$op(version)` once per signature scheme.
macro_rules! under_both_schemes {
    ($($op:ident),* $(,)?) => {$(
        mod $op {
            #[tokio::test]
            async fn v3() {
                super::$op(specgen_runtime::SignatureVersion::V3).await;
            }
            #[tokio::test]
            async fn v1() {
                super::$op(specgen_runtime::SignatureVersion::V1).await;
            }
        }
    )*};
}

under_both_schemes!(
    create_express_cloud_connection,
    create_virtual_physical_connection,
    create_physical_connection,
    cancel_physical_connection,
    describe_physical_connections,
    modify_physical_connection_attribute,
    terminate_physical_connection,
    create_express_connect_router,
);

/// A server answering `action` with the document's response; returns both.
async fn serving(api: &Api, action: &str) -> (MockServer, Value) {
    let server = server();
    let body = documented(api, action);
    script(&server, api, action, vec![json!({"json": body})]).await;
    (server, body)
}

fn vpc_client(server: &MockServer, version: SignatureVersion) -> vpc::Client {
    vpc::Client::new(config(server, version))
}

/// The request the server accepted, checked for scheme and Vpc's parameter location (query).
async fn vpc_request(
    server: &MockServer,
    action: &str,
    version: SignatureVersion,
) -> RecordedRequest {
    let request = only_request(server, &VPC, action).await;
    assert_eq!(request.scheme, scheme(version));
    assert!(
        request.form.is_empty(),
        "Vpc sends no body: {:?}",
        request.form
    );
    request
}

/// Takes out the runtime-generated idempotency token `name` (one UUID v4), returning the rest.
fn take_generated_token(
    mut sent: std::collections::BTreeMap<String, String>,
    name: &str,
) -> std::collections::BTreeMap<String, String> {
    let token = sent.remove(name);
    let token = token.unwrap_or_else(|| panic!("no {name} was generated: {sent:?}"));
    assert_eq!(token.len(), 36, "{name} is not a UUID: {token}");
    sent
}

async fn create_express_cloud_connection(version: SignatureVersion) {
    use vpc::types::PortType;
    let action = "CreateExpressCloudConnection";
    let (server, body) = serving(&VPC, action).await;
    let output = vpc_client(&server, version)
        .create_express_cloud_connection()
        .bandwidth(100)
        .idc_sp("CT")
        .peer_location("浙江省杭州市 西湖区 1*2~3/4+5=6&7%8")
        .region_id("cn-hangzhou")
        .contact_mail("noc@example.com")
        .contact_tel("0571-8888")
        .description("高速上云 to the branch office")
        .id_card_no("330106199001011234")
        .name("ecc_branch-1.a")
        .peer_city("杭州")
        .port_type(PortType::V1000baseLx)
        .redundant_ecc_id("ecc-redundant")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let request = vpc_request(&server, action, version).await;
    assert_eq!(
        by_name(&request.params),
        params(&[
            ("Bandwidth", "100"),
            ("IdcSP", "CT"),
            ("PeerLocation", "浙江省杭州市 西湖区 1*2~3/4+5=6&7%8"),
            ("RegionId", "cn-hangzhou"),
            ("ContactMail", "noc@example.com"),
            ("ContactTel", "0571-8888"),
            ("Description", "高速上云 to the branch office"),
            ("IDCardNo", "330106199001011234"),
            ("Name", "ecc_branch-1.a"),
            ("PeerCity", "杭州"),
            ("PortType", "1000Base-LX"),
            ("RedundantEccId", "ecc-redundant"),
        ])
    );
    assert_eq!(output.ecc_id.as_deref(), text(&body, "EccId"));
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert_eq!(output.ecc_id.as_deref(), Some("ecc-bp1t9osmuln1vxfpt6gy8"));
}

async fn create_virtual_physical_connection(version: SignatureVersion) {
    use vpc::operation::create_virtual_physical_connection::{OrderMode, Spec, Tag};
    let action = "CreateVirtualPhysicalConnection";
    let (server, body) = serving(&VPC, action).await;
    let output = vpc_client(&server, version)
        .create_virtual_physical_connection()
        .order_mode(OrderMode::PayByVirtualPhysicalConnectionOwner)
        .vlan_id(4)
        .spec(Spec::V50m)
        .vpconn_ali_uid(1210123456123456)
        .physical_connection_id("pc-bp1ciz7ekd2grn1as****")
        .name("nametest")
        .dry_run(false)
        .description("desctest")
        .region_id("cn-hangzhou")
        .resource_group_id("rg-aekzjty2chzuqky")
        .tags(Tag::default().key("FinanceDept").value("FinanceJoshua"))
        .tags(Tag::default().key("CostCenter").value("cc_01.a"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let request = vpc_request(&server, action, version).await;
    // This operation's idempotency parameter is `Token`, not `ClientToken`.
    let sent = take_generated_token(by_name(&request.params), "Token");
    assert_eq!(
        sent,
        params(&[
            ("OrderMode", "PayByVirtualPhysicalConnectionOwner"),
            ("VlanId", "4"),
            ("Spec", "50M"),
            ("VpconnAliUid", "1210123456123456"),
            ("PhysicalConnectionId", "pc-bp1ciz7ekd2grn1as****"),
            ("Name", "nametest"),
            ("DryRun", "false"),
            ("Description", "desctest"),
            ("RegionId", "cn-hangzhou"),
            ("ResourceGroupId", "rg-aekzjty2chzuqky"),
            ("Tag.1.Key", "FinanceDept"),
            ("Tag.1.Value", "FinanceJoshua"),
            ("Tag.2.Key", "CostCenter"),
            ("Tag.2.Value", "cc_01.a"),
        ])
    );
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert_eq!(
        output.virtual_physical_connection.as_deref(),
        text(&body, "VirtualPhysicalConnection")
    );
    // The document's JSON example sits in an HTTP response text; it must have been found.
    assert_eq!(
        output.virtual_physical_connection.as_deref(),
        Some("pc-bp1mrgfbtmc9brre7****")
    );
}

async fn create_physical_connection(version: SignatureVersion) {
    use vpc::types::{LineOperator, PortType};
    let action = "CreatePhysicalConnection";
    let (server, body) = serving(&VPC, action).await;
    let output = vpc_client(&server, version)
        .create_physical_connection()
        .region_id("cn-beijing")
        .access_point_id("ap-cn-beijing-ft-A")
        .circuit_code("longtel001")
        .line_operator(LineOperator::Ct)
        .peer_location("XXX Road, XXX District")
        .bandwidth(100)
        .port_type(PortType::V10gBaseLr)
        .redundant_physical_connection_id("pc-119mfjzm7")
        .name("pc_test-1.a")
        .description("Physical connection")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let request = vpc_request(&server, action, version).await;
    let sent = take_generated_token(by_name(&request.params), "ClientToken");
    assert_eq!(
        sent,
        params(&[
            ("RegionId", "cn-beijing"),
            ("AccessPointId", "ap-cn-beijing-ft-A"),
            ("CircuitCode", "longtel001"),
            ("LineOperator", "CT"),
            ("PeerLocation", "XXX Road, XXX District"),
            // The service spells this parameter in lower case (specs/overrides.yaml).
            ("bandwidth", "100"),
            ("PortType", "10GBase-LR"),
            ("RedundantPhysicalConnectionId", "pc-119mfjzm7"),
            ("Name", "pc_test-1.a"),
            ("Description", "Physical connection"),
        ])
    );
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert_eq!(
        output.physical_connection_id.as_deref(),
        text(&body, "PhysicalConnectionId")
    );
    assert!(output.physical_connection_id.is_some());
}

async fn cancel_physical_connection(version: SignatureVersion) {
    let action = "CancelPhysicalConnection";
    let (server, body) = serving(&VPC, action).await;
    let output = vpc_client(&server, version)
        .cancel_physical_connection()
        .physical_connection_id("pc-119mfjzm7")
        .region_id("cn-hangzhou")
        .client_token("02fb3da4-130e-11e9-8e44-001")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let request = vpc_request(&server, action, version).await;
    assert_eq!(
        by_name(&request.params),
        params(&[
            ("PhysicalConnectionId", "pc-119mfjzm7"),
            ("RegionId", "cn-hangzhou"),
            ("ClientToken", "02fb3da4-130e-11e9-8e44-001"),
        ])
    );
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(output.request_id.is_some());
}

async fn describe_physical_connections(version: SignatureVersion) {
    use vpc::operation::describe_physical_connections::{BusinessStatus, Status};
    use vpc::types::{Filter, LineOperator, PortType};
    let action = "DescribePhysicalConnections";
    let (server, body) = serving(&VPC, action).await;
    let output = vpc_client(&server, version)
        .describe_physical_connections()
        .region_id("cn-hangzhou")
        .client_token("describe-1")
        .filters(
            Filter::default()
                .key("Status")
                .values("Enabled")
                .values("Initial"),
        )
        .filters(Filter::default().key("Name").values("TEST"))
        .include_reservation_data(true)
        .page_number(1)
        .page_size(10)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let request = vpc_request(&server, action, version).await;
    assert_eq!(
        by_name(&request.params),
        params(&[
            ("RegionId", "cn-hangzhou"),
            ("ClientToken", "describe-1"),
            ("Filter.1.Key", "Status"),
            ("Filter.1.Value.1", "Enabled"),
            ("Filter.1.Value.2", "Initial"),
            ("Filter.2.Key", "Name"),
            ("Filter.2.Value.1", "TEST"),
            ("IncludeReservationData", "true"),
            ("PageNumber", "1"),
            ("PageSize", "10"),
        ])
    );
    assert_eq!(
        output.total_count,
        body["TotalCount"]
            .as_i64()
            .map(|n| i32::try_from(n).unwrap())
    );
    assert_eq!(
        output.page_number,
        body["PageNumber"]
            .as_i64()
            .map(|n| i32::try_from(n).unwrap())
    );
    assert_eq!(
        output.page_size,
        body["PageSize"].as_i64().map(|n| i32::try_from(n).unwrap())
    );
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    // `Array of PhysicalConnectionType`: the list is wrapped in an object.
    let items = output
        .physical_connection_set
        .and_then(|set| set.physical_connection_type)
        .unwrap_or_default();
    let expected = body["PhysicalConnectionSet"]["PhysicalConnectionType"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(items.len(), expected.len());
    assert!(
        !items.is_empty(),
        "the documented response lists connections"
    );
    for (item, json) in items.iter().zip(&expected) {
        assert_eq!(
            item.physical_connection_id.as_deref(),
            text(json, "PhysicalConnectionId")
        );
        assert_eq!(item.access_point_id.as_deref(), text(json, "AccessPointId"));
        assert_eq!(item.ad_location.as_deref(), text(json, "AdLocation"));
        assert_eq!(item.bandwidth, json["Bandwidth"].as_i64());
        assert_eq!(item.creation_time.as_deref(), text(json, "CreationTime"));
        assert_eq!(item.name.as_deref(), text(json, "Name"));
        // The same Rust type as the request parameter it echoes.
        assert_eq!(item.port_type, text(json, "PortType").map(PortType::from));
        assert_eq!(item.spec.as_deref(), text(json, "Spec"));
        assert_eq!(item.r#type.as_deref(), text(json, "Type"));
        // Documented values decode to their own variants, never to `Unknown`.
        assert_eq!(item.status, text(json, "Status").map(Status::from));
        assert!(!matches!(item.status, Some(Status::Unknown(_)) | None));
        assert_eq!(
            item.line_operator,
            text(json, "LineOperator").map(LineOperator::from)
        );
        assert!(!matches!(
            item.line_operator,
            Some(LineOperator::Unknown(_)) | None
        ));
        assert_eq!(
            item.business_status,
            text(json, "BusinessStatus").map(BusinessStatus::from)
        );
        assert!(!matches!(
            item.business_status,
            Some(BusinessStatus::Unknown(_)) | None
        ));
    }
}

async fn modify_physical_connection_attribute(version: SignatureVersion) {
    use vpc::types::{LineOperator, PortType};
    let action = "ModifyPhysicalConnectionAttribute";
    let (server, body) = serving(&VPC, action).await;
    let output = vpc_client(&server, version)
        .modify_physical_connection_attribute()
        .physical_connection_id("pc-119mfjzm7")
        .region_id("cn-shanghai")
        .circuit_code("longtel002")
        .client_token("modify-1")
        .description("Moved to the new rack")
        .line_operator(LineOperator::Cm)
        .name("pc-renamed")
        .peer_location("上海市 浦东新区")
        .port_type(PortType::V1000baseT)
        .redundant_physical_connection_id("pc-redundant")
        .bandwidth(50)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let request = vpc_request(&server, action, version).await;
    assert_eq!(
        by_name(&request.params),
        params(&[
            ("PhysicalConnectionId", "pc-119mfjzm7"),
            ("RegionId", "cn-shanghai"),
            ("CircuitCode", "longtel002"),
            ("ClientToken", "modify-1"),
            ("Description", "Moved to the new rack"),
            ("LineOperator", "CM"),
            ("Name", "pc-renamed"),
            ("PeerLocation", "上海市 浦东新区"),
            ("PortType", "1000Base-T"),
            ("RedundantPhysicalConnectionId", "pc-redundant"),
            ("bandwidth", "50"),
        ])
    );
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(output.request_id.is_some());
}

async fn terminate_physical_connection(version: SignatureVersion) {
    let action = "TerminatePhysicalConnection";
    let (server, body) = serving(&VPC, action).await;
    let output = vpc_client(&server, version)
        .terminate_physical_connection()
        .region_id("cn-beijing")
        .physical_connection_id("pc-2zeoaxkq3xxxxx")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let request = vpc_request(&server, action, version).await;
    // The Markdown pages document ClientToken (the 2019 PDF did not): the runtime adds one.
    assert_eq!(
        take_generated_token(by_name(&request.params), "ClientToken"),
        params(&[
            ("RegionId", "cn-beijing"),
            ("PhysicalConnectionId", "pc-2zeoaxkq3xxxxx"),
        ])
    );
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(output.request_id.is_some());
}

async fn create_express_connect_router(version: SignatureVersion) {
    use ecr::operation::create_express_connect_router::Tag;
    let action = "CreateExpressConnectRouter";
    let (server, body) = serving(&ECR, action).await;
    let output = ecr::Client::new(config(&server, version))
        .create_express_connect_router()
        .name("ecr-test 1")
        .description("专线网关 for *~/ tests")
        .resource_group_id("rg-acfmwkf5kq4****")
        .alibaba_side_asn(45104)
        .dry_run(false)
        .client_token("ecr-token-1")
        .tags(Tag::default().key("env").value("test"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let request = only_request(&server, &ECR, action).await;
    assert_eq!(request.scheme, scheme(version));
    let expected = params(&[
        ("Name", "ecr-test 1"),
        ("Description", "专线网关 for *~/ tests"),
        ("ResourceGroupId", "rg-acfmwkf5kq4****"),
        ("AlibabaSideAsn", "45104"),
        ("DryRun", "false"),
        ("ClientToken", "ecr-token-1"),
        ("Tag.1.Key", "env"),
        ("Tag.1.Value", "test"),
        ("RegionId", "cn-hangzhou"),
    ]);
    // ExpressConnectRouter takes its parameters in a form body, none in the query.
    assert_eq!(by_name(&request.form), expected);
    assert_eq!(by_name(&request.params), expected);
    assert_eq!(
        request.headers.get("content-type").map(String::as_str),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert_eq!(output.success, body["Success"].as_bool());
    assert_eq!(output.code.as_deref(), text(&body, "Code"));
    assert_eq!(output.message.as_deref(), text(&body, "Message"));
    assert_eq!(
        output.http_status_code,
        body["HttpStatusCode"]
            .as_i64()
            .map(|n| i32::try_from(n).unwrap())
    );
    assert_eq!(output.dynamic_code.as_deref(), text(&body, "DynamicCode"));
    assert_eq!(
        output.dynamic_message.as_deref(),
        text(&body, "DynamicMessage")
    );
    assert_eq!(
        output.access_denied_detail.as_deref(),
        text(&body, "AccessDeniedDetail")
    );
    assert_eq!(output.ecr_id.as_deref(), Some("ecr-fu8rszhgv7623c****"));
}
