//! The generated types as users handle them in their own tests, without a server: outputs built
//! from `Default`, one type for one shape across operations, sensitive values kept out of logs.

use alibabacloud_vpc20160428 as vpc;
use vpc::operation::create_bgp_group::CreateBgpGroupInput;
use vpc::operation::describe_physical_connections::{
    DescribePhysicalConnectionsOutput, PhysicalConnectionType,
};
use vpc::types::PortType;

#[test]
fn outputs_are_built_from_default_and_compared() {
    let mut item = PhysicalConnectionType::default();
    item.port_type = Some(PortType::V1000baseT);
    let mut output = DescribePhysicalConnectionsOutput::default();
    output.total_count = Some(1);
    output.request_id = Some("r".into());
    let copy = output.clone();
    assert_eq!(copy, output);
    output.total_count = Some(2);
    assert_ne!(copy, output);
    // The enum a request takes is the one the response gives back.
    assert_eq!(
        item.port_type.as_ref().map(PortType::as_str),
        Some("1000Base-T")
    );
}

#[test]
fn unknown_values_are_opaque_but_readable() {
    let value = PortType::from("400GBase-ZR");
    assert_eq!(value.as_str(), "400GBase-ZR");
    assert!(matches!(&value, PortType::Unknown(v) if v.as_str() == "400GBase-ZR"));
    // A listed value is always its own variant, never `Unknown`.
    assert_eq!(PortType::from("1000Base-T"), PortType::V1000baseT);
}

#[test]
fn sensitive_fields_are_redacted_in_debug() {
    let mut input = CreateBgpGroupInput::default();
    input.auth_key = Some("s3cr3t-bgp-key".into());
    input.name = Some("group".into());
    let text = format!("{input:?}");
    assert!(!text.contains("s3cr3t-bgp-key"), "{text}");
    assert!(
        text.contains("auth_key") && text.contains("Redacted"),
        "{text}"
    );
    assert!(text.contains("\"group\""), "other fields are shown: {text}");
    // Redaction is for logs only: the value is still sent.
    assert_eq!(input.to_params().get("AuthKey"), Some("s3cr3t-bgp-key"));
}
