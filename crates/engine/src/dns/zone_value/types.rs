//! The fixed-layout types hickory-proto reads from a zone file: TLSA (and SMIMEA, the same
//! data), SSHFP, OPENPGPKEY, CERT and CSYNC, each as its `from_tokens` reads them, with its
//! messages (and its leniencies: CERT ignores what follows its data, TLSA joins its hex).

use std::collections::BTreeSet;
use std::str::FromStr;

use hickory_proto::ProtoError;
use hickory_proto::rr::RecordType;
use hickory_proto::rr::rdata::cert::{Algorithm, CertType};
use hickory_proto::rr::rdata::{CERT, CSYNC, OPENPGPKEY, SSHFP, TLSA};

use super::{RecordValueError, number};
use crate::dns::base_decode::{BASE64, HEX};

/// TLSA data: usage, selector, matching type, then the certificate data in hex (every
/// remaining field, joined).
pub fn tlsa<'a>(mut tokens: impl Iterator<Item = &'a str>) -> Result<TLSA, RecordValueError> {
    let mut field = |missing: &'static str| -> Result<u8, RecordValueError> {
        number::<u8>(tokens.next().ok_or(RecordValueError::Missing(missing))?)
    };
    let usage = field("TLSA usage field missing")?;
    let selector = field("TLSA selector field missing")?;
    let matching = field("TLSA matching field missing")?;
    let hex: String = tokens.collect();
    let data = HEX.decode(hex.as_bytes())?;
    if data.is_empty() {
        return Err(RecordValueError::Missing("TLSA data field missing"));
    }
    Ok(TLSA::new(
        usage.into(),
        selector.into(),
        matching.into(),
        data,
    ))
}

/// SSHFP data: algorithm, fingerprint type, fingerprint in hex; nothing after it.
pub fn sshfp<'a>(mut tokens: impl Iterator<Item = &'a str>) -> Result<SSHFP, RecordValueError> {
    let missing = RecordValueError::Missing;
    let algorithm = number::<u8>(
        tokens
            .next()
            .ok_or(missing("SSHFP algorithm field missing"))?,
    )?;
    let kind = number::<u8>(
        tokens
            .next()
            .ok_or(missing("SSHFP fingerprint type field missing"))?,
    )?;
    let fingerprint = tokens
        .next()
        .filter(|fp| !fp.is_empty())
        .ok_or(missing("SSHFP fingerprint field missing"))?;
    let fingerprint = HEX.decode(fingerprint.as_bytes())?;
    if tokens.next().is_some() {
        return Err(RecordValueError::TooManyFields("SSHFP"));
    }
    Ok(SSHFP::new(algorithm.into(), kind.into(), fingerprint))
}

/// OPENPGPKEY data: the key in base64, one field.
pub fn openpgpkey<'a>(
    mut tokens: impl Iterator<Item = &'a str>,
) -> Result<OPENPGPKEY, RecordValueError> {
    let key = tokens.next().ok_or(RecordValueError::Missing(
        "OPENPGPKEY public key field is missing",
    ))?;
    let key = BASE64.decode(key.as_bytes())?;
    if tokens.next().is_some() {
        return Err(RecordValueError::TooManyFields("OPENPGPKEY"));
    }
    Ok(OPENPGPKEY::new(key))
}

/// CERT data: type, key tag, algorithm (numbers), the certificate in base64 (one field;
/// hickory ignores any after it).
pub fn cert<'a>(mut tokens: impl Iterator<Item = &'a str>) -> Result<CERT, RecordValueError> {
    use RecordValueError::{CertData, CertDigit, Missing};
    let cert_type = u16::from_str(
        tokens
            .next()
            .ok_or(Missing("CERT cert type field missing"))?,
    )
    .map_err(|_| CertDigit("cert_type"))?;
    let key_tag = u16::from_str(tokens.next().ok_or(Missing("CERT key tag field missing"))?)
        .map_err(|_| CertDigit("key_tag"))?;
    let algorithm = u8::from_str(
        tokens
            .next()
            .ok_or(Missing("CERT algorithm field missing"))?,
    )
    .map_err(|_| CertDigit("algorithm"))?;
    let data = BASE64
        .decode(
            tokens
                .next()
                .ok_or(Missing("CERT data missing"))?
                .as_bytes(),
        )
        .map_err(|_| CertData)?;
    Ok(CERT::new(
        CertType::from(cert_type),
        key_tag,
        Algorithm::from(algorithm),
        data,
    ))
}

/// CSYNC data: SOA serial, flags, then the types (a set).
pub fn csync<'a>(mut tokens: impl Iterator<Item = &'a str>) -> Result<CSYNC, RecordValueError> {
    let missing = RecordValueError::Missing;
    let serial = number::<u32>(
        tokens
            .next()
            .ok_or(missing("token is missing: soa_serial"))?,
    )?;
    let flags = number::<u16>(tokens.next().ok_or(missing("token is missing: flags"))?)?;
    let mut types = BTreeSet::new();
    for token in tokens {
        types.insert(RecordType::from_str(token).map_err(ProtoError::from)?);
    }
    Ok(CSYNC::new(serial, flags & 1 == 1, flags & 2 == 2, types))
}
