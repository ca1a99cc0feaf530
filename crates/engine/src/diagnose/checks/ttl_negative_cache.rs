//! `TTL_NEGATIVE_CACHE` (a note): the public resolver's cache holds a negative answer
//! (NXDOMAIN or NODATA, RFC 2308) for a name that now exists. Clients keep getting the old
//! answer until it expires: the SOA's negative TTL (900 s for Route 53, capped at 3600 s by
//! Unbound). This is the "my change does not show yet" case; nothing is wrong in the zones.

use hickory_proto::rr::RecordType;

use crate::diagnose::context::{Context, duration, t};
use crate::diagnose::evidence;
use crate::diagnose::finding::{Code, Finding, Severity};
use crate::dns::answer::Question;
use crate::dns::resolve::{Cached, OutcomeKind, trace};

pub fn check(ctx: &Context) -> Vec<Finding> {
    let cache = &ctx.scenario.resolver_cache;
    let mut out = Vec::new();
    for entry in cache.entries() {
        let remaining = entry.remaining(ctx.now);
        if remaining == 0 {
            continue;
        }
        let (rtype, cached_as, now_is) = match &entry.data {
            Cached::NxDomain { .. } => (RecordType::A, "does not exist (NXDOMAIN)", "exists"),
            Cached::NoData { .. } => (
                entry.rtype,
                "has no records of that type (NODATA)",
                "has them",
            ),
            Cached::Records { .. } => continue,
        };
        let fresh = trace(
            ctx.world,
            &Question::new(entry.name.clone(), rtype),
            ctx.now,
        );
        let exists = match &entry.data {
            Cached::NxDomain { .. } => {
                matches!(
                    fresh.outcome.kind,
                    OutcomeKind::Answer | OutcomeKind::NoData
                )
            }
            _ => fresh.outcome.kind == OutcomeKind::Answer,
        };
        if !exists {
            continue;
        }
        let age = ctx.now.saturating_sub(entry.stored_at);
        let text = format!(
            "{age} s ago the public resolver learned that {} {cached_as} and cached that answer for {}, the zone's negative TTL (the SOA's minimum, RFC 2308). The name now {now_is}, but the resolver's clients keep getting the old answer for another {}. Nothing needs fixing: wait, or ask the zone's servers directly (dig @server) to see the new data.",
            t(&entry.name),
            duration(entry.ttl),
            duration(remaining)
        );
        let mut f = Finding::new(
            Code::TtlNegativeCache,
            Severity::Note,
            format!(
                "{}: the resolver still has a cached negative answer for {} s",
                t(&entry.name),
                remaining
            ),
            text,
        );
        let args = format!("{rtype} {}", t(&entry.name));
        f.evidence = vec![
            evidence::dig_with_cache(ctx.world, cache.clone(), ctx.now, &args),
            evidence::recursive(ctx.world, ctx.now, &rtype.to_string(), &t(&entry.name)),
        ];
        if let Some(zone) = ctx.zone_for_name(&entry.name) {
            f.involved = vec![ctx.involved(&zone.id)];
        }
        out.push(f);
    }
    out
}
