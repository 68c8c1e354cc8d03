//! Rules read from prose (valid values, ranges, lengths, item limits, character rules):
//! whether the set of values a caller may use grew, shrank, or both.

use super::compare::Emitter;
use super::kinds::Kind;
use super::reading::{self, Text};
use crate::diag::Span;
use crate::ir::{CharClass, Constraint, Interval};
use std::collections::{BTreeMap, BTreeSet};

/// Which way values flow: request rules are checked by the generated code, response fields
/// only carry valid-value lists.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Request,
    Response,
}

type Pair<'a> = (Vec<&'a Constraint>, Vec<&'a Constraint>);

/// Constraints of the same kind (and `max_items` level) are compared with each other, in
/// document order. `text`: what each side says; a rule stated on one side only while the
/// other side has a sentence for it that was not read, a rule one side would not enforce, or
/// a valid value the other side's description still lists, is a change of reading.
pub fn compare(
    emit: &mut Emitter,
    subject: &str,
    direction: Direction,
    (old, new): (&[Constraint], &[Constraint]),
    text: (Text, Text),
    at: (Option<&Span>, Option<&Span>),
) {
    let relevant =
        |c: &&Constraint| direction == Direction::Request || matches!(c, Constraint::Enum { .. });
    let mut by_key: BTreeMap<(u8, u8), Pair> = BTreeMap::new();
    for c in old.iter().filter(relevant) {
        by_key.entry(key(c)).or_default().0.push(c);
    }
    for c in new.iter().filter(relevant) {
        by_key.entry(key(c)).or_default().1.push(c);
    }
    for (o, n) in by_key.into_values() {
        for i in 0..o.len().max(n.len()) {
            let (o, n) = (o.get(i).copied(), n.get(i).copied());
            let spans = (
                o.map(Constraint::source).or(at.0),
                n.map(Constraint::source).or(at.1),
            );
            match (o, n) {
                (Some(o), Some(n)) if o.is_enforced() != n.is_enforced() => {
                    let read = format!(
                        "an enforced rule ({}) on one side only",
                        render(if o.is_enforced() { o } else { n })
                    );
                    let detail = reading::detail(&read, o.sentence(), n.sentence());
                    emit.push(Kind::ReadingChanged, subject, detail, spans.0, spans.1);
                }
                (Some(o), Some(n)) => compare_same(emit, subject, o, n, text, spans),
                (Some(c), None) | (None, Some(c)) => {
                    let other = if n.is_some() { text.0 } else { text.1 };
                    match other.unread_for(c.sentence()) {
                        Some(sentence) => {
                            reading_changed(emit, subject, c, sentence, n.is_some(), spans)
                        }
                        None if !c.is_enforced() => {
                            reading_changed(emit, subject, c, "", n.is_some(), spans)
                        }
                        None => stated_on_one_side(emit, subject, direction, c, n.is_some(), spans),
                    }
                }
                (None, None) => {}
            }
        }
    }
}

/// Kind order and `max_items` level: what a constraint is compared with.
fn key(c: &Constraint) -> (u8, u8) {
    match c {
        Constraint::Enum { .. } => (0, 0),
        Constraint::Range { .. } => (1, 0),
        Constraint::Length { .. } => (2, 0),
        Constraint::MaxItems { level, .. } => (3, *level),
        Constraint::PageSize { .. } => (4, 0),
        Constraint::Charset { .. } => (5, 0),
        Constraint::FirstChar { .. } => (6, 0),
        Constraint::ForbiddenPrefix { .. } => (7, 0),
        Constraint::ForbiddenSubstring { .. } => (8, 0),
    }
}

/// The (narrowed, widened) kinds of a constraint's family.
fn family(c: &Constraint) -> (Kind, Kind) {
    match c {
        Constraint::Range { .. } => (Kind::RangeNarrowed, Kind::RangeWidened),
        Constraint::Length { .. } => (Kind::LengthNarrowed, Kind::LengthWidened),
        Constraint::MaxItems { .. } | Constraint::PageSize { .. } => {
            (Kind::ItemLimitNarrowed, Kind::ItemLimitWidened)
        }
        _ => (Kind::FormatRuleNarrowed, Kind::FormatRuleWidened),
    }
}

/// A rule one side states and the other side did not understand (`unread`, its sentence) or
/// would not enforce.
fn reading_changed(
    emit: &mut Emitter,
    subject: &str,
    c: &Constraint,
    unread: &str,
    only_new: bool,
    spans: (Option<&Span>, Option<&Span>),
) {
    let read = format!("a rule ({}) on one side only", render(c));
    let (old, new) = if only_new {
        (unread, c.sentence())
    } else {
        (c.sentence(), unread)
    };
    emit.push(
        Kind::ReadingChanged,
        subject,
        reading::detail(&read, old, new),
        spans.0,
        spans.1,
    );
}

