//! The whole front half as `specgen regen` runs it: sources.yaml, product files, overrides.

mod common;

use specgen::diag::Severity;

#[test]
fn all_eight_seed_operations_with_product_facts_and_overrides() {
    let root = common::repo_root();
    let built = specgen::pipeline::build(&root, &root.join("specs")).expect("build");
    let errors: Vec<_> = built
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let mut ops: Vec<(&str, &str)> = built
        .products
        .iter()
        .flat_map(|p| {
            p.operations
                .iter()
                .map(move |o| (p.product.product.as_str(), o.name.as_str()))
        })
        .collect();
    ops.sort();
    assert_eq!(
        ops,
        [
            ("ExpressConnectRouter", "CreateExpressConnectRouter"),
            ("Vpc", "CancelPhysicalConnection"),
            ("Vpc", "CreateExpressCloudConnection"),
            ("Vpc", "CreatePhysicalConnection"),
            ("Vpc", "CreateVirtualPhysicalConnection"),
            ("Vpc", "DescribePhysicalConnections"),
            ("Vpc", "ModifyPhysicalConnectionAttribute"),
            ("Vpc", "TerminatePhysicalConnection"),
        ]
    );
    let vpc = built
        .products
        .iter()
        .find(|p| p.product.product == "Vpc")
        .expect("Vpc");
    let find = |name: &str| {
        vpc.operations
            .iter()
            .find(|o| o.name == name)
            .expect("operation")
    };
    let create = find("CreatePhysicalConnection");
    let bw = create
        .parameters
        .iter()
        .find(|p| p.name == "bandwidth")
        .expect("BandWidth corrected to bandwidth");
    assert_eq!(bw.doc_type, "Integer");
    assert_eq!(create.overrides.len(), 2);
    assert!(create
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
    assert_eq!(
        find("TerminatePhysicalConnection").idempotency_parameter,
        None
    );
    assert!(find("CreateExpressCloudConnection")
        .source
        .file
        .starts_with("specs/docs/000_"));
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
