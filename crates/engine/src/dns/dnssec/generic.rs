//! RFC 3597's generic record data, `\# LENGTH HEX`, which BIND reads for any type: the way a
//! zone file writes data of a type without a mnemonic (`TYPE65280 \# 3 010203`).

use super::{DataError, hex};

/// Whether the data is written in the generic form (its first token is `\#`).
pub fn is_generic(tokens: &[&str]) -> bool {
    tokens.first() == Some(&"\\#")
}

/// Reads `\# LENGTH HEX...` into octets; the length must match the hex.
pub fn parse(tokens: &[&str]) -> Result<Vec<u8>, DataError> {
    let Some(length) = tokens.get(1) else {
        return Err(DataError::at(
            0,
            "\\# is followed by the data's length in octets, then the data in hex",
        ));
    };
    let length: usize = length
        .parse()
        .ok()
        .filter(|n| *n <= usize::from(u16::MAX))
        .ok_or_else(|| DataError::at(1, format!("\"{length}\" is not a length from 0 to 65535")))?;
    let joined: String = tokens[2..].concat();
    let octets = hex(&joined).map_err(|e| DataError::at(2.min(tokens.len() - 1), e))?;
    if octets.len() != length {
        return Err(DataError::at(
            1,
            format!(
                "the length says {length} octets but the hex holds {}",
                octets.len()
            ),
        ));
    }
    Ok(octets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_length_and_hex() {
        assert_eq!(parse(&["\\#", "3", "0102", "03"]), Ok(vec![1, 2, 3]));
        assert_eq!(parse(&["\\#", "0"]), Ok(vec![]));
        assert_eq!(parse(&["\\#", "2", "010203"]).unwrap_err().token, 1);
        assert_eq!(parse(&["\\#", "x"]).unwrap_err().token, 1);
        assert_eq!(parse(&["\\#", "1", "0g"]).unwrap_err().token, 2);
        assert!(parse(&["\\#"]).is_err());
        assert!(is_generic(&["\\#", "0"]));
        assert!(!is_generic(&["1", "0"]));
    }
}
