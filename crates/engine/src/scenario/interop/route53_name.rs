//! Names as Route 53's API writes them: every character other than `a-z`, `0-9`, `-` and
//! `_` in a record name comes back from `ListResourceRecordSets` as a backslash and three
//! octal digits (`\052` for `*`, `\100` for `@`: octal, not the decimal `\DDD` of zone
//! files), the wildcard included; letters are stored in lower case; the trailing dot is
//! optional on input and always present on output.

use hickory_proto::rr::Name;
use thiserror::Error;

use crate::dns::name::NameError;

/// Why a name as Route 53 writes it was refused: one sentence for the user each.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Route53NameError {
    #[error("the name is empty")]
    Empty,
    /// Letters outside ASCII (the name check says how to write them in Punycode).
    #[error(transparent)]
    NotAscii(NameError),
    #[error("\"{text}\" has letters outside ASCII")]
    NotAsciiText { text: String },
    #[error("\"{}\" holds {found:?}, which Route 53 takes in a name only as an escape: \\{:03o}", .text.escape_default(), *.found as u32)]
    Unescaped { text: String, found: char },
    #[error(
        "\"{0}\" has a backslash not followed by three octal digits; Route 53 writes special characters as \\ and an octal code, such as \\052 for *"
    )]
    BadEscape(String),
    #[error("\"{text}\": \\{code} is not an octet")]
    NotAnOctet { text: String, code: String },
    #[error("the name {text} has a label of {octets} octets; a label may have at most 63")]
    LongLabel { text: String, octets: usize },
    #[error("the name {0} has an empty label (two dots in a row, or a leading dot)")]
    EmptyLabel(String),
    #[error("{text} is not a valid domain name: {source}")]
    BadALabel {
        text: String,
        source: crate::dns::name::ALabelError,
    },
    #[error("\"{text}\": {reason}")]
    Invalid { text: String, reason: String },
}

/// Reads a name as Route 53 prints it (`\052.example.com.` is `*.example.com.`).
pub fn decode_route53_name(text: &str) -> Result<Name, Route53NameError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Route53NameError::Empty);
    }
    if text == "." {
        return Ok(Name::root());
    }
    if !text.is_ascii() {
        // Never handed to an IDNA mapping: the crate's name check gives the Punycode form.
        return Err(crate::dns::name::parse_absolute(text).err().map_or_else(
            || Route53NameError::NotAsciiText {
                text: text.to_string(),
            },
            Route53NameError::NotAscii,
        ));
    }
    if let Some(c) = text.chars().find(|c| c.is_ascii_control() || *c == ' ') {
        return Err(Route53NameError::Unescaped {
            text: text.to_string(),
            found: c,
        });
    }
    let body = text.strip_suffix('.').unwrap_or(text);
    let mut labels: Vec<Vec<u8>> = vec![Vec::new()];
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => {
                let digits = bytes
                    .get(i + 1..i + 4)
                    .filter(|d| d.iter().all(|b| (b'0'..=b'7').contains(b)));
                let Some(digits) = digits else {
                    return Err(Route53NameError::BadEscape(text.to_string()));
                };
                let code = digits
                    .iter()
                    .fold(0u32, |acc, d| acc * 8 + u32::from(d - b'0'));
                let byte = u8::try_from(code).map_err(|_| Route53NameError::NotAnOctet {
                    text: text.to_string(),
                    code: body_slice(digits),
                })?;
                labels.last_mut().expect("a label").push(byte);
                i += 4;
            }
            b'.' => {
                labels.push(Vec::new());
                i += 1;
            }
            b => {
                labels
                    .last_mut()
                    .expect("a label")
                    .push(b.to_ascii_lowercase());
                i += 1;
            }
        }
    }
    if let Some(label) = labels.iter().find(|l| l.len() > 63) {
        return Err(Route53NameError::LongLabel {
            text: text.to_string(),
            octets: label.len(),
        });
    }
    if labels.iter().any(Vec::is_empty) {
        return Err(Route53NameError::EmptyLabel(text.to_string()));
    }
    // The same rule as every other name: an xn-- label is Punycode of visible letters.
    if let Some(source) = labels
        .iter()
        .find_map(|l| crate::dns::name::check_a_label(l).err())
    {
        return Err(Route53NameError::BadALabel {
            text: text.to_string(),
            source,
        });
    }
    let mut name = Name::from_labels(labels).map_err(|e| Route53NameError::Invalid {
        text: text.to_string(),
        reason: e.to_string(),
    })?;
    name.set_fqdn(true);
    Ok(name.to_lowercase())
}

