//! DNSSEC record data as data: DS, CDS, DNSKEY, CDNSKEY, RRSIG, NSEC, NSEC3 and NSEC3PARAM
//! (RFC 4034, 5155, 7344), and ZONEMD (RFC 8976), read from presentation text and printed as
//! dig 9.18 prints them. Nothing is validated or signed.
//!
//! The data is kept as its wire octets in hickory-proto's `RData::Unknown` (hickory's own
//! DNSSEC types need its `__dnssec` feature, whose zone-file parser still reads only DS,
//! and whose crates would grow the web build), so hickory writes it on the wire unchanged:
//! these types never use name compression (RFC 3597 section 4, RFC 4034).
//!
//! - [`layout`]: the fields of each type, one table for reading and printing.
//! - [`bitmap`]: NSEC/NSEC3 type bit maps. [`time`]: RRSIG's times.
//! - [`generic`] reads RFC 3597's `\# LENGTH HEX`, for any type.

pub mod bitmap;
pub mod generic;
pub mod layout;
pub mod time;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use data_encoding::BASE32HEX_NOPAD;
use hickory_proto::rr::rdata::NULL;
use hickory_proto::rr::{Name, RData, RecordType};

use super::dig::columns::name_text;
use super::dig::rdata::split_hex;
use super::name::parse_relative;
use super::rtype::{parse_type_mnemonic, type_mnemonic};
use layout::Field;

/// How many base64 characters dig prints before a space (its default `+split=56`).
const SPLIT_WIDTH: usize = 56;

/// Record data that does not read: which token (0 is the first after the type), and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub token: usize,
    pub message: String,
}

impl DataError {
    fn at(token: usize, message: impl Into<String>) -> Self {
        Self {
            token,
            message: message.into(),
        }
    }
}

/// Whether `rtype`'s data is read and printed here.
pub fn handles(rtype: RecordType) -> bool {
    layout::fields(rtype).is_some()
}

/// Wire octets held as data of `rtype`.
pub fn rdata(rtype: RecordType, octets: Vec<u8>) -> RData {
    RData::Unknown {
        code: rtype,
        rdata: NULL::with(octets),
    }
}

/// Reads the presentation text of a handled type, names relative to `origin`.
pub fn parse(rtype: RecordType, tokens: &[&str], origin: &Name) -> Result<RData, DataError> {
    let fields = layout::fields(rtype).ok_or_else(|| {
        DataError::at(0, format!("{} is not a DNSSEC type", type_mnemonic(rtype)))
    })?;
    let mut out = Vec::with_capacity(64);
    let mut next = 0;
    for field in fields {
        let token = |next: usize| {
            tokens.get(next).copied().ok_or_else(|| {
                DataError::at(
                    tokens.len().saturating_sub(1),
                    format!(
                        "the {} record data is incomplete; expected {}",
                        type_mnemonic(rtype),
                        layout::example(rtype)
                    ),
                )
            })
        };
        let number = |text: &str, max: u64| {
            text.parse::<u64>()
                .ok()
                .filter(|n| *n <= max)
                .ok_or_else(|| {
                    DataError::at(next, format!("\"{text}\" is not a number from 0 to {max}"))
                })
        };
        match field {
            Field::U8 => out.push(number(token(next)?, 0xff)? as u8),
            Field::U16 => {
                out.extend_from_slice(&(number(token(next)?, 0xffff)? as u16).to_be_bytes())
            }
            Field::U32 => {
                out.extend_from_slice(&(number(token(next)?, 0xffff_ffff)? as u32).to_be_bytes())
            }
            Field::Type => {
                let text = token(next)?;
                let rtype = parse_type_mnemonic(text).ok_or_else(|| {
                    DataError::at(next, format!("\"{text}\" is not a record type"))
                })?;
                out.extend_from_slice(&u16::from(rtype).to_be_bytes());
            }
            Field::Time => {
                let seconds =
                    time::parse(token(next)?).map_err(|e| DataError::at(next, e.to_string()))?;
                out.extend_from_slice(&seconds.to_be_bytes());
            }
            Field::Name => {
                let text = token(next)?;
                let name = parse_relative(text, origin)
                    .map_err(|e| DataError::at(next, format!("\"{text}\": {e}")))?;
                push_name(&name, &mut out);
            }
            Field::Salt => {
                let text = token(next)?;
                let salt = if text == "-" {
                    Vec::new()
                } else {
                    hex(text).map_err(|e| DataError::at(next, format!("the salt {e}")))?
                };
                if salt.len() > 255 {
                    return Err(DataError::at(next, "a salt holds at most 255 octets"));
                }
                out.push(salt.len() as u8);
                out.extend_from_slice(&salt);
            }
            Field::Hash => {
                let text = token(next)?;
                let hash = crate::dns::base_decode::BASE32HEX_NOPAD
                    .decode(text.to_ascii_uppercase().as_bytes())
                    .map_err(|_| {
                        DataError::at(next, format!("\"{text}\" is not a hashed owner name in base32hex (digits and A to V)"))
                    })?;
                if hash.is_empty() || hash.len() > 255 {
                    return Err(DataError::at(
                        next,
                        "a hashed owner name holds 1 to 255 octets",
                    ));
                }
                out.push(hash.len() as u8);
                out.extend_from_slice(&hash);
            }
            Field::Base64 | Field::Hex => {
                let rest = tokens
                    .get(next..)
                    .filter(|r| !r.is_empty())
                    .ok_or_else(|| token(next).unwrap_err())?;
                let joined: String = rest.concat();
                let octets = if *field == Field::Base64 {
                    BASE64
                        .decode(joined.as_bytes())
                        .map_err(|_| DataError::at(next, format!("\"{joined}\" is not base64")))?
                } else {
                    hex(&joined).map_err(|e| DataError::at(next, e))?
                };
                out.extend_from_slice(&octets);
                next = tokens.len();
                continue;
            }
            Field::Types => {
                let map = bitmap::encode(&tokens[next.min(tokens.len())..])
                    .map_err(|(index, e)| DataError::at(next + index, e))?;
                out.extend_from_slice(&map);
                next = tokens.len();
                continue;
            }
        }
        next += 1;
    }
    if let Some(extra) = tokens.get(next) {
        return Err(DataError::at(
            next,
            format!(
                "unexpected \"{extra}\" after the {} record data; expected {}",
                type_mnemonic(rtype),
                layout::example(rtype)
            ),
        ));
    }
    if out.len() > usize::from(u16::MAX) {
        return Err(DataError::at(0, "record data holds at most 65535 octets"));
    }
    Ok(rdata(rtype, out))
}

