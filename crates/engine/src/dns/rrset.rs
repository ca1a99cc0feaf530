//! Record sets: a name, a type, a TTL and one or more values (or a Route 53 alias), with the
//! parsing of typed values into hickory-proto record data and the errors a user sees.
//! Values are read as a zone file's record data is (see [`rdata_read`]): character strings
//! byte for byte, names through [`name`]; written back as dig prints them, which reads back
//! to the same data, so a saved document is a fixed point.
//!
//! In documents a record set is plain presentation text, so a scenario reads like a zone:
//! `{"name": "www.api.example.com.", "type": "CNAME", "ttl": 300, "values": ["api.example.com."]}`.

use std::net::IpAddr;

use hickory_proto::rr::{DNSClass, Name, RData, Record, RecordType};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::name::{self, NameError};
use super::zone_value::{self, RecordValueError};
use super::{charstring, rdata_read};

/// The record types a user may create (SOA only at an apex, where Route 53 makes it).
/// DS is offered as the Route 53 console does: it belongs at a delegation, for DNSSEC.
pub const EDITABLE_TYPES: [RecordType; 9] = [
    RecordType::A,
    RecordType::AAAA,
    RecordType::CNAME,
    RecordType::NS,
    RecordType::TXT,
    RecordType::MX,
    RecordType::CAA,
    RecordType::DS,
    RecordType::SOA,
];

/// One record set: every record of one type at one name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RecordSetDoc", into = "RecordSetDoc")]
pub struct RecordSet {
    pub name: Name,
    pub rtype: RecordType,
    pub ttl: u32,
    pub values: Vec<RData>,
    /// A Route 53 alias (A or AAAA only): answered with the target's addresses.
    pub alias: Option<AliasTarget>,
}

/// The document form of a record set: values as presentation text.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordSetDoc {
    #[serde(with = "crate::dns::name::serde_text")]
    name: Name,
    #[serde(rename = "type")]
    rtype: String,
    ttl: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    values: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    alias: Option<AliasTarget>,
}

impl From<RecordSet> for RecordSetDoc {
    fn from(set: RecordSet) -> Self {
        Self {
            name: set.name,
            rtype: super::rtype::type_mnemonic(set.rtype),
            ttl: set.ttl,
            values: set.values.iter().map(crate::dns::dig::rdata_text).collect(),
            alias: set.alias,
        }
    }
}

/// Why a record set in a document cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RecordSetDocError {
    #[error("unknown record type \"{rtype}\" at {name}")]
    UnknownType { rtype: String, name: String },
    #[error("record {name} {rtype}: {source}")]
    BadValue {
        name: String,
        rtype: RecordType,
        source: ValueError,
    },
    #[error("record {name} {rtype} has no values")]
    NoValues { name: String, rtype: RecordType },
}

impl TryFrom<RecordSetDoc> for RecordSet {
    type Error = RecordSetDocError;

    fn try_from(doc: RecordSetDoc) -> Result<Self, RecordSetDocError> {
        let rtype = super::rtype::parse_type_mnemonic(&doc.rtype).ok_or_else(|| {
            RecordSetDocError::UnknownType {
                rtype: doc.rtype.clone(),
                name: doc.name.to_string(),
            }
        })?;
        let mut values = Vec::with_capacity(doc.values.len());
        for v in &doc.values {
            let rdata = parse_value(rtype, v).map_err(|source| RecordSetDocError::BadValue {
                name: doc.name.to_string(),
                rtype,
                source,
            })?;
            values.push(rdata);
        }
        if values.is_empty() && doc.alias.is_none() {
            return Err(RecordSetDocError::NoValues {
                name: doc.name.to_string(),
                rtype,
            });
        }
        let mut name = doc.name;
        name.set_fqdn(true);
        Ok(Self {
            name,
            rtype,
            ttl: doc.ttl,
            values,
            alias: doc.alias,
        })
    }
}

/// A Route 53 alias target: a named AWS resource with fixed addresses in this simulation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AliasTarget {
    /// The resource's DNS name, e.g. `d111111abcdef8.cloudfront.net.`.
    #[serde(with = "crate::dns::name::serde_text")]
    pub dns_name: Name,
    /// The hosted zone id of the resource's service, e.g. `Z2FDTNDATAQYW2` for CloudFront.
    pub hosted_zone_id: String,
    /// The addresses the resource answers with (A or AAAA according to the set's type).
    pub addresses: Vec<IpAddr>,
}

/// Route 53 answers alias records with the target's TTL; AWS resources use 60 seconds.
pub const ALIAS_TTL: u32 = 60;

