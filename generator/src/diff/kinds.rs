//! The catalogue of change kinds: a stable id, a severity and a one-line explanation for each,
//! judged from the point of view of a caller of the generated crate.

use serde::Serialize;
use std::fmt;

/// How much a change can hurt a caller. Ordered from worst to harmless.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Breaking,
    PotentiallyBreaking,
    Compatible,
    DocsOnly,
}

impl Severity {
    pub const ALL: [Severity; 4] = [
        Severity::Breaking,
        Severity::PotentiallyBreaking,
        Severity::Compatible,
        Severity::DocsOnly,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Severity::Breaking => "breaking",
            Severity::PotentiallyBreaking => "potentially-breaking",
            Severity::Compatible => "compatible",
            Severity::DocsOnly => "docs-only",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Breaking => "breaking",
            Severity::PotentiallyBreaking => "potentially breaking",
            Severity::Compatible => "compatible",
            Severity::DocsOnly => "docs only",
        })
    }
}

/// One kind of change. The id of each kind is part of the JSON output: never rename one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    OperationAdded,
    OperationRemoved,
    ParameterAddedOptional,
    ParameterAddedRequired,
    ParameterRemoved,
    ParameterRenamed,
    ParameterTypeChanged,
    ParameterBecameRequired,
    ParameterBecameOptional,
    EnumValueAdded,
    EnumValueRemoved,
    RangeNarrowed,
    RangeWidened,
    LengthNarrowed,
    LengthWidened,
    ItemLimitNarrowed,
    ItemLimitWidened,
    FormatRuleNarrowed,
    FormatRuleWidened,
    DefaultChanged,
    ResponseFieldAdded,
    ResponseFieldRemoved,
    ResponseFieldTypeChanged,
    ResponseFieldMoved,
    ErrorCodeAdded,
    ErrorCodeRemoved,
    HttpMethodChanged,
    StyleChanged,
    VersionChanged,
    EndpointChanged,
    ParameterLocationChanged,
    IdempotencyParameterChanged,
    CrateRenamed,
    DocsChanged,
}

impl Kind {
    /// Every kind, in catalogue order.
    pub const ALL: [Kind; 34] = [
        Kind::OperationAdded,
        Kind::OperationRemoved,
        Kind::ParameterAddedOptional,
        Kind::ParameterAddedRequired,
        Kind::ParameterRemoved,
        Kind::ParameterRenamed,
        Kind::ParameterTypeChanged,
        Kind::ParameterBecameRequired,
        Kind::ParameterBecameOptional,
        Kind::EnumValueAdded,
        Kind::EnumValueRemoved,
        Kind::RangeNarrowed,
        Kind::RangeWidened,
        Kind::LengthNarrowed,
        Kind::LengthWidened,
        Kind::ItemLimitNarrowed,
        Kind::ItemLimitWidened,
        Kind::FormatRuleNarrowed,
        Kind::FormatRuleWidened,
        Kind::DefaultChanged,
        Kind::ResponseFieldAdded,
        Kind::ResponseFieldRemoved,
        Kind::ResponseFieldTypeChanged,
        Kind::ResponseFieldMoved,
        Kind::ErrorCodeAdded,
        Kind::ErrorCodeRemoved,
        Kind::HttpMethodChanged,
        Kind::StyleChanged,
        Kind::VersionChanged,
        Kind::EndpointChanged,
        Kind::ParameterLocationChanged,
        Kind::IdempotencyParameterChanged,
        Kind::CrateRenamed,
        Kind::DocsChanged,
    ];

