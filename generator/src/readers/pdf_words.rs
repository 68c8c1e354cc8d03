//! Re-joining words that PDF text extraction broke apart.
//!
//! The PDF lays parameter names out in a narrow column and the extractor inserts a space
//! every time the column wraps, so `PhysicalConnectionId` arrives as `PhysicalCo
//! nnectionId`: every piece but the last has the same width. Punctuation gets detached
//! too (`CU : China`, `100Base - T`, `12:20 :55`). This module learns the column width and
//! the document's own vocabulary, then puts words back together, without gluing ordinary
//! English words.

use std::collections::{HashMap, HashSet};

/// What the document itself teaches about its words.
#[derive(Debug, Default)]
pub struct WordModel {
    /// Width (in characters) at which the name column wraps, learned from name cells.
    width: Option<usize>,
    /// Whole tokens (punctuation trimmed) and the lines they appear on.
    tokens: HashMap<String, HashSet<usize>>,
    /// The same, lowercased, for dictionary-style lookups.
    lower: HashMap<String, HashSet<usize>>,
    /// Tokens seen somewhere other than right after a full-width piece: words in their own
    /// right, not only the tail of a broken identifier.
    free: HashSet<String>,
    /// Alphanumeric runs of every token (`ClientToken` in `&ClientToken=x`): the names the
    /// document writes whole somewhere, for confirming a name rejoined across lines.
    idents: HashSet<String>,
}

/// Name cells broken into several alphanumeric pieces show the wrap width: the most
/// common length of their non-final pieces.
fn learn_width(lines: &[(usize, &str)]) -> Option<usize> {
    let mut widths: HashMap<usize, usize> = HashMap::new();
    for (_, text) in lines {
        let Some((first, _)) = text.split_once('\t') else {
            continue;
        };
        let pieces: Vec<&str> = first.split_whitespace().collect();
        if !pieces
            .iter()
            .all(|p| p.chars().all(|c| c.is_ascii_alphanumeric()))
        {
            continue;
        }
        for p in pieces
            .split_last()
            .map(|(_, init)| init)
            .unwrap_or_default()
        {
            *widths.entry(p.chars().count()).or_default() += 1;
        }
    }
    widths
        .into_iter()
        .filter(|&(w, n)| n >= MIN_WIDTH_SAMPLES && w >= 4)
        .max_by_key(|&(w, n)| (n, w))
        .map(|(w, _)| w)
}

/// A piece count below which a learned width is not trusted.
const MIN_WIDTH_SAMPLES: usize = 3;

impl WordModel {
    /// Learns from `(line number, text)` pairs of everything that is not a code block.
    pub fn learn<'a>(lines: impl IntoIterator<Item = (usize, &'a str)>) -> Self {
        let lines: Vec<(usize, &str)> = lines.into_iter().collect();
        let mut model = WordModel {
            width: learn_width(&lines),
            ..WordModel::default()
        };
        for &(line, text) in &lines {
            let mut after_piece = false;
            for tok in text.split_whitespace() {
                let core = trim_punct(tok);
                for run in tok.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
                    if !run.is_empty() && !model.idents.contains(run) {
                        model.idents.insert(run.to_string());
                    }
                }
                if !core.is_empty() {
                    model
                        .tokens
                        .entry(core.to_string())
                        .or_default()
                        .insert(line);
                    model
                        .lower
                        .entry(core.to_lowercase())
                        .or_default()
                        .insert(line);
                    if !after_piece {
                        model.free.insert(core.to_string());
                    }
                }
                after_piece = model.is_full_piece(tok);
            }
        }
        model
    }

    /// Whether `word` (exact case) occurs as a whole token anywhere in the document.
    fn knows(&self, word: &str) -> bool {
        self.tokens.contains_key(word)
    }

    /// Whether the document writes `name` whole somewhere (as a token or inside one).
    pub fn writes_whole(&self, name: &str) -> bool {
        self.idents.contains(name)
    }

    /// Whether `word` (any case) occurs as a whole token on a line other than `line`.
    pub fn knows_elsewhere(&self, word: &str, line: usize) -> bool {
        self.lower
            .get(&word.to_lowercase())
            .is_some_and(|lines| lines.iter().any(|&l| l != line))
    }

    /// Whether `piece` has exactly the wrap width (a piece that may continue on).
    pub fn is_full_piece(&self, piece: &str) -> bool {
        self.width
            .is_some_and(|w| piece.trim_start_matches('.').chars().count() == w)
    }
}

