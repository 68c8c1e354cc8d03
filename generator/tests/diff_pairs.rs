//! Document pairs made the way real reference pages change: typo fixes, lead-ins added,
//! value lists reformatted, ranges reworded, rows reordered, the `Action` row edited, repeated
//! rows, and real changes hidden among wording changes. Each pair states every finding it
//! must produce beyond `docs-changed` (kind and subject, exactly), and how many diagnostics
//! the comparison itself reports. A pair of wording changes only never reports a breaking change.

mod diff_common;

use diff_common::{diff_docs, edit, lines};
use specgen::diff::kinds::{Kind, Severity};
use Kind::*;

type Edits = &'static [(&'static str, &'static str)];

struct Pair {
    name: &'static str,
    /// A page under `tests/fixtures/diff_pairs/`.
    page: &'static str,
    edits: Edits,
    /// Findings other than `docs-changed`; empty for a wording-only pair.
    expect: &'static [(Kind, &'static str)],
    diagnostics: usize,
}

const VBR: &str = "en/CreateVirtualBorderRouter.md";
const PC: &str = "en/CreatePhysicalConnection.md";
const BGP: &str = "en/CreateBgpGroup.md";
const BGP_ZH: &str = "zh/CreateBgpGroup.md";

const VBR_TYPOS: Edits = &[
    (
        "|The ID of the physical connection.",
        "|The ID of teh physical connection.",
    ),
    (
        "The account ID of the VBR owner.",
        "The acount ID of the VBR owner.",
    ),
];

