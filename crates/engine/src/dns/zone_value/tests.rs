//! The port against the original: every generated value reads to the same data, or fails
//! with the same message, through [`read`] and through hickory-proto's zone-file parser
//! (except where the module's documentation says it differs on purpose).

use hickory_proto::rr::rdata::svcb::SvcParamKey;
use hickory_proto::rr::{Name, RData, RecordType};
use hickory_proto::serialize::txt::Parser;
use proptest::prelude::*;

use super::{RecordValueError, read};

/// What the engine did before: the value on a line of a zone file, read by hickory.
fn hickory(rtype: RecordType, value: &str) -> Result<RData, String> {
    let text = format!("value. 0 IN {rtype} {value}\n");
    let (_, sets) = Parser::new(text, None, Some(Name::root()))
        .parse()
        .map_err(|e| e.to_string())?;
    let set = sets.into_values().next().ok_or("no value was read")?;
    let first = set
        .records_without_rrsigs()
        .next()
        .ok_or("no value was read")?;
    Ok(first.data.clone())
}

/// The types that come here, and some hickory refuses.
const TYPES: [RecordType; 17] = [
    RecordType::CERT,
    RecordType::CSYNC,
    RecordType::HTTPS,
    RecordType::OPENPGPKEY,
    RecordType::SMIMEA,
    RecordType::SSHFP,
    RecordType::SVCB,
    RecordType::TLSA,
    RecordType::DNAME,
    RecordType::NULL,
    RecordType::KEY,
    RecordType::SIG,
    RecordType::TSIG,
    RecordType::OPT,
    RecordType::AXFR,
    RecordType::Unknown(65280),
    RecordType::IXFR,
];

/// Words that make up the values: numbers, hex, base64, quoted strings, SVCB parameters,
/// type names, and what the lexer treats apart (`@`, `$`, `;`, parentheses, escapes).
const WORDS: &[&str] = &[
    "0",
    "1",
    "3",
    "12",
    "255",
    "256",
    "65535",
    "65536",
    "4294967296",
    "-1",
    "01",
    "x",
    "",
    ".",
    "abcdef0123",
    "ABCD",
    "abc",
    "0g",
    "00",
    "AAAA",
    "AAA=",
    "AA==",
    "A===",
    "QUJD",
    "Zm9v",
    "Zm9=",
    "a",
    "!!",
    "\"ab cd\"",
    "\"\"",
    "\"a\\\"b\"",
    "\"\\065\"",
    "\"\\0a\"",
    "\"x",
    "\"01 02\"",
    "\"\\009\"",
    "@",
    "a@b",
    "$TTL",
    "$ORIGIN",
    "$INCLUDE",
    "$FOO",
    "$",
    ";c",
    "( a b )",
    "(",
    ")",
    "a)",
    "\u{7}",
    "\\",
    "alpn=h2",
    "alpn=h2,h3",
    "alpn=\"h2,h3\"",
    "alpn=",
    "alpn=a\\,b",
    "alpn=a\\\\b",
    "mandatory=alpn,port",
    "mandatory=foo",
    "mandatory",
    "mandatory=",
    "no-default-alpn",
    "no-default-alpn=x",
    "port=443",
    "port=x",
    "port=\"53\"",
    "port= 1",
    "port",
    "ipv4hint=192.0.2.1,192.0.2.2",
    "ipv4hint=1.2.3",
    "ipv4hint=",
    "ipv6hint=::1",
    "ipv6hint=::1,x",
    "ech=AAAA",
    "ech=!",
    "ech",
    "key123=abc",
    "key123",
    "key65535",
    "key70000=x",
    "foo=bar",
    "=x",
    "key1=\"a b\"",
    "A",
    "NS",
    "AAAA",
    "FOO",
    "TYPE65",
    "a=b=c",
];

