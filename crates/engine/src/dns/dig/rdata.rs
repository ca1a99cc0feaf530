//! Record data, types and classes as dig prints them, which is not always hickory's
//! `Display`: dig quotes every TXT string and writes bytes outside printable ASCII as `\DDD`,
//! quotes a CAA value, prints SOA timers unsigned, writes hex in upper case cut into
//! 56-character words (SSHFP, TLSA), and prints data of an unknown type in the RFC 3597 form
//! `\# LENGTH HEX` after the type `TYPEnnn`. DNSSEC types and ZONEMD are printed by
//! [`crate::dns::dnssec`].

use hickory_proto::rr::rdata::svcb::{
    Alpn, EchConfigList, IpHint, Mandatory, SvcParamKey, SvcParamValue, Unknown,
};
use hickory_proto::rr::rdata::{CAA, CERT, HINFO, MX, NAPTR, SOA, SRV, SSHFP, SVCB, TLSA, TXT};
use hickory_proto::rr::{DNSClass, RData, RecordType};

use super::columns::name_text;

/// How many hex characters dig prints before a space (its default `+split=56`).
pub const SPLIT_WIDTH: usize = 56;

/// The presentation text of one record's data, as dig prints it after the type.
pub fn rdata_text(rdata: &RData) -> String {
    match rdata {
        RData::A(a) => a.0.to_string(),
        RData::AAAA(a) => a.0.to_string(),
        RData::NS(ns) => name_text(&ns.0),
        RData::CNAME(c) => name_text(&c.0),
        RData::PTR(p) => name_text(&p.0),
        RData::MX(mx) => mx_text(mx),
        RData::TXT(txt) => txt_text(txt),
        RData::SOA(soa) => soa_text(soa),
        RData::SRV(srv) => srv_text(srv),
        RData::CAA(caa) => caa_text(caa),
        RData::HINFO(h) => hinfo_text(h),
        RData::NAPTR(n) => naptr_text(n),
        RData::SSHFP(s) => sshfp_text(s),
        RData::TLSA(t) => tlsa_text(t),
        RData::CERT(c) => cert_text(c),
        RData::ANAME(a) => name_text(&a.0),
        RData::SVCB(svcb) => svcb_text(svcb),
        RData::HTTPS(https) => svcb_text(&https.0),
        RData::NULL(null) => generic_text(&null.anything),
        RData::Unknown { code, rdata } => crate::dns::dnssec::text(*code, &rdata.anything)
            .unwrap_or_else(|| generic_text(&rdata.anything)),
        RData::Update0(_) => String::new(),
        // Types the simulator never serves (SVCB, HTTPS, CERT, OPENPGPKEY, ...): hickory's
        // presentation form, which may differ from dig's in quoting.
        other => other.to_string(),
    }
}

/// A record type's mnemonic as dig prints it; types without one are `TYPEnnn`.
pub fn type_text(rtype: RecordType) -> String {
    crate::dns::rtype::type_mnemonic(rtype)
}

/// A class's mnemonic as dig prints it; classes without one are `CLASSnnn`.
pub fn class_text(class: DNSClass) -> String {
    match class {
        DNSClass::IN => "IN".into(),
        DNSClass::CH => "CH".into(),
        DNSClass::HS => "HS".into(),
        DNSClass::NONE => "NONE".into(),
        DNSClass::ANY => "ANY".into(),
        DNSClass::OPT(size) => format!("CLASS{size}"),
        DNSClass::Unknown(code) => format!("CLASS{code}"),
    }
}

pub use crate::dns::charstring::quoted;

/// Bytes as upper-case hex, a space after every [`SPLIT_WIDTH`] characters.
pub fn split_hex(bytes: &[u8]) -> String {
    let hex: String = bytes.iter().map(|b| format!("{b:02X}")).collect();
    let chunks: Vec<&str> = hex
        .as_bytes()
        .chunks(SPLIT_WIDTH)
        .map(|c| std::str::from_utf8(c).unwrap_or_default())
        .collect();
    chunks.join(" ")
}

fn mx_text(mx: &MX) -> String {
    format!("{} {}", mx.preference, name_text(&mx.exchange))
}

fn txt_text(txt: &TXT) -> String {
    let parts: Vec<String> = txt.txt_data.iter().map(|s| quoted(s)).collect();
    parts.join(" ")
}

fn soa_text(soa: &SOA) -> String {
    // hickory keeps refresh, retry and expire as i32; on the wire and in dig they are u32.
    format!(
        "{} {} {} {} {} {} {}",
        name_text(&soa.mname),
        name_text(&soa.rname),
        soa.serial,
        soa.refresh as u32,
        soa.retry as u32,
        soa.expire as u32,
        soa.minimum
    )
}

fn srv_text(srv: &SRV) -> String {
    format!(
        "{} {} {} {}",
        srv.priority,
        srv.weight,
        srv.port,
        name_text(&srv.target)
    )
}

