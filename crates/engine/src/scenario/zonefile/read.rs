//! The zone-file reader: turns the lexer's entries into a [`Zone`], applying the master-file
//! rules as BIND does (`$ORIGIN`, `$TTL`, relative names, `@`, a blank owner continuing the
//! previous one, RFC 1035 TTL defaults) and BIND's load checks (out-of-zone data, CNAME and
//! other data, one SOA at the origin, NS at the origin). Record data is read by
//! [`rdata_read`] (or, for the types it does not read, by hickory-proto's zone-file
//! [`Parser`]), one record at a time, so every error has a line.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use hickory_proto::rr::rdata::{ANAME, CNAME, NS, PTR};
use hickory_proto::rr::{Name, RData, RecordType};
use hickory_proto::serialize::binary::{BinDecoder, Restrict};
use hickory_proto::serialize::txt::{Parser, parse_ttl};
use rustc_hash::FxHashMap;

use super::ZoneFileError;
use super::lex::{self, Entry, Token};
use crate::dns::Zone;
use crate::dns::charstring::Field;
use crate::dns::dnssec;
use crate::dns::name::{parse_absolute, parse_relative};
use crate::dns::rdata_read;
use crate::dns::rrset::{AliasTarget, RecordSet};
use crate::dns::rtype::{parse_type_mnemonic, type_mnemonic};

/// Reads a whole zone file (see [`super::parse_zone_file`]).
pub(super) fn read(text: &str, origin: &Name, id: &str, file: &str) -> Result<Zone, ZoneFileError> {
    read_with(text, origin, id, file, false).map(|(zone, _)| zone)
}

/// Reads like [`read`], but a zone without SOA or NS at its origin is read all the same
/// (a bare listing of record sets): the types missing there are returned beside the zone.
pub(super) fn read_listing(
    text: &str,
    origin: &Name,
    id: &str,
    file: &str,
) -> Result<(Zone, Vec<RecordType>), ZoneFileError> {
    read_with(text, origin, id, file, true)
}

fn read_with(
    text: &str,
    origin: &Name,
    id: &str,
    file: &str,
    bare: bool,
) -> Result<(Zone, Vec<RecordType>), ZoneFileError> {
    // A byte-order mark, as some editors write, is not part of the first line.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut origin = origin.clone();
    origin.set_fqdn(true);
    let mut reader = Reader {
        text,
        file,
        zone_origin: origin.clone(),
        origin_text: origin.to_string(),
        origin_in_zone: true,
        origin,
        default_ttl: None,
        last_ttl: None,
        owner: None,
        owner_text: None,
        owners: FxHashMap::with_capacity_and_hasher(text.len() / 40, Default::default()),
        values_seen: rustc_hash::FxHashSet::with_capacity_and_hasher(
            text.len() / 40,
            Default::default(),
        ),
        sets: Vec::with_capacity(text.len() / 40),
        aliases: Vec::new(),
        line_buf: String::with_capacity(128),
    };
    let mut lexer = lex::Lexer::new(text);
    let mut entry = Entry::default();
    loop {
        match lexer.next_entry(&mut entry) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                return Err(ZoneFileError {
                    file: file.to_string(),
                    line: Some(e.line),
                    column: Some(lex::column(text, e.offset)),
                    message: e.message,
                    missing_apex: None,
                });
            }
        }
        if entry.annotation {
            reader.annotation(&entry)?;
        } else if !entry.starts_blank && entry.tokens[0].raw.starts_with('$') {
            reader.directive(&entry)?;
        } else {
            reader.record(&entry)?;
        }
    }
    reader.finish(id, bare)
}

/// One record set being collected: its first TTL wins, as in BIND ("TTL set to prior TTL").
struct Draft {
    rtype: RecordType,
    ttl: u32,
    values: Vec<RData>,
    line: usize,
    alias: Option<AliasTarget>,
}

/// A `;$ALIAS` annotation: the record set at `owner`/`rtype` is a Route 53 alias.
struct AliasMark {
    line: usize,
    owner: Name,
    rtype: RecordType,
    ttl: u32,
    dns_name: Name,
    hosted_zone_id: String,
}