/// A rule only one side states. A valid-value list appearing or going changes the generated
/// type (text <-> enum); any other rule appearing narrows what is accepted, going widens it.
fn stated_on_one_side(
    emit: &mut Emitter,
    subject: &str,
    direction: Direction,
    c: &Constraint,
    only_new: bool,
    spans: (Option<&Span>, Option<&Span>),
) {
    let is_enum = matches!(c, Constraint::Enum { .. });
    let absent = if is_enum { "free text" } else { "not stated" }.to_string();
    let (before, after) = if only_new {
        (absent, render(c))
    } else {
        (render(c), absent)
    };
    let kind = match (is_enum, direction) {
        (true, Direction::Request) => Kind::ParameterTypeChanged,
        (true, Direction::Response) => Kind::ResponseFieldTypeChanged,
        (false, _) if only_new => family(c).0,
        (false, _) => family(c).1,
    };
    emit.push(
        kind,
        subject,
        format!("{before} → {after}"),
        spans.0,
        spans.1,
    );
}

fn compare_same(
    emit: &mut Emitter,
    subject: &str,
    o: &Constraint,
    n: &Constraint,
    text: (Text, Text),
    spans: (Option<&Span>, Option<&Span>),
) {
    if let (Constraint::Enum { values: ov, .. }, Constraint::Enum { values: nv, .. }) = (o, n) {
        let set = |vs: &[crate::ir::EnumValue]| {
            vs.iter()
                .map(|v| v.value.trim().to_string())
                .collect::<BTreeSet<_>>()
        };
        let (os, ns) = (set(ov), set(nv));
        // A value one side's list lacks while its description still names it was misread.
        let (unread_new, removed): (Vec<&String>, Vec<&String>) =
            os.difference(&ns).partition(|v| text.1.lists_value(v));
        let (unread_old, added): (Vec<&String>, Vec<&String>) =
            ns.difference(&os).partition(|v| text.0.lists_value(v));
        for (values, side) in [(unread_new, "new"), (unread_old, "old")] {
            if !values.is_empty() {
                let shown: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
                let read = format!(
                    "valid values {} (the {side} description still lists them, but they were not read into its list)",
                    shown.join(", ")
                );
                let detail = reading::detail(&read, o.sentence(), n.sentence());
                emit.push(Kind::ReadingChanged, subject, detail, spans.0, spans.1);
            }
        }
        // The same value spelled with and without spaces (a PDF's inserted spaces, a typo).
        let squeezed = |v: &str| v.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let (respelled, removed): (Vec<&String>, Vec<&String>) = removed
            .into_iter()
            .partition(|v| added.iter().any(|a| squeezed(a) == squeezed(v)));
        let added: Vec<&String> = added
            .into_iter()
            .filter(|a| !respelled.iter().any(|v| squeezed(a) == squeezed(v)))
            .collect();
        for v in respelled {
            let new = ns
                .iter()
                .find(|a| squeezed(a) == squeezed(v))
                .map_or("", String::as_str);
            let read = format!("valid value `{v}` spelled `{new}`");
            let detail = reading::detail(&read, o.sentence(), n.sentence());
            emit.push(Kind::ReadingChanged, subject, detail, spans.0, spans.1);
        }
        for v in removed {
            emit.push(
                Kind::EnumValueRemoved,
                subject,
                format!("`{v}`"),
                spans.0,
                spans.1,
            );
        }
        for v in added {
            emit.push(
                Kind::EnumValueAdded,
                subject,
                format!("`{v}`"),
                spans.0,
                spans.1,
            );
        }
        return;
    }
    let (narrowed, widened) = movement(o, n);
    let (narrow_kind, widen_kind) = family(o);
    let kind = if narrowed {
        narrow_kind
    } else if widened {
        widen_kind
    } else {
        return;
    };
    emit.push(kind, subject, change_detail(o, n), spans.0, spans.1);
}

/// `old → new`, or for long value lists only what stopped and started being valid.
fn change_detail(o: &Constraint, n: &Constraint) -> String {
    let (before, after) = (render(o), render(n));
    let long = before.len() + after.len() > 80;
    match (o, n) {
        (
            Constraint::Range {
                ranges: or,
                excluded: oe,
                ..
            },
            Constraint::Range {
                ranges: nr,
                excluded: ne,
                ..
            },
        ) if long => {
            let (a, b) = (accepted(or, oe), accepted(nr, ne));
            let part = |label: &str, set: Vec<(i128, i128)>| {
                (!set.is_empty()).then(|| format!("{label} {}", show_set(&set)))
            };
            let parts: Vec<String> = [
                part("no longer valid:", minus(&a, &b)),
                part("newly valid:", minus(&b, &a)),
            ]
            .into_iter()
            .flatten()
            .collect();
            parts.join("; ")
        }
        _ => format!("{before} → {after}"),
    }
}