impl RecordSet {
    /// A record set from values already parsed.
    pub fn new(name: Name, rtype: RecordType, ttl: u32, values: Vec<RData>) -> Self {
        Self {
            name,
            rtype,
            ttl,
            values,
            alias: None,
        }
    }

    /// The records of this set as they go on the wire (an alias becomes its addresses).
    pub fn records(&self) -> Vec<Record> {
        let mut out = Vec::with_capacity(self.values.len());
        self.push_records(&self.name, &mut out);
        out
    }

    /// Appends this set's records, owned by `owner` (differs from `name` for wildcards).
    pub fn push_records(&self, owner: &Name, out: &mut Vec<Record>) {
        if let Some(alias) = &self.alias {
            for addr in &alias.addresses {
                let rdata = match (addr, self.rtype) {
                    (IpAddr::V4(v4), RecordType::A) => RData::A((*v4).into()),
                    (IpAddr::V6(v6), RecordType::AAAA) => RData::AAAA((*v6).into()),
                    _ => continue,
                };
                out.push(record(owner.clone(), ALIAS_TTL, rdata));
            }
            return;
        }
        for value in &self.values {
            out.push(record(owner.clone(), self.ttl, value.clone()));
        }
    }

    /// Each value as presentation text (what dig prints for the record data).
    pub fn value_texts(&self) -> Vec<String> {
        if let Some(alias) = &self.alias {
            return vec![format!(
                "ALIAS {} ({})",
                alias.dns_name, alias.hosted_zone_id
            )];
        }
        self.values
            .iter()
            .map(crate::dns::dig::rdata_text)
            .collect()
    }
}

/// A record of class IN.
pub fn record(name: Name, ttl: u32, rdata: RData) -> Record {
    let mut r = Record::from_rdata(name, ttl, rdata);
    r.dns_class = DNSClass::IN;
    r
}

/// Why a typed value was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ValueError {
    #[error("enter at least one value")]
    Empty,
    #[error(
        "\"{value}\" is not an IPv4 address; an A record needs four numbers from 0 to 255 separated by dots, such as 192.0.2.10"
    )]
    NotIpv4 { value: String },
    #[error(
        "\"{value}\" is not an IPv6 address; an AAAA record needs an address such as 2001:db8::1"
    )]
    NotIpv6 { value: String },
    #[error("\"{value}\": {source}")]
    BadName { value: String, source: NameError },
    #[error(
        "\"{value}\" is not a valid MX value; write a priority from 0 to 65535 and a mail server, such as 10 mail.example.com"
    )]
    BadMx { value: String },
    #[error(
        "\"{value}\" is not a valid CAA value; write flags, a tag and a quoted value, such as 0 issue \"amazon.com\""
    )]
    BadCaa { value: String },
    #[error(
        "\"{value}\" is not a valid SOA value; write seven fields: primary name server, hostmaster, serial, refresh, retry, expire, minimum"
    )]
    BadSoa { value: String },
    #[error("\"{value}\" is not a valid TXT value: {reason}")]
    BadTxt { value: String, reason: String },
    #[error("a CNAME record set can hold only one value; this one has {count}")]
    CnameSingle { count: usize },
    #[error(
        "record type {rtype} is not supported here; use one of A, AAAA, CNAME, NS, TXT, MX, CAA, DS"
    )]
    Unsupported { rtype: String },
    #[error("\"{value}\" is not a valid {rtype} value: {reason}")]
    Other {
        rtype: String,
        value: String,
        reason: String,
    },
}

/// Parses a record type name such as `A` or `cname`.
pub fn parse_type(text: &str) -> Result<RecordType, ValueError> {
    let upper = text.trim().to_ascii_uppercase();
    let rtype: RecordType = upper.parse().map_err(|_| ValueError::Unsupported {
        rtype: text.trim().to_string(),
    })?;
    if EDITABLE_TYPES.contains(&rtype) || matches!(rtype, RecordType::PTR | RecordType::SRV) {
        Ok(rtype)
    } else {
        Err(ValueError::Unsupported { rtype: upper })
    }
}

