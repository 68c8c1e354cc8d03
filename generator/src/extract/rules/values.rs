//! Value lists, in any language: bulleted items (`- Value: meaning`, `- Value（默认值）：含义`),
//! inline lists (`a|b|c`, `50M, 100M, and 10G`, `-1或1~100`), inline lists run together by
//! PDF text (`CT: China Telecom CU: China Unicom`), and numeric points and intervals.

use super::finding::Finding;
use crate::ir::Interval;
use once_cell::sync::Lazy;
use regex::Regex;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub value: String,
    pub description: String,
    pub default: bool,
}

/// A parsed list, plus notes on guesses made while splitting it.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Values {
    pub items: Vec<Item>,
    pub unsure: Vec<String>,
}

static DEFAULT_MARK: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\s*(?:[(（]\s*(?i:default(?:\s+value)?|默认值?)\s*[)）])\s*").expect("valid regex")
});
static DEFAULT_IN_DESCRIPTION: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\bthis is the default\b|\bis the default value\b|^default\.|^默认值|为默认值|（默认值?）")
        .expect("valid regex")
});
static VALUE_LIKE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^[\w.\-/+*@#$%~～]+(?: [\w.\-/+*@#$%~～]+){0,2}$").expect("valid regex")
});
static PAREN_MEANING: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(.+?)\s*[(（]([^()（）]*)[)）]$").expect("valid regex"));
static NOTE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^(?:if|when|note)\b|^(?:如果|若|当|说明)").expect("valid regex"));
static BRACKET_RANGE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\[\s*(-?\d+)\s*,\s*(-?\d+)\s*\]").expect("valid regex"));
/// `Token:` or `Token (meaning):` / `Token（默认值）：` starting an item of a run-together list.
const TOKEN: &str = r"([\w.\-]+)\s*(?:[(（][^()（）]{0,40}[)）])?\s*(?::\s|：)";
static RUN_TOGETHER_START: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!("^{TOKEN}")).expect("valid regex"));
static RUN_TOGETHER_TOKEN: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"(?:^|\s){TOKEN}")).expect("valid regex"));
static SEPARATOR: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\s*(?:,|，|、|\bor\b|\band\b|或者|或|和)\s*").expect("valid regex"));
static GLUED_GLOSS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^([A-Za-z0-9][\w.\-/]*?)\s*(\p{Han}[^A-Za-z]*)$").expect("valid regex")
});
/// Words of a lead-in or a remark, never a value (`取值如下：`, `可以为空`).
static LEAD_IN: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?:如下|以下|可以为空|可为空|为空|空)$").expect("valid regex"));
static POINT: Lazy<Regex> = Lazy::new(|| Regex::new(r"^-?\d+$").expect("valid regex"));
static INTERVAL: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(-?\d+)\s*(?:to|~|～|-|至|到)\s*(-?\d+)$").expect("valid regex"));

/// Parses one list item (`Value: meaning`, `Value (meaning)`, or a bare value). `None` when
/// it is not a value.
fn item(text: &str) -> Option<Item> {
    // A list marker glued on by a lead-in on the same line (`Valid values: - POSTPAY`).
    let text = text.trim_start_matches("- ").trim();
    let (head, description) = match text.find([':', '：']) {
        Some(i) => (&text[..i], text[i..].trim_start_matches([':', '：']).trim()),
        None => (text, ""),
    };
    let marked = DEFAULT_MARK.is_match(head);
    let head = DEFAULT_MARK.replace_all(head, " ");
    let head = head.trim().trim_end_matches(['.', '。']).trim();
    let (value, description) = match PAREN_MEANING.captures(head) {
        Some(c) if description.is_empty() && !value_like(head) => (
            c.get(1).map_or("", |m| m.as_str()),
            c.get(2).map_or("", |m| m.as_str().trim()),
        ),
        _ => (head, description),
    };
    // A value glued to its gloss (`PHYSICALCONNECTION 物理专线`, `VBR边界路由器`).
    let glued = GLUED_GLOSS.captures(value);
    let (value, description) = match &glued {
        Some(c) if description.is_empty() => (
            c.get(1).map_or("", |m| m.as_str()),
            c.get(2).map_or("", |m| m.as_str()),
        ),
        _ => (value, description),
    };
    if !value_like(value) || LEAD_IN.is_match(value) {
        return None;
    }
    let default = marked || DEFAULT_IN_DESCRIPTION.is_match(description);
    Some(Item {
        value: value.to_string(),
        description: description.to_string(),
        default,
    })
}

