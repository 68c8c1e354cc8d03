//! Every change kind, from small edits of the seed DOCUMENTS (not of the IR), so the whole
//! chain runs: reader -> extractor -> IR -> diff. Each case states the kinds it must produce,
//! exactly, and snapshots the report lines.

mod diff_common;

use diff_common::{diff_args, diff_docs, edit, kinds, lines, seed, specs_tree};
use specgen::diff::kinds::Kind;
use std::collections::BTreeSet;
use Kind::*;

type Edits = &'static [(&'static str, &'static str)];

/// A side is a list of documents: (seed prefix, edits of that seed).
struct Case {
    name: &'static str,
    old: &'static [(&'static str, Edits)],
    new: &'static [(&'static str, Edits)],
    expect: &'static [Kind],
}

const NONE: Edits = &[];
const SEED_000: &[(&str, Edits)] = &[("000", NONE)];
const SEED_003: &[(&str, Edits)] = &[("003", NONE)];

const CLIENT_TOKEN_ROW: Edits = &[(
    "|RedundantEccId|",
    "|ClientToken|String|否|0c593ea1|客户端Token，用于保证请求的幂等性。\n\n |\n|RedundantEccId|",
)];

const CASES: &[Case] = &[
    Case { name: "operation_added", old: SEED_000, new: &[("000", NONE), ("001", NONE)], expect: &[OperationAdded] },
    Case { name: "operation_removed", old: &[("000", NONE), ("001", NONE)], new: SEED_000, expect: &[OperationRemoved] },
    Case { name: "parameter_added_optional", old: SEED_000, new: &[("000", CLIENT_TOKEN_ROW)], expect: &[ParameterAddedOptional] },
    Case {
        name: "parameter_added_required",
        old: SEED_000,
        new: &[("000", &[("|RedundantEccId|", "|AccessPointId|String|是|ap-cn-hangzhou-xx|接入点ID。\n\n |\n|RedundantEccId|")])],
        expect: &[ParameterAddedRequired],
    },
    Case { name: "parameter_removed", old: SEED_000, new: &[("000", &[("|IdcSP|String|是|CU|IDC的网络服务商。\n\n |\n", "")])], expect: &[ParameterRemoved] },
    Case { name: "parameter_renamed_case_only", old: SEED_000, new: &[("000", &[("|Bandwidth|Integer|", "|BandWidth|Integer|")])], expect: &[ParameterRenamed] },
    Case { name: "parameter_renamed_same_description", old: SEED_000, new: &[("000", &[("|ContactTel|String|", "|ContactPhone|String|")])], expect: &[ParameterRenamed] },
    Case { name: "parameter_type_changed", old: SEED_000, new: &[("000", &[("|Bandwidth|Integer|", "|Bandwidth|Long|")])], expect: &[ParameterTypeChanged] },
    Case { name: "parameter_became_required", old: SEED_000, new: &[("000", &[("|ContactMail|String|否|", "|ContactMail|String|是|")])], expect: &[ParameterBecameRequired] },
    Case { name: "parameter_became_optional", old: SEED_000, new: &[("000", &[("|IdcSP|String|是|", "|IdcSP|String|否|")])], expect: &[ParameterBecameOptional] },
    Case {
        name: "enum_value_added",
        old: SEED_000,
        new: &[("000", &[("-   10GBase-LR：万兆单模光口（10千米）\n", "-   10GBase-LR：万兆单模光口（10千米）\n-   40GBase-LR：四万兆单模光口（10千米）\n")])],
        expect: &[EnumValueAdded, DocsChanged],
    },
    Case { name: "enum_value_removed", old: SEED_000, new: &[("000", &[("-   10GBase-T：万兆电口\n", "")])], expect: &[EnumValueRemoved, DocsChanged] },
    Case { name: "range_narrowed", old: SEED_000, new: &[("000", &[("|10000|40000**", "|10000**")])], expect: &[RangeNarrowed, DocsChanged] },
    Case { name: "range_widened", old: SEED_000, new: &[("000", &[("|10000|40000**", "|10000|40000|100000**")])], expect: &[RangeWidened, DocsChanged] },
    Case { name: "length_narrowed", old: SEED_000, new: &[("000", &[("长度为 2-128个字符", "长度为 2-64个字符")])], expect: &[LengthNarrowed, DocsChanged] },
    Case { name: "length_widened", old: SEED_000, new: &[("000", &[("长度为 2-128个字符", "长度为 1-128个字符")])], expect: &[LengthWidened, DocsChanged] },
    Case { name: "item_limit_narrowed", old: SEED_003, new: &[("003", &[("Maximum value: 50.", "Maximum value: 20.")])], expect: &[ItemLimitNarrowed, DocsChanged] },
    Case { name: "item_limit_widened", old: SEED_003, new: &[("003", &[("Maximum value: 50.", "Maximum value: 100.")])], expect: &[ItemLimitWidened, DocsChanged] },
    Case {
        name: "format_rule_narrowed",
        old: SEED_000,
        new: &[("000", &[("2-128个字符，必须以字母或中文开头", "2-128个字符，必须以字母开头")])],
        expect: &[FormatRuleNarrowed, DocsChanged],
    },
    Case { name: "format_rule_widened", old: SEED_000, new: &[("000", &[("但不能以`http://`或`https://`开头", "但不能以`https://`开头")])], expect: &[FormatRuleWidened, DocsChanged] },
    Case {
        name: "default_changed",
        old: SEED_000,
        new: &[("000", &[("-   1000Base-T（默认值）：千兆电口", "-   1000Base-T：千兆电口"), ("-   100Base-T：百兆电口", "-   100Base-T（默认值）：百兆电口")])],
        expect: &[DefaultChanged, DocsChanged],
    },
    Case {
        name: "response_field_added",
        old: SEED_000,
        new: &[("000", &[("|RequestId|String|C004F022", "|Status|String|Pending|高速上云服务的状态。\n\n |\n|RequestId|String|C004F022")])],
        expect: &[ResponseFieldAdded],
    },
    // Gone from the table and from the examples (a key an example still shows stays generated).
    Case { name: "response_field_removed", old: SEED_000, new: &[("000", &[(r"|EccId|String|ecc-xxx\*\*\*\*\*|新建的高速上云服务实例ID。

 |
", ""), ("    <EccId>ecc-bp1t9osmuln1vxfpt6gy8</EccId>\n", ""), ("\t\"EccId\":\"ecc-bp1t9osmuln1vxfpt6gy8\",\n", "")])], expect: &[ResponseFieldRemoved] },
    Case { name: "response_field_type_changed", old: SEED_000, new: &[("000", &[("|EccId|String|", "|EccId|Long|")])], expect: &[ResponseFieldTypeChanged] },
    Case {
        name: "response_field_moved",
        old: SEED_000,
        new: &[("000", &[
            ("|EccId|String|", "|Connection|Struct| |新建的连接。\n\n |\n|└EccId|String|"),
            ("    <EccId>ecc-bp1t9osmuln1vxfpt6gy8</EccId>", "    <Connection><EccId>ecc-bp1t9osmuln1vxfpt6gy8</EccId></Connection>"),
            ("\t\"EccId\":\"ecc-bp1t9osmuln1vxfpt6gy8\",", "\t\"Connection\":{\"EccId\":\"ecc-bp1t9osmuln1vxfpt6gy8\"},"),
        ])],
        expect: &[ResponseFieldAdded, ResponseFieldMoved],
    },
    // Only the table nests it and no usable example says where it sits: not a real move.
    Case {
        name: "response_field_moved_in_the_table_only",
        old: SEED_000,
        new: &[("000", &[
            ("|EccId|String|", "|Connection|Struct| |新建的连接。\n\n |\n|└EccId|String|"),
            ("<CreateExpressCloudConnectionResponse>", "<OtherResponse>"),
            ("</CreateExpressCloudConnectionResponse>", "</OtherResponse>"),
            ("\t\"EccId\":\"ecc-bp1t9osmuln1vxfpt6gy8\",\n", "\t\"EccId\":\n"),
        ])],
        expect: &[ResponseFieldAdded, DocsChanged],
    },
    Case {
        name: "error_code_added",
        old: SEED_003,
        new: &[("003", &[("400\tForbidden. NotAllowed InState\t", "400\tInvalidRegionId.NotFound\tThe specified region does not exist.\tThe region is not found.\n400\tForbidden. NotAllowed InState\t")])],
        expect: &[ErrorCodeAdded],
    },
    Case {
        name: "error_code_removed",
        old: SEED_003,
        new: &[("003", &[("400\tForbidden. NotAllowed InState\tThe request does not allow in this state.\tThe request cannot be processed because the status of the resource does not permit this action.\n", "")])],
        expect: &[ErrorCodeRemoved],
    },
    Case {
        name: "reading_changed",
        old: SEED_000,
        new: &[("000", &[("取值：**2|4|6|8|10|20|50|100|200|500|1000|10000|40000**", "最大值不超过四万档")])],
        expect: &[ReadingChanged, DocsChanged],
    },
    Case { name: "style_changed", old: SEED_000, new: &[("000", &[("type=RPC&version=2016-04-28", "type=ROA&version=2016-04-28")])], expect: &[StyleChanged] },
    Case { name: "version_changed", old: SEED_000, new: &[("000", &[("type=RPC&version=2016-04-28", "type=RPC&version=2017-01-01")])], expect: &[VersionChanged] },
    Case {
        name: "docs_changed",
        old: SEED_000,
        new: &[("000", &[("申请高速上云服务。\n", "申请一条高速上云服务。\n"), ("|所在城市。", "|所在的城市。"), ("|PeerCity|String|否|杭州|", "|PeerCity|String|否|上海|")])],
        expect: &[DocsChanged],
    },
];

