//! Prose -> constraints: turns the rule sentences of a description cell into structured
//! [`Constraint`]s, each keeping the sentence it came from.

use crate::diag::{Diagnostic, Span};
use crate::ir::Constraint;

/// What the rule parser is given: one parameter's (or response field's) description.
pub struct RuleInput<'a> {
    /// Wire name (`Tag.N.Key`, `PageSize`), used for item-count and page-size rules.
    pub name: &'a str,
    /// Type as the document writes it (`String`, `Integer`, `Long`, `array<object>`...).
    pub doc_type: &'a str,
    /// Cell text: paragraphs separated by `\n`, list items starting with `- `.
    pub text: &'a str,
    /// Where the description cell starts.
    pub span: &'a Span,
}

/// Constraints found, the default value stated in prose, and warnings for sentences
/// that look like rules but were not understood.
#[derive(Debug, Default)]
pub struct RuleOutput {
    pub constraints: Vec<Constraint>,
    pub default: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
    /// Sentences that look like rules, and how many of them were understood.
    pub rule_sentences: usize,
    pub understood: usize,
}

pub fn parse_rules(input: &RuleInput<'_>) -> RuleOutput {
    let _ = input;
    RuleOutput::default()
}
