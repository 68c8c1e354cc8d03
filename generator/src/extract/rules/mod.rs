//! Prose -> constraints: turns the rule sentences of a description cell into structured
//! [`Constraint`]s, each keeping the sentence it came from.
//!
//! Steps: [`normalize`] markup residue away, split into [`sentences`] and lists, keep the
//! units that [`classify`] calls rule-like, read them with the [`en`] or [`zh`] patterns
//! (value lists in either language go through [`values`]), then combine the findings.
//!
//! Choices worth knowing:
//! - Valid-value lists become an `enum`, except that numeric lists (any interval, or a
//!   numeric doc type: Integer, Long, int) become a `range` of points and intervals.
//! - The allowed `charset` also holds the classes allowed as first character: a name that
//!   "must start with a letter" and "can contain digits, underscores" may contain letters.
//! - `max_items.level` is the innermost `N` of the parameter's name (`Filter.N.Value.N`
//!   says how many values; the outer `N` is described on `Filter.N.Key`).
//! - For `PageSize` (and `MaxResults`), an upper bound (`Maximum value: 50`, `取值范围：1~100`) is a
//!   `page_size` constraint.

mod charclass;
mod classify;
mod en;
mod finding;
mod normalize;
mod sentences;
mod shared;
mod values;
mod zh;

#[cfg(test)]
mod corpus_tests;
#[cfg(test)]
mod tests;

use crate::diag::{DiagKind, Diagnostic, Span};
use crate::ir::{CharClass, Constraint};
use finding::{Ctx, Finding};
use sentences::Unit;

/// What the rule parser is given: one parameter's (or response field's) description.
pub struct RuleInput<'a> {
    /// Wire name (`Tag.N.Key`, `PageSize`), used for item-count and page-size rules.
    pub name: &'a str,
    /// Type as the document writes it (`String`, `Integer`, `Long`, `array<object>`...).
    pub doc_type: &'a str,
    /// Cell text: paragraphs separated by `\n`, list items starting with `- `.
    pub text: &'a str,
    /// Where the description cell starts.
    pub span: &'a Span,
}

/// Constraints found, the default value stated in prose, and warnings for sentences
/// that look like rules but were not understood.
#[derive(Debug, Default)]
pub struct RuleOutput {
    pub constraints: Vec<Constraint>,
    pub default: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
    /// Sentences that look like rules, and how many of them were understood.
    pub rule_sentences: usize,
    pub understood: usize,
}

pub fn parse_rules(input: &RuleInput<'_>) -> RuleOutput {
    let mut out = RuleOutput::default();
    let text = normalize::normalize(input.text);
    let text = without_members(&text);
    for unit in sentences::units(&text) {
        if !unit.items.is_empty() && values_intro(&unit.text).is_some_and(str::is_empty) {
            read_list(input, &unit, &mut out);
        } else {
            for sentence in unit.flatten() {
                read_sentence(input, &sentence.text, &mut out);
            }
        }
    }
    finish(input, &mut out);
    out
}

