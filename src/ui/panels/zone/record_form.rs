//! The record-set form as data: what the user typed (kept verbatim, so nothing typed is ever
//! lost), and its validation into a `RecordSet` with one specific message per field.
//!
//! The record name is typed as in the Route 53 console: the part before the zone's name
//! (`www` in `example.com.`; empty for the apex). A full name ending in the zone's name, with
//! or without the trailing dot, is accepted as well.

use hickory_proto::rr::{Name, RecordType};
use thiserror::Error;

use crate::dns::RecordSet;
use crate::dns::name::{self, NameError};
use crate::dns::rrset::{parse_type, parse_values};

/// The largest TTL Route 53 accepts.
pub const MAX_TTL: u32 = 2_147_483_647;
/// The TTL a new record set starts with (the console's default).
pub const DEFAULT_TTL: u32 = 300;

/// The record types offered in the form's type list, in the console's order.
pub const FORM_TYPES: [RecordType; 8] = [
    RecordType::A,
    RecordType::AAAA,
    RecordType::CNAME,
    RecordType::MX,
    RecordType::TXT,
    RecordType::NS,
    RecordType::CAA,
    RecordType::DS,
];

/// What is in the form's fields, exactly as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordDraft {
    /// The name relative to the zone (`www`), or a full name inside it.
    pub name: String,
    pub rtype: String,
    pub ttl: String,
    /// One value per line.
    pub values: String,
}

impl Default for RecordDraft {
    fn default() -> Self {
        Self {
            name: String::new(),
            rtype: "A".into(),
            ttl: DEFAULT_TTL.to_string(),
            values: String::new(),
        }
    }
}

/// A form field, to put an error message beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Type,
    Ttl,
    Values,
}

/// One message per field that is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FieldErrors {
    pub name: Option<String>,
    pub rtype: Option<String>,
    pub ttl: Option<String>,
    pub values: Option<String>,
}

impl FieldErrors {
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.rtype.is_none() && self.ttl.is_none() && self.values.is_none()
    }

    pub fn get(&self, field: Field) -> Option<&str> {
        match field {
            Field::Name => self.name.as_deref(),
            Field::Type => self.rtype.as_deref(),
            Field::Ttl => self.ttl.as_deref(),
            Field::Values => self.values.as_deref(),
        }
    }

    pub fn set(&mut self, field: Field, message: impl Into<String>) {
        let slot = match field {
            Field::Name => &mut self.name,
            Field::Type => &mut self.rtype,
            Field::Ttl => &mut self.ttl,
            Field::Values => &mut self.values,
        };
        *slot = Some(message.into());
    }
}

impl RecordDraft {
    /// The form filled from an existing record set, as the console shows it for editing.
    pub fn from_set(set: &RecordSet, origin: &Name) -> Self {
        Self {
            name: field_text(&set.name, origin),
            rtype: crate::dns::rtype::type_mnemonic(set.rtype),
            ttl: set.ttl.to_string(),
            values: set.value_texts().join("\n"),
        }
    }

    /// The record set these fields describe in the zone `origin`, or every field's error.
    pub fn validate(&self, origin: &Name) -> Result<RecordSet, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = full_name(&self.name, origin)
            .map_err(|e| errors.set(Field::Name, e.to_string()))
            .ok();
        let rtype = parse_type(&self.rtype)
            .map_err(|e| errors.set(Field::Type, e.to_string()))
            .ok();
        let ttl = parse_ttl(&self.ttl)
            .map_err(|e| errors.set(Field::Ttl, e.to_string()))
            .ok();
        let values = rtype.and_then(|rtype| {
            let lines: Vec<&str> = self.values.lines().collect();
            parse_values(rtype, &lines)
                .map_err(|e| errors.set(Field::Values, capitalise(&e.to_string())))
                .ok()
        });
        match (name, rtype, ttl, values) {
            (Some(name), Some(rtype), Some(ttl), Some(values)) if errors.is_empty() => {
                Ok(RecordSet::new(name, rtype, ttl, values))
            }
            _ => Err(errors),
        }
    }
}

/// Why the name field does not name a record in the zone `origin`.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RecordNameError {
    /// The name parser read nothing (the field is never empty here: that is the apex).
    #[error("Type a name, or leave the field empty for {origin} itself")]
    Empty { origin: Name },
    #[error("{}", capitalise(&.0.to_string()))]
    Invalid(#[source] NameError),
    #[error(
        "{name} is not in the zone {origin}; type the part before {origin} (such as www), or a name ending in {origin}"
    )]
    OutsideZone { name: String, origin: String },
}

