//! The type bit maps of NSEC and NSEC3 (RFC 4034 section 4.1.2): the types present at a
//! name, as windows of up to 256 types, each with only the octets it needs.

use hickory_proto::rr::RecordType;

use crate::dns::rtype::{parse_type_mnemonic, type_mnemonic};

/// Encodes type mnemonics (in any order, repeats allowed) as a type bit map; an error says
/// which one is not a type.
pub fn encode(types: &[&str]) -> Result<Vec<u8>, (usize, String)> {
    let mut codes = Vec::with_capacity(types.len());
    for (index, text) in types.iter().enumerate() {
        let rtype = parse_type_mnemonic(text)
            .ok_or_else(|| (index, format!("\"{text}\" is not a record type")))?;
        codes.push(u16::from(rtype));
    }
    codes.sort_unstable();
    codes.dedup();
    let mut out = Vec::new();
    let mut i = 0;
    while i < codes.len() {
        let window = (codes[i] >> 8) as u8;
        let mut bits = [0u8; 32];
        let mut used = 0;
        while i < codes.len() && (codes[i] >> 8) as u8 == window {
            let low = (codes[i] & 0xff) as usize;
            bits[low / 8] |= 0x80 >> (low % 8);
            used = low / 8 + 1;
            i += 1;
        }
        out.push(window);
        out.push(used as u8);
        out.extend_from_slice(&bits[..used]);
    }
    Ok(out)
}

/// The types of a type bit map in ascending order; `None` if the map is malformed
/// (windows out of order, a length of 0 or over 32, or data cut short).
pub fn decode(mut bytes: &[u8]) -> Option<Vec<RecordType>> {
    let mut types = Vec::new();
    let mut last_window: Option<u8> = None;
    while !bytes.is_empty() {
        let [window, len, rest @ ..] = bytes else {
            return None;
        };
        let len = *len as usize;
        if len == 0 || len > 32 || rest.len() < len || last_window.is_some_and(|w| w >= *window) {
            return None;
        }
        for (octet, &b) in rest[..len].iter().enumerate() {
            for bit in 0..8 {
                if b & (0x80 >> bit) != 0 {
                    let code = (u16::from(*window) << 8) | (octet * 8 + bit) as u16;
                    types.push(RecordType::from(code));
                }
            }
        }
        last_window = Some(*window);
        bytes = &rest[len..];
    }
    Some(types)
}

/// A type bit map as presentation text: the mnemonics separated by spaces.
pub fn text(types: &[RecordType]) -> String {
    let names: Vec<String> = types.iter().map(|t| type_mnemonic(*t)).collect();
    names.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4034_example() {
        // RFC 4034 section 4.3: "A MX RRSIG NSEC TYPE1234".
        let map = encode(&["A", "MX", "RRSIG", "NSEC", "TYPE1234"]).unwrap();
        let mut expected = vec![0x00, 0x06, 0x40, 0x01, 0x00, 0x00, 0x00, 0x03, 0x04, 0x1b];
        expected.extend_from_slice(&[0; 26]);
        expected.push(0x20);
        assert_eq!(map, expected);
        let types = decode(&map).unwrap();
        assert_eq!(text(&types), "A MX RRSIG NSEC TYPE1234");
    }

    #[test]
    fn order_and_repeats_do_not_matter() {
        assert_eq!(
            encode(&["NSEC", "a", "A"]).unwrap(),
            encode(&["A", "NSEC"]).unwrap()
        );
        assert_eq!(encode(&[]).unwrap(), Vec::<u8>::new());
        assert!(encode(&["NOPE"]).is_err());
    }

    #[test]
    fn malformed_maps_are_refused() {
        assert_eq!(decode(&[0, 0]), None);
        assert_eq!(decode(&[0, 33]), None);
        assert_eq!(decode(&[0, 2, 0x40]), None);
        assert_eq!(decode(&[1, 1, 0x40, 0, 1, 0x40]), None);
    }
}
