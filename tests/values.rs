//! Typed values and names, table-driven: what is accepted (and how it reads back) beside what
//! is refused (and the exact message the user sees at the field).

use delegation_lab::dns::name::{NameError, parse_absolute};
use delegation_lab::dns::rrset::{ValueError, parse_type, parse_value, parse_values};
use hickory_proto::rr::RecordType;

#[test]
fn valid_values_read_back_in_presentation_form() {
    let cases: &[(RecordType, &str, &str)] = &[
        (RecordType::A, "192.0.2.10", "192.0.2.10"),
        (RecordType::A, " 192.0.2.10 ", "192.0.2.10"),
        (RecordType::AAAA, "2001:DB8::1", "2001:db8::1"),
        (RecordType::CNAME, "api.example.com", "api.example.com."),
        (RecordType::CNAME, "api.example.com.", "api.example.com."),
        (
            RecordType::NS,
            "ns-123.awsdns-15.com",
            "ns-123.awsdns-15.com.",
        ),
        (
            RecordType::MX,
            "10 mail.example.com",
            "10 mail.example.com.",
        ),
        (
            RecordType::TXT,
            "\"v=spf1 include:amazonses.com ~all\"",
            "\"v=spf1 include:amazonses.com ~all\"",
        ),
        (
            RecordType::CAA,
            "0 issue \"amazon.com\"",
            "0 issue \"amazon.com\"",
        ),
        (
            RecordType::SOA,
            "ns-1.awsdns-00.com awsdns-hostmaster.amazon.com 1 7200 900 1209600 86400",
            "ns-1.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400",
        ),
    ];
    for (rtype, input, shown) in cases {
        let v = parse_value(*rtype, input).unwrap_or_else(|e| panic!("{rtype} {input}: {e}"));
        assert_eq!(
            delegation_lab::dns::dig::rdata_text(&v),
            *shown,
            "{rtype} {input}"
        );
    }
}

#[test]
fn invalid_values_say_what_is_wrong() {
    let cases: &[(RecordType, &str, &str)] = &[
        (
            RecordType::A,
            "1.2.3",
            "\"1.2.3\" is not an IPv4 address; an A record needs four numbers from 0 to 255 separated by dots, such as 192.0.2.10",
        ),
        (
            RecordType::A,
            "256.1.1.1",
            "\"256.1.1.1\" is not an IPv4 address; an A record needs four numbers from 0 to 255 separated by dots, such as 192.0.2.10",
        ),
        (
            RecordType::A,
            "2001:db8::1",
            "\"2001:db8::1\" is not an IPv4 address; an A record needs four numbers from 0 to 255 separated by dots, such as 192.0.2.10",
        ),
        (
            RecordType::AAAA,
            "192.0.2.1",
            "\"192.0.2.1\" is not an IPv6 address; an AAAA record needs an address such as 2001:db8::1",
        ),
        (
            RecordType::CNAME,
            "a..b",
            "\"a..b\": the name a..b has an empty label (two dots in a row, or a leading dot)",
        ),
        (
            RecordType::MX,
            "mail.example.com",
            "\"mail.example.com\" is not a valid MX value; write a priority from 0 to 65535 and a mail server, such as 10 mail.example.com",
        ),
        (
            RecordType::MX,
            "99999 mail.example.com",
            "\"99999 mail.example.com\" is not a valid MX value; write a priority from 0 to 65535 and a mail server, such as 10 mail.example.com",
        ),
        (
            RecordType::CAA,
            "issue amazon.com",
            "\"issue amazon.com\" is not a valid CAA value; write flags, a tag and a quoted value, such as 0 issue \"amazon.com\"",
        ),
        (
            RecordType::TXT,
            "\"unclosed",
            "\"\"unclosed\" is not a valid TXT value: a quote is not closed",
        ),
        (
            RecordType::SOA,
            "ns1 host 1 2 3",
            "\"ns1 host 1 2 3\" is not a valid SOA value; write seven fields: primary name server, hostmaster, serial, refresh, retry, expire, minimum",
        ),
        (RecordType::A, "  ", "enter at least one value"),
        (
            RecordType::TXT,
            "a (b) c",
            "\"a (b) c\" is not a valid TXT value: a value must be on one line, without parentheses outside quotes",
        ),
    ];
    for (rtype, input, message) in cases {
        let e = parse_value(*rtype, input).expect_err(input);
        assert_eq!(e.to_string(), *message, "{rtype} {input}");
    }
}

