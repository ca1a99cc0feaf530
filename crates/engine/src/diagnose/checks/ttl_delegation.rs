//! `TTL_DELEGATION_DIFFERS` (a note): the parent's NS records for a working delegation and the
//! child zone's own NS records have different TTLs. Resolvers that learned the servers from
//! the parent keep them for the parent's TTL; those that took the child's own NS set (Route
//! 53 puts it in the authority section of every answer) keep it for the child's. A change of
//! name servers (a recreated zone) reaches everyone only after the longer of the two.

use hickory_proto::rr::RecordType;

use crate::diagnose::context::{Context, duration, t};
use crate::diagnose::delegation::Delegation;
use crate::diagnose::evidence;
use crate::diagnose::finding::{Code, Finding, Severity};
use crate::diagnose::fix::{Edit, Fix};

pub fn check(ctx: &Context) -> Vec<Finding> {
    ctx.delegations
        .iter()
        .filter(|d| d.hosts.iter().all(|h| d.cause(h).is_none()) && d.missing().is_empty())
        .filter_map(|d| finding(ctx, d))
        .collect()
}

fn finding(ctx: &Context, d: &Delegation) -> Option<Finding> {
    let child_id = d.child.as_deref()?;
    let child_ns = ctx.world.zone(child_id)?.apex_ns()?;
    let (parent_ttl, child_ttl) = (d.set.ttl, child_ns.ttl);
    if parent_ttl == child_ttl {
        return None;
    }
    let longer = parent_ttl.max(child_ttl);
    let text = format!(
        "The parent's NS records for {} have a TTL of {}, the zone's own NS records {}. Resolvers that learned the name servers from the parent keep them for {}, those that took the zone's own NS set keep it for {}, so when the name servers change (for example when the zone is recreated) some resolvers keep asking the old ones for up to {}. Lower the longer TTL a day or two before such a change.",
        t(&d.name),
        duration(parent_ttl),
        duration(child_ttl),
        duration(parent_ttl),
        duration(child_ttl),
        duration(longer)
    );
    let mut f = Finding::new(
        Code::TtlDelegationDiffers,
        Severity::Note,
        format!(
            "{}: the parent's NS TTL ({} s) and the zone's own ({} s) differ",
            t(&d.name),
            parent_ttl,
            child_ttl
        ),
        text,
    );
    f.involved = vec![
        ctx.involved_set(&d.parent, &d.name, RecordType::NS),
        ctx.involved_set(child_id, &d.name, RecordType::NS),
    ];
    if let Some(server) = ctx.server_of(&d.parent) {
        f.evidence.push(evidence::direct(
            ctx.world,
            ctx.now,
            "NS",
            &t(&d.name),
            &t(&server.name),
        ));
    }
    if let Some(server) = ctx.server_of(child_id) {
        f.evidence.push(evidence::direct(
            ctx.world,
            ctx.now,
            "NS",
            &t(&d.name),
            &t(&server.name),
        ));
    }
    if child_ttl > parent_ttl && !d.registry {
        let mut lowered = child_ns.clone();
        lowered.ttl = parent_ttl;
        f.fixes = vec![Fix::new(
            format!(
                "Lower the TTL of {}'s own NS records to {} s",
                t(&d.name),
                parent_ttl
            ),
            vec![Edit::UpsertRecordSet {
                zone_id: child_id.to_string(),
                set: lowered,
            }],
        )];
    }
    Some(f)
}