/// Why the TTL field is not a TTL.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TtlError {
    #[error("Enter a TTL in seconds from 0 to {MAX_TTL}, such as 300")]
    Missing,
    #[error(
        "The TTL must be a whole number of seconds from 0 to {MAX_TTL}, such as 300; \"{text}\" is not"
    )]
    NotSeconds { text: String },
}

/// The absolute name the name field stands for in zone `origin` (shown live under the field).
pub fn full_name(typed: &str, origin: &Name) -> Result<Name, RecordNameError> {
    let typed = typed.trim();
    if typed.is_empty() || typed == "@" {
        return Ok(origin.clone());
    }
    let origin_text = origin.to_string();
    let origin_bare = origin_text.trim_end_matches('.');
    let lower = typed.to_ascii_lowercase();
    let absolute = lower.ends_with('.')
        || lower == origin_bare.to_ascii_lowercase()
        || lower.ends_with(&format!(".{}", origin_bare.to_ascii_lowercase()));
    let parsed = if absolute || origin.is_root() {
        name::parse_absolute(typed)
    } else {
        name::parse_relative(typed, origin)
    }
    .map_err(|e| match e {
        NameError::Empty => RecordNameError::Empty {
            origin: origin.clone(),
        },
        other => RecordNameError::Invalid(other),
    })?;
    if !origin.zone_of(&parsed) {
        return Err(RecordNameError::OutsideZone {
            name: parsed.to_string(),
            origin: origin.to_string(),
        });
    }
    Ok(parsed)
}

/// Parses a TTL in seconds.
pub fn parse_ttl(text: &str) -> Result<u32, TtlError> {
    let t = text.trim();
    let message = || TtlError::NotSeconds {
        text: t.to_string(),
    };
    if t.is_empty() {
        return Err(TtlError::Missing);
    }
    let ttl: u64 = t.parse().map_err(|_| message())?;
    if ttl > u64::from(MAX_TTL) {
        return Err(message());
    }
    Ok(ttl as u32)
}

/// `name` written relative to `origin` (empty for the apex), as the console's name field.
pub fn relative_text(name: &Name, origin: &Name) -> String {
    crate::dns::name::relative_text(name, origin)
}

/// `name` as the name field shows it: relative to `origin` as the console does, or in full
/// with its final dot where the relative text would read back as another name (in
/// `example.com.`, `v6.example.com` is read as that name itself, as the console reads it, so
/// `v6.example.com.example.com.` is shown in full).
pub fn field_text(name: &Name, origin: &Name) -> String {
    let relative = relative_text(name, origin);
    match full_name(&relative, origin) {
        Ok(read) if read == *name => relative,
        _ => name.to_string(),
    }
}

