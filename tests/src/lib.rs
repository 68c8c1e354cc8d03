//! Support for the end-to-end tests: the response a document gives for an operation, read from
//! the checked-in IR (`specs/ir`, kept current by `specgen regen --check`), so the mock server
//! answers with the documents' own examples.

use std::path::PathBuf;
use std::sync::OnceLock;

use serde_json::{Map, Value};
use specgen::ir::{ExampleKind, Field, Operation, ProductIr};

/// Where a documented response came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A JSON response example of the document, at `file:line`.
    Example(String),
    /// Built from the response field table (names, types, examples): the document has no
    /// usable JSON example.
    Fields,
}

/// A response body the document supports, and where it came from.
#[derive(Debug, Clone)]
pub struct DocumentedResponse {
    /// The JSON object to answer with.
    pub json: Value,
    /// Its origin, for failure messages.
    pub origin: Origin,
}

/// The repository root (this crate lives in `tests/`).
pub fn repo_root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn products() -> Result<&'static [ProductIr], String> {
    static BUILT: OnceLock<Result<Vec<ProductIr>, String>> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let dir = repo_root().join("specs/ir");
            specgen::ir::io::load_dir(&dir)
                .map_err(|e| format!("cannot read the IR in {}: {e}", dir.display()))
        })
        .as_deref()
        .map_err(Clone::clone)
}

/// The IR of `product`'s operation `name`.
pub fn operation(product: &str, name: &str) -> Result<&'static Operation, String> {
    products()?
        .iter()
        .filter(|p| p.product.product == product)
        .flat_map(|p| &p.operations)
        .find(|o| o.name == name)
        .ok_or_else(|| format!("the IR has no operation {product}/{name}"))
}

/// The document's own response for `product`'s `name`: its first JSON example whose keys are
/// documented response fields (a PDF-garbled `" RequestId "` key is not), else one built
/// from the response field table.
pub fn documented_response(product: &str, name: &str) -> Result<DocumentedResponse, String> {
    let op = operation(product, name)?;
    let example = op
        .examples
        .iter()
        .filter(|e| e.kind == ExampleKind::Response)
        .find_map(|e| {
            let json = example_json(&e.format, &e.text)?;
            uses_documented_keys(&json, &op.response).then(|| DocumentedResponse {
                json,
                origin: Origin::Example(e.source.to_string()),
            })
        });
    Ok(example.unwrap_or_else(|| DocumentedResponse {
        json: Value::Object(object_from_fields(&op.response)),
        origin: Origin::Fields,
    }))
}

/// The JSON object of a `json` example (the IR keeps an HTTP status line and headers apart).
fn example_json(format: &str, text: &str) -> Option<Value> {
    (format == "json")
        .then(|| serde_json::from_str::<Value>(text).ok())
        .flatten()
        .filter(Value::is_object)
}

fn uses_documented_keys(json: &Value, fields: &[Field]) -> bool {
    json.as_object()
        .is_some_and(|o| !o.is_empty() && o.keys().all(|k| fields.iter().any(|f| &f.name == k)))
}

fn object_from_fields(fields: &[Field]) -> Map<String, Value> {
    fields
        .iter()
        .filter(|f| !f.name.is_empty())
        .map(|f| (f.name.clone(), value_for(f)))
        .collect()
}

/// A value of the field's documented type: its example when it has one of that type, else a
/// made-up value naming the field (so a mismatch points at it).
fn value_for(field: &Field) -> Value {
    let doc_type = field.doc_type.to_ascii_lowercase();
    let example = field.example.as_deref().map(str::trim);
    if field.list {
        // The IR says where the lists are; an anonymous only child is the item type.
        let item = match field.children.as_slice() {
            [only] if only.name.is_empty() => value_for(only),
            [] => {
                let scalar = Field {
                    list: false,
                    ..field.clone()
                };
                value_for(&scalar)
            }
            children => Value::Object(object_from_fields(children)),
        };
        return Value::Array(vec![item]);
    }
    if !field.children.is_empty() {
        return Value::Object(object_from_fields(&field.children));
    }
    match doc_type.as_str() {
        "integer" | "long" | "int" => {
            Value::from(example.and_then(|e| e.parse::<i64>().ok()).unwrap_or(7))
        }
        "boolean" => Value::from(
            example
                .and_then(|e| e.to_ascii_lowercase().parse::<bool>().ok())
                .unwrap_or(true),
        ),
        _ => Value::from(
            example
                .map(str::to_owned)
                .unwrap_or_else(|| format!("{}-from-the-field-table", field.name)),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_json_objects_are_examples() {
        let object = example_json("json", "{\"RequestId\": \"r\"}");
        assert_eq!(object, Some(serde_json::json!({"RequestId": "r"})));
        assert_eq!(example_json("json", "[1]"), None);
        assert_eq!(example_json("json", "{\"cut\": "), None);
        assert_eq!(example_json("xml", "{}"), None);
    }

    #[test]
    fn unusable_samples_fall_back_to_the_field_table() {
        // The pages' sample wraps the body in `DescribeVirtualBorderRoutersResponse`, a key the
        // field table does not have.
        let vbrs = documented_response("Vpc", "DescribeVirtualBorderRouters").unwrap();
        assert_eq!(vbrs.origin, Origin::Fields);
        assert!(vbrs
            .json
            .get("DescribeVirtualBorderRoutersResponse")
            .is_none());
        assert_eq!(
            vbrs.json["RequestId"].as_str().map(str::is_empty),
            Some(false)
        );
        // The PDF's garbled sample merged with a clean Markdown page: the page's JSON is used.
        let create = documented_response("Vpc", "CreatePhysicalConnection").unwrap();
        assert!(matches!(create.origin, Origin::Example(_)), "{create:?}");
        assert_eq!(create.json["PhysicalConnectionId"], "pc-**************");
        let ecc = documented_response("Vpc", "CreateExpressCloudConnection").unwrap();
        assert!(matches!(ecc.origin, Origin::Example(_)), "{ecc:?}");
        assert_eq!(ecc.json["EccId"], "ecc-bp1t9osmuln1vxfpt6gy8");
        // A sample shown as a whole HTTP response: the IR keeps its JSON body.
        let vpconn = documented_response("Vpc", "CreateVirtualPhysicalConnection").unwrap();
        assert!(matches!(vpconn.origin, Origin::Example(_)), "{vpconn:?}");
    }

    #[test]
    fn typed_values_come_from_field_examples() {
        // Its only JSON sample is removed by specs/overrides.yaml (masked digits in a Long).
        let op = "DescribeVirtualBorderRoutersForPhysicalConnection";
        let describe = documented_response("Vpc", op).unwrap();
        assert_eq!(describe.origin, Origin::Fields);
        assert_eq!(describe.json["TotalCount"], 2);
        let set = &describe.json["VirtualBorderRouterForPhysicalConnectionSet"];
        let item = &set["VirtualBorderRouterForPhysicalConnectionType"][0];
        assert_eq!(item["VlanId"], 1678);
        assert_eq!(item["VbrOwnerUid"], 1231579085529_i64);
        assert_eq!(item["Status"], "Available");
    }
}
