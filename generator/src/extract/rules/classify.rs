//! Which sentences state rules, so that the ones not understood can be counted and reported.
//!
//! A sentence is rule-like when it uses the vocabulary of value rules (valid values, value
//! ranges, lengths in characters, allowed or first characters, item limits, defaults), in
//! either language, and is not one of the kinds of sentence that use that vocabulary
//! without constraining the value alone, which client-side validation could not check:
//! - conditional rules (`If ...`, `when ...`, `当...时`, `...时，`): they depend on other
//!   parameters;
//! - statements about the state of resources (`must be in the Allocated status`, `状态`);
//! - descriptions of service behaviour (`By default, ...`, `默认情况下`);
//! - values that come from elsewhere (`the NextToken returned by the last call`, `返回`).
//!
//! Mentions that merely name a thing (`the range of the ports`, `目的端口范围`, `the default
//! route table`) are not rule vocabulary: the patterns below require the rule forms.

use once_cell::sync::Lazy;
use regex::Regex;

static RULE_WORDS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(concat!(
        r"(?i)valid values?|allowed values?|possible values?|value range|valid range|range of n\b|^values?\s*:",
        r"|set (?:the|this) (?:value|parameter) to|\d+\s+(?:ascii\s+)?characters?\b|characters in length|\bin length\b",
        r"|\b(?:start|begin)s? with\b|\b(?:can|cannot|must|may|must not) (?:only )?contain\b|contain only|supports? only ascii",
        r"|\bat most \d|\bup to \d|\bno more than \d|\bexceed \d|maximum (?:value|length)|a maximum of \d",
        r"|minimum value|default value|\(default\)|\bdefault:|is the default value|defaults to|\bis reserved\b",
        r"|取值[:：为是范围]|仅取值|长度为|长度限制|长度不|长度范围|开头|最多\S{0,4}?\d|范围为|范围[:：]|范围是",
        r"|默认值|默认为|（默认）|最大值|最小值|不能包含|不可包含|可包含|可以包含|只能包含|[仅只]支持ASCII|不超过\d|个字符",
    ))
    .expect("valid regex")
});

static NOT_A_VALUE_RULE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(concat!(
        r"(?i)\b(?:if|when|whenever|unless|once)\b|^(?:note:?\s*)?(?:after|before|where)\b",
        r"|^(?:说明[:：]?\s*)?(?:如果|若|当|仅当|只有)|时[，,]|\b(?:status|state)\b|状态",
        r"|^(?:note:?\s*)?by default\b|默认情况下|\breturned\b|返回",
    ))
    .expect("valid regex")
});

/// Whether a sentence (or list intro) states a rule about the value.
pub fn is_rule_like(sentence: &str) -> bool {
    RULE_WORDS.is_match(sentence) && !NOT_A_VALUE_RULE.is_match(sentence)
}

#[cfg(test)]
mod tests {
    use super::is_rule_like;

    #[test]
    fn rule_sentences() {
        for s in [
            "Valid values:",
            "The name must be 2 to 128 characters in length.",
            "It must start with a letter.",
            "You can specify at most 20 tag keys.",
            "Maximum value: 50.",
            "长度为 2-128个字符，必须以字母或中文开头。",
            "取值：2|4",
            "最多支持20个。",
            "The ASN 65025 is reserved for use by Alibaba Cloud.",
        ] {
            assert!(is_rule_like(s), "{s}");
        }
    }

    #[test]
    fn sentences_that_are_not_value_rules() {
        for s in [
            "The redundant physical connection must be in the Allocated, Confirmed, or Enabled status.",
            "If the VLAN ID is set to 0, valid values are ignored.",
            "当InstanceChargeType取值为PrePaid时，InternetChargeType必须取值PayByBandwidth。",
            "Note By default, 2G, 5G, 8G, and 10G are unavailable.",
            "查询凭证（Token），取值为上一次API调用返回的NextToken参数值。",
            "The range of the destination ports.",
            "目的端口范围。",
            "The ID of the default route table.",
        ] {
            assert!(!is_rule_like(s), "{s}");
        }
    }
}