/// Each type's fields, position by position: mostly words that fit, some that do not.
fn layout(rtype: RecordType) -> Vec<&'static [&'static str]> {
    const NUM: &[&str] = &[
        "0", "1", "3", "255", "256", "65535", "65536", "x", "\"1\"", "-1",
    ];
    const HEX: &[&str] = &[
        "abcdef0123",
        "ABCD",
        "abc",
        "0g",
        "00",
        "\"ab cd\"",
        "\"\\065b\"",
    ];
    const B64: &[&str] = &[
        "AAAA", "AAA=", "AA==", "A===", "QUJD", "Zm9=", "a", "\"QUJD\"", "!!",
    ];
    const TYPES: &[&str] = &[
        "A",
        "NS",
        "AAAA",
        "FOO",
        "TYPE65",
        "\"\\065\"",
        "a",
        "\"MX\"",
    ];
    const ANY: &[&str] = &["x", "AAAA", "@", ";c", "\"\"", "$TTL", "( a )", "12"];
    match rtype {
        RecordType::TLSA | RecordType::SMIMEA => vec![NUM, NUM, NUM, HEX, HEX, ANY],
        RecordType::SSHFP => vec![NUM, NUM, HEX, ANY, ANY],
        RecordType::OPENPGPKEY => vec![B64, ANY, ANY],
        RecordType::CERT => vec![NUM, NUM, NUM, B64, ANY],
        RecordType::CSYNC => vec![NUM, NUM, TYPES, TYPES, TYPES],
        RecordType::SVCB | RecordType::HTTPS => vec![NUM, &["."], WORDS, WORDS, WORDS],
        _ => vec![ANY, ANY],
    }
}

/// A value for `rtype`: its fields from [`layout`] (a word from [`WORDS`] now and then), or
/// a soup of the characters the lexer treats apart.
fn value_of(rtype: RecordType) -> BoxedStrategy<String> {
    let fields: Vec<BoxedStrategy<&'static str>> = layout(rtype)
        .into_iter()
        .map(|pool| {
            prop_oneof![
                5 => prop::sample::select(pool),
                1 => prop::sample::select(WORDS),
            ]
            .boxed()
        })
        .collect();
    let count = fields.len();
    let sep = prop::sample::select(&[" ", "  ", "\t"][..]);
    prop_oneof![
        6 => (fields, 0..=count, prop::collection::vec(sep, count)).prop_map(|(words, n, seps)| {
            words.iter().zip(seps).take(n).flat_map(|(w, s)| [*w, s]).collect::<String>()
        }),
        1 => "[a-f0-9=\",;\\\\@$() .A-Z]{0,12}".prop_map(String::from),
    ]
    .boxed()
}

fn typed_value() -> impl Strategy<Value = (RecordType, String)> {
    prop::sample::select(&TYPES[..]).prop_flat_map(|rtype| (Just(rtype), value_of(rtype)))
}

/// Values hickory panics on, or reads differently on purpose (see the module's
/// documentation); they are checked apart below.
fn on_purpose(rtype: RecordType, ours: &Result<RData, RecordValueError>) -> bool {
    matches!(rtype, RecordType::SVCB | RecordType::HTTPS)
        && matches!(
            ours,
            Err(RecordValueError::QuotedTarget(_)
                | RecordValueError::LoneQuote(_)
                | RecordValueError::Alpn(_))
        )
}

/// Our reading with the error as its text, to compare with hickory's.
fn read_text(rtype: RecordType, value: &str) -> Result<RData, String> {
    read(rtype, value).map_err(|e| e.to_string())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn reads_as_hickorys_zone_file_parser((rtype, value) in typed_value()) {
        let ours = read(rtype, &value);
        prop_assume!(!on_purpose(rtype, &ours));
        let theirs = std::panic::catch_unwind(|| hickory(rtype, &value));
        prop_assert!(theirs.is_ok(), "hickory panics on {:?} {:?}, and we read {:?}", rtype, value, ours);
        prop_assert_eq!(ours.map_err(|e| e.to_string()), theirs.unwrap(), "{} {:?}", rtype, value);
    }

    #[test]
    fn svcb_values_with_the_root_as_target(
        rtype in prop::sample::select(&[RecordType::SVCB, RecordType::HTTPS][..]),
        priority in prop::sample::select(&["0", "1", "65535", "x"][..]),
        params in prop::collection::vec(prop::sample::select(WORDS), 0..5),
    ) {
        let value = format!("{priority} . {}", params.join(" "));
        let ours = read(rtype, &value);
        prop_assume!(!on_purpose(rtype, &ours));
        let theirs = std::panic::catch_unwind(|| hickory(rtype, &value));
        prop_assert!(theirs.is_ok(), "hickory panics on {:?}, and we read {:?}", value, ours);
        prop_assert_eq!(ours.map_err(|e| e.to_string()), theirs.unwrap(), "{} {:?}", rtype, value);
    }
}

