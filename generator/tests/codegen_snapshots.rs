//! Generated code, pinned once each: every crate's public API surface as an insta snapshot (a
//! change of shape at a glance), and the drift check that `generated/` is exactly what the
//! generator produces (every byte).

use specgen::codegen::{self, GeneratedFile};
use specgen::ir::ProductIr;
use std::path::Path;

fn seeds() -> Vec<ProductIr> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let built = specgen::pipeline::build(&root, &root.join("specs")).expect("the seeds build");
    built.products
}

fn generated() -> Vec<GeneratedFile> {
    codegen::generate(&seeds()).expect("the seeds generate")
}

/// Each crate's public API, pinned: every public item with its signature, module by module,
/// so a reviewer sees a change of shape at a glance. The bytes of `generated/` are pinned by
/// the drift check below.
#[test]
fn every_crate_public_api_is_pinned() {
    let files = generated();
    let crates: std::collections::BTreeSet<&str> = files
        .iter()
        .filter_map(|f| f.path.split_once("/src/").map(|(c, _)| c))
        .collect();
    assert_eq!(crates.len(), 2);
    for krate in crates {
        let sources: Vec<(String, &str)> = files
            .iter()
            .filter_map(|f| {
                let rel = f.path.strip_prefix(&format!("{krate}/src/"))?;
                Some((module_path(rel), f.contents.as_str()))
            })
            .collect();
        // 47 Express Connect operations of Vpc, the seed-only hosted connection, and ECR's one.
        let operations = sources
            .iter()
            .filter(|(m, _)| m.starts_with("crate::operation::"))
            .count();
        assert!(operations >= 1, "{krate}: no operation modules");
        insta::assert_snapshot!(format!("api__{krate}"), api_surface(&sources));
    }
}

/// `operation/describe_vpcs.rs` -> `crate::operation::describe_vpcs`; `lib.rs` -> `crate`.
fn module_path(rel: &str) -> String {
    let stem = rel.trim_end_matches(".rs");
    let stem = stem.strip_suffix("/mod").unwrap_or(stem);
    match stem {
        "lib" => "crate".to_string(),
        other => format!("crate::{}", other.replace('/', "::")),
    }
}

fn is_pub(vis: &syn::Visibility) -> bool {
    matches!(vis, syn::Visibility::Public(_))
}

/// Attributes that are part of an item's API (derives, `non_exhaustive`), not docs or hints.
fn api_attrs(attrs: &mut Vec<syn::Attribute>) {
    attrs.retain(|a| a.path().is_ident("derive") || a.path().is_ident("non_exhaustive"));
}

/// The public items of each module, printed with their signatures and without bodies or docs.
fn api_surface(sources: &[(String, &str)]) -> String {
    let mut out = String::new();
    let mut sources = sources.to_vec();
    sources.sort();
    for (module, text) in sources {
        let file = syn::parse_file(text).unwrap_or_else(|e| panic!("{module}: {e}"));
        let mut items = Vec::new();
        for item in file.items {
            if let Some(item) = public(item) {
                items.push(item);
            }
        }
        if items.is_empty() {
            continue;
        }
        let listing = prettyplease::unparse(&syn::File {
            shebang: None,
            attrs: Vec::new(),
            items,
        });
        out.push_str(&format!("// {module}\n{listing}\n"));
    }
    out
}

