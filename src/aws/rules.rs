//! Route 53's rules for a change to a record set, with Route 53's own error wording (the
//! text `aws route53 change-resource-record-sets` prints inside `InvalidChangeBatch`).

use hickory_proto::rr::{Name, RecordType};

use crate::dns::rrset::RecordSet;
use crate::dns::zone::Zone;

/// The largest TTL Route 53 accepts.
pub const MAX_TTL: u32 = 2_147_483_647;

/// Checks that `set` may exist in `zone` beside the sets already there (the one it replaces,
/// of the same name and type, excluded). Returns Route 53's message when it may not.
pub fn check_set(zone: &Zone, set: &RecordSet) -> Result<(), String> {
    let name = &set.name;
    let origin = &zone.origin;
    if !origin.zone_of(name) {
        return Err(format!(
            "RRSet with DNS name {name} is not permitted in zone {origin}"
        ));
    }
    if set.ttl > MAX_TTL {
        return Err(format!(
            "Invalid TTL {} for RRSet {name} {}: a TTL is 0 to {MAX_TTL} seconds",
            set.ttl, set.rtype
        ));
    }
    if set.rtype == RecordType::CNAME && name == origin {
        return Err(format!(
            "RRSet of type CNAME with DNS name {name} is not permitted at apex in zone {origin}"
        ));
    }
    if set.rtype == RecordType::SOA && name != origin {
        return Err(format!(
            "RRSet of type SOA with DNS name {name} is not permitted because SOA records are only permitted at the apex of zone {origin}"
        ));
    }
    if set.rtype == RecordType::NS && is_wildcard(name) {
        return Err(format!(
            "RRSet of type NS with DNS name {name} is not permitted: NS records cannot have a wildcard name"
        ));
    }
    if set.alias.is_some() && !matches!(set.rtype, RecordType::A | RecordType::AAAA) {
        return Err(format!(
            "Alias RRSet of type {} with DNS name {name} is not supported here: aliases are A or AAAA",
            set.rtype
        ));
    }
    let others: Vec<RecordType> = zone
        .sets_at(name)
        .iter()
        .map(|s| s.rtype)
        .filter(|t| *t != set.rtype)
        .collect();
    if set.rtype == RecordType::CNAME
        && let Some(other) = others.first()
    {
        return Err(format!(
            "RRSet of type CNAME with DNS name {name} is not permitted because a conflicting RRSet of type {other} with the same DNS name already exists in zone {origin}"
        ));
    }
    if set.rtype != RecordType::CNAME && others.contains(&RecordType::CNAME) {
        return Err(format!(
            "RRSet of type {} with DNS name {name} is not permitted because a conflicting RRSet of type CNAME with the same DNS name already exists in zone {origin}",
            set.rtype
        ));
    }
    if set.values.is_empty() && set.alias.is_none() {
        return Err(format!(
            "RRSet of type {} with DNS name {name} has no values",
            set.rtype
        ));
    }
    Ok(())
}

/// Checks that the set of `rtype` at `name` may be deleted.
pub fn check_delete(zone: &Zone, name: &Name, rtype: RecordType) -> Result<(), String> {
    if name == &zone.origin && rtype == RecordType::SOA {
        return Err("A HostedZone must contain exactly one SOA record.".into());
    }
    if name == &zone.origin && rtype == RecordType::NS {
        return Err("A HostedZone must contain at least one NS record for the zone itself.".into());
    }
    Ok(())
}

fn is_wildcard(name: &Name) -> bool {
    name.iter().next().is_some_and(|l| l == b"*")
}