/// Product facts come from product files, not documents: these cases edit
/// `specs/products/Vpc-2016-04-28.yaml` and diff two `specs/` trees built by the pipeline.
struct ProductCase {
    name: &'static str,
    edits: Edits,
    expect: &'static [Kind],
}

const PRODUCT_CASES: &[ProductCase] = &[
    ProductCase {
        name: "http_method_changed",
        edits: &[(
            "  DescribeVpnGatewayAvailableZones: GET\n",
            "  DescribeVpnGatewayAvailableZones: GET\n  CreateExpressCloudConnection: GET\n",
        )],
        expect: &[HttpMethodChanged],
    },
    ProductCase {
        name: "endpoint_changed",
        edits: &[(
            "regional: vpc.{region}.aliyuncs.com",
            "regional: vpc-api.{region}.aliyuncs.com",
        )],
        expect: &[EndpointChanged],
    },
    ProductCase {
        name: "parameter_location_changed",
        edits: &[("parameter_location: query", "parameter_location: form_body")],
        expect: &[ParameterLocationChanged],
    },
    ProductCase {
        name: "idempotency_parameter_changed",
        edits: &[("  default: ClientToken", "  default: Token")],
        expect: &[IdempotencyParameterChanged],
    },
    ProductCase {
        name: "crate_renamed",
        edits: &[(
            "crate_name: alibabacloud-vpc20160428",
            "crate_name: alibabacloud-vpc20160428-next",
        )],
        expect: &[CrateRenamed],
    },
];

