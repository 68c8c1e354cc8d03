//! The rule cases from the seeds and the corpus, each asserting the exact constraints.

use super::{parse_rules, RuleInput, RuleOutput};
use crate::diag::Span;
use crate::ir::{CharClass, Constraint};

fn parse(name: &str, doc_type: &str, text: &str) -> RuleOutput {
    parse_rules(&RuleInput {
        name,
        doc_type,
        text,
        span: &Span::new("doc.md", 7),
    })
}

fn classes(c: &[CharClass]) -> String {
    c.iter()
        .map(|c| match c {
            CharClass::Letter => "letter".to_string(),
            CharClass::Chinese => "chinese".to_string(),
            CharClass::Digit => "digit".to_string(),
            CharClass::Ascii => "ascii".to_string(),
            CharClass::Char(c) => c.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A compact, exact rendering of a constraint (sentences are checked separately).
fn show(c: &Constraint) -> String {
    let bound = |b: &Option<u64>| b.map_or(String::new(), |n| n.to_string());
    match c {
        Constraint::Enum { values, .. } => {
            let v: Vec<String> = values
                .iter()
                .map(|v| format!("{}{}", v.value, if v.default { "*" } else { "" }))
                .collect();
            format!("enum {}", v.join("|"))
        }
        Constraint::Range {
            ranges, excluded, ..
        } => {
            let r: Vec<String> = ranges
                .iter()
                .map(|r| {
                    if r.min == r.max {
                        r.min.to_string()
                    } else {
                        format!("{}..{}", r.min, r.max)
                    }
                })
                .collect();
            let ex = if excluded.is_empty() {
                String::new()
            } else {
                format!(" except {excluded:?}")
            };
            format!("range {}{ex}", r.join(", "))
        }
        Constraint::Length { min, max, .. } => format!("length {}..{}", bound(min), bound(max)),
        Constraint::Charset { allowed, .. } => format!("charset {}", classes(allowed)),
        Constraint::FirstChar { allowed, .. } => format!("first {}", classes(allowed)),
        Constraint::ForbiddenPrefix { values, .. } => format!("no-prefix {}", values.join(" ")),
        Constraint::ForbiddenSubstring { values, .. } => {
            format!("no-substring {}", values.join(" "))
        }
        Constraint::MaxItems { max, level, .. } => format!("max-items {max} level {level}"),
        Constraint::PageSize { max, .. } => format!("page-size {max}"),
    }
}

/// Constraints shown compactly; asserts every rule-like sentence was understood.
fn rules(name: &str, doc_type: &str, text: &str) -> Vec<String> {
    let out = parse(name, doc_type, text);
    assert_eq!(
        out.understood, out.rule_sentences,
        "not all understood: {:#?}",
        out.diagnostics
    );
    out.constraints.iter().map(show).collect()
}

fn default_of(name: &str, doc_type: &str, text: &str) -> Option<String> {
    parse(name, doc_type, text).default
}

#[test]
fn enum_from_bullets_with_meanings() {
    let text = "The payer for the hosted connection. Valid values:\n- PayByPhysicalConnectionOwner: The partner pays for the hosted connection.\n- PayByVirtualPhysicalConnectionOwner: The tenant pays for the hosted connection.";
    let out = parse("OrderMode", "String", text);
    assert_eq!(
        out.constraints.iter().map(show).collect::<Vec<_>>(),
        ["enum PayByPhysicalConnectionOwner|PayByVirtualPhysicalConnectionOwner"]
    );
    let Some(Constraint::Enum {
        values,
        sentence,
        source,
        ..
    }) = out.constraints.first()
    else {
        panic!("no enum")
    };
    assert_eq!(
        values[0].description,
        "The partner pays for the hosted connection."
    );
    assert_eq!(sentence, "Valid values:\n- PayByPhysicalConnectionOwner: The partner pays for the hosted connection.\n- PayByVirtualPhysicalConnectionOwner: The tenant pays for the hosted connection.");
    assert_eq!(source, &Span::new("doc.md", 7));
    assert_eq!((out.rule_sentences, out.understood), (1, 1));
}

#[test]
fn chinese_enum_with_default_marker() {
    let text =
        "物理专线接入端口类型，取值：\n-   100Base-T：百兆电口\n-   1000Base-T（默认值）：千兆电口";
    let out = parse("PortType", "String", text);
    assert_eq!(
        out.constraints.iter().map(show).collect::<Vec<_>>(),
        ["enum 100Base-T|1000Base-T*"]
    );
    let Some(Constraint::Enum { values, .. }) = out.constraints.first() else {
        panic!("no enum")
    };
    assert_eq!(values[1].description, "千兆电口");
    assert_eq!(out.default.as_deref(), Some("1000Base-T"));
}

#[test]
fn boolean_enums_and_their_defaults() {
    let dry = "Specifies whether to perform a dry run. Valid values:\n- true: performs a dry run without creating the instance.\n- false: sends the request. If the request passes the check, the instance is created. This is the default value.";
    // A Boolean's values are its type: no one-of rule (a list read partially, `true`
    // alone, rejected `false`), the default is kept.
    assert!(rules("DryRun", "Boolean", dry).is_empty());
    assert_eq!(
        default_of("DryRun", "Boolean", dry).as_deref(),
        Some("false")
    );
    let dry =
        "Valid values:\n- true: performs a dry run.\n- false (default): sends a normal request.";
    assert!(rules("DryRun", "Boolean", dry).is_empty());
    // Corpus (zh-CN/Vpc): values as bare paragraphs after the intro.
    let bfd = "是否开启BFD功能。取值：\ntrue：开启BFD功能。\nfalse（默认值）：不开启BFD功能。";
    assert!(rules("EnableBfd", "Boolean", bfd).is_empty());
    assert_eq!(
        default_of("EnableBfd", "Boolean", bfd).as_deref(),
        Some("false")
    );
}

fn status(name: &str, doc_type: &str, text: &str) -> Vec<(String, bool)> {
    parse(name, doc_type, text)
        .constraints
        .iter()
        .map(|c| (show(c), c.status().incomplete.is_none()))
        .collect()
}

#[test]
fn values_as_bare_paragraphs_are_read_whole() {
    // Every paragraph after the intro is a value, not only the first.
    let text = "实例的付费方式。取值：\nPOSTPAY（默认值）：按量付费。\nPREPAY：包年包月。";
    assert_eq!(
        rules("InstanceChargeType", "String", text),
        ["enum POSTPAY*|PREPAY"]
    );
    let text = "The billing method. Valid values:\nPOSTPAY (default): pay-as-you-go.\nPREPAY: subscription.";
    assert_eq!(
        rules("InstanceChargeType", "String", text),
        ["enum POSTPAY*|PREPAY"]
    );
    // A list marker glued on by the lead-in (`Valid values: - false`, DescribeVpcAttribute).
    assert_eq!(
        rules("Mode", "String", "Valid values: - POSTPAY"),
        ["enum POSTPAY"]
    );
}

#[test]
fn a_note_ends_the_value_list() {
    // Corpus (zh-CN/Ga, CreateEndpointGroup): the items after `说明：` are the note's text.
    let text = "后端服务协议。取值：\n- HTTP（默认值）\n- HTTPS\n- 说明：\n- 仅为HTTP或HTTPS协议的监听实例创建终端节点组时才支持配置该项。\n- 对于HTTP协议的监听实例，后端服务协议支持且仅支持HTTP。";
    assert_eq!(
        rules("EndpointRequestProtocol", "String", text),
        ["enum HTTP*|HTTPS"]
    );
}

#[test]
fn values_glued_to_their_gloss_and_lead_ins() {
    assert_eq!(
        rules(
            "InstanceType",
            "String",
            "实例类型。取值：PHYSICALCONNECTION 物理专线"
        ),
        ["enum PHYSICALCONNECTION"]
    );
    assert_eq!(
        rules("InstanceType", "String", "取值：VBR边界路由器"),
        ["enum VBR"]
    );
    // `取值如下：` introduces the list; it is not the value `如下`.
    assert_eq!(
        rules(
            "Type",
            "String",
            "类型，取值如下：\n- VPC：专有网络\n- VBR：边界路由器"
        ),
        ["enum VPC|VBR"]
    );
    // A range with units is not a one-value enum; `可以为空` is not a value.
    assert!(parse("Duration", "String", "取值范围：1d~49d。")
        .constraints
        .is_empty());
    assert!(parse("Description", "String", "取值可以为空。")
        .constraints
        .is_empty());
}

#[test]
fn members_of_a_json_document_are_not_rules_of_the_string() {
    // Corpus zh-CN/Vpc/CreateVpnConnection.md and its en-US twin (IkeConfig).
    let zh = "第一阶段协商的配置信息：\n- **Psk**：用于IPsec VPN网关与用户网关之间的身份认证。长度限制为100个字符。\n- **IkeVersion**：IKE协议的版本。取值：**ikev1**或**ikev2**，默认值：**ikev1**。\n- **IkeMode**：IKE V1版本的协商模式。取值：**main**或**aggressive**，默认值：**main**。";
    assert!(rules("IkeConfig", "String", zh).is_empty());
    assert_eq!(default_of("IkeConfig", "String", zh), None);
    let en = "The configurations of phase one negotiation:\n- **IkeConfig.Psk**: Used for authentication between the IPsec VPN Gateway and the customer gateway. This parameter can contain up to 100 characters.\n- **IkeConfig.IkeVersion**: The version of the IKE protocol. Valid values: **Ikev1**|**Ikev2**. Default value: **Ikev1**.";
    assert!(rules("IkeConfig", "String", en).is_empty());
    // Filter keys whose items each list the values of one filter (Cbn DescribeCenBandwidthPackages).
    let keys = "The filter key. Valid values:\n- CenId: the ID of the CEN instance.\n- Status: the status. Valid values: Idle, InUse.";
    // The key list itself is then reported as not understood rather than guessed.
    assert!(parse("Filter.N.Key", "String", keys).constraints.is_empty());
}

#[test]
fn can_contain_is_not_exhaustive_only_can_contain_only_is() {
    // Corpus (en-US/Cbn CreateCenBandwidthPackage, zh-CN the same page).
    let en = "The name must be 2 to 128 characters in length and can contain letters, numbers, periods (.), underscores (_), and hyphens (-).";
    let zh =
        "名称长度为2~128个字符，以大小写字母或中文开头，可包含数字、下划线（\\_）和短划线（-）。";
    for (text, first) in [(en, None), (zh, Some("first letter chinese"))] {
        let got = status("Name", "String", text);
        assert_eq!(got[0], ("length 2..128".to_string(), true));
        let charset = got.iter().find(|(r, _)| r.starts_with("charset")).unwrap();
        assert!(!charset.1, "{text}: a `can contain` charset is incomplete");
        if let Some(first) = first {
            assert!(got.iter().any(|(r, done)| r == first && *done));
        }
    }
    let only = status(
        "Name",
        "String",
        "The name can contain only letters and digits.",
    );
    assert_eq!(only, [("charset letter digit".to_string(), true)]);
    let only = status("Name", "String", "只能包含字母和数字。");
    assert_eq!(only, [("charset letter digit".to_string(), true)]);
}

#[test]
fn index_counts_from_ranges_of_n() {
    // `N的取值范围：1~20` allows 20 items, `0~29` 30; `其中N最大取值为10` is a count too.
    assert_eq!(
        rules(
            "TagKey.N",
            "RepeatList",
            "资源的标签值。N的取值范围：**1**~**20**。"
        ),
        ["max-items 20 level 0"]
    );
    assert_eq!(
        rules("Ip.N", "RepeatList", "N的取值为0~29。"),
        ["max-items 30 level 0"]
    );
    assert_eq!(
        rules("Ip.N", "RepeatList", "其中N最大取值为10。"),
        ["max-items 10 level 0"]
    );
    assert_eq!(
        rules("Tag.N.Key", "String", "The valid values of N are 0 to 29."),
        ["max-items 30 level 0"]
    );
}

#[test]
fn the_action_row_carries_no_rules_once_the_operation_is_named() {
    // The rule parser still reads the name from it (see `single_values`); `extract` clears it.
    assert_eq!(
        rules(
            "Action",
            "String",
            "要执行的操作。取值：**CreateExpressCloudConnection**。"
        ),
        ["enum CreateExpressCloudConnection"]
    );
}

#[test]
fn run_together_lists_from_pdf_text() {
    let carriers = "The carrier. Valid values: CT: China Telecom CU: China Unicom CM: China Mobile CO: Others in China Equinix: Equinix Other: Others outside China";
    assert_eq!(
        rules("LineOperator", "String", carriers),
        ["enum CT|CU|CM|CO|Equinix|Other"]
    );
    let status = "The status. Valid values: Initial: The physical connection has been applied for and is under review by Alibaba Cloud. Approved: The application is approved. Canceled: The application is canceled. Allocation Failed: Failed to allocate resources. Terminated: The physical connection is terminated.";
    let out = parse("Status", "String", status);
    assert_eq!(
        out.constraints.iter().map(show).collect::<Vec<_>>(),
        ["enum Initial|Approved|Canceled|Allocation Failed|Terminated"]
    );
    assert_eq!(out.understood, 1);
    assert!(out
        .diagnostics
        .iter()
        .any(|d| d.kind == "unsure-enum-value" && d.message.contains("Allocation Failed")));
    let ports = "The port type. Valid values: · 100Base-T : 100 Mbps electrical port · 1000Base-T (default): 1 Gbps electrical port";
    assert_eq!(
        rules("PortType", "String", ports),
        ["enum 100Base-T|1000Base-T*"]
    );
}

#[test]
fn inline_value_lists() {
    let spec = "The bandwidth value of the hosted connection.\nValid values: 50M, 100M, 200M, 300M, 400M, 500M, 1G, 2G, 5G, 8G, and 10G.\nNote By default, 2G, 5G, 8G, and 10G are unavailable.";
    assert_eq!(
        rules("Spec", "String", spec),
        ["enum 50M|100M|200M|300M|400M|500M|1G|2G|5G|8G|10G"]
    );
    let bw =
        "高速上云连接的带宽， 单位Mbps。\n取值：**2|4|6|8|10|20|50|100|200|500|1000|10000|40000**";
    assert_eq!(
        rules("Bandwidth", "Integer", bw),
        ["range 2, 4, 6, 8, 10, 20, 50, 100, 200, 500, 1000, 10000, 40000"]
    );
    assert_eq!(rules("Bandwidth", "String", "取值：2|4|6"), ["enum 2|4|6"]);
    assert_eq!(
        rules(
            "Mode",
            "String",
            "Valid values: main (main mode) | aggressive (aggressive mode)."
        ),
        ["enum main|aggressive"]
    );
}

#[test]
fn single_values() {
    assert_eq!(
        rules("Action", "String", "The operation that you want to perform. Set the value to CreateVirtualPhysicalConnection."),
        ["enum CreateVirtualPhysicalConnection"]
    );
    assert_eq!(
        rules(
            "Action",
            "String",
            "要执行的操作。\n取值：**CreateExpressCloudConnection**。"
        ),
        ["enum CreateExpressCloudConnection"]
    );
    assert_eq!(
        rules(
            "Action",
            "String",
            "The action to perform. Valid value: CreatePhysicalConnection"
        ),
        ["enum CreatePhysicalConnection"]
    );
    assert_eq!(
        rules(
            "Action",
            "String",
            "The name of this action. Value:\nDescribeVpcs"
        ),
        ["enum DescribeVpcs"]
    );
    assert_eq!(
        rules(
            "RegionId",
            "String",
            "全球加速实例所在的地域ID，仅取值cn-hangzhou。"
        ),
        ["enum cn-hangzhou"]
    );
}

#[test]
fn numeric_ranges() {
    assert_eq!(
        rules("VlanId", "Long", "The VLAN ID. Valid values: 0 to 2999."),
        ["range 0..2999"]
    );
    let asn = "The ASN. Valid values: 45104 (default), 64512 to 65534, and 4200000000 to 4294967294. The ASN 65025 is reserved for use by Alibaba Cloud.";
    let out = parse("AlibabaSideAsn", "Long", asn);
    assert_eq!(
        out.constraints.iter().map(show).collect::<Vec<_>>(),
        ["range 45104, 64512..65534, 4200000000..4294967294 except [65025]"]
    );
    assert_eq!(out.constraints[0].sentence(), "Valid values: 45104 (default), 64512 to 65534, and 4200000000 to 4294967294. The ASN 65025 is reserved for use by Alibaba Cloud.");
    assert_eq!(out.default.as_deref(), Some("45104"));
    assert_eq!((out.rule_sentences, out.understood), (2, 2));
    let bw = "The bandwidth in Mbps of the physical connection. The default value is 100 and the valid value is [2, 10240].";
    assert_eq!(rules("BandWidth", "String", bw), ["range 2..10240"]);
    assert_eq!(
        default_of("BandWidth", "String", bw).as_deref(),
        Some("100")
    );
    assert_eq!(
        rules(
            "Bandwidth",
            "String",
            "The bandwidth. Value range: 2 to 10240."
        ),
        ["range 2..10240"]
    );
    assert_eq!(
        rules(
            "Bandwidth",
            "Integer",
            "Value range: 5 to 5000. Unit: Mbit/s"
        ),
        ["range 5..5000"]
    );
    assert_eq!(
        rules("Priority", "Integer", "优先级，取值范围：1~100"),
        ["range 1..100"]
    );
    assert_eq!(
        rules("Bandwidth", "Integer", "带宽，取值范围为 2-10240"),
        ["range 2..10240"]
    );
    assert_eq!(
        rules("Period", "Integer", "取值范围：-1或1~100。"),
        ["range -1, 1..100"]
    );
}

#[test]
fn defaults() {
    assert_eq!(
        default_of(
            "PageNumber",
            "Integer",
            "Optional. The page number. Default value: 1."
        )
        .as_deref(),
        Some("1")
    );
    assert_eq!(
        default_of("Type", "String", "The type. Default value: **VPC**").as_deref(),
        Some("VPC")
    );
    assert_eq!(
        default_of("PageSize", "Integer", "每页行数。默认值：10").as_deref(),
        Some("10")
    );
    assert_eq!(
        default_of(
            "CidrBlock",
            "String",
            "The CIDR block:\n- 10.0.0.0/8\n- 172.16.0.0/12 (default)"
        )
        .as_deref(),
        Some("172.16.0.0/12")
    );
    let out = parse("PageNumber", "Integer", "Default value: 1.");
    assert!(out.constraints.is_empty());
    assert_eq!((out.rule_sentences, out.understood), (1, 1));
}

#[test]
fn page_size() {
    let text = "Optional. The number of rows per page. Maximum value: 50. Default value: 10.";
    assert_eq!(rules("PageSize", "Integer", text), ["page-size 50"]);
    assert_eq!(
        default_of("PageSize", "Integer", text).as_deref(),
        Some("10")
    );
    assert_eq!(
        rules(
            "PageSize",
            "Integer",
            "分页查询时每页的行数，最大值：50，默认值：10。"
        ),
        ["page-size 50"]
    );
    assert_eq!(
        rules(
            "PageSize",
            "Integer",
            "分页大小，取值范围：1~100，默认为10。"
        ),
        ["page-size 100"]
    );
}

#[test]
fn item_counts() {
    assert_eq!(
        rules(
            "Tag.N.Key",
            "String",
            "The tag key. You can specify at most 20 tag keys."
        ),
        ["max-items 20 level 0"]
    );
    assert_eq!(
        rules("Tag.N.Value", "String", "You can add up to 20 tags."),
        ["max-items 20 level 0"]
    );
    assert_eq!(
        rules(
            "Filter.N.Key",
            "String",
            "Optional. The filter conditions. Value range of N: 1 to 5."
        ),
        ["max-items 5 level 0"]
    );
    assert_eq!(
        rules(
            "Filter.N.Value.N",
            "RepeatList",
            "Optional. Values of filter conditions. Value range of N: 1 to 5."
        ),
        ["max-items 5 level 1"]
    );
    assert_eq!(
        rules("Tag.N.Key", "String", "标签键，N的取值范围：1~20。"),
        ["max-items 20 level 0"]
    );
    assert_eq!(
        rules("Tag", "array<object>", "标签列表，最多支持20个。"),
        ["max-items 20 level 0"]
    );
    let out = parse("Name", "String", "You can add up to 20 tags.");
    assert_eq!(
        (out.constraints.len(), out.rule_sentences, out.understood),
        (0, 1, 0)
    );
}

#[test]
fn lengths() {
    let cases: &[(&str, &[&str])] = &[
        ("The name must be 2 to 128 characters in length.", &["length 2..128"]),
        ("长度为 2-128个字符。", &["length 2..128"]),
        ("The value can be up to 64 characters in length.", &["length ..64"]),
        ("The description cannot exceed 128 characters.", &["length ..128"]),
        ("The name can be empty or 0 to 128 characters in length.", &["length 0..128"]),
        ("The maximum length is 64 ASCII characters.", &["length ..64", "charset ascii"]),
        ("It must be 1 to 64 ASCII characters in length.", &["length 1..64", "charset ascii"]),
        ("The name must be 2 and 128 characters in length.", &["length 2..128"]),
        ("The description can contain 2-256 characters.", &["length 2..256"]),
        (
            "The name can contain from 2 to 128 characters including a-z, A-Z, 0-9, dots, underscores, and hyphens.",
            &["length 2..128", "charset letter digit - . _"],
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(rules("Name", "String", text), *expected, "{text}");
    }
}

#[test]
fn first_characters() {
    let cases: &[(&str, &str)] = &[
        ("The name must start with a letter.", "first letter"),
        (
            "The name must start with an English letter.",
            "first letter",
        ),
        (
            "The name must start with a letter or a Chinese character.",
            "first letter chinese",
        ),
        ("必须以字母或中文开头。", "first letter chinese"),
        ("名称以大小写字母或中文开头。", "first letter chinese"),
    ];
    for (text, expected) in cases {
        assert_eq!(rules("Name", "String", text), [*expected], "{text}");
    }
}

#[test]
fn character_sets_include_the_first_character_classes() {
    assert_eq!(
        rules("Name", "String", "The name must be 2 to 128 characters in length, and can contain letters, digits, underscores (_), and hyphens (-). The name must start with a letter but cannot start with http:// or https://."),
        ["length 2..128", "charset letter digit - _", "first letter", "no-prefix http:// https://"]
    );
    assert_eq!(
        rules("Name", "String", "长度为 2-128个字符，必须以字母或中文开头，可包含数字，点号（.），下划线（_）和短横线（-）。但不能以`http://` 或`https://`开头。"),
        ["length 2..128", "charset letter chinese digit - . _", "first letter chinese", "no-prefix http:// https://"]
    );
    assert_eq!(
        rules(
            "Token",
            "String",
            "The token can contain only ASCII characters."
        ),
        ["charset ascii"]
    );
    assert_eq!(
        rules("Remark", "String", "可包含数字，\"_\"或\"-\"。"),
        ["charset digit - _"]
    );
}

#[test]
fn forbidden_prefixes_and_substrings() {
    let cases: &[(&str, &str)] = &[
        (
            "It cannot start with http:// or https://.",
            "no-prefix http:// https://",
        ),
        (
            "不能以`http://`或`https://`开头。",
            "no-prefix http:// https://",
        ),
        (
            "The name but cannot start with http://or https://.",
            "no-prefix http:// https://",
        ),
        (
            "The key cannot start with aliyun or acs:.",
            "no-prefix aliyun acs:",
        ),
        ("The value cannot start with acs:.", "no-prefix acs:"),
        (
            "The key cannot contain http:// or https://.",
            "no-substring http:// https://",
        ),
        (
            "不能包含http://或https://。",
            "no-substring http:// https://",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(rules("Key", "String", text), [*expected], "{text}");
    }
    assert_eq!(
        rules("Tag.N.Key", "String", "The key can be up to 128 characters in length and cannot start with aliyun or acs:. It cannot contain http:// or https://."),
        ["length ..128", "no-prefix aliyun acs:", "no-substring http:// https://"]
    );
}

#[test]
fn unparsed_rules_are_counted_and_reported() {
    let out = parse(
        "Name",
        "String",
        "The ID of the name. The name must follow the naming rules in the valid range table.",
    );
    assert_eq!((out.rule_sentences, out.understood), (1, 0));
    let [d] = out.diagnostics.as_slice() else {
        panic!("expected one diagnostic: {:?}", out.diagnostics)
    };
    assert_eq!(d.kind, "unparsed-rule");
    assert_eq!(d.span, Span::new("doc.md", 7));
    assert!(d
        .message
        .contains("The name must follow the naming rules in the valid range table."));
    let out = parse(
        "Bandwidth",
        "Integer",
        "Valid values: whatever the plan allows.",
    );
    assert_eq!(
        (out.rule_sentences, out.understood, out.constraints.len()),
        (1, 0, 0)
    );
}

#[test]
fn sentences_that_are_not_value_rules_are_not_counted() {
    let out = parse(
        "RedundantPhysicalConnectionId",
        "String",
        "The ID of the redundant physical connection. The redundant physical connection must be in the Allocated, Confirmed, or Enabled status.",
    );
    assert_eq!(
        (
            out.rule_sentences,
            out.constraints.len(),
            out.diagnostics.len()
        ),
        (0, 0, 0)
    );
}

#[test]
fn bad_input_never_panics() {
    for text in [
        "",
        "-",
        "- ",
        ":",
        "Valid values:",
        "取值：",
        "Valid values: : :",
        "长度为 99999999999999999999-1个字符",
        "\u{0}\u{ffff}",
    ] {
        let _ = parse("Tag.N.Key", "Integer", text);
    }
}

#[test]
fn bracketed_numbers_and_spelling_variants() {
    assert_eq!(
        rules(
            "InstanceId.N",
            "RepeatList",
            "The valid value of n is [1, 20]."
        ),
        ["max-items 20 level 0"]
    );
    assert_eq!(
        rules("InstanceId.N", "RepeatList", "n的取值范围为[1，20]。"),
        ["max-items 20 level 0"]
    );
    assert_eq!(
        rules("Period", "Integer", "取值：[60, 600, 3600]。"),
        ["range 60, 600, 3600"]
    );
    assert_eq!(
        rules("Name", "String", "The name can contain 2 to 128 characters including a-z, A-Z, 0-9, underlines, and hyphens."),
        ["length 2..128", "charset letter digit - _"]
    );
}

#[test]
fn a_bound_stated_twice_differently_is_not_enforced() {
    // Corpus AllocateEipAddress (ISP), as the reader gives the cell (emphasis already plain):
    // the value list goes on after the paragraph explaining BGP, and the note names other
    // values to set, so the list is kept but not enforced, in both languages.
    let en = "The line type. You can set this parameter only when you create a pay-as-you-go EIP. Valid values:\n- BGP: BGP (Multi-ISP) lines.\nUp to 89 high-quality BGP lines are available worldwide.\n- BGP_PRO: BGP (Multi-ISP) Pro lines.\nBGP (Multi-ISP) lines are supported in all regions.\nNote: If your account is included in the BGP (single line) whitelist, you can set the ISP field to ChinaTelecom,ChinaUnicom, or ChinaMobile. If your workloads are deployed in China East 1 Finance. Set the value to BGP_FinanceCloud.";
    let zh = "线路类型，目前只支持在创建按量付费实例时指定线路类型，取值：\n- BGP：BGP（多线）线路。\nBGP（多线）线路在全球有多达89条优质BGP线路。\n- BGP_PRO：BGP（多线）精品线路。\n目前，全部地域都支持BGP（多线）线路EIP。\n说明： 如果是开通了单线带宽白名单的用户，ISP字段可以设置为ChinaTelecom（中国电信）、ChinaUnicom（中国联通）和ChinaMobile（中国移动）；如果是杭州金融云用户，该字段必填，取值：BGP_FinanceCloud。";
    for text in [en, zh] {
        let got = status("ISP", "String", text);
        assert!(got.iter().any(|(r, _)| r == "enum BGP|BGP_PRO"), "{got:?}");
        assert!(got.iter().all(|(_, complete)| !complete), "{got:?}");
    }
    // A condition on another parameter names no value of this one (zh AllocateEipAddress).
    let cond = "EIP的计量方式，取值：\n- PayByBandwidth（默认值）：按带宽计费。\n- PayByTraffic：按流量计费。\n当InstanceChargeType取值为PrePaid时，InternetChargeType必须取值PayByBandwidth。";
    assert_eq!(
        status("InternetChargeType", "String", cond),
        [("enum PayByBandwidth*|PayByTraffic".to_string(), true)]
    );
    // Two ranges of one number, in one description.
    let out = parse("Bandwidth", "Integer", "取值范围：1~100。取值范围：1~50。");
    assert_eq!(out.constraints.len(), 2);
    assert!(out
        .constraints
        .iter()
        .all(|c| c.status().incomplete.is_some()));
    assert!(out
        .diagnostics
        .iter()
        .any(|d| d.kind == "conflicting-rule" && d.message.contains("`Bandwidth`")));
    // The same bound said twice is one rule, enforced.
    let out = parse(
        "Bandwidth",
        "Integer",
        "取值范围：1~100。Valid values: 1 to 100.",
    );
    assert!(!out.constraints.is_empty());
    assert!(out
        .constraints
        .iter()
        .all(|c| c.status().incomplete.is_none()));
    assert!(out.diagnostics.is_empty());
}