/// The data of a handled type as dig prints it; `None` when the type is not handled here
/// or the octets do not make its fields (dig then prints them as RFC 3597 data).
pub fn text(rtype: RecordType, octets: &[u8]) -> Option<String> {
    let fields = layout::fields(rtype)?;
    let mut rest = octets;
    let mut parts: Vec<String> = Vec::with_capacity(fields.len());
    for field in fields {
        let take = |rest: &mut &[u8], n: usize| -> Option<Vec<u8>> {
            let (head, tail) = rest.split_at_checked(n)?;
            *rest = tail;
            Some(head.to_vec())
        };
        let part = match field {
            Field::U8 => take(&mut rest, 1)?[0].to_string(),
            Field::U16 | Field::Type => {
                let b = take(&mut rest, 2)?;
                let n = u16::from_be_bytes([b[0], b[1]]);
                if *field == Field::Type {
                    type_mnemonic(RecordType::from(n))
                } else {
                    n.to_string()
                }
            }
            Field::U32 | Field::Time => {
                let b = take(&mut rest, 4)?;
                let n = u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
                if *field == Field::Time {
                    time::text(n)
                } else {
                    n.to_string()
                }
            }
            Field::Name => name_text(&read_name(&mut rest)?),
            Field::Salt | Field::Hash => {
                let len = take(&mut rest, 1)?[0] as usize;
                let b = take(&mut rest, len)?;
                match field {
                    Field::Salt if b.is_empty() => "-".to_string(),
                    Field::Salt => b.iter().map(|x| format!("{x:02X}")).collect(),
                    _ => BASE32HEX_NOPAD.encode(&b),
                }
            }
            Field::Base64 => {
                let encoded = BASE64.encode(std::mem::take(&mut rest));
                let chunks: Vec<&str> = encoded
                    .as_bytes()
                    .chunks(SPLIT_WIDTH)
                    .map(|c| std::str::from_utf8(c).unwrap_or_default())
                    .collect();
                chunks.join(" ")
            }
            Field::Hex => split_hex(std::mem::take(&mut rest)),
            Field::Types => bitmap::text(&bitmap::decode(std::mem::take(&mut rest))?),
        };
        if !part.is_empty() {
            parts.push(part);
        }
    }
    rest.is_empty().then(|| parts.join(" "))
}

/// Hex digits (any case) as octets.
fn hex(text: &str) -> Result<Vec<u8>, String> {
    if !text.len().is_multiple_of(2) || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(format!(
            "\"{text}\" is not hex: an even number of digits 0-9 and A-F"
        ));
    }
    Ok((0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap_or_default())
        .collect())
}

/// A name on the wire, uncompressed, in the case it was written.
fn push_name(name: &Name, out: &mut Vec<u8>) {
    for label in name.iter() {
        out.push(label.len() as u8);
        out.extend_from_slice(label);
    }
    out.push(0);
}

/// Reads an uncompressed name from the front of `rest`.
fn read_name(rest: &mut &[u8]) -> Option<Name> {
    let mut labels: Vec<&[u8]> = Vec::new();
    let mut at = 0;
    loop {
        let len = *rest.get(at)? as usize;
        if len == 0 {
            break;
        }
        if len > 63 {
            return None;
        }
        labels.push(rest.get(at + 1..at + 1 + len)?);
        at += 1 + len;
    }
    let name = if labels.is_empty() {
        Name::root()
    } else {
        let mut name = Name::from_labels(labels).ok()?;
        name.set_fqdn(true);
        name
    };
    *rest = &rest[at + 1..];
    Some(name)
}

#[cfg(test)]
mod tests;
