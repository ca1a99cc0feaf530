//! Writing a zone as a BIND-style zone file: `$ORIGIN`, then one record per line with
//! absolute names, explicit TTL and class, in aligned columns; names in canonical order,
//! and at each name SOA, then NS, then the other types (occluded data below cuts included,
//! as BIND keeps it).
//! Route 53 aliases are written as the addresses they answer with, after a `;$ALIAS` line
//! that BIND reads as a comment and [`super::parse_zone_file`] reads back as the alias.

use std::fmt::Write;
use std::net::IpAddr;

use hickory_proto::rr::{Name, RData, RecordType};

use crate::dns::Zone;
use crate::dns::rrset::{ALIAS_TTL, RecordSet};
use crate::dns::rtype::type_mnemonic;

/// One line of the output.
enum Line {
    Annotation(String),
    Record {
        owner: String,
        ttl: u32,
        rtype: RecordType,
        data: String,
    },
}

pub(super) fn render(zone: &Zone) -> String {
    let mut lines = Vec::with_capacity(zone.len() * 2);
    let mut group: Vec<&RecordSet> = Vec::new();
    for set in zone.iter() {
        if group
            .first()
            .is_some_and(|first| !same_name(&first.name, &set.name))
        {
            push_group(&mut group, &mut lines);
        }
        group.push(set);
    }
    push_group(&mut group, &mut lines);

    let (mut owner_w, mut ttl_w, mut type_w) = (0, 0, 0);
    for line in &lines {
        if let Line::Record {
            owner, ttl, rtype, ..
        } = line
        {
            owner_w = owner_w.max(owner.len());
            ttl_w = ttl_w.max(ttl.to_string().len());
            type_w = type_w.max(type_mnemonic(*rtype).len());
        }
    }

    let mut out = String::with_capacity(lines.len() * (owner_w + 40));
    let _ = writeln!(out, "$ORIGIN {}", absolute(&zone.origin));
    for line in lines {
        match line {
            Line::Annotation(text) => {
                out.push_str(&text);
                out.push('\n');
            }
            Line::Record {
                owner,
                ttl,
                rtype,
                data,
            } => {
                let rtype = type_mnemonic(rtype);
                let _ = writeln!(
                    out,
                    "{owner:<owner_w$}  {ttl:<ttl_w$}  IN  {rtype:<type_w$}  {data}"
                );
            }
        }
    }
    out
}

/// Whether two names are equal, with cheap checks first (names compare slowly).
fn same_name(a: &Name, b: &Name) -> bool {
    a.len() == b.len() && a.num_labels() == b.num_labels() && a == b
}

/// Writes the sets of one name: SOA first, then NS (a zone's apex, or a cut before the data
/// it occludes), then the other types in numeric order.
fn push_group(group: &mut Vec<&RecordSet>, lines: &mut Vec<Line>) {
    group.sort_by_key(|s| match s.rtype {
        RecordType::SOA => 0,
        RecordType::NS => 1,
        other => 2 + u32::from(u16::from(other)),
    });
    // One name, one spelling: a reader (ours, BIND's) keeps the case of a name's first line
    // for every set at it, so the name is written as the first set has it.
    let Some(first) = group.first() else {
        return;
    };
    let owner = absolute(&first.name);
    for set in group.drain(..) {
        push_set(set, &owner, lines);
    }
}

fn push_set(set: &RecordSet, owner: &str, lines: &mut Vec<Line>) {
    let owner = owner.to_string();
    if let Some(alias) = &set.alias {
        lines.push(Line::Annotation(format!(
            ";$ALIAS {owner} {} {} {} {}",
            set.rtype,
            set.ttl,
            absolute(&alias.dns_name),
            alias.hosted_zone_id
        )));
        for addr in &alias.addresses {
            let data = match (addr, set.rtype) {
                (IpAddr::V4(v4), RecordType::A) => v4.to_string(),
                (IpAddr::V6(v6), RecordType::AAAA) => v6.to_string(),
                _ => continue,
            };
            lines.push(Line::Record {
                owner: owner.clone(),
                ttl: ALIAS_TTL,
                rtype: set.rtype,
                data,
            });
        }
        return;
    }
    for value in &set.values {
        lines.push(Line::Record {
            owner: owner.clone(),
            ttl: set.ttl,
            rtype: set.rtype,
            data: rdata_text(value),
        });
    }
}

/// A name with its trailing dot, whatever its `is_fqdn` flag says, as BIND writes it
/// (escapes the reader reads back; `xn--` labels as they are).
fn absolute(name: &Name) -> String {
    crate::dns::name::text(name)
}

/// Record data in presentation form, readable back by the zone-file reader: as dig prints
/// it (names absolute, character strings quoted with `\"`, `\\` and `\DDD` escapes, the
/// same octets back), hickory's form for the types dig's printer leaves to it.
pub(crate) fn rdata_text(rdata: &RData) -> String {
    match rdata {
        RData::CNAME(_)
        | RData::NS(_)
        | RData::PTR(_)
        | RData::MX(_)
        | RData::SOA(_)
        | RData::SRV(_)
        | RData::TXT(_)
        | RData::CAA(_)
        | RData::HINFO(_)
        | RData::NAPTR(_)
        | RData::CERT(_)
        | RData::ANAME(_)
        | RData::SVCB(_)
        | RData::HTTPS(_)
        // DNSSEC types and ZONEMD as dig prints them (names absolute); other types without a
        // parser here as RFC 3597 data.
        | RData::Unknown { .. } => crate::dns::dig::rdata_text(rdata),
        other => other.to_string(),
    }
}
