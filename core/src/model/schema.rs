//! Hand-written schemas where the derive would not describe the JSON exactly.
use super::{Decimal, Value};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use std::borrow::Cow;

impl JsonSchema for Decimal {
    fn schema_name() -> Cow<'static, str> {
        "Decimal".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "number",
            "description": "A number written exactly as the source gives it (50.0 stays 50.0)."
        })
    }
}

impl JsonSchema for Value {
    fn schema_name() -> Cow<'static, str> {
        "Value".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let number = generator.subschema_for::<Decimal>();
        let kind = |name: &str, required: &[&str], properties: serde_json::Value| {
            let mut props = serde_json::Map::new();
            props.insert("kind".into(), serde_json::json!({ "const": name }));
            if let serde_json::Value::Object(extra) = properties {
                props.extend(extra);
            }
            let mut req = vec!["kind"];
            req.extend_from_slice(required);
            serde_json::json!({
                "type": "object",
                "properties": props,
                "required": req,
                "additionalProperties": false
            })
        };
        let count = serde_json::json!({ "type": "integer", "minimum": 0 });
        json_schema!({
            "description": "A finding's value in its own kind. Percentages are never mixed with ratios or score changes; a missing figure is {\"kind\": \"not_reported\"}, never 0.",
            "oneOf": [
                kind("percent", &["percent"], serde_json::json!({
                    "percent": number, "k": count, "n": count
                })),
                kind("percent_range", &["low", "high"], serde_json::json!({
                    "low": number, "high": number
                })),
                kind("effect", &["measure", "estimate"], serde_json::json!({
                    "measure": { "type": "string", "description": "OR, RR, HR, SMD, ..." },
                    "estimate": number, "ci_low": number, "ci_high": number
                })),
                kind("mean_change", &["change", "unit"], serde_json::json!({
                    "change": number, "unit": { "type": "string" }
                })),
                kind("text", &["text"], serde_json::json!({ "text": { "type": "string" } })),
                kind("not_reported", &[], serde_json::json!({}))
            ]
        })
    }
}
