//! One type space per crate: a struct or enum that several operations define with the same
//! name and the same shape (fields, wire names, types, rules; values for an enum) is generated
//! once, in the crate's `types` module, and every such operation uses it. What differs stays in
//! the operation's module under its own name, so a type never changes meaning by being shared.
//!
//! The rustdoc of a shared type is that of the first operation (by name) that has it.

use super::ops::OpModel;
use super::types::{Ty, TypeSet};
use super::validate;
use std::collections::{BTreeMap, BTreeSet};

/// Where each shared type is modelled: `(model index, type)`, sorted by type name.
pub type SharedTypes = Vec<(usize, Ty)>;

/// Marks the types several operations share and returns where to find each one.
///
/// A name has at most one shared shape: the one most operations have (the first operation's
/// on a tie); operations with another shape under that name keep theirs. A struct is shared
/// only when every type it refers to is.
pub fn share(models: &mut [OpModel]) -> SharedTypes {
    let mut groups: BTreeMap<String, BTreeMap<String, Vec<(usize, Ty)>>> = BTreeMap::new();
    for (m, model) in models.iter().enumerate() {
        let types = &model.types;
        let all = (0..types.enums.len())
            .map(Ty::Enum)
            .chain((0..types.structs.len()).map(Ty::Struct));
        for ty in all {
            groups
                .entry(name(types, &ty).to_string())
                .or_default()
                .entry(signature(types, &ty))
                .or_default()
                .push((m, ty));
        }
    }
    let mut chosen: BTreeMap<String, (String, Vec<(usize, Ty)>)> = BTreeMap::new();
    for (name, shapes) in groups {
        let best = shapes
            .into_iter()
            .filter(|(_, members)| distinct_models(members) >= 2)
            .max_by_key(|(_, members)| (distinct_models(members), std::cmp::Reverse(members[0].0)));
        if let Some((sig, members)) = best {
            chosen.insert(name, (sig, members));
        }
    }
    // Drop structs that refer to a type that is not shared, until nothing changes.
    loop {
        let unshareable: Vec<String> = chosen
            .iter()
            .filter(|(_, (_, members))| {
                let (m, ty) = &members[0];
                let types = &models[*m].types;
                referenced(types, ty).iter().any(|r| {
                    chosen
                        .get(name(types, r))
                        .is_none_or(|(sig, _)| *sig != signature(types, r))
                })
            })
            .map(|(name, _)| name.clone())
            .collect();
        if unshareable.is_empty() {
            break;
        }
        for name in unshareable {
            chosen.remove(&name);
        }
    }
    let mut out = Vec::new();
    for (_, (_, members)) in chosen {
        for (m, ty) in &members {
            let types = &mut models[*m].types;
            match ty {
                Ty::Enum(i) => types.enums[*i].shared = true,
                Ty::Struct(i) => types.structs[*i].shared = true,
                _ => {}
            }
        }
        out.push(members[0].clone());
    }
    out
}

fn distinct_models(members: &[(usize, Ty)]) -> usize {
    members
        .iter()
        .map(|(m, _)| m)
        .collect::<BTreeSet<_>>()
        .len()
}

fn name<'t>(types: &'t TypeSet, ty: &Ty) -> &'t str {
    match ty {
        Ty::Enum(i) => &types.enums[*i].name,
        Ty::Struct(i) => &types.structs[*i].name,
        _ => "",
    }
}

/// The enums and structs a struct's fields refer to directly.
fn referenced(types: &TypeSet, ty: &Ty) -> Vec<Ty> {
    match ty {
        Ty::Struct(i) => types.structs[*i]
            .fields
            .iter()
            .map(|f| f.ty.leaf().clone())
            .filter(|t| matches!(t, Ty::Enum(_) | Ty::Struct(_)))
            .collect(),
        _ => Vec::new(),
    }
}

/// Everything about a type that generated code depends on, nested types included; docs aside.
fn signature(types: &TypeSet, ty: &Ty) -> String {
    match ty {
        Ty::Scalar(s) => format!("{s:?}"),
        Ty::List(inner) => format!("[{}]", signature(types, inner)),
        Ty::Enum(i) => {
            let e = &types.enums[*i];
            let values: Vec<&str> = e.variants.iter().map(|v| v.value.as_str()).collect();
            format!("enum {}({})", e.name, values.join("|"))
        }
        Ty::Struct(i) => {
            let s = &types.structs[*i];
            let fields: Vec<String> = s
                .fields
                .iter()
                .map(|f| {
                    let rules: Vec<String> = f
                        .max_items
                        .iter()
                        .chain(&f.rules)
                        .map(|r| format!("{}:{}", validate::describe(r), r.is_enforced()))
                        .collect();
                    format!(
                        "{} {} {} {} {} [{}]",
                        f.name,
                        f.wire,
                        f.required,
                        f.sensitive,
                        signature(types, &f.ty),
                        rules.join(",")
                    )
                })
                .collect();
            format!(
                "struct {} {:?} {{{}}}",
                s.name,
                s.direction,
                fields.join("; ")
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Operation;

    fn op(name: &str, values: &str) -> Operation {
        let yaml = format!(
            "{{product: P, version: '1', style: RPC, name: {name}, summary: s, source: {{file: f, line: 1}}, parameters: [{{name: Mode, type: String, required: false, source: {{file: f, line: 2}}, constraints: [{{kind: enum, values: [{values}], sentence: s, source: {{file: f, line: 2}}}}]}}], response: []}}"
        );
        serde_yaml::from_str(&yaml).unwrap_or_else(|e| panic!("test operation: {e}"))
    }

    #[test]
    fn the_shape_most_operations_have_is_shared_and_others_stay() {
        let ops = [
            op("A", "{value: Fast}, {value: Slow}"),
            op("B", "{value: Fast}, {value: Slow}"),
            op("C", "{value: Fast}"),
        ];
        let mut models: Vec<OpModel> = ops.iter().map(OpModel::new).collect();
        let shared = share(&mut models);
        assert_eq!(shared.len(), 1);
        let flags: Vec<bool> = models.iter().map(|m| m.types.enums[0].shared).collect();
        assert_eq!(flags, [true, true, false]);
        let path = models[0].types.tokens(&Ty::Enum(0)).to_string();
        assert_eq!(path.replace(' ', ""), "crate::types::Mode");
        assert_eq!(models[2].types.tokens(&Ty::Enum(0)).to_string(), "Mode");
    }
}