fn caa_text(caa: &CAA) -> String {
    format!("{} {} {}", caa.flags(), caa.tag, quoted(&caa.value))
}

fn hinfo_text(h: &HINFO) -> String {
    format!("{} {}", quoted(&h.cpu), quoted(&h.os))
}

fn naptr_text(n: &NAPTR) -> String {
    format!(
        "{} {} {} {} {} {}",
        n.order,
        n.preference,
        quoted(&n.flags),
        quoted(&n.services),
        quoted(&n.regexp),
        name_text(&n.replacement)
    )
}

fn sshfp_text(s: &SSHFP) -> String {
    format!(
        "{} {} {}",
        u8::from(s.algorithm),
        u8::from(s.fingerprint_type),
        split_hex(&s.fingerprint)
    )
}

fn tlsa_text(t: &TLSA) -> String {
    format!(
        "{} {} {} {}",
        u8::from(t.cert_usage),
        u8::from(t.selector),
        u8::from(t.matching),
        split_hex(&t.cert_data)
    )
}

/// SVCB and HTTPS as BIND 9.18 writes them (RFC 9460 presentation): the target name as dig
/// writes names (hickory-proto writes it through IDNA, an `xn--` label in Unicode that no
/// zone file takes back), then the parameters in the order of their keys, each as
/// [`svc_param_text`] writes it.
fn svcb_text(s: &SVCB) -> String {
    let mut text = format!("{} {}", s.svc_priority, name_text(&s.target_name));
    let mut params: Vec<_> = s.svc_params.iter().collect();
    params.sort_by_key(|(key, _)| u16::from(*key));
    for (key, value) in params {
        text.push(' ');
        text.push_str(&svc_param_text(*key, value));
    }
    text
}

/// One SVCB parameter as BIND writes it: lists joined by commas without a trailing one, the
/// ALPN list and an unknown key's value quoted (`alpn="h2,h3"`, `key65000="abc"`), `ech`
/// in base64, a flag (`no-default-alpn`, an empty unknown key) alone.
fn svc_param_text(key: SvcParamKey, value: &SvcParamValue) -> String {
    let list = |items: Vec<String>| items.join(",");
    match value {
        SvcParamValue::Mandatory(Mandatory(keys)) => {
            format!(
                "{key}={}",
                list(keys.iter().map(ToString::to_string).collect())
            )
        }
        SvcParamValue::Alpn(Alpn(ids)) => {
            let ids: Vec<String> = ids.iter().map(|id| alpn_id_text(id.as_bytes())).collect();
            format!("{key}=\"{}\"", list(ids))
        }
        SvcParamValue::NoDefaultAlpn => key.to_string(),
        SvcParamValue::Port(port) => format!("{key}={port}"),
        SvcParamValue::Ipv4Hint(IpHint(ips)) => {
            format!(
                "{key}={}",
                list(ips.iter().map(ToString::to_string).collect())
            )
        }
        SvcParamValue::Ipv6Hint(IpHint(ips)) => {
            format!(
                "{key}={}",
                list(ips.iter().map(ToString::to_string).collect())
            )
        }
        SvcParamValue::EchConfigList(EchConfigList(bytes)) => {
            format!("{key}={}", data_encoding::BASE64.encode(bytes))
        }
        SvcParamValue::Unknown(Unknown(bytes)) if bytes.is_empty() => key.to_string(),
        SvcParamValue::Unknown(Unknown(bytes)) => {
            format!("{key}={}", crate::dns::charstring::quoted(bytes))
        }
    }
}

/// An ALPN id inside the quoted list: a comma or a backslash in it escaped twice (once for
/// the list, once for the string), other octets as a character-string writes them.
fn alpn_id_text(id: &[u8]) -> String {
    let quoted = crate::dns::charstring::quoted(id);
    let inner = &quoted[1..quoted.len() - 1];
    inner.replace(',', "\\\\,")
}

/// CERT as RFC 4398 section 2.2 allows and every reader takes: type, key tag and algorithm
/// as numbers, the data in base64 (hickory-proto writes mnemonics, `Unassigned(899)` among
/// them, that its own reader refuses; BIND's dig would write `PKIX` and `RSASHA256`). Without
/// data (no base64 to write), RFC 3597's generic form.
fn cert_text(c: &CERT) -> String {
    let (cert_type, algorithm) = (u16::from(c.cert_type), u8::from(c.algorithm));
    if c.cert_data.is_empty() {
        let mut wire = cert_type.to_be_bytes().to_vec();
        wire.extend(c.key_tag.to_be_bytes());
        wire.push(algorithm);
        return generic_text(&wire);
    }
    format!(
        "{cert_type} {} {algorithm} {}",
        c.key_tag,
        data_encoding::BASE64.encode(&c.cert_data)
    )
}

