//! Record type mnemonics as BIND reads and writes them: hickory-proto's names, plus the
//! types hickory has no name for but BIND 9.18 has (ZONEMD), and the RFC 3597 form
//! `TYPEnnn` for any type by number.

use std::str::FromStr;

use hickory_proto::rr::RecordType;

/// ZONEMD (RFC 8976), the zone's message digest: the root zone carries one.
pub const ZONEMD: RecordType = RecordType::Unknown(63);

/// The types with a mnemonic in BIND 9.18 that hickory-proto 0.26 lacks.
const EXTRA: [(&str, u16); 1] = [("ZONEMD", 63)];

/// Reads a type mnemonic (any case) or `TYPEnnn`; `None` for anything else.
pub fn parse_type_mnemonic(text: &str) -> Option<RecordType> {
    let upper = text.to_ascii_uppercase();
    if let Some(code) = upper.strip_prefix("TYPE")
        && !code.is_empty()
        && code.bytes().all(|b| b.is_ascii_digit())
    {
        return code.parse::<u16>().ok().map(RecordType::from);
    }
    if let Some((_, code)) = EXTRA.iter().find(|(name, _)| *name == upper) {
        return Some(RecordType::from(*code));
    }
    RecordType::from_str(&upper).ok()
}

/// A type's mnemonic as dig prints it; a type without one is `TYPEnnn`.
pub fn type_mnemonic(rtype: RecordType) -> String {
    match rtype {
        RecordType::Unknown(code) => match EXTRA.iter().find(|(_, c)| *c == code) {
            Some((name, _)) => (*name).to_string(),
            None => format!("TYPE{code}"),
        },
        // A type hickory names but does not read back (ZERO, for type 0): its number.
        other => {
            let text = other.to_string();
            if parse_type_mnemonic(&text) == Some(other) {
                text
            } else {
                format!("TYPE{}", u16::from(other))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mnemonics_and_numbers() {
        assert_eq!(parse_type_mnemonic("ds"), Some(RecordType::DS));
        assert_eq!(parse_type_mnemonic("ZONEMD"), Some(ZONEMD));
        assert_eq!(
            parse_type_mnemonic("type65280"),
            Some(RecordType::Unknown(65280))
        );
        assert_eq!(parse_type_mnemonic("TYPE43"), Some(RecordType::DS));
        assert_eq!(parse_type_mnemonic("TYPE"), None);
        assert_eq!(parse_type_mnemonic("TYPE70000"), None);
        assert_eq!(parse_type_mnemonic("BOGUS"), None);
        assert_eq!(type_mnemonic(ZONEMD), "ZONEMD");
        assert_eq!(type_mnemonic(RecordType::Unknown(1234)), "TYPE1234");
        assert_eq!(type_mnemonic(RecordType::NSEC3PARAM), "NSEC3PARAM");
    }
}
