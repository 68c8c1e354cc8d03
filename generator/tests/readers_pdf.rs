//! The PDF-text reader on seed 003: the whole document pinned by a snapshot, the quirks
//! asserted one by one, and robustness against truncated and junk input.

use specgen::diag::Diagnostic;
use specgen::doc::{Block, Document, Row, Table};
use specgen::readers::pdf_text;

const SEED_PATH: &str = "specs/docs/003_ea11b898bece2968.txt";

fn seed_text() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../specs/docs/003_ea11b898bece2968.txt"
    );
    std::fs::read_to_string(path).expect("seed 003 is part of the repository")
}

fn seed() -> Document {
    pdf_text::read(SEED_PATH, &seed_text()).expect("seed 003 reads")
}

/// The tables following the level-2 heading `op`, up to the next level-2 heading, with
/// the section heading each one sits under.
fn op_tables<'d>(doc: &'d Document, op: &str) -> Vec<(&'d str, &'d Table)> {
    let mut inside = false;
    let mut section = "";
    let mut out = Vec::new();
    for block in &doc.blocks {
        match block {
            Block::Heading { level: 2, text, .. } => inside = text == op,
            Block::Heading { text, .. } if inside => section = text,
            Block::Table(t) if inside => out.push((section, t)),
            _ => {}
        }
    }
    out
}

fn table<'d>(doc: &'d Document, op: &str, section: &str) -> &'d Table {
    let found: Vec<&Table> = op_tables(doc, op)
        .into_iter()
        .filter(|(s, _)| *s == section)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{op} / {section}: expected exactly one (merged) table"
    );
    found[0]
}

fn names(t: &Table) -> Vec<&str> {
    t.rows.iter().map(|r| r.cells[0].text.as_str()).collect()
}

fn row<'t>(t: &'t Table, name: &str) -> &'t Row {
    t.rows
        .iter()
        .find(|r| r.cells[0].text == name)
        .unwrap_or_else(|| panic!("no row {name}"))
}

fn texts(r: &Row) -> Vec<&str> {
    r.cells.iter().map(|c| c.text.as_str()).collect()
}

fn diags<'d>(doc: &'d Document, kind: &str) -> Vec<&'d Diagnostic> {
    doc.diagnostics.iter().filter(|d| d.kind == kind).collect()
}

#[test]
fn seed_003_document() {
    insta::assert_yaml_snapshot!("seed_003", seed());
}

#[test]
fn operations_are_level_two_headings_with_numbering_stripped() {
    let doc = seed();
    let ops: Vec<(&str, usize)> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading {
                level: 2,
                text,
                line,
                ..
            } => Some((text.as_str(), *line)),
            _ => None,
        })
        .collect();
    assert_eq!(
        ops,
        vec![
            ("CreatePhysicalConnection", 93),
            ("CancelPhysicalConnection", 173),
            ("DescribePhysicalConnections", 228),
            ("ModifyPhysicalConnectionAttribute", 366),
            ("TerminatePhysicalConnection", 448),
        ]
    );
    let has = |level: u8, title: &str| {
        doc.blocks.iter().any(
            |b| matches!(b, Block::Heading { level: l, text, .. } if *l == level && text == title),
        )
    };
    assert!(has(1, "API Overview") && has(1, "Physical connections"));
    assert!(
        has(3, "Request parameters")
            && has(3, "Error codes")
            && has(3, "Debug")
            && has(4, "Request example")
    );
}

