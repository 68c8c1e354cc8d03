//! What recognizers report for one unit, and the context they build constraints in.

use super::values::{intervals, Values};
use super::RuleInput;
use crate::ir::facts::TypeWord;
use crate::ir::{CharClass, Constraint, EnumValue, Interval, Origin, RuleStatus};
use once_cell::sync::Lazy;
use regex::Regex;

/// `1d~49d`, `10Mbps-100Mbps`: an interval of quantities with units.
static UNIT_RANGE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\d+\s*[A-Za-z]+\s*(?:~|～|-|to|至)\s*\d+\s*[A-Za-z]*$").expect("valid regex")
});

/// An index placeholder in a repeated family's name (`N`, and `M`/`n` in some documents).
fn is_index(part: &str) -> bool {
    matches!(part, "N" | "n" | "M" | "m")
}

pub fn is_page_size(name: &str) -> bool {
    matches!(name, "PageSize" | "MaxResults")
}

/// One result of reading a unit.
#[derive(Debug, PartialEq)]
pub enum Finding {
    Rule(Constraint),
    /// A default value stated in prose.
    Default(String),
    /// Values excluded from the preceding range (`The ASN 65025 is reserved ...`).
    Excluded(Vec<i64>),
    /// Understood, with nothing to enforce (the values of a Boolean are its type).
    Glossed,
    /// Understood, with a guess worth a warning.
    Unsure(String),
    /// The unit states a rule that could not be read; the reason.
    Failed(String),
}

/// A unit being read: the parameter it belongs to and the text constraints quote.
pub struct Ctx<'a> {
    pub input: &'a RuleInput<'a>,
    pub quote: String,
}

impl Ctx<'_> {
    /// Whether the parameter is a repeated family (`Tag.N.Key`, `array<object>`, `RepeatList`).
    pub fn repeated(&self) -> bool {
        self.input.name.split('.').any(is_index) || TypeWord::read(self.input.doc_type).list
    }

    /// Whether the parameter sets a page size (`PageSize`, or `MaxResults` for token paging).
    pub fn page_size_param(&self) -> bool {
        is_page_size(self.input.name)
    }

    fn numeric(&self) -> bool {
        TypeWord::read(self.input.doc_type).integer()
    }

    pub fn length(&self, min: Option<u64>, max: Option<u64>) -> Finding {
        Finding::Rule(Constraint::Length {
            min,
            max,
            sentence: self.quote.clone(),
            source: self.input.span.clone(),
            status: RuleStatus::default(),
        })
    }

    pub fn charset(&self, allowed: Vec<CharClass>) -> Finding {
        Finding::Rule(Constraint::Charset {
            allowed,
            sentence: self.quote.clone(),
            source: self.input.span.clone(),
            status: RuleStatus::default(),
        })
    }

    pub fn first_char(&self, allowed: Vec<CharClass>) -> Finding {
        Finding::Rule(Constraint::FirstChar {
            allowed,
            sentence: self.quote.clone(),
            source: self.input.span.clone(),
            status: RuleStatus::default(),
        })
    }

    pub fn forbidden_prefix(&self, values: Vec<String>) -> Finding {
        Finding::Rule(Constraint::ForbiddenPrefix {
            values,
            sentence: self.quote.clone(),
            source: self.input.span.clone(),
            status: RuleStatus::default(),
        })
    }

    pub fn forbidden_substring(&self, values: Vec<String>) -> Finding {
        Finding::Rule(Constraint::ForbiddenSubstring {
            values,
            sentence: self.quote.clone(),
            source: self.input.span.clone(),
            status: RuleStatus::default(),
        })
    }

    /// An item count. For nested families (`Filter.N.Value.N`) a description speaks of its
    /// own, innermost `N`: the outer one is described on the sibling (`Filter.N.Key`).
    pub fn max_items(&self, max: u64, origin: Origin) -> Finding {
        let level = self
            .input
            .name
            .split('.')
            .filter(|p| is_index(p))
            .count()
            .saturating_sub(1);
        Finding::Rule(Constraint::MaxItems {
            max,
            level: u8::try_from(level).unwrap_or(u8::MAX),
            sentence: self.quote.clone(),
            source: self.input.span.clone(),
            status: RuleStatus::new(origin),
        })
    }

    pub fn page_size(&self, max: u64) -> Finding {
        Finding::Rule(Constraint::PageSize {
            max,
            sentence: self.quote.clone(),
            source: self.input.span.clone(),
            status: RuleStatus::new(Origin::Stated),
        })
    }

    pub fn range(&self, ranges: Vec<Interval>) -> Finding {
        Finding::Rule(Constraint::Range {
            ranges,
            excluded: Vec::new(),
            sentence: self.quote.clone(),
            source: self.input.span.clone(),
            status: RuleStatus::new(Origin::Stated),
        })
    }

    /// A value list becomes a range when it has intervals or the type is numeric, an enum
    /// otherwise; a value marked default becomes the default.
    pub fn values(&self, values: Result<Values, String>) -> Vec<Finding> {
        let values = match values {
            Ok(v) => v,
            Err(reason) => return vec![Finding::Failed(reason)],
        };
        let guessed = values.unsure.first().cloned();
        let mut out: Vec<Finding> = values.unsure.into_iter().map(Finding::Unsure).collect();
        out.extend(
            values
                .items
                .iter()
                .filter(|i| i.default)
                .map(|i| Finding::Default(i.value.clone())),
        );
        // A Boolean's values are its type: the list only glosses them (and is often read
        // partially, `true` alone rejecting `false`).
        if self.input.doc_type.trim().eq_ignore_ascii_case("boolean") {
            out.push(Finding::Glossed);
            return out;
        }
        if let Some(i) = values.items.iter().find(|i| UNIT_RANGE.is_match(&i.value)) {
            out.push(Finding::Failed(format!(
                "`{}` is a range with units, not a value",
                i.value
            )));
            return out;
        }
        match intervals(&values.items) {
            Some(ranges) if self.numeric() || ranges.iter().any(|r| r.min != r.max) => {
                out.push(self.range(ranges))
            }
            _ => out.push(Finding::Rule(Constraint::Enum {
                values: values
                    .items
                    .into_iter()
                    .map(|i| EnumValue {
                        value: i.value,
                        description: i.description,
                        default: i.default,
                    })
                    .collect(),
                sentence: self.quote.clone(),
                source: self.input.span.clone(),
                status: RuleStatus {
                    incomplete: guessed,
                    ..RuleStatus::new(Origin::Stated)
                },
            })),
        }
        out
    }
}
