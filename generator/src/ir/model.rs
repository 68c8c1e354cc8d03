//! The IR: serde types that are the YAML schema of `specs/ir/`. See `specs/README.md`.
//!
//! One [`Operation`] per file. Every fact carries a [`Span`] pointing at the document line it
//! came from. Optional and empty fields are omitted so files stay short and diffs quiet.

use crate::diag::{Diagnostic, Span};
use serde::{Deserialize, Serialize};

fn is_false(b: &bool) -> bool {
    !*b
}

/// Product-level facts, written to `specs/ir/<product>/<version>/_product.yaml`.
/// Endpoint and wire facts come from `specs/products/*.yaml` (documents never state them).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Product {
    pub product: String,
    pub version: String,
    pub style: String,
    /// Name of the crate generated for this product/version (as the official SDKs name it).
    pub crate_name: String,
    pub endpoint: Endpoint,
    /// Where business parameters travel on the wire.
    pub parameter_location: ParamLocation,
    /// Default HTTP method.
    pub method: String,
    /// Operations named in an overview table without a section of their own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub listed_undocumented: Vec<ListedOperation>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Endpoint {
    /// Endpoint used by regions that have no regional endpoint, e.g. `vpc.aliyuncs.com`.
    pub global: String,
    /// Regional pattern with `{region}`, e.g. `vpc.{region}.aliyuncs.com`.
    pub regional: String,
    /// Regions served by `global` instead of the regional pattern.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub global_regions: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParamLocation {
    Query,
    FormBody,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ListedOperation {
    pub name: String,
    pub summary: String,
    /// True when the name looks cut off by the table's column width.
    #[serde(default, skip_serializing_if = "is_false")]
    pub truncated: bool,
    pub source: Span,
}

/// One API operation: `specs/ir/<product>/<version>/<name>.yaml`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Operation {
    pub product: String,
    pub version: String,
    pub style: String,
    pub name: String,
    pub summary: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// HTTP method when the product file or an override says so for this operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// Name of the idempotency parameter (`ClientToken`, `Token`), when the operation has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idempotency_parameter: Option<String>,
    /// The operation only reads (decided by [`crate::ir::facts`]): a call that may have reached
    /// the service can be retried.
    #[serde(default, skip_serializing_if = "is_false")]
    pub read_only: bool,
    pub source: Span,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub permissions: Vec<Permission>,
    pub parameters: Vec<Parameter>,
    pub response: Vec<Field>,
    /// Where the page itself says the operation returns no response parameters (a response
    /// section reading `无` or "This operation returns no response parameters"): the one
    /// reason an empty `response` is not a cut-off page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_response: Option<Span>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ErrorRow>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<Example>,
    /// Corrections from `specs/overrides.yaml` applied to this operation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<AppliedOverride>,
    /// When several pages document this operation: each fact and every page that states it,
    /// the page whose value was kept first (see `generator/src/merge.rs`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provenance: Vec<Provenance>,
    /// Everything the reader or extractor flagged for this operation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Diagnostic>,
}

/// One fact of a merged operation (`operation`, `parameters.RegionId`, `response.A.B`,
/// `errors.Forbidden`) and the pages stating it, in precedence order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    pub fact: String,
    pub pages: Vec<Span>,
}

/// A RAM authorization row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Permission {
    pub action: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub access_level: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resource_types: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub condition_keys: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dependent_actions: Vec<String>,
    pub source: Span,
}