#[test]
fn request_parameters_are_whole_and_merged_across_pages() {
    let doc = seed();
    let create = table(&doc, "CreatePhysicalConnection", "Request parameters");
    let header: Vec<&str> = create.header.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        header,
        ["Name", "Type", "Require", "Description"],
        "Cyrillic Туре becomes Type"
    );
    assert_eq!(
        names(create),
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
    let cancel = table(&doc, "CancelPhysicalConnection", "Request parameters");
    assert_eq!(
        names(cancel),
        ["Action", "PhysicalConnectionId", "RegionId", "ClientToken"]
    );
    let describe = table(&doc, "DescribePhysicalConnections", "Request parameters");
    assert_eq!(
        names(describe),
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
    let modify = table(
        &doc,
        "ModifyPhysicalConnectionAttribute",
        "Request parameters",
    );
    assert_eq!(
        names(modify),
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
    let terminate = table(&doc, "TerminatePhysicalConnection", "Request parameters");
    assert_eq!(
        names(terminate),
        ["Action", "RegionId", "PhysicalConnectionId"]
    );
    for t in [create, cancel, describe, modify, terminate] {
        assert!(t
            .rows
            .iter()
            .all(|r| r.cells.len() == t.header.len() && r.depth == 0));
    }
}

#[test]
fn broken_words_are_rejoined_in_prose_and_examples() {
    let doc = seed();
    let create = table(&doc, "CreatePhysicalConnection", "Request parameters");
    assert_eq!(
        row(create, "Action").cells[3].text,
        "The action to perform. Valid value: CreatePhysicalConnection"
    );
    let terminate = table(&doc, "TerminatePhysicalConnection", "Request parameters");
    assert_eq!(
        row(terminate, "Action").cells[3].text,
        "The action to perform. Valid value: TerminatePhysicalConnection"
    );
    let modify = table(
        &doc,
        "ModifyPhysicalConnectionAttribute",
        "Request parameters",
    );
    assert_eq!(
        texts(row(modify, "Action"))[3..],
        [
            "ModifyPhysicalConnectionAttribute",
            "The name of this action. Value: ModifyPhysicalConnectionAttribute"
        ]
    );
    let cancel = table(&doc, "CancelPhysicalConnection", "Request parameters");
    assert_eq!(
        row(cancel, "ClientToken").cells[3].text,
        "02fb3da4-130e-11e9-8e44-0016e04115b"
    );
    // Ordinary words stay apart.
    assert!(row(create, "RegionId").cells[3]
        .text
        .contains("You can obtain the region ID by calling"));
}

#[test]
fn continuation_lines_bullets_and_spacing() {
    let doc = seed();
    let create = table(&doc, "CreatePhysicalConnection", "Request parameters");
    assert_eq!(
        row(create, "LineOperator").cells[3].text,
        "The service provider that provides the physical connection. Valid value:\n- CT: China Telecom\n- CU: China Unicom\n- CM: China Mobile\n- CO: Others in China\n- Equinix: Equinix\n- Other: Others outside China"
    );
    let port = &row(create, "PortType").cells[3].text;
    assert!(
        port.contains(
            "\n- 100Base-T:100-MB electrical port\n- 1000Base-T (default): 1-GB electrical port\n"
        ),
        "{port}"
    );
    let redundant = row(create, "RedundantPhysicalConnectionId");
    assert_eq!(redundant.line, 131);
    assert_eq!(
        redundant.cells[3].text,
        "The ID of the redundant physical connection. The redundant physical connection must be in the Allocated, Confirmed, or Enabled status."
    );
}

#[test]
fn garbled_duplicate_line_is_dropped_and_reported() {
    let doc = seed();
    let garbled = diags(&doc, "garbled-line");
    assert_eq!(garbled.len(), 1);
    assert_eq!(garbled[0].span.line, 133);
    assert!(garbled[0]
        .message
        .contains("the finocuted, commined, or bhabited status."));
    let yaml = serde_yaml::to_string(&doc.blocks).expect("serializable");
    assert!(!yaml.contains("finocuted"));
}

#[test]
fn misplaced_cell_boundary_is_repaired_with_a_warning() {
    let doc = seed();
    let describe = table(&doc, "DescribePhysicalConnections", "Request parameters");
    assert_eq!(
        texts(row(describe, "Filter.N.Value.N"))[1..4],
        ["RepeatList", "No", "1"]
    );
    let repaired = diags(&doc, "repaired-cell-boundary");
    assert_eq!(repaired.len(), 1);
    assert_eq!(repaired[0].span.line, 247);
}

#[test]
fn response_tree_depths() {
    let doc = seed();
    let resp = table(&doc, "DescribePhysicalConnections", "Response parameters");
    assert_eq!(resp.rows.len(), 30);
    let depth = |name: &str| row(resp, name).depth;
    assert_eq!(depth("PhysicalConnectionSet"), 0);
    for child in [
        "AccessPointId",
        "BusinessStatus",
        "ChargeType",
        "EnabledTime",
        "HasReservationData",
        "RedundantPhysicalConnectionId",
        "Type",
    ] {
        assert_eq!(depth(child), 1, "{child}");
    }
    for top in ["TotalCount", "PageNumber", "PageSize", "RequestId"] {
        assert_eq!(depth(top), 0, "{top}");
    }
    let inferred: Vec<usize> = diags(&doc, "inferred-nesting")
        .iter()
        .map(|d| d.span.line)
        .collect();
    assert_eq!(inferred, [268, 280]);
    assert_eq!(
        row(resp, "AccessPointId").cells[2].text,
        "eip-2zeerraiwb7uj6i0d0fo3"
    );
    assert_eq!(
        row(resp, "CreationTime").cells[2].text,
        "2017-06-08T12:20:55"
    );
}

#[test]
fn error_codes_are_whole() {
    let doc = seed();
    let codes = |op| -> Vec<String> {
        table(&doc, op, "Error codes")
            .rows
            .iter()
            .map(|r| r.cells[1].text.clone())
            .collect()
    };
    assert_eq!(
        codes("CancelPhysicalConnection"),
        [
            "InvalidPhysicalConnectionId.NotFound",
            "Forbidden.NotAllowedInState"
        ]
    );
    assert_eq!(
        codes("DescribePhysicalConnections"),
        ["InvalidFilterKey.ValueNotSupported"]
    );
    assert_eq!(
        codes("ModifyPhysicalConnectionAttribute"),
        [
            "InvalidPhysicalConnectionId.NotFound",
            "InvalidPeerLocation.Malformd",
            "InvalidPortType.Malformd",
            "InvalidDescription.Malformed",
            "InvalidName.Malformed",
            "InvalidStatus",
            "InvalidBandwidth",
            "InvalidRedundantPhysicalConnection",
            "InvalidRedundantPhysicalConnectionStatus",
            "InvalidCircuitCode.Malformed"
        ]
    );
}

#[test]
fn overview_tables_keep_listed_names_exactly() {
    let doc = seed();
    let overview: Vec<&Table> = doc
        .blocks
        .iter()
        .take_while(|b| !matches!(b, Block::Heading { text, .. } if text == "Physical connections"))
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(
        overview.iter().map(|t| t.rows.len()).collect::<Vec<_>>(),
        [8, 6, 7],
        "the contents table is dropped"
    );
    let all: Vec<&str> = overview.iter().flat_map(|t| names(t)).collect();
    assert!(
        all.contains(&"DescribeVirtualBorderRoutersFo")
            && all.contains(&"ModifyPhysicalConnectionAttrib")
    );
}

#[test]
fn chrome_is_dropped_and_code_kept_as_found() {
    let doc = seed();
    let yaml = serde_yaml::to_string(&doc.blocks).expect("serializable");
    for chrome in [
        "Issue: 20190626",
        "Legal disclaimer",
        "Style conventions",
        "confidentiality obligations",
    ] {
        assert!(!yaml.contains(chrome), "{chrome}");
    }
    let code = doc.blocks.iter().find_map(|b| match b {
        Block::Code { text, line, .. } => Some((text.as_str(), *line)),
        _ => None,
    });
    assert_eq!(
        code,
        Some((
            "https:// vpc . aliyuncs . com /? Action = CreatePhys icalConnec\ntion\n& RegionId = cn - beijing\n& AccessPoin tId = ap - cn - beijing - ft - A\n& LineOperat or = CT\n& PeerLocati on = XXX\n& CommonPara meters",
            150
        ))
    );
}

#[test]
fn short_rows_are_padded_with_a_warning() {
    let text = "1 Op\n\nRequest parameters\n\nName\tType\tRequire\tDescription\nRegionId\tString\n";
    let doc = pdf_text::read("short.txt", text).expect("readable");
    let Some(Block::Table(t)) = doc.blocks.iter().find(|b| matches!(b, Block::Table(_))) else {
        panic!("no table")
    };
    assert_eq!(texts(&t.rows[0]), ["RegionId", "String", "", ""]);
    assert_eq!(diags(&doc, "missing-cell").len(), 1);
}

#[test]
fn every_truncation_and_junk_reads_without_panic() {
    let text = seed_text();
    let lines: Vec<&str> = text.lines().collect();
    for n in 0..=lines.len() {
        let prefix = lines[..n].join("\n");
        let _ = pdf_text::read("prefix.txt", &prefix);
    }
    for cut in (0..text.len())
        .step_by(97)
        .filter(|&i| text.is_char_boundary(i))
    {
        let _ = pdf_text::read("cut.txt", &text[..cut]);
    }
    let junk = [
        "",
        "\t",
        "\t\t\t\n\t\t",
        "```",
        "```\n\t\n",
        "└",
        "Name\tType\n└\t\n\t\t\t·\n∟ ⊢\tRepeatLi\tsNo",
        "Name\tType\tRequire\tDescription\nhysicalCon\t\t\tx\n\t\t\t\t\t\t\textra",
        "Contents\n1 A\n",
        "9.9.9.9.9.9.9 X\n\u{0}\u{7f}\u{feff}\t\u{422}\u{443}",
        "- \n· \n•\n- ·",
    ];
    for j in junk {
        let _ = pdf_text::read("junk.txt", j);
    }
    // Documents of the other shapes are not PDF text, but must not panic either.
    let docs = concat!(env!("CARGO_MANIFEST_DIR"), "/../specs/docs");
    for entry in std::fs::read_dir(docs)
        .expect("specs/docs exists")
        .flatten()
    {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        let _ = pdf_text::read("other.txt", &text);
    }
}
