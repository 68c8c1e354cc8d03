//! Every Express Connect operation the corpus pages added (issue 16), through its generated
//! fluent builder against the verifying server, under both signature schemes: the server checks
//! the signature, action and version; the test checks the exact business parameters on the wire
//! (every scalar parameter the merged IR documents, set to the page's own example value, or to
//! the first valid value where the example breaks the page's own rule), the idempotency token the
//! runtime adds, and that the typed output decodes the page's own example response.
//! Repeated and array parameters (`Tag.N`, `Filter.N.Value.N`) are not set here; the seed tests
//! cover their encoding.

use alibabacloud_vpc20160428 as vpc;
use serde_json::{json, Value};
use specgen_runtime::testing::MockServer;
use specgen_runtime::SignatureVersion;
use std::collections::BTreeMap;

use crate::support::{
    by_name, config, documented, only_request, params, scheme, script, server, text, VPC,
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
    activate_router_interface,
    add_bgp_network,
    apply_physical_connection_loa,
    associate_physical_connection_to_virtual_border_router,
    complete_physical_connection_loa,
    connect_router_interface,
    create_bgp_group,
    create_bgp_peer,
    create_physical_connection_occupancy_order,
    create_physical_connection_setup_order,
    create_router_interface,
    create_virtual_border_router,
    deactivate_router_interface,
    delete_bgp_group,
    delete_bgp_network,
    delete_bgp_peer,
    delete_physical_connection,
    delete_router_interface,
    delete_virtual_border_router,
    describe_access_points,
    describe_bgp_groups,
    describe_bgp_networks,
    describe_bgp_peers,
    describe_express_cloud_connections,
    describe_physical_connection_loa,
    describe_router_interfaces,
    describe_v_routers,
    describe_virtual_border_routers,
    describe_virtual_border_routers_for_physical_connection,
    enable_physical_connection,
    modify_bgp_group_attribute,
    modify_bgp_peer_attribute,
    modify_express_cloud_connection_attribute,
    modify_express_cloud_connection_bandwidth,
    modify_router_interface_attribute,
    modify_router_interface_spec,
    modify_v_router_attribute,
    modify_virtual_border_router_attribute,
    recover_virtual_border_router,
    terminate_virtual_border_router,
    unassociate_physical_connection_from_virtual_border_router,
);

/// A server answering `action` with the page's own example response; returns both.
async fn serving(action: &str) -> (MockServer, Value) {
    let server = server();
    let body = documented(&VPC, action);
    script(&server, &VPC, action, vec![json!({"json": body})]).await;
    (server, body)
}

/// The business parameters of the one request the server accepted (Vpc: all in the query),
/// with the runtime-generated idempotency token `token` checked and taken out.
async fn sent(
    server: &MockServer,
    action: &str,
    version: SignatureVersion,
    token: Option<&str>,
) -> BTreeMap<String, String> {
    let request = only_request(server, &VPC, action).await;
    assert_eq!(request.scheme, scheme(version));
    assert!(
        request.form.is_empty(),
        "{action}: Vpc sends no body: {:?}",
        request.form
    );
    let mut sent = by_name(&request.params);
    if let Some(token) = token {
        let value = sent.remove(token);
        let value = value.unwrap_or_else(|| panic!("{action}: no {token} was generated: {sent:?}"));
        assert_eq!(value.len(), 36, "{action}: {token} is not a UUID: {value}");
    }
    sent
}