/// `s` with its first letter in upper case.
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::n;

    /// Found by the fuzzer: a name whose part before the zone ends in the zone's name is
    /// shown in full, since its relative text would be read as the shorter name.
    #[test]
    fn a_name_that_repeats_the_zone_is_shown_in_full() {
        let origin = n("example.com.");
        let doubled = n("v6.example.com.example.com.");
        assert_eq!(field_text(&doubled, &origin), "v6.example.com.example.com.");
        assert_eq!(
            full_name(&field_text(&doubled, &origin), &origin),
            Ok(doubled)
        );
        assert_eq!(field_text(&n("v6.example.com."), &origin), "v6");
        assert_eq!(field_text(&origin, &origin), "");
    }

    fn draft(name: &str, rtype: &str, ttl: &str, values: &str) -> RecordDraft {
        RecordDraft {
            name: name.into(),
            rtype: rtype.into(),
            ttl: ttl.into(),
            values: values.into(),
        }
    }

    #[test]
    fn valid_drafts_become_record_sets() {
        let origin = n("example.com.");
        let cases = [
            (
                draft("www", "A", "300", "192.0.2.1\n192.0.2.2"),
                "www.example.com.",
                RecordType::A,
                300,
                vec!["192.0.2.1", "192.0.2.2"],
            ),
            (
                draft("", "txt", "60", "\"hello\""),
                "example.com.",
                RecordType::TXT,
                60,
                vec!["\"hello\""],
            ),
            (
                draft(
                    "api.example.com",
                    "NS",
                    "172800",
                    "ns-1.awsdns-00.com\n\nns-600.awsdns-11.net.",
                ),
                "api.example.com.",
                RecordType::NS,
                172800,
                vec!["ns-1.awsdns-00.com.", "ns-600.awsdns-11.net."],
            ),
            (
                draft("Mail.Example.Com.", "MX", " 3600 ", "10 mx.example.net"),
                "Mail.Example.Com.",
                RecordType::MX,
                3600,
                vec!["10 mx.example.net."],
            ),
            (
                draft("@", "CNAME", "0", "target.example.net"),
                "example.com.",
                RecordType::CNAME,
                0,
                vec!["target.example.net."],
            ),
        ];
        for (d, name, rtype, ttl, values) in cases {
            let set = d
                .validate(&origin)
                .unwrap_or_else(|e| panic!("{d:?}: {e:?}"));
            assert_eq!(set.name.to_string(), name);
            assert_eq!(set.rtype, rtype);
            assert_eq!(set.ttl, ttl);
            assert_eq!(set.value_texts(), values);
        }
    }

    #[test]
    fn invalid_drafts_say_what_is_wrong_at_each_field() {
        let origin = n("example.com.");
        let e = draft("www", "A", "300", "192.0.2.300")
            .validate(&origin)
            .unwrap_err();
        assert_eq!(
            e,
            FieldErrors {
                values: Some("\"192.0.2.300\" is not an IPv4 address; an A record needs four numbers from 0 to 255 separated by dots, such as 192.0.2.10".into()),
                ..Default::default()
            }
        );
        let e = draft("a..b", "SPF9", "ten", "")
            .validate(&origin)
            .unwrap_err();
        assert_eq!(
            e.name.as_deref(),
            Some("The name a..b has an empty label (two dots in a row, or a leading dot)")
        );
        assert_eq!(
            e.rtype.as_deref(),
            Some(
                "record type SPF9 is not supported here; use one of A, AAAA, CNAME, NS, TXT, MX, CAA, DS"
            )
        );
        assert_eq!(
            e.ttl.as_deref(),
            Some(
                "The TTL must be a whole number of seconds from 0 to 2147483647, such as 300; \"ten\" is not"
            )
        );
        assert_eq!(e.values, None, "values are not judged without a type");
        let e = draft(
            "www.example.org.",
            "CNAME",
            "2147483648",
            "a.example.net\nb.example.net",
        )
        .validate(&origin)
        .unwrap_err();
        assert_eq!(
            e.name.as_deref(),
            Some(
                "www.example.org. is not in the zone example.com.; type the part before example.com. (such as www), or a name ending in example.com."
            )
        );
        assert_eq!(
            e.ttl.as_deref(),
            Some(
                "The TTL must be a whole number of seconds from 0 to 2147483647, such as 300; \"2147483648\" is not"
            )
        );
        assert_eq!(
            e.values.as_deref(),
            Some("A CNAME record set can hold only one value; this one has 2")
        );
        let e = draft("bücher", "A", "300", "192.0.2.1")
            .validate(&origin)
            .unwrap_err();
        assert_eq!(
            e.name.as_deref(),
            Some(
                "The name bücher has letters outside ASCII; DNS and Route 53 take an internationalised name in its ASCII (Punycode) form: xn--bcher-kva"
            )
        );
        let e = draft("x", "A", "", "  \n ").validate(&origin).unwrap_err();
        assert_eq!(
            e.ttl.as_deref(),
            Some("Enter a TTL in seconds from 0 to 2147483647, such as 300")
        );
        assert_eq!(e.values.as_deref(), Some("Enter at least one value"));
    }

    #[test]
    fn an_existing_set_fills_the_form_and_validates_back_to_itself() {
        let origin = n("example.com.");
        let set = draft("www", "MX", "300", "10 mx1.example.com\n20 mx2.example.com")
            .validate(&origin)
            .unwrap();
        let again = RecordDraft::from_set(&set, &origin);
        assert_eq!(
            again,
            draft(
                "www",
                "MX",
                "300",
                "10 mx1.example.com.\n20 mx2.example.com."
            )
        );
        assert_eq!(again.validate(&origin).unwrap(), set);
        assert_eq!(relative_text(&n("example.com."), &origin), "");
        assert_eq!(relative_text(&n("com."), &n(".")), "com.");
    }

    #[test]
    fn name_and_ttl_errors_are_told_apart_by_kind() {
        let origin = n("example.com.");
        assert!(matches!(
            full_name("www.example.org.", &origin),
            Err(RecordNameError::OutsideZone { name, .. }) if name == "www.example.org."
        ));
        assert!(matches!(
            full_name("a..b", &origin),
            Err(RecordNameError::Invalid(NameError::EmptyLabel { .. }))
        ));
        assert_eq!(parse_ttl(" "), Err(TtlError::Missing));
        assert_eq!(
            parse_ttl("ten"),
            Err(TtlError::NotSeconds { text: "ten".into() })
        );
        assert_eq!(parse_ttl("300"), Ok(300));
    }
}