/// A request parameter. `name` is the wire name exactly as sent; repeated families keep
/// the document's `N` placeholders (`Tag.N.Key`, `Filter.N.Value.N`), or, when the document
/// describes them as `array<object>`, the array parameter has `children`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Parameter {
    pub name: String,
    /// The type exactly as the document writes it (`String`, `Long`, `array<object>`...).
    #[serde(rename = "type")]
    pub doc_type: String,
    /// What `type` means, decided once by [`crate::ir::facts`]: the value's (or, for a list,
    /// each item's) kind.
    #[serde(default, skip_serializing_if = "Kind::is_string")]
    pub kind: Kind,
    /// `type` says a list (`array<string>`, `RepeatList`); `N` placeholders in the name are
    /// structure, read by codegen from the name.
    #[serde(default, skip_serializing_if = "is_false")]
    pub list: bool,
    /// The value is personal or secret (identity number, phone number, password, key): redacted
    /// in `Debug`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub sensitive: bool,
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub constraints: Vec<Constraint>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Parameter>,
    pub source: Span,
}

/// The kind of a value (of each item, for a list), as decided from the document's type word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    #[default]
    String,
    Boolean,
    /// `Integer`, `Int`, `Short`: 32 bits unless a stated range needs more.
    Int32,
    /// `Long`, `Int64`, or an integer whose stated range does not fit 32 bits.
    Int64,
    /// `Float`, `Double`, `Number`.
    Float,
    /// `Object`, `Struct`, `Map`, or a field with children.
    Object,
    /// A type word that names no type (`Integr`): an `unknown-type` error, so no crate is
    /// generated from it.
    Unknown,
}

impl Kind {
    fn is_string(&self) -> bool {
        *self == Kind::String
    }
}

/// A response field; a tree for arrays and nested objects.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// JSON key. Empty for the anonymous item of an array.
    pub name: String,
    #[serde(rename = "type")]
    pub doc_type: String,
    /// What `type` (and the field's children) mean, decided once by [`crate::ir::facts`]: the
    /// value's (or, for a list, each item's) kind.
    #[serde(default, skip_serializing_if = "Kind::is_string")]
    pub kind: Kind,
    /// Personal or secret value: redacted in `Debug`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub sensitive: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Valid-value lists stated for the field (used for typed enums).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub constraints: Vec<Constraint>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Field>,
    /// The value is a JSON array: of objects with `children`, or of `type` scalars when there
    /// are none (an unnamed only child is the item itself).
    #[serde(default, skip_serializing_if = "is_false")]
    pub list: bool,
    /// The table row (or, for a field only the example shows, the example line).
    pub source: Span,
    /// The line of the page's own success example that shows the field at this place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example_source: Option<Span>,
    /// Why the field is here though no table row documents it; absent for table rows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<FieldOrigin>,
}

impl Field {
    /// True for a field a table row documents.
    pub fn documented(&self) -> bool {
        self.origin.is_none()
    }
}

/// Where an undocumented response field comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldOrigin {
    /// The object or list level around documented items that the example or an `Array of X`
    /// type shows (`{"Vpcs":{"Vpc":[...]}}`: `Vpc`).
    Wrapper,
    /// A key the example shows and no table documents.
    Example,
}

/// A row of an operation's error table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ErrorRow {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
    /// The code; with `%s` placeholders when `pattern` is true (`IllegalParamFormat.%s`).
    pub code: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub pattern: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    pub source: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Example {
    pub kind: ExampleKind,
    /// `json`, `xml`, `http` (a sample request URL), or `text`.
    pub format: String,
    /// The HTTP status line and headers when the sample shows them (`HTTP/1.1 200 OK`...);
    /// `text` is then the body that followed them.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub http_head: String,
    pub text: String,
    pub source: Span,
    /// The object a success sample wraps its body in (`DescribeVpcsResponse`, the XML root
    /// element), which the service's JSON answer does not have.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub root: Option<String>,
    /// Why a success sample is not a faithful one (keys broken by PDF text, not valid JSON,
    /// another operation's response); such a sample is not decoded by the example tests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flaw: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExampleKind {
    Request,
    Response,
    ErrorResponse,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AppliedOverride {
    /// What was changed, e.g. `parameters.BandWidth.name`.
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    pub to: String,
    pub reason: String,
    /// Where the override is written (`specs/overrides.yaml:LINE`).
    pub source: Span,
}

/// How a rule was obtained.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Stated as a value list or range of the parameter's own row (`Valid values:`,
    /// `取值范围：1~100`, `Maximum value: 50`, `N的取值范围为1~20`).
    Stated,
    /// Inferred from a sentence pattern (`must start with a letter`, `长度为2~128个字符`,
    /// `at most 20 tags`).
    #[default]
    Inferred,
}

