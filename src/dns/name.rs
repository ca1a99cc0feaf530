//! Domain names as users type them: absolute with or without the trailing dot (as Route 53
//! reads them), checked for the limits of RFC 1035 with messages that say what is wrong.

use hickory_proto::rr::Name;
use thiserror::Error;

/// Why a typed name was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NameError {
    #[error("the name is empty")]
    Empty,
    #[error("the name {name} has an empty label (two dots in a row, or a leading dot)")]
    EmptyLabel { name: String },
    #[error("the label \"{label}\" is {len} octets long; a label may have at most 63")]
    LabelTooLong { label: String, len: usize },
    #[error("the name is {len} octets long; a domain name may have at most 255")]
    NameTooLong { len: usize },
    #[error("the name {name} contains a space")]
    Space { name: String },
    #[error("{name} is not a valid domain name: {reason}")]
    Invalid { name: String, reason: String },
    #[error(
        "the name {name} has letters outside ASCII; DNS and Route 53 take an internationalised name in its ASCII (Punycode) form: {ascii}"
    )]
    NotAscii { name: String, ascii: String },
}

/// Parses a name as Route 53 does: every name is absolute, the trailing dot is optional.
pub fn parse_absolute(input: &str) -> Result<Name, NameError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(NameError::Empty);
    }
    if trimmed == "." || trimmed == "@" {
        return Ok(Name::root());
    }
    if trimmed.chars().any(char::is_whitespace) {
        return Err(NameError::Space {
            name: trimmed.to_string(),
        });
    }
    let body = trimmed.strip_suffix('.').unwrap_or(trimmed);
    if !body.is_ascii() {
        return Err(NameError::NotAscii {
            name: trimmed.to_string(),
            ascii: ascii_form(body),
        });
    }
    check_labels(body)?;
    let mut name = Name::from_ascii(body).map_err(|e| NameError::Invalid {
        name: trimmed.to_string(),
        reason: e.to_string(),
    })?;
    name.set_fqdn(true);
    check_length(&name)?;
    Ok(name)
}

