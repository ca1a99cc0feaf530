//! Examples from real dig 9.18 against BIND serving the root zone (the full set of
//! captures is compared in `tests/dnssec_data.rs`).

use super::*;

fn octets(hex_text: &str) -> Vec<u8> {
    hex(&hex_text.split_whitespace().collect::<String>()).unwrap()
}

fn round_trip(rtype: RecordType, text_in: &str, wire_hex: &str, text_out: &str) {
    let tokens: Vec<&str> = text_in.split_whitespace().collect();
    let data = parse(rtype, &tokens, &Name::root()).unwrap();
    let RData::Unknown { code, rdata } = &data else {
        panic!("{data:?}");
    };
    assert_eq!(*code, rtype);
    assert_eq!(rdata.anything, octets(wire_hex), "{text_in}");
    assert_eq!(text(rtype, &rdata.anything).as_deref(), Some(text_out));
}

#[test]
fn ds_of_com() {
    let text = "19718 13 2 8ACBB0CD28F41250A80A491389424D341522D946B0DA0C0291F2D3D7 71D7805A";
    round_trip(
        RecordType::DS,
        &text.to_lowercase(),
        "4D060D028ACBB0CD28F41250A80A491389424D341522D946B0DA0C02 91F2D3D771D7805A",
        text,
    );
}

#[test]
fn nsec_of_com() {
    round_trip(
        RecordType::NSEC,
        "commbank. NS DS RRSIG NSEC",
        "08636F6D6D62616E6B000006200000000013",
        "commbank. NS DS RRSIG NSEC",
    );
}

#[test]
fn zonemd_of_the_root() {
    let text = "2026082201 1 1 5E21E890ACDE0249A3C73F5500159960F01C1783534876FAEC24F3CB B7E0442D498E54B3E6DDCDECDD8D96E3FE1BF733";
    round_trip(
        crate::dns::rtype::ZONEMD,
        text,
        "78C38F9901015E21E890ACDE0249A3C73F5500159960F01C17835348 76FAEC24F3CBB7E0442D498E54B3E6DDCDECDD8D96E3FE1BF733",
        text,
    );
}

#[test]
fn nsec3_and_its_parameters() {
    round_trip(
        RecordType::NSEC3,
        "1 1 12 aabbccdd 2vptu5timamqttgl4luu9kg21e0aor3t A RRSIG",
        "01 01 000C 04 AABBCCDD 14 17F3DF17B2B2ADAEF615257DE4D2020B80AC6C7D 0006 4000000000 02",
        "1 1 12 AABBCCDD 2VPTU5TIMAMQTTGL4LUU9KG21E0AOR3T A RRSIG",
    );
    round_trip(
        RecordType::NSEC3PARAM,
        "1 0 0 -",
        "01 00 0000 00",
        "1 0 0 -",
    );
}

#[test]
fn rrsig_times_in_either_form() {
    let sig =
        "jLYQkA+eNH+uiG3GUHeV7HRcTD/LLrLHPhSTTIZ+4Fe6ckmb+hIeg2sq wVcm7n1rCvarE8OOksrg0VBXsVmYfw==";
    let tokens: Vec<String> =
        format!("DNSKEY 8 2 3600 1798761599 1796083200 2371 example.com. {sig}")
            .split_whitespace()
            .map(String::from)
            .collect();
    let tokens: Vec<&str> = tokens.iter().map(String::as_str).collect();
    let RData::Unknown { rdata, .. } = parse(RecordType::RRSIG, &tokens, &Name::root()).unwrap()
    else {
        panic!()
    };
    assert_eq!(
        text(RecordType::RRSIG, &rdata.anything).unwrap(),
        format!("DNSKEY 8 2 3600 20261231235959 20261201000000 2371 example.com. {sig}")
    );
}

#[test]
fn relative_names_use_the_origin() {
    let origin = Name::from_ascii("example.com.").unwrap();
    let RData::Unknown { rdata, .. } = parse(RecordType::NSEC, &["www", "A"], &origin).unwrap()
    else {
        panic!()
    };
    assert_eq!(
        text(RecordType::NSEC, &rdata.anything).unwrap(),
        "www.example.com. A"
    );
}

#[test]
fn errors_name_the_token() {
    let err = |rtype, text: &str| {
        let tokens: Vec<&str> = text.split_whitespace().collect();
        parse(rtype, &tokens, &Name::root()).unwrap_err()
    };
    assert_eq!(err(RecordType::DS, "70000 13 2 AB").token, 0);
    assert_eq!(err(RecordType::DS, "1 13 2 ABC").token, 3);
    assert!(err(RecordType::DS, "1 13").message.contains("incomplete"));
    assert_eq!(err(RecordType::DNSKEY, "257 3 13 !!!").token, 3);
    assert_eq!(err(RecordType::NSEC3PARAM, "1 0 0 - extra").token, 4);
    assert_eq!(err(RecordType::NSEC, "next. A NOTATYPE").token, 2);
    assert_eq!(
        err(
            RecordType::RRSIG,
            "A 8 2 3600 20261399000000 20261201000000 1 . AA=="
        )
        .token,
        4
    );
    assert_eq!(err(RecordType::NSEC3, "1 0 0 - WXYZ A").token, 4);
}

#[test]
fn malformed_octets_print_as_none() {
    assert_eq!(text(RecordType::DS, &[1]), None);
    assert_eq!(text(RecordType::NSEC, &[3, b'c', b'o']), None);
    assert_eq!(text(RecordType::NSEC3PARAM, &[1, 0, 0, 0, 0, 9]), None);
    assert_eq!(text(RecordType::A, &[1, 2, 3, 4]), None);
}
