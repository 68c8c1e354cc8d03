//! English rule sentences.

use super::charclass::{classes, paren_char};
use super::finding::{Ctx, Finding};
use super::shared;
use crate::ir::{CharClass, Origin};
use once_cell::sync::Lazy;
use regex::Regex;

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid regex")
}

/// End of a clause inside a sentence.
const CLAUSE_END: &str = r"(?:[,;]\s|\.\s|\.$|\s+but\b|\s+and\s+(?:can|cannot|must|it|is)\b|$)";

static VALUES_INTRO: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)(?:^|[\s,;(])(default |maximum |minimum )?(?:(?:(?:valid|allowed|possible) values?|value range|valid range)(?:\s+(?:is|are)\s+|\s*[:：]\s*)|values?\s*[:：]\s*)(.*?)(?:,\s*(?:which|the unit|indicating|and the default)\b.*)?$",
    )
});
static SET_VALUE: Lazy<Regex> = Lazy::new(|| {
    re(r"(?i)\bset (?:the|this) (?:value|parameter) to\s*:?\s*(.+?)(?:,\s*which\b.*)?$")
});
static N_RANGE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\b(?:valid values?|value range|range|maximum value|valid range) of [nm]\b\s*(?:is|are|:)?\s*\[?\s*(?:(\d+)\s*(?:to|-|~|,)\s*)?(\d+)",
    )
});
static AT_MOST: Lazy<Regex> = Lazy::new(|| {
    re(r"(?i)\b(?:at most|up to|a maximum of|maximum of|no more than)\s+(\d+)\s*(\w*)")
});
static MAXIMUM: Lazy<Regex> = Lazy::new(|| re(r"(?i)\bmaximum value\s*(?:is|:)?\s*(\d+)"));
static DEFAULT: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\bdefault(?: value)?\s*(?:is|:|：)\s*(.+?)(?:[,;]\s|\.\s|\.$|\s+(?:and|but|which)\b|$)",
    )
});
static RESERVED: Lazy<Regex> =
    Lazy::new(|| re(r"(?i)\b(-?\d+) (?:is|are) reserved\b|\bexcept(?: for)?\s+(-?\d+)"));
static LENGTH_RANGE: Lazy<Regex> =
    Lazy::new(|| re(r"(?i)(\d+)\s*(?:to|and|-|~)\s*(\d+)\s*(ascii\s+)?characters?\b"));
static LENGTH_MAX: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\b(?:up to|at most|a maximum of|maximum of|no more than|exceed|maximum length is|maximum length of)\s+(\d+)\s+(ascii\s+)?characters?\b",
    )
});
static LENGTH_MIN: Lazy<Regex> =
    Lazy::new(|| re(r"(?i)\bat least\s+(\d+)\s+(ascii\s+)?characters?\b"));
static CHARSET_INCLUDING: Lazy<Regex> = Lazy::new(|| re(r"(?i)\bcharacters,?\s+including\s+(.+)$"));
static CHARSET: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\b(?:can|may|must)\s+(?:only\s+)?contain\s+(?:only\s+)?(.+)$|\bsupports?\s+only\s+(ascii.*)$",
    )
});
static NOT_A_CHARSET: Lazy<Regex> =
    Lazy::new(|| re(r"(?i)^(?:from\s|up\s+to|a\s+maximum|at\s+most|no\s+more|\d)"));
static LIST_END: Lazy<Regex> = Lazy::new(|| {
    re(r"(?i)[,;]?\s*\b(?:and\s+)?(?:but|must|cannot|can't|should|which|it|in length)\b|\.\s|\.$")
});
static LIST_SEP: Lazy<Regex> = Lazy::new(|| re(r"(?i)\s*(?:,|\band\b|\bor\b)\s*"));
static STARTS_WITH: Lazy<Regex> = Lazy::new(|| {
    re(&format!(
        r"(?i)\b(?:start|begin)s?\s+with\s+(.+?){CLAUSE_END}"
    ))
});
static CANNOT_CONTAIN: Lazy<Regex> = Lazy::new(|| {
    re(&format!(
        r"(?i)\b(?:cannot|can't|can not|must not|should not|may not)\s+(?:contain|include)\s+(.+?){CLAUSE_END}"
    ))
});

/// The values after an intro (`Valid values: ...`, `Set the value to ...`), if the
/// sentence has one. Empty when the values follow as list items.
pub fn values_intro(sentence: &str) -> Option<&str> {
    if let Some(c) = VALUES_INTRO.captures(sentence) {
        if c.get(1).is_none() {
            return c.get(2).map(|m| m.as_str());
        }
    }
    SET_VALUE
        .captures(sentence)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
}

pub fn recognize(ctx: &Ctx<'_>, s: &str) -> Vec<Finding> {
    let wording = shared::Wording {
        maximum: &MAXIMUM,
        default: &DEFAULT,
        values_intro,
        item_count,
    };
    let mut out = shared::recognize(&wording, ctx, s);
    for c in RESERVED.captures_iter(s) {
        out.extend(
            c.get(1)
                .or(c.get(2))
                .and_then(|m| m.as_str().parse().ok())
                .map(|n| Finding::Excluded(vec![n])),
        );
    }
    length(ctx, s, &mut out);
    charset(ctx, s, &mut out);
    starts_with(ctx, s, &mut out);
    for c in CANNOT_CONTAIN.captures_iter(s) {
        out.push(match literals(&c[1]) {
            Some(v) => ctx.forbidden_substring(v),
            None => Finding::Failed(format!("cannot contain: {}", &c[1])),
        });
    }
    out
}