/// The integers in `a` and not in `b` (both as made by [`accepted`]).
fn minus(a: &[(i128, i128)], b: &[(i128, i128)]) -> Vec<(i128, i128)> {
    let mut out = a.to_vec();
    for &(blo, bhi) in b {
        out = out
            .into_iter()
            .flat_map(|(lo, hi)| [(lo, hi.min(blo - 1)), (lo.max(bhi + 1), hi)])
            .filter(|(lo, hi)| lo <= hi)
            .collect();
    }
    out
}

fn show_set(set: &[(i128, i128)]) -> String {
    let shown: Vec<String> = set
        .iter()
        .map(|(lo, hi)| {
            if lo == hi {
                lo.to_string()
            } else {
                format!("[{lo}, {hi}]")
            }
        })
        .collect();
    shown.join(", ")
}

/// (some value valid under `o` is invalid under `n`, some value valid under `n` was invalid).
fn movement(o: &Constraint, n: &Constraint) -> (bool, bool) {
    match (o, n) {
        (
            Constraint::Range {
                ranges: or,
                excluded: oe,
                ..
            },
            Constraint::Range {
                ranges: nr,
                excluded: ne,
                ..
            },
        ) => {
            let (a, b) = (accepted(or, oe), accepted(nr, ne));
            (!subset(&a, &b), !subset(&b, &a))
        }
        (
            Constraint::Length {
                min: omin,
                max: omax,
                ..
            },
            Constraint::Length {
                min: nmin,
                max: nmax,
                ..
            },
        ) => {
            // An empty value is the parameter left out, so "at most 64" and "1 to 64" agree.
            let (omin, nmin, omax, nmax) = (
                omin.unwrap_or(1).max(1),
                nmin.unwrap_or(1).max(1),
                omax.unwrap_or(u64::MAX),
                nmax.unwrap_or(u64::MAX),
            );
            (nmin > omin || nmax < omax, nmin < omin || nmax > omax)
        }
        (Constraint::MaxItems { max: o, .. }, Constraint::MaxItems { max: n, .. })
        | (Constraint::PageSize { max: o, .. }, Constraint::PageSize { max: n, .. }) => {
            (n < o, n > o)
        }
        (Constraint::Charset { allowed: o, .. }, Constraint::Charset { allowed: n, .. })
        | (Constraint::FirstChar { allowed: o, .. }, Constraint::FirstChar { allowed: n, .. }) => {
            let (o, n): (BTreeSet<&CharClass>, BTreeSet<&CharClass>) =
                (o.iter().collect(), n.iter().collect());
            (!o.is_subset(&n), !n.is_subset(&o))
        }
        (
            Constraint::ForbiddenPrefix { values: o, .. },
            Constraint::ForbiddenPrefix { values: n, .. },
        )
        | (
            Constraint::ForbiddenSubstring { values: o, .. },
            Constraint::ForbiddenSubstring { values: n, .. },
        ) => {
            // More forbidden values accept fewer strings.
            let (o, n): (BTreeSet<&str>, BTreeSet<&str>) = (
                o.iter().map(|s| s.trim()).collect(),
                n.iter().map(|s| s.trim()).collect(),
            );
            (!n.is_subset(&o), !o.is_subset(&n))
        }
        _ => (false, false),
    }
}

/// The accepted integers as sorted, disjoint, non-adjacent inclusive intervals.
fn accepted(ranges: &[Interval], excluded: &[i64]) -> Vec<(i128, i128)> {
    let mut spans: Vec<(i128, i128)> = ranges
        .iter()
        .map(|r| (i128::from(r.min.min(r.max)), i128::from(r.min.max(r.max))))
        .collect();
    spans.sort_unstable();
    let mut merged: Vec<(i128, i128)> = Vec::new();
    for (lo, hi) in spans {
        match merged.last_mut() {
            Some(last) if lo <= last.1 + 1 => last.1 = last.1.max(hi),
            _ => merged.push((lo, hi)),
        }
    }
    for &e in excluded {
        let e = i128::from(e);
        merged = merged
            .into_iter()
            .flat_map(|(lo, hi)| {
                if lo <= e && e <= hi {
                    vec![(lo, e - 1), (e + 1, hi)]
                } else {
                    vec![(lo, hi)]
                }
            })
            .filter(|(lo, hi)| lo <= hi)
            .collect();
    }
    merged
}

fn subset(a: &[(i128, i128)], b: &[(i128, i128)]) -> bool {
    a.iter()
        .all(|(lo, hi)| b.iter().any(|(blo, bhi)| blo <= lo && hi <= bhi))
}

