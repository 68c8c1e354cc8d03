//! Request parameters, already flattened to wire names by generated code.

/// Wire parameters in insertion order (`Tag.1.Key`, `RegionId`, ...).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    items: Vec<(String, String)>,
}

impl Params {
    /// Creates an empty parameter list.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends a parameter. A later value for the same name replaces the earlier one, so the
    /// wire never carries a name twice (the service would see an ambiguous request).
    pub fn push(&mut self, name: impl Into<String>, value: impl Into<String>) {
        let name = name.into();
        let value = value.into();
        match self.items.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value,
            None => self.items.push((name, value)),
        }
    }

    /// True when a parameter with this exact wire name is present.
    pub fn contains(&self, name: &str) -> bool {
        self.items.iter().any(|(n, _)| n == name)
    }

    /// The value of a parameter, if present.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.items
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Parameters in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.items.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }

    /// The `(name, value)` pairs in insertion order.
    pub(crate) fn into_pairs(self) -> Vec<(String, String)> {
        self.items
    }

    /// Number of parameters.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when there are no parameters.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for Params {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut params = Params::new();
        for (k, v) in iter {
            params.push(k, v);
        }
        params
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_insertion_order_and_replaces_duplicates() {
        let mut p = Params::new();
        p.push("B", "1");
        p.push("A", "2");
        p.push("B", "3");
        assert_eq!(p.iter().collect::<Vec<_>>(), vec![("B", "3"), ("A", "2")]);
        assert!(p.contains("A"));
        assert!(!p.contains("a"));
        assert_eq!(p.get("B"), Some("3"));
        assert_eq!(p.len(), 2);
    }
}
