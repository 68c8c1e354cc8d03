//! The compatibility rules of the generated crates, in one place: the shapes codegen gives
//! the generated types ([`GENERATED`]), and what a change to the documents does to code
//! written against those shapes ([`judge`]). Codegen reads the shapes to emit attributes;
//! `specgen diff` reads [`judge`] to label changes. A change is breaking exactly when code or
//! requests that worked can fail; change the shapes here and both follow.

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

/// The shape of a generated enum (valid-value enums, per-operation error enums).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EnumShape {
    /// `#[non_exhaustive]`: matches outside the crate need a wildcard arm.
    pub non_exhaustive: bool,
    /// The variant that carries a value the crate does not list (`Unknown`, `Unhandled`).
    pub fallback: Option<&'static str>,
    /// The fallback's payload has private fields: code outside the crate cannot build the
    /// fallback for a given value, so a value moving from it to its own variant breaks nothing.
    pub opaque: bool,
}

/// The shape of a generated struct (operation inputs and outputs and their nested types).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StructShape {
    /// `#[non_exhaustive]`: code outside the crate cannot build it with a struct literal.
    pub non_exhaustive: bool,
    /// Derives `Default`, so a literal can end in `..Default::default()` (builders set fields).
    pub default: bool,
}

/// Every shape decision a compatibility judgement depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shapes {
    pub value_enum: EnumShape,
    pub error_enum: EnumShape,
    pub input_struct: StructShape,
    pub output_struct: StructShape,
    /// Required parameters are `Option` fields checked by `validate()`, so required and
    /// optional parameters have the same Rust type.
    pub required_is_option: bool,
}

/// What codegen generates today (pinned against `generated/` by the tests below).
pub const GENERATED: Shapes = Shapes {
    value_enum: EnumShape {
        non_exhaustive: true,
        fallback: Some("Unknown"),
        opaque: true,
    },
    error_enum: EnumShape {
        non_exhaustive: true,
        fallback: Some("Unhandled"),
        opaque: true,
    },
    input_struct: StructShape {
        non_exhaustive: true,
        default: true,
    },
    output_struct: StructShape {
        non_exhaustive: true,
        default: true,
    },
    required_is_option: true,
};

impl EnumShape {
    /// `#[non_exhaustive]` when the shape says so.
    pub fn attrs(&self) -> proc_macro2::TokenStream {
        non_exhaustive(self.non_exhaustive)
    }
}

impl StructShape {
    pub fn attrs(&self) -> proc_macro2::TokenStream {
        non_exhaustive(self.non_exhaustive)
    }
}

fn non_exhaustive(on: bool) -> proc_macro2::TokenStream {
    if on {
        quote::quote!(#[non_exhaustive])
    } else {
        proc_macro2::TokenStream::new()
    }
}

/// Which generated enum a change touches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EnumRole {
    Value,
    Error,
}

/// Which generated struct a change touches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StructRole {
    Input,
    Output,
}

/// What a change does to the generated crate or to the requests it sends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// An item callers name disappears or changes type (method, field, variant, crate).
    RemovesItem,
    /// A new method or crate item nothing existing refers to.
    AddsItem,
    /// A new field in a generated struct.
    AddsField(StructRole),
    /// A new variant in a generated enum.
    AddsVariant(EnumRole),
    /// A variant of a generated enum disappears.
    RemovesVariant(EnumRole),
    /// Calls that passed `validate()` (or the service) are now rejected.
    RejectsValid,
    /// More calls are accepted; every call that passed still passes.
    AcceptsMore,
    /// A required parameter becomes optional.
    RelaxesRequired,
    /// The same calls get another behaviour from the service or the transport.
    ChangesBehaviour,
    /// The documents were read differently, not necessarily changed: a reviewer decides.
    ReadingChanged,
    /// Only rustdoc changes.
    Docs,
}