struct Reader<'t> {
    text: &'t str,
    file: &'t str,
    zone_origin: Name,
    /// The current `$ORIGIN` (relative names are completed with it).
    origin: Name,
    origin_text: String,
    /// Whether the current `$ORIGIN` is at or below the zone's origin.
    origin_in_zone: bool,
    default_ttl: Option<u32>,
    last_ttl: Option<u32>,
    /// The owner of the previous record, for lines that start with a blank.
    owner: Option<Name>,
    /// The last owner written out, as written (valid until `$ORIGIN` changes).
    owner_text: Option<(&'t str, Name)>,
    /// Where each owner's drafts are in `sets` (names hash cheaply; they compare slowly).
    owners: FxHashMap<Name, usize>,
    /// The hash of every record read (owner, type and value), to find repeats quickly.
    values_seen: rustc_hash::FxHashSet<u64>,
    /// Each owner's drafts, in the order the file first names them.
    sets: Vec<(Name, Vec<Draft>)>,
    aliases: Vec<AliasMark>,
    /// Scratch text handed to hickory-proto's parser, reused between records.
    line_buf: String,
}

/// How a type's record data is written: how many fields, and what they are.
struct Shape {
    min: usize,
    max: Option<usize>,
    expected: &'static str,
    /// Fields that hold domain names (checked one by one when the data does not parse).
    names: &'static [usize],
}

fn shape(rtype: RecordType) -> Option<Shape> {
    let (min, max, expected, names): (usize, Option<usize>, &'static str, &'static [usize]) =
        match rtype {
            RecordType::A => (1, Some(1), "an IPv4 address such as 192.0.2.1", &[]),
            RecordType::AAAA => (1, Some(1), "an IPv6 address such as 2001:db8::1", &[]),
            RecordType::CNAME => (
                1,
                Some(1),
                "the canonical name, such as www.example.com.",
                &[0],
            ),
            RecordType::NS => (
                1,
                Some(1),
                "a name server's host name, such as ns-1.awsdns-00.com.",
                &[0],
            ),
            RecordType::PTR => (1, Some(1), "a domain name, such as host.example.com.", &[0]),
            RecordType::ANAME => (1, Some(1), "a domain name, such as host.example.com.", &[0]),
            RecordType::MX => (
                2,
                Some(2),
                "a preference from 0 to 65535 and a mail server name, such as 10 mail.example.com.",
                &[1],
            ),
            RecordType::SOA => (
                7,
                Some(7),
                "seven fields: primary name server, hostmaster mailbox, serial, refresh, retry, expire and minimum TTL, such as ns-1.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400",
                &[0, 1],
            ),
            RecordType::CAA => (
                3,
                Some(3),
                "flags, a tag and a value, such as 0 issue \"amazon.com\"",
                &[],
            ),
            RecordType::SRV => (
                4,
                Some(4),
                "priority, weight, port and target, such as 10 5 443 host.example.com.",
                &[3],
            ),
            RecordType::TXT => (1, None, "one or more strings, such as \"v=spf1 -all\"", &[]),
            RecordType::SVCB | RecordType::HTTPS => (
                2,
                None,
                "a priority, a target name and parameters, such as 1 . alpn=h2",
                &[1],
            ),
            _ => return None,
        };
    Some(Shape {
        min,
        max,
        expected,
        names,
    })
}

/// Types that may share a name with a CNAME (RFC 4035: the DNSSEC records of that name).
fn beside_cname(rtype: RecordType) -> bool {
    matches!(
        rtype,
        RecordType::CNAME | RecordType::RRSIG | RecordType::NSEC
    )
}

/// Types of which a name holds at most one record.
fn singleton(rtype: RecordType) -> bool {
    matches!(rtype, RecordType::CNAME | RecordType::SOA)
}

impl<'t> Reader<'t> {
    fn at(&self, token: &Token<'_>, message: impl Into<String>) -> ZoneFileError {
        ZoneFileError {
            file: self.file.to_string(),
            line: Some(token.line),
            column: Some(lex::column(self.text, token.offset)),
            message: message.into(),
            missing_apex: None,
        }
    }

    fn on_line(&self, line: usize, message: impl Into<String>) -> ZoneFileError {
        ZoneFileError {
            file: self.file.to_string(),
            line: Some(line),
            column: None,
            message: message.into(),
            missing_apex: None,
        }
    }

    fn set_origin(&mut self, origin: Name) {
        self.origin_in_zone = self.zone_origin.zone_of(&origin);
        self.owner_text = None;
        self.origin_text = origin.to_string();
        self.origin = origin;
    }