/// Item-count rules of repeated parameters; true when the sentence had one.
fn item_count(ctx: &Ctx<'_>, s: &str, out: &mut Vec<Finding>) -> bool {
    if let Some(n) = N_RANGE.captures(s).and_then(|c| shared::index_count(&c)) {
        out.push(ctx.max_items(n, Origin::Stated));
        return true;
    }
    let counts: Vec<u64> = AT_MOST
        .captures_iter(s)
        .filter(|c| !c[2].to_ascii_lowercase().starts_with("character"))
        .filter_map(|c| c[1].parse().ok())
        .collect();
    out.extend(counts.iter().map(|n| ctx.max_items(*n, Origin::Inferred)));
    !counts.is_empty()
}

fn length(ctx: &Ctx<'_>, s: &str, out: &mut Vec<Finding>) {
    let (min, max, ascii) = if let Some(c) = LENGTH_RANGE.captures(s) {
        (c[1].parse().ok(), c[2].parse().ok(), c.get(3).is_some())
    } else if let Some(c) = LENGTH_MAX.captures(s) {
        (None, c[1].parse().ok(), c.get(2).is_some())
    } else if let Some(c) = LENGTH_MIN.captures(s) {
        (c[1].parse().ok(), None, c.get(2).is_some())
    } else {
        return;
    };
    out.push(ctx.length(min, max));
    if ascii {
        out.push(ctx.charset(vec![CharClass::Ascii]));
    }
}

fn charset(ctx: &Ctx<'_>, s: &str, out: &mut Vec<Finding>) {
    let Some(found) = CHARSET_INCLUDING
        .captures(s)
        .or_else(|| CHARSET.captures(s))
    else {
        return;
    };
    let Some(list) = found.get(1).or(found.get(2)) else {
        return;
    };
    let exhaustive = found
        .get(0)
        .is_some_and(|m| m.as_str().to_ascii_lowercase().contains("only"));
    let list = list.as_str();
    if NOT_A_CHARSET.is_match(list) {
        return;
    }
    let list = LIST_END.find(list).map_or(list, |m| &list[..m.start()]);
    let items: Vec<&str> = LIST_SEP.split(list).collect();
    out.push(match classes(&items, class) {
        Ok(c) => shared::charset(ctx, c, exhaustive),
        Err(e) => Finding::Failed(e),
    });
}

fn starts_with(ctx: &Ctx<'_>, s: &str, out: &mut Vec<Finding>) {
    for c in STARTS_WITH.captures_iter(s) {
        let what = &c[1];
        let before = c
            .get(0)
            .map_or("", |m| &s[..m.start()])
            .trim_end()
            .to_ascii_lowercase();
        let negated = ["cannot", "can't", "not"]
            .iter()
            .any(|n| before.ends_with(n));
        out.push(if negated {
            match literals(what) {
                Some(v) => ctx.forbidden_prefix(v),
                None => Finding::Failed(format!("cannot start with: {what}")),
            }
        } else {
            let items: Vec<&str> = LIST_SEP.split(what).collect();
            match classes(&items, class) {
                Ok(c) => ctx.first_char(c),
                Err(e) => Finding::Failed(e),
            }
        });
    }
}

/// Literal strings of a forbidden list (`http:// or https://`, `aliyun or acs:`).
fn literals(text: &str) -> Option<Vec<String>> {
    let v: Vec<String> = LIST_SEP
        .split(text)
        .map(|t| {
            t.trim()
                .trim_matches(['"', '\'', '“', '”'])
                .trim_end_matches('.')
                .to_string()
        })
        .filter(|t| !t.is_empty())
        .collect();
    let literal = |t: &String| {
        !t.contains(' ') && (t.contains([':', '/']) || t.chars().all(|c| c.is_ascii_lowercase()))
    };
    (!v.is_empty() && v.iter().all(literal) && !v.iter().any(|t| t == "spaces")).then_some(v)
}

/// An English character-class phrase (`letters`, `an English letter`, `hyphens (-)`).
fn class(item: &str) -> Option<CharClass> {
    if let Some(c) = paren_char(item) {
        return Some(c);
    }
    let item = item.to_ascii_lowercase();
    let words: Vec<&str> = item
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .filter(|w| {
            !matches!(
                *w,
                "" | "a"
                    | "an"
                    | "the"
                    | "and"
                    | "or"
                    | "only"
                    | "english"
                    | "uppercase"
                    | "lowercase"
            )
        })
        .collect();
    let words = match words.as_slice() {
        [w, "characters" | "character"] if *w != "ascii" && *w != "chinese" => vec![*w],
        other => other.to_vec(),
    };
    Some(match words.as_slice() {
        [] | ["letter" | "letters", ..] | ["a-z"] | ["alphabetic", ..] => CharClass::Letter,
        ["digit" | "digits" | "number" | "numbers" | "numeral" | "numerals"] | ["0-9"] => {
            CharClass::Digit
        }
        ["chinese", ..] => CharClass::Chinese,
        ["ascii", ..] => CharClass::Ascii,
        ["period" | "periods" | "dot" | "dots"] | ["full", "stop" | "stops"] => {
            CharClass::Char('.')
        }
        ["underscore" | "underscores" | "underline" | "underlines"] => CharClass::Char('_'),
        ["hyphen" | "hyphens" | "dash" | "dashes"] => CharClass::Char('-'),
        ["colon" | "colons"] => CharClass::Char(':'),
        ["comma" | "commas"] => CharClass::Char(','),
        ["slash" | "slashes"] | ["forward", "slash" | "slashes"] => CharClass::Char('/'),
        ["space" | "spaces"] => CharClass::Char(' '),
        _ => return None,
    })
}