fn render(c: &Constraint) -> String {
    let list = |vs: &mut dyn Iterator<Item = String>| vs.collect::<Vec<_>>().join(", ");
    match c {
        Constraint::Enum { values, .. } => format!(
            "enum ({})",
            list(&mut values.iter().map(|v| v.value.trim().to_string()))
        ),
        Constraint::Range {
            ranges, excluded, ..
        } => {
            let shown = list(&mut ranges.iter().map(|r| {
                if r.min == r.max {
                    r.min.to_string()
                } else {
                    format!("[{}, {}]", r.min, r.max)
                }
            }));
            if excluded.is_empty() {
                shown
            } else {
                format!(
                    "{shown} except {}",
                    list(&mut excluded.iter().map(i64::to_string))
                )
            }
        }
        Constraint::Length { min, max, .. } => match (min, max) {
            (Some(lo), Some(hi)) => format!("{lo}-{hi} characters"),
            (None, Some(hi)) => format!("at most {hi} characters"),
            (Some(lo), None) => format!("at least {lo} characters"),
            (None, None) => "any length".to_string(),
        },
        Constraint::MaxItems { max, level: 0, .. } => format!("at most {max} items"),
        Constraint::MaxItems { max, level, .. } => {
            format!("at most {max} items at level {}", u16::from(*level) + 1)
        }
        Constraint::PageSize { max, .. } => format!("page size at most {max}"),
        Constraint::Charset { allowed, .. } => {
            format!("characters: {}", list(&mut allowed.iter().map(class)))
        }
        Constraint::FirstChar { allowed, .. } => {
            format!("first character: {}", list(&mut allowed.iter().map(class)))
        }
        Constraint::ForbiddenPrefix { values, .. } => format!(
            "must not start with {}",
            list(&mut values.iter().map(|v| format!("`{}`", v.trim())))
        ),
        Constraint::ForbiddenSubstring { values, .. } => format!(
            "must not contain {}",
            list(&mut values.iter().map(|v| format!("`{}`", v.trim())))
        ),
    }
}

fn class(c: &CharClass) -> String {
    match c {
        CharClass::Letter => "letter".to_string(),
        CharClass::Chinese => "chinese".to_string(),
        CharClass::Digit => "digit".to_string(),
        CharClass::Ascii => "ascii".to_string(),
        CharClass::Char(ch) => format!("`{ch}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(ranges: &[(i64, i64)], excluded: &[i64]) -> Constraint {
        let ranges = ranges
            .iter()
            .map(|&(min, max)| Interval { min, max })
            .collect();
        Constraint::Range {
            ranges,
            excluded: excluded.to_vec(),
            sentence: String::new(),
            source: Span::new("f", 1),
            status: Default::default(),
        }
    }

    #[test]
    fn more_forbidden_values_narrow() {
        let prefix = |v: &[&str]| Constraint::ForbiddenPrefix {
            values: v.iter().map(ToString::to_string).collect(),
            sentence: String::new(),
            source: Span::new("f", 1),
            status: Default::default(),
        };
        let (one, two) = (prefix(&["https://"]), prefix(&["http://", "https://"]));
        assert_eq!(movement(&one, &two), (true, false));
        assert_eq!(movement(&two, &one), (false, true));
    }

    #[test]
    fn long_value_lists_show_the_difference() {
        let many: Vec<(i64, i64)> = (1..=20).map(|v| (v * 10, v * 10)).collect();
        let fewer = &many[..19];
        assert_eq!(
            change_detail(&range(&many, &[]), &range(fewer, &[])),
            "no longer valid: 200"
        );
        assert_eq!(
            change_detail(&range(&[(2, 10240)], &[]), &range(&[(5, 5000)], &[])),
            "[2, 10240] → [5, 5000]"
        );
        let cut = [Interval { min: 0, max: 40 }, Interval { min: 60, max: 100 }];
        let whole = [Interval { min: 0, max: 100 }];
        assert_eq!(
            minus(&accepted(&whole, &[]), &accepted(&cut, &[])),
            vec![(41, 59)]
        );
        assert_eq!(minus(&accepted(&cut, &[]), &accepted(&whole, &[])), vec![]);
    }

    #[test]
    fn ranges_compare_as_sets() {
        assert_eq!(
            movement(&range(&[(2, 10240)], &[]), &range(&[(5, 5000)], &[])),
            (true, false)
        );
        assert_eq!(
            movement(&range(&[(1, 5)], &[]), &range(&[(1, 2), (3, 5)], &[])),
            (false, false)
        );
        assert_eq!(
            movement(&range(&[(1, 5)], &[]), &range(&[(1, 5)], &[3])),
            (true, false)
        );
        assert_eq!(
            movement(&range(&[(1, 1), (2, 2)], &[]), &range(&[(1, 3)], &[])),
            (false, true)
        );
        assert_eq!(
            movement(
                &range(&[(i64::MIN, i64::MAX)], &[i64::MAX]),
                &range(&[(0, 1)], &[])
            ),
            (true, false)
        );
    }
}