#[test]
fn reads_each_type() {
    let ok = |rtype, value: &str| {
        let data = read(rtype, value).unwrap_or_else(|e| panic!("{rtype} {value}: {e}"));
        assert_eq!(Ok(data), hickory(rtype, value), "{rtype} {value}");
    };
    ok(RecordType::TLSA, "3 1 1 0123456789ABCDEF 0123");
    ok(RecordType::SMIMEA, "3 0 0 abcd");
    ok(
        RecordType::SSHFP,
        "4 2 0123456789abcdef0123456789abcdef0123456789ABCDEF0123456789abcdef",
    );
    ok(
        RecordType::OPENPGPKEY,
        "mQINBFit2jsBEADrbl5vjVxYeAE0g0IDYCBpHirv1Sjlqxx5gjtPhb2YhvyDMXjq",
    );
    ok(RecordType::CERT, "1 12345 8 MIIBCgKCAQEAnA==");
    ok(RecordType::CSYNC, "66 3 A NS AAAA");
    ok(
        RecordType::SVCB,
        "1 . alpn=h2,h3 port=8443 ipv4hint=192.0.2.1 ech=AEX+ key65333=ex1 mandatory=alpn,port",
    );
    ok(
        RecordType::HTTPS,
        "1 . alpn=\"h3,h2\" no-default-alpn ipv6hint=2001:db8::1",
    );
}

#[test]
fn refuses_as_hickory_does() {
    let same = |rtype, value: &str, message: &str| {
        assert_eq!(
            read_text(rtype, value),
            Err(message.to_string()),
            "{rtype} {value}"
        );
        assert_eq!(
            hickory(rtype, value),
            Err(message.to_string()),
            "{rtype} {value}"
        );
    };
    same(
        RecordType::SSHFP,
        "1 1 abcd extra",
        "too many fields for SSHFP",
    );
    same(
        RecordType::SSHFP,
        "1 1 xyz",
        "data encoding error: invalid symbol at 0",
    );
    same(RecordType::TLSA, "3 1 1", "TLSA data field missing");
    same(
        RecordType::TLSA,
        "300 1 1 ab",
        "error parsing number: number too large to fit in target type",
    );
    same(
        RecordType::CSYNC,
        "1 2 NOPE",
        "proto error: decoding error: record type string unknown: NOPE",
    );
    same(
        RecordType::SVCB,
        "1 . port=x",
        "error parsing number: invalid digit found in string",
    );
    same(
        RecordType::SVCB,
        "1 . key65535",
        "Bad Key type or unsupported, see generic key option, e.g. key1234",
    );
    same(
        RecordType::OPENPGPKEY,
        "AAAA @",
        "unrecognized token in stream: At",
    );
    same(
        RecordType::CERT,
        "1 2 3 \"abc",
        "lexer error: unclosed quoted string",
    );
    same(
        RecordType::DNAME,
        "example.com.",
        "unsupported RecordType: DNAME",
    );
    same(
        RecordType::NULL,
        "",
        "parse is not implemented for NULL record",
    );
}

#[test]
fn differs_on_purpose_with_a_message() {
    // hickory panics on both of these.
    assert!(matches!(
        read(RecordType::SVCB, "1 . alpn=\""),
        Err(RecordValueError::LoneQuote(key)) if key == "alpn"
    ));
    assert!(matches!(
        read(RecordType::SVCB, "1 . alpn=@"),
        Err(RecordValueError::Alpn(e)) if matches!(*e, RecordValueError::NotCharData)
    ));
    assert_eq!(
        read_text(RecordType::HTTPS, "1 \"svc.example.\""),
        Err("the target name \"svc.example.\" cannot be read here: write it without quotes".into())
    );
    assert_eq!(
        read_text(RecordType::ANY, "A 192.0.2.1"),
        Err("ANY is a query type: a record set of this type cannot hold values".into())
    );
    // The key's own text is checked before its value.
    assert!(matches!(
        read(RecordType::SVCB, "1 . bogus=1"),
        Err(RecordValueError::Proto(_))
    ));
    let _ = SvcParamKey::Alpn;
}
