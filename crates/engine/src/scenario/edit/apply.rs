//! The rules of each edit, applied to a draft the caller throws away on an error: Route 53's
//! change rules for a hosted zone, the same record rules for any other zone, the registrar for a
//! registry delegation, ACM for certificates.

use hickory_proto::rr::RecordType;

use super::{Applied, Edit, EditError};
use crate::aws::acm;
use crate::aws::route53::{self, Change, ChangeAction};
use crate::aws::rules::ChangeError;
use crate::dns::internet;
use crate::dns::rrset::RecordSet;
use crate::scenario::acm_ops;
use crate::scenario::document::Scenario;

/// Applies `edit` to `s`, which may be left half changed on an error.
pub(super) fn apply_to(s: &mut Scenario, edit: &Edit) -> Result<Applied, EditError> {
    match edit {
        Edit::CreateAccount { id, label } => {
            route53::create_account(&mut s.aws, id, label)?;
            Ok(Applied::Changed)
        }
        Edit::CreateHostedZone {
            account,
            name,
            caller_reference,
        } => {
            let id = route53::create_hosted_zone(
                &mut s.world,
                &mut s.aws,
                account,
                name,
                caller_reference,
            )?;
            Ok(Applied::HostedZone(id))
        }
        Edit::DeleteHostedZone { zone_id } => {
            route53::delete_hosted_zone(&mut s.world, &mut s.aws, zone_id)?;
            Ok(Applied::Changed)
        }
        Edit::RecreateHostedZone { zone_id } => {
            let id = route53::recreate_hosted_zone(&mut s.world, &mut s.aws, zone_id)?;
            Ok(Applied::HostedZone(id))
        }
        Edit::PutRecordSet {
            zone_id,
            replacing,
            set,
        } => {
            let mut changes = Vec::new();
            if let Some((name, rtype)) = replacing
                && (name != &set.name || *rtype != set.rtype)
            {
                changes.push(delete_of(s, zone_id, name, *rtype)?);
            }
            let action = if replacing.is_some() {
                ChangeAction::Upsert
            } else {
                ChangeAction::Create
            };
            changes.push(Change {
                action,
                set: set.clone(),
            });
            change(s, zone_id, &changes)
        }
        Edit::UpsertRecordSet { zone_id, set } => change(
            s,
            zone_id,
            &[Change {
                action: ChangeAction::Upsert,
                set: set.clone(),
            }],
        ),
        Edit::DeleteRecordSet {
            zone_id,
            name,
            rtype,
        } => {
            let delete = delete_of(s, zone_id, name, *rtype)?;
            change(s, zone_id, &[delete])
        }
        Edit::ChangeRecordSets { zone_id, changes } => change(s, zone_id, changes),
        Edit::SetRegistryDelegation { domain, servers } => {
            internet::set_registry_delegation(&mut s.world, domain, servers)?;
            Ok(Applied::Changed)
        }
        Edit::DelegateToChild { child_zone_id, ttl } => delegate_to_child(s, child_zone_id, *ttl),
        Edit::AdvanceClock { seconds } => {
            crate::scenario::clock::advanced(s.clock, *seconds)?;
            acm_ops::advance(s, *seconds);
            Ok(Applied::Changed)
        }
        Edit::RequestCertificate {
            account,
            domain,
            sans,
        } => {
            let arn = acm_ops::request_certificate(s, account, domain, sans)?;
            Ok(Applied::Certificate(arn))
        }
        Edit::CreateValidationRecords { arn } => create_validation_records(s, arn),
        Edit::ValidateCertificate { arn } => validate_now(s, arn),
        Edit::FlushCache => {
            s.resolver_cache.clear();
            Ok(Applied::Changed)
        }
        Edit::Batch { edits, .. } => edits
            .iter()
            .try_fold(Applied::Changed, |done, e| Ok(done.then(apply_to(s, e)?))),
    }
}

fn zone<'a>(s: &'a Scenario, id: &str) -> Result<&'a crate::dns::Zone, EditError> {
    s.world
        .zone(id)
        .ok_or_else(|| EditError::NoSuchZone(id.to_string()))
}