/// The item as its users see it, or `None` when nothing of it is public.
fn public(item: syn::Item) -> Option<syn::Item> {
    use syn::Item;
    let empty: syn::Block = syn::parse_quote!({});
    match item {
        Item::Struct(mut s) if is_pub(&s.vis) => {
            api_attrs(&mut s.attrs);
            if let syn::Fields::Named(fields) = &mut s.fields {
                fields.named = std::mem::take(&mut fields.named)
                    .into_iter()
                    .filter(|f| is_pub(&f.vis))
                    .map(|mut f| {
                        api_attrs(&mut f.attrs);
                        f
                    })
                    .collect();
            }
            if let syn::Fields::Unnamed(fields) = &mut s.fields {
                for f in &mut fields.unnamed {
                    api_attrs(&mut f.attrs);
                }
            }
            Some(Item::Struct(s))
        }
        Item::Enum(mut e) if is_pub(&e.vis) => {
            api_attrs(&mut e.attrs);
            for v in &mut e.variants {
                api_attrs(&mut v.attrs);
            }
            Some(Item::Enum(e))
        }
        Item::Impl(mut i) => {
            i.attrs.clear();
            let trait_impl = i.trait_.is_some();
            i.items = std::mem::take(&mut i.items)
                .into_iter()
                .filter_map(|member| match member {
                    syn::ImplItem::Fn(mut f) if trait_impl || is_pub(&f.vis) => {
                        f.attrs.clear();
                        f.block = empty.clone();
                        // A trait's methods are the trait's: the impl line says it all.
                        (!trait_impl).then_some(syn::ImplItem::Fn(f))
                    }
                    syn::ImplItem::Const(mut c) if is_pub(&c.vis) => {
                        c.attrs.clear();
                        c.expr = syn::parse_quote!(..);
                        Some(syn::ImplItem::Const(c))
                    }
                    syn::ImplItem::Type(mut t) if trait_impl => {
                        t.attrs.clear();
                        Some(syn::ImplItem::Type(t))
                    }
                    _ => None,
                })
                .collect();
            (trait_impl || !i.items.is_empty()).then_some(Item::Impl(i))
        }
        Item::Fn(mut f) if is_pub(&f.vis) => {
            f.attrs.clear();
            f.block = Box::new(empty);
            Some(Item::Fn(f))
        }
        Item::Const(mut c) if is_pub(&c.vis) => {
            c.attrs.clear();
            c.expr = Box::new(syn::parse_quote!(..));
            Some(Item::Const(c))
        }
        Item::Use(mut u) if is_pub(&u.vis) => {
            u.attrs.clear();
            Some(Item::Use(u))
        }
        Item::Mod(mut m) if is_pub(&m.vis) => {
            m.attrs.clear();
            // An inline module (`pub mod error { pub use … }`) is listed with its public items;
            // a file module is listed on its own, its items under its own name.
            match m.content.take() {
                Some((brace, items)) => {
                    m.content = Some((brace, items.into_iter().filter_map(public).collect()));
                }
                None => m.semi = Some(Default::default()),
            }
            Some(Item::Mod(m))
        }
        Item::Type(mut t) if is_pub(&t.vis) => {
            t.attrs.clear();
            Some(Item::Type(t))
        }
        // `wire_enum_impls!(X)`: the trait impls an enum gets from the runtime.
        Item::Macro(mut m) if m.ident.is_none() => {
            m.attrs.clear();
            Some(Item::Macro(m))
        }
        _ => None,
    }
}

#[test]
fn generation_is_deterministic() {
    assert_eq!(generated(), generated());
}

#[test]
fn checked_in_generated_crates_are_up_to_date() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../generated");
    let drift = codegen::sync(&dir, &generated(), false).expect("generated/ is readable");
    let listed: Vec<String> = drift.iter().map(ToString::to_string).collect();
    assert!(
        listed.is_empty(),
        "generated/ is stale; run `cargo run -p specgen -- regen`:\n{}",
        listed.join("\n")
    );
}

#[test]
fn the_check_reports_hand_edits_and_extra_files() {
    let files = generated();
    let tmp = tempfile::tempdir().expect("temp dir");
    codegen::sync(tmp.path(), &files, true).expect("written");
    assert!(codegen::sync(tmp.path(), &files, false)
        .expect("checked")
        .is_empty());
    let lib = tmp.path().join("alibabacloud-vpc20160428/src/lib.rs");
    std::fs::write(&lib, "// edited by hand\n").expect("edit");
    std::fs::write(tmp.path().join("alibabacloud-vpc20160428/src/extra.rs"), "").expect("extra");
    let drift: Vec<String> = codegen::sync(tmp.path(), &files, false)
        .expect("checked")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(drift.len(), 2, "{drift:?}");
    assert!(drift.iter().any(|d| d.contains("src/lib.rs")), "{drift:?}");
    assert!(
        drift.iter().any(|d| d.contains("src/extra.rs")),
        "{drift:?}"
    );
}
