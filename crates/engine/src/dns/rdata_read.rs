//! Record data read from its presentation fields as BIND reads it, for the types whose
//! data holds character strings or names (TXT, HINFO, CAA, NAPTR, MX, SRV, SOA): strings
//! byte for byte (see [`charstring`](super::charstring)), names through
//! [`dns::name`](super::name) (escapes decoded, case kept, letters outside ASCII refused
//! with their Punycode form), numbers range-checked, and exactly the fields the type has:
//! an extra field is an error, never dropped.
//!
//! One reader for typed values (where names are absolute, as Route 53 reads them) and zone
//! files (where they are relative to the origin): the caller says how a name is read.

use hickory_proto::rr::rdata::{CAA, HINFO, MX, NAPTR, SOA, SRV, TXT};
use hickory_proto::rr::{Name, RData, RecordType};
use hickory_proto::serialize::txt::parse_ttl;

use super::charstring::Field;

/// What is wrong with record data: the field (0-based) when one is to blame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub field: Option<usize>,
    pub message: String,
}

impl DataError {
    fn at(field: usize, message: impl Into<String>) -> Self {
        Self {
            field: Some(field),
            message: message.into(),
        }
    }
}

/// Whether [`read`] reads data of `rtype` (other types go to hickory-proto's parser).
pub fn reads(rtype: RecordType) -> bool {
    matches!(
        rtype,
        RecordType::TXT
            | RecordType::HINFO
            | RecordType::CAA
            | RecordType::NAPTR
            | RecordType::MX
            | RecordType::SRV
            | RecordType::SOA
    )
}

