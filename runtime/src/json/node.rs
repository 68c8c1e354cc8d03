//! A parsed JSON document whose keys and strings borrow from the body when they hold no
//! escapes.
//!
//! `serde_json::Value` allocates every key and string and keeps each object in a `BTreeMap`.
//! A generated `from_json` takes each field out once, so a list of pairs borrowing from the
//! body does the same work with a fraction of the allocations (the decode step of a request
//! was the largest item of the client's CPU profile).

use std::borrow::Cow;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// One value of a parsed JSON document, borrowing from the text it was parsed from.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a>(pub(super) Repr<'a>);

/// The shapes a [`Node`] takes; private so the tree can change without breaking generated code.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Repr<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    /// Fields in document order; a repeated key keeps every occurrence.
    Object(Vec<(Cow<'a, str>, Node<'a>)>),
}

/// A JSON number as serde_json reads it (no arbitrary precision).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Number {
    Unsigned(u64),
    Signed(i64),
    Float(f64),
}

impl std::fmt::Display for Number {
    /// The number as JSON writes it (serde_json's formatting of the same value).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Number::Unsigned(n) => write!(f, "{n}"),
            Number::Signed(n) => write!(f, "{n}"),
            Number::Float(x) => match serde_json::Number::from_f64(*x) {
                Some(n) => write!(f, "{n}"),
                None => write!(f, "{x}"),
            },
        }
    }
}

impl<'a> Node<'a> {
    /// Parses a whole document. serde_json's recursion limit applies, so deeply nested input
    /// is an error, never a stack overflow.
    pub fn parse(bytes: &'a [u8]) -> Result<Self, serde_json::Error> {
        // One UTF-8 check of the whole body is cheaper than serde_json's check of every
        // string; invalid UTF-8 then goes to `from_slice`, for its positioned error.
        match std::str::from_utf8(bytes) {
            Ok(text) => serde_json::from_str(text),
            Err(_) => serde_json::from_slice(bytes),
        }
    }

    /// The string this value is, if it is one.
    pub fn as_str(&self) -> Option<&str> {
        match &self.0 {
            Repr::String(s) => Some(s),
            _ => None,
        }
    }

    /// True when this is an object.
    pub fn is_object(&self) -> bool {
        matches!(self.0, Repr::Object(_))
    }

    /// The field `key` of this object (the last, when repeated); `None` for a missing field
    /// or when this is not an object.
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        match &self.0 {
            Repr::Object(fields) => key_position(fields, key).map(|at| &fields[at].1),
            _ => None,
        }
    }

    /// The value as an integer, if it is a number without a fraction that fits in `i64`.
    pub(super) fn as_i64(&self) -> Option<i64> {
        match self.0 {
            Repr::Number(Number::Unsigned(n)) => i64::try_from(n).ok(),
            Repr::Number(Number::Signed(n)) => Some(n),
            _ => None,
        }
    }

    /// The value as a float, if it is a number.
    pub(super) fn as_f64(&self) -> Option<f64> {
        match self.0 {
            // JSON numbers are decimal text; the nearest f64 is what serde_json gives too.
            Repr::Number(Number::Unsigned(n)) => Some(n as f64),
            Repr::Number(Number::Signed(n)) => Some(n as f64),
            Repr::Number(Number::Float(n)) => Some(n),
            _ => None,
        }
    }

    /// What kind of value this is, for error messages (`"a string"`).
    pub(super) fn kind(&self) -> &'static str {
        match self.0 {
            Repr::Null => "null",
            Repr::Bool(_) => "a boolean",
            Repr::Number(_) => "a number",
            Repr::String(_) => "a string",
            Repr::Array(_) => "an array",
            Repr::Object(_) => "an object",
        }
    }

    /// The same value as an owned `serde_json::Value` (for fields typed as any JSON).
    pub fn into_value(self) -> serde_json::Value {
        use serde_json::Value;
        match self.0 {
            Repr::Null => Value::Null,
            Repr::Bool(b) => Value::Bool(b),
            Repr::Number(Number::Unsigned(n)) => Value::from(n),
            Repr::Number(Number::Signed(n)) => Value::from(n),
            // Parsed JSON holds no NaN or infinity, so `None` cannot happen here.
            Repr::Number(Number::Float(n)) => {
                serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)
            }
            Repr::String(s) => Value::String(s.into_owned()),
            Repr::Array(items) => Value::Array(items.into_iter().map(Node::into_value).collect()),
            Repr::Object(fields) => Value::Object(
                fields
                    .into_iter()
                    .map(|(k, v)| (k.into_owned(), v.into_value()))
                    .collect(),
            ),
        }
    }
}