/// A list item that is a note rather than a value (`If you leave this parameter empty, ...`).
fn is_note(text: &str) -> bool {
    NOTE.is_match(text)
}

/// Whether `text` can be one value (a token of at most three words).
pub fn value_like(text: &str) -> bool {
    text.len() <= 64 && VALUE_LIKE.is_match(text)
}

/// A default stated with `Default value: X` / `默认值：X`.
pub fn default_value(text: &str) -> Finding {
    match item(text.trim()) {
        Some(i) => Finding::Default(i.value),
        None => Finding::Failed(format!("default is not a single value: {text}")),
    }
}

/// The value of an item marked in its head (`172.16.0.0/12 (default)`, `X（默认值）：...`).
pub fn marked_default(text: &str) -> Option<String> {
    let head = text.split([':', '：']).next().unwrap_or_default();
    if !DEFAULT_MARK.is_match(head) {
        return None;
    }
    item(text).filter(|i| i.default).map(|i| i.value)
}

/// Bulleted items under a values intro.
pub fn parse_items(items: &[String]) -> Result<Values, String> {
    // A note (`说明：`, `Note:`) ends the values: the items after it are its text.
    let items = items
        .iter()
        .take_while(|t| {
            !t.trim_end_matches([':', '：']).ends_with("说明")
                && !t.trim().eq_ignore_ascii_case("note:")
        })
        .filter(|t| !is_note(t))
        .map(|t| item(t).ok_or_else(|| format!("list item is not a value: {t}")))
        .collect::<Result<Vec<_>, _>>()?;
    if items.is_empty() {
        return Err("no values in the list".into());
    }
    Ok(Values {
        items,
        unsure: Vec::new(),
    })
}

/// The text after an inline intro (`Valid values: ...`, `取值：...`).
pub fn parse_inline(rest: &str) -> Result<Values, String> {
    let rest = rest.trim().trim_end_matches(['.', '。']).trim();
    let ranged = BRACKET_RANGE.replace_all(rest, "$1 to $2");
    // `[10, 20, 30]` lists values (two numbers in brackets are an interval, above).
    let rest = ranged
        .strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
        .unwrap_or(&ranged)
        .trim();
    if rest.is_empty() {
        return Err("no values after the intro".into());
    }
    if RUN_TOGETHER_START.is_match(rest) {
        return run_together(rest);
    }
    let pieces: Vec<&str> = if rest.contains('|') {
        rest.split('|').map(str::trim).collect()
    } else {
        SEPARATOR.split(rest).filter(|p| !p.is_empty()).collect()
    };
    let items = pieces
        .iter()
        .map(|p| item(p).ok_or_else(|| format!("not a value: {p}")))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Values {
        items,
        unsure: Vec::new(),
    })
}