fn body_slice(digits: &[u8]) -> String {
    String::from_utf8_lossy(digits).into_owned()
}

/// Writes a name as Route 53 prints it: the trailing dot, lower case, `\ooo` for every
/// octet other than `a-z`, `0-9`, `-` and `_`.
pub fn encode_route53_name(name: &Name) -> String {
    if name.is_root() {
        return ".".into();
    }
    let mut out = String::with_capacity(name.len() + 1);
    for label in name.iter() {
        for &b in label {
            let b = b.to_ascii_lowercase();
            if b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_' {
                out.push(char::from(b));
            } else {
                out.push_str(&format!("\\{b:03o}"));
            }
        }
        out.push('.');
    }
    out
}

/// A name as a request to Route 53 (or Terraform's provider) gives it: as
/// [`encode_route53_name`] writes it (octal escapes, never Unicode), a leading wildcard
/// label written `*` as people write it.
pub fn route53_request_name(name: &Name) -> String {
    let encoded = encode_route53_name(name);
    match encoded.strip_prefix("\\052.") {
        Some(rest) => format!("*.{rest}"),
        None => encoded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::n;

    #[test]
    fn octal_escapes_decode() {
        assert_eq!(
            decode_route53_name("\\052.example.com.").unwrap(),
            n("*.example.com.")
        );
        let at = decode_route53_name("\\100home.Example.com").unwrap();
        assert_eq!(at.iter().next().unwrap(), b"@home");
        assert_eq!(at.to_string(), "\\@home.example.com.");
        assert_eq!(
            decode_route53_name("a\\05").unwrap_err(),
            Route53NameError::BadEscape("a\\05".into())
        );
        assert_eq!(
            decode_route53_name("a\\05").unwrap_err().to_string(),
            "\"a\\05\" has a backslash not followed by three octal digits; Route 53 writes special characters as \\ and an octal code, such as \\052 for *"
        );
        assert_eq!(
            decode_route53_name("a..b").unwrap_err(),
            Route53NameError::EmptyLabel("a..b".into())
        );
        assert_eq!(
            decode_route53_name("a b.example.com")
                .unwrap_err()
                .to_string(),
            "\"a b.example.com\" holds ' ', which Route 53 takes in a name only as an escape: \\040"
        );
        assert_eq!(
            decode_route53_name("\\777.example.com")
                .unwrap_err()
                .to_string(),
            "\"\\777.example.com\": \\777 is not an octet"
        );
        assert_eq!(
            decode_route53_name("a..b").unwrap_err().to_string(),
            "the name a..b has an empty label (two dots in a row, or a leading dot)"
        );
    }

    #[test]
    fn names_encode_as_route53_prints_them() {
        assert_eq!(
            encode_route53_name(&n("*.Example.com")),
            "\\052.example.com."
        );
        assert_eq!(
            encode_route53_name(&n("_abc.api.example.com")),
            "_abc.api.example.com."
        );
        let at = decode_route53_name("\\100home.example.com.").unwrap();
        assert_eq!(encode_route53_name(&at), "\\100home.example.com.");
        assert_eq!(decode_route53_name(&encode_route53_name(&at)).unwrap(), at);
    }
}
