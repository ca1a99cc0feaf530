//! SVCB and HTTPS data as hickory-proto reads it from a zone file (`rdata_parsers::svcb`):
//! priority, target, then `key[=value]` parameters, each value read by its key's rules.

use std::str::FromStr;

use hickory_proto::rr::Name;
use hickory_proto::rr::rdata::svcb::{
    Alpn, EchConfigList, IpHint, Mandatory, SVCB, SvcParamKey, SvcParamValue, Unknown,
};
use hickory_proto::rr::rdata::{A, AAAA};

use super::lex::{Lexer, Token};
use super::{RecordValueError, number};
use crate::dns::base_decode::BASE64;

/// Reads the data of an SVCB (or HTTPS) record.
pub fn read<'a>(mut tokens: impl Iterator<Item = &'a str>) -> Result<SVCB, RecordValueError> {
    let missing = RecordValueError::Missing;
    let priority = number::<u16>(
        tokens
            .next()
            .ok_or(missing("token is missing: SvcPriority"))?,
    )?;
    let target = match tokens.next().ok_or(missing("token is missing: Target"))? {
        "." => Name::root(),
        other => return Err(RecordValueError::QuotedTarget(other.to_string())),
    };
    let mut params = Vec::new();
    for token in tokens {
        let mut key_value = token.splitn(2, '=');
        let key = key_value.next().unwrap_or_default();
        let mut value = key_value.next();
        if let Some(v) = value.as_mut()
            && v.starts_with('"')
            && v.ends_with('"')
        {
            *v = v
                .get(1..v.len() - 1)
                .ok_or_else(|| RecordValueError::LoneQuote(key.to_string()))?;
        }
        let key = SvcParamKey::from_str(key)?;
        params.push((key, param_value(key, value)?));
    }
    Ok(SVCB::new(priority, target, params))
}

fn param_value(key: SvcParamKey, value: Option<&str>) -> Result<SvcParamValue, RecordValueError> {
    let missing = RecordValueError::Missing;
    Ok(match key {
        SvcParamKey::Mandatory => {
            let value = value.ok_or(missing("expected at least one Mandatory field"))?;
            SvcParamValue::Mandatory(Mandatory(list(value, |item| {
                Ok(SvcParamKey::from_str(item)?)
            })?))
        }
        SvcParamKey::Alpn => {
            let value = value.ok_or(missing("expected at least one ALPN code"))?;
            // hickory expects this to succeed and panics when an item is not a word.
            SvcParamValue::Alpn(Alpn(
                list(value, |item| Ok(item.to_string()))
                    .map_err(|e| RecordValueError::Alpn(Box::new(e)))?,
            ))
        }
        SvcParamKey::NoDefaultAlpn => {
            if value.is_some() {
                return Err(RecordValueError::NoDefaultAlpnValue);
            }
            SvcParamValue::NoDefaultAlpn
        }
        SvcParamKey::Port => {
            let value = value.ok_or(missing("a port number for the port option"))?;
            SvcParamValue::Port(number::<u16>(&char_data(value)?)?)
        }
        SvcParamKey::Ipv4Hint => {
            let value = value.ok_or(missing("expected at least one ipv4 hint"))?;
            SvcParamValue::Ipv4Hint(IpHint(list(value, |item| Ok(A::from_str(item)?))?))
        }
        SvcParamKey::Ipv6Hint => {
            let value = value.ok_or(missing("expected at least one ipv6 hint"))?;
            SvcParamValue::Ipv6Hint(IpHint(list(value, |item| Ok(AAAA::from_str(item)?))?))
        }
        SvcParamKey::EchConfigList => {
            let value = value.ok_or(missing("expected a base64 encoded string for EchConfig"))?;
            let bytes = BASE64.decode(char_data(value)?.as_bytes())?;
            SvcParamValue::EchConfigList(EchConfigList(bytes))
        }
        SvcParamKey::Key(_) => {
            SvcParamValue::Unknown(Unknown(value.unwrap_or_default().as_bytes().to_vec()))
        }
        SvcParamKey::Key65535 | SvcParamKey::Unknown(_) => {
            return Err(RecordValueError::BadKey);
        }
    })
}

/// The first token of `value` read as a line of its own, which must be a word.
fn char_data(value: &str) -> Result<String, RecordValueError> {
    match Lexer::at_line_start(value).next_token()? {
        Some(Token::CharData(data)) => Ok(data),
        _ => Err(RecordValueError::NotCharData),
    }
}

/// A comma-separated list (`\,` is a comma inside an item, `\x` is `x`), each item read by
/// [`char_data`] and then `item`.
fn list<T>(
    value: &str,
    item: impl Fn(&str) -> Result<T, RecordValueError>,
) -> Result<Vec<T>, RecordValueError> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut escaping = false;
    for c in value.chars() {
        match (c, escaping) {
            (',', false) => {
                out.push(item(&char_data(&current)?)?);
                current.clear();
            }
            ('\\', false) => escaping = true,
            (_, true) => {
                current.push(c);
                escaping = false;
            }
            (_, false) => current.push(c),
        }
    }
    if !current.is_empty() {
        out.push(item(&char_data(&current)?)?);
    }
    Ok(out)
}
