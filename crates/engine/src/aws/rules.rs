//! Route 53's rules for a change to a record set, with Route 53's own error wording (the
//! text `aws route53 change-resource-record-sets` prints inside `InvalidChangeBatch`): each
//! refusal is a [`ChangeError`] variant, its message Route 53's.

use hickory_proto::rr::{Name, RecordType};
use thiserror::Error;

use crate::dns::rrset::RecordSet;
use crate::dns::zone::Zone;

/// Why Route 53 refuses one change of a batch (names boxed: the error stays small).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ChangeError {
    #[error("RRSet with DNS name {name} is not permitted in zone {origin}")]
    OutsideZone { name: Box<Name>, origin: Box<Name> },
    #[error("Invalid TTL {ttl} for RRSet {name} {rtype}: a TTL is 0 to {MAX_TTL} seconds")]
    BadTtl {
        name: Box<Name>,
        rtype: RecordType,
        ttl: u32,
    },
    #[error("RRSet of type CNAME with DNS name {name} is not permitted at apex in zone {origin}")]
    CnameAtApex { name: Box<Name>, origin: Box<Name> },
    #[error(
        "RRSet of type SOA with DNS name {name} is not permitted because SOA records are only permitted at the apex of zone {origin}"
    )]
    SoaBelowApex { name: Box<Name>, origin: Box<Name> },
    #[error(
        "RRSet of type NS with DNS name {name} is not permitted: NS records cannot have a wildcard name"
    )]
    WildcardNs { name: Box<Name> },
    #[error(
        "Alias RRSet of type {rtype} with DNS name {name} is not supported here: aliases are A or AAAA"
    )]
    AliasType { name: Box<Name>, rtype: RecordType },
    /// A set beside a CNAME, or a CNAME beside another set (`existing` is the one there).
    #[error(
        "RRSet of type {rtype} with DNS name {name} is not permitted because a conflicting RRSet of type {existing} with the same DNS name already exists in zone {origin}"
    )]
    CnameConflict {
        name: Box<Name>,
        rtype: RecordType,
        existing: RecordType,
        origin: Box<Name>,
    },
    #[error("RRSet of type {rtype} with DNS name {name} has no values")]
    NoValues { name: Box<Name>, rtype: RecordType },
    #[error(
        "Tried to create resource record set [name='{name}', type='{rtype}'] but it already exists"
    )]
    AlreadyExists { name: Box<Name>, rtype: RecordType },
    #[error(
        "Tried to delete resource record set [name='{name}', type='{rtype}'] but it was not found"
    )]
    NotFound { name: Box<Name>, rtype: RecordType },
    #[error(
        "Tried to delete resource record set [name='{name}', type='{rtype}'] but the values provided do not match the current values"
    )]
    ValuesDiffer { name: Box<Name>, rtype: RecordType },
    #[error("A HostedZone must contain exactly one SOA record.")]
    ApexSoa,
    #[error("A HostedZone must contain at least one NS record for the zone itself.")]
    ApexNs,
}

/// The largest TTL Route 53 accepts.
pub const MAX_TTL: u32 = 2_147_483_647;

/// Checks that `set` may exist in `zone` beside the sets already there (the one it replaces,
/// of the same name and type, excluded). Returns Route 53's message when it may not.
pub fn check_set(zone: &Zone, set: &RecordSet) -> Result<(), ChangeError> {
    let name = &set.name;
    let origin = &zone.origin;
    let (n, o, rtype) = (
        || Box::new(name.clone()),
        || Box::new(origin.clone()),
        set.rtype,
    );
    if !origin.zone_of(name) {
        return Err(ChangeError::OutsideZone {
            name: n(),
            origin: o(),
        });
    }
    if set.ttl > MAX_TTL {
        return Err(ChangeError::BadTtl {
            name: n(),
            rtype,
            ttl: set.ttl,
        });
    }
    if rtype == RecordType::CNAME && name == origin {
        return Err(ChangeError::CnameAtApex {
            name: n(),
            origin: o(),
        });
    }
    if rtype == RecordType::SOA && name != origin {
        return Err(ChangeError::SoaBelowApex {
            name: n(),
            origin: o(),
        });
    }
    if rtype == RecordType::NS && is_wildcard(name) {
        return Err(ChangeError::WildcardNs { name: n() });
    }
    if set.alias.is_some() && !matches!(rtype, RecordType::A | RecordType::AAAA) {
        return Err(ChangeError::AliasType { name: n(), rtype });
    }
    let others: Vec<RecordType> = zone
        .sets_at(name)
        .iter()
        .map(|s| s.rtype)
        .filter(|t| *t != rtype)
        .collect();
    let conflict = if rtype == RecordType::CNAME {
        others.first().copied()
    } else {
        others
            .contains(&RecordType::CNAME)
            .then_some(RecordType::CNAME)
    };
    if let Some(existing) = conflict {
        return Err(ChangeError::CnameConflict {
            name: n(),
            rtype,
            existing,
            origin: o(),
        });
    }
    if set.values.is_empty() && set.alias.is_none() {
        return Err(ChangeError::NoValues { name: n(), rtype });
    }
    Ok(())
}

/// Checks that the set of `rtype` at `name` may be deleted.
pub fn check_delete(zone: &Zone, name: &Name, rtype: RecordType) -> Result<(), ChangeError> {
    if name == &zone.origin && rtype == RecordType::SOA {
        return Err(ChangeError::ApexSoa);
    }
    if name == &zone.origin && rtype == RecordType::NS {
        return Err(ChangeError::ApexNs);
    }
    Ok(())
}

fn is_wildcard(name: &Name) -> bool {
    name.iter().next().is_some_and(|l| l == b"*")
}
