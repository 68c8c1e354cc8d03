//! RPC `HMAC-SHA1`: every parameter (query and form body) percent-encoded, sorted, joined;
//! `METHOD&%2F&` + encode(that); base64 HMAC-SHA1 keyed with `secret&`.

use base64::Engine;
use hmac::{Hmac, Mac};
use sha1::Sha1;

use super::encode::{form_body, join_pairs, percent_encode};
use super::{common_headers, sorted, SignedRequest, SigningInput};

/// The parameters [`sign`] adds to every request, as opposed to business parameters.
pub const COMMON_PARAMS: &[&str] = &[
    "Action",
    "Format",
    "Version",
    "Timestamp",
    "SignatureNonce",
    "SignatureMethod",
    "SignatureVersion",
    "AccessKeyId",
    "SecurityToken",
    "Signature",
];

/// Adds the common parameters to the query and signs query plus form parameters.
pub fn sign(input: &SigningInput<'_>) -> SignedRequest {
    let mut query = input.query.to_vec();
    let mut common = vec![
        ("Action", input.action),
        ("Format", "json"),
        ("Version", input.version),
        ("Timestamp", input.timestamp),
        ("SignatureNonce", input.nonce),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureVersion", "1.0"),
        ("AccessKeyId", input.credentials.access_key_id()),
    ];
    if let Some(token) = input.credentials.security_token().filter(|t| !t.is_empty()) {
        common.push(("SecurityToken", token));
    }
    for (name, value) in common {
        // Common parameters win over a business parameter of the same name, as in the SDK.
        query.retain(|(n, _)| n != name);
        query.push((name.into(), value.into()));
    }
    let mut signed_params = query.clone();
    signed_params.extend(input.form.iter().cloned());
    let sig = signature(
        input.method,
        &signed_params,
        input.credentials.access_key_secret(),
    );
    query.push(("Signature".into(), sig));

    let body = (!input.form.is_empty()).then(|| form_body(input.form).into_bytes());
    let headers = common_headers(input, body.is_some(), 0);
    let encoded_query = join_pairs(&sorted(&query));
    SignedRequest::new(encoded_query, headers, body)
}

/// The `Signature` value over all parameters.
pub fn signature(method: &str, params: &[(String, String)], secret: &str) -> String {
    let string_to_sign = format!(
        "{method}&%2F&{}",
        percent_encode(&join_pairs(&sorted(params)))
    );
    let key = format!("{secret}&");
    let mut mac = <Hmac<Sha1> as Mac>::new_from_slice(key.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
    mac.update(string_to_sign.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::Credentials;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    /// Alibaba's published worked example (DescribeDedicatedHosts, RPC signature).
    #[test]
    fn published_describe_dedicated_hosts_example() {
        let params = pairs(&[
            ("AccessKeyId", "testid"),
            ("Action", "DescribeDedicatedHosts"),
            ("Format", "JSON"),
            ("RegionId", "cn-beijing"),
            ("SignatureMethod", "HMAC-SHA1"),
            ("SignatureNonce", "edb2b34af0af9a6d14deaf7c1a5315eb"),
            ("SignatureVersion", "1.0"),
            ("Timestamp", "2023-03-13T08:34:30Z"),
            ("Version", "2014-05-26"),
        ]);
        assert_eq!(
            signature("GET", &params, "testsecret"),
            "9NaGiOspFP5UPcwX8Iwt2YJXXuk="
        );
    }

    #[test]
    fn sign_adds_common_parameters_and_signs_form_too() {
        let creds = Credentials::new("id", "secret").with_security_token("tok");
        let query = pairs(&[("RegionId", "cn-hangzhou"), ("Format", "xml")]);
        let form = pairs(&[("Name", "x")]);
        let signed = sign(&SigningInput {
            method: "POST",
            host: "h",
            action: "A",
            version: "V",
            query: &query,
            form: &form,
            extra_headers: &[],
            credentials: &creds,
            timestamp: "2023-03-13T08:34:30Z",
            nonce: "n",
        });
        let sent = reqwest::Url::parse(&format!("http://h/?{}", signed.query_string()))
            .map(|url| url.query_pairs().into_owned().collect::<Vec<_>>())
            .unwrap_or_default();
        let get = |k: &str| sent.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
        assert_eq!(get("Format"), Some("json"));
        assert_eq!(get("SecurityToken"), Some("tok"));
        let mut added: Vec<&str> = sent
            .iter()
            .map(|(n, _)| n.as_str())
            .filter(|n| !query.iter().any(|(q, _)| q == n) || *n == "Format")
            .collect();
        added.sort_unstable();
        let mut common = COMMON_PARAMS.to_vec();
        common.sort_unstable();
        assert_eq!(added, common, "COMMON_PARAMS lists what sign() adds");
        let mut all = sent.clone();
        all.retain(|(n, _)| n != "Signature");
        all.extend(form);
        assert_eq!(
            get("Signature").map(str::to_owned),
            Some(signature("POST", &all, "secret"))
        );
    }
}
