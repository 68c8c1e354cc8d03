//! Non-generic checks used by generated `validate()` methods. Each check appends a
//! [`Violation`] naming the wire parameter; callers collect every violation before failing.

use std::fmt;

/// Which documented rules a generated `validate_with()` checks before a request is sent.
///
/// Rules are read from prose. The generator enforces a rule only when the page agrees with it
/// (its own example and default pass it, its value list was read whole); the others are
/// documented on the field as not enforced.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Validation {
    /// The rules the documents agree with (the default).
    #[default]
    Agreed,
    /// Every rule read, including those the page's own examples contradict.
    All,
    /// No client-side checks; the service decides.
    Off,
}

/// `true` is the default ([`Validation::Agreed`]), `false` switches validation off.
impl From<bool> for Validation {
    fn from(enabled: bool) -> Self {
        if enabled {
            Validation::Agreed
        } else {
            Validation::Off
        }
    }
}

/// Every constraint a request broke.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValidationError {
    /// The broken constraints, in check order.
    pub violations: Vec<Violation>,
}

/// One broken constraint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Wire name of the parameter, e.g. `Tag.1.Key`.
    pub parameter: String,
    /// The rule in words, e.g. `must be 2 to 128 characters`.
    pub rule: String,
    /// The offending value; `None` for secrets or when no single value applies.
    pub value: Option<String>,
}

impl ValidationError {
    /// True when no constraint was broken.
    pub fn is_empty(&self) -> bool {
        self.violations.is_empty()
    }

    /// `Ok(())` when empty, else `Err(self)`.
    pub fn into_result(self) -> Result<(), ValidationError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }

    /// Forgets the values recorded for `parameter` (for passwords and other secrets).
    pub fn redact(&mut self, parameter: &str) {
        for v in self
            .violations
            .iter_mut()
            .filter(|v| v.parameter == parameter)
        {
            v.value = None;
        }
    }

    fn push(&mut self, parameter: &str, rule: String, value: Option<String>) {
        self.violations.push(Violation {
            parameter: parameter.to_owned(),
            rule,
            value,
        });
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.parameter, self.rule)?;
        if let Some(value) = &self.value {
            write!(f, " (got {value:?})")?;
        }
        Ok(())
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, v) in self.violations.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationError {}

/// A class of characters named by the documents ("letters, digits, hyphens").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharClass {
    /// ASCII letters `A-Z a-z`.
    Letter,
    /// Chinese characters (CJK Unified Ideographs and Extension A).
    Chinese,
    /// ASCII digits `0-9`.
    Digit,
    /// Any ASCII character.
    Ascii,
    /// Exactly this character.
    Char(char),
}

impl CharClass {
    fn matches(self, c: char) -> bool {
        match self {
            CharClass::Letter => c.is_ascii_alphabetic(),
            CharClass::Chinese => matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}'),
            CharClass::Digit => c.is_ascii_digit(),
            CharClass::Ascii => c.is_ascii(),
            CharClass::Char(x) => c == x,
        }
    }

    fn describe(self) -> String {
        match self {
            CharClass::Letter => "letters".into(),
            CharClass::Chinese => "Chinese characters".into(),
            CharClass::Digit => "digits".into(),
            CharClass::Ascii => "ASCII characters".into(),
            CharClass::Char(c) => format!("{c:?}"),
        }
    }
}