/// Drops the items of a list of members (`- IkeVersion：…取值：ikev1或ikev2`, `- Status: …
/// Valid values: Idle, InUse`): when items carry value rules of their own, they describe the
/// fields of a JSON document or the values of one filter key, not values of this parameter.
fn without_members(text: &str) -> String {
    let member = |line: &str| {
        line.strip_prefix("- ")
            .and_then(|item| item.split_once([':', '：']))
            .is_some_and(|(_, meaning)| {
                sentences::split_sentences(meaning)
                    .iter()
                    .any(|s| values_intro(s).is_some())
            })
    };
    if !text.lines().any(member) {
        return text.to_string();
    }
    let head = |line: &str| {
        line.strip_prefix("- ")
            .and_then(|item| item.split_once([':', '：']))
            .is_some_and(|(name, _)| values::value_like(name.trim()))
    };
    text.lines()
        .filter(|l| !head(l))
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn values_intro(s: &str) -> Option<&str> {
    if is_chinese(s) {
        zh::values_intro(s)
    } else {
        en::values_intro(s)
    }
}

fn read_list(input: &RuleInput<'_>, unit: &Unit, out: &mut RuleOutput) {
    let ctx = Ctx {
        input,
        quote: unit.quote(),
    };
    let findings = ctx.values(values::parse_items(&unit.items));
    record(&ctx, findings, out);
}

fn read_sentence(input: &RuleInput<'_>, sentence: &str, out: &mut RuleOutput) {
    if !classify::is_rule_like(sentence) {
        return;
    }
    let ctx = Ctx {
        input,
        quote: sentence.to_string(),
    };
    let findings = if is_chinese(sentence) {
        zh::recognize(&ctx, sentence)
    } else {
        en::recognize(&ctx, sentence)
    };
    record(&ctx, findings, out);
}

/// Adds one rule-like unit's findings to the output; warns when it was not understood.
fn record(ctx: &Ctx<'_>, findings: Vec<Finding>, out: &mut RuleOutput) {
    let span = || ctx.input.span.clone();
    out.rule_sentences += 1;
    let mut found = false;
    let mut failures = Vec::new();
    for f in findings {
        match f {
            Finding::Rule(c) => {
                out.constraints.push(c);
                found = true;
            }
            Finding::Default(v) => {
                match &out.default {
                    Some(d) if *d != v => out.diagnostics.push(Diagnostic::warning(
                        DiagKind::ConflictingDefault,
                        span(),
                        format!("`{}` states default `{v}`, but `{d}` was stated before", ctx.input.name),
                    )),
                    Some(_) => {}
                    None => out.default = Some(v),
                }
                found = true;
            }
            Finding::Excluded(values) => match out.constraints.iter_mut().rev().find_map(range_parts) {
                Some((excluded, sentence)) => {
                    excluded.extend(values);
                    sentence.push(' ');
                    sentence.push_str(&ctx.quote);
                    found = true;
                }
                None => failures.push("excluded values without a range before them".to_string()),
            },
            Finding::Glossed => found = true,
            Finding::Unsure(msg) => out.diagnostics.push(
                Diagnostic::warning(DiagKind::UnsureEnumValue, span(), format!("{msg}: \"{}\"", ctx.quote))
                    .with_hint("check the value list against the document; fix it in specs/overrides.yaml if wrong"),
            ),
            Finding::Failed(reason) => failures.push(reason),
        }
    }
    if found && failures.is_empty() {
        out.understood += 1;
        return;
    }
    let hint = if failures.is_empty() {
        "no known rule pattern matched".to_string()
    } else {
        failures.join("; ")
    };
    out.diagnostics.push(
        Diagnostic::warning(
            DiagKind::UnparsedRule,
            span(),
            format!(
                "`{}`: rule-like sentence not understood: \"{}\"",
                ctx.input.name, ctx.quote
            ),
        )
        .with_hint(hint),
    );
}

fn range_parts(c: &mut Constraint) -> Option<(&mut Vec<i64>, &mut String)> {
    match c {
        Constraint::Range {
            excluded, sentence, ..
        } => Some((excluded, sentence)),
        _ => None,
    }
}

/// Whole-description adjustments (see the module comment).
fn finish(input: &RuleInput<'_>, out: &mut RuleOutput) {
    if finding::is_page_size(input.name) {
        for c in &mut out.constraints {
            if let Constraint::Range {
                ranges,
                excluded,
                sentence,
                source,
                status,
            } = c
            {
                if let ([r], true) = (ranges.as_slice(), excluded.is_empty()) {
                    if let Ok(max) = u64::try_from(r.max) {
                        *c = Constraint::PageSize {
                            max,
                            sentence: std::mem::take(sentence),
                            source: source.clone(),
                            status: status.clone(),
                        };
                    }
                }
            }
        }
    }
    let first: Vec<CharClass> = out
        .constraints
        .iter()
        .filter_map(|c| match c {
            Constraint::FirstChar { allowed, .. } => Some(allowed.clone()),
            _ => None,
        })
        .flatten()
        .collect();
    for c in &mut out.constraints {
        if let Constraint::Charset { allowed, .. } = c {
            if !allowed.contains(&CharClass::Ascii) {
                allowed.extend(first.iter().cloned());
                allowed.sort();
                allowed.dedup();
            }
        }
    }
    out.constraints.dedup();
    contradictions(input, out);
    values_named_elsewhere(input, out);
}

/// A value list the same description contradicts by naming other values to set (a note:
/// `ISP字段可以设置为ChinaTelecom…`, "Set the value to BGP_FinanceCloud"): the list is not the
/// whole set of valid values, so it is not enforced. Only values written after a phrase that
/// sets this parameter count, outside the list's own sentence; a condition on another
/// parameter (`当InstanceChargeType取值为PrePaid时`) does not.
fn values_named_elsewhere(input: &RuleInput<'_>, out: &mut RuleOutput) {
    static VALUE: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
        regex::Regex::new(r"[A-Za-z][A-Za-z0-9_]*[A-Z_][A-Za-z0-9_]*|[A-Z][A-Za-z0-9_]*")
            .expect("valid regex")
    });
    const SETTING: [&str; 4] = ["设置为", "set the value to", "can set the", "取值："];
    let text = normalize::normalize(input.text);
    for c in &mut out.constraints {
        let Constraint::Enum {
            values,
            sentence,
            status,
            ..
        } = c
        else {
            continue;
        };
        if status.incomplete.is_some() {
            continue;
        }
        let mut others: Vec<String> = Vec::new();
        for s in text.lines().flat_map(sentences::split_sentences) {
            if sentence.contains(s.trim()) || s.trim().starts_with("- ") {
                continue;
            }
            let lower = s.to_lowercase();
            let Some(at) = SETTING
                .iter()
                .filter_map(|w| lower.find(w).map(|i| i + w.len()))
                .min()
            else {
                continue;
            };
            let rest = s.get(at..).unwrap_or_default();
            others.extend(
                VALUE
                    .find_iter(rest)
                    .map(|m| m.as_str().to_string())
                    .filter(|v| {
                        *v != input.name && !values.iter().any(|e| e.value.eq_ignore_ascii_case(v))
                    }),
            );
        }
        if !others.is_empty() {
            others.dedup();
            status.incomplete = Some(format!(
                "the description names other values to set: {}",
                others.join(", ")
            ));
        }
    }
}

