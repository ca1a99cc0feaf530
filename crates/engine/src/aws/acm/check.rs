//! One look for a validation record, as ACM makes it: resolve the record's name from the
//! root with the engine's resolver (a fresh cache each time, so what ACM sees is what the
//! delegation chain gives now) asking for its CNAME, and accept only the value ACM gave.
//! When the name is not found, the reason says which server said so and, if a copy of the
//! record sits in a zone that resolvers never reach (below a delegation, or in a zone that
//! is not delegated), where it is.
//!
//! The question is for type CNAME, so the first CNAME at the name must carry the value:
//! whether ACM follows a chain of CNAMEs to its value is not documented, and the simulation
//! does not.

use hickory_proto::rr::{Name, RData, RecordType};

use super::certificate::ResourceRecord;
use super::history::CheckResult;
use super::token::value_matches;
use crate::aws::Aws;
use crate::dns::answer::Question;
use crate::dns::resolve::{self, OutcomeKind, Resolution};
use crate::dns::world::World;

/// What one look found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordCheck {
    pub result: CheckResult,
    /// NOERROR, NODATA, NXDOMAIN or SERVFAIL.
    pub rcode: String,
    pub reason: String,
    pub resolution: Resolution,
}

/// Looks for `record` as ACM does.
pub fn check_record(world: &World, aws: &Aws, record: &ResourceRecord, now: u64) -> RecordCheck {
    let q = Question::new(record.name.clone(), RecordType::CNAME);
    let resolution = resolve::trace(world, &q, now);
    let outcome = &resolution.outcome;
    let rcode = outcome.kind.label().to_string();
    let found = outcome.answer.iter().find_map(|r| match &r.data {
        RData::CNAME(c) if r.name == record.name => Some(c.0.clone()),
        _ => None,
    });
    let from = last_server(&resolution);
    let (result, reason) = match (outcome.kind, found) {
        (OutcomeKind::Answer, Some(target)) if value_matches(&record.value, &target) => (
            CheckResult::Found,
            format!(
                "{from} answered {} CNAME {target}: the value ACM gave",
                record.name
            ),
        ),
        (OutcomeKind::Answer, Some(target)) => (
            CheckResult::WrongValue,
            format!(
                "{from} answered {} CNAME {target}, but ACM expects {}",
                record.name, record.value
            ),
        ),
        (OutcomeKind::NxDomain, _) => (
            CheckResult::NotFound,
            format!(
                "{from} answered NXDOMAIN: {} does not exist in the zone resolvers reach{}",
                record.name,
                stray_copies(world, aws, &record.name, &resolution)
            ),
        ),
        (OutcomeKind::Answer | OutcomeKind::NoData, _) => (
            CheckResult::NotFound,
            format!(
                "{from} answered NODATA: {} exists but has no CNAME{}",
                record.name,
                stray_copies(world, aws, &record.name, &resolution)
            ),
        ),
        _ => (
            CheckResult::LookupFailed,
            format!("the lookup failed (SERVFAIL): {}", outcome.reason),
        ),
    };
    RecordCheck {
        result,
        rcode,
        reason,
        resolution,
    }
}

/// `ns-140.awsdns-17.com (api.example.com.)`: the server that gave the final reply and the
/// zone it answered from.
fn last_server(r: &Resolution) -> String {
    r.steps
        .iter()
        .rev()
        .filter(|s| s.depth == 0)
        .find_map(|s| {
            let reply = s.reply()?;
            let server = s.server()?;
            let host = crate::dns::name::plain(&server.name);
            Some(match &reply.zone_origin {
                Some(zone) => format!("{host} (zone {zone})"),
                None => host,
            })
        })
        .unwrap_or_else(|| "the resolver".into())
}

/// Where copies of a CNAME at `name` sit other than in the zone that answered: `; a copy of
/// the record is in zone example.com. (Z…, account 111111111111), below its delegation of
/// api.example.com., where no resolver looks`.
fn stray_copies(world: &World, aws: &Aws, name: &Name, resolution: &Resolution) -> String {
    let answered = resolution
        .steps
        .iter()
        .rev()
        .filter(|s| s.depth == 0)
        .find_map(|s| s.reply()?.zone_id.clone());
    let mut notes = Vec::new();
    for zone in &world.zones {
        if answered.as_deref() == Some(zone.id.as_str())
            || zone.get(name, RecordType::CNAME).is_none()
        {
            continue;
        }
        let owner = aws
            .hosted_zone(&zone.id)
            .map(|hz| format!("{}, account {}", zone.id, hz.account))
            .unwrap_or_else(|| zone.id.clone());
        let place = match zone.cut_for(name) {
            Some(cut) => format!(
                "below its delegation of {}, where no resolver looks",
                cut.name
            ),
            None => "a zone that resolution never reached".to_string(),
        };
        notes.push(format!("zone {} ({owner}), {place}", zone.origin));
    }
    match notes.len() {
        0 => String::new(),
        _ => format!(
            "; a copy of the record is in {}",
            notes.join("; another in ")
        ),
    }
}
