//! Fixes: a list of [`Edit`]s applied to a scenario as one change (all of them or none), each
//! through the same rules a user's edit goes through: Route 53's change rules for a hosted
//! zone, the zone rules for any other zone, the registrar for a registry delegation.

use hickory_proto::rr::{Name, RecordType};
use serde::{Deserialize, Serialize};

use crate::aws::route53::{self, Change, ChangeAction};
use crate::dns::internet;
use crate::dns::rrset::RecordSet;
use crate::scenario::Scenario;

/// One edit of a fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "edit", rename_all = "snake_case")]
pub enum Edit {
    /// Create or replace the record set of the set's name and type in a zone.
    UpsertRecordSet { zone_id: String, set: RecordSet },
    /// Delete the record set of a name and type from a zone.
    DeleteRecordSet {
        zone_id: String,
        name: Name,
        #[serde(with = "crate::dns::rtype_serde")]
        rtype: RecordType,
    },
    /// Set a registered domain's name servers at the registry (what a registrar's
    /// "name servers" page does); an empty list removes the delegation.
    SetRegistryDelegation { domain: Name, servers: Vec<Name> },
}

impl Edit {
    /// The edit in one line, as a change list shows it.
    pub fn describe(&self, s: &Scenario) -> String {
        match self {
            Edit::UpsertRecordSet { zone_id, set } => format!(
                "UPSERT {} {} {} {} in {}",
                set.name,
                set.ttl,
                set.rtype,
                set.value_texts().join(" "),
                zone_label(s, zone_id)
            ),
            Edit::DeleteRecordSet {
                zone_id,
                name,
                rtype,
            } => format!("DELETE {name} {rtype} from {}", zone_label(s, zone_id)),
            Edit::SetRegistryDelegation { domain, servers } if servers.is_empty() => {
                format!("REGISTRAR: remove the name servers of {domain}")
            }
            Edit::SetRegistryDelegation { domain, servers } => {
                let list: Vec<String> = servers.iter().map(|n| n.to_string()).collect();
                format!(
                    "REGISTRAR: set the name servers of {domain} to {}",
                    list.join(" ")
                )
            }
        }
    }

    /// Applies the edit. Errors are the words Route 53 (or the registrar) would use.
    pub fn apply(&self, s: &mut Scenario) -> Result<(), String> {
        match self {
            Edit::UpsertRecordSet { zone_id, set } => change(
                s,
                zone_id,
                Change {
                    action: ChangeAction::Upsert,
                    set: set.clone(),
                },
            ),
            Edit::DeleteRecordSet {
                zone_id,
                name,
                rtype,
            } => {
                let zone = s
                    .world
                    .zone(zone_id)
                    .ok_or_else(|| format!("no zone with id {zone_id} in this scenario"))?;
                let current = zone.get(name, *rtype).cloned().ok_or_else(|| {
                    format!(
                        "Tried to delete resource record set [name='{name}', type='{rtype}'] but it was not found"
                    )
                })?;
                change(
                    s,
                    zone_id,
                    Change {
                        action: ChangeAction::Delete,
                        set: current,
                    },
                )
            }
            Edit::SetRegistryDelegation { domain, servers } => {
                internet::set_registry_delegation(&mut s.world, domain, servers)
            }
        }
    }
}

/// One way to repair a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// What the fix does, as a button says it.
    pub title: String,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn new(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Self {
            title: title.into(),
            edits,
        }
    }

    /// Applies every edit, or none: on an error the scenario is left as it was.
    pub fn apply(&self, s: &mut Scenario) -> Result<(), String> {
        let mut draft = s.clone();
        for edit in &self.edits {
            edit.apply(&mut draft)?;
        }
        *s = draft;
        Ok(())
    }

    /// Each edit in one line.
    pub fn describe(&self, s: &Scenario) -> Vec<String> {
        self.edits.iter().map(|e| e.describe(s)).collect()
    }
}

/// A change to one zone: through Route 53 for a hosted zone, through the same record rules
/// for any other zone (Internet fixtures, zones read from zone files).
fn change(s: &mut Scenario, zone_id: &str, change: Change) -> Result<(), String> {
    if s.aws.hosted_zone(zone_id).is_some() {
        return route53::change_record_sets(&mut s.world, &s.aws, zone_id, &[change])
            .map_err(|e| e.to_string());
    }
    let zone = s
        .world
        .zone_mut(zone_id)
        .ok_or_else(|| format!("no zone with id {zone_id} in this scenario"))?;
    route53::apply(zone, &change)
}

/// `example.com. (Z…, account 111111111111)` or the bare origin for other zones.
pub fn zone_label(s: &Scenario, zone_id: &str) -> String {
    let origin = s
        .world
        .zone(zone_id)
        .map_or_else(|| zone_id.to_string(), |z| z.origin.to_string());
    match s.aws.hosted_zone(zone_id) {
        Some(hz) => format!("{origin} ({zone_id}, account {})", hz.account),
        None => origin,
    }
}