/// `A: meaning B: meaning`: each `Token:` starts an item. A value of several words
/// (`Allocation Failed`) is recognised only after a period ends the previous meaning, and
/// reported as unsure.
fn run_together(text: &str) -> Result<Values, String> {
    let mut out = Values::default();
    let starts: Vec<usize> = RUN_TOGETHER_TOKEN
        .captures_iter(text)
        .filter_map(|c| c.get(1))
        .map(|m| m.start())
        .collect();
    for (i, start) in starts.iter().enumerate() {
        let segment = text
            .get(*start..starts.get(i + 1).copied().unwrap_or(text.len()))
            .unwrap_or_default();
        out.items
            .push(item(segment.trim()).ok_or_else(|| format!("not a value: {segment}"))?);
    }
    for i in 1..out.items.len() {
        let Some((kept, tail)) = out.items[i - 1].description.rsplit_once(". ") else {
            continue;
        };
        let words: Vec<&str> = tail.split_whitespace().collect();
        if words.is_empty()
            || words.len() > 2
            || !words.iter().all(|w| w.starts_with(char::is_uppercase))
        {
            continue;
        }
        let value = format!("{} {}", words.join(" "), out.items[i].value);
        out.unsure.push(format!(
            "took `{value}` as one value of a run-together list"
        ));
        out.items[i - 1].description = format!("{kept}.");
        out.items[i].value = value;
    }
    Ok(out)
}

/// The values as numeric points and intervals, when every one of them is numeric.
pub fn intervals(items: &[Item]) -> Option<Vec<Interval>> {
    items
        .iter()
        .map(|it| {
            if POINT.is_match(&it.value) {
                let n = it.value.parse().ok()?;
                return Some(Interval { min: n, max: n });
            }
            let c = INTERVAL.captures(&it.value)?;
            Some(Interval {
                min: c[1].parse().ok()?,
                max: c[2].parse().ok()?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(v: &Values) -> Vec<&str> {
        v.items.iter().map(|i| i.value.as_str()).collect()
    }

    #[test]
    fn bulleted_items_with_default_markers() {
        let v = parse_items(&[
            "1000Base-T（默认值）：千兆电口".into(),
            "false (default): sends".into(),
            "x: y".into(),
        ])
        .unwrap();
        assert_eq!(values(&v), ["1000Base-T", "false", "x"]);
        assert_eq!(
            v.items.iter().map(|i| i.default).collect::<Vec<_>>(),
            [true, true, false]
        );
        assert!(
            parse_items(&["If the VLAN ID is set to 0, it means a router interface".into()])
                .is_err()
        );
    }

    #[test]
    fn inline_lists() {
        assert_eq!(
            values(&parse_inline("50M, 100M, 8G, and 10G.").unwrap()),
            ["50M", "100M", "8G", "10G"]
        );
        assert_eq!(values(&parse_inline("2|4|6").unwrap()), ["2", "4", "6"]);
        assert_eq!(
            values(&parse_inline("-1或1~100。").unwrap()),
            ["-1", "1~100"]
        );
        assert_eq!(values(&parse_inline("[2, 10240]").unwrap()), ["2 to 10240"]);
        assert!(parse_inline("the value returned by the last call").is_err());
    }

    #[test]
    fn run_together_lists_and_multi_word_values() {
        let v = parse_inline(
            "Canceled: The application is canceled. Allocation Failed: Failed. Terminated: Done.",
        )
        .unwrap();
        assert_eq!(values(&v), ["Canceled", "Allocation Failed", "Terminated"]);
        assert_eq!(v.items[0].description, "The application is canceled.");
        assert_eq!(v.unsure.len(), 1);
        let v =
            parse_inline("CT: China Telecom CO: Others in China Equinix: Equinix Other: Others")
                .unwrap();
        assert_eq!(values(&v), ["CT", "CO", "Equinix", "Other"]);
        assert_eq!(v.items[1].description, "Others in China");
    }

    #[test]
    fn numeric_values() {
        let v = parse_inline("45104 (default), 64512 to 65534, and -1").unwrap();
        assert_eq!(
            intervals(&v.items).unwrap(),
            [
                Interval {
                    min: 45104,
                    max: 45104
                },
                Interval {
                    min: 64512,
                    max: 65534
                },
                Interval { min: -1, max: -1 }
            ]
        );
        assert!(intervals(&parse_inline("50M, 1G").unwrap().items).is_none());
    }
}
