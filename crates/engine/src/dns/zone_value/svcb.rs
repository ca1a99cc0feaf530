//! SVCB and HTTPS data as hickory-proto reads it from a zone file (`rdata_parsers::svcb`):
//! priority, target, then `key[=value]` parameters, each value read by its key's rules.

use std::str::FromStr;

use hickory_proto::rr::Name;
use hickory_proto::rr::rdata::svcb::{
    Alpn, EchConfigList, IpHint, Mandatory, SVCB, SvcParamKey, SvcParamValue, Unknown,
};
use hickory_proto::rr::rdata::{A, AAAA};

use super::lex::{Lexer, Token};
use super::{encoding, number, proto};
use crate::dns::base_decode::BASE64;

/// Reads the data of an SVCB (or HTTPS) record.
pub fn read<'a>(mut tokens: impl Iterator<Item = &'a str>) -> Result<SVCB, String> {
    let priority = number::<u16>(tokens.next().ok_or("token is missing: SvcPriority")?)?;
    let target = match tokens.next().ok_or("token is missing: Target")? {
        "." => Name::root(),
        other => {
            return Err(format!(
                "the target name \"{other}\" cannot be read here: write it without quotes"
            ));
        }
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
                .ok_or_else(|| format!("the value of {key} is a lone quote"))?;
        }
        let key = SvcParamKey::from_str(key).map_err(proto)?;
        params.push((key, param_value(key, value)?));
    }
    Ok(SVCB::new(priority, target, params))
}

fn param_value(key: SvcParamKey, value: Option<&str>) -> Result<SvcParamValue, String> {
    Ok(match key {
        SvcParamKey::Mandatory => {
            let value = value.ok_or("expected at least one Mandatory field")?;
            SvcParamValue::Mandatory(Mandatory(list(value, |item| {
                SvcParamKey::from_str(item).map_err(proto)
            })?))
        }
        SvcParamKey::Alpn => {
            let value = value.ok_or("expected at least one ALPN code")?;
            // hickory expects this to succeed and panics when an item is not a word.
            SvcParamValue::Alpn(Alpn(
                list(value, |item| Ok(item.to_string()))
                    .map_err(|e| format!("an alpn item cannot be read: {e}"))?,
            ))
        }
        SvcParamKey::NoDefaultAlpn => {
            if value.is_some() {
                return Err("no value expected for NoDefaultAlpn".into());
            }
            SvcParamValue::NoDefaultAlpn
        }
        SvcParamKey::Port => {
            let value = value.ok_or("a port number for the port option")?;
            SvcParamValue::Port(number::<u16>(&char_data(value)?)?)
        }
        SvcParamKey::Ipv4Hint => {
            let value = value.ok_or("expected at least one ipv4 hint")?;
            SvcParamValue::Ipv4Hint(IpHint(list(value, |item| {
                A::from_str(item).map_err(|e| format!("network address parse error: {e}"))
            })?))
        }
        SvcParamKey::Ipv6Hint => {
            let value = value.ok_or("expected at least one ipv6 hint")?;
            SvcParamValue::Ipv6Hint(IpHint(list(value, |item| {
                AAAA::from_str(item).map_err(|e| format!("network address parse error: {e}"))
            })?))
        }
        SvcParamKey::EchConfigList => {
            let value = value.ok_or("expected a base64 encoded string for EchConfig")?;
            let bytes = BASE64
                .decode(char_data(value)?.as_bytes())
                .map_err(encoding)?;
            SvcParamValue::EchConfigList(EchConfigList(bytes))
        }
        SvcParamKey::Key(_) => {
            SvcParamValue::Unknown(Unknown(value.unwrap_or_default().as_bytes().to_vec()))
        }
        SvcParamKey::Key65535 | SvcParamKey::Unknown(_) => {
            return Err("Bad Key type or unsupported, see generic key option, e.g. key1234".into());
        }
    })
}

/// The first token of `value` read as a line of its own, which must be a word.
fn char_data(value: &str) -> Result<String, String> {
    match Lexer::at_line_start(value)
        .next_token()
        .map_err(|e| format!("lexer error: {e}"))?
    {
        Some(Token::CharData(data)) => Ok(data),
        _ => Err("expected character data".into()),
    }
}

/// A comma-separated list (`\,` is a comma inside an item, `\x` is `x`), each item read by
/// [`char_data`] and then `item`.
fn list<T>(value: &str, item: impl Fn(&str) -> Result<T, String>) -> Result<Vec<T>, String> {
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
