//! Zone files (RFC 1035 section 5, as BIND reads them): reading one into a [`Zone`] with
//! errors that name the file, line and column, and writing a zone back as a zone file.
//!
//! Reading follows BIND's master-file rules: `$ORIGIN` (relative to the current origin),
//! `$TTL`, names relative to the origin unless they end in a dot (so `ns-1.awsdns-00.com`
//! inside `example.com`'s file is `ns-1.awsdns-00.com.example.com.`, as BIND reads it), `@`
//! for the origin, a line that starts with a blank continuing the previous owner,
//! parentheses, comments, quoted strings. A record without a TTL takes the `$TTL`, else the
//! previous record's TTL; the SOA alone may fall back to its minimum field.
//!
//! Our own lexer splits the text (so every error has a line and column, and quoted strings,
//! parentheses and `\DDD` escapes are read as BIND reads them). Names everywhere (owners and
//! names in data) are read by [`crate::dns::name`] as BIND reads them: escapes decoded, case
//! kept, any printable ASCII; letters outside ASCII are refused with their Punycode form.
//! Addresses are parsed as hickory-proto parses them; the data of TXT, HINFO, CAA, NAPTR,
//! MX, SRV and SOA by [`crate::dns::rdata_read`] (character strings byte for byte, exactly
//! the fields the type has); other types by hickory-proto's zone-file
//! [`Parser`](hickory_proto::serialize::txt::Parser), one record at a time.
//!
//! The zone must load in BIND (`named-checkzone -i local`), with one difference: data
//! outside the origin is an error here, where BIND only warns and drops it. Refused, with
//! the line: `$INCLUDE` (a zone is one text), a class other than IN, CNAME and other data at
//! one name, a second CNAME or SOA, an SOA away from the origin; and a zone without SOA or NS
//! at its origin. Like BIND, an identical record given twice is kept once, and a record set
//! whose records give different TTLs keeps the first one. Data below a zone cut is kept.
//!
//! One extension, for Route 53 aliases, which zone files cannot express: a comment line
//! `;$ALIAS <owner> <A|AAAA> <ttl> <target DNS name> <hosted zone id>` makes that record set
//! an alias whose addresses are the file's records of that owner and type. BIND sees only
//! a comment and serves the addresses.

mod lex;
mod read;
mod render;

use hickory_proto::rr::Name;

use crate::dns::Zone;

/// A zone file that does not load: which file, where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneFileError {
    /// The file as the user knows it, e.g. `zones/example.com.zone`.
    pub file: String,
    /// 1-based line, when the error belongs to one (a missing SOA belongs to none).
    pub line: Option<usize>,
    /// 1-based column in characters, when known.
    pub column: Option<usize>,
    /// What is wrong and what was expected.
    pub message: String,
    /// The record type the zone lacks at its origin (SOA or NS), when that is what is wrong:
    /// an import of a bare listing supplies the hosted zone's own.
    pub missing_apex: Option<hickory_proto::rr::RecordType>,
}