fn yes() -> bool {
    true
}

/// Where a rule came from and whether the generated validator enforces it by default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleStatus {
    #[serde(default)]
    pub origin: Origin,
    /// Set by the extractor when the rule as read may not be the whole rule (a guessed
    /// multi-word value in a run-together list, a `can contain` list of characters): why.
    /// Such a rule is never enforced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incomplete: Option<String>,
    /// Decided by [`crate::ir::lint`]: the rule is complete and the page's own example and
    /// default pass it. Read it with [`Constraint::is_enforced`].
    #[serde(default = "yes")]
    pub enforced: bool,
    /// Why the rule is not enforced (empty when it is).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub not_enforced: String,
}

impl RuleStatus {
    /// A freshly read rule: enforced until the checks say otherwise.
    pub fn new(origin: Origin) -> Self {
        RuleStatus {
            origin,
            incomplete: None,
            enforced: true,
            not_enforced: String::new(),
        }
    }
}

impl Default for RuleStatus {
    fn default() -> Self {
        RuleStatus::new(Origin::Inferred)
    }
}

/// A rule parsed from prose. Each keeps the sentence it came from and where, how it was
/// obtained and whether it is enforced ([`RuleStatus`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Constraint {
    /// A closed list of valid values (string-typed parameters and fields).
    Enum {
        values: Vec<EnumValue>,
        sentence: String,
        source: Span,
        #[serde(flatten)]
        status: RuleStatus,
    },
    /// Numeric validity: the value must be in one of `ranges` and not in `excluded`.
    /// Single values are ranges with `min == max`.
    Range {
        ranges: Vec<Interval>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        excluded: Vec<i64>,
        sentence: String,
        source: Span,
        #[serde(flatten)]
        status: RuleStatus,
    },
    /// String length in characters.
    Length {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<u64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<u64>,
        sentence: String,
        source: Span,
        #[serde(flatten)]
        status: RuleStatus,
    },
    /// The only character classes the value may contain.
    Charset {
        allowed: Vec<CharClass>,
        sentence: String,
        source: Span,
        #[serde(flatten)]
        status: RuleStatus,
    },
    /// The classes the first character must belong to.
    FirstChar {
        allowed: Vec<CharClass>,
        sentence: String,
        source: Span,
        #[serde(flatten)]
        status: RuleStatus,
    },
    /// The value must not start with any of these.
    ForbiddenPrefix {
        values: Vec<String>,
        sentence: String,
        source: Span,
        #[serde(flatten)]
        status: RuleStatus,
    },
    /// The value must not contain any of these.
    ForbiddenSubstring {
        values: Vec<String>,
        sentence: String,
        source: Span,
        #[serde(flatten)]
        status: RuleStatus,
    },
    /// A repeated parameter (`Tag.N`, `Filter.N.Value.N`) takes at most `max` items.
    /// `level` says which `N` (0 = the first) for nested families.
    MaxItems {
        max: u64,
        #[serde(default, skip_serializing_if = "is_zero")]
        level: u8,
        sentence: String,
        source: Span,
        #[serde(flatten)]
        status: RuleStatus,
    },
    /// Upper bound of a page-size parameter.
    PageSize {
        max: u64,
        sentence: String,
        source: Span,
        #[serde(flatten)]
        status: RuleStatus,
    },
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

impl Constraint {
    pub fn sentence(&self) -> &str {
        match self {
            Constraint::Enum { sentence, .. }
            | Constraint::Range { sentence, .. }
            | Constraint::Length { sentence, .. }
            | Constraint::Charset { sentence, .. }
            | Constraint::FirstChar { sentence, .. }
            | Constraint::ForbiddenPrefix { sentence, .. }
            | Constraint::ForbiddenSubstring { sentence, .. }
            | Constraint::MaxItems { sentence, .. }
            | Constraint::PageSize { sentence, .. } => sentence,
        }
    }