const PAIRS: &[Pair] = &[
    // Typo fixes and rewordings.
    Pair { name: "typo_in_descriptions", page: VBR, edits: VBR_TYPOS, expect: &[], diagnostics: 0 },
    Pair { name: "typo_in_response_description", page: VBR, edits: &[("|The ID of the VBR.", "|The ID of the VBR that was created.")], expect: &[], diagnostics: 0 },
    Pair { name: "typo_in_error_message", page: PC, edits: &[("invalid physical connection banwidth.", "invalid physical connection bandwidth.")], expect: &[], diagnostics: 0 },
    Pair { name: "length_typo_and_to", page: VBR, edits: &[("The name must be 2 and 128 characters in length", "The name must be 2 to 128 characters in length")], expect: &[], diagnostics: 0 },
    Pair { name: "summary_reworded", page: VBR, edits: &[("Creates a Virtual Border Router \\(VBR\\).", "Creates a virtual border router \\(VBR\\) for a physical connection.")], expect: &[], diagnostics: 0 },
    Pair { name: "peer_asn_typo", page: BGP, edits: &[("It can 2 bytes or 4 bytes in length", "It can be 2 bytes or 4 bytes in length")], expect: &[], diagnostics: 0 },
    Pair { name: "zh_typo", page: BGP_ZH, edits: &[("BGP组的认证密钥。", "BGP组的认证秘钥。")], expect: &[], diagnostics: 0 },
    // Ranges and lengths reworded.
    Pair { name: "range_lead_in_reworded", page: VBR, edits: &[("Value range: 1 to 2999", "Valid values: 1 to 2999.")], expect: &[], diagnostics: 0 },
    Pair { name: "range_as_interval", page: VBR, edits: &[("Value range: 1 to 2999", "Value range: [1, 2999]")], expect: &[], diagnostics: 0 },
    Pair { name: "range_between", page: PC, edits: &[("Value range: 5 to 5000.", "Valid values: 5 to 5000.")], expect: &[], diagnostics: 0 },
    Pair { name: "length_cannot_exceed", page: VBR, edits: &[("It can be 1 to 64 ASCII characters in length.", "It cannot exceed 64 ASCII characters.")], expect: &[], diagnostics: 0 },
    Pair { name: "length_up_to_reworded", page: PC, edits: &[("It can contain up to 64 ASCII characters.", "It can be 1 to 64 ASCII characters in length.")], expect: &[], diagnostics: 0 },
    Pair { name: "zh_length_tilde", page: BGP_ZH, edits: &[("BGP组的描述信息。 长度为 2-256个字符", "BGP组的描述信息。 长度为2~256个字符")], expect: &[], diagnostics: 0 },
    // Lists: lead-ins, reformatting, order, default markers.
    Pair { name: "value_lead_in_reworded", page: PC, edits: &[("The service provider that provides the leased line. Valid values:", "The service provider that provides the leased line. Valid values include:")], expect: &[(ReadingChanged, "parameter `LineOperator`")], diagnostics: 0 },
    Pair { name: "value_list_reordered", page: PC, edits: &[("-   CT: China Telecom\n-   CU: China Unicom\n", "-   CU: China Unicom\n-   CT: China Telecom\n")], expect: &[], diagnostics: 0 },
    Pair {
        name: "value_list_from_paragraphs",
        page: PC,
        edits: &[("-   CT: China Telecom\n-   CU: China Unicom\n-   CM: China Mobile\n-   CO: Other service providers in Mainland China\n-   Equinix: Equinix\n-   Other: Other service providers outside Mainland China", "CT: China Telecom\n\n CU: China Unicom\n\n CM: China Mobile\n\n CO: Other service providers in Mainland China\n\n Equinix: Equinix\n\n Other: Other service providers outside Mainland China")],
        // Values as bare paragraphs are read whole (issue 13), so both sides have one list.
        expect: &[],
        diagnostics: 0,
    },
    Pair { name: "default_marker_to_sentence", page: PC, edits: &[("-   1000Base-T \\(default value\\): 1 Gigabit electrical ports", "-   1000Base-T: 1 Gigabit electrical ports"), ("-   10GBase-LR: 10G single-mode optical ports \\(10 km\\)\n", "-   10GBase-LR: 10G single-mode optical ports \\(10 km\\)\n\n Default value: 1000Base-T.\n")], expect: &[], diagnostics: 0 },
    Pair { name: "default_bold_removed", page: PC, edits: &[("Default value: **VPC**", "Default value: VPC.")], expect: &[], diagnostics: 0 },
    // Rows reordered; the Action row.
    Pair {
        name: "rows_reordered",
        page: VBR,
        edits: &[
            ("|CircuitCode|String|No|longtel001|Optional. The leased line code provided by the service provider for the physical connection.\n\n **Note:** This parameter can only be specified by the owner of the physical connection.\n\n |\n", ""),
            ("|PeerGatewayIp|", "|CircuitCode|String|No|longtel001|Optional. The leased line code provided by the service provider for the physical connection.\n\n **Note:** This parameter can only be specified by the owner of the physical connection.\n\n |\n|PeerGatewayIp|"),
        ],
        expect: &[],
        diagnostics: 0,
    },
    Pair { name: "zh_rows_reordered", page: BGP_ZH, edits: &[("|PeerAsn|Long|是|1111|侧设备的ASN。\n\n |\n", ""), ("|AuthKey|", "|PeerAsn|Long|是|1111|侧设备的ASN。\n\n |\n|AuthKey|")], expect: &[], diagnostics: 0 },
    Pair { name: "action_value_typo", page: VBR, edits: &[("Value: **CreateVirtualBorderRouter**", "Value: **CreateVirtualBorederRouter**")], expect: &[], diagnostics: 0 },
    Pair { name: "action_lead_in_added", page: BGP, edits: &[("Valid value:\n\n CreateBgpGroup", "Valid value: **CreateBgpGroup**")], expect: &[], diagnostics: 0 },
    Pair { name: "zh_action_typo", page: BGP_ZH, edits: &[("取值： **CreateBgpGroup**。", "取值： **CreateBgpGroups**。")], expect: &[], diagnostics: 0 },
    // Repeated rows.
    Pair {
        name: "duplicate_row_added",
        page: VBR,
        edits: &[("|PeerGatewayIp|", "|Name|String|No|test2|Optional. A second name row the page repeats by mistake.\n\n |\n|PeerGatewayIp|")],
        expect: &[(ParameterAddedOptional, "parameter `Name`")],
        diagnostics: 1,
    },
    // Reading changes: a rule one side's sentence states and the other's does not parse.
    Pair { name: "zh_rule_typo_fixed", page: BGP_ZH, edits: &[("最大不值过64个 ASCII 字符", "最大不超过64个 ASCII 字符")], expect: &[(ReadingChanged, "parameter `ClientToken`"), (ReadingChanged, "parameter `ClientToken`")], diagnostics: 0 },
    Pair { name: "value_respelled", page: PC, edits: &[("-   10GBase-T: 10G electrical ports", "-   10G Base-T: 10G electrical ports")], expect: &[(ReadingChanged, "parameter `PortType`")], diagnostics: 0 },
    // Real changes hidden among wording changes.
    Pair { name: "range_widened_among_typos", page: VBR, edits: &[VBR_TYPOS[0], VBR_TYPOS[1], ("Value range: 1 to 2999", "Value range: 1 to 4094")], expect: &[(RangeWidened, "parameter `VlanId`")], diagnostics: 0 },
    Pair { name: "length_narrowed_among_typos", page: VBR, edits: &[VBR_TYPOS[0], ("Optional. The description of the VBR. The description must be 2 to 256 characters", "Optional. The description of the VBR. The description must be 2 to 128 characters")], expect: &[(LengthNarrowed, "parameter `Description`")], diagnostics: 0 },
    Pair { name: "became_required_among_typos", page: VBR, edits: &[VBR_TYPOS[1], ("|CircuitCode|String|No|", "|CircuitCode|String|Yes|")], expect: &[(ParameterBecameRequired, "parameter `CircuitCode`")], diagnostics: 0 },
    Pair { name: "parameter_removed_among_rewording", page: VBR, edits: &[VBR_TYPOS[0], ("|LocalGatewayIp|String|No|116.62.222.28|Optional. The Alibaba Cloud-side IP address used by the VBR.\n\n |\n", "")], expect: &[(ParameterRemoved, "parameter `LocalGatewayIp`")], diagnostics: 0 },
    Pair { name: "type_changed_among_rewording", page: VBR, edits: &[VBR_TYPOS[1], ("|VbrOwnerId|Long|", "|VbrOwnerId|Integer|")], expect: &[(ParameterTypeChanged, "parameter `VbrOwnerId`")], diagnostics: 0 },
    Pair { name: "enum_value_added_among_reorder", page: PC, edits: &[("-   CT: China Telecom\n-   CU: China Unicom\n", "-   CU: China Unicom\n-   CT: China Telecom\n"), ("-   10GBase-LR: 10G single-mode optical ports \\(10 km\\)\n", "-   10GBase-LR: 10G single-mode optical ports \\(10 km\\)\n-   40GBase-LR: 40G single-mode optical ports \\(10 km\\)\n")], expect: &[(EnumValueAdded, "parameter `PortType`")], diagnostics: 0 },
    Pair { name: "enum_value_removed_among_typos", page: PC, edits: &[("invalid physical connection banwidth.", "invalid physical connection bandwidth."), ("-   Equinix: Equinix\n", "")], expect: &[(EnumValueRemoved, "parameter `LineOperator`")], diagnostics: 0 },
    Pair { name: "error_code_added_among_typos", page: PC, edits: &[("free physical connections count excceeded.", "free physical connections count exceeded."), ("|400|InvalidBandwidth|", "|400|InvalidVlanId.Malformed|The VlanId is invalid.|The VLAN ID is invalid.|\n|400|InvalidBandwidth|")], expect: &[(ErrorCodeAdded, "error `InvalidVlanId.Malformed`")], diagnostics: 0 },
    Pair { name: "response_field_added_among_typos", page: VBR, edits: &[VBR_TYPOS[0], ("|RequestId|String|4EC47282", "|Status|String|Enabled|The status of the VBR.\n\n |\n|RequestId|String|4EC47282")], expect: &[(ResponseFieldAdded, "response field `Status`")], diagnostics: 0 },
    Pair { name: "zh_length_narrowed_among_typos", page: BGP_ZH, edits: &[("BGP组的认证密钥。", "BGP组的认证秘钥。"), ("长度为 2-128个字符", "长度为 2-64个字符")], expect: &[(LengthNarrowed, "parameter `Name`")], diagnostics: 0 },
];

