//! Alibaba's percent-encoding: UTF-8, unreserved `A-Za-z0-9-_.~` kept, everything else `%XX`
//! (so space is `%20` and `*` is `%2A`). Form bodies use `+` for spaces like Python's
//! `urlencode`, which the official SDK uses.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// RFC 3986 percent-encoding as the official signers apply it.
pub fn percent_encode(s: &str) -> String {
    utf8_percent_encode(s, UNRESERVED).to_string()
}

/// `k=v&k=v` with both sides percent-encoded, in the given order.
pub(crate) fn join_pairs(pairs: &[&(String, String)]) -> String {
    let mut out = String::with_capacity(pairs.iter().map(|(k, v)| k.len() + v.len() + 2).sum());
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.extend(utf8_percent_encode(k, UNRESERVED));
        out.push('=');
        out.extend(utf8_percent_encode(v, UNRESERVED));
    }
    out
}

/// The form body the official SDK sends: keys sorted, `application/x-www-form-urlencoded`
/// with `+` for spaces and `%2A` for `*`.
pub fn form_body(pairs: &[(String, String)]) -> String {
    // A literal '%' is encoded as %25, so "%20" can only come from a space.
    join_pairs(&super::sorted(pairs)).replace("%20", "+")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_like_the_official_sdk() {
        assert_eq!(percent_encode("a b*c~d/e"), "a%20b%2Ac~d%2Fe");
        assert_eq!(percent_encode("专线"), "%E4%B8%93%E7%BA%BF");
        assert_eq!(
            percent_encode("2023-03-13T08:34:30Z"),
            "2023-03-13T08%3A34%3A30Z"
        );
        let pairs = vec![
            ("b".to_string(), "x y".to_string()),
            ("a".to_string(), "50%*".to_string()),
        ];
        assert_eq!(form_body(&pairs), "a=50%25%2A&b=x+y");
    }
}
