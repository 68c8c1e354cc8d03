//! Each quirk of the seed documents that must come out right (issue 2), one test each.

mod common;

use common::{names, op, param, seed};
use specgen::ir::{CharClass, Constraint, FieldOrigin, Interval};

fn enum_values(c: &[Constraint]) -> Vec<(String, bool)> {
    c.iter()
        .find_map(|c| match c {
            Constraint::Enum { values, .. } => Some(
                values
                    .iter()
                    .map(|v| (v.value.clone(), v.default))
                    .collect(),
            ),
            _ => None,
        })
        .unwrap_or_default()
}

fn range(c: &[Constraint]) -> Option<(Vec<Interval>, Vec<i64>)> {
    c.iter().find_map(|c| match c {
        Constraint::Range {
            ranges, excluded, ..
        } => Some((ranges.clone(), excluded.clone())),
        _ => None,
    })
}

fn length(c: &[Constraint]) -> Option<(Option<u64>, Option<u64>)> {
    c.iter().find_map(|c| match c {
        Constraint::Length { min, max, .. } => Some((*min, *max)),
        _ => None,
    })
}

fn forbidden_prefixes(c: &[Constraint]) -> Vec<String> {
    c.iter()
        .find_map(|c| match c {
            Constraint::ForbiddenPrefix { values, .. } => Some(values.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

fn max_items(c: &[Constraint]) -> Option<u64> {
    c.iter().find_map(|c| match c {
        Constraint::MaxItems { max, .. } => Some(*max),
        _ => None,
    })
}

fn single(values: &[i64]) -> Vec<Interval> {
    values
        .iter()
        .map(|&v| Interval { min: v, max: v })
        .collect()
}

#[test]
fn s000_chinese_headers_and_required() {
    let e = seed("000");
    let o = op(&e, "CreateExpressCloudConnection");
    assert_eq!(
        names(o),
        [
            "Action",
            "Bandwidth",
            "IdcSP",
            "PeerLocation",
            "RegionId",
            "ContactMail",
            "ContactTel",
            "Description",
            "IDCardNo",
            "Name",
            "PeerCity",
            "PortType",
            "RedundantEccId"
        ]
    );
    assert!(param(o, "IdcSP").required);
    assert!(!param(o, "ContactMail").required);
    assert_eq!(
        param(o, "PeerLocation").example.as_deref(),
        Some("XX区XX大厦XX栋5楼")
    );
}

#[test]
fn s000_pipe_list_inside_a_cell() {
    let e = seed("000");
    let b = param(op(&e, "CreateExpressCloudConnection"), "Bandwidth");
    let (ranges, excluded) = range(&b.constraints).expect("Bandwidth valid values");
    assert_eq!(
        ranges,
        single(&[2, 4, 6, 8, 10, 20, 50, 100, 200, 500, 1000, 10000, 40000])
    );
    assert!(excluded.is_empty());
}

#[test]
fn s000_chinese_length_and_prefix_rules() {
    let e = seed("000");
    let o = op(&e, "CreateExpressCloudConnection");
    let name = param(o, "Name");
    assert_eq!(length(&name.constraints), Some((Some(2), Some(128))));
    assert_eq!(
        forbidden_prefixes(&name.constraints),
        ["http://", "https://"]
    );
    let first = name.constraints.iter().find_map(|c| match c {
        Constraint::FirstChar { allowed, .. } => Some(allowed.clone()),
        _ => None,
    });
    assert_eq!(first, Some(vec![CharClass::Letter, CharClass::Chinese]));
    let desc = param(o, "Description");
    assert_eq!(length(&desc.constraints), Some((Some(2), Some(256))));
    assert_eq!(
        forbidden_prefixes(&desc.constraints),
        ["http://", "https://"]
    );
}

#[test]
fn s000_escaped_markdown_and_enum_default() {
    let e = seed("000");
    let o = op(&e, "CreateExpressCloudConnection");
    assert_eq!(
        param(o, "IDCardNo").example.as_deref(),
        Some("32****************")
    );
    assert_eq!(
        param(o, "RedundantEccId").example.as_deref(),
        Some("ecc-d****")
    );
    let port = enum_values(&param(o, "PortType").constraints);
    assert_eq!(port.len(), 5);
    assert!(port.contains(&("1000Base-T".to_string(), true)), "{port:?}");
}

#[test]
fn s000_product_version_style_from_explorer_link() {
    let e = seed("000");
    let o = op(&e, "CreateExpressCloudConnection");
    assert_eq!(
        (o.product.as_str(), o.version.as_str(), o.style.as_str()),
        ("Vpc", "2016-04-28", "RPC")
    );
}

#[test]
fn s001_rows_on_one_line() {
    let e = seed("001");
    let o = op(&e, "CreateVirtualPhysicalConnection");
    assert_eq!(
        names(o),
        [
            "Action",
            "OrderMode",
            "VlanId",
            "Spec",
            "VpconnAliUid",
            "PhysicalConnectionId",
            "Name",
            "Token",
            "DryRun",
            "Description",
            "RegionId",
            "ResourceGroupId",
            "Tag.N.Key",
            "Tag.N.Value"
        ]
    );
    assert_eq!(
        param(o, "PhysicalConnectionId").example.as_deref(),
        Some("pc-bp1ciz7ekd2grn1as****")
    );
    assert_eq!(param(o, "VpconnAliUid").doc_type, "Long");
    assert_eq!(
        o.response
            .iter()
            .map(|f| f.name.as_str())
            .collect::<Vec<_>>(),
        ["RequestId", "VirtualPhysicalConnection"]
    );
}

#[test]
fn s001_bulleted_values_ranges_and_lists() {
    let e = seed("001");
    let o = op(&e, "CreateVirtualPhysicalConnection");
    let modes = enum_values(&param(o, "OrderMode").constraints);
    assert_eq!(
        modes.iter().map(|m| m.0.as_str()).collect::<Vec<_>>(),
        [
            "PayByPhysicalConnectionOwner",
            "PayByVirtualPhysicalConnectionOwner"
        ]
    );
    assert_eq!(
        range(&param(o, "VlanId").constraints),
        Some((vec![Interval { min: 0, max: 2999 }], vec![]))
    );
    let spec = enum_values(&param(o, "Spec").constraints);
    assert_eq!(
        spec.iter().map(|m| m.0.as_str()).collect::<Vec<_>>(),
        ["50M", "100M", "200M", "300M", "400M", "500M", "1G", "2G", "5G", "8G", "10G"]
    );
    assert_eq!(max_items(&param(o, "Tag.N.Key").constraints), Some(20));
    assert_eq!(max_items(&param(o, "Tag.N.Value").constraints), Some(20));
}

#[test]
fn s001_nineteen_error_rows() {
    let e = seed("001");
    let o = op(&e, "CreateVirtualPhysicalConnection");
    assert_eq!(o.errors.len(), 19);
    let first = &o.errors[0];
    assert_eq!(
        (first.http_status, first.code.as_str()),
        (Some(400), "OperationFailed.VbrBindedPconn")
    );
    assert_eq!(
        first.message,
        "The operation is failed because of VbrBindedPconn."
    );
    let quota = o
        .errors
        .iter()
        .find(|r| r.code == "QuotaExceeded.VPCONN")
        .expect("quota row");
    assert_eq!(
        quota.message,
        "The quota of VPCONN_COUNT_PER_PCONN is exceeded"
    );
    let denied = o
        .errors
        .iter()
        .find(|r| r.code == "OperationDenied.CreateVpconn")
        .expect("denied row");
    assert_eq!(
        denied.message,
        "You are not allowed to create virtual physical connection. Please contact you CBM."
    );
    assert!(o
        .errors
        .iter()
        .find(|r| r.code == "IllegalParam.Bandwidth")
        .is_some_and(|r| !r.pattern && r.message.contains("[%s]")));
}

#[test]
fn s002_nested_tag_array() {
    let e = seed("002");
    let o = op(&e, "CreateExpressConnectRouter");
    let tag = param(o, "Tag");
    assert_eq!(tag.doc_type, "array<object>");
    assert_eq!(max_items(&tag.constraints), Some(20));
    let item = tag.children.first().expect("tag item");
    assert_eq!((item.name.as_str(), item.doc_type.as_str()), ("", "object"));
    assert_eq!(
        item.children
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>(),
        ["Key", "Value"]
    );
    assert_eq!(item.children[0].example.as_deref(), Some("TestKey"));
}

#[test]
fn s002_asn_range_with_reserved_value() {
    let e = seed("002");
    let asn = param(op(&e, "CreateExpressConnectRouter"), "AlibabaSideAsn");
    assert!(asn.required);
    let (ranges, excluded) = range(&asn.constraints).expect("ASN range");
    assert_eq!(
        ranges,
        vec![
            Interval {
                min: 45104,
                max: 45104
            },
            Interval {
                min: 64512,
                max: 65534
            },
            Interval {
                min: 4200000000,
                max: 4294967294
            }
        ]
    );
    assert_eq!(excluded, [65025]);
    assert_eq!(asn.default.as_deref(), Some("45104"));
}

#[test]
fn s002_ram_table_and_pattern_codes() {
    let e = seed("002");
    let o = op(&e, "CreateExpressConnectRouter");
    let p = o.permissions.first().expect("RAM row");
    assert_eq!(p.action, "expressconnectrouter:CreateExpressConnectRouter");
    assert_eq!(p.access_level, "create");
    assert_eq!(
        p.dependent_actions,
        ["expressconnectrouter:CreateServiceLinkedRole"]
    );
    assert_eq!(o.errors.len(), 7);
    let pat = &o.errors[0];
    assert_eq!(
        (
            pat.code.as_str(),
            pat.pattern,
            pat.message.as_str(),
            pat.description.as_str()
        ),
        (
            "IllegalParamFormat.%s",
            true,
            "The param format of %s is illegal.",
            "Illegal parameter format"
        )
    );
    assert!(o
        .errors
        .iter()
        .any(|r| r.code == "MissingParam.%s" && r.pattern));
    assert_eq!(o.response.len(), 9);
}

#[test]
fn s003_all_operations_and_exact_wire_names() {
    let e = seed("003");
    let ops: Vec<&str> = e.operations.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(
        ops,
        [
            "CreatePhysicalConnection",
            "CancelPhysicalConnection",
            "DescribePhysicalConnections",
            "ModifyPhysicalConnectionAttribute",
            "TerminatePhysicalConnection"
        ]
    );
    assert_eq!(
        names(op(&e, "CreatePhysicalConnection")),
        [
            "Action",
            "RegionId",
            "AccessPointId",
            "CircuitCode",
            "LineOperator",
            "PeerLocation",
            "BandWidth",
            "PortType",
            "RedundantPhysicalConnectionId",
            "Name",
            "Description",
            "ClientToken"
        ]
    );
    assert_eq!(
        names(op(&e, "CancelPhysicalConnection")),
        ["Action", "PhysicalConnectionId", "RegionId", "ClientToken"]
    );
    assert_eq!(
        names(op(&e, "DescribePhysicalConnections")),
        [
            "Action",
            "RegionId",
            "ClientToken",
            "Filter.N.Key",
            "Filter.N.Value.N",
            "IncludeReservationData",
            "PageNumber",
            "PageSize"
        ]
    );
    assert_eq!(
        names(op(&e, "ModifyPhysicalConnectionAttribute")),
        [
            "Action",
            "PhysicalConnectionId",
            "RegionId",
            "CircuitCode",
            "ClientToken",
            "Description",
            "LineOperator",
            "Name",
            "PeerLocation",
            "PortType",
            "RedundantPhysicalConnectionId",
            "Bandwidth"
        ]
    );
    assert_eq!(
        names(op(&e, "TerminatePhysicalConnection")),
        ["Action", "RegionId", "PhysicalConnectionId"]
    );
}

#[test]
fn s003_run_together_type_and_required() {
    let e = seed("003");
    let f = param(op(&e, "DescribePhysicalConnections"), "Filter.N.Value.N");
    assert_eq!(
        (f.doc_type.as_str(), f.required, f.example.as_deref()),
        ("RepeatList", false, Some("1"))
    );
    let size = param(op(&e, "DescribePhysicalConnections"), "PageSize");
    assert!(
        size.constraints
            .iter()
            .any(|c| matches!(c, Constraint::PageSize { max: 50, .. })),
        "{:?}",
        size.constraints
    );
    assert_eq!(size.default.as_deref(), Some("10"));
}

#[test]
fn s003_garbled_line_is_reported_not_kept() {
    let e = seed("003");
    let o = op(&e, "CreatePhysicalConnection");
    let r = param(o, "RedundantPhysicalConnectionId");
    assert!(r
        .description
        .contains("Allocated, Confirmed, or Enabled status"));
    assert!(!r.description.contains("finocuted"));
    assert!(
        o.warnings
            .iter()
            .any(|w| w.kind == "garbled-line" && w.message.contains("finocuted")),
        "{:#?}",
        o.warnings
    );
}

#[test]
fn s003_example_outside_valid_values_is_a_warning() {
    let e = seed("003");
    let o = op(&e, "ModifyPhysicalConnectionAttribute");
    assert!(
        o.warnings
            .iter()
            .any(|w| w.kind == "example-violates-rule" && w.message.contains("PortType")),
        "{:#?}",
        o.warnings
    );
    let values = enum_values(&param(o, "PortType").constraints);
    assert_eq!(
        values.iter().map(|v| v.0.as_str()).collect::<Vec<_>>(),
        [
            "100Base-T",
            "1000Base-T",
            "1000Base-LX",
            "10GBase-T",
            "10GBase-LR"
        ]
    );
}

#[test]
fn s003_broken_error_codes_and_nested_response() {
    let e = seed("003");
    let cancel = op(&e, "CancelPhysicalConnection");
    assert_eq!(
        cancel
            .errors
            .iter()
            .map(|r| r.code.as_str())
            .collect::<Vec<_>>(),
        [
            "InvalidPhysicalConnectionId.NotFound",
            "Forbidden.NotAllowedInState"
        ]
    );
    let modify = op(&e, "ModifyPhysicalConnectionAttribute");
    assert_eq!(modify.errors.len(), 10);
    assert!(modify
        .errors
        .iter()
        .any(|r| r.code == "InvalidRedundantPhysicalConnectionStatus"));
    let d = op(&e, "DescribePhysicalConnections");
    let top: Vec<&str> = d.response.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        top,
        [
            "PhysicalConnectionSet",
            "TotalCount",
            "PageNumber",
            "PageSize",
            "RequestId"
        ]
    );
    // The table lists the items' fields right under the set; the page's own XML example
    // (broken by the PDF text, repaired and reported) shows the `PhysicalConnectionType` list
    // level between them, as the service sends it: no override needed.
    let set = &d.response[0];
    assert_eq!(set.children.len(), 1);
    let items = &set.children[0];
    assert_eq!(
        (items.name.as_str(), items.list, items.origin),
        ("PhysicalConnectionType", true, Some(FieldOrigin::Wrapper))
    );
    assert!(d
        .warnings
        .iter()
        .any(|w| w.kind == "response-example-garbled"));
    let set: Vec<&str> = items.children.iter().map(|f| f.name.as_str()).collect();
    assert!(
        set.contains(&"AccessPointId")
            && set.contains(&"EnabledTime")
            && set.contains(&"RedundantPhysicalConnectionId")
            && set.contains(&"Type"),
        "{set:?}"
    );
    assert_eq!(set.len(), 25, "{set:?}");
}

#[test]
fn s003_listed_but_undocumented() {
    let e = seed("003");
    let listed: Vec<(&str, bool)> = e
        .listed_undocumented
        .iter()
        .map(|l| (l.name.as_str(), l.truncated))
        .collect();
    assert!(
        listed.contains(&("DescribeVirtualBorderRoutersFo", true)),
        "{listed:?}"
    );
    assert!(
        listed.contains(&("ModifyVirtualBorderRouterAttrib", true)),
        "{listed:?}"
    );
    assert!(listed.contains(&("ActivateRouterInterface", false)));
    assert!(listed.contains(&("DeletePhysicalConnection", false)));
    assert!(!listed
        .iter()
        .any(|l| l.0.starts_with("ModifyPhysicalConnectionAttrib")
            || l.0 == "CreatePhysicalConnection"));
    assert_eq!(listed.len(), 8 + 6 + 2);
    assert!(
        e.diagnostics
            .iter()
            .filter(|d| d.kind == "truncated-name")
            .count()
            == 2
    );
}