/// Which rules bound the same thing (two ranges, two lengths, two counts of one `N`, two
/// value lists), and how: rules of one group that bound it differently contradict each other.
fn bound(c: &Constraint) -> Option<((u8, u8), String)> {
    Some(match c {
        Constraint::Range {
            ranges, excluded, ..
        } => ((0, 0), format!("{ranges:?} {excluded:?}")),
        Constraint::Length { min, max, .. } => ((1, 0), format!("{min:?} {max:?}")),
        Constraint::MaxItems { max, level, .. } => ((2, *level), max.to_string()),
        Constraint::PageSize { max, .. } => ((3, 0), max.to_string()),
        Constraint::Enum { values, .. } => {
            let mut v: Vec<&str> = values.iter().map(|v| v.value.as_str()).collect();
            v.sort_unstable();
            ((4, 0), v.join("|"))
        }
        _ => return None,
    })
}

/// A description that states one bound twice, differently (`取值范围：1~100` and later `最大值为
/// 50`): the page contradicts itself, so none of those rules is enforced, and it is said.
fn contradictions(input: &RuleInput<'_>, out: &mut RuleOutput) {
    let bounds: Vec<Option<((u8, u8), String)>> = out.constraints.iter().map(bound).collect();
    let mut differing = vec![false; bounds.len()];
    for (i, a) in bounds.iter().enumerate() {
        for (j, b) in bounds.iter().enumerate().skip(i + 1) {
            if let (Some((ga, va)), Some((gb, vb))) = (a, b) {
                if ga == gb && va != vb {
                    differing[i] = true;
                    differing[j] = true;
                }
            }
        }
    }
    let sentences: Vec<String> = (0..bounds.len())
        .filter(|&i| differing[i])
        .map(|i| format!("`{}`", out.constraints[i].sentence()))
        .collect();
    if sentences.is_empty() {
        return;
    }
    let why = format!("the page states it differently: {}", sentences.join(" / "));
    for (c, _) in out
        .constraints
        .iter_mut()
        .zip(&differing)
        .filter(|(_, d)| **d)
    {
        c.status_mut().incomplete.get_or_insert_with(|| why.clone());
    }
    out.diagnostics.push(
        Diagnostic::warning(
            DiagKind::ConflictingRule,
            input.span.clone(),
            format!(
                "`{}` is bounded differently within its description ({}); none of those rules is enforced",
                input.name,
                sentences.join(" / ")
            ),
        )
        .with_hint("check which bound the service applies; correct it with an override"),
    );
}