fn trim_punct(tok: &str) -> &str {
    tok.trim_matches(|c: char| !(c.is_alphanumeric() || c == '_'))
}

fn is_ident_piece(tok: &str) -> bool {
    !tok.is_empty()
        && tok
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

/// An identifier cell (parameter name, error code) re-joined: such cells never contain
/// spaces, so when all its tokens are identifier pieces they are concatenated
/// (`InvalidPhy sicalConne ctionId. NotFound`, `Filter . N . Value . N`). Returns `None`
/// when the cell holds something else (prose). The flag tells whether a break was not
/// explained by the column width or by a `.`/`-`, i.e. the join is a guess.
pub fn join_identifier(text: &str, model: &WordModel) -> Option<(String, bool)> {
    let pieces: Vec<&str> = text.split_whitespace().collect();
    if pieces.is_empty() || !pieces.iter().all(|p| is_ident_piece(p)) {
        return None;
    }
    let explained = pieces.windows(2).all(|pair| match pair {
        [left, right] => {
            let sep = |c: char| c == '.' || c == '-';
            left.ends_with(sep) || right.starts_with(sep) || model.is_full_piece(left)
        }
        _ => true,
    }) || model.writes_whole(&pieces.concat());
    Some((pieces.concat(), !explained))
}

/// Re-joins identifiers broken at the wrap width inside prose (`Valid value: CreatePhys
/// icalConnec tion`). A join is made when the result is a word the document writes whole
/// elsewhere; failing that, when the pieces have a camel-case shape (a full-width piece
/// with an inner capital followed by a lowercase continuation), which is reported back as
/// a guess. Ordinary words are never glued: they are neither camel-case nor broken.
pub fn rejoin_prose(text: &str, model: &WordModel) -> (String, Vec<String>) {
    let toks: Vec<&str> = text.split_whitespace().collect();
    let mut out: Vec<String> = Vec::with_capacity(toks.len());
    let mut guesses = Vec::new();
    let mut i = 0;
    while let Some(&tok) = toks.get(i) {
        match join_at(toks.get(i..).unwrap_or_default(), model) {
            Some((n, word, guessed)) => {
                if guessed {
                    guesses.push(word.clone());
                }
                out.push(word);
                i += n;
            }
            None => {
                out.push(tok.to_string());
                i += 1;
            }
        }
    }
    (out.join(" "), guesses)
}

/// Tries to join a run of broken pieces at the start of `toks`; returns how many tokens
/// were used, the word, and whether it was a guess.
fn join_at(toks: &[&str], model: &WordModel) -> Option<(usize, String, bool)> {
    let alnum = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_alphanumeric());
    // The run: full-width alphanumeric pieces, then one final piece.
    let mut end = 0;
    while toks
        .get(end)
        .is_some_and(|t| alnum(t) && model.is_full_piece(t))
        && toks
            .get(end + 1)
            .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_alphanumeric()))
    {
        end += 1;
    }
    if end == 0 {
        return None;
    }
    // Longest join the document confirms by writing it whole somewhere.
    for last in (1..=end).rev() {
        let joined = toks.get(..=last)?.concat();
        if model.knows(trim_punct(&joined)) {
            return Some((last + 1, joined, false));
        }
    }
    // Camel-case shape: `PhysicalCo nnectionId`, never `Connection is` or `JavaScript is`:
    // each continuation starts lowercase and is camel-case or never a word of its own.
    let first = toks.first()?;
    let inner_capital = first.chars().skip(1).any(|c| c.is_ascii_uppercase());
    let continues = |t: &str| {
        t.starts_with(|c: char| c.is_ascii_lowercase())
            && (t.chars().any(|c| c.is_ascii_uppercase()) || !model.free.contains(trim_punct(t)))
    };
    let mut last = 0;
    while last < end && toks.get(last + 1).is_some_and(|t| continues(t)) {
        last += 1;
    }
    if !inner_capital || last == 0 {
        return None;
    }
    let joined = toks.get(..=last)?.concat();
    trim_punct(&joined)
        .chars()
        .all(|c| c.is_ascii_alphanumeric())
        .then_some((last + 1, joined, true))
}

