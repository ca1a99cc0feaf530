//! "Create records in Route 53", the ACM console's button: for each validation record it
//! picks, among the hosted zones of the certificate's own account, the one whose name is
//! the longest suffix of the record's name, and creates the CNAME there (TTL 300). A record
//! whose best zone is in another account cannot be created this way: the console only
//! sees the account it runs in. It says so, naming the zone and account where the record
//! would belong; that record can still be added by hand (a plain Route 53 change).
//!
//! The console matches names, not delegations: a zone of the same account that is a
//! suffix (example.com for api.example.com) is chosen even when the name is delegated
//! elsewhere, and the record then sits where no resolver looks. The plan warns of that.

use hickory_proto::rr::{Name, RecordType};

use super::AcmError;
use super::certificate::Certificate;
use crate::aws::route53::{self, Change, ChangeAction};
use crate::aws::{Aws, HostedZone};
use crate::dns::world::World;

/// The TTL the console gives the records it creates.
pub const CONSOLE_TTL: u32 = 300;

/// What the console does (or did) with one validation record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordPlan {
    pub name: Name,
    pub value: Name,
    /// The certificate names the record validates.
    pub domains: Vec<String>,
    pub target: Target,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The record goes (or went) into this zone of the certificate's account.
    Zone {
        zone_id: String,
        zone_name: Name,
        /// The zone already holds exactly this record: nothing to do.
        present: bool,
        /// Why the record will not be found there even so, if that is the case.
        warning: Option<String>,
    },
    /// No zone of the certificate's account matches: the reason, in words.
    NoZone { reason: String },
}

/// What "Create records in Route 53" would do for certificate `arn`, without doing it.
pub fn plan(world: &World, aws: &Aws, arn: &str) -> Result<Vec<RecordPlan>, AcmError> {
    let cert = find(aws, arn)?;
    Ok(cert
        .records()
        .into_iter()
        .map(|(record, domains)| {
            let target = target_for(world, aws, cert, &record.name, &record.value);
            RecordPlan {
                name: record.name,
                value: record.value,
                domains,
                target,
            }
        })
        .collect())
}

/// Presses the button: creates every record that has a zone in the certificate's account
/// and is not there yet, in one change batch per zone. Returns the plan it carried out.
pub fn create_records_in_route53(
    world: &mut World,
    aws: &Aws,
    arn: &str,
) -> Result<Vec<RecordPlan>, AcmError> {
    let plans = plan(world, aws, arn)?;
    let mut zones: Vec<(&str, Vec<Change>)> = Vec::new();
    for p in &plans {
        let Target::Zone {
            zone_id,
            present: false,
            ..
        } = &p.target
        else {
            continue;
        };
        let record = super::certificate::ResourceRecord {
            name: p.name.clone(),
            value: p.value.clone(),
        };
        let change = Change {
            action: ChangeAction::Create,
            set: record.record_set(CONSOLE_TTL),
        };
        match zones.iter_mut().find(|(z, _)| z == zone_id) {
            Some((_, changes)) => changes.push(change),
            None => zones.push((zone_id, vec![change])),
        }
    }
    for (zone_id, changes) in zones {
        route53::change_record_sets(world, aws, zone_id, &changes)?;
    }
    Ok(plans)
}

fn find<'a>(aws: &'a Aws, arn: &str) -> Result<&'a Certificate, AcmError> {
    aws.certificates
        .iter()
        .find(|c| c.arn == arn)
        .ok_or_else(|| AcmError::NoSuchCertificate(arn.into()))
}

/// The hosted zone of `account` whose name is the longest suffix of `name`.
pub fn best_zone<'a>(aws: &'a Aws, account: &str, name: &Name) -> Option<&'a HostedZone> {
    best(
        aws.hosted_zones.iter().filter(|z| z.account == account),
        name,
    )
}

fn best<'a>(zones: impl Iterator<Item = &'a HostedZone>, name: &Name) -> Option<&'a HostedZone> {
    zones
        .filter(|z| z.name.zone_of(name))
        .max_by_key(|z| z.name.num_labels())
}

fn target_for(world: &World, aws: &Aws, cert: &Certificate, name: &Name, value: &Name) -> Target {
    let anywhere = best(aws.hosted_zones.iter(), name);
    let Some(zone) = best_zone(aws, &cert.account, name) else {
        let reason = match anywhere {
            Some(other) => format!(
                "no hosted zone in account {} matches {name}: the zone for it, {} ({}), is in account {}, and the console only writes to zones of the certificate's own account. Add the record there by hand, from account {}",
                cert.account, other.name, other.id, other.account, other.account
            ),
            None => format!(
                "no hosted zone in account {} (nor in any account of this scenario) matches {name}: add the record by hand at the DNS provider that serves it",
                cert.account
            ),
        };
        return Target::NoZone { reason };
    };
    let present = world
        .zone(&zone.id)
        .and_then(|z| z.get(name, RecordType::CNAME))
        .is_some_and(|set| {
            set.values.len() == 1
                && matches!(&set.values[0], hickory_proto::rr::RData::CNAME(c) if c.0.to_lowercase() == value.to_lowercase())
        });
    let mut warnings = Vec::new();
    if let Some(cut) = world.zone(&zone.id).and_then(|z| z.cut_for(name)) {
        warnings.push(format!(
            "{} delegates {} to other name servers, so resolvers never look for {name} in this zone and ACM will not find it",
            zone.name, cut.name
        ));
    }
    if let Some(other) = anywhere.filter(|o| o.name.num_labels() > zone.name.num_labels()) {
        warnings.push(format!(
            "a more specific hosted zone, {} ({}), is in account {}: if the name is delegated to it, the record belongs there",
            other.name, other.id, other.account
        ));
    }
    Target::Zone {
        zone_id: zone.id.clone(),
        zone_name: zone.name.clone(),
        present,
        warning: (!warnings.is_empty()).then(|| warnings.join("; ")),
    }
}
