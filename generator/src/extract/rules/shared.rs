//! The rules every language states in the same order and recognises the same way; each
//! language supplies only its own wording.

use super::finding::{Ctx, Finding};
use super::values::{self, parse_inline};
use crate::ir::CharClass;
use once_cell::sync::Lazy;
use regex::Regex;

/// One language's wording of the shared rules.
pub struct Wording {
    /// `Maximum value: 50` / `最大值：50`; group 1 is the number.
    pub maximum: &'static Lazy<Regex>,
    /// `Default value: 10` / `默认值：10`; group 1 is the value.
    pub default: &'static Lazy<Regex>,
    /// The values after an intro (`Valid values:` / `取值：`), if the sentence has one.
    pub values_intro: fn(&str) -> Option<&str>,
    /// Item-count rules of repeated parameters; true when the sentence had one.
    pub item_count: fn(&Ctx<'_>, &str, &mut Vec<Finding>) -> bool,
}

/// Item counts, page size, valid values and defaults.
pub fn recognize(w: &Wording, ctx: &Ctx<'_>, s: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    let item_count = ctx.repeated() && (w.item_count)(ctx, s, &mut out);
    if ctx.page_size_param() {
        out.extend(
            w.maximum
                .captures(s)
                .and_then(|c| c[1].parse().ok())
                .map(|n| ctx.page_size(n)),
        );
    }
    match (w.values_intro)(s) {
        Some(rest) if !item_count => out.extend(ctx.values(parse_inline(rest))),
        _ => out.extend(values::marked_default(s).map(Finding::Default)),
    }
    if let Some(c) = w.default.captures(s) {
        out.push(values::default_value(&c[1]));
    }
    out
}

/// How many items `N的取值范围为1~20` / `Valid values of N: 0 to 29` allows (group 1 the
/// lower bound, 1 when absent; group 2 the upper).
pub fn index_count(c: &regex::Captures<'_>) -> Option<u64> {
    let max: u64 = c.get(2)?.as_str().parse().ok()?;
    let min: u64 = c.get(1).map_or(Some(1), |m| m.as_str().parse().ok())?;
    (max + 1).checked_sub(min)
}

/// A character-set rule. Only `can contain only` / `只能包含` names every allowed class;
/// `can contain` / `可包含` lists some (the next sentence often allows more), so that rule is
/// kept but never enforced.
pub fn charset(ctx: &Ctx<'_>, allowed: Vec<CharClass>, exhaustive: bool) -> Finding {
    let mut found = ctx.charset(allowed);
    if let (false, Finding::Rule(c)) = (exhaustive, &mut found) {
        c.status_mut().incomplete = Some(
            "`can contain` / `可包含` lists allowed characters, not all of them (only `can contain only` / `只能包含` is exhaustive)".into(),
        );
    }
    found
}
