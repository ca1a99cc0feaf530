//! Route 53's API as the simulation offers it: create and delete hosted zones (each gets a
//! delegation set and the default SOA and NS), and change record sets atomically with
//! CREATE, UPSERT and DELETE, refusing what Route 53 refuses, in its words.

use hickory_proto::rr::rdata::SOA;
use hickory_proto::rr::{Name, RData, RecordType};
use thiserror::Error;

use super::Aws;
use super::account::{Account, AccountIdError, check_account_id};
use super::delegation_set::{draw, server_number};
use super::hosted_zone::HostedZone;
use super::infrastructure::ensure_server;
use super::rules::{ChangeError, check_delete, check_set};
use crate::dns::internet::ns_set;
use crate::dns::name::{NameError, parse_absolute};
use crate::dns::rrset::RecordSet;
use crate::dns::world::World;
use crate::dns::zone::Zone;

/// TTL of the apex SOA Route 53 creates (so negative answers are cached for 900 s).
pub const SOA_TTL: u32 = 900;
/// TTL of the apex NS set Route 53 creates.
pub const NS_TTL: u32 = 172_800;

/// An error as the AWS CLI reports it: the error code and Route 53's message.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Route53Error {
    #[error("NoSuchAccount: no account {0} in this scenario")]
    NoSuchAccount(String),
    #[error("InvalidInput: {0}")]
    InvalidInput(String),
    #[error("InvalidInput: {0}")]
    InvalidAccountId(#[from] AccountIdError),
    #[error("InvalidDomainName: {0}")]
    InvalidDomainName(String),
    #[error("NoSuchHostedZone: No hosted zone found with ID: {0}")]
    NoSuchHostedZone(String),
    #[error(
        "HostedZoneAlreadyExists: A hosted zone has already been created with the specified caller reference."
    )]
    HostedZoneAlreadyExists,
    #[error(
        "HostedZoneNotEmpty: The specified hosted zone contains non-required resource record sets and so cannot be deleted."
    )]
    HostedZoneNotEmpty,
    #[error("InvalidChangeBatch: [{}]", joined(.0))]
    InvalidChangeBatch(Vec<ChangeError>),
}

/// The refusals of a batch as Route 53 lists them.
fn joined(errors: &[ChangeError]) -> String {
    let texts: Vec<String> = errors.iter().map(ToString::to_string).collect();
    texts.join(", ")
}

impl From<NameError> for Route53Error {
    fn from(e: NameError) -> Self {
        Route53Error::InvalidDomainName(e.to_string())
    }
}

/// One change in a change batch.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Change {
    pub action: ChangeAction,
    pub set: RecordSet,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum ChangeAction {
    Create,
    Upsert,
    Delete,
}

/// Adds an account.
pub fn create_account(aws: &mut Aws, id: &str, label: &str) -> Result<(), Route53Error> {
    check_account_id(id)?;
    if aws.account(id).is_some() {
        return Err(Route53Error::InvalidInput(format!(
            "account {id} already exists"
        )));
    }
    aws.accounts.push(Account {
        id: id.into(),
        label: label.into(),
    });
    Ok(())
}

/// `aws route53 create-hosted-zone --name NAME --caller-reference REF` in `account`.
/// Returns the new hosted zone's id.
pub fn create_hosted_zone(
    world: &mut World,
    aws: &mut Aws,
    account: &str,
    name: &str,
    caller_reference: &str,
) -> Result<String, Route53Error> {
    if aws.account(account).is_none() {
        return Err(Route53Error::NoSuchAccount(account.into()));
    }
    let origin = parse_absolute(name)?.to_lowercase();
    if origin.num_labels() < 2 {
        return Err(Route53Error::InvalidDomainName(format!(
            "{origin} is a top-level domain; a hosted zone needs a domain such as example.com"
        )));
    }
    if caller_reference.trim().is_empty() {
        return Err(Route53Error::InvalidInput("a caller reference is required: any string unique to this request, such as unique-string-1732790000".into()));
    }
    if aws
        .zones_of(account)
        .any(|z| z.caller_reference == caller_reference)
    {
        return Err(Route53Error::HostedZoneAlreadyExists);
    }
    // Route 53 never puts two zones of one name on the same name server, and a recreated
    // zone gets a set it did not have before while the pool allows (see `draw`).
    let taken: Vec<u16> = aws
        .hosted_zones
        .iter()
        .filter(|z| z.name == origin)
        .flat_map(|z| z.delegation_set)
        .collect();
    let origin_text = crate::dns::name::text(&origin);
    let retired: Vec<u16> = aws
        .retired_sets
        .iter()
        .filter(|(n, _)| *n == origin_text)
        .flat_map(|(_, s)| *s)
        .collect();
    let set = draw(&mut aws.rng, &taken, &retired);
    let id = format!(
        "Z{}",
        aws.rng.string(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 20)
    );
    let hosts: Vec<Name> = set.iter().map(|n| ensure_server(world, *n)).collect();

    let mut zone = Zone::new(id.clone(), origin.clone());
    let soa = SOA::new(
        hosts[0].clone(),
        crate::dns::name::n("awsdns-hostmaster.amazon.com."),
        1,
        7200,
        900,
        1_209_600,
        86_400,
    );
    zone.upsert(RecordSet::new(
        origin.clone(),
        RecordType::SOA,
        SOA_TTL,
        vec![RData::SOA(soa)],
    ));
    zone.upsert(ns_set(origin.clone(), hosts.iter().cloned(), NS_TTL));
    world.add_zone(zone);
    for host in &hosts {
        if let Some(server) = world.server_named_mut(host) {
            server.zones.push(id.clone());
        }
    }
    aws.hosted_zones.push(HostedZone {
        id: id.clone(),
        account: account.into(),
        name: origin,
        caller_reference: caller_reference.into(),
        delegation_set: set,
        comment: String::new(),
    });
    Ok(id)
}

