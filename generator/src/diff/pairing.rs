//! Which product of the old side corresponds to which product of the new side.

use super::ApiProduct;

/// A product on one or both sides.
pub struct Pair<'a> {
    pub old: Option<&'a ApiProduct>,
    pub new: Option<&'a ApiProduct>,
}

/// Pairs products: same product and version first; then the same product when each side has
/// exactly one version left (the version changed); then a product the documents did not name
/// with the product on the other side that shares most operation names.
pub fn pair<'a>(old: &'a [ApiProduct], new: &'a [ApiProduct]) -> Vec<Pair<'a>> {
    let mut new_left: Vec<Option<&ApiProduct>> = new.iter().map(Some).collect();
    let mut old_left: Vec<Option<&ApiProduct>> = Vec::new();
    let mut pairs = Vec::new();
    for o in old {
        match take(&mut new_left, |n| {
            n.product == o.product && n.version == o.version
        }) {
            Some(n) => pairs.push(Pair {
                old: Some(o),
                new: Some(n),
            }),
            None => old_left.push(Some(o)),
        }
    }
    let unpaired = |left: &[Option<&ApiProduct>], product: &str| {
        left.iter()
            .flatten()
            .filter(|p| p.product == product)
            .count()
    };
    for i in 0..old_left.len() {
        let Some(o) = old_left.get(i).copied().flatten() else {
            continue;
        };
        if o.product.is_empty() {
            continue;
        }
        if unpaired(&old_left, &o.product) == 1 && unpaired(&new_left, &o.product) == 1 {
            if let Some(n) = take(&mut new_left, |n| n.product == o.product) {
                pairs.push(Pair {
                    old: Some(o),
                    new: Some(n),
                });
                old_left[i] = None;
            }
        }
    }
    for slot in &mut old_left {
        let Some(o) = *slot else { continue };
        if let Some(n) = best_overlap(o, &mut new_left, |n| {
            o.product.is_empty() || n.product.is_empty()
        }) {
            pairs.push(Pair {
                old: Some(o),
                new: Some(n),
            });
            *slot = None;
        }
    }
    pairs.extend(old_left.into_iter().flatten().map(|o| Pair {
        old: Some(o),
        new: None,
    }));
    pairs.extend(new_left.into_iter().flatten().map(|n| Pair {
        old: None,
        new: Some(n),
    }));
    pairs
}

fn take<'a>(
    left: &mut [Option<&'a ApiProduct>],
    matches: impl Fn(&ApiProduct) -> bool,
) -> Option<&'a ApiProduct> {
    left.iter_mut()
        .find(|slot| slot.is_some_and(&matches))
        .and_then(Option::take)
}

/// The remaining product allowed by `eligible` that shares most operation names with `o`.
fn best_overlap<'a>(
    o: &ApiProduct,
    left: &mut [Option<&'a ApiProduct>],
    eligible: impl Fn(&ApiProduct) -> bool,
) -> Option<&'a ApiProduct> {
    let shared = |n: &ApiProduct| {
        n.operations
            .iter()
            .filter(|op| o.operations.iter().any(|oo| oo.name == op.name))
            .count()
    };
    let best = left
        .iter()
        .enumerate()
        .filter_map(|(i, slot)| slot.filter(|n| eligible(n)).map(|n| (shared(n), i)))
        .filter(|(count, _)| *count > 0)
        .max_by_key(|(count, i)| (*count, std::cmp::Reverse(*i)))?;
    left.get_mut(best.1).and_then(Option::take)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::Api;
    use crate::ir::Operation;

    fn op(product: &str, version: &str, name: &str) -> Operation {
        let yaml = format!("{{product: '{product}', version: '{version}', style: RPC, name: {name}, summary: s, source: {{file: f, line: 1}}, parameters: [], response: []}}");
        serde_yaml::from_str(&yaml).unwrap_or_else(|e| panic!("test operation: {e}"))
    }

    fn names(pairs: &[Pair]) -> Vec<(String, String)> {
        let label = |p: Option<&ApiProduct>| {
            p.map_or("-".to_string(), |p| format!("{}/{}", p.product, p.version))
        };
        pairs.iter().map(|p| (label(p.old), label(p.new))).collect()
    }

    #[test]
    fn exact_then_version_then_unnamed() {
        let old = Api::from_operations(vec![
            op("Vpc", "1", "A"),
            op("Ecs", "1", "B"),
            op("", "", "C"),
        ]);
        let new = Api::from_operations(vec![
            op("Vpc", "2", "A"),
            op("Ecs", "1", "B"),
            op("Cdn", "1", "C"),
            op("Other", "1", "D"),
        ]);
        let got = names(&pair(&old.products, &new.products));
        let want = [
            ("Ecs/1", "Ecs/1"),
            ("Vpc/1", "Vpc/2"),
            ("/", "Cdn/1"),
            ("-", "Other/1"),
        ];
        assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())));
    }
}
