//! The trait impls every generated valid-value enum shares, written once.

/// Implements `FromStr`, `Display`, `FromJson`, `Serialize` and `Deserialize` for a generated enum from
/// its `as_str()` and `From<&str>` (which maps unknown values to `Unknown`), so that a value
/// the service adds later never fails to parse.
#[macro_export]
macro_rules! wire_enum_impls {
    ($name:ident) => {
        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                Ok(Self::from(value))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl $crate::json::FromJson for $name {
            fn from_json(
                node: $crate::json::Node<'_>,
            ) -> ::std::result::Result<Self, $crate::json::JsonError> {
                match node.as_str() {
                    ::std::option::Option::Some(value) => Ok(Self::from(value)),
                    ::std::option::Option::None => {
                        Err($crate::json::JsonError::mismatch("a string", &node))
                    }
                }
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                let value =
                    <::std::string::String as $crate::__private::serde::Deserialize>::deserialize(
                        deserializer,
                    )?;
                Ok(Self::from(value.as_str()))
            }
        }
    };
}

#[cfg(test)]
mod tests {
    #[derive(Debug, PartialEq)]
    enum Colour {
        Red,
        Unknown(String),
    }

    impl Colour {
        fn as_str(&self) -> &str {
            match self {
                Colour::Red => "red",
                Colour::Unknown(v) => v,
            }
        }
    }

    impl From<&str> for Colour {
        fn from(value: &str) -> Self {
            match value {
                "red" => Colour::Red,
                other => Colour::Unknown(other.to_owned()),
            }
        }
    }

    crate::wire_enum_impls!(Colour);

    #[test]
    fn round_trips_known_and_unknown_values() {
        assert_eq!("red".parse::<Colour>(), Ok(Colour::Red));
        assert_eq!(Colour::Unknown("blue".into()).to_string(), "blue");
        assert_eq!(
            serde_json::to_string(&Colour::Red).ok().as_deref(),
            Some("\"red\"")
        );
        let blue: Result<Colour, _> = serde_json::from_str("\"blue\"");
        assert_eq!(blue.ok(), Some(Colour::Unknown("blue".into())));
        assert_eq!(crate::json::from_str::<Colour>("\"red\""), Ok(Colour::Red));
        assert!(crate::json::from_str::<Colour>("1").is_err());
    }
}