/// RFC 3597's form for data dig cannot interpret: `\# LENGTH HEX`.
fn generic_text(bytes: &[u8]) -> String {
    if bytes.is_empty() {
        return "\\# 0".into();
    }
    format!("\\# {} {}", bytes.len(), split_hex(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::dig::test_util::rec;
    use hickory_proto::rr::Name;
    use hickory_proto::rr::rdata::NULL;

    fn text(line: &str) -> String {
        rdata_text(&rec(line).data)
    }

    #[test]
    fn addresses_and_names() {
        assert_eq!(text("a. 1 IN A 192.0.2.10"), "192.0.2.10");
        assert_eq!(text("a. 1 IN AAAA 2001:DB8:0:0::10"), "2001:db8::10");
        assert_eq!(
            text("a. 1 IN NS ns-2.awsdns-00.com."),
            "ns-2.awsdns-00.com."
        );
        assert_eq!(text("a. 1 IN CNAME api.example.com."), "api.example.com.");
        assert_eq!(text("a. 1 IN PTR api.example.com."), "api.example.com.");
        assert_eq!(
            text("a. 1 IN MX 10 mail.api.example.com."),
            "10 mail.api.example.com."
        );
        assert_eq!(
            text("a. 1 IN SRV 10 60 5060 sip.api.example.com."),
            "10 60 5060 sip.api.example.com."
        );
    }

    #[test]
    fn soa_prints_every_field_unsigned() {
        assert_eq!(
            text(
                "a. 1 IN SOA ns-2.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400"
            ),
            "ns-2.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400"
        );
        // hickory holds refresh as i32: a refresh of 2^32-1 seconds arrives as -1.
        let soa = SOA::new(
            Name::from_ascii("a.").unwrap(),
            Name::from_ascii("b.").unwrap(),
            u32::MAX,
            -1,
            1,
            2,
            3,
        );
        assert_eq!(
            rdata_text(&RData::SOA(soa)),
            "a. b. 4294967295 4294967295 1 2 3"
        );
    }

    #[test]
    fn txt_quotes_and_escapes_as_bind() {
        assert_eq!(
            text("a. 1 IN TXT \"v=spf1 include:amazonses.com ~all\""),
            "\"v=spf1 include:amazonses.com ~all\""
        );
        assert_eq!(text("a. 1 IN TXT two strings"), "\"two\" \"strings\"");
        assert_eq!(text("a. 1 IN TXT \"\""), "\"\"");
        let txt = RData::TXT(TXT::from_bytes(vec![
            &b"say \"hi\"; back\\slash"[..],
            "café\ttab".as_bytes(),
        ]));
        assert_eq!(
            rdata_text(&txt),
            "\"say \\\"hi\\\"; back\\\\slash\" \"caf\\195\\169\\009tab\""
        );
    }

    #[test]
    fn caa_quotes_its_value() {
        assert_eq!(
            text("a. 1 IN CAA 0 issue \"amazon.com\""),
            "0 issue \"amazon.com\""
        );
        assert_eq!(text("a. 1 IN CAA 0 issuewild \";\""), "0 issuewild \";\"");
        assert_eq!(
            text("a. 1 IN CAA 128 iodef \"mailto:security@example.com\""),
            "128 iodef \"mailto:security@example.com\""
        );
    }

    #[test]
    fn hinfo_and_naptr_quote_their_strings() {
        assert_eq!(text("a. 1 IN HINFO INTEL LINUX"), "\"INTEL\" \"LINUX\"");
        assert_eq!(
            text("a. 1 IN NAPTR 100 10 \"U\" \"E2U+sip\" \"!^.*$!sip:info@example.com!\" ."),
            "100 10 \"U\" \"E2U+sip\" \"!^.*$!sip:info@example.com!\" ."
        );
    }

    #[test]
    fn hex_is_upper_case_in_56_character_words() {
        assert_eq!(
            text("a. 1 IN SSHFP 1 1 0123456789abcdef0123456789abcdef01234567"),
            "1 1 0123456789ABCDEF0123456789ABCDEF01234567"
        );
        assert_eq!(
            text(
                "a. 1 IN SSHFP 4 2 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
            ),
            "4 2 0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF01234567 89ABCDEF"
        );
        assert_eq!(
            text(
                "a. 1 IN TLSA 3 1 1 0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"
            ),
            "3 1 1 0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF01234567 89ABCDEF"
        );
    }

    #[test]
    fn unknown_types_use_rfc3597() {
        let data = RData::Unknown {
            code: RecordType::Unknown(65280),
            rdata: NULL::with(vec![1, 2, 3]),
        };
        assert_eq!(rdata_text(&data), "\\# 3 010203");
        assert_eq!(type_text(RecordType::Unknown(65280)), "TYPE65280");
        assert_eq!(type_text(RecordType::CAA), "CAA");
    }

    #[test]
    fn classes() {
        assert_eq!(class_text(DNSClass::IN), "IN");
        assert_eq!(class_text(DNSClass::CH), "CH");
        assert_eq!(class_text(DNSClass::Unknown(7)), "CLASS7");
    }
}