/// Reads the data of `rtype` (one of [`reads`]) from its fields; `name` reads a name field
/// (its error, shown, is the field's message).
pub fn read<E: std::fmt::Display>(
    rtype: RecordType,
    fields: &[Field<'_>],
    name: &dyn Fn(&str) -> Result<Name, E>,
) -> Result<RData, DataError> {
    let count = |n: usize, what: &str| -> Result<(), DataError> {
        if fields.len() < n {
            return Err(DataError {
                field: None,
                message: format!(
                    "the {rtype} data is incomplete: it has {} field{}, and {rtype} data is {what}",
                    fields.len(),
                    if fields.len() == 1 { "" } else { "s" }
                ),
            });
        }
        if fields.len() > n {
            return Err(DataError::at(
                n,
                format!(
                    "unexpected \"{}\" after the {rtype} data: {rtype} data is {what}",
                    fields[n].raw
                ),
            ));
        }
        Ok(())
    };
    let name_at = |i: usize| -> Result<Name, DataError> {
        name(fields[i].raw).map_err(|e| DataError::at(i, e.to_string()))
    };
    let number = |i: usize, what: &str| -> Result<u16, DataError> {
        fields[i].raw.parse::<u16>().map_err(|_| {
            DataError::at(
                i,
                format!(
                    "\"{}\" is not {what}: a number from 0 to 65535",
                    fields[i].raw
                ),
            )
        })
    };
    match rtype {
        RecordType::TXT => {
            if fields.is_empty() {
                return Err(DataError {
                    field: None,
                    message: "a TXT record needs at least one string, such as \"v=spf1 -all\""
                        .into(),
                });
            }
            let strings = (0..fields.len())
                .map(|i| string(rtype, fields, i))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(RData::TXT(TXT::from_bytes(
                strings.iter().map(Vec::as_slice).collect(),
            )))
        }
        RecordType::HINFO => {
            count(2, "two strings: the CPU and the operating system")?;
            let mut h = HINFO::new(String::new(), String::new());
            h.cpu = string(rtype, fields, 0)?.into_boxed_slice();
            h.os = string(rtype, fields, 1)?.into_boxed_slice();
            Ok(RData::HINFO(h))
        }
        RecordType::CAA => {
            count(
                3,
                "flags, a tag and a value, such as 0 issue \"amazon.com\"",
            )?;
            let flags = fields[0].raw.parse::<u8>().map_err(|_| {
                DataError::at(
                    0,
                    format!(
                        "\"{}\" is not CAA flags: a number from 0 to 255 (0, or 128 for critical)",
                        fields[0].raw
                    ),
                )
            })?;
            let tag = fields[1].raw;
            if tag.is_empty()
                || tag.len() > 15
                || !tag.bytes().all(|b| b.is_ascii_alphanumeric())
                || fields[1].quoted
            {
                return Err(DataError::at(
                    1,
                    format!(
                        "\"{tag}\" is not a CAA tag: a tag is 1 to 15 letters and digits, such as issue, issuewild or iodef (RFC 8659)"
                    ),
                ));
            }
            let mut caa = CAA::new_issue(false, None, Vec::new());
            caa.issuer_critical = flags & 0x80 != 0;
            caa.reserved_flags = flags & 0x7f;
            caa.tag = tag.to_string();
            caa.value = fields[2].bytes().map_err(|e| DataError::at(2, e))?;
            Ok(RData::CAA(caa))
        }
        RecordType::NAPTR => {
            count(
                6,
                "order, preference, flags, services, regexp and replacement, such as 100 10 \"U\" \"E2U+sip\" \"!^.*$!sip:info@example.com!\" .",
            )?;
            Ok(RData::NAPTR(NAPTR::new(
                number(0, "a NAPTR order")?,
                number(1, "a NAPTR preference")?,
                string(rtype, fields, 2)?.into_boxed_slice(),
                string(rtype, fields, 3)?.into_boxed_slice(),
                string(rtype, fields, 4)?.into_boxed_slice(),
                name_at(5)?,
            )))
        }
        RecordType::MX => {
            count(
                2,
                "a preference from 0 to 65535 and a mail server, such as 10 mail.example.com.",
            )?;
            Ok(RData::MX(MX::new(
                number(0, "an MX preference")?,
                name_at(1)?,
            )))
        }
        RecordType::SRV => {
            count(
                4,
                "priority, weight, port and target, such as 10 5 443 host.example.com.",
            )?;
            Ok(RData::SRV(SRV::new(
                number(0, "an SRV priority")?,
                number(1, "an SRV weight")?,
                number(2, "a port")?,
                name_at(3)?,
            )))
        }
        RecordType::SOA => {
            count(
                7,
                "seven fields: primary name server, hostmaster mailbox, serial, refresh, retry, expire and minimum TTL",
            )?;
            let serial = fields[2].raw.parse::<u32>().map_err(|_| {
                DataError::at(
                    2,
                    format!(
                        "\"{}\" is not an SOA serial: a number from 0 to 4294967295",
                        fields[2].raw
                    ),
                )
            })?;
            let timer = |i: usize, what: &str| {
                parse_ttl(fields[i].raw).map_err(|_| {
                    DataError::at(
                        i,
                        format!(
                            "\"{}\" is not an SOA {what}: a number of seconds such as 900, or a duration such as 1h",
                            fields[i].raw
                        ),
                    )
                })
            };
            // hickory holds refresh, retry and expire as i32; the wire and dig hold u32.
            Ok(RData::SOA(SOA::new(
                name_at(0)?,
                name_at(1)?,
                serial,
                timer(3, "refresh")? as i32,
                timer(4, "retry")? as i32,
                timer(5, "expire")? as i32,
                timer(6, "minimum")?,
            )))
        }
        other => Err(DataError {
            field: None,
            message: format!("{other} data is not read here"),
        }),
    }
}

/// Field `i` of `rtype` data as a `<character-string>`: its octets, at most 255.
fn string(rtype: RecordType, fields: &[Field<'_>], i: usize) -> Result<Vec<u8>, DataError> {
    let bytes = fields[i].bytes().map_err(|e| DataError::at(i, e))?;
    if bytes.len() > 255 {
        let split = if rtype == RecordType::TXT {
            ", so split it into several quoted strings"
        } else {
            ""
        };
        return Err(DataError::at(
            i,
            format!(
                "this {rtype} string is {} bytes long; a string holds at most 255{split}",
                bytes.len()
            ),
        ));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::charstring::fields;
    use crate::dns::dig::rdata_text;
    use crate::dns::name::parse_absolute;

    fn read_text(rtype: RecordType, value: &str) -> Result<String, DataError> {
        let f = fields(value).unwrap();
        read(rtype, &f, &|t| parse_absolute(t).map_err(|e| e.to_string())).map(|d| rdata_text(&d))
    }

    #[test]
    fn strings_keep_their_octets_and_names_their_escapes() {
        let cases = [
            (RecordType::TXT, "\"\\255\\000\"", "\"\\255\\000\""),
            (RecordType::TXT, "\"caf\\195\\169\"", "\"caf\\195\\169\""),
            (RecordType::TXT, "\"café\"", "\"caf\\195\\169\""),
            (RecordType::TXT, "a;b \"\"", "\"a;b\" \"\""),
            (RecordType::HINFO, "\"\\255\" os", "\"\\255\" \"os\""),
            (
                RecordType::CAA,
                "0 issue \"amazon.com; account=1\"",
                "0 issue \"amazon.com; account=1\"",
            ),
            (RecordType::CAA, "128 tbs \"\\200\"", "128 tbs \"\\200\""),
            (
                RecordType::NAPTR,
                "100 10 U E2U+sip \"!^.*$!sip:caf\\195\\169@example.com!\" .",
                "100 10 \"U\" \"E2U+sip\" \"!^.*$!sip:caf\\195\\169@example.com!\" .",
            ),
            (
                RecordType::MX,
                "10 Mail\\.x.example.com",
                "10 Mail\\.x.example.com.",
            ),
            (
                RecordType::SRV,
                "1 2 5060 _sip=.example.com",
                "1 2 5060 _sip=.example.com.",
            ),
            (
                RecordType::SOA,
                "ns. host. 1 1h 900 4294967295 86400",
                "ns. host. 1 3600 900 4294967295 86400",
            ),
        ];
        for (rtype, input, shown) in cases {
            assert_eq!(read_text(rtype, input).unwrap(), shown, "{rtype} {input}");
            // What is shown reads back to itself.
            assert_eq!(read_text(rtype, shown).unwrap(), shown, "{rtype} {shown}");
        }
    }

    #[test]
    fn extra_missing_and_bad_fields_are_errors() {
        let cases = [
            (RecordType::HINFO, "a b c", Some(2)),
            (RecordType::HINFO, "a", None),
            (RecordType::SRV, "1 2 3 a.example.com. 5", Some(4)),
            (RecordType::CAA, "0 \"\" \"amazon.com\"", Some(1)),
            (RecordType::CAA, "0 is-sue \"amazon.com\"", Some(1)),
            (RecordType::CAA, "256 issue x", Some(0)),
            (RecordType::MX, "10 mail.Éx.com", Some(1)),
            (RecordType::MX, "65536 mail.example.com", Some(0)),
            (RecordType::TXT, "\"\\300\"", Some(0)),
            (RecordType::SOA, "ns. host. 1 2 3 4", None),
        ];
        for (rtype, input, field) in cases {
            let e = read_text(rtype, input).unwrap_err();
            assert_eq!(e.field, field, "{rtype} {input}: {}", e.message);
        }
        let long = format!("\"{}\"", "x".repeat(256));
        assert!(read_text(RecordType::TXT, &long).is_err());
    }
}