/// The severity of an effect on code written against `shapes`, and why.
pub fn judge(effect: Effect, shapes: &Shapes) -> (Severity, &'static str) {
    use Severity::*;
    match effect {
        Effect::RemovesItem => (Breaking, "code that names it no longer compiles"),
        Effect::AddsItem => (Compatible, "existing code is unaffected"),
        Effect::AddsField(role) => {
            let shape = match role {
                StructRole::Input => shapes.input_struct,
                StructRole::Output => shapes.output_struct,
            };
            match (shape.non_exhaustive, shape.default) {
                (true, _) => (Compatible, "the struct is #[non_exhaustive], so no code outside the crate builds it with a literal; existing code is unaffected"),
                (false, true) => (PotentiallyBreaking, "the struct is not #[non_exhaustive]: a struct literal naming every field stops compiling; builders and `..Default::default()` keep working"),
                (false, false) => (Breaking, "the struct is not #[non_exhaustive] and has no Default: code that builds it with a literal (mocks, tests) stops compiling; code that reads it is unaffected"),
            }
        }
        Effect::AddsVariant(role) => {
            let shape = match role {
                EnumRole::Value => shapes.value_enum,
                EnumRole::Error => shapes.error_enum,
            };
            match (shape.non_exhaustive, shape.fallback, shape.opaque) {
                (false, ..) => (Breaking, "the enum is exhaustive: `match`es on it outside the crate stop compiling"),
                (true, Some(_), true) => (Compatible, "the enum is #[non_exhaustive] with an opaque fallback variant, so `match`es keep compiling and no code built the fallback for this value; the value now gets its own variant"),
                (true, Some(_), false) => (PotentiallyBreaking, "the enum is #[non_exhaustive], so `match`es keep compiling, but code that builds or matches the fallback variant for this value (`Unknown(\"X\")`) stops seeing it there"),
                (true, None, _) => (Compatible, "the enum is #[non_exhaustive], so `match`es keep compiling"),
            }
        }
        Effect::RemovesVariant(_) => (Breaking, "code naming the variant no longer compiles"),
        Effect::RejectsValid => (Breaking, "code that worked fails at run time"),
        Effect::AcceptsMore => (Compatible, "calls that were valid stay valid"),
        Effect::RelaxesRequired if shapes.required_is_option => (Compatible, "required and optional parameters are both `Option` fields, so the Rust type stays"),
        Effect::RelaxesRequired => (Breaking, "the field's type changes from `T` to `Option<T>`; code that sets it no longer compiles"),
        Effect::ChangesBehaviour => (PotentiallyBreaking, "the same calls may behave differently; a reviewer decides"),
        Effect::ReadingChanged => (PotentiallyBreaking, "the documents may not have changed: compare the two sentences, then fix the reading (specs/overrides.yaml) or accept the finding"),
        Effect::Docs => (DocsOnly, "generated code is unaffected apart from its rustdoc"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn generated(path: &str) -> String {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../generated");
        std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// The attribute lines right above each `pub struct`/`pub enum` whose name passes `pick`.
    fn attrs_of(text: &str, item: &str, pick: impl Fn(&str) -> bool) -> Vec<(String, String)> {
        let lines: Vec<&str> = text.lines().collect();
        let mut out = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let Some(name) = line
                .strip_prefix(item)
                .and_then(|rest| rest.split([' ', '{']).next())
            else {
                continue;
            };
            if !pick(name) {
                continue;
            }
            let attrs: Vec<&str> = lines[..i]
                .iter()
                .rev()
                .take_while(|l| l.starts_with("#["))
                .copied()
                .collect();
            out.push((name.to_string(), attrs.join(" ")));
        }
        out
    }

    /// The shapes above are what `generated/` holds: a test that fails when codegen and the
    /// compatibility rules drift apart.
    #[test]
    fn shapes_match_the_generated_code() {
        // The operation's own types and the ones it shares with others.
        let text =
            generated("alibabacloud-vpc20160428/src/operation/describe_physical_connections.rs")
                + &generated("alibabacloud-vpc20160428/src/types.rs");
        let s = GENERATED;
        let check = |what: &str,
                     found: Vec<(String, String)>,
                     non_exhaustive: bool,
                     default: Option<bool>| {
            assert!(!found.is_empty(), "no {what} found");
            for (name, attrs) in found {
                assert_eq!(
                    attrs.contains("#[non_exhaustive]"),
                    non_exhaustive,
                    "{what} {name}: {attrs}"
                );
                if let Some(d) = default {
                    assert_eq!(attrs.contains("Default"), d, "{what} {name}: {attrs}");
                }
            }
        };
        check(
            "input",
            attrs_of(&text, "pub struct ", |n| n.ends_with("Input")),
            s.input_struct.non_exhaustive,
            Some(s.input_struct.default),
        );
        check(
            "output",
            attrs_of(&text, "pub struct ", |n| n.ends_with("Output")),
            s.output_struct.non_exhaustive,
            Some(s.output_struct.default),
        );
        check(
            "error enum",
            attrs_of(&text, "pub enum ", |n| n.ends_with("Error")),
            s.error_enum.non_exhaustive,
            None,
        );
        check(
            "value enum",
            attrs_of(&text, "pub enum ", |n| !n.ends_with("Error")),
            s.value_enum.non_exhaustive,
            None,
        );
        for (fallback, pattern) in [
            (
                s.value_enum.fallback,
                "(crate::types::UnknownVariantValue),",
            ),
            (s.error_enum.fallback, "(::specgen_runtime::Unhandled),"),
        ] {
            let variant = fallback.map(|f| format!("    {f}{pattern}"));
            assert_eq!(
                variant.as_ref().is_some_and(|v| text.contains(v.as_str())),
                fallback.is_some(),
                "{variant:?}"
            );
        }
        assert!(text.contains("pub region_id: Option<String>,") == s.required_is_option);
    }

    #[test]
    fn struct_shape_decides_added_fields() {
        let mut s = GENERATED;
        for role in [StructRole::Input, StructRole::Output] {
            assert_eq!(judge(Effect::AddsField(role), &s).0, Severity::Compatible);
        }
        s.output_struct.non_exhaustive = false;
        s.output_struct.default = false;
        assert_eq!(
            judge(Effect::AddsField(StructRole::Output), &s).0,
            Severity::Breaking
        );
        s.input_struct.non_exhaustive = false;
        assert_eq!(
            judge(Effect::AddsField(StructRole::Input), &s).0,
            Severity::PotentiallyBreaking
        );
        assert_eq!(
            judge(Effect::AddsVariant(EnumRole::Value), &s).0,
            Severity::Compatible
        );
        s.value_enum.opaque = false;
        assert_eq!(
            judge(Effect::AddsVariant(EnumRole::Value), &s).0,
            Severity::PotentiallyBreaking
        );
        s.value_enum.non_exhaustive = false;
        assert_eq!(
            judge(Effect::AddsVariant(EnumRole::Value), &s).0,
            Severity::Breaking
        );
        assert_eq!(
            judge(Effect::AddsVariant(EnumRole::Error), &s).0,
            Severity::Compatible
        );
    }
}
