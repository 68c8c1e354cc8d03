//! Chinese rule sentences.

use super::charclass::{classes, paren_char};
use super::finding::{Ctx, Finding};
use super::shared;
use crate::ir::{CharClass, Origin};
use once_cell::sync::Lazy;
use regex::Regex;

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid regex")
}

/// A values intro starts a clause (`带宽，取值：...`); `nn取值范围为` speaks of a part.
static VALUES_INTRO: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?:^|[，,。；;\s(（])(?:仅|只能|可)?可?(?:取值(?:范围)?|可选值|有效值)(?:为|是)?\s*[:：]?\s*((?:\[[^\]]*\]|[^，,；;。])*)",
    )
});
static N_RANGE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?:^|[^A-Za-z0-9_.])[NnMm]的?(?:取值范围|最大取值|取值|最大值)(?:为|是)?\s*[:：]?\s*\[?\s*(?:(\d+)\s*[~～\-至到,，]\s*)?(\d+)",
    )
});
static AT_MOST: Lazy<Regex> = Lazy::new(|| re(r"最多[^\d，,。；]{0,6}?(\d+)\s*个(字符)?"));
static MAXIMUM: Lazy<Regex> = Lazy::new(|| re(r"最大值?(?:为|是)?\s*[:：]?\s*(\d+)"));
static DEFAULT: Lazy<Regex> = Lazy::new(|| re(r"默认(?:值)?(?:为|是|：|:)\s*([^，,。；;]+)"));
static LENGTH_RANGE: Lazy<Regex> =
    Lazy::new(|| re(r"(\d+)\s*[-~～至到]\s*(\d+)\s*(?:个|位)?\s*(ASCII\s*)?(?:英文)?字符"));
static LENGTH_MAX: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?:最多|不超过|不能超过|不得超过|最长|上限为|至多|长度限制为|长度限制在|长度为)(?:支持|为)?\s*(\d+)\s*(?:个|位)?\s*(ASCII\s*)?(?:英文)?字符",
    )
});
static CHARSET: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?:可包含|可以包含|只能包含|仅能包含|只允许包含|允许包含|仅包含|只包含|可包括|[仅只]支持(?:输入)?(ASCII))(.*)$",
    )
});
static LIST_END: Lazy<Regex> =
    Lazy::new(|| re(r"[，,](?:但|不能|不可|必须|且|以|并且|需|不得|长度|限制)|[。；;]|但"));
static LIST_SEP: Lazy<Regex> = Lazy::new(|| re(r"\s*(?:以及|或者|、|，|,|和|或|及)\s*"));
static STARTS_WITH: Lazy<Regex> = Lazy::new(|| {
    re(r"(不能|不可|不得|不允许|禁止|不)?(?:必须|需要|需|应)?以([^，,。；;以]+?)开(?:头|始)")
});
static CANNOT_CONTAIN: Lazy<Regex> =
    Lazy::new(|| re(r"(?:不能|不可|不得|不允许|禁止)包含([^，,。；;]+)"));

/// The values after an intro (`取值：...`, `仅取值cn-hangzhou`), if the sentence has one.
pub fn values_intro(sentence: &str) -> Option<&str> {
    let rest = VALUES_INTRO
        .captures(sentence)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())?;
    // `取值如下：` introduces the list that follows.
    Some(
        match rest
            .strip_prefix("如下")
            .or_else(|| rest.strip_prefix("以下"))
        {
            Some(after) if after.trim_matches([':', '：', ' ']).is_empty() => "",
            _ => rest,
        },
    )
}

pub fn recognize(ctx: &Ctx<'_>, s: &str) -> Vec<Finding> {
    let wording = shared::Wording {
        maximum: &MAXIMUM,
        default: &DEFAULT,
        values_intro,
        item_count,
    };
    let mut out = shared::recognize(&wording, ctx, s);
    length(ctx, s, &mut out);
    charset(ctx, s, &mut out);
    for c in STARTS_WITH.captures_iter(s) {
        let items: Vec<&str> = LIST_SEP.split(&c[2]).collect();
        out.push(if c.get(1).is_some() {
            literals(&items).map_or_else(
                || Finding::Failed(format!("不能以…开头: {}", &c[2])),
                |v| ctx.forbidden_prefix(v),
            )
        } else {
            classes(&items, class).map_or_else(Finding::Failed, |c| ctx.first_char(c))
        });
    }
    for c in CANNOT_CONTAIN.captures_iter(s) {
        let items: Vec<&str> = LIST_SEP.split(&c[1]).collect();
        out.push(literals(&items).map_or_else(
            || Finding::Failed(format!("不能包含: {}", &c[1])),
            |v| ctx.forbidden_substring(v),
        ));
    }
    out
}

fn item_count(ctx: &Ctx<'_>, s: &str, out: &mut Vec<Finding>) -> bool {
    if let Some(n) = N_RANGE.captures(s).and_then(|c| shared::index_count(&c)) {
        out.push(ctx.max_items(n, Origin::Stated));
        return true;
    }
    let counts: Vec<u64> = AT_MOST
        .captures_iter(s)
        .filter(|c| c.get(2).is_none())
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
    } else {
        return;
    };
    out.push(ctx.length(min, max));
    if ascii {
        out.push(ctx.charset(vec![CharClass::Ascii]));
    }
}

fn charset(ctx: &Ctx<'_>, s: &str, out: &mut Vec<Finding>) {
    let Some(c) = CHARSET.captures(s) else { return };
    if c.get(1).is_some() {
        out.push(ctx.charset(vec![CharClass::Ascii]));
        return;
    }
    let list = c.get(2).map_or("", |m| m.as_str());
    let list = LIST_END.find(list).map_or(list, |m| &list[..m.start()]);
    let items: Vec<&str> = LIST_SEP.split(list).collect();
    let exhaustive = c
        .get(0)
        .is_some_and(|m| m.as_str().starts_with(['只', '仅']));
    out.push(
        classes(&items, class)
            .map_or_else(Finding::Failed, |c| shared::charset(ctx, c, exhaustive)),
    );
}

/// Literal strings of a forbidden list (`http://`, `aliyun`, `acs:`).
fn literals(items: &[&str]) -> Option<Vec<String>> {
    let v: Vec<String> = items
        .iter()
        .map(|t| t.trim().trim_matches(['"', '“', '”']))
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect();
    (!v.is_empty() && v.iter().all(|t| t.is_ascii() && !t.contains(' '))).then_some(v)
}

/// A Chinese character-class phrase (`大小写字母`, `中文`, `下划线（_）`).
fn class(item: &str) -> Option<CharClass> {
    if let Some(c) = paren_char(item) {
        return Some(c);
    }
    let has = |words: &[&str]| words.iter().any(|w| item.contains(w));
    Some(if has(&["中文", "汉字"]) {
        CharClass::Chinese
    } else if has(&["字母"]) {
        CharClass::Letter
    } else if has(&["数字"]) {
        CharClass::Digit
    } else if has(&["ASCII"]) {
        CharClass::Ascii
    } else if has(&["点号", "句点", "句号"]) {
        CharClass::Char('.')
    } else if has(&["下划线"]) {
        CharClass::Char('_')
    } else if has(&["短横线", "短划线", "中划线", "连字符", "短橫线"]) {
        CharClass::Char('-')
    } else {
        return None;
    })
}
