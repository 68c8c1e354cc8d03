//! Client-side validation: invalid input never reaches the server, every violation names its
//! wire parameter and rule, and switching validation off for one call lets through what the
//! documents do not know (the service stays the judge).

use alibabacloud_vpc20160428 as vpc;
use serde_json::json;
use specgen_runtime::testing::MockServer;
use specgen_runtime::{SdkError, SignatureVersion, ValidationError};
use vpc::types::LineOperator;

use crate::support::{config, only_request, received, script, server, VPC};

fn vpc_client(server: &MockServer) -> vpc::Client {
    vpc::Client::new(config(server, SignatureVersion::V3))
}

/// The violations of a failed call as `(parameter, rule)`, after checking nothing was sent.
async fn rejected<E: std::fmt::Debug>(
    server: &MockServer,
    result: Result<impl std::fmt::Debug, SdkError<E>>,
) -> Vec<(String, String)> {
    let error = result.err();
    let Some(SdkError::Validation(ValidationError { violations })) = error else {
        panic!("expected a validation error, got {error:?}");
    };
    let requests = received(server).await;
    assert!(
        requests.is_empty(),
        "sent despite invalid input: {requests:#?}"
    );
    violations
        .into_iter()
        .map(|v| (v.parameter, v.rule))
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(p, r)| ((*p).to_owned(), (*r).to_owned()))
        .collect()
}

#[tokio::test]
async fn every_violation_is_reported_and_nothing_is_sent() {
    let server = server();
    let result = vpc_client(&server)
        .create_express_cloud_connection()
        .bandwidth(3)
        .description("http://example.com")
        .name("1st-connection")
        .port_type("40GBase-ZR")
        .send()
        .await;
    let mut violations = rejected(&server, result).await;
    // The documented values 2, 4, ... 40000 (the wording of single values is the runtime's).
    let (parameter, rule) = violations.remove(0);
    assert_eq!(parameter, "Bandwidth");
    assert!(
        rule.starts_with("must be 2") && rule.ends_with("40000"),
        "{rule}"
    );
    assert_eq!(
        violations,
        pairs(&[
            ("IdcSP", "is required"),
            ("PeerLocation", "is required"),
            // RegionId is not missing: the client's region fills it.
            ("Description", "must not start with \"http://\""),
            ("Name", "must start with letters or Chinese characters"),
            (
                "PortType",
                "must be one of: 100Base-T, 1000Base-T, 1000Base-LX, 10GBase-T, 10GBase-LR"
            ),
        ])
    );
}

#[tokio::test]
async fn list_limits_name_the_flattened_parameter() {
    use vpc::types::Filter;
    let server = server();
    let six_values = (1..=6).fold(Filter::default().key("Name"), |f, n| {
        f.values(format!("v{n}"))
    });
    let result = vpc_client(&server)
        .describe_physical_connections()
        .region_id("cn-hangzhou")
        .set_filters(vec![six_values; 6])
        .page_size(51)
        .send()
        .await;
    let violations = rejected(&server, result).await;
    let mut expected = vec![("Filter", "must have at most 5 items")];
    let names: Vec<String> = (1..=6).map(|n| format!("Filter.{n}.Value")).collect();
    expected.extend(
        names
            .iter()
            .map(|n| (n.as_str(), "must have at most 5 items")),
    );
    expected.push(("PageSize", "must be 1 to 50"));
    assert_eq!(violations, pairs(&expected));
}

#[tokio::test]
async fn validation_off_for_one_call_lets_an_unknown_value_through() {
    let server = server();
    script(
        &server,
        &VPC,
        "CreatePhysicalConnection",
        vec![json!({"json": {"RequestId": "r", "PhysicalConnectionId": "pc-new"}})],
    )
    .await;
    let call = vpc_client(&server)
        .create_physical_connection()
        .region_id("cn-hangzhou")
        .access_point_id("ap-cn-hangzhou-xx-A")
        .peer_location("Somewhere")
        .line_operator("Telstra");
    assert_eq!(
        call.as_input().line_operator,
        Some(LineOperator::from("Telstra"))
    );
    let violations = rejected(&server, call.clone().send().await).await;
    assert_eq!(
        violations,
        pairs(&[(
            "LineOperator",
            "must be one of: CT, CU, CM, CO, Equinix, Other"
        )])
    );
    let output = call
        .validation(false)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.physical_connection_id.as_deref(), Some("pc-new"));
    let request = only_request(&server, &VPC, "CreatePhysicalConnection").await;
    assert_eq!(request.param("LineOperator"), Some("Telstra"));
}

#[tokio::test]
async fn region_id_comes_from_the_client_when_the_call_leaves_it_out() {
    let server = server();
    script(
        &server,
        &VPC,
        "TerminatePhysicalConnection",
        vec![json!({"json": {"RequestId": "r"}})],
    )
    .await;
    vpc_client(&server)
        .terminate_physical_connection()
        .physical_connection_id("pc-1")
        .send()
        .await
        .unwrap_or_else(|e| panic!("a client with a region must not be refused: {e}"));
    let request = only_request(&server, &VPC, "TerminatePhysicalConnection").await;
    assert_eq!(request.param("RegionId"), Some("cn-hangzhou"));
}

/// `PortType` lists five port types, but the page's own example is `E1-2M`: the rule is kept
/// and documented, not enforced by default (the call is sent), and checked under
/// `Validation::All` (per call, or for the whole client); `Validation::Off` checks nothing.
#[tokio::test]
async fn a_rule_the_page_contradicts_is_checked_only_when_asked_for() {
    use specgen_runtime::{Config, Validation};
    let server = server();
    script(
        &server,
        &VPC,
        "ModifyPhysicalConnectionAttribute",
        vec![json!({"json": {"RequestId": "r"}})],
    )
    .await;
    let call = vpc_client(&server)
        .modify_physical_connection_attribute()
        .region_id("cn-hangzhou")
        .physical_connection_id("pc-119mfjzm7")
        .port_type("E1-2M");
    let expected = pairs(&[(
        "PortType",
        "must be one of: 100Base-T, 1000Base-T, 1000Base-LX, 10GBase-T, 10GBase-LR",
    )]);
    assert_eq!(
        rejected(
            &server,
            call.clone().validation(Validation::All).send().await
        )
        .await,
        expected
    );
    let strict = vpc::Client::new(
        Config::builder()
            .region("cn-hangzhou")
            .endpoint_url(server.url())
            .credentials(MockServer::credentials())
            .validation(Validation::All)
            .build()
            .unwrap_or_else(|e| panic!("{e}")),
    );
    let strict_call = strict
        .modify_physical_connection_attribute()
        .region_id("cn-hangzhou")
        .physical_connection_id("pc-119mfjzm7")
        .port_type("E1-2M");
    assert_eq!(
        rejected(&server, strict_call.clone().send().await).await,
        expected
    );
    assert_eq!(
        call.as_input()
            .validate_with(Validation::All)
            .unwrap_err()
            .violations
            .len(),
        1
    );
    assert!(call.as_input().validate().is_ok());
    assert!(strict_call
        .as_input()
        .validate_with(Validation::Off)
        .is_ok());
    call.send().await.unwrap_or_else(|e| panic!("{e}"));
    let request = only_request(&server, &VPC, "ModifyPhysicalConnectionAttribute").await;
    assert_eq!(request.param("PortType"), Some("E1-2M"));
}