fn fixture(page: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/diff_pairs")
        .join(page);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn document_pairs_report_what_changed_and_nothing_else() {
    assert!(PAIRS.len() >= 30, "{} pairs", PAIRS.len());
    let mut failures = Vec::new();
    let mut findings = 0;
    for pair in PAIRS {
        let text = fixture(pair.page);
        let file = pair
            .page
            .rsplit('/')
            .next()
            .unwrap_or(pair.page)
            .to_string();
        let diff = diff_docs(
            &[(file.clone(), text.clone())],
            &[(file, edit(&text, pair.edits))],
        );
        let mut got: Vec<(Kind, String)> = diff
            .changes
            .iter()
            .filter(|c| c.kind != DocsChanged)
            .map(|c| (c.kind, c.subject.clone()))
            .collect();
        got.sort();
        let mut want: Vec<(Kind, String)> = pair
            .expect
            .iter()
            .map(|(k, s)| (*k, s.to_string()))
            .collect();
        want.sort();
        findings += diff.changes.len();
        let wording_only = pair.expect.is_empty();
        let breaking = diff
            .changes
            .iter()
            .any(|c| c.severity == Severity::Breaking);
        if got != want || diff.diagnostics.len() != pair.diagnostics || (wording_only && breaking) {
            failures.push(format!(
                "{}: want {want:?} and {} diagnostics, got {} diagnostics:\n{}",
                pair.name,
                pair.diagnostics,
                diff.diagnostics.len(),
                lines(&diff)
            ));
        }
    }
    eprintln!("{} document pairs, {findings} findings", PAIRS.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
