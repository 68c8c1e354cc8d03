//! Decoding success bodies into generated output types.
//!
//! The body is parsed once into a [`Node`] tree (borrowing from the body) by code compiled
//! here, in the runtime; each generated type then takes its fields out of the object with one
//! small, non-generic [`FromJson::from_json`]. A serde derive per output type (a visitor, a
//! field enum and a sequence path each) made up a third of a generated crate's compile time.
//!
//! Decoding is as strict as serde's derive: a field of the wrong JSON type is an error naming
//! its path; a missing or `null` field is `None`; fields the type does not know are ignored.

mod node;

use std::borrow::Cow;
use std::fmt;

pub use node::Node;
use node::Repr;
/// Any JSON value, owned: the type of fields the documents give no structure for.
pub use serde_json::Value;

/// A type a JSON value decodes into.
pub trait FromJson: Sized {
    /// Decodes `node`, or says where and why it does not fit.
    fn from_json(node: Node<'_>) -> Result<Self, JsonError>;
}

/// Why a JSON document does not decode into a type, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// Path segments from the innermost outwards (`["0", "Items", "Set"]`).
    path: Vec<String>,
    reason: String,
}

impl JsonError {
    /// `node` is not the `expected` kind of value (`"a string"`).
    pub fn mismatch(expected: &str, found: &Node<'_>) -> Self {
        JsonError {
            path: Vec::new(),
            reason: format!("expected {expected}, found {}", found.kind()),
        }
    }

    fn within(mut self, segment: impl Into<String>) -> Self {
        self.path.push(segment.into());
        self
    }

    /// The path of the value that did not fit, e.g. `PhysicalConnectionSet.PhysicalConnectionType[0].Bandwidth`.
    pub fn path(&self) -> String {
        let mut out = String::new();
        for segment in self.path.iter().rev() {
            if segment.starts_with('[') {
                out.push_str(segment);
            } else {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(segment);
            }
        }
        out
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.reason)
        } else {
            write!(f, "at `{}`: {}", self.path(), self.reason)
        }
    }
}

impl std::error::Error for JsonError {}

/// Parses `bytes` and decodes the document into `T`.
pub fn from_slice<T: FromJson>(bytes: &[u8]) -> Result<T, String> {
    let node = Node::parse(bytes).map_err(|e| e.to_string())?;
    T::from_json(node).map_err(|e| e.to_string())
}

/// Parses `text` and decodes the document into `T`.
pub fn from_str<T: FromJson>(text: &str) -> Result<T, String> {
    from_slice(text.as_bytes())
}

/// A JSON object whose fields a generated `from_json` takes out one by one.
#[derive(Debug)]
pub struct Object<'a>(Vec<(Cow<'a, str>, Node<'a>)>);

impl<'a> Object<'a> {
    /// The object `node` is, or an error when it is something else.
    pub fn new(node: Node<'a>) -> Result<Self, JsonError> {
        match node.0 {
            Repr::Object(fields) => Ok(Object(fields)),
            _ => Err(JsonError::mismatch("an object", &node)),
        }
    }

    /// Takes out the field `key`: `None` when it is absent or `null`. Of a repeated key the
    /// last occurrence counts, as in serde_json. A scan: objects are small, and sorting them
    /// for a binary search measured slower.
    pub fn field<T: FromJson>(&mut self, key: &str) -> Result<Option<T>, JsonError> {
        let Some(at) = node::key_position(&self.0, key) else {
            return Ok(None);
        };
        match self.0.swap_remove(at).1 {
            Node(Repr::Null) => Ok(None),
            node => T::from_json(node).map(Some).map_err(|e| e.within(key)),
        }
    }
}

impl FromJson for Value {
    fn from_json(node: Node<'_>) -> Result<Self, JsonError> {
        Ok(node.into_value())
    }
}

// Scalars are read across JSON's scalar kinds: the reference pages type many fields `String`
// that the service (and the pages' own examples) sends as numbers or booleans (`"Hold": 30`,
// `"HasReservationData": false`), and some pages' examples quote numbers (`"PageSize": "10"`).
// The value is kept, in the type the IR gives, rather than the whole call failing; a value
// that cannot be that type (text in an integer field, an object for a string) is still an error.

impl FromJson for String {
    fn from_json(node: Node<'_>) -> Result<Self, JsonError> {
        match node.0 {
            Repr::String(s) => Ok(s.into_owned()),
            Repr::Bool(b) => Ok(b.to_string()),
            Repr::Number(n) => Ok(n.to_string()),
            _ => Err(JsonError::mismatch("a string", &node)),
        }
    }
}

impl FromJson for bool {
    fn from_json(node: Node<'_>) -> Result<Self, JsonError> {
        match &node.0 {
            Repr::Bool(b) => Ok(*b),
            Repr::String(s) if s == "true" => Ok(true),
            Repr::String(s) if s == "false" => Ok(false),
            _ => Err(JsonError::mismatch("a boolean", &node)),
        }
    }
}