fn describe_classes(classes: &[CharClass]) -> String {
    let names: Vec<String> = classes.iter().map(|c| c.describe()).collect();
    match names.split_last() {
        None => "nothing".into(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// A required parameter must be present.
pub fn required(v: &mut ValidationError, param: &str, present: bool) {
    if !present {
        v.push(param, "is required".into(), None);
    }
}

/// Length in characters (not bytes) within `min..=max`.
pub fn length(
    v: &mut ValidationError,
    param: &str,
    value: &str,
    min: Option<u64>,
    max: Option<u64>,
) {
    let len = value.chars().count() as u64;
    let too_short = min.is_some_and(|m| len < m);
    let too_long = max.is_some_and(|m| len > m);
    if !(too_short || too_long) {
        return;
    }
    let rule = match (min, max) {
        (Some(lo), Some(hi)) => format!("must be {lo} to {hi} characters"),
        (Some(lo), None) => format!("must be at least {lo} characters"),
        (None, Some(hi)) => format!("must be at most {hi} characters"),
        (None, None) => return,
    };
    v.push(param, rule, Some(value.to_owned()));
}

/// The value must fall in one of the inclusive `ranges` (when any are given) and must not be
/// one of `excluded`.
pub fn range(
    v: &mut ValidationError,
    param: &str,
    value: i64,
    ranges: &[(i64, i64)],
    excluded: &[i64],
) {
    if !ranges.is_empty() && !ranges.iter().any(|&(lo, hi)| (lo..=hi).contains(&value)) {
        let spans: Vec<String> = ranges
            .iter()
            .map(|(lo, hi)| format!("{lo} to {hi}"))
            .collect();
        let rule = format!("must be {}", spans.join(" or "));
        v.push(param, rule, Some(value.to_string()));
    }
    if excluded.contains(&value) {
        v.push(
            param,
            format!("must not be {value}"),
            Some(value.to_string()),
        );
    }
}

/// The value must be one of `allowed` (exact, case-sensitive as the service is).
pub fn one_of(v: &mut ValidationError, param: &str, value: &str, allowed: &[&str]) {
    if !allowed.contains(&value) {
        v.push(
            param,
            format!("must be one of: {}", allowed.join(", ")),
            Some(value.to_owned()),
        );
    }
}

/// The first character must belong to one of `classes` (an empty value is left to `length`).
pub fn first_char(v: &mut ValidationError, param: &str, value: &str, classes: &[CharClass]) {
    if let Some(c) = value.chars().next() {
        if !classes.iter().any(|cl| cl.matches(c)) {
            let rule = format!("must start with {}", describe_classes(classes));
            v.push(param, rule, Some(value.to_owned()));
        }
    }
}

/// Every character must belong to one of `classes`.
pub fn charset(v: &mut ValidationError, param: &str, value: &str, classes: &[CharClass]) {
    if let Some(bad) = value
        .chars()
        .find(|&c| !classes.iter().any(|cl| cl.matches(c)))
    {
        let rule = format!(
            "may contain only {} (found {bad:?})",
            describe_classes(classes)
        );
        v.push(param, rule, Some(value.to_owned()));
    }
}

/// The value must not start with any of `prefixes`.
pub fn forbidden_prefix(v: &mut ValidationError, param: &str, value: &str, prefixes: &[&str]) {
    if let Some(p) = prefixes.iter().find(|p| value.starts_with(**p)) {
        v.push(
            param,
            format!("must not start with {p:?}"),
            Some(value.to_owned()),
        );
    }
}

/// The value must not contain any of `needles`.
pub fn forbidden_substring(v: &mut ValidationError, param: &str, value: &str, needles: &[&str]) {
    if let Some(n) = needles.iter().find(|n| value.contains(**n)) {
        v.push(
            param,
            format!("must not contain {n:?}"),
            Some(value.to_owned()),
        );
    }
}

/// A list parameter must have at most `max` items.
pub fn max_items(v: &mut ValidationError, param: &str, count: usize, max: u64) {
    if count as u64 > max {
        v.push(
            param,
            format!("must have at most {max} items"),
            Some(count.to_string()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CharClass::*;

    fn run(f: impl FnOnce(&mut ValidationError)) -> Vec<String> {
        let mut v = ValidationError::default();
        f(&mut v);
        v.violations.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn validation_modes_from_bool() {
        assert_eq!(Validation::default(), Validation::Agreed);
        assert_eq!(Validation::from(true), Validation::Agreed);
        assert_eq!(Validation::from(false), Validation::Off);
    }

    #[test]
    fn required_and_length_count_characters() {
        assert_eq!(run(|v| required(v, "Name", false)), ["Name: is required"]);
        assert!(run(|v| required(v, "Name", true)).is_empty());
        assert_eq!(
            run(|v| length(v, "Name", "a", Some(2), Some(128))),
            ["Name: must be 2 to 128 characters (got \"a\")"]
        );
        // Two Chinese characters are two characters, not six bytes.
        assert!(run(|v| length(v, "Name", "专线", Some(2), Some(2))).is_empty());
        assert_eq!(
            run(|v| length(v, "D", "abc", None, Some(2))),
            ["D: must be at most 2 characters (got \"abc\")"]
        );
        assert_eq!(
            run(|v| length(v, "D", "", Some(1), None)),
            ["D: must be at least 1 characters (got \"\")"]
        );
    }

    #[test]
    fn range_and_excluded() {
        assert!(run(|v| range(v, "Vlan", 5, &[(0, 2999)], &[])).is_empty());
        assert_eq!(
            run(|v| range(v, "Vlan", 3000, &[(0, 2999)], &[])),
            ["Vlan: must be 0 to 2999 (got \"3000\")"]
        );
        assert_eq!(
            run(|v| range(v, "P", 15, &[(1, 10), (20, 30)], &[])),
            ["P: must be 1 to 10 or 20 to 30 (got \"15\")"]
        );
        assert_eq!(
            run(|v| range(v, "P", 7, &[], &[7])),
            ["P: must not be 7 (got \"7\")"]
        );
    }

    #[test]
    fn one_of_is_exact() {
        assert!(run(|v| one_of(v, "Type", "VPC", &["VPC", "VBR"])).is_empty());
        assert_eq!(
            run(|v| one_of(v, "Type", "vpc", &["VPC", "VBR"])),
            ["Type: must be one of: VPC, VBR (got \"vpc\")"]
        );
    }

    #[test]
    fn character_rules() {
        let first = [Letter, Chinese];
        assert!(run(|v| first_char(v, "N", "专线a", &first)).is_empty());
        assert!(run(|v| first_char(v, "N", "", &first)).is_empty());
        assert_eq!(
            run(|v| first_char(v, "N", "1abc", &first)),
            ["N: must start with letters or Chinese characters (got \"1abc\")"]
        );
        let set = [Letter, Digit, Char('-'), Char('_')];
        assert!(run(|v| charset(v, "N", "a-b_9", &set)).is_empty());
        assert_eq!(
            run(|v| charset(v, "N", "a b", &set)),
            ["N: may contain only letters, digits, '-' or '_' (found ' ') (got \"a b\")"]
        );
        assert!(run(|v| charset(v, "N", "plain text!", &[Ascii])).is_empty());
    }

    #[test]
    fn prefixes_substrings_items_and_display() {
        assert_eq!(
            run(|v| forbidden_prefix(v, "D", "https://x", &["http://", "https://"])),
            ["D: must not start with \"https://\" (got \"https://x\")"]
        );
        assert!(run(|v| forbidden_substring(v, "D", "fine", &["aliyun"])).is_empty());
        assert_eq!(
            run(|v| forbidden_substring(v, "D", "my aliyun", &["aliyun"])).len(),
            1
        );
        assert_eq!(
            run(|v| max_items(v, "Tag", 21, 20)),
            ["Tag: must have at most 20 items (got \"21\")"]
        );

        let mut all = ValidationError::default();
        assert!(all.clone().into_result().is_ok());
        required(&mut all, "A", false);
        length(&mut all, "Password", "x", Some(8), None);
        all.redact("Password");
        assert_eq!(
            all.to_string(),
            "A: is required; Password: must be at least 8 characters"
        );
        assert_eq!(all.into_result().unwrap_err().violations.len(), 2);
    }
}
