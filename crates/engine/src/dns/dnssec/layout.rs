//! The fields of each DNSSEC record type (and ZONEMD), in order: one table drives both
//! reading presentation text into wire octets and printing wire octets as dig does.

use hickory_proto::rr::RecordType;

use crate::dns::rtype::ZONEMD;

/// One field of record data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// An 8-bit number (algorithm, digest type, flags, ...).
    U8,
    /// A 16-bit number (key tag, flags, iterations).
    U16,
    /// A 32-bit number (original TTL, serial).
    U32,
    /// A record type by mnemonic (RRSIG's type covered).
    Type,
    /// An RRSIG time: `YYYYMMDDHHmmSS` in text, seconds on the wire.
    Time,
    /// A domain name, uncompressed on the wire.
    Name,
    /// NSEC3's salt: `-` or hex in text, a length octet and the octets on the wire.
    Salt,
    /// NSEC3's next hashed owner: base32hex in text, a length octet and the octets on the wire.
    Hash,
    /// The rest of the data as base64 (whitespace allowed in text).
    Base64,
    /// The rest of the data as hex (whitespace allowed in text).
    Hex,
    /// The rest of the data as a type bit map.
    Types,
}

use Field::*;

/// The fields of `rtype`, or `None` when it is not a type handled here.
pub fn fields(rtype: RecordType) -> Option<&'static [Field]> {
    Some(match rtype {
        RecordType::DS | RecordType::CDS => &[U16, U8, U8, Hex],
        RecordType::DNSKEY | RecordType::CDNSKEY => &[U16, U8, U8, Base64],
        RecordType::RRSIG => &[Type, U8, U8, U32, Time, Time, U16, Name, Base64],
        RecordType::NSEC => &[Name, Types],
        RecordType::NSEC3 => &[U8, U8, U16, Salt, Hash, Types],
        RecordType::NSEC3PARAM => &[U8, U8, U16, Salt],
        t if t == ZONEMD => &[U32, U8, U8, Hex],
        _ => return None,
    })
}

/// What a type's data looks like, for error messages.
pub fn example(rtype: RecordType) -> &'static str {
    match rtype {
        RecordType::DS | RecordType::CDS => {
            "a key tag, an algorithm, a digest type and the digest in hex, such as 2371 13 2 1F987CC6583E92DF0890718C42..."
        }
        RecordType::DNSKEY | RecordType::CDNSKEY => {
            "flags, protocol 3, an algorithm and the public key in base64, such as 257 3 13 mdsswUyr3DPW..."
        }
        RecordType::RRSIG => {
            "the type covered, algorithm, labels, original TTL, expiration and inception (YYYYMMDDHHmmSS), key tag, signer's name and the signature in base64"
        }
        RecordType::NSEC => {
            "the next owner name and the types present, such as host.example.com. A RRSIG NSEC"
        }
        RecordType::NSEC3 => {
            "hash algorithm, flags, iterations, salt (hex or -), the next hashed owner in base32hex and the types present"
        }
        RecordType::NSEC3PARAM => {
            "hash algorithm, flags, iterations and salt (hex or -), such as 1 0 0 -"
        }
        _ => {
            "serial, scheme, hash algorithm and the digest in hex, such as 2026082201 1 1 5E21E890..."
        }
    }
}
