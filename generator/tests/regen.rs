//! The whole front half as `specgen regen` runs it: sources.yaml, product files, overrides.

mod common;

use specgen::diag::Severity;

#[test]
fn every_express_connect_operation_merged_with_product_facts_and_overrides() {
    let root = common::repo_root();
    let built = specgen::pipeline::build(&root, &root.join("specs")).expect("build");
    let errors: Vec<_> = built
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let vpc = built
        .products
        .iter()
        .find(|p| p.product.product == "Vpc")
        .expect("Vpc");
    let ecr = built
        .products
        .iter()
        .find(|p| p.product.product == "ExpressConnectRouter")
        .expect("ExpressConnectRouter");
    let names: Vec<&str> = ecr.operations.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["CreateExpressConnectRouter"]);
    // The 47 Express Connect operations of the corpus plus the seed-only hosted connection,
    // each once although most have a Chinese and an English page.
    let names: Vec<&str> = vpc.operations.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names.len(), 48, "{names:?}");
    for name in [
        "CreateVirtualPhysicalConnection",
        "ApplyPhysicalConnectionLOA",
        "CreateBgpPeer",
        "DescribeAccessPoints",
        "DescribeVRouters",
        "ModifyExpressCloudConnectionBandwidth",
        "UnassociatePhysicalConnectionFromVirtualBorderRouter",
    ] {
        assert!(names.contains(&name), "{name} missing: {names:?}");
    }
    let find = |name: &str| {
        vpc.operations
            .iter()
            .find(|o| o.name == name)
            .expect("operation")
    };
    // The PDF's `BandWidth` (String) merges with the Markdown page's `bandwidth` (Integer);
    // the Markdown page wins and the disagreement names both lines.
    let create = find("CreatePhysicalConnection");
    let bw = create
        .parameters
        .iter()
        .find(|p| p.name == "bandwidth")
        .expect("bandwidth");
    assert_eq!(bw.doc_type, "Integer");
    assert!(create.warnings.iter().any(|w| w.kind == "sources-disagree"
        && w.message.contains("`bandwidth` here, `BandWidth` there")
        && w.message.contains("specs/docs/003_ea11b898bece2968.txt:")));
    let pages = &create
        .provenance
        .iter()
        .find(|p| p.fact == "parameters.bandwidth")
        .expect("provenance")
        .pages;
    assert_eq!(
        pages.len(),
        3,
        "en-US and zh-CN pages and the PDF: {pages:?}"
    );
    // Overrides apply to the merged operation, each with its reason and line.
    let networks = find("DescribeBgpNetworks");
    let wire: Vec<&str> = networks
        .parameters
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert!(
        wire.contains(&"RouterId") && !wire.contains(&"routeId") && !wire.contains(&"dstCidrBlock"),
        "{wire:?}"
    );
    assert_eq!(networks.overrides.len(), 2);
    assert!(networks
        .overrides
        .iter()
        .all(|o| o.source.file == "specs/overrides.yaml"
            && o.source.line > 0
            && !o.reason.is_empty()));
    assert_eq!(
        find("CreateVirtualPhysicalConnection")
            .idempotency_parameter
            .as_deref(),
        Some("Token")
    );
    assert_eq!(create.idempotency_parameter.as_deref(), Some("ClientToken"));
    assert_eq!(find("ActivateRouterInterface").idempotency_parameter, None);
    // Seed 000 is an older copy of the corpus's Chinese page; the pages of the same year rank
    // English first, so the English corpus page is the base and all three are named.
    let ecc = find("CreateExpressCloudConnection");
    assert_eq!(
        ecc.source.file,
        "specs/docs/corpus/en-US/CreateExpressCloudConnection.md"
    );
    let heads: Vec<&str> = ecc
        .provenance
        .iter()
        .find(|p| p.fact == "operation")
        .expect("operation provenance")
        .pages
        .iter()
        .map(|s| s.file.as_str())
        .collect();
    assert_eq!(
        heads,
        [
            "specs/docs/corpus/en-US/CreateExpressCloudConnection.md",
            "specs/docs/corpus/zh-CN/CreateExpressCloudConnection.md",
            "specs/docs/000_765e466a580c64f8.txt",
        ]
    );
}

#[test]
fn regen_twice_gives_identical_bytes() {
    let root = common::repo_root();
    let a = specgen::pipeline::render(
        &specgen::pipeline::build(&root, &root.join("specs"))
            .expect("build")
            .products,
    )
    .expect("render");
    let b = specgen::pipeline::render(
        &specgen::pipeline::build(&root, &root.join("specs"))
            .expect("build")
            .products,
    )
    .expect("render");
    assert_eq!(a, b);
}

/// Codegen runs on the IR in memory; this proves it is the IR `specs/ir` holds, field for
/// field, so what a reviewer reads in the YAML is what the crates were generated from.
#[test]
fn specs_ir_reads_back_into_the_ir_built_in_memory() {
    let root = common::repo_root();
    let built = specgen::pipeline::build(&root, &root.join("specs")).expect("build");
    let read = specgen::ir::io::load_dir(&root.join("specs/ir")).expect("load specs/ir");
    assert_eq!(read.len(), built.products.len());
    for (r, b) in read.iter().zip(&built.products) {
        assert_eq!(r.product, b.product);
        assert_eq!(
            r.operations.len(),
            b.operations.len(),
            "{}",
            b.product.product
        );
        for (ro, bo) in r.operations.iter().zip(&b.operations) {
            assert!(
                ro == bo,
                "specs/ir/{}/{}/{}.yaml reads back differently",
                b.product.product,
                b.product.version,
                bo.name
            );
        }
    }
}