async fn activate_router_interface(version: SignatureVersion) {
    let action = "ActivateRouterInterface";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .activate_router_interface()
        .region_id("cn-hangzhou")
        .router_interface_id("ri-2zeo3xzyf38r4urz****")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, None).await;
    let expected = params(&[
        ("RegionId", "cn-hangzhou"),
        ("RouterInterfaceId", "ri-2zeo3xzyf38r4urz****"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn add_bgp_network(version: SignatureVersion) {
    let action = "AddBgpNetwork";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .add_bgp_network()
        .dst_cidr_block("10.110.192.12/32")
        .region_id("cn-shanghai")
        .router_id("vrt-2zeo3xzyf38r4urzdpvfs")
        .vpc_id("vpc-bp1qpo0kug3a20qqe9h7v")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, Some("ClientToken")).await;
    let expected = params(&[
        ("DstCidrBlock", "10.110.192.12/32"),
        ("RegionId", "cn-shanghai"),
        ("RouterId", "vrt-2zeo3xzyf38r4urzdpvfs"),
        ("VpcId", "vpc-bp1qpo0kug3a20qqe9h7v"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn apply_physical_connection_loa(version: SignatureVersion) {
    let action = "ApplyPhysicalConnectionLOA";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .apply_physical_connection_loa()
        .company_name("company")
        .construction_time("2019-02-28 16:00:00+00:00")
        .instance_id("pc-bp1qrb3044eqixxxxxxxx")
        .line_type("SDH")
        .peer_location("Hangzhou")
        .region_id("cn-hangzhou")
        .si("Alibaba Cloud")
        .bandwidth(3)
        .line_operator("CU")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, Some("ClientToken")).await;
    let expected = params(&[
        ("CompanyName", "company"),
        ("ConstructionTime", "2019-02-28 16:00:00+00:00"),
        ("InstanceId", "pc-bp1qrb3044eqixxxxxxxx"),
        ("LineType", "SDH"),
        ("PeerLocation", "Hangzhou"),
        ("RegionId", "cn-hangzhou"),
        ("Si", "Alibaba Cloud"),
        ("Bandwidth", "3"),
        ("LineOperator", "CU"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn associate_physical_connection_to_virtual_border_router(version: SignatureVersion) {
    let action = "AssociatePhysicalConnectionToVirtualBorderRouter";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .associate_physical_connection_to_virtual_border_router()
        .physical_connection_id("pc-bp1qrb3044eqixog****")
        .region_id("cn-hangzhou")
        .vbr_id("vbr-bp186tnz6rijyhj******")
        .vlan_id("123")
        .circuit_code("longtel001")
        .local_gateway_ip("10.10.0.1")
        .peer_gateway_ip("10.10.10.9")
        .peering_subnet_mask("255.255.255.0")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, Some("ClientToken")).await;
    let expected = params(&[
        ("PhysicalConnectionId", "pc-bp1qrb3044eqixog****"),
        ("RegionId", "cn-hangzhou"),
        ("VbrId", "vbr-bp186tnz6rijyhj******"),
        ("VlanId", "123"),
        ("CircuitCode", "longtel001"),
        ("LocalGatewayIp", "10.10.0.1"),
        ("PeerGatewayIp", "10.10.10.9"),
        ("PeeringSubnetMask", "255.255.255.0"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn complete_physical_connection_loa(version: SignatureVersion) {
    let action = "CompletePhysicalConnectionLOA";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .complete_physical_connection_loa()
        .instance_id("pc-bp10tvlhnwkwxxxxxxxxxx")
        .line_code("aaa111")
        .line_label("bbb222")
        .region_id("cn-hangzhou")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, Some("ClientToken")).await;
    let expected = params(&[
        ("InstanceId", "pc-bp10tvlhnwkwxxxxxxxxxx"),
        ("LineCode", "aaa111"),
        ("LineLabel", "bbb222"),
        ("RegionId", "cn-hangzhou"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn connect_router_interface(version: SignatureVersion) {
    let action = "ConnectRouterInterface";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .connect_router_interface()
        .region_id("cn-hangzhou")
        .router_interface_id("ri-2zeo3xzyf38r4urzd****")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, None).await;
    let expected = params(&[
        ("RegionId", "cn-hangzhou"),
        ("RouterInterfaceId", "ri-2zeo3xzyf38r4urzd****"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn create_bgp_group(version: SignatureVersion) {
    let action = "CreateBgpGroup";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .create_bgp_group()
        .peer_asn(1111)
        .region_id("cn-shanghai")
        .router_id("vrt-bp1lhl0taikrteen80oxx")
        .auth_key("!PWZ2wsq")
        .description("BGP")
        .is_fake_asn(true)
        .name("test")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, Some("ClientToken")).await;
    let expected = params(&[
        ("PeerAsn", "1111"),
        ("RegionId", "cn-shanghai"),
        ("RouterId", "vrt-bp1lhl0taikrteen80oxx"),
        ("AuthKey", "!PWZ2wsq"),
        ("Description", "BGP"),
        ("IsFakeAsn", "true"),
        ("Name", "test"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn create_bgp_peer(version: SignatureVersion) {
    let action = "CreateBgpPeer";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .create_bgp_peer()
        .bgp_group_id("bgpg-wz9f62v4fbgxxxxxxxx")
        .region_id("cn-shanghai")
        .enable_bfd(true)
        .peer_ip_address("116.62.xx.xx")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, Some("ClientToken")).await;
    let expected = params(&[
        ("BgpGroupId", "bgpg-wz9f62v4fbgxxxxxxxx"),
        ("RegionId", "cn-shanghai"),
        ("EnableBfd", "true"),
        ("PeerIpAddress", "116.62.xx.xx"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn create_physical_connection_occupancy_order(version: SignatureVersion) {
    let action = "CreatePhysicalConnectionOccupancyOrder";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .create_physical_connection_occupancy_order()
        .physical_connection_id("pc-bp1hp0wr072f6ambni141")
        .region_id("cn-hangzhou")
        .auto_pay(true)
        .instance_charge_type("PostPaid")
        .period(1)
        .pricing_cycle("Month")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, Some("ClientToken")).await;
    let expected = params(&[
        ("PhysicalConnectionId", "pc-bp1hp0wr072f6ambni141"),
        ("RegionId", "cn-hangzhou"),
        ("AutoPay", "true"),
        ("InstanceChargeType", "PostPaid"),
        ("Period", "1"),
        ("PricingCycle", "Month"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn create_physical_connection_setup_order(version: SignatureVersion) {
    let action = "CreatePhysicalConnectionSetupOrder";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .create_physical_connection_setup_order()
        .access_point_id("ap-cn-beijing-ft-A")
        .line_operator("CT")
        .region_id("cn-shanghai")
        .auto_pay(true)
        .port_type("100Base-T")
        .redundant_physical_connection_id("pc-bp10zsv5ntpxxxxxxxxxx")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, Some("ClientToken")).await;
    let expected = params(&[
        ("AccessPointId", "ap-cn-beijing-ft-A"),
        ("LineOperator", "CT"),
        ("RegionId", "cn-shanghai"),
        ("AutoPay", "true"),
        ("PortType", "100Base-T"),
        ("RedundantPhysicalConnectionId", "pc-bp10zsv5ntpxxxxxxxxxx"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn create_router_interface(version: SignatureVersion) {
    let action = "CreateRouterInterface";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .create_router_interface()
        .region_id("regionid-test")
        .router_type("VRouter")
        .access_point_id("accesspointid-test")
        .router_id("routerid-test")
        .role("InitiatingSide")
        .spec("spec-test")
        .opposite_region_id("oppositeregionid-test")
        .opposite_access_point_id("oppositeaccesspointid-test")
        .opposite_router_type("VRouter")
        .opposite_router_id("oppositerouterid-test")
        .opposite_interface_id("oppositeinterfaceid-test")
        .opposite_interface_owner_id("oppositeinterfaceownerid-test")
        .health_check_source_ip("healthchecksourceip-test")
        .health_check_target_ip("healthchecktargetip-test")
        .name("name-test")
        .description("description-test")
        .instance_charge_type("PostPaid")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, Some("ClientToken")).await;
    let expected = params(&[
        ("RegionId", "regionid-test"),
        ("RouterType", "VRouter"),
        ("AccessPointId", "accesspointid-test"),
        ("RouterId", "routerid-test"),
        ("Role", "InitiatingSide"),
        ("Spec", "spec-test"),
        ("OppositeRegionId", "oppositeregionid-test"),
        ("OppositeAccessPointId", "oppositeaccesspointid-test"),
        ("OppositeRouterType", "VRouter"),
        ("OppositeRouterId", "oppositerouterid-test"),
        ("OppositeInterfaceId", "oppositeinterfaceid-test"),
        ("OppositeInterfaceOwnerId", "oppositeinterfaceownerid-test"),
        ("HealthCheckSourceIp", "healthchecksourceip-test"),
        ("HealthCheckTargetIp", "healthchecktargetip-test"),
        ("Name", "name-test"),
        ("Description", "description-test"),
        ("InstanceChargeType", "PostPaid"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn create_virtual_border_router(version: SignatureVersion) {
    let action = "CreateVirtualBorderRouter";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .create_virtual_border_router()
        .physical_connection_id("pc-xxxxxxxxx")
        .region_id("cn-shanghai")
        .vlan_id(10)
        .circuit_code("longtel001")
        .description("The description of the VBR.")
        .local_gateway_ip("116.62.222.28")
        .name("test")
        .peer_gateway_ip("116.62.222.28")
        .peering_subnet_mask("255.255.255.252")
        .vbr_owner_id(10)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, Some("ClientToken")).await;
    let expected = params(&[
        ("PhysicalConnectionId", "pc-xxxxxxxxx"),
        ("RegionId", "cn-shanghai"),
        ("VlanId", "10"),
        ("CircuitCode", "longtel001"),
        ("Description", "The description of the VBR."),
        ("LocalGatewayIp", "116.62.222.28"),
        ("Name", "test"),
        ("PeerGatewayIp", "116.62.222.28"),
        ("PeeringSubnetMask", "255.255.255.252"),
        ("VbrOwnerId", "10"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn deactivate_router_interface(version: SignatureVersion) {
    let action = "DeactivateRouterInterface";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .deactivate_router_interface()
        .region_id("cn-hangzhou")
        .router_interface_id("ri-2zeo3xzyf38r4urzdpvfs")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, None).await;
    let expected = params(&[
        ("RegionId", "cn-hangzhou"),
        ("RouterInterfaceId", "ri-2zeo3xzyf38r4urzdpvfs"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn delete_bgp_group(version: SignatureVersion) {
    let action = "DeleteBgpGroup";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .delete_bgp_group()
        .bgp_group_id("bgpg-wz9f62v4fbg2gxxxxxxxx")
        .region_id("cn-shanghai")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, Some("ClientToken")).await;
    let expected = params(&[
        ("BgpGroupId", "bgpg-wz9f62v4fbg2gxxxxxxxx"),
        ("RegionId", "cn-shanghai"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn delete_bgp_network(version: SignatureVersion) {
    let action = "DeleteBgpNetwork";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .delete_bgp_network()
        .dst_cidr_block("10.110.192.12/32")
        .region_id("cn-hangzhou")
        .router_id("vrt-bp1lhl0taikrteen80oxx")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, Some("ClientToken")).await;
    let expected = params(&[
        ("DstCidrBlock", "10.110.192.12/32"),
        ("RegionId", "cn-hangzhou"),
        ("RouterId", "vrt-bp1lhl0taikrteen80oxx"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn delete_bgp_peer(version: SignatureVersion) {
    let action = "DeleteBgpPeer";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .delete_bgp_peer()
        .bgp_peer_id("bgp-wz977wcrmb69axxxxxxxx")
        .region_id("cn-shanghai")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, Some("ClientToken")).await;
    let expected = params(&[
        ("BgpPeerId", "bgp-wz977wcrmb69axxxxxxxx"),
        ("RegionId", "cn-shanghai"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn delete_physical_connection(version: SignatureVersion) {
    let action = "DeletePhysicalConnection";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .delete_physical_connection()
        .physical_connection_id("pc-119mfjzm7")
        .region_id("cn-shanghai")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, Some("ClientToken")).await;
    let expected = params(&[
        ("PhysicalConnectionId", "pc-119mfjzm7"),
        ("RegionId", "cn-shanghai"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn delete_router_interface(version: SignatureVersion) {
    let action = "DeleteRouterInterface";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .delete_router_interface()
        .region_id("regionid-test")
        .router_interface_id("routerinterfaceid-test")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, Some("ClientToken")).await;
    let expected = params(&[
        ("RegionId", "regionid-test"),
        ("RouterInterfaceId", "routerinterfaceid-test"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn delete_virtual_border_router(version: SignatureVersion) {
    let action = "DeleteVirtualBorderRouter";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .delete_virtual_border_router()
        .region_id("cn-shanghai")
        .vbr_id("vbr-bp12mw1f8k3jgygk9bmlj")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, Some("ClientToken")).await;
    let expected = params(&[
        ("RegionId", "cn-shanghai"),
        ("VbrId", "vbr-bp12mw1f8k3jgygk9bmlj"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn describe_access_points(version: SignatureVersion) {
    let action = "DescribeAccessPoints";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .describe_access_points()
        .region_id("cn-hangzhou")
        .page_number(1)
        .page_size(10)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, None).await;
    let expected = params(&[
        ("RegionId", "cn-hangzhou"),
        ("PageNumber", "1"),
        ("PageSize", "10"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn describe_bgp_groups(version: SignatureVersion) {
    let action = "DescribeBgpGroups";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .describe_bgp_groups()
        .region_id("cn-shanghai")
        .bgp_group_id("bgpg-wz9f62v4fbg2gxxxxxxxx")
        .is_default(false)
        .owner_account("1234abcd@aliyun.com")
        .page_number(1)
        .page_size(1)
        .router_id("vrt-kojok19x3j0q6kx")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, None).await;
    let expected = params(&[
        ("RegionId", "cn-shanghai"),
        ("BgpGroupId", "bgpg-wz9f62v4fbg2gxxxxxxxx"),
        ("IsDefault", "false"),
        ("OwnerAccount", "1234abcd@aliyun.com"),
        ("PageNumber", "1"),
        ("PageSize", "1"),
        ("RouterId", "vrt-kojok19x3j0q6kx"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn describe_bgp_networks(version: SignatureVersion) {
    let action = "DescribeBgpNetworks";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .describe_bgp_networks()
        .region_id("regionid-test")
        .router_id("routerid-test")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, None).await;
    let expected = params(&[("RegionId", "regionid-test"), ("RouterId", "routerid-test")]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn describe_bgp_peers(version: SignatureVersion) {
    let action = "DescribeBgpPeers";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .describe_bgp_peers()
        .region_id("cn-shanghai")
        .bgp_group_id("bgpg-2zev8h2wo414xxxxxxx")
        .bgp_peer_id("bgp-2ze3un0ft1jd1xxxxxxxx")
        .is_default(false)
        .owner_account("xxx@aliyun.com")
        .page_number(1)
        .page_size(1)
        .router_id("vrt-acfmxazxxxxxxxx")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, None).await;
    let expected = params(&[
        ("RegionId", "cn-shanghai"),
        ("BgpGroupId", "bgpg-2zev8h2wo414xxxxxxx"),
        ("BgpPeerId", "bgp-2ze3un0ft1jd1xxxxxxxx"),
        ("IsDefault", "false"),
        ("OwnerAccount", "xxx@aliyun.com"),
        ("PageNumber", "1"),
        ("PageSize", "1"),
        ("RouterId", "vrt-acfmxazxxxxxxxx"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn describe_express_cloud_connections(version: SignatureVersion) {
    let action = "DescribeExpressCloudConnections";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .describe_express_cloud_connections()
        .region_id("cn-hangzhou")
        .page_number(1)
        .page_size(10)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, None).await;
    let expected = params(&[
        ("RegionId", "cn-hangzhou"),
        ("PageNumber", "1"),
        ("PageSize", "10"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn describe_physical_connection_loa(version: SignatureVersion) {
    let action = "DescribePhysicalConnectionLOA";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .describe_physical_connection_loa()
        .instance_id("pc-bp1ca4wca27exxxxxxxx")
        .region_id("cn-hangzhou")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, Some("ClientToken")).await;
    let expected = params(&[
        ("InstanceId", "pc-bp1ca4wca27exxxxxxxx"),
        ("RegionId", "cn-hangzhou"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn describe_router_interfaces(version: SignatureVersion) {
    let action = "DescribeRouterInterfaces";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .describe_router_interfaces()
        .region_id("cn-hangzhou")
        .include_reservation_data(false)
        .page_number(1)
        .page_size(10)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, None).await;
    let expected = params(&[
        ("RegionId", "cn-hangzhou"),
        ("IncludeReservationData", "false"),
        ("PageNumber", "1"),
        ("PageSize", "10"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn describe_v_routers(version: SignatureVersion) {
    let action = "DescribeVRouters";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .describe_v_routers()
        .region_id("cn-hangzhou")
        .v_router_id("vrt-bp1lhl0taikrteen****")
        .page_number(1)
        .page_size(10)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, None).await;
    let expected = params(&[
        ("RegionId", "cn-hangzhou"),
        ("VRouterId", "vrt-bp1lhl0taikrteen****"),
        ("PageNumber", "1"),
        ("PageSize", "10"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn describe_virtual_border_routers(version: SignatureVersion) {
    let action = "DescribeVirtualBorderRouters";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .describe_virtual_border_routers()
        .region_id("cn-shanghai")
        .page_number(10)
        .page_size(1)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, None).await;
    let expected = params(&[
        ("RegionId", "cn-shanghai"),
        ("PageNumber", "10"),
        ("PageSize", "1"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn describe_virtual_border_routers_for_physical_connection(version: SignatureVersion) {
    let action = "DescribeVirtualBorderRoutersForPhysicalConnection";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .describe_virtual_border_routers_for_physical_connection()
        .physical_connection_id("pc-119mfj****")
        .region_id("cn-shanghai")
        .page_number(1)
        .page_size(10)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, None).await;
    let expected = params(&[
        ("PhysicalConnectionId", "pc-119mfj****"),
        ("RegionId", "cn-shanghai"),
        ("PageNumber", "1"),
        ("PageSize", "10"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn enable_physical_connection(version: SignatureVersion) {
    let action = "EnablePhysicalConnection";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .enable_physical_connection()
        .physical_connection_id("pc-119mfjzm7")
        .region_id("cn-shanghai")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, Some("ClientToken")).await;
    let expected = params(&[
        ("PhysicalConnectionId", "pc-119mfjzm7"),
        ("RegionId", "cn-shanghai"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn modify_bgp_group_attribute(version: SignatureVersion) {
    let action = "ModifyBgpGroupAttribute";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .modify_bgp_group_attribute()
        .bgp_group_id("bgpg-wz9f62v4fbg2gxxxxxxxx")
        .region_id("cn-shanghai")
        .auth_key("!PWZ2wsq")
        .description("BGP")
        .is_fake_asn(true)
        .name("test")
        .peer_asn(1111)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, Some("ClientToken")).await;
    let expected = params(&[
        ("BgpGroupId", "bgpg-wz9f62v4fbg2gxxxxxxxx"),
        ("RegionId", "cn-shanghai"),
        ("AuthKey", "!PWZ2wsq"),
        ("Description", "BGP"),
        ("IsFakeAsn", "true"),
        ("Name", "test"),
        ("PeerAsn", "1111"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn modify_bgp_peer_attribute(version: SignatureVersion) {
    let action = "ModifyBgpPeerAttribute";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .modify_bgp_peer_attribute()
        .bgp_peer_id("Bgp-awjhxxxxxxxx")
        .region_id("cn-shanghai")
        .bgp_group_id("bgpg-wz9f62v4fbgxxxxxxxx")
        .enable_bfd(true)
        .peer_ip_address("116.62.xx.xx")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, Some("ClientToken")).await;
    let expected = params(&[
        ("BgpPeerId", "Bgp-awjhxxxxxxxx"),
        ("RegionId", "cn-shanghai"),
        ("BgpGroupId", "bgpg-wz9f62v4fbgxxxxxxxx"),
        ("EnableBfd", "true"),
        ("PeerIpAddress", "116.62.xx.xx"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn modify_express_cloud_connection_attribute(version: SignatureVersion) {
    let action = "ModifyExpressCloudConnectionAttribute";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .modify_express_cloud_connection_attribute()
        .ecc_id("ecc-bp1t9osmuln*******")
        .region_id("cn-hangzhou")
        .description("ECC")
        .name("doctest")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, None).await;
    let expected = params(&[
        ("EccId", "ecc-bp1t9osmuln*******"),
        ("RegionId", "cn-hangzhou"),
        ("Description", "ECC"),
        ("Name", "doctest"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn modify_express_cloud_connection_bandwidth(version: SignatureVersion) {
    let action = "ModifyExpressCloudConnectionBandwidth";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .modify_express_cloud_connection_bandwidth()
        .ecc_id("ecc-xxxxxxxxx")
        .region_id("cn-hangzhou")
        .bandwidth("2")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, None).await;
    let expected = params(&[
        ("EccId", "ecc-xxxxxxxxx"),
        ("RegionId", "cn-hangzhou"),
        ("Bandwidth", "2"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn modify_router_interface_attribute(version: SignatureVersion) {
    let action = "ModifyRouterInterfaceAttribute";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .modify_router_interface_attribute()
        .region_id("cn-shanghai")
        .router_interface_id("ri-2zeo3xzyf38r4urz****")
        .delete_health_check_ip(true)
        .description("路由器接口")
        .health_check_source_ip("116.62.222.XX")
        .health_check_target_ip("116.62.222.XX")
        .name("TEST")
        .opposite_interface_id("ri-2zeo3xzyf38r4urz****")
        .opposite_interface_owner_id(10)
        .opposite_router_id("vrt-bp1jcg5cmxjbl9xgc****")
        .opposite_router_type("VRouter")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, None).await;
    let expected = params(&[
        ("RegionId", "cn-shanghai"),
        ("RouterInterfaceId", "ri-2zeo3xzyf38r4urz****"),
        ("DeleteHealthCheckIp", "true"),
        ("Description", "路由器接口"),
        ("HealthCheckSourceIp", "116.62.222.XX"),
        ("HealthCheckTargetIp", "116.62.222.XX"),
        ("Name", "TEST"),
        ("OppositeInterfaceId", "ri-2zeo3xzyf38r4urz****"),
        ("OppositeInterfaceOwnerId", "10"),
        ("OppositeRouterId", "vrt-bp1jcg5cmxjbl9xgc****"),
        ("OppositeRouterType", "VRouter"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn modify_router_interface_spec(version: SignatureVersion) {
    let action = "ModifyRouterInterfaceSpec";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .modify_router_interface_spec()
        .region_id("cn-hangzhou")
        .router_interface_id("ri-2zeo3xzyf38r4urzd****")
        .spec("Large")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, Some("ClientToken")).await;
    let expected = params(&[
        ("RegionId", "cn-hangzhou"),
        ("RouterInterfaceId", "ri-2zeo3xzyf38r4urzd****"),
        ("Spec", "Large"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn modify_v_router_attribute(version: SignatureVersion) {
    let action = "ModifyVRouterAttribute";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .modify_v_router_attribute()
        .region_id("cn-hangzhou")
        .v_router_id("vrt-bp1lhl0taikrteen8****")
        .description("My VRouter")
        .v_router_name("VRouter-1")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, None).await;
    let expected = params(&[
        ("RegionId", "cn-hangzhou"),
        ("VRouterId", "vrt-bp1lhl0taikrteen8****"),
        ("Description", "My VRouter"),
        ("VRouterName", "VRouter-1"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn modify_virtual_border_router_attribute(version: SignatureVersion) {
    let action = "ModifyVirtualBorderRouterAttribute";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .modify_virtual_border_router_attribute()
        .region_id("cn-shanghai")
        .vbr_id("vbr-**************")
        .associated_physical_connections("pc-kojok19xxxxxxxxx")
        .circuit_code("longtel001")
        .description("VBR")
        .detect_multiplier(3)
        .local_gateway_ip("116.62.xx.xx")
        .min_rx_interval(200)
        .min_tx_interval(200)
        .name("test")
        .peer_gateway_ip("120.120.xx.xx")
        .peering_subnet_mask("255.255.128.0")
        .vlan_id(12)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, Some("ClientToken")).await;
    let expected = params(&[
        ("RegionId", "cn-shanghai"),
        ("VbrId", "vbr-**************"),
        ("AssociatedPhysicalConnections", "pc-kojok19xxxxxxxxx"),
        ("CircuitCode", "longtel001"),
        ("Description", "VBR"),
        ("DetectMultiplier", "3"),
        ("LocalGatewayIp", "116.62.xx.xx"),
        ("MinRxInterval", "200"),
        ("MinTxInterval", "200"),
        ("Name", "test"),
        ("PeerGatewayIp", "120.120.xx.xx"),
        ("PeeringSubnetMask", "255.255.128.0"),
        ("VlanId", "12"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn recover_virtual_border_router(version: SignatureVersion) {
    let action = "RecoverVirtualBorderRouter";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .recover_virtual_border_router()
        .region_id("cn-shanghai")
        .vbr_id("vbr-bp1lhl0taikrteen80")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, Some("ClientToken")).await;
    let expected = params(&[
        ("RegionId", "cn-shanghai"),
        ("VbrId", "vbr-bp1lhl0taikrteen80"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn terminate_virtual_border_router(version: SignatureVersion) {
    let action = "TerminateVirtualBorderRouter";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .terminate_virtual_border_router()
        .region_id("cn-shanghai")
        .vbr_id("vbr-bp15zckdt37pq72zvw3")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, Some("ClientToken")).await;
    let expected = params(&[
        ("RegionId", "cn-shanghai"),
        ("VbrId", "vbr-bp15zckdt37pq72zvw3"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}

async fn unassociate_physical_connection_from_virtual_border_router(version: SignatureVersion) {
    let action = "UnassociatePhysicalConnectionFromVirtualBorderRouter";
    let (server, body) = serving(action).await;
    let output = vpc::Client::new(config(&server, version))
        .unassociate_physical_connection_from_virtual_border_router()
        .physical_connection_id("pc-bp1qrb3044eqixog****")
        .region_id("cn-hangzhou")
        .vbr_id("1")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{action}: {e}"));
    let sent = sent(&server, action, version, Some("ClientToken")).await;
    let expected = params(&[
        ("PhysicalConnectionId", "pc-bp1qrb3044eqixog****"),
        ("RegionId", "cn-hangzhou"),
        ("VbrId", "1"),
    ]);
    assert_eq!(sent, expected, "{action}");
    assert_eq!(output.request_id.as_deref(), text(&body, "RequestId"));
    assert!(
        output.request_id.is_some(),
        "{action}: the documented response has a RequestId"
    );
}