/// `aws route53 delete-hosted-zone --id ID`: only a zone holding just its SOA and NS.
pub fn delete_hosted_zone(world: &mut World, aws: &mut Aws, id: &str) -> Result<(), Route53Error> {
    let hz = aws
        .hosted_zone(id)
        .cloned()
        .ok_or_else(|| Route53Error::NoSuchHostedZone(id.into()))?;
    let zone = world
        .zone(id)
        .ok_or_else(|| Route53Error::NoSuchHostedZone(id.into()))?;
    let required = |s: &RecordSet| {
        s.name == zone.origin && matches!(s.rtype, RecordType::SOA | RecordType::NS)
    };
    if zone.iter().any(|s| !required(s)) {
        return Err(Route53Error::HostedZoneNotEmpty);
    }
    world.remove_zone(id);
    aws.hosted_zones.retain(|z| z.id != id);
    aws.retired_sets
        .push((crate::dns::name::text(&hz.name), hz.delegation_set));
    Ok(())
}

/// Deletes a hosted zone and creates it again with the same records, as `terraform destroy`
/// then `apply` would: Route 53 assigns a new delegation set. Returns the new id.
pub fn recreate_hosted_zone(
    world: &mut World,
    aws: &mut Aws,
    id: &str,
) -> Result<String, Route53Error> {
    let hz = aws
        .hosted_zone(id)
        .cloned()
        .ok_or_else(|| Route53Error::NoSuchHostedZone(id.into()))?;
    let zone = world
        .zone(id)
        .cloned()
        .ok_or_else(|| Route53Error::NoSuchHostedZone(id.into()))?;
    let keep: Vec<RecordSet> = zone
        .iter()
        .filter(|s| !(s.name == zone.origin && matches!(s.rtype, RecordType::SOA | RecordType::NS)))
        .cloned()
        .collect();
    let z = world.zone_mut(id).expect("zone exists");
    for s in &keep {
        z.remove(&s.name, s.rtype);
    }
    delete_hosted_zone(world, aws, id)?;
    // The first zone's reference and a count, so recreating many times does not grow it.
    let first = hz
        .caller_reference
        .split_once("-recreated-")
        .map_or(hz.caller_reference.as_str(), |(first, _)| first);
    let reference = format!(
        "{first}-recreated-{}",
        aws.hosted_zones.len() + aws.retired_sets.len()
    );
    let new_id = create_hosted_zone(
        world,
        aws,
        &hz.account,
        &crate::dns::name::text(&hz.name),
        &reference,
    )?;
    let z = world.zone_mut(&new_id).expect("new zone");
    for s in keep {
        z.upsert(s);
    }
    Ok(new_id)
}

/// `aws route53 change-resource-record-sets`: applies every change or none.
pub fn change_record_sets(
    world: &mut World,
    aws: &Aws,
    zone_id: &str,
    changes: &[Change],
) -> Result<(), Route53Error> {
    if aws.hosted_zone(zone_id).is_none() {
        return Err(Route53Error::NoSuchHostedZone(zone_id.into()));
    }
    let zone = world
        .zone(zone_id)
        .ok_or_else(|| Route53Error::NoSuchHostedZone(zone_id.into()))?;
    let mut draft = zone.clone();
    let mut errors = Vec::new();
    for change in changes {
        if let Err(e) = apply(&mut draft, change) {
            errors.push(e);
        }
    }
    if !errors.is_empty() {
        return Err(Route53Error::InvalidChangeBatch(errors));
    }
    world.replace_zone(draft);
    Ok(())
}

/// Applies one change to a zone (any zone: the same rules serve editing fixtures).
pub fn apply(zone: &mut Zone, change: &Change) -> Result<(), ChangeError> {
    let mut set = change.set.clone();
    set.name = set.name.to_lowercase();
    set.name.set_fqdn(true);
    let existing = zone.get(&set.name, set.rtype).cloned();
    let key = |set: &RecordSet| (Box::new(set.name.clone()), set.rtype);
    match change.action {
        ChangeAction::Create => {
            if existing.is_some() {
                let (name, rtype) = key(&set);
                return Err(ChangeError::AlreadyExists { name, rtype });
            }
            check_set(zone, &set)?;
            zone.upsert(set);
        }
        ChangeAction::Upsert => {
            check_set(zone, &set)?;
            zone.upsert(set);
        }
        ChangeAction::Delete => {
            let Some(old) = existing else {
                let (name, rtype) = key(&set);
                return Err(ChangeError::NotFound { name, rtype });
            };
            check_delete(zone, &set.name, set.rtype)?;
            if old.values != set.values || old.ttl != set.ttl || old.alias != set.alias {
                let (name, rtype) = key(&set);
                return Err(ChangeError::ValuesDiffer { name, rtype });
            }
            zone.remove(&set.name, set.rtype);
        }
    }
    Ok(())
}

/// Whether a name server host name is one of Route 53's.
pub fn is_route53_host(host: &Name) -> bool {
    server_number(host).is_some()
}
