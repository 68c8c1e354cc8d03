//! Splits normalized cell text into units: single sentences, and lists (a sentence ending
//! in a colon followed by `- ` items). Inline lists run together by PDF or web text
//! (`Valid values: A: meaning. B: meaning.`) are kept in one sentence, since the periods
//! there end item descriptions, not the rule.

use once_cell::sync::Lazy;
use regex::Regex;

/// A sentence, or a list introduced by `text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    pub text: String,
    pub items: Vec<String>,
}

impl Unit {
    fn sentence(text: String) -> Self {
        Unit {
            text,
            items: Vec::new(),
        }
    }

    /// The text a constraint quotes: the sentence, plus the list items if any.
    pub fn quote(&self) -> String {
        let mut out = self.text.clone();
        for item in &self.items {
            out.push_str("\n- ");
            out.push_str(item);
        }
        out
    }

    /// The intro and each item as sentences of their own (for lists that are not value lists).
    pub fn flatten(&self) -> Vec<Unit> {
        let mut out = vec![Unit::sentence(self.text.clone())];
        out.extend(
            self.items
                .iter()
                .flat_map(|i| split_sentences(i))
                .map(Unit::sentence),
        );
        out
    }
}

static OPENS_INLINE_LIST: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"[:：]\s*[\w.\-]+(?: [\w.\-]+)?:\s").expect("valid regex"));
static CONTINUES_INLINE_LIST: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^[\w.\-]+(?: [\w.\-]+){0,2}:\s").expect("valid regex"));

/// A paragraph that is one value with its gloss: `true：开启`, `false (default): off`.
static BARE_ITEM: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^[\w.\-]+\s*(?:[(（](?i:default|默认值?)[)）])?\s*(?::\s|：)")
        .expect("valid regex")
});

/// Units of normalized text (see [`super::normalize`]).
pub fn units(text: &str) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    for line in text.lines() {
        if let Some(item) = line.strip_prefix("- ") {
            match units.last_mut() {
                Some(list) if !list.items.is_empty() || ends_with_colon(&list.text) => {
                    list.items.push(item.to_string())
                }
                _ => match continued_list(&mut units, item) {
                    Some(list) => list.items.push(item.to_string()),
                    None => units.extend(split_sentences(item).into_iter().map(Unit::sentence)),
                },
            }
        } else if let Some(list) = units.last_mut().filter(|u| {
            (!u.items.is_empty() || ends_with_colon(&u.text)) && BARE_ITEM.is_match(line)
        }) {
            // Values as bare paragraphs after the intro (`true：…` then `false（默认值）：…`).
            list.items.push(line.to_string());
        } else {
            let mut sentences = split_sentences(line).into_iter();
            match units.last_mut() {
                // `Value:` ending a paragraph, the value in the next one.
                Some(intro) if intro.items.is_empty() && ends_with_colon(&intro.text) => {
                    if let Some(first) = sentences.next() {
                        intro.text.push(' ');
                        intro.text.push_str(&first);
                    }
                }
                _ => {}
            }
            units.extend(sentences.map(Unit::sentence));
        }
    }
    units
}

/// A value item (`BGP_PRO：…`) after paragraphs that explain the previous item: the list
/// the last item-led unit started goes on (corpus AllocateEipAddress, ISP), unless a new
/// intro began since.
fn continued_list<'a>(units: &'a mut [Unit], item: &str) -> Option<&'a mut Unit> {
    let at = units.iter().rposition(|u| !u.items.is_empty())?;
    let later_intro = units[at + 1..].iter().any(|u| ends_with_colon(&u.text));
    let same_shape = units[at]
        .items
        .last()
        .is_some_and(|last| BARE_ITEM.is_match(last) && BARE_ITEM.is_match(item));
    (!later_intro && same_shape).then(|| &mut units[at])
}

fn ends_with_colon(s: &str) -> bool {
    s.ends_with(':') || s.ends_with('：')
}

/// Sentences of one paragraph. A period ends a sentence only when followed by a space and
/// a character that is not lowercase (`e.g. the`, `(.)` and `1.5` do not split).
pub fn split_sentences(paragraph: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut chars = paragraph.chars().peekable();
    while let Some(c) = chars.next() {
        current.push(c);
        let ends = match c {
            '。' | '；' | ';' | '！' => true,
            '.' | '!' | '?' => {
                let mut ahead = chars.clone();
                matches!(ahead.next(), Some(w) if w.is_whitespace())
                    && ahead.next().is_some_and(|n| !n.is_lowercase())
            }
            _ => false,
        };
        if ends {
            push_sentence(&mut out, &current);
            current.clear();
        }
    }
    push_sentence(&mut out, &current);
    out
}

fn push_sentence(out: &mut Vec<String>, s: &str) {
    let s = s.trim();
    if s.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(prev) if OPENS_INLINE_LIST.is_match(prev) && CONTINUES_INLINE_LIST.is_match(s) => {
            prev.push(' ');
            prev.push_str(s);
        }
        _ => out.push(s.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences_but_not_abbreviations_or_punctuation_in_parens() {
        assert_eq!(
            split_sentences("Contains periods (.), e.g. this. The name must. 取值：1。默认值：2"),
            vec![
                "Contains periods (.), e.g. this.",
                "The name must.",
                "取值：1。",
                "默认值：2"
            ]
        );
    }

    #[test]
    fn keeps_run_together_lists_in_one_sentence() {
        assert_eq!(
            split_sentences("Status. Valid values: Initial: Applied. Allocation Failed: Failed. Unit: x. Not an item."),
            vec![
                "Status.",
                "Valid values: Initial: Applied. Allocation Failed: Failed. Unit: x.",
                "Not an item."
            ]
        );
    }

    #[test]
    fn attaches_items_to_a_colon_intro_only() {
        let u = units("The payer. Valid values:\n- A: x\n- B: y\nMore.\n- C. D\nValue:\nX. Y.");
        assert_eq!(u.len(), 7);
        assert_eq!(u[5].text, "Value: X.");
        assert_eq!(
            u[1],
            Unit {
                text: "Valid values:".into(),
                items: vec!["A: x".into(), "B: y".into()]
            }
        );
        assert_eq!(u[1].quote(), "Valid values:\n- A: x\n- B: y");
        assert_eq!(u[3].text, "C.");
        assert_eq!(u[1].flatten().len(), 3);
    }
}
