//! The rules every language states in the same order and recognises the same way; each
//! language supplies only its own wording.

use super::finding::{Ctx, Finding};
use super::values::{self, parse_inline};
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
