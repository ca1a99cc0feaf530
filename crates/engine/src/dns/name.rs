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
    #[error("{name} is not a valid domain name: {source}")]
    BadALabel { name: String, source: ALabelError },
    #[error(
        "the name {name} has letters outside ASCII; DNS and Route 53 take an internationalised name in its ASCII (Punycode) form: {ascii}"
    )]
    NotAscii { name: String, ascii: String },
}

/// Why an `xn--` label (an IDNA A-label) was refused (see [`check_a_label`]).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ALabelError {
    #[error(
        "the label \"{label}\" starts with xn--, so it is Punycode (IDNA), which holds only letters, digits and hyphens"
    )]
    NotPunycodeText { label: String },
    #[error(
        "the label \"{label}\" starts with xn--, but is not Punycode of an internationalised label"
    )]
    NotInternationalised { label: String },
}

/// Parses a name as Route 53 does: every name is absolute, the trailing dot is optional.
///
/// The text is presentation text (RFC 1035 section 5.1), as BIND reads it: any printable
/// ASCII character but the blank stands for itself (Route 53 takes `! " # $ % & ' ( ) * + ,
/// / : ; < = > ? @ [ \ ] ^ _ ` { | } ~` in names too), `\X` is the character X (`\.` a dot
/// inside a label) and `\DDD` the octet of decimal value DDD. Case is kept. Letters outside
/// ASCII are refused with their Punycode form, never handed to an IDNA mapping.
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
    if !trimmed.is_ascii() {
        let body = trimmed.strip_suffix('.').unwrap_or(trimmed);
        return Err(NameError::NotAscii {
            name: trimmed.to_string(),
            ascii: ascii_form(body),
        });
    }
    if let Some(c) = trimmed.chars().find(char::is_ascii_control) {
        return Err(NameError::Invalid {
            name: trimmed.escape_default().to_string(),
            reason: format!(
                "it holds the control character {}; write it as \\{:03}",
                c.escape_default(),
                c as u32
            ),
        });
    }
    let labels = split_labels(trimmed)?;
    let wire: usize = labels.iter().map(|l| l.len() + 1).sum::<usize>() + 1;
    if wire > 255 {
        return Err(NameError::NameTooLong { len: wire });
    }
    let mut name = Name::from_labels(labels).map_err(|e| NameError::Invalid {
        name: trimmed.to_string(),
        reason: e.to_string(),
    })?;
    name.set_fqdn(true);
    Ok(name)
}

/// The labels of a name in presentation text, escapes decoded; a final unescaped dot ends
/// the name (it is absolute either way).
fn split_labels(text: &str) -> Result<Vec<Vec<u8>>, NameError> {
    let bytes = text.as_bytes();
    let mut labels: Vec<Vec<u8>> = Vec::new();
    let mut label: Vec<u8> = Vec::new();
    // Where the current label starts in the text, for messages.
    let mut start = 0usize;
    let mut i = 0usize;
    let end_label = |label: &mut Vec<u8>, labels: &mut Vec<Vec<u8>>, raw: &str| {
        if label.is_empty() {
            return Err(NameError::EmptyLabel {
                name: text.to_string(),
            });
        }
        if label.len() > 63 {
            return Err(NameError::LabelTooLong {
                label: raw.to_string(),
                len: label.len(),
            });
        }
        if let Err(source) = check_a_label(label) {
            return Err(NameError::BadALabel {
                name: text.to_string(),
                source,
            });
        }
        labels.push(std::mem::take(label));
        Ok(())
    };
    while i < bytes.len() {
        match bytes[i] {
            b'.' => {
                end_label(&mut label, &mut labels, &text[start..i])?;
                i += 1;
                start = i;
            }
            b'\\' => {
                let (octet, used) = super::charstring::escape(&bytes[i..]).map_err(|reason| {
                    NameError::Invalid {
                        name: text.to_string(),
                        reason: reason.to_string(),
                    }
                })?;
                label.push(octet);
                i += used;
            }
            b => {
                label.push(b);
                i += 1;
            }
        }
    }
    if start < bytes.len() {
        end_label(&mut label, &mut labels, &text[start..])?;
    }
    Ok(labels)
}

/// An `xn--` label (an IDNA A-label) must be Punycode that decodes to letters: hickory-proto
/// shows such labels in Unicode, through an IDNA mapping that must never see a malformed one
/// (a fuzzed `xn--…` that decodes to U+200F trips an assertion inside `idna`).
pub(crate) fn check_a_label(label: &[u8]) -> Result<(), ALabelError> {
    if label.len() < 4 || !label[..4].eq_ignore_ascii_case(b"xn--") {
        return Ok(());
    }
    let shown = String::from_utf8_lossy(label);
    let body = &label[4..];
    if !body.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-') {
        return Err(ALabelError::NotPunycodeText {
            label: shown.into_owned(),
        });
    }
    let decoded = std::str::from_utf8(body)
        .ok()
        .and_then(idna::punycode::decode_to_string);
    let invisible = |c: char| {
        c.is_control()
            || matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}')
    };
    match decoded {
        Some(d) if !d.is_empty() && !d.chars().any(invisible) => Ok(()),
        _ => Err(ALabelError::NotInternationalised {
            label: shown.into_owned(),
        }),
    }
}

/// A name as BIND writes it (and as documents hold it): absolute with the final dot, the
/// root as `.`, the characters `" ( ) . ; \ @ $` inside a label escaped with a backslash,
/// and anything not printable ASCII (the blank included) as `\DDD`. Case is kept, and
/// [`parse_absolute`] reads it back to the same labels.
pub fn text(name: &Name) -> String {
    let mut out = String::with_capacity(name.len() + 1);
    write_text(name, &mut out).expect("writing to a String");
    out
}