fn side(docs: &[(&str, Edits)]) -> Vec<(String, String)> {
    docs.iter()
        .enumerate()
        .map(|(i, (prefix, edits))| (format!("{prefix}_{i}.txt"), edit(&seed(prefix), edits)))
        .collect()
}

#[test]
fn every_change_kind_from_edited_documents() {
    for case in CASES {
        let diff = diff_docs(&side(case.old), &side(case.new));
        assert_eq!(
            kinds(&diff),
            case.expect,
            "{}:\n{}",
            case.name,
            lines(&diff)
        );
        insta::assert_snapshot!(case.name, lines(&diff));
    }
}

#[test]
fn product_fact_changes_from_edited_product_files() {
    for case in PRODUCT_CASES {
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        // The ClientToken row makes the idempotency parameter stated.
        specs_tree(&tmp.path().join("old"), CLIENT_TOKEN_ROW, NONE);
        specs_tree(&tmp.path().join("new"), CLIENT_TOKEN_ROW, case.edits);
        let diff = diff_args(tmp.path(), "old", "new");
        assert_eq!(
            kinds(&diff),
            case.expect,
            "{}:\n{}",
            case.name,
            lines(&diff)
        );
        insta::assert_snapshot!(case.name, lines(&diff));
    }
}

#[test]
fn the_cases_cover_the_whole_catalogue() {
    let covered: BTreeSet<Kind> = CASES
        .iter()
        .flat_map(|c| c.expect)
        .chain(PRODUCT_CASES.iter().flat_map(|c| c.expect))
        .copied()
        .collect();
    let missing: Vec<&str> = Kind::ALL
        .iter()
        .filter(|k| !covered.contains(k))
        .map(|k| k.id())
        .collect();
    assert!(
        missing.is_empty(),
        "change kinds without a test case: {missing:?}"
    );
}