/// Parses one value of `rtype` as Route 53 reads it: names inside it are absolute, with or
/// without a trailing dot.
pub fn parse_value(rtype: RecordType, text: &str) -> Result<RData, ValueError> {
    let value = text.trim();
    if value.is_empty() {
        return Err(ValueError::Empty);
    }
    match rtype {
        RecordType::A => value
            .parse::<std::net::Ipv4Addr>()
            .map(|a| RData::A(a.into()))
            .map_err(|_| ValueError::NotIpv4 {
                value: value.into(),
            }),
        RecordType::AAAA => value
            .parse::<std::net::Ipv6Addr>()
            .map(|a| RData::AAAA(a.into()))
            .map_err(|_| ValueError::NotIpv6 {
                value: value.into(),
            }),
        RecordType::CNAME | RecordType::NS | RecordType::PTR | RecordType::ANAME => {
            let target = name::parse_absolute(value).map_err(|source| ValueError::BadName {
                value: value.into(),
                source,
            })?;
            Ok(match rtype {
                RecordType::CNAME => RData::CNAME(hickory_proto::rr::rdata::CNAME(target)),
                RecordType::NS => RData::NS(hickory_proto::rr::rdata::NS(target)),
                RecordType::ANAME => RData::ANAME(hickory_proto::rr::rdata::ANAME(target)),
                _ => RData::PTR(hickory_proto::rr::rdata::PTR(target)),
            })
        }
        RecordType::MX => {
            let mut parts = value.split_whitespace();
            let (Some(pref), Some(host), None) = (parts.next(), parts.next(), parts.next()) else {
                return Err(ValueError::BadMx {
                    value: value.into(),
                });
            };
            pref.parse::<u16>().map_err(|_| ValueError::BadMx {
                value: value.into(),
            })?;
            name::parse_absolute(host).map_err(|source| ValueError::BadName {
                value: value.into(),
                source,
            })?;
            read_fields(rtype, value).map_err(|_| ValueError::BadMx {
                value: value.into(),
            })
        }
        RecordType::CAA => read_fields(rtype, value).map_err(|e| match e.field {
            Some(1 | 2) => ValueError::Other {
                rtype: rtype.to_string(),
                value: value.into(),
                reason: e.message,
            },
            _ => ValueError::BadCaa {
                value: value.into(),
            },
        }),
        RecordType::SOA => {
            if value.split_whitespace().count() != 7 {
                return Err(ValueError::BadSoa {
                    value: value.into(),
                });
            }
            read_fields(rtype, value).map_err(|e| ValueError::Other {
                rtype: rtype.to_string(),
                value: value.into(),
                reason: e.message,
            })
        }
        RecordType::TXT => {
            if !quotes_balanced(value) {
                return Err(ValueError::BadTxt {
                    value: value.into(),
                    reason: "a quote is not closed".into(),
                });
            }
            read_fields(rtype, value).map_err(|e| ValueError::BadTxt {
                value: value.into(),
                reason: e.message,
            })
        }
        other if rdata_read::reads(other) => {
            read_fields(other, value).map_err(|e| ValueError::Other {
                rtype: other.to_string(),
                value: value.into(),
                reason: e.message,
            })
        }
        other if super::dnssec::handles(other) => {
            let tokens: Vec<&str> = value.split_whitespace().collect();
            super::dnssec::parse(other, &tokens, &Name::root()).map_err(|e| ValueError::Other {
                rtype: super::rtype::type_mnemonic(other),
                value: value.into(),
                reason: e.message,
            })
        }
        other => via_zone_parser(other, value).map_err(|e| ValueError::Other {
            rtype: other.to_string(),
            value: value.into(),
            reason: e.to_string(),
        }),
    }
}

/// Whether every opening quote is closed (a backslash escapes the next character).
fn quotes_balanced(value: &str) -> bool {
    let mut open = false;
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '"' => open = !open,
            _ => {}
        }
    }
    !open
}

/// The characters of `value` outside double quotes.
fn unquoted(value: &str) -> impl Iterator<Item = char> + '_ {
    let mut open = false;
    let mut escaped = false;
    value.chars().filter(move |&c| {
        if escaped {
            escaped = false;
            return false;
        }
        match c {
            '\\' => {
                escaped = true;
                false
            }
            '"' => {
                open = !open;
                false
            }
            _ => !open,
        }
    })
}

/// A value on several lines or with parentheses outside quotes (zone-file syntax that a
/// one-line value cannot hold).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("a value must be on one line, without parentheses outside quotes")]
pub struct NotOneLine;

/// Refuses a value on several lines or with parentheses outside quotes.
fn one_line(value: &str) -> Result<(), NotOneLine> {
    if value.contains(['\n', '\r']) || unquoted(value).any(|c| c == '(' || c == ')') {
        return Err(NotOneLine);
    }
    Ok(())
}