/// Where the field `key` is among `fields`: the last occurrence, as serde_json keeps it.
pub(super) fn key_position(fields: &[(Cow<'_, str>, Node<'_>)], key: &str) -> Option<usize> {
    // The first byte rules out most keys of the same length before a `memcmp` call.
    let first = key.as_bytes().first();
    fields
        .iter()
        .rposition(|(k, _)| k.len() == key.len() && k.as_bytes().first() == first && k == key)
}

impl<'de> Deserialize<'de> for Node<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Node(Repr::Bool(v)))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Node(Repr::Number(Number::Signed(v))))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Node(Repr::Number(Number::Unsigned(v))))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Node(Repr::Number(Number::Float(v))))
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Node(Repr::String(Cow::Borrowed(v))))
    }

    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Node(Repr::String(Cow::Owned(v.to_owned()))))
    }

    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Node(Repr::String(Cow::Owned(v))))
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Node(Repr::Null))
    }

    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(Node(Repr::Null))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        Node::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node(Repr::Array(items)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        // serde_json gives no size hint; 8 saves the first reallocations of a typical object.
        let mut fields = Vec::with_capacity(map.size_hint().unwrap_or(8));
        while let Some(key) = map.next_key_seed(Key)? {
            fields.push((key, map.next_value()?));
        }
        Ok(Node(Repr::Object(fields)))
    }
}

/// An object key, borrowed when it holds no escapes (serde's own `Cow<str>` always copies).
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrows_plain_strings_and_keys_and_copies_escaped_ones() {
        let text = br#"{"Plain":"abc","Esc\u0041":"a\"b","N":[1,-2,2.5,null,true]}"#;
        let Node(Repr::Object(fields)) = Node::parse(text).unwrap() else {
            panic!("not an object")
        };
        assert!(matches!(&fields[0].0, Cow::Borrowed("Plain")));
        assert!(matches!(
            &fields[0].1 .0,
            Repr::String(Cow::Borrowed("abc"))
        ));
        assert!(matches!(&fields[1].0, Cow::Owned(k) if k == "EscA"));
        assert_eq!(fields[1].1.as_str(), Some("a\"b"));
        let Repr::Array(items) = &fields[2].1 .0 else {
            panic!("not an array")
        };
        assert_eq!(items[0].as_i64(), Some(1));
        assert_eq!(items[1].as_i64(), Some(-2));
        assert_eq!(items[2].as_i64(), None);
        assert_eq!(items[2].as_f64(), Some(2.5));
        assert_eq!((items[3].kind(), items[4].kind()), ("null", "a boolean"));
    }

    #[test]
    fn converts_to_serde_json_value() {
        let text = r#"{"A":[1,-2,2.5,"s",null,{"B":false}],"C":18446744073709551615}"#;
        let node = Node::parse(text.as_bytes()).unwrap();
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(node.into_value(), value);
    }

    #[test]
    fn rejects_what_serde_json_rejects() {
        assert!(Node::parse(b"{").is_err());
        assert!(Node::parse(b"[1,]").is_err());
        assert!(Node::parse(b"{} x").is_err());
        let bad_utf8 = Node::parse(b"{\"A\":\"\xff\"}").unwrap_err();
        assert!(
            bad_utf8.to_string().contains("invalid unicode"),
            "{bad_utf8}"
        );
        let deep = "[".repeat(10_000);
        assert!(Node::parse(deep.as_bytes()).is_err());
    }
}