fn write_text(name: &Name, out: &mut impl std::fmt::Write) -> std::fmt::Result {
    if name.is_root() {
        return out.write_char('.');
    }
    for label in name.iter() {
        for &b in label {
            match b {
                b'"' | b'(' | b')' | b'.' | b';' | b'\\' | b'@' | b'$' => {
                    out.write_char('\\')?;
                    out.write_char(char::from(b))?;
                }
                0x21..=0x7e => out.write_char(char::from(b))?,
                _ => write!(out, "\\{b:03}")?,
            }
        }
        out.write_char('.')?;
    }
    Ok(())
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
    if ends_with_unescaped_dot(trimmed) {
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

/// `name` written relative to `origin` as [`text`] writes it, without the final dot (empty
/// for the origin itself, the whole name when it is not below the origin or the origin is
/// the root); [`parse_relative`] reads it back. Cut by labels, so an escaped dot stays.
pub fn relative_text(name: &Name, origin: &Name) -> String {
    if name == origin {
        return String::new();
    }
    if origin.is_root() || !origin.zone_of(name) {
        return text(name);
    }
    // Counted by iterating: hickory's `num_labels` leaves out a leading `*`.
    let keep = name.iter().count() - origin.iter().count();
    let Ok(head) = Name::from_labels(name.iter().take(keep)) else {
        return text(name);
    };
    let mut out = text(&head);
    out.pop(); // the final dot
    out
}

/// Whether the name text ends with a dot that is not escaped (`a\\.` ends with an escaped one).
fn ends_with_unescaped_dot(text: &str) -> bool {
    let Some(body) = text.strip_suffix('.') else {
        return false;
    };
    let backslashes = body.bytes().rev().take_while(|&b| b == b'\\').count();
    backslashes % 2 == 0
}

fn check_length(name: &Name) -> Result<(), NameError> {
    // Wire length: one length octet per label plus the label octets, plus the root octet.
    let wire: usize = name.iter().map(|l| l.len() + 1).sum::<usize>() + 1;
    if wire > 255 {
        return Err(NameError::NameTooLong { len: wire });
    }
    Ok(())
}

/// A name without its final dot, as people write it in a sentence or a list
/// (`api.example.com`); the root stays `.`. Hickory's spelling (its `Display`); the one
/// place that drops the dot of a name shown to people (the core's messages and the web app).
pub fn plain(name: &Name) -> String {
    let text = name.to_string();
    match text.strip_suffix('.') {
        Some(bare) if !bare.is_empty() => bare.to_string(),
        _ => text,
    }
}

/// The name in lower case, as used for lookups (DNS names compare case-insensitively).
pub fn key(name: &Name) -> Name {
    name.to_lowercase()
}

/// Shorthand for tests and fixtures: parses an absolute name and panics on a bad one.
pub fn n(s: &str) -> Name {
    parse_absolute(s).unwrap_or_else(|e| panic!("bad fixture name {s}: {e}"))
}

/// Displays a name as dig writes it (see [`text`]), straight into the formatter; unlike
/// hickory's `Display`, which writes octal escapes and turns `xn--` labels into Unicode.
pub struct Show<'a>(pub &'a Name);

impl std::fmt::Display for Show<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write_text(self.0, f)
    }
}

/// Serde for a name in documents: its [`text`], read back with [`parse_absolute`] (so a
/// name reads back to the same labels, and a bad one is refused with the reason, never
/// handed to an IDNA mapping). `#[serde(with = "crate::dns::name::serde_text")]`.
pub mod serde_text {
    use hickory_proto::rr::Name;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(name: &Name, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&super::Show(name))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Name, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(d)?;
        super::parse_absolute(&text).map_err(serde::de::Error::custom)
    }
}

/// [`serde_text`] for a list of names.
pub mod serde_texts {
    use hickory_proto::rr::Name;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(names: &[Name], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(names.iter().map(super::text))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Name>, D::Error> {
        let texts = Vec::<std::borrow::Cow<'de, str>>::deserialize(d)?;
        texts
            .iter()
            .map(|t| super::parse_absolute(t).map_err(serde::de::Error::custom))
            .collect()
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
    fn relative_text_reads_back_with_parse_relative() {
        let origin = n("example.com.");
        for name in [
            "www.example.com.",
            "a\\.b.example.com.",
            "hi\\195\\169.example.com.",
            "*.cdn.example.com.",
            "example.com.",
            "other.org.",
        ] {
            let name = n(name);
            let shown = relative_text(&name, &origin);
            let back = if shown.is_empty() {
                origin.clone()
            } else {
                parse_relative(&shown, &origin).unwrap()
            };
            assert_eq!(back, name, "{shown}");
        }
        assert_eq!(relative_text(&n("a\\.b.example.com"), &origin), "a\\.b");
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
    fn a_labels_must_be_punycode_of_visible_letters() {
        assert!(parse_absolute("xn--bcher-kva.example.").is_ok());
        assert!(parse_absolute("XN--MNCHEN-3YA.de").is_ok());
        for bad in [
            "xn--digdJJJJTYPEJ99JJJ9N99J9digdJJJJNSEC3JJJJJ.example.",
            "xn--a_b.example.",
            "xn--ab\\.c.example.",
        ] {
            let e = parse_absolute(bad).unwrap_err().to_string();
            assert!(e.contains("starts with xn--"), "{bad}: {e}");
        }
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