fn has_digit(t: &str) -> bool {
    t.chars().any(|c| c.is_ascii_digit())
}

fn ends_alnum(t: &str) -> bool {
    t.chars()
        .last()
        .is_some_and(|c| c.is_alphanumeric() || c == ')')
}

fn starts_alnum(t: &str) -> bool {
    t.starts_with(|c: char| c.is_ascii_alphanumeric())
}

/// Removes spaces the PDF put around punctuation: before `,` `;` `:` and a lone `.`
/// (`CU : China` -> `CU: China`, `12:20 :55` -> `12:20:55`), and around hyphens next to
/// numbers or codes (`100Base - T` -> `100Base-T`, `130e -11e9` -> `130e-11e9`).
pub fn fix_spacing(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut toks = text.split_whitespace().peekable();
    // Set when the last token ends in a hyphen that continues on the next token.
    let mut glue_next = false;
    let joins_code = |a: &str, b: &str| starts_alnum(b) && (has_digit(a) || has_digit(b));
    while let Some(tok) = toks.next() {
        match out.last_mut() {
            Some(p) if glue_next => p.push_str(tok),
            Some(p)
                if ends_alnum(p)
                    && (matches!(tok, "." | ":" | "," | ";")
                        || tok.starts_with([',', ';', ':'])) =>
            {
                p.push_str(tok)
            }
            Some(p)
                if tok == "-" && ends_alnum(p) && toks.peek().is_some_and(|n| joins_code(p, n)) =>
            {
                p.push('-')
            }
            Some(p)
                if ends_alnum(p)
                    && tok
                        .strip_prefix('-')
                        .is_some_and(|rest| joins_code(p, rest)) =>
            {
                p.push_str(tok)
            }
            _ => out.push(tok.to_string()),
        }
        glue_next = out.last().is_some_and(|p| {
            p.len() > 1 && p.ends_with('-') && toks.peek().is_some_and(|n| joins_code(p, n))
        });
    }
    out.join(" ")
}