/// Why a value read through hickory-proto's zone-file parser (see [`zone_value`]) was
/// refused.
#[derive(Debug, Error)]
pub enum ZoneParserError {
    #[error(transparent)]
    NotOneLine(#[from] NotOneLine),
    #[error("\"{word}\" has letters outside ASCII")]
    NotAscii { word: String },
    #[error(transparent)]
    Name(#[from] NameError),
    #[error(transparent)]
    Data(#[from] RecordValueError),
}

/// Reads a value of a type [`rdata_read`] knows: its fields split as a zone file splits
/// record data, character strings byte for byte, names absolute (as Route 53 reads them).
fn read_fields(rtype: RecordType, value: &str) -> Result<RData, rdata_read::DataError> {
    let error = |message: String| rdata_read::DataError {
        field: None,
        message,
    };
    one_line(value).map_err(|e| error(e.to_string()))?;
    let fields = charstring::fields(value).map_err(|e| error(e.into()))?;
    rdata_read::read(rtype, &fields, &|text| {
        name::parse_absolute(text).map_err(|source| ValueError::BadName {
            value: text.to_string(),
            source,
        })
    })
}

/// The byte ranges of the whitespace-separated words of `text`.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = None;
    text.char_indices()
        .chain(std::iter::once((text.len(), ' ')))
        .filter_map(move |(i, c)| match (c.is_whitespace(), start) {
            (false, None) => {
                start = Some(i);
                None
            }
            (true, Some(s)) => {
                start = None;
                Some((s, i))
            }
            _ => None,
        })
}

/// Parses a value as hickory-proto's zone-file parser reads it (see [`zone_value`]), with the
/// root as origin so that every name in it is absolute.
fn via_zone_parser(rtype: RecordType, value: &str) -> Result<RData, ZoneParserError> {
    one_line(value)?;
    // hickory-proto reads names through IDNA, which must never see letters outside ASCII.
    if let Some(word) = value.split_whitespace().find(|w| !w.is_ascii()) {
        return Err(name::parse_absolute(word).err().map_or_else(
            || ZoneParserError::NotAscii {
                word: word.to_string(),
            },
            ZoneParserError::Name,
        ));
    }
    // SVCB and HTTPS name their target in the second field: read by our name parser (as the
    // zone-file reader does), with "." in its place for hickory's parser.
    let second = word_spans(value).nth(1);
    let svcb_target = match (rtype, second) {
        (RecordType::SVCB | RecordType::HTTPS, Some((start, end)))
            if !value[start..].starts_with('"') =>
        {
            Some((name::parse_absolute(&value[start..end])?, start, end))
        }
        _ => None,
    };
    let value = match &svcb_target {
        Some((_, start, end)) => format!("{}.{}", &value[..*start], &value[*end..]),
        None => value.to_string(),
    };
    let svcb_target = svcb_target.map(|(target, _, _)| target);
    Ok(svcb_read(zone_value::read(rtype, &value)?, svcb_target))
}

/// SVCB or HTTPS data as hickory-proto read it, made as BIND reads it: the target name ours
/// (when given), the parameters in the order of their keys (RFC 9460 section 2.2: a
/// server sends them so, and BIND writes them so). Other data as it is.
pub(crate) fn svcb_read(data: RData, target: Option<Name>) -> RData {
    let fix = |svcb: &mut hickory_proto::rr::rdata::SVCB| {
        if let Some(target) = target {
            svcb.target_name = target;
        }
        svcb.svc_params.sort_by_key(|(key, _)| u16::from(*key));
    };
    match data {
        RData::SVCB(mut svcb) => {
            fix(&mut svcb);
            RData::SVCB(svcb)
        }
        RData::HTTPS(mut https) => {
            fix(&mut https.0);
            RData::HTTPS(https)
        }
        data => data,
    }
}

/// Parses a whole set of typed values, applying the per-set rules (one CNAME value).
pub fn parse_values<S: AsRef<str>>(
    rtype: RecordType,
    values: &[S],
) -> Result<Vec<RData>, ValueError> {
    let values: Vec<&str> = values
        .iter()
        .map(|v| v.as_ref().trim())
        .filter(|v| !v.is_empty())
        .collect();
    if values.is_empty() {
        return Err(ValueError::Empty);
    }
    if rtype == RecordType::CNAME && values.len() > 1 {
        return Err(ValueError::CnameSingle {
            count: values.len(),
        });
    }
    // A value given twice is one record (a set holds each value once), found by hash so a
    // pasted set of thousands of values is read in linear time.
    let mut seen: rustc_hash::FxHashSet<RData> = rustc_hash::FxHashSet::default();
    let mut out: Vec<RData> = Vec::with_capacity(values.len());
    for v in values {
        let rdata = parse_value(rtype, v)?;
        if seen.insert(rdata.clone()) {
            out.push(rdata);
        }
    }
    Ok(out)
}