/// The ASCII form of a name typed with non-ASCII letters: each such label lower-cased and
/// Punycode-encoded with the `xn--` prefix (RFC 3492, as IDNA writes it; the input is taken
/// as already normalised, which typed text nearly always is).
fn ascii_form(body: &str) -> String {
    body.split('.')
        .map(|label| {
            if label.is_ascii() {
                label.to_string()
            } else {
                idna::punycode::encode_str(&label.to_lowercase())
                    .map_or_else(|| label.to_string(), |p| format!("xn--{p}"))
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// Parses a name in zone-file style: a name without the trailing dot is relative to `origin`.
pub fn parse_relative(input: &str, origin: &Name) -> Result<Name, NameError> {
    let trimmed = input.trim();
    if trimmed == "@" {
        return Ok(origin.clone());
    }
    if trimmed.ends_with('.') {
        return parse_absolute(trimmed);
    }
    let relative = parse_absolute(trimmed)?;
    let mut relative = relative;
    relative.set_fqdn(false);
    let joined = relative
        .append_domain(origin)
        .map_err(|_| NameError::NameTooLong {
            len: trimmed.len() + 1 + origin.len(),
        })?;
    check_length(&joined)?;
    Ok(joined)
}

fn check_labels(body: &str) -> Result<(), NameError> {
    let mut label_start = 0usize;
    let bytes = body.as_bytes();
    let mut i = 0usize;
    let mut labels = Vec::new();
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'.' => {
                labels.push(&body[label_start..i]);
                label_start = i + 1;
                i += 1;
            }
            _ => i += 1,
        }
    }
    labels.push(&body[label_start.min(body.len())..]);
    let wire: usize = labels.iter().map(|l| unescaped_len(l) + 1).sum::<usize>() + 1;
    if wire > 255 {
        return Err(NameError::NameTooLong { len: wire });
    }
    for label in labels {
        if label.is_empty() {
            return Err(NameError::EmptyLabel {
                name: body.to_string(),
            });
        }
        let len = unescaped_len(label);
        if len > 63 {
            return Err(NameError::LabelTooLong {
                label: label.to_string(),
                len,
            });
        }
    }
    if wire > 255 {
        return Err(NameError::NameTooLong { len: wire });
    }
    Ok(())
}

fn unescaped_len(label: &str) -> usize {
    let bytes = label.as_bytes();
    let (mut i, mut n) = (0usize, 0usize);
    while i < bytes.len() {
        if bytes[i] == b'\\' {
            let is_ddd = bytes.len() >= i + 4 && bytes[i + 1..i + 4].iter().all(u8::is_ascii_digit);
            i += if is_ddd { 4 } else { 2 };
        } else {
            i += 1;
        }
        n += 1;
    }
    n
}

fn check_length(name: &Name) -> Result<(), NameError> {
    // Wire length: one length octet per label plus the label octets, plus the root octet.
    let wire: usize = name.iter().map(|l| l.len() + 1).sum::<usize>() + 1;
    if wire > 255 {
        return Err(NameError::NameTooLong { len: wire });
    }
    Ok(())
}

/// The name in lower case, as used for lookups (DNS names compare case-insensitively).
pub fn key(name: &Name) -> Name {
    name.to_lowercase()
}

/// Shorthand for tests and fixtures: parses an absolute name and panics on a bad one.
pub fn n(s: &str) -> Name {
    parse_absolute(s).unwrap_or_else(|e| panic!("bad fixture name {s}: {e}"))
}

/// Displays a name as dig writes it (lower-level than hickory's `Display`, which writes one
/// character at a time): plain labels are written whole, others fall back to hickory.
pub struct Show<'a>(pub &'a Name);

impl std::fmt::Display for Show<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plain = |l: &[u8]| {
            l.iter()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'*'))
        };
        if !self.0.iter().all(plain) {
            return write!(f, "{}", self.0);
        }
        if self.0.is_root() {
            return f.write_str(".");
        }
        for label in self.0.iter() {
            f.write_str(std::str::from_utf8(label).unwrap_or("?"))?;
            f.write_str(".")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn show_writes_names_as_display_does() {
        for name in [
            ".",
            "example.com.",
            "*.api.example.com.",
            "_abc123.Example.COM.",
            "a\\.b.example.com.",
        ] {
            let name = Name::from_ascii(name).unwrap();
            assert_eq!(Show(&name).to_string(), name.to_string());
        }
    }

    #[test]
    fn trailing_dot_is_optional() {
        assert_eq!(
            parse_absolute("api.example.com").unwrap(),
            parse_absolute("api.example.com.").unwrap()
        );
        assert!(parse_absolute("api.example.com").unwrap().is_fqdn());
    }

    #[test]
    fn relative_names_join_the_origin() {
        let origin = n("example.com.");
        assert_eq!(
            parse_relative("ns-123.awsdns-45.com", &origin)
                .unwrap()
                .to_string(),
            "ns-123.awsdns-45.com.example.com."
        );
        assert_eq!(
            parse_relative("ns-123.awsdns-45.com.", &origin)
                .unwrap()
                .to_string(),
            "ns-123.awsdns-45.com."
        );
        assert_eq!(parse_relative("@", &origin).unwrap(), origin);
    }

    #[test]
    fn a_name_outside_ascii_is_refused_with_its_punycode_form() {
        assert_eq!(
            parse_absolute("www.Bücher.example."),
            Err(NameError::NotAscii {
                name: "www.Bücher.example.".into(),
                ascii: "www.xn--bcher-kva.example".into(),
            })
        );
        assert_eq!(
            parse_absolute("münchen.de").unwrap_err().to_string(),
            "the name münchen.de has letters outside ASCII; DNS and Route 53 take an internationalised \
             name in its ASCII (Punycode) form: xn--mnchen-3ya.de"
        );
        // The form it suggests is accepted.
        assert!(parse_absolute("xn--mnchen-3ya.de").is_ok());
    }

    #[test]
    fn bad_names_say_why() {
        assert_eq!(parse_absolute(""), Err(NameError::Empty));
        assert!(matches!(
            parse_absolute("a..b"),
            Err(NameError::EmptyLabel { .. })
        ));
        assert!(matches!(
            parse_absolute(&"x".repeat(64)),
            Err(NameError::LabelTooLong { len: 64, .. })
        ));
        let long = vec!["a".repeat(60); 5].join(".");
        assert!(matches!(
            parse_absolute(&long),
            Err(NameError::NameTooLong { .. })
        ));
        assert!(matches!(
            parse_absolute("a b.com"),
            Err(NameError::Space { .. })
        ));
    }
}
