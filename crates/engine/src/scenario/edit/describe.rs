//! An edit as a change list shows it, one line per change, with the zones named (what a fix's
//! button lists before it is pressed).

use super::Edit;
use crate::aws::route53::{Change, ChangeAction};
use crate::scenario::document::Scenario;

impl Edit {
    /// The edit's changes, one line each: `UPSERT name ttl type values in zone`,
    /// `DELETE name type from zone`, `REGISTRAR: …`; other edits by their label.
    pub fn describe(&self, s: &Scenario) -> Vec<String> {
        match self {
            Edit::UpsertRecordSet { zone_id, set } => vec![change_line(
                s,
                zone_id,
                &Change {
                    action: ChangeAction::Upsert,
                    set: set.clone(),
                },
            )],
            Edit::ChangeRecordSets { zone_id, changes } => {
                changes.iter().map(|c| change_line(s, zone_id, c)).collect()
            }
            Edit::DeleteRecordSet {
                zone_id,
                name,
                rtype,
            } => vec![format!(
                "DELETE {name} {rtype} from {}",
                zone_label(s, zone_id)
            )],
            Edit::SetRegistryDelegation { domain, servers } if servers.is_empty() => {
                vec![format!("REGISTRAR: remove the name servers of {domain}")]
            }
            Edit::SetRegistryDelegation { domain, servers } => {
                let list: Vec<String> = servers.iter().map(|n| n.to_string()).collect();
                vec![format!(
                    "REGISTRAR: set the name servers of {domain} to {}",
                    list.join(" ")
                )]
            }
            Edit::Batch { edits, .. } => edits.iter().flat_map(|e| e.describe(s)).collect(),
            other => vec![other.label()],
        }
    }
}

fn change_line(s: &Scenario, zone_id: &str, c: &Change) -> String {
    let set = &c.set;
    match c.action {
        ChangeAction::Delete => {
            format!(
                "DELETE {} {} from {}",
                set.name,
                set.rtype,
                zone_label(s, zone_id)
            )
        }
        action => format!(
            "{} {} {} {} {} in {}",
            match action {
                ChangeAction::Create => "CREATE",
                _ => "UPSERT",
            },
            set.name,
            set.ttl,
            set.rtype,
            set.value_texts().join(" "),
            zone_label(s, zone_id)
        ),
    }
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