/// The DELETE of the set of this name and type as the zone holds it now.
fn delete_of(
    s: &Scenario,
    zone_id: &str,
    name: &hickory_proto::rr::Name,
    rtype: RecordType,
) -> Result<Change, EditError> {
    let set = zone(s, zone_id)?
        .get(name, rtype)
        .cloned()
        .ok_or_else(|| ChangeError::NotFound {
            name: Box::new(name.clone()),
            rtype,
        })?;
    Ok(Change {
        action: ChangeAction::Delete,
        set,
    })
}

/// One change batch to one zone: through Route 53 for a hosted zone, through the same record
/// rules for any other zone (Internet fixtures, zones read from zone files).
fn change(s: &mut Scenario, zone_id: &str, changes: &[Change]) -> Result<Applied, EditError> {
    if s.aws.hosted_zone(zone_id).is_some() {
        route53::change_record_sets(&mut s.world, &s.aws, zone_id, changes)?;
        return Ok(Applied::Changed);
    }
    let mut draft = zone(s, zone_id)?.clone();
    for c in changes {
        route53::apply(&mut draft, c)?;
    }
    s.world.replace_zone(draft);
    Ok(Applied::Changed)
}

/// The child's NS in its closest parent hosted zone, or at the registry when the parent is a
/// TLD.
fn delegate_to_child(
    s: &mut Scenario,
    child_zone_id: &str,
    ttl: u32,
) -> Result<Applied, EditError> {
    let child = zone(s, child_zone_id)?;
    let origin = child.origin.clone();
    let ns = child.apex_ns().cloned().ok_or(EditError::ChildWithoutNs)?;
    let parent = s
        .aws
        .hosted_zones
        .iter()
        .filter(|z| z.id != child_zone_id && z.name != origin && z.name.zone_of(&origin))
        .max_by_key(|z| z.name.num_labels())
        .map(|z| z.id.clone());
    match parent {
        Some(parent) => {
            let set = RecordSet::new(origin, RecordType::NS, ttl, ns.values);
            change(
                s,
                &parent,
                &[Change {
                    action: ChangeAction::Upsert,
                    set,
                }],
            )
        }
        // No parent hosted zone: the parent is the TLD, where the registrar sets it.
        None => {
            let servers = crate::dns::answer::ns_targets(ns.records().iter());
            internet::set_registry_delegation(&mut s.world, &origin, &servers)?;
            Ok(Applied::Changed)
        }
    }
}

/// The console's "Create records in Route 53": refused when it could create nothing.
fn create_validation_records(s: &mut Scenario, arn: &str) -> Result<Applied, EditError> {
    let plans = acm_ops::create_records_in_route53(s, arn)?;
    let blocked: Vec<String> = plans
        .iter()
        .filter_map(|p| match &p.target {
            acm::Target::NoZone { reason } => Some(reason.clone()),
            acm::Target::Zone { .. } => None,
        })
        .collect();
    let created = plans
        .iter()
        .filter(|p| matches!(p.target, acm::Target::Zone { present: false, .. }))
        .count();
    match (created, blocked.is_empty()) {
        // Nothing the console could write and something it could not: say why.
        (0, false) => Err(EditError::ValidationRecordsBlocked(blocked.join("; "))),
        (0, true) => Err(EditError::NothingToCreate),
        _ => Ok(Applied::Changed),
    }
}

/// ACM's checks that are due by the clock now.
fn validate_now(s: &mut Scenario, arn: &str) -> Result<Applied, EditError> {
    let now = s.clock;
    let cert = s
        .aws
        .certificate(arn)
        .ok_or_else(|| acm::AcmError::NoSuchCertificate(arn.to_string()))?;
    match cert.next_check {
        None => Err(EditError::CertificateSettled {
            status: cert.status.to_string(),
        }),
        Some(at) if at > now => Err(EditError::CheckNotDue {
            at: acm::history::iso_time(at),
            after: acm::history::elapsed_text(at.saturating_sub(cert.requested_at)),
        }),
        Some(_) => {
            acm_ops::validate(s, arn, now)?;
            Ok(Applied::Changed)
        }
    }
}
