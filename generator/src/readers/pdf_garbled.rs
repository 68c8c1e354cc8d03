//! Spotting corrupted duplicate lines in PDF text.
//!
//! Text extraction sometimes emits a line twice, the second copy with letters scrambled:
//! `... in the Allocated, Confirmed, or Enabled status.` followed by `the finocuted,
//! commined, or bhabited status.`. Such a copy lines up word for word with a stretch of the
//! line before it: the same small words and punctuation, and in place of the other words,
//! similar-looking words the document never uses anywhere else.

use super::pdf_table::BULLETS;
use super::pdf_words::WordModel;

/// Fewest words a line needs before it can be judged a copy.
const MIN_WORDS: usize = 3;
/// Shortest word that counts as scrambled (short codes like `CT`/`CU` differ legitimately).
const MIN_SCRAMBLED_LEN: usize = 4;
/// How similar (Jaro) a scrambled word must stay to the word it replaces.
const MIN_SIMILARITY: f64 = 0.5;

/// Whether `candidate` (on `line`) is a scrambled copy of part of `previous`. List items
/// are never copies: parallel items share their shape by design.
pub fn is_garbled_copy(candidate: &str, previous: &str, line: usize, words: &WordModel) -> bool {
    if candidate
        .trim_start()
        .starts_with(|c: char| c == '-' || BULLETS.contains(&c))
    {
        return false;
    }
    let cand: Vec<&str> = candidate.split_whitespace().collect();
    let prev: Vec<&str> = previous.split_whitespace().collect();
    cand.len() >= MIN_WORDS
        && prev
            .windows(cand.len())
            .any(|window| aligns(&cand, window, line, words))
}

/// Word-by-word comparison: every word equal or a scrambled look-alike, and at least half
/// of them scrambled.
fn aligns(cand: &[&str], window: &[&str], line: usize, words: &WordModel) -> bool {
    let mut scrambled = 0;
    for (c, p) in cand.iter().zip(window) {
        let (c_core, c_tail) = split_tail(c);
        let (p_core, p_tail) = split_tail(p);
        if c_tail != p_tail {
            return false;
        }
        if c_core.eq_ignore_ascii_case(p_core) {
            continue;
        }
        if !is_scrambled(c_core, p_core, line, words) {
            return false;
        }
        scrambled += 1;
    }
    scrambled >= 2 && scrambled * 2 >= cand.len()
}

fn is_scrambled(word: &str, original: &str, line: usize, words: &WordModel) -> bool {
    let alpha = |w: &str| !w.is_empty() && w.chars().all(char::is_alphabetic);
    alpha(word)
        && alpha(original)
        && word.chars().count() >= MIN_SCRAMBLED_LEN
        && word.chars().count().abs_diff(original.chars().count()) <= 2
        && !words.knows_elsewhere(word, line)
        && strsim::jaro(&word.to_lowercase(), &original.to_lowercase()) >= MIN_SIMILARITY
}

/// Splits trailing punctuation off a word.
fn split_tail(word: &str) -> (&str, &str) {
    let core = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    (core, word.get(core.len()..).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PREV: &str =
        "The redundant physical connection must be in the Allocated, Confirmed, or Enabled status.";

    fn words(lines: &[&str]) -> WordModel {
        WordModel::learn(lines.iter().enumerate().map(|(i, l)| (i + 1, *l)))
    }

    #[test]
    fn scrambled_copy_is_detected() {
        let cand = "the finocuted, commined, or bhabited status.";
        assert!(is_garbled_copy(cand, PREV, 2, &words(&[PREV, cand])));
    }

    #[test]
    fn genuine_continuations_are_not() {
        let m = words(&[
            PREV,
            "The connection must be deleted first.",
            "· CT: China Telecom",
            "· CU: China Unicom",
        ]);
        assert!(!is_garbled_copy(
            "The connection must be deleted first.",
            PREV,
            2,
            &m
        ));
        assert!(!is_garbled_copy(
            "· CU: China Unicom",
            "· CT: China Telecom",
            4,
            &m
        ));
        assert!(!is_garbled_copy(
            "CU: China Unicom",
            "CT: China Telecom",
            4,
            &m
        ));
        // Same shape, but the words are real words used elsewhere in the document.
        let m = words(&[
            PREV,
            "the Allocated, Confirmed, or Enabled status.",
            "in the Initial, Rejected, or Canceled status.",
            "Initial Rejected Canceled",
        ]);
        assert!(!is_garbled_copy(
            "in the Initial, Rejected, or Canceled status.",
            PREV,
            3,
            &m
        ));
    }
}
