//! ACM's latest look for a validation record, replayed to step through (pure, free of the
//! web): the engine keeps what each check found, not the resolution behind it, so the
//! lookup is made again at the time of that check against the zones as they are now; and
//! the hosted zone where a validation record belongs, for the "go to zone" link.

use hickory_proto::rr::Name;

use crate::aws::acm::check::check_record;
use crate::aws::acm::history::{CheckRecord, Event};
use crate::aws::acm::{Certificate, ResourceRecord};
use crate::dns::resolve::Resolution;
use crate::scenario::Scenario;

/// A hosted zone a record belongs in: the one (of any account) whose name is the longest
/// suffix of the record's name. The "go to zone" link selects it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneRef {
    pub zone_id: String,
    pub name: String,
    pub account: String,
}

pub fn zone_for(s: &Scenario, name: &Name) -> Option<ZoneRef> {
    s.aws
        .hosted_zones
        .iter()
        .filter(|z| z.name.zone_of(name) && s.world.zone(&z.id).is_some())
        .max_by_key(|z| z.name.num_labels())
        .map(|z| ZoneRef {
            zone_id: z.id.clone(),
            name: crate::ui::resolve::plain(&z.name),
            account: z.account.clone(),
        })
}

/// ACM's latest look for one validation record, replayed: the engine keeps what each check
/// found, not the resolution behind it, so the lookup is made again, at the time of that
/// check, against the zones as they are now.
#[derive(Debug, Clone, PartialEq)]
pub struct Lookup {
    pub record: ResourceRecord,
    /// The check as the certificate's history records it.
    pub check: CheckRecord,
    /// The time the lookup is replayed at (the last check of the entry).
    pub at: u64,
    pub resolution: Resolution,
    /// Whether the replay finds what the check found (false once the zones have changed).
    pub same_as_recorded: bool,
}

/// The latest check of the validation record named `name`, if ACM has looked for it.
pub fn latest_check<'a>(cert: &'a Certificate, name: &Name) -> Option<&'a CheckRecord> {
    let question = format!("CNAME {name}");
    cert.history.iter().rev().find_map(|e| match e {
        Event::Check(c) if c.question == question => Some(c),
        _ => None,
    })
}

/// ACM's latest look for the validation record named `name`, replayed, or `None` before
/// ACM's first look for it.
pub fn latest_lookup(s: &Scenario, cert: &Certificate, name: &Name) -> Option<Lookup> {
    let check = latest_check(cert, name)?.clone();
    let (record, _) = cert.records().into_iter().find(|(r, _)| &r.name == name)?;
    let at = check.last_at();
    let replay = check_record(&s.world, &s.aws, &record, at);
    Some(Lookup {
        same_as_recorded: replay.result == check.result && replay.reason == check.reason,
        record,
        check,
        at,
        resolution: replay.resolution,
    })
}

/// The dig command that drives the resolve panel through the same lookup.
pub fn trace_query(record: &ResourceRecord) -> String {
    format!("dig +trace {} CNAME", record.fqdn())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::acm::history::CheckResult;
    use crate::dns::resolve::OutcomeKind;
    use crate::scenario::edit::Edit;
    use crate::scenario::presets::{self, ACCOUNT_B};
    use crate::ui::panels::certificates::model::status_text;

    #[test]
    fn the_latest_lookup_of_the_record_in_the_parent_ends_in_nxdomain_from_the_child() {
        let mut s = presets::build("acm-in-parent").unwrap();
        let cert = s.aws.certificates.last().unwrap().clone();
        let name = cert.records()[0].0.name.clone();
        assert_eq!(latest_lookup(&s, &cert, &name), None);
        Edit::AdvanceClock { seconds: 3600 }.apply(&mut s).unwrap();
        let cert = s.aws.certificates.last().unwrap();
        let lookup = latest_lookup(&s, cert, &name).unwrap();
        assert!(lookup.same_as_recorded);
        assert_eq!(lookup.check.rcode, "NXDOMAIN");
        assert_eq!(lookup.check.repeated, 12);
        assert_eq!(lookup.at, cert.requested_at + 3600);
        assert_eq!(lookup.resolution.outcome.kind, OutcomeKind::NxDomain);
        let last = lookup.resolution.steps.last().unwrap();
        assert_eq!(
            last.reply()
                .unwrap()
                .zone_origin
                .as_ref()
                .unwrap()
                .to_string(),
            "api.example.com."
        );
        assert_eq!(
            trace_query(&lookup.record),
            format!("dig +trace {} CNAME", lookup.record.fqdn())
        );
        let zone = zone_for(&s, &lookup.record.name).unwrap();
        assert_eq!(
            (zone.name.as_str(), zone.account.as_str()),
            ("api.example.com", ACCOUNT_B)
        );
    }

    #[test]
    fn each_record_of_two_zones_has_its_own_lookup() {
        let mut s = presets::build("acm-two-zones").unwrap();
        Edit::AdvanceClock { seconds: 60 }.apply(&mut s).unwrap();
        let cert = s.aws.certificates.last().unwrap();
        assert_eq!(status_text(cert), "ISSUED");
        let zones: Vec<String> = cert
            .records()
            .iter()
            .map(|(r, _)| {
                let l = latest_lookup(&s, cert, &r.name).unwrap();
                assert_eq!(l.check.result, CheckResult::Found);
                let last = l.resolution.steps.last().unwrap();
                last.reply()
                    .unwrap()
                    .zone_origin
                    .as_ref()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(zones, ["api.example.com.", "shop.example.com."]);
    }
}