    fn entry(self) -> (&'static str, Severity, &'static str) {
        use Severity::*;
        match self {
            Kind::OperationAdded => ("operation-added", Compatible, "a new method is generated; existing calls are unaffected"),
            Kind::OperationRemoved => ("operation-removed", Breaking, "the method disappears from the crate; calls to it no longer compile"),
            Kind::ParameterAddedOptional => ("parameter-added-optional", Compatible, "a new optional input field; existing calls keep working"),
            Kind::ParameterAddedRequired => ("parameter-added-required", Breaking, "existing calls lack the new required field and fail validation"),
            Kind::ParameterRemoved => ("parameter-removed", Breaking, "the input field disappears; code that sets it no longer compiles"),
            Kind::ParameterRenamed => ("parameter-renamed", Breaking, "the wire name changes (likely the same parameter): the input field is renamed and old requests send an unknown name"),
            Kind::ParameterTypeChanged => ("parameter-type-changed", Breaking, "the input field's Rust type changes; code that sets it no longer compiles"),
            Kind::ParameterBecameRequired => ("parameter-became-required", Breaking, "calls that leave the field unset now fail validation"),
            Kind::ParameterBecameOptional => ("parameter-became-optional", Compatible, "calls may now leave the field unset; existing calls keep working"),
            Kind::EnumValueAdded => ("enum-value-added", PotentiallyBreaking, "a new enum variant: callers may send or receive it, and exhaustive `match`es on the enum stop compiling"),
            Kind::EnumValueRemoved => ("enum-value-removed", Breaking, "the enum variant disappears: code naming it no longer compiles and the service rejects or stops returning it"),
            Kind::RangeNarrowed => ("range-narrowed", Breaking, "values that were valid are now rejected"),
            Kind::RangeWidened => ("range-widened", Compatible, "more values are accepted; valid values stay valid"),
            Kind::LengthNarrowed => ("length-narrowed", Breaking, "strings of a length that was valid are now rejected"),
            Kind::LengthWidened => ("length-widened", Compatible, "more lengths are accepted; valid strings stay valid"),
            Kind::ItemLimitNarrowed => ("item-limit-narrowed", Breaking, "fewer items are allowed; lists that were valid are now rejected"),
            Kind::ItemLimitWidened => ("item-limit-widened", Compatible, "more items are allowed; valid lists stay valid"),
            Kind::FormatRuleNarrowed => ("format-rule-narrowed", Breaking, "a character or prefix rule got stricter; strings that were valid are now rejected"),
            Kind::FormatRuleWidened => ("format-rule-widened", Compatible, "a character or prefix rule got looser; valid strings stay valid"),
            Kind::DefaultChanged => ("default-changed", PotentiallyBreaking, "calls that leave the field unset get a different behaviour"),
            Kind::ResponseFieldAdded => ("response-field-added", Compatible, "a new output field; existing code is unaffected"),
            Kind::ResponseFieldRemoved => ("response-field-removed", Breaking, "the output field disappears; code that reads it no longer compiles"),
            Kind::ResponseFieldTypeChanged => ("response-field-type-changed", Breaking, "the output field's Rust type changes; code that reads it no longer compiles"),
            Kind::ResponseFieldMoved => ("response-field-moved", Breaking, "the output field sits elsewhere in the response tree; code that reads it at the old place no longer compiles"),
            Kind::ErrorCodeAdded => ("error-code-added", Compatible, "the operation documents a new failure; callers matching on codes may want to handle it"),
            Kind::ErrorCodeRemoved => ("error-code-removed", PotentiallyBreaking, "the operation no longer documents this failure; code handling it may rely on behaviour that is gone"),
            Kind::HttpMethodChanged => ("http-method-changed", PotentiallyBreaking, "the crate sends the request with another HTTP method; proxies, policies and older crate versions may disagree"),
            Kind::StyleChanged => ("style-changed", Breaking, "the API style (RPC/ROA) changes how requests are built; the generated calls change shape"),
            Kind::VersionChanged => ("version-changed", Breaking, "a different API version: a different contract, usually a different crate"),
            Kind::EndpointChanged => ("endpoint-changed", PotentiallyBreaking, "requests go to another host; firewall rules and custom endpoint settings may need updating"),
            Kind::ParameterLocationChanged => ("parameter-location-changed", PotentiallyBreaking, "parameters move between query string and form body; requests built by older crate versions may be rejected"),
            Kind::IdempotencyParameterChanged => ("idempotency-parameter-changed", PotentiallyBreaking, "retries are made safe by a different parameter, or no longer at all"),
            Kind::CrateRenamed => ("crate-renamed", Breaking, "the generated crate has a new name; dependants must change their Cargo.toml"),
            Kind::DocsChanged => ("docs-changed", DocsOnly, "wording, examples, error messages or error statuses changed; generated code is unaffected apart from its rustdoc"),
        }
    }

    /// Stable kebab-case identifier.
    pub fn id(self) -> &'static str {
        self.entry().0
    }

    pub fn severity(self) -> Severity {
        self.entry().1
    }

    /// What the change means for a caller of the generated crate.
    pub fn explanation(self) -> &'static str {
        self.entry().2
    }
}

impl Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn ids_are_unique_kebab_case() {
        let ids: BTreeSet<&str> = Kind::ALL.iter().map(|k| k.id()).collect();
        assert_eq!(ids.len(), Kind::ALL.len());
        assert!(ids
            .iter()
            .all(|id| id.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
    }
}
