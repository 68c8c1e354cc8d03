//! The catalogue of change kinds: a stable id and what each does to the generated crate. The
//! severity and the explanation's second half come from [`crate::compat`], where the shapes
//! codegen generates decide what breaks.

pub use crate::compat::Severity;
use crate::compat::{judge, Effect, EnumRole, StructRole, GENERATED};
use serde::Serialize;

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
    ReadingChanged,
    DocsChanged,
}

impl Kind {
    /// Every kind, in catalogue order.
    pub const ALL: [Kind; 35] = [
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
        Kind::ReadingChanged,
        Kind::DocsChanged,
    ];

    /// Id, what the change does to the generated crate, and what it means for a caller.
    /// The severity follows from the effect and the generated shapes ([`crate::compat`]).
    fn entry(self) -> (&'static str, Effect, &'static str) {
        use Effect::*;
        match self {
            Kind::OperationAdded => ("operation-added", AddsItem, "a new method is generated"),
            Kind::OperationRemoved => ("operation-removed", RemovesItem, "the method disappears from the crate"),
            Kind::ParameterAddedOptional => ("parameter-added-optional", AddsField(StructRole::Input), "a new optional input field; calls that leave it unset keep working"),
            Kind::ParameterAddedRequired => ("parameter-added-required", RejectsValid, "existing calls lack the new required field and fail validation"),
            Kind::ParameterRemoved => ("parameter-removed", RemovesItem, "the input field disappears"),
            Kind::ParameterRenamed => ("parameter-renamed", RemovesItem, "the wire name changes (likely the same parameter): the input field is renamed and old requests send an unknown name"),
            Kind::ParameterTypeChanged => ("parameter-type-changed", RemovesItem, "the input field's Rust type changes"),
            Kind::ParameterBecameRequired => ("parameter-became-required", RejectsValid, "calls that leave the field unset now fail validation"),
            Kind::ParameterBecameOptional => ("parameter-became-optional", RelaxesRequired, "the parameter may be left unset"),
            Kind::EnumValueAdded => ("enum-value-added", AddsVariant(EnumRole::Value), "a new variant of a valid-value enum; `validate()` accepts the value"),
            Kind::EnumValueRemoved => ("enum-value-removed", RemovesVariant(EnumRole::Value), "the variant disappears and `validate()` rejects the value"),
            Kind::RangeNarrowed => ("range-narrowed", RejectsValid, "numbers that were valid are now rejected"),
            Kind::RangeWidened => ("range-widened", AcceptsMore, "more numbers are accepted"),
            Kind::LengthNarrowed => ("length-narrowed", RejectsValid, "strings of a length that was valid are now rejected"),
            Kind::LengthWidened => ("length-widened", AcceptsMore, "more lengths are accepted"),
            Kind::ItemLimitNarrowed => ("item-limit-narrowed", RejectsValid, "fewer items are allowed; lists that were valid are now rejected"),
            Kind::ItemLimitWidened => ("item-limit-widened", AcceptsMore, "more items are allowed"),
            Kind::FormatRuleNarrowed => ("format-rule-narrowed", RejectsValid, "a character or prefix rule got stricter; strings that were valid are now rejected"),
            Kind::FormatRuleWidened => ("format-rule-widened", AcceptsMore, "a character or prefix rule got looser"),
            Kind::DefaultChanged => ("default-changed", ChangesBehaviour, "calls that leave the field unset get a different behaviour"),
            Kind::ResponseFieldAdded => ("response-field-added", AddsField(StructRole::Output), "a new output field; code that reads the response is unaffected"),
            Kind::ResponseFieldRemoved => ("response-field-removed", RemovesItem, "the output field disappears"),
            Kind::ResponseFieldTypeChanged => ("response-field-type-changed", RemovesItem, "the output field's Rust type changes"),
            Kind::ResponseFieldMoved => ("response-field-moved", RemovesItem, "the output field sits elsewhere in the response tree; the old place disappears"),
            Kind::ErrorCodeAdded => ("error-code-added", AddsVariant(EnumRole::Error), "the operation documents a new failure: a new variant of its error enum"),
            Kind::ErrorCodeRemoved => ("error-code-removed", RemovesVariant(EnumRole::Error), "the operation no longer documents this failure: its error enum loses the variant"),
            Kind::HttpMethodChanged => ("http-method-changed", ChangesBehaviour, "the crate sends the request with another HTTP method; proxies, policies and older crate versions may disagree"),
            Kind::StyleChanged => ("style-changed", RejectsValid, "the API style (RPC/ROA) changes how requests are built; requests built the old way are refused"),
            Kind::VersionChanged => ("version-changed", RemovesItem, "a different API version: a different contract and crate, whose items replace these"),
            Kind::EndpointChanged => ("endpoint-changed", ChangesBehaviour, "requests go to another host; firewall rules and custom endpoint settings may need updating"),
            Kind::ParameterLocationChanged => ("parameter-location-changed", ChangesBehaviour, "parameters move between query string and form body; requests built by older crate versions may be rejected"),
            Kind::IdempotencyParameterChanged => ("idempotency-parameter-changed", ChangesBehaviour, "retries are made safe by a different parameter, or no longer at all"),
            Kind::CrateRenamed => ("crate-renamed", RemovesItem, "the generated crate has a new name; dependants must change their Cargo.toml"),
            Kind::ReadingChanged => ("reading-changed", ReadingChanged, "a rule, default or valid value was read from one side's sentence but not from the other's, or spelled differently"),
            Kind::DocsChanged => ("docs-changed", Docs, "wording, examples, error messages or error statuses changed"),
        }
    }

    /// Stable kebab-case identifier.
    pub fn id(self) -> &'static str {
        self.entry().0
    }

    pub fn severity(self) -> Severity {
        judge(self.entry().1, &GENERATED).0
    }

    /// What the change means for a caller of the generated crate, given the generated shapes.
    pub fn explanation(self) -> String {
        let (_, effect, what) = self.entry();
        format!("{what}; {}", judge(effect, &GENERATED).1)
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

    #[test]
    fn reading_changes_are_never_breaking() {
        assert_eq!(
            Kind::ReadingChanged.severity(),
            Severity::PotentiallyBreaking
        );
    }
}