#[test]
fn same_input_on_both_sides_reports_nothing() {
    for prefix in ["000", "001", "002", "003"] {
        let docs = side(&[(prefix, NONE)]);
        let diff = diff_docs(&docs, &docs);
        assert!(diff.changes.is_empty(), "{prefix}:\n{}", lines(&diff));
    }
}

#[test]
fn reordering_rows_and_values_reports_nothing() {
    const CONTACT_MAIL: &str =
        "|ContactMail|String|否|XX@example.com|申请高速上云连接的联系人邮件。\n\n |\n";
    let reordered: Edits = &[
        // Parameter rows: ContactMail after ContactTel.
        (CONTACT_MAIL, ""),
        ("|Description|String|否|", "|ContactMail|String|否|XX@example.com|申请高速上云连接的联系人邮件。\n\n |\n|Description|String|否|"),
        // Valid values: 10GBase-T after 10GBase-LR.
        ("-   10GBase-T：万兆电口\n", ""),
        ("-   10GBase-LR：万兆单模光口（10千米）\n", "-   10GBase-LR：万兆单模光口（10千米）\n-   10GBase-T：万兆电口\n"),
        // Response rows.
        ("|RequestId|String|C004F022-1CC2-4958-9937-675513A2CD7E|请求ID。\n\n |\n", ""),
        ("|EccId|String|", "|RequestId|String|C004F022-1CC2-4958-9937-675513A2CD7E|请求ID。\n\n |\n|EccId|String|"),
    ];
    let diff = diff_docs(&side(SEED_000), &side(&[("000", reordered)]));
    assert!(diff.changes.is_empty(), "{}", lines(&diff));
    let errors_swapped: Edits = &[
        ("404\tInvalidPhy sicalConne ctionId. NotFound\tThe PhysicalConnectionId provided does not exist in our records.\t1 1\n", ""),
        ("Forbidden. NotAllowed InState\tThe request does not allow in this state.\tThe request cannot be processed because the status of the resource does not permit this action.\n", "Forbidden. NotAllowed InState\tThe request does not allow in this state.\tThe request cannot be processed because the status of the resource does not permit this action.\n404\tInvalidPhy sicalConne ctionId. NotFound\tThe PhysicalConnectionId provided does not exist in our records.\t1 1\n"),
    ];
    let diff = diff_docs(&side(SEED_003), &side(&[("003", errors_swapped)]));
    assert!(diff.changes.is_empty(), "{}", lines(&diff));
}

#[test]
fn reflowing_prose_reports_nothing() {
    let reflowed: Edits = &[
        // A soft line break inside the summary paragraph.
        (
            "调用CreateExpressCloudConnection申请高速上云服务。",
            "调用CreateExpressCloudConnection\n申请高速上云服务。",
        ),
        // A cell's text re-wrapped over two lines.
        ("|本地数据中心的地理位置。", "|本地数据中心的\n 地理位置。"),
        (
            "物理专线接入端口类型，取值：",
            "物理专线接入端口类型，\n 取值：",
        ),
    ];
    let diff = diff_docs(&side(SEED_000), &side(&[("000", reflowed)]));
    assert!(diff.changes.is_empty(), "{}", lines(&diff));
}