#[test]
fn a_cname_set_holds_one_value_and_duplicates_collapse() {
    assert_eq!(
        parse_values(RecordType::CNAME, &["a.example.com", "b.example.com"]),
        Err(ValueError::CnameSingle { count: 2 })
    );
    assert_eq!(
        parse_values(RecordType::A, &["192.0.2.1", "192.0.2.1", ""])
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        parse_values::<&str>(RecordType::A, &[]),
        Err(ValueError::Empty)
    );
    // Thousands of values, each pasted twice (names in either case): each kept once, in
    // the order first given.
    let texts: Vec<String> = (0..5000)
        .map(|i| format!("ns{i}.example.net"))
        .chain((0..5000).map(|i| format!("NS{i}.Example.NET.")))
        .collect();
    let values = parse_values(RecordType::NS, &texts).unwrap();
    assert_eq!(values.len(), 5000);
    assert_eq!(
        values[4999],
        parse_value(RecordType::NS, "ns4999.example.net.").unwrap()
    );
}

#[test]
fn record_types_by_name() {
    assert_eq!(parse_type("cname").unwrap(), RecordType::CNAME);
    assert_eq!(parse_type(" MX ").unwrap(), RecordType::MX);
    assert_eq!(
        parse_type("BOGUS").unwrap_err().to_string(),
        "record type BOGUS is not supported here; use one of A, AAAA, CNAME, NS, TXT, MX, CAA, DS"
    );
    assert_eq!(
        parse_type("DNSKEY").unwrap_err().to_string(),
        "record type DNSKEY is not supported here; use one of A, AAAA, CNAME, NS, TXT, MX, CAA, DS"
    );
}

#[test]
fn names_are_checked_with_their_limits() {
    let ok = [
        "example.com",
        "example.com.",
        "*.api.example.com",
        "_abc123.api.example.com",
        "xn--bcher-kva.example",
    ];
    for name in ok {
        assert!(parse_absolute(name).is_ok(), "{name}");
    }
    let long_label = "a".repeat(64);
    assert_eq!(
        parse_absolute(&format!("{long_label}.com")),
        Err(NameError::LabelTooLong {
            label: long_label.clone(),
            len: 64
        })
    );
    let too_long = vec!["abcdefghij".repeat(6); 5].join(".");
    assert_eq!(
        parse_absolute(&too_long),
        Err(NameError::NameTooLong { len: 306 })
    );
    assert_eq!(
        NameError::NameTooLong { len: 307 }.to_string(),
        "the name is 307 octets long; a domain name may have at most 255"
    );
    assert_eq!(
        parse_absolute(".example.com"),
        Err(NameError::EmptyLabel {
            name: ".example.com".into()
        })
    );
}

/// SVCB and HTTPS data as BIND 9.18 writes it (`named-checkzone -D` on the same records):
/// the parameters in the order of their keys, the ALPN list quoted, no trailing comma.
#[test]
fn svcb_and_https_are_written_as_bind_writes_them() {
    use delegation_lab::dns::dig::rdata_text;
    for (rtype, value, bind) in [
        (
            RecordType::HTTPS,
            "1 . alpn=h2,h3 port=8443 ipv4hint=192.0.2.1,192.0.2.2 ipv6hint=2001:db8::1 mandatory=alpn,port",
            "1 . mandatory=alpn,port alpn=\"h2,h3\" port=8443 ipv4hint=192.0.2.1,192.0.2.2 ipv6hint=2001:db8::1",
        ),
        (
            RecordType::SVCB,
            "0 target.example.com.",
            "0 target.example.com.",
        ),
        (
            RecordType::HTTPS,
            "2 . alpn=\"h2\" no-default-alpn",
            "2 . alpn=\"h2\" no-default-alpn",
        ),
    ] {
        let data = parse_value(rtype, value).unwrap();
        assert_eq!(rdata_text(&data), bind, "{rtype} {value}");
        // What is written reads back to the same data.
        assert_eq!(parse_value(rtype, bind).unwrap(), data, "{rtype} {bind}");
    }
}