/// An integer, or a string holding only one (`"10"`).
fn integer(node: &Node<'_>) -> Option<i64> {
    match &node.0 {
        Repr::String(s) => s.parse().ok(),
        _ => node.as_i64(),
    }
}

impl FromJson for i64 {
    fn from_json(node: Node<'_>) -> Result<Self, JsonError> {
        integer(&node).ok_or_else(|| JsonError::mismatch("an integer (64-bit)", &node))
    }
}

impl FromJson for i32 {
    fn from_json(node: Node<'_>) -> Result<Self, JsonError> {
        integer(&node)
            .and_then(|n| i32::try_from(n).ok())
            .ok_or_else(|| JsonError::mismatch("an integer (32-bit)", &node))
    }
}

impl FromJson for f64 {
    fn from_json(node: Node<'_>) -> Result<Self, JsonError> {
        node.as_f64()
            .ok_or_else(|| JsonError::mismatch("a number", &node))
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(node: Node<'_>) -> Result<Self, JsonError> {
        match node.0 {
            Repr::Array(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, item)| T::from_json(item).map_err(|e| e.within(format!("[{i}]"))))
                .collect(),
            _ => Err(JsonError::mismatch("an array", &node)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct Item {
        id: Option<String>,
        size: Option<i32>,
    }

    impl FromJson for Item {
        fn from_json(node: Node<'_>) -> Result<Self, JsonError> {
            let mut object = Object::new(node)?;
            Ok(Item {
                id: object.field("Id")?,
                size: object.field("Size")?,
            })
        }
    }

    #[derive(Debug, PartialEq)]
    struct Page {
        items: Option<Vec<Item>>,
        total: Option<i64>,
    }

    impl FromJson for Page {
        fn from_json(node: Node<'_>) -> Result<Self, JsonError> {
            let mut object = Object::new(node)?;
            Ok(Page {
                items: object.field("Items")?,
                total: object.field("Total")?,
            })
        }
    }

    #[test]
    fn scalars_as_the_service_sends_them() {
        // The page types Id `String` and sends a number; its example quotes Size and Total.
        let page: Page =
            from_str(r#"{"Items":[{"Id":203255400960138,"Size":"3"},{"Id":false}],"Total":"12"}"#)
                .unwrap();
        let items = page.items.unwrap();
        assert_eq!(items[0].id.as_deref(), Some("203255400960138"));
        assert_eq!(items[0].size, Some(3));
        assert_eq!(items[1].id.as_deref(), Some("false"));
        assert_eq!(page.total, Some(12));
        assert_eq!(from_str::<String>("1.5").unwrap(), "1.5");
        assert!(from_str::<bool>(r#""true""#).unwrap());
        // What cannot be the field's type is still an error naming the field.
        let err = from_str::<Page>(r#"{"Items":[{"Size":"three"}]}"#).unwrap_err();
        assert!(err.to_string().contains("Items[0].Size"), "{err}");
        assert!(from_str::<String>("{}").is_err());
        assert!(from_str::<i32>(r#""4294967296""#).is_err());
    }

    #[test]
    fn fields_absent_null_and_unknown() {
        let page: Page =
            from_str(r#"{"Items":[{"Id":"a","Size":3,"Extra":1},{"Size":null}],"Other":{}}"#)
                .unwrap();
        assert_eq!(
            page,
            Page {
                items: Some(vec![
                    Item {
                        id: Some("a".into()),
                        size: Some(3)
                    },
                    Item {
                        id: None,
                        size: None
                    }
                ]),
                total: None,
            }
        );
    }

    #[test]
    fn mismatches_name_the_path() {
        let err = from_str::<Page>(r#"{"Items":[{"Id":"a"},{"Id":[7]}]}"#).unwrap_err();
        assert_eq!(err, "at `Items[1].Id`: expected a string, found an array");
        let err = from_str::<Page>(r#"{"Items":[{"Size":3000000000}]}"#).unwrap_err();
        assert_eq!(
            err,
            "at `Items[0].Size`: expected an integer (32-bit), found a number"
        );
        let err = from_str::<Page>(r#"{"Total":1.5}"#).unwrap_err();
        assert_eq!(
            err,
            "at `Total`: expected an integer (64-bit), found a number"
        );
        assert_eq!(
            from_str::<Page>("[]").unwrap_err(),
            "expected an object, found an array"
        );
        assert!(from_str::<Page>("{").unwrap_err().contains("EOF"));
    }

    #[test]
    fn repeated_keys_keep_the_last_and_any_json_stays_whole() {
        struct Doc {
            id: Option<String>,
            extra: Option<Value>,
        }
        impl FromJson for Doc {
            fn from_json(node: Node<'_>) -> Result<Self, JsonError> {
                let mut object = Object::new(node)?;
                Ok(Doc {
                    id: object.field("Id")?,
                    extra: object.field("Extra")?,
                })
            }
        }
        let doc: Doc = from_str(r#"{"Id":"a","Extra":{"K":[1,"x"]},"Id":"b"}"#).unwrap();
        assert_eq!(doc.id.as_deref(), Some("b"));
        assert_eq!(doc.extra, Some(serde_json::json!({"K": [1, "x"]})));
    }
}
