//! `ACS3-HMAC-SHA256`: canonical request over method, path `/`, sorted query, signed headers
//! and the hex SHA-256 of the body; HMAC-SHA256 of its hash with the AccessKey secret.

use hmac::{Hmac, Mac};
use reqwest::header::{HeaderName, AUTHORIZATION};
use sha2::{Digest, Sha256};

use super::encode::{form_body, join_pairs};
use super::{common_headers, names, sorted, SignedRequest, SigningInput};

/// The algorithm name that starts the string to sign and the `Authorization` header.
pub const ALGORITHM: &str = "ACS3-HMAC-SHA256";

/// Hex SHA-256 of the empty payload (most RPC calls send no body).
const EMPTY_PAYLOAD_HASH: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// Builds the headers and body for `input` and signs them.
pub fn sign(input: &SigningInput<'_>) -> SignedRequest {
    let body = (!input.form.is_empty()).then(|| form_body(input.form).into_bytes());
    let payload_hash = match &body {
        Some(body) => {
            let mut hash = String::with_capacity(64);
            push_hex(&mut hash, &Sha256::digest(body));
            hash
        }
        None => EMPTY_PAYLOAD_HASH.to_owned(),
    };
    // At most 10 headers of our own (STS, body, hash and authorization included): no regrowth.
    let mut headers = common_headers(input, body.is_some(), 10);
    headers.extend([
        (names::DATE, input.timestamp.to_owned()),
        (names::NONCE, input.nonce.to_owned()),
    ]);
    if let Some(token) = input.credentials.security_token().filter(|t| !t.is_empty()) {
        headers.push((
            names::ACCESS_KEY_ID,
            input.credentials.access_key_id().to_owned(),
        ));
        headers.push((names::SECURITY_TOKEN, token.to_owned()));
    }
    // The canonical query is the query string as sent: encoded once, for both.
    let encoded_query = join_pairs(&sorted(input.query));
    let hash_at = headers.len();
    headers.push((names::CONTENT_SHA256, payload_hash));
    let auth = authorization(
        input.method,
        &encoded_query,
        &headers,
        &headers[hash_at].1,
        input.credentials.access_key_id(),
        input.credentials.access_key_secret(),
    );
    headers.push((AUTHORIZATION, auth));
    SignedRequest::new(encoded_query, headers, body)
}

/// The `Authorization` header value for a request whose every header in `headers` is signed;
/// `canonical_query` is sorted and encoded.
fn authorization(
    method: &str,
    canonical_query: &str,
    headers: &[(HeaderName, String)],
    payload_hash: &str,
    access_key_id: &str,
    secret: &str,
) -> String {
    let (canonical_headers, signed_headers) = canonical_headers(headers);
    let mut canonical_request = String::with_capacity(
        method.len() + canonical_query.len() + canonical_headers.len() + signed_headers.len() + 80,
    );
    for part in [
        method,
        "\n/\n",
        canonical_query,
        "\n",
        &canonical_headers,
        "\n",
        &signed_headers,
        "\n",
        payload_hash,
    ] {
        canonical_request.push_str(part);
    }
    let mut request_hash = String::with_capacity(64);
    push_hex(
        &mut request_hash,
        &Sha256::digest(canonical_request.as_bytes()),
    );
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
    // The string to sign, `ALGORITHM\n<hex request hash>`, fed in pieces.
    for part in [ALGORITHM, "\n", &request_hash] {
        mac.update(part.as_bytes());
    }
    let mut auth =
        String::with_capacity(ALGORITHM.len() + access_key_id.len() + signed_headers.len() + 100);
    for part in [
        ALGORITHM,
        " Credential=",
        access_key_id,
        ",SignedHeaders=",
        &signed_headers,
        ",Signature=",
    ] {
        auth.push_str(part);
    }
    push_hex(&mut auth, &mac.finalize().into_bytes());
    auth
}

/// `name:value\n` lines sorted by name (values of a repeated name sorted and joined by `,`),
/// and the `;`-joined signed header names. A sorted `Vec` instead of a map: this runs on every
/// request and holds a handful of headers. `HeaderName`s are lower case already.
fn canonical_headers(headers: &[(HeaderName, String)]) -> (String, String) {
    let mut lines: Vec<(&str, &str)> = headers
        .iter()
        .map(|(name, value)| (name.as_str(), value.trim()))
        .collect();
    lines.sort_unstable();
    let mut canonical =
        String::with_capacity(lines.iter().map(|(n, v)| n.len() + v.len() + 2).sum());
    let mut signed = String::with_capacity(lines.iter().map(|(n, _)| n.len() + 1).sum());
    let mut previous: Option<&str> = None;
    for (name, value) in lines {
        if previous == Some(name) {
            canonical.pop();
            canonical.push(',');
        } else {
            if previous.is_some() {
                signed.push(';');
            }
            signed.push_str(name);
            canonical.push_str(name);
            canonical.push(':');
        }
        canonical.push_str(value);
        canonical.push('\n');
        previous = Some(name);
    }
    (canonical, signed)
}

/// Appends `bytes` as lower-case hex (`hex::encode` goes through a `char` iterator and a new
/// `String`, several times slower).
fn push_hex(out: &mut String, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
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

    /// Alibaba's published worked example (RunInstances, signature method V3).
    #[test]
    fn published_run_instances_example() {
        let creds = Credentials::new("YourAccessKeyId", "YourAccessKeySecret");
        let query = pairs(&[
            (
                "ImageId",
                "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd",
            ),
            ("RegionId", "cn-shanghai"),
        ]);
        let signed = sign(&SigningInput {
            method: "POST",
            host: "ecs.cn-shanghai.aliyuncs.com",
            action: "RunInstances",
            version: "2014-05-26",
            query: &query,
            form: &[],
            extra_headers: &[],
            credentials: &creds,
            timestamp: "2023-10-26T10:22:32Z",
            nonce: "3156853299f313e23d1673dc12e1703d",
        });
        assert_eq!(
            signed.header("authorization"),
            Some(
                "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,\
                 SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;\
                 x-acs-signature-nonce;x-acs-version,\
                 Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"
            )
        );
        assert_eq!(
            signed.header("x-acs-content-sha256"),
            Some("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        );
        assert_eq!(signed.body, None);
    }

    #[test]
    fn hex_and_empty_payload_hash() {
        let mut out = String::from("x");
        push_hex(&mut out, &[0x00, 0x9f, 0xa0, 0xff]);
        assert_eq!(out, "x009fa0ff");
        assert_eq!(EMPTY_PAYLOAD_HASH, hex::encode(Sha256::digest(b"")));
    }

    #[test]
    fn sts_and_body_add_signed_headers() {
        let creds = Credentials::new("id", "secret").with_security_token("tok");
        let form = pairs(&[("Name", "a b")]);
        let signed = sign(&SigningInput {
            method: "POST",
            host: "h",
            action: "A",
            version: "V",
            query: &[],
            form: &form,
            extra_headers: &[],
            credentials: &creds,
            timestamp: "t",
            nonce: "n",
        });
        assert_eq!(signed.body.as_deref(), Some(&b"Name=a+b"[..]));
        assert_eq!(signed.header("x-acs-security-token"), Some("tok"));
        let auth = signed.header("authorization").unwrap_or_default();
        assert!(auth.contains("SignedHeaders=content-type;host;x-acs-accesskey-id;x-acs-action;"));
    }
}