impl std::fmt::Display for ZoneFileError {
    /// `example.com.zone:12:5: message`, `example.com.zone:12: message` or `example.com.zone: message`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ZoneFileError {}

/// Reads the zone file `text` of the zone `origin` into a [`Zone`] with id `id`.
/// `file_label` names the file in errors (e.g. `zones/example.com.zone`).
pub fn parse_zone_file(
    text: &str,
    origin: &Name,
    id: &str,
    file_label: &str,
) -> Result<Zone, ZoneFileError> {
    read::read(text, origin, id, file_label)
}

/// Reads `text` as [`parse_zone_file`] does, except that a listing without SOA or NS at
/// the origin is read all the same: the zone, and the apex types it lacks (SOA, NS).
pub fn parse_zone_listing(
    text: &str,
    origin: &Name,
    id: &str,
    file_label: &str,
) -> Result<(Zone, Vec<hickory_proto::rr::RecordType>), ZoneFileError> {
    read::read_listing(text, origin, id, file_label)
}

/// Writes `zone` as a BIND-style zone file that [`parse_zone_file`] reads back into an equal
/// zone (given absolute names, as every parser of this crate makes them).
pub fn render_zone_file(zone: &Zone) -> String {
    render::render(zone)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::n;
    use hickory_proto::rr::RecordType;

    const HEAD: &str = "$TTL 300\n@ 900 IN SOA ns-1.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400\n@ 172800 IN NS ns-1.awsdns-00.com.\n";

    fn parse(body: &str) -> Result<Zone, ZoneFileError> {
        parse_zone_file(
            &format!("{HEAD}{body}"),
            &n("example.com."),
            "example.com.",
            "example.com.zone",
        )
    }

    fn error(body: &str) -> String {
        parse(body).unwrap_err().to_string()
    }

    fn values(zone: &Zone, name: &str, rtype: RecordType) -> Vec<String> {
        zone.get(&n(name), rtype)
            .map(|s| s.value_texts())
            .unwrap_or_default()
    }

    #[test]
    fn names_without_a_dot_are_relative_as_in_bind() {
        let zone = parse("api NS ns-2.awsdns-00.com\nwww CNAME @\n").unwrap();
        assert_eq!(
            values(&zone, "api.example.com.", RecordType::NS),
            vec!["ns-2.awsdns-00.com.example.com."]
        );
        assert_eq!(
            values(&zone, "www.example.com.", RecordType::CNAME),
            vec!["example.com."]
        );
    }

    #[test]
    fn origin_ttl_and_blank_owners() {
        let zone = parse(
            "$ORIGIN sub\nx 60 A 192.0.2.1\n   A 192.0.2.2\ny A 192.0.2.3\n$ORIGIN example.com.\nz IN 1h TXT hi\n",
        )
        .unwrap();
        let x = zone.get(&n("x.sub.example.com."), RecordType::A).unwrap();
        assert_eq!((x.ttl, x.value_texts().len()), (60, 2));
        assert_eq!(
            zone.get(&n("y.sub.example.com."), RecordType::A)
                .unwrap()
                .ttl,
            300
        );
        assert_eq!(
            zone.get(&n("z.example.com."), RecordType::TXT).unwrap().ttl,
            3600
        );
    }

    #[test]
    fn without_ttl_directive_the_previous_ttl_applies() {
        let text = "@ IN SOA a.example.com. h.example.com. 1 2 3 4 5\n@ NS a\na 60 A 192.0.2.1\nb A 192.0.2.2\n";
        let zone = parse_zone_file(text, &n("example.com"), "z", "z.zone").unwrap();
        assert_eq!(zone.soa().unwrap().ttl, 5);
        assert_eq!(zone.apex_ns().unwrap().ttl, 5);
        assert_eq!(
            zone.get(&n("b.example.com"), RecordType::A).unwrap().ttl,
            60
        );
        let err = parse_zone_file("@ NS a\n", &n("example.com"), "z", "z.zone").unwrap_err();
        assert_eq!(
            err.to_string(),
            "z.zone:1:3: this record has no TTL and none is set before it: write one before the type (such as 300), or put a line such as \"$TTL 300\" at the top of the file"
        );
    }

    #[test]
    fn duplicates_are_dropped_and_the_first_ttl_wins() {
        let zone = parse("w A 192.0.2.1\nw 60 A 192.0.2.1\nw 60 A 192.0.2.2\n").unwrap();
        let w = zone.get(&n("w.example.com."), RecordType::A).unwrap();
        assert_eq!(
            (w.ttl, w.value_texts()),
            (300, vec!["192.0.2.1".to_string(), "192.0.2.2".to_string()])
        );
    }

    #[test]
    fn a_large_set_keeps_each_value_once_in_file_order() {
        // 3,000 NS records at one name, every one written twice (the second time in upper
        // case, which names the same server): each server is kept once, in file order.
        let mut text = String::new();
        for i in 0..3000 {
            text.push_str(&format!("big NS ns{i}.example.net.\n"));
        }
        for i in (0..3000).rev() {
            text.push_str(&format!("big NS NS{i}.EXAMPLE.NET.\n"));
        }
        text.push_str("w A 192.0.2.1\nother NS ns0.example.net.\n");
        let zone = parse(&text).unwrap();
        let big = zone.get(&n("big.example.com."), RecordType::NS).unwrap();
        assert_eq!(big.values.len(), 3000);
        assert_eq!(big.value_texts()[0], "ns0.example.net.");
        assert_eq!(big.value_texts()[2999], "ns2999.example.net.");
        // The same value at another name is another record.
        let other = zone.get(&n("other.example.com."), RecordType::NS).unwrap();
        assert_eq!(other.values.len(), 1);
    }

    #[test]
    fn errors_say_where_and_what() {
        assert_eq!(
            error("www CNAME a\nwww A 192.0.2.1\n"),
            "example.com.zone:5:1: CNAME and other data: www.example.com. has a CNAME (line 4) and A data (line 5); a name that has a CNAME can have no other records, so remove one of them or move it to another name"
        );
        assert_eq!(
            error("www CNAME a\nwww CNAME b\n"),
            "example.com.zone:5:1: a second CNAME record at www.example.com. (the first is on line 4); a name can have only one CNAME"
        );
        assert_eq!(
            error("www 300 CH A 192.0.2.1\n"),
            "example.com.zone:4:9: class CH is not supported: a zone holds records of class IN (write IN or leave the class out)"
        );
        assert_eq!(
            error("www 3OO A 192.0.2.1\n"),
            "example.com.zone:4:5: \"3OO\" is neither a TTL (a number of seconds such as 300, or a duration such as 1h30m) nor a record type"
        );
        assert_eq!(
            error("www A 192.0.2.1 192.0.2.2\n"),
            "example.com.zone:4:17: unexpected \"192.0.2.2\" after the A record data; expected only an IPv4 address such as 192.0.2.1"
        );
        assert_eq!(
            error("www MX 10\n"),
            "example.com.zone:4:8: the MX record data is incomplete; expected a preference from 0 to 65535 and a mail server name, such as 10 mail.example.com."
        );
        assert_eq!(
            error("www MX mail 10\n"),
            "example.com.zone:4:8: \"mail\" is not an MX preference: a number from 0 to 65535"
        );
        assert_eq!(
            error("sub SOA a. b. 1 2 3 4 5\n"),
            "example.com.zone:4:1: an SOA record belongs at the zone's origin example.com., not at sub.example.com."
        );
        assert_eq!(
            error("  ( A 192.0.2.1\n"),
            "example.com.zone:4:3: the '(' here is never closed; add a ')' at the end of the record"
        );
        assert_eq!(
            error("$FOO bar\n"),
            "example.com.zone:4:1: unknown directive $FOO; a zone file may use $ORIGIN and $TTL"
        );
    }

    #[test]
    fn more_mistakes_and_their_messages() {
        let cases = [
            (
                "$TTL 5 minutes\n",
                "example.com.zone:4:8: unexpected \"minutes\" after $TTL: it takes only a TTL, such as $TTL 300 or $TTL 1h",
            ),
            (
                "$TTL 5x\n",
                "example.com.zone:4:6: bad $TTL \"5x\": expected a number of seconds such as 300, or a duration such as 1h30m",
            ),
            (
                "$ORIGIN\n",
                "example.com.zone:4:1: $ORIGIN needs a domain name, such as $ORIGIN example.com.",
            ),
            (
                "\"www\" A 192.0.2.1\n",
                "example.com.zone:4:1: an owner name cannot be a quoted string",
            ),
            (
                "www A 192.0.2.1 )\n",
                "example.com.zone:4:17: a ')' without a '(' before it",
            ),
            (
                "www\n",
                "example.com.zone:4:1: expected a record type (such as A, NS or TXT) after \"www\"",
            ),
            (
                "www TXT \"\\300\"\n",
                "example.com.zone:4:9: the escape \\300 is not an octet; write \\000 to \\255",
            ),
            (
                "@ CAA 0 \"\" \"amazon.com\"\n",
                "example.com.zone:4:9: \"\" is not a CAA tag: a tag is 1 to 15 letters and digits, such as issue, issuewild or iodef (RFC 8659)",
            ),
        ];
        for (body, expected) in cases {
            assert_eq!(error(body), expected, "{body}");
        }
        let long = format!("x TXT \"{}\"\n", "a".repeat(256));
        assert_eq!(
            error(&long),
            "example.com.zone:4:7: this TXT string is 256 bytes long; a string holds at most 255, so split it into several quoted strings"
        );
        let bom = format!("\u{feff}{HEAD}");
        assert!(parse_zone_file(&bom, &n("example.com."), "z", "z.zone").is_ok());
    }

    #[test]
    fn a_zone_needs_ns_at_its_origin() {
        let text = "$TTL 60\n@ SOA a. b. 1 2 3 4 5\n";
        assert_eq!(
            parse_zone_file(text, &n("example.com"), "z", "z.zone")
                .unwrap_err()
                .to_string(),
            "z.zone: no NS records at the zone's origin example.com.; a zone lists its name servers there, such as \"example.com. 172800 IN NS ns-1.awsdns-00.com.\""
        );
    }

    #[test]
    fn aliases_read_back_from_their_annotation() {
        let zone = parse(
            ";$ALIAS www A 300 d111111abcdef8.cloudfront.net. Z2FDTNDATAQYW2\nwww 60 A 192.0.2.7\n",
        )
        .unwrap();
        let www = zone.get(&n("www.example.com."), RecordType::A).unwrap();
        let alias = www.alias.as_ref().unwrap();
        assert_eq!(www.ttl, 300);
        assert!(www.values.is_empty());
        assert_eq!(alias.hosted_zone_id, "Z2FDTNDATAQYW2");
        assert_eq!(
            alias.addresses,
            vec!["192.0.2.7".parse::<std::net::IpAddr>().unwrap()]
        );
        assert_eq!(
            parse_zone_file(
                &render_zone_file(&zone),
                &n("example.com."),
                "example.com.",
                "x"
            )
            .unwrap(),
            zone
        );
    }
}
