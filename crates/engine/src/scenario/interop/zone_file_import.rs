//! Importing a BIND zone file into a hosted zone, as the Route 53 console's "Import zone
//! file" does: the file is read with BIND's rules (`$ORIGIN`, `$TTL`, relative names, the
//! trailing dot; `$INCLUDE` refused) by [`parse_zone_file`] with the hosted zone's name as
//! the origin, its SOA and its NS at the zone's name are left out (Route 53 ignores them
//! too), and every other record set goes into the zone through the Route 53 rules as one
//! change batch. Unlike the console, which refuses a file holding records the zone already
//! has and takes at most 1000 records, the import merges (UPSERT) or replaces, as
//! `cli53 import [--replace]` does, with no limit.
//!
//! A pasted fragment without SOA or NS at the apex is accepted: the reader needs them, so
//! the hosted zone's own are supplied after the text (line numbers stay those of the text).
//! Names that look like a host name whose final dot was forgotten (`ns-1.awsdns-00.com`
//! read as `ns-1.awsdns-00.com.example.com.`) are pointed out in the summary.

use hickory_proto::rr::{Name, RData, RecordType};

use super::batch::{self, Import, ImportMode};
use super::{ImportError, find_hosted_zone};
use crate::dns::internet::tld_zone_id;
use crate::dns::rrset::RecordSet;
use crate::scenario::Scenario;
use crate::scenario::zonefile::parse_zone_file;

/// Reads `text` (named `file` in messages) as the zone file of hosted zone `zone` (an id or
/// a name) and returns the checked edit that puts its records into the zone.
pub fn import_zone_file(
    s: &Scenario,
    zone: &str,
    file: &str,
    text: &str,
    mode: ImportMode,
) -> Result<Import, ImportError> {
    let hz = find_hosted_zone(s, zone).map_err(|e| ImportError::file(file, e))?;
    let origin = hz.name.clone();
    let first_ns = hz
        .name_servers()
        .first()
        .map_or_else(|| "ns-1.awsdns-00.com.".to_string(), ToString::to_string);
    let soa = format!(
        "{origin} 900 IN SOA {first_ns} awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400\n"
    );
    let ns = format!("{origin} 172800 IN NS {first_ns}\n");

    let mut supplied = String::new();
    let parsed = loop {
        let full = if supplied.is_empty() {
            std::borrow::Cow::Borrowed(text)
        } else {
            std::borrow::Cow::Owned(format!("{text}\n{supplied}"))
        };
        match parse_zone_file(&full, &origin, &hz.id, file) {
            Ok(zone) => break zone,
            Err(e) if e.missing_apex == Some(RecordType::SOA) && !supplied.contains(" SOA ") => {
                supplied.push_str(&soa);
            }
            Err(e) if e.missing_apex == Some(RecordType::NS) && !supplied.contains(" NS ") => {
                supplied.push_str(&ns);
            }
            Err(e) if e.line.is_some_and(|line| line > text.lines().count()) => {
                // Only the supplied apex records can clash, and only with a CNAME there.
                return Err(ImportError::file(
                    file,
                    format!(
                        "nothing was imported: InvalidChangeBatch: [RRSet of type CNAME with DNS name {origin} is not permitted at apex in zone {origin}]"
                    ),
                ));
            }
            Err(e) => return Err(e.into()),
        }
    };

    // The supplied apex records are not the text's: leave them out before counting.
    let supplied_type = |t: RecordType| match t {
        RecordType::SOA => supplied.contains(" SOA "),
        RecordType::NS => supplied.contains(" NS "),
        _ => false,
    };
    let sets: Vec<RecordSet> = parsed
        .iter()
        .filter(|set| !(set.name == origin && supplied_type(set.rtype)))
        .cloned()
        .collect();
    let mut notes = Vec::new();
    if !supplied.is_empty() {
        notes.push(format!(
            "The text has no {} at {origin}; that is fine for a hosted zone, which keeps its own.",
            match (supplied.contains(" SOA "), supplied.contains(" NS ")) {
                (true, true) => "SOA or NS",
                (true, false) => "SOA",
                _ => "NS",
            }
        ));
    }
    for set in &sets {
        for target in targets(set) {
            if let Some(meant) = missing_final_dot(s, &origin, target) {
                notes.push(format!(
                    "{target} (the {} value at {}) looks like {meant} without its final dot: a zone file reads a name without a final dot as relative to the origin; write {meant} if that is what was meant.",
                    set.rtype, set.name
                ));
            }
        }
    }
    batch::build(s, hz, file, sets, mode, notes)
}

/// The names inside a set's values.
fn targets(set: &RecordSet) -> Vec<&Name> {
    set.values
        .iter()
        .filter_map(|v| match v {
            RData::NS(ns) => Some(&ns.0),
            RData::CNAME(c) => Some(&c.0),
            RData::PTR(p) => Some(&p.0),
            RData::MX(mx) => Some(&mx.exchange),
            RData::SRV(srv) => Some(&srv.target),
            _ => None,
        })
        .collect()
}

/// `ns-1.awsdns-00.com.example.com.` in `example.com.`: the part before the origin ends in a
/// top-level domain, so it is most likely `ns-1.awsdns-00.com.` with its dot forgotten.
fn missing_final_dot(s: &Scenario, origin: &Name, target: &Name) -> Option<Name> {
    if target == origin || !origin.zone_of(target) {
        return None;
    }
    let keep = usize::from(target.num_labels() - origin.num_labels());
    let mut meant = Name::from_labels(target.iter().take(keep)).ok()?;
    meant.set_fqdn(true);
    (meant.num_labels() >= 2 && tld_zone_id(&s.world, &meant).is_some()).then_some(meant)
}