/// Glues adjacent code-like tokens of an example value (`eip-2zeerraiwb 7uj6i0d0fo3`):
/// both must contain a digit, one a letter, and nothing but code characters.
pub fn join_code_like(text: &str) -> String {
    let code = |t: &str| {
        has_digit(t)
            && t.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | ':' | '.' | '-'))
    };
    let letter = |t: &str| t.chars().any(|c| c.is_ascii_alphabetic());
    let mut out: Vec<String> = Vec::new();
    for tok in text.split_whitespace() {
        match out.last_mut() {
            Some(p) if code(p) && code(tok) && (letter(p) || letter(tok)) => p.push_str(tok),
            _ => out.push(tok.to_string()),
        }
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> WordModel {
        let text = "PhysicalCo nnectionId\tString\n\
                    AccessPoin tId\tString\n\
                    CircuitCod e\tString\n\
                    2.1 CreatePhysicalConnection\n\
                    The Description of a Connection is here.\n\
                    This is a test.";
        WordModel::learn(text.lines().enumerate().map(|(i, l)| (i + 1, l)))
    }

    #[test]
    fn learns_width_from_name_cells() {
        assert!(model().is_full_piece("PhysicalCo"));
        assert!(!model().is_full_piece("Physical"));
        assert!(!WordModel::learn([(1, "no tables here")]).is_full_piece("PhysicalCo"));
    }

    #[test]
    fn identifiers_are_joined() {
        let m = model();
        assert_eq!(
            join_identifier("InvalidPhy sicalConne ctionId. NotFound", &m),
            Some(("InvalidPhysicalConnectionId.NotFound".into(), false))
        );
        assert_eq!(
            join_identifier("Forbidden. NotAllowed InState", &m),
            Some(("Forbidden.NotAllowedInState".into(), false))
        );
        assert_eq!(
            join_identifier("Filter . N . Value . N", &m),
            Some(("Filter.N.Value.N".into(), false))
        );
        assert_eq!(
            join_identifier("InvalidFilterKey .ValueNotSu pported", &m),
            Some(("InvalidFilterKey.ValueNotSupported".into(), false))
        );
        assert_eq!(
            join_identifier("Foo Bar", &m),
            Some(("FooBar".into(), true))
        );
        assert_eq!(join_identifier("Room 5, New York", &m), None);
    }

    #[test]
    fn prose_rejoins_known_and_camel_words_only() {
        let m = model();
        assert_eq!(
            rejoin_prose("Valid value: CreatePhys icalConnec tion", &m),
            ("Valid value: CreatePhysicalConnection".into(), vec![])
        );
        assert_eq!(
            rejoin_prose("the Descriptio n.", &m),
            ("the Description.".into(), vec![])
        );
        let (text, guesses) = rejoin_prose("Value: ModifyPhys icalConnec tionAttrib ute", &m);
        assert_eq!(text, "Value: ModifyPhysicalConnectionAttribute");
        assert_eq!(
            guesses,
            vec!["ModifyPhysicalConnectionAttribute".to_string()]
        );
        // Ten-letter English words followed by lowercase words stay apart.
        assert_eq!(
            rejoin_prose("Connection is established via connection of lines", &m).0,
            "Connection is established via connection of lines"
        );
        assert_eq!(
            rejoin_prose("JavaScript is fine", &m).0,
            "JavaScript is fine"
        );
    }

    #[test]
    fn spacing_artifacts_are_removed() {
        assert_eq!(fix_spacing("· CU : China Unicom"), "· CU: China Unicom");
        assert_eq!(
            fix_spacing("100Base - T:100-MB electrical port"),
            "100Base-T:100-MB electrical port"
        );
        assert_eq!(
            fix_spacing("1000Base - T (default): 1-GB"),
            "1000Base-T (default): 1-GB"
        );
        assert_eq!(
            fix_spacing("02fb3da4-130e -11e9-8e44- 0016e04115b"),
            "02fb3da4-130e-11e9-8e44-0016e04115b"
        );
        assert_eq!(fix_spacing("2017-06-08T12:20 :55"), "2017-06-08T12:20:55");
        assert_eq!(
            fix_spacing("filter key , Filter.X.key, is not . Done"),
            "filter key, Filter.X.key, is not. Done"
        );
        // Dashes between words are prose, not artifacts.
        assert_eq!(
            fix_spacing("pre- and post-processing - see below"),
            "pre- and post-processing - see below"
        );
        assert_eq!(fix_spacing("- item"), "- item");
    }

    #[test]
    fn code_like_examples_are_glued() {
        assert_eq!(
            join_code_like("eip-2zeerraiwb 7uj6i0d0fo3"),
            "eip-2zeerraiwb7uj6i0d0fo3"
        );
        assert_eq!(
            join_code_like("Zhejiang Province vfjdbg_21e"),
            "Zhejiang Province vfjdbg_21e"
        );
        assert_eq!(join_code_like("2 10"), "2 10");
    }
}