    /// Whether the generated validator enforces this rule by default: the single answer
    /// codegen, the docs and the diff read. Rules not enforced are still documented, and
    /// checked only when a caller opts in to every rule (`Validation::All`).
    pub fn is_enforced(&self) -> bool {
        self.status().enforced
    }

    pub fn status(&self) -> &RuleStatus {
        match self {
            Constraint::Enum { status, .. }
            | Constraint::Range { status, .. }
            | Constraint::Length { status, .. }
            | Constraint::Charset { status, .. }
            | Constraint::FirstChar { status, .. }
            | Constraint::ForbiddenPrefix { status, .. }
            | Constraint::ForbiddenSubstring { status, .. }
            | Constraint::MaxItems { status, .. }
            | Constraint::PageSize { status, .. } => status,
        }
    }

    pub fn status_mut(&mut self) -> &mut RuleStatus {
        match self {
            Constraint::Enum { status, .. }
            | Constraint::Range { status, .. }
            | Constraint::Length { status, .. }
            | Constraint::Charset { status, .. }
            | Constraint::FirstChar { status, .. }
            | Constraint::ForbiddenPrefix { status, .. }
            | Constraint::ForbiddenSubstring { status, .. }
            | Constraint::MaxItems { status, .. }
            | Constraint::PageSize { status, .. } => status,
        }
    }

    pub fn source(&self) -> &Span {
        match self {
            Constraint::Enum { source, .. }
            | Constraint::Range { source, .. }
            | Constraint::Length { source, .. }
            | Constraint::Charset { source, .. }
            | Constraint::FirstChar { source, .. }
            | Constraint::ForbiddenPrefix { source, .. }
            | Constraint::ForbiddenSubstring { source, .. }
            | Constraint::MaxItems { source, .. }
            | Constraint::PageSize { source, .. } => source,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EnumValue {
    pub value: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub default: bool,
}

/// An inclusive integer interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interval {
    pub min: i64,
    pub max: i64,
}

/// Character classes used by `charset` and `first_char` rules. In YAML a class is its name
/// (`letter`, `chinese`, `digit`, `ascii`) or, for one literal character, that character.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum CharClass {
    /// ASCII letters a-z, A-Z.
    Letter,
    /// CJK ideographs.
    Chinese,
    Digit,
    /// Any printable ASCII character.
    Ascii,
    /// One literal character, e.g. `.`, `_`, `-`.
    Char(char),
}

impl From<CharClass> for String {
    fn from(c: CharClass) -> String {
        match c {
            CharClass::Letter => "letter".into(),
            CharClass::Chinese => "chinese".into(),
            CharClass::Digit => "digit".into(),
            CharClass::Ascii => "ascii".into(),
            CharClass::Char(c) => c.to_string(),
        }
    }
}

impl TryFrom<String> for CharClass {
    type Error = String;

    fn try_from(s: String) -> Result<Self, String> {
        let mut chars = s.chars();
        match (s.as_str(), chars.next(), chars.next()) {
            ("letter", ..) => Ok(CharClass::Letter),
            ("chinese", ..) => Ok(CharClass::Chinese),
            ("digit", ..) => Ok(CharClass::Digit),
            ("ascii", ..) => Ok(CharClass::Ascii),
            (_, Some(c), None) => Ok(CharClass::Char(c)),
            _ => Err(format!(
                "`{s}` is not a character class (letter, chinese, digit, ascii, or one character)"
            )),
        }
    }
}

/// A product version with its operations: everything the code generator needs for one crate.
#[derive(Clone, Debug, PartialEq)]
pub struct ProductIr {
    pub product: Product,
    /// Sorted by operation name.
    pub operations: Vec<Operation>,
}
