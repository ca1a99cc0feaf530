//! Importing a BIND zone file into a hosted zone, as the Route 53 console's "Import zone
//! file" does: the file is read with BIND's rules (`$ORIGIN`, `$TTL`, relative names, the
//! trailing dot; `$INCLUDE` refused) by [`parse_zone_listing`] with the hosted zone's name as
//! the origin, its SOA and its NS at the zone's name are left out (Route 53 ignores them
//! too), and every other record set goes into the zone through the Route 53 rules as one
//! change batch. Unlike the console, which refuses a file holding records the zone already
//! has and takes at most 1000 records, the import merges (UPSERT) or replaces, as
//! `cli53 import [--replace]` does, with no limit.
//!
//! A pasted fragment without SOA or NS at the apex is accepted: it is read as a listing, and
//! the hosted zone keeps its own (read once, however large).
//! Names that look like a host name whose final dot was forgotten (`ns-1.awsdns-00.com`
//! read as `ns-1.awsdns-00.com.example.com.`) are pointed out in the summary.

use hickory_proto::rr::{Name, RData, RecordType};

use super::batch::{self, Import, ImportMode};
use super::{ImportError, find_hosted_zone};
use crate::dns::internet::tld_zone_id;
use crate::dns::rrset::RecordSet;
use crate::scenario::Scenario;
use crate::scenario::zonefile::parse_zone_listing;

/// Reads `text` (named `file` in messages) as the zone file of hosted zone `zone` (an id or
/// a name) and returns the checked edit that puts its records into the zone.
pub fn import_zone_file(
    s: &Scenario,
    zone: &str,
    file: &str,
    text: &str,
    mode: ImportMode,
) -> Result<Import, ImportError> {
    let hz = find_hosted_zone(s, zone).map_err(|e| ImportError::file(file, e.to_string()))?;
    let origin = hz.name.clone();
    // Read once: a bare listing (no SOA or NS at the apex) is read as it is, and the hosted
    // zone keeps its own SOA and NS.
    let (parsed, missing) = parse_zone_listing(text, &origin, &hz.id, file)?;
    let supplied_type = |t: RecordType| missing.contains(&t);
    if !missing.is_empty() && parsed.get(&origin, RecordType::CNAME).is_some() {
        // The zone's own SOA and NS would sit beside a CNAME at the apex.
        return Err(ImportError::file(
            file,
            format!(
                "nothing was imported: InvalidChangeBatch: [RRSet of type CNAME with DNS name {origin} is not permitted at apex in zone {origin}]"
            ),
        ));
    }
    let sets: Vec<RecordSet> = parsed.into_sets().collect();
    let mut notes = Vec::new();
    if !missing.is_empty() {
        notes.push(format!(
            "The text has no {} at {origin}; that is fine for a hosted zone, which keeps its own.",
            match (
                supplied_type(RecordType::SOA),
                supplied_type(RecordType::NS)
            ) {
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