    fn directive(&mut self, entry: &Entry<'_>) -> Result<(), ZoneFileError> {
        let head = &entry.tokens[0];
        let args = &entry.tokens[1..];
        let word = head.raw.to_ascii_uppercase();
        let one_arg = |what: &str| -> Result<&Token<'_>, ZoneFileError> {
            match args {
                [arg] => Ok(arg),
                [] => Err(self.at(head, format!("{word} needs {what}"))),
                [_, extra, ..] => Err(self.at(
                    extra,
                    format!(
                        "unexpected \"{}\" after {word}: it takes only {what}",
                        extra.raw
                    ),
                )),
            }
        };
        match word.as_str() {
            "$ORIGIN" => {
                let arg = one_arg("a domain name, such as $ORIGIN example.com.")?;
                let origin = parse_relative(arg.raw, &self.origin)
                    .map_err(|e| self.at(arg, format!("bad $ORIGIN \"{}\": {e}", arg.raw)))?;
                self.set_origin(origin);
            }
            "$TTL" => {
                let arg = one_arg("a TTL, such as $TTL 300 or $TTL 1h")?;
                let ttl = parse_ttl(arg.raw).map_err(|_| {
                    self.at(
                        arg,
                        format!(
                            "bad $TTL \"{}\": expected a number of seconds such as 300, or a duration such as 1h30m",
                            arg.raw
                        ),
                    )
                })?;
                self.default_ttl = Some(ttl);
            }
            "$INCLUDE" => {
                return Err(self.at(
                    head,
                    "$INCLUDE is not supported: a zone is read from this one file only; copy the included records into it",
                ));
            }
            "$GENERATE" => {
                return Err(self.at(
                    head,
                    "$GENERATE is not supported; write the generated records out one per line",
                ));
            }
            _ => {
                return Err(self.at(
                    head,
                    format!(
                        "unknown directive {}; a zone file may use $ORIGIN and $TTL",
                        head.raw
                    ),
                ));
            }
        }
        Ok(())
    }

    /// A `;$ALIAS owner type ttl dns-name hosted-zone-id` line; other `;$` comments are plain.
    fn annotation(&mut self, entry: &Entry<'_>) -> Result<(), ZoneFileError> {
        let head = &entry.tokens[0];
        if !head.raw.eq_ignore_ascii_case("$ALIAS") {
            return Ok(());
        }
        let usage = "a ;$ALIAS line is written ;$ALIAS <owner> <A or AAAA> <TTL> <target DNS name> <hosted zone id>, such as ;$ALIAS www.example.com. A 300 d111111abcdef8.cloudfront.net. Z2FDTNDATAQYW2";
        let [_, owner, rtype, ttl, dns_name, zone_id] = entry.tokens.as_slice() else {
            return Err(self.at(head, usage));
        };
        let owner_name = parse_relative(owner.raw, &self.origin)
            .map_err(|e| self.at(owner, format!("bad owner name \"{}\": {e}", owner.raw)))?;
        let rtype = match rtype.raw.to_ascii_uppercase().as_str() {
            "A" => RecordType::A,
            "AAAA" => RecordType::AAAA,
            _ => return Err(self.at(rtype, usage)),
        };
        let ttl = parse_ttl(ttl.raw).map_err(|_| self.at(ttl, usage))?;
        let dns_name = parse_absolute(dns_name.raw).map_err(|e| {
            self.at(
                dns_name,
                format!("bad alias target \"{}\": {e}", dns_name.raw),
            )
        })?;
        if !self.zone_origin.zone_of(&owner_name) {
            return Err(self.at(owner, self.outside_message(&owner_name)));
        }
        if self
            .aliases
            .iter()
            .any(|m| m.owner == owner_name && m.rtype == rtype)
        {
            return Err(self.at(
                owner,
                format!("a second ;$ALIAS for {owner_name} {rtype}; a record set has at most one alias target"),
            ));
        }
        self.aliases.push(AliasMark {
            line: entry.line,
            owner: owner_name,
            rtype,
            ttl,
            dns_name,
            hosted_zone_id: zone_id.raw.to_string(),
        });
        Ok(())
    }

    fn outside_message(&self, owner: &Name) -> String {
        format!(
            "{owner} is outside the zone {origin}: every name in this file must end in {origin} \
             (a name without a trailing dot is relative to the origin, so write \"www\" or \
             \"www.{origin}\" with the dot)",
            origin = self.zone_origin
        )
    }

    /// An owner name: the previous one again when written the same, else read by
    /// [`zone_name`], with the crate's name checks giving the reason of a bad one.
    fn owner_name(&mut self, token: &Token<'t>) -> Result<Name, ZoneFileError> {
        if let Some((raw, name)) = &self.owner_text
            && *raw == token.raw
        {
            return Ok(name.clone());
        }
        let name = match zone_name(token.raw, &self.origin) {
            Some(name) => name,
            None => parse_relative(token.raw, &self.origin)
                .map_err(|e| self.at(token, format!("bad owner name \"{}\": {e}", token.raw)))?,
        };
        self.owner_text = Some((token.raw, name.clone()));
        Ok(name)
    }

    fn record(&mut self, entry: &Entry<'t>) -> Result<(), ZoneFileError> {
        let mut tokens = entry.tokens.iter();
        let (owner, owner_token) = if entry.starts_blank {
            let Some(owner) = self.owner.clone() else {
                return Err(self.at(
                    &entry.tokens[0],
                    "this line starts with a blank, so it continues the previous record's owner name, but there is no previous record; write the owner name at the start of the line",
                ));
            };
            (owner, None)
        } else {
            let token = tokens.next().expect("entries have tokens");
            if token.quoted {
                return Err(self.at(token, "an owner name cannot be a quoted string"));
            }
            (self.owner_name(token)?, Some(token))
        };

        // [<TTL>] [<class>] <type>, TTL and class in either order.
        let mut ttl = None;
        let mut class_seen = false;
        let mut last = owner_token.unwrap_or(&entry.tokens[0]);
        let (rtype, type_token) = loop {
            let Some(token) = tokens.next() else {
                return Err(self.at(
                    last,
                    format!(
                        "expected a record type (such as A, NS or TXT) after \"{}\"",
                        last.raw
                    ),
                ));
            };
            last = token;
            if token.quoted {
                return Err(self.at(
                    token,
                    format!(
                        "expected a TTL, a class or a record type, found the quoted string \"{}\"",
                        token.raw
                    ),
                ));
            }
            if token.raw.starts_with(|c: char| c.is_ascii_digit()) {
                if ttl.is_some() {
                    return Err(self.at(
                        token,
                        format!(
                            "a second TTL \"{}\"; a record has one TTL, written before its type",
                            token.raw
                        ),
                    ));
                }
                let value = parse_ttl(token.raw).map_err(|_| {
                    self.at(
                        token,
                        format!(
                            "\"{}\" is neither a TTL (a number of seconds such as 300, or a duration such as 1h30m) nor a record type",
                            token.raw
                        ),
                    )
                })?;
                ttl = Some(value);
                continue;
            }
            let upper = token.raw.to_ascii_uppercase();
            if !class_seen && matches!(upper.as_str(), "IN" | "CH" | "CS" | "HS" | "NONE") {
                if upper != "IN" {
                    return Err(self.at(
                        token,
                        format!(
                            "class {upper} is not supported: a zone holds records of class IN (write IN or leave the class out)"
                        ),
                    ));
                }
                class_seen = true;
                continue;
            }
            match parse_type_mnemonic(&upper).ok_or(()) {
                Ok(rtype)
                    if !matches!(
                        rtype,
                        RecordType::ANY | RecordType::AXFR | RecordType::IXFR | RecordType::OPT
                    ) =>
                {
                    break (rtype, token);
                }
                _ => {
                    return Err(self.at(
                        token,
                        format!(
                            "unknown record type \"{}\"; expected a type such as A, AAAA, CNAME, MX, NS, SOA, TXT or CAA",
                            token.raw
                        ),
                    ));
                }
            }
        };

        // A blank owner repeats a checked one; a relative one is in the zone when `$ORIGIN` is.
        let surely_inside = match owner_token {
            None => true,
            Some(t) => self.origin_in_zone && !t.raw.ends_with('.'),
        };
        if !surely_inside && !self.zone_origin.zone_of(&owner) {
            let message = self.outside_message(&owner);
            return Err(match owner_token {
                Some(t) => self.at(t, message),
                None => self.on_line(entry.line, message),
            });
        }
        if rtype == RecordType::SOA && owner != self.zone_origin {
            let message = format!(
                "an SOA record belongs at the zone's origin {}, not at {owner}",
                self.zone_origin
            );
            return Err(match owner_token {
                Some(t) => self.at(t, message),
                None => self.on_line(entry.line, message),
            });
        }

        let data: Vec<&Token<'_>> = tokens.collect();
        let rdata = self.rdata(rtype, type_token, &data)?;

        let ttl = match ttl.or(self.default_ttl).or(self.last_ttl) {
            Some(ttl) => ttl,
            // BIND: "no TTL specified; using SOA MINTTL instead".
            None => match &rdata {
                RData::SOA(soa) => soa.minimum,
                _ => {
                    return Err(self.at(
                        type_token,
                        "this record has no TTL and none is set before it: write one before the type (such as 300), or put a line such as \"$TTL 300\" at the top of the file",
                    ));
                }
            },
        };
        self.last_ttl = Some(ttl);
        self.owner = Some(owner.clone());
        self.insert(owner, owner_token, entry.line, rtype, ttl, rdata)
    }

    /// Parses the record data with hickory-proto (TXT: from the decoded strings directly).
    fn rdata(
        &mut self,
        rtype: RecordType,
        type_token: &Token<'_>,
        data: &[&Token<'_>],
    ) -> Result<RData, ZoneFileError> {
        if let Some(rdata) = self.dnssec_or_generic(rtype, type_token, data)? {
            return Ok(rdata);
        }
        let shape = shape(rtype);
        if let Some(shape) = &shape {
            if data.is_empty() {
                return Err(self.at(
                    type_token,
                    format!(
                        "the {rtype} record has no data; expected {}",
                        shape.expected
                    ),
                ));
            }
            if data.len() < shape.min {
                return Err(self.at(
                    data[data.len() - 1],
                    format!(
                        "the {rtype} record data is incomplete; expected {}",
                        shape.expected
                    ),
                ));
            }
            if let Some(extra) = shape.max.and_then(|max| data.get(max)) {
                return Err(self.at(
                    extra,
                    format!(
                        "unexpected \"{}\" after the {rtype} record data; expected only {}",
                        extra.raw, shape.expected
                    ),
                ));
            }
        } else if data.is_empty() {
            return Err(self.at(type_token, format!("the {rtype} record has no data")));
        }

        if rdata_read::reads(rtype) {
            let fields: Vec<Field<'_>> = data
                .iter()
                .map(|t| Field {
                    raw: t.raw,
                    quoted: t.quoted,
                })
                .collect();
            let origin = &self.origin;
            let name = |text: &str| {
                if text == "@" {
                    return Ok(origin.clone());
                }
                parse_relative(text, origin).map_err(|e| format!("bad name \"{text}\": {e}"))
            };
            return rdata_read::read(rtype, &fields, &name).map_err(|e| {
                let token = e
                    .field
                    .and_then(|i| data.get(i).copied())
                    .unwrap_or(type_token);
                self.at(token, e.message)
            });
        }

        // The commonest types, one field each, without the parser's per-record setup: an
        // address parse (as hickory's parser does), or a name read as BIND reads it.
        if let [token] = data
            && !token.quoted
        {
            let name = || zone_name(token.raw, &self.origin);
            let fast = match rtype {
                RecordType::A => Some(
                    token
                        .raw
                        .parse()
                        .ok()
                        .map(|ip: Ipv4Addr| RData::A(ip.into())),
                ),
                RecordType::AAAA => Some(
                    token
                        .raw
                        .parse()
                        .ok()
                        .map(|ip: Ipv6Addr| RData::AAAA(ip.into())),
                ),
                RecordType::CNAME => Some(name().map(|n| RData::CNAME(CNAME(n)))),
                RecordType::NS => Some(name().map(|n| RData::NS(NS(n)))),
                RecordType::PTR => Some(name().map(|n| RData::PTR(PTR(n)))),
                RecordType::ANAME => Some(name().map(|n| RData::ANAME(ANAME(n)))),
                _ => None,
            };
            match fast {
                Some(Some(rdata)) => return Ok(rdata),
                Some(None) => return Err(self.rdata_error(rtype, shape.as_ref(), data)),
                None => {}
            }
        }

        // hickory-proto reads names through IDNA, which must never see letters outside ASCII.
        if let Some(token) = data.iter().find(|t| !t.quoted && !t.raw.is_ascii()) {
            let reason = parse_relative(token.raw, &self.origin)
                .err()
                .map_or_else(|| "letters outside ASCII".to_string(), |e| e.to_string());
            return Err(self.at(
                token,
                format!("bad {rtype} record data \"{}\": {reason}", token.raw),
            ));
        }

        // SVCB and HTTPS name their target in the second field: read by our name parser (as
        // BIND reads it, escapes and all), with "." in its place for hickory's parser.
        let svcb_target = match (rtype, data.get(1)) {
            (RecordType::SVCB | RecordType::HTTPS, Some(token)) if !token.quoted => {
                match zone_name(token.raw, &self.origin) {
                    Some(name) => Some(name),
                    None => return Err(self.rdata_error(rtype, shape.as_ref(), data)),
                }
            }
            _ => None,
        };

        // One record on one line, owner "@": hickory reads the data with our current origin.
        let mut line = std::mem::take(&mut self.line_buf);
        line.clear();
        line.push_str("@ 0 IN ");
        line.push_str(rtype.into());
        for (index, token) in data.iter().enumerate() {
            // `key="value"` (an SVCB parameter as BIND writes it) is one field: the quoted
            // value right after the `=`, with nothing between.
            let joined = index > 0 && token.quoted && {
                let before = data[index - 1];
                !before.quoted
                    && before.raw.ends_with('=')
                    && before.offset + before.raw.len() == token.offset
            };
            if !joined {
                line.push(' ');
            }
            if index == 1 && svcb_target.is_some() {
                line.push('.');
                continue;
            }
            let as_text = token.quoted || (rtype == RecordType::CAA && index == 2);
            if as_text {
                let bytes = lex::unescape(token.raw).map_err(|e| self.at(token, e))?;
                let text = String::from_utf8(bytes).map_err(|_| {
                    self.at(
                        token,
                        "this string holds octets that are not UTF-8 text; only TXT records may hold such octets",
                    )
                })?;
                // A quoted field that is not a character-string is read by hickory as a name
                // or a number: through IDNA, which must never see letters outside ASCII.
                if !text.is_ascii() && !holds_text(rtype, index) {
                    return Err(self.at(
                        token,
                        format!(
                            "bad {rtype} record data \"{}\": letters outside ASCII are allowed only in a character-string",
                            token.raw
                        ),
                    ));
                }
                line.push('"');
                for c in text.chars() {
                    if c == '"' || c == '\\' {
                        line.push('\\');
                    }
                    line.push(c);
                }
                line.push('"');
            } else if token.raw == "@" {
                line.push_str(&self.origin_text);
            } else {
                line.push_str(token.raw);
            }
        }
        line.push('\n');
        let parsed = Parser::new(line.as_str(), None, Some(self.origin.clone()))
            .parse()
            .ok()
            .and_then(|(_, sets)| sets.into_values().next())
            .and_then(|set| set.into_iter().next())
            .map(|record| crate::dns::rrset::svcb_read(record.data, svcb_target));
        self.line_buf = line;
        match parsed {
            Some(rdata) => Ok(rdata),
            None => Err(self.rdata_error(rtype, shape.as_ref(), data)),
        }
    }

    /// Reads data written in RFC 3597's generic form (`\# LENGTH HEX`, any type), and the
    /// data of the DNSSEC types and ZONEMD (see [`dnssec`]); `None` for anything else.
    fn dnssec_or_generic(
        &self,
        rtype: RecordType,
        type_token: &Token<'_>,
        data: &[&Token<'_>],
    ) -> Result<Option<RData>, ZoneFileError> {
        let raw: Vec<&str> = data.iter().map(|t| t.raw).collect();
        let generic = dnssec::generic::is_generic(&raw);
        if !generic && !dnssec::handles(rtype) {
            return Ok(None);
        }
        let mnemonic = type_mnemonic(rtype);
        if let Some(token) = data.iter().find(|t| t.quoted) {
            return Err(self.at(
                token,
                format!("{mnemonic} record data holds no quoted strings"),
            ));
        }
        let locate = |e: dnssec::DataError| match data.get(e.token) {
            Some(token) => self.at(token, format!("bad {mnemonic} record data: {}", e.message)),
            None => self.at(
                type_token,
                format!("bad {mnemonic} record data: {}", e.message),
            ),
        };
        if !generic {
            if data.is_empty() {
                return Err(self.at(
                    type_token,
                    format!(
                        "the {mnemonic} record has no data; expected {}",
                        dnssec::layout::example(rtype)
                    ),
                ));
            }
            return dnssec::parse(rtype, &raw, &self.origin)
                .map(Some)
                .map_err(locate);
        }
        let octets = dnssec::generic::parse(&raw).map_err(locate)?;
        let malformed = || {
            self.at(
                data[0],
                format!("bad {mnemonic} record data: these octets are not valid {mnemonic} data"),
            )
        };
        if dnssec::handles(rtype) {
            return match dnssec::text(rtype, &octets) {
                Some(_) => Ok(Some(dnssec::rdata(rtype, octets))),
                None => Err(malformed()),
            };
        }
        if let RecordType::Unknown(_) = rtype {
            return Ok(Some(dnssec::rdata(rtype, octets)));
        }
        let mut decoder = BinDecoder::new(&octets);
        let length = Restrict::new(octets.len() as u16);
        match RData::read(&mut decoder, rtype, length) {
            Ok(rdata) if decoder.is_empty() => Ok(Some(rdata)),
            _ => Err(malformed()),
        }
    }

    /// Says which field of record data is wrong: a name with the name parser's reason, else
    /// what the type's data looks like.
    fn rdata_error(
        &self,
        rtype: RecordType,
        shape: Option<&Shape>,
        data: &[&Token<'_>],
    ) -> ZoneFileError {
        for &index in shape.map_or(&[][..], |s| s.names) {
            if let Some(token) = data.get(index)
                && token.raw != "@"
                && let Err(e) = parse_relative(token.raw, &self.origin)
            {
                return self.at(
                    token,
                    format!("bad {rtype} record data \"{}\": {e}", token.raw),
                );
            }
        }
        let written: Vec<&str> = data.iter().map(|t| t.raw).collect();
        let expected = shape.map_or_else(
            || format!("this is not valid {rtype} record data"),
            |s| format!("expected {}", s.expected),
        );
        self.at(
            data[0],
            format!(
                "bad {rtype} record data \"{}\": {expected}",
                written.join(" ")
            ),
        )
    }

    fn insert(
        &mut self,
        owner: Name,
        owner_token: Option<&Token<'_>>,
        line: usize,
        rtype: RecordType,
        ttl: u32,
        rdata: RData,
    ) -> Result<(), ZoneFileError> {
        let locate = |reader: &Self, message: String| match owner_token {
            Some(t) => reader.at(t, message),
            None => reader.on_line(line, message),
        };
        let index = self.owners.get(&owner).copied();
        let existing = index.map_or(&[][..], |i| self.sets[i].1.as_slice());
        let conflict = existing.iter().find(|d| {
            d.rtype != rtype
                && ((rtype == RecordType::CNAME && !beside_cname(d.rtype))
                    || (d.rtype == RecordType::CNAME && !beside_cname(rtype)))
        });
        if let Some(other) = conflict {
            let (cname_line, other_type, other_line) = if rtype == RecordType::CNAME {
                (line, other.rtype, other.line)
            } else {
                (other.line, rtype, line)
            };
            return Err(locate(
                self,
                format!(
                    "CNAME and other data: {owner} has a CNAME (line {cname_line}) and {other_type} data (line {other_line}); a name that has a CNAME can have no other records, so remove one of them or move it to another name"
                ),
            ));
        }
        // The set's records are remembered by hash (a set of 10,000 NS is read in linear
        // time); only a hash seen before is compared value by value.
        let hash = value_hash(&owner, rtype, &rdata);
        if let Some(draft) = existing.iter().find(|d| d.rtype == rtype) {
            if self.values_seen.contains(&hash) && draft.values.contains(&rdata) {
                return Ok(()); // a duplicate record: ignored, as BIND does
            }
            if singleton(rtype) {
                return Err(locate(
                    self,
                    format!(
                        "a second {rtype} record at {owner} (the first is on line {}); a name can have only one {rtype}",
                        draft.line
                    ),
                ));
            }
        }
        self.values_seen.insert(hash);
        let at = self.drafts_at(owner, index);
        match at.iter_mut().find(|d| d.rtype == rtype) {
            Some(draft) => draft.values.push(rdata),
            None => at.push(Draft {
                rtype,
                ttl,
                values: vec![rdata],
                line,
                alias: None,
            }),
        }
        Ok(())
    }

    /// The drafts of `owner` (at `index` in `sets` when it has some already).
    fn drafts_at(&mut self, owner: Name, index: Option<usize>) -> &mut Vec<Draft> {
        let index = index.unwrap_or_else(|| {
            self.owners.insert(owner.clone(), self.sets.len());
            self.sets.push((owner, Vec::new()));
            self.sets.len() - 1
        });
        &mut self.sets[index].1
    }

    fn finish(mut self, id: &str, bare: bool) -> Result<(Zone, Vec<RecordType>), ZoneFileError> {
        for mark in std::mem::take(&mut self.aliases) {
            let index = self.owners.get(&mark.owner).copied();
            let at = self.drafts_at(mark.owner.clone(), index);
            if let Some(cname) = at.iter().find(|d| d.rtype == RecordType::CNAME) {
                let cname_line = cname.line;
                return Err(self.on_line(
                    mark.line,
                    format!(
                        "CNAME and other data: the alias {} {} shares its name with a CNAME (line {cname_line})",
                        mark.owner, mark.rtype
                    ),
                ));
            }
            let target = |addresses| AliasTarget {
                dns_name: mark.dns_name.clone(),
                hosted_zone_id: mark.hosted_zone_id.clone(),
                addresses,
            };
            match at.iter_mut().find(|d| d.rtype == mark.rtype) {
                Some(draft) => {
                    let addresses = std::mem::take(&mut draft.values)
                        .into_iter()
                        .filter_map(|v| match v {
                            RData::A(a) => Some(IpAddr::V4(a.0)),
                            RData::AAAA(a) => Some(IpAddr::V6(a.0)),
                            _ => None,
                        })
                        .collect();
                    draft.ttl = mark.ttl;
                    draft.alias = Some(target(addresses));
                }
                None => at.push(Draft {
                    rtype: mark.rtype,
                    ttl: mark.ttl,
                    values: Vec::new(),
                    line: mark.line,
                    alias: Some(target(Vec::new())),
                }),
            }
        }

        let origin = self.zone_origin.clone();
        let apex = self.owners.get(&origin).map(|&i| &self.sets[i].1);
        let has = |t: RecordType| apex.is_some_and(|sets| sets.iter().any(|d| d.rtype == t));
        let missing: Vec<RecordType> = [RecordType::SOA, RecordType::NS]
            .into_iter()
            .filter(|t| !has(*t))
            .collect();
        if !has(RecordType::SOA) && !bare {
            return Err(ZoneFileError {
                file: self.file.to_string(),
                line: None,
                column: None,
                message: format!(
                    "no SOA record at the zone's origin {origin}; a zone starts with one, such as \"{origin} 900 IN SOA ns-1.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400\""
                ),
                missing_apex: Some(RecordType::SOA),
            });
        }
        if !has(RecordType::NS) && !bare {
            return Err(ZoneFileError {
                file: self.file.to_string(),
                line: None,
                column: None,
                message: format!(
                    "no NS records at the zone's origin {origin}; a zone lists its name servers there, such as \"{origin} 172800 IN NS ns-1.awsdns-00.com.\""
                ),
                missing_apex: Some(RecordType::NS),
            });
        }

        // Canonical order by precomputed keys (one buffer), so that building the zone is linear.
        let mut owners = self.sets;
        let mut keys: Vec<u8> = Vec::with_capacity(owners.len() * 24);
        let mut spans: Vec<(usize, usize)> = Vec::with_capacity(owners.len());
        for (name, _) in &owners {
            let start = keys.len();
            crate::dns::canon::push_key(name, &mut keys);
            spans.push((start, keys.len()));
        }
        let mut order: Vec<usize> = (0..owners.len()).collect();
        order.sort_unstable_by(|&a, &b| {
            keys[spans[a].0..spans[a].1].cmp(&keys[spans[b].0..spans[b].1])
        });
        let sets = order.into_iter().flat_map(|i| {
            let (name, drafts) = std::mem::take(&mut owners[i]);
            let last = drafts.len().saturating_sub(1);
            let mut name = Some(name);
            drafts
                .into_iter()
                .enumerate()
                .map(move |(k, draft)| RecordSet {
                    // The name is cloned for every set but the last, which takes it.
                    name: if k == last {
                        name.take().unwrap_or_default()
                    } else {
                        name.clone().unwrap_or_default()
                    },
                    rtype: draft.rtype,
                    ttl: draft.ttl,
                    values: draft.values,
                    alias: draft.alias,
                })
        });
        let zone = Zone::from_sets(id, origin, sets);
        Ok((zone, missing))
    }
}

/// A name as BIND reads it in a zone file: `@` is the origin, a name without the final dot
/// is relative to it, escapes decoded, case kept (see [`parse_relative`]). `None` for a name
/// that is not valid (the caller asks the crate's checks for the reason).
fn zone_name(raw: &str, origin: &Name) -> Option<Name> {
    if raw == "@" {
        return Some(origin.clone());
    }
    parse_relative(raw, origin).ok()
}

/// A record's hash: its owner, type and value (names hash case-insensitively, as they
/// compare).
fn value_hash(owner: &Name, rtype: RecordType, rdata: &RData) -> u64 {
    use std::hash::{BuildHasher, Hash, Hasher};
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    owner.hash(&mut h);
    rtype.hash(&mut h);
    rdata.hash(&mut h);
    h.finish()
}

/// Whether field `index` of a record of `rtype` is a character-string (which may hold any
/// octets), rather than a name or a number.
fn holds_text(rtype: RecordType, index: usize) -> bool {
    match rtype {
        RecordType::TXT | RecordType::HINFO => true,
        RecordType::CAA => index == 2,
        RecordType::NAPTR => (2..=4).contains(&index),
        // The target name is field 1; the parameters' values are strings.
        RecordType::SVCB | RecordType::HTTPS => index >= 2,
        _ => false,
    }
}
