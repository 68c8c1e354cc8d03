//! Look-alike letters from other scripts written where Latin letters belong.
//!
//! PDF text sometimes carries words typed (or OCR'd) with Cyrillic or Greek letters that
//! look Latin, like the header `Туре` (Cyrillic Т, у, р, е). Matching on such a word fails
//! silently, so readers map it back to Latin. Only words made entirely of Latin letters and
//! look-alikes are touched: a genuine Cyrillic or Chinese word has letters without a Latin
//! twin and is left alone.

use std::borrow::Cow;
use unicode_security::confusable_detection::skeleton;

/// The ASCII letter `c` is confusable with (Unicode TR39 confusables), if `c` is a
/// non-ASCII letter with exactly one such twin.
fn latin_twin(c: char) -> Option<char> {
    if c.is_ascii() || !c.is_alphabetic() {
        return None;
    }
    let mut buf = [0u8; 4];
    let mut proto = skeleton(c.encode_utf8(&mut buf));
    match (proto.next(), proto.next()) {
        (Some(l), None) if l.is_ascii_alphabetic() => Some(l),
        _ => None,
    }
}

/// Rewrites every word of `text` that consists only of Latin letters and Latin look-alikes
/// (with at least one look-alike) into plain Latin letters.
pub fn to_latin(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let mut changed = false;
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            changed |= flush_word(&mut word, &mut out);
            out.push(c);
        }
    }
    changed |= flush_word(&mut word, &mut out);
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// Appends `word` to `out`, in Latin letters when it is a look-alike word; returns whether
/// it was rewritten. Leaves `word` empty.
fn flush_word(word: &mut String, out: &mut String) -> bool {
    let twins: Option<Vec<(char, Option<char>)>> = word
        .chars()
        .map(|c| {
            if c.is_ascii_alphabetic() {
                Some((c, None))
            } else {
                latin_twin(c).map(|t| (c, Some(t)))
            }
        })
        .collect();
    let rewrite = twins.filter(|t| t.iter().any(|(_, twin)| twin.is_some()));
    let changed = rewrite.is_some();
    match rewrite {
        Some(chars) => out.extend(chars.into_iter().map(|(c, twin)| twin.unwrap_or(c))),
        None => out.push_str(word),
    }
    word.clear();
    changed
}

#[cfg(test)]
mod tests {
    use super::to_latin;

    #[test]
    fn cyrillic_type_becomes_latin() {
        assert_eq!(
            to_latin("Name\t\u{422}\u{443}\u{440}\u{435}\tRequire"),
            "Name\tType\tRequire"
        );
    }

    #[test]
    fn mixed_word_is_repaired() {
        // Cyrillic "е" (U+0435) inside a Latin word.
        assert_eq!(to_latin("R\u{435}quired"), "Required");
    }

    #[test]
    fn genuine_words_in_other_scripts_stay() {
        assert_eq!(to_latin("Привет мир"), "Привет мир");
        assert_eq!(to_latin("是否必选"), "是否必选");
        assert_eq!(to_latin("café"), "café");
        assert!(matches!(
            to_latin("plain ascii"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
