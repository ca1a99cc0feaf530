//! `ZONE_NOT_DELEGATED`: a zone that no parent delegates to, so resolvers never reach it (the
//! child hosted zone created but never delegated), or a twin of the zone that is delegated
//! (Route 53 allows several hosted zones of one name; only the delegated one is ever asked).
//! An empty zone is only a note: it may simply not be in use yet.

use hickory_proto::rr::{Name, RecordType};

use crate::diagnose::context::{Context, capital, list, t};
use crate::diagnose::delegation::{self, Delegation};
use crate::diagnose::evidence;
use crate::diagnose::finding::{Code, Finding, Severity};
use crate::diagnose::fix::{Edit, Fix};
use crate::diagnose::symptom::Symptom;
use crate::dns::internet::ns_set;
use crate::dns::zone::Zone;

/// TTL of the NS records a fix adds in a parent hosted zone (the article's Terraform uses 300).
pub const DELEGATION_TTL: u32 = 300;

pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    // The delegations of each name, in probing order (one pass, not one per zone).
    let mut by_name: rustc_hash::FxHashMap<&Name, Vec<&Delegation>> =
        rustc_hash::FxHashMap::default();
    for d in &ctx.delegations {
        by_name.entry(&d.name).or_default().push(d);
    }
    for zone in ctx.world.zones() {
        if zone.origin.is_root() || ctx.is_registry(zone) {
            continue;
        }
        let delegations: &[&Delegation] = by_name.get(&zone.origin).map_or(&[], Vec::as_slice);
        if delegations
            .iter()
            .any(|d| d.child.as_deref() == Some(zone.id.as_str()))
        {
            continue;
        }
        let data = zone
            .iter()
            .filter(|s| {
                !(s.name == zone.origin && matches!(s.rtype, RecordType::SOA | RecordType::NS))
            })
            .count();
        match delegations.first() {
            Some(d) => {
                if let Some(twin) = d.child.as_deref() {
                    out.push(twin_finding(ctx, zone, twin, data));
                }
            }
            None => out.push(orphan_finding(ctx, zone, data)),
        }
    }
    out
}

fn twin_finding(ctx: &Context, zone: &Zone, delegated: &str, data: usize) -> Finding {
    let severity = if data > 0 {
        Severity::Warning
    } else {
        Severity::Note
    };
    let text = format!(
        "Two zones are named {}: {}, which the parent delegates to, and {}, which no one delegates to. Resolvers only ever reach the first, so the {data} record sets kept in the second are never served. Keep the records in the delegated zone, and delete the other zone when it is no longer needed.",
        t(&zone.origin),
        ctx.label(delegated),
        ctx.label(&zone.id)
    );
    let mut f = Finding::new(
        Code::ZoneNotDelegated,
        severity,
        format!(
            "{}: a second zone of this name that resolvers never reach",
            t(&zone.origin)
        ),
        text,
    );
    f.involved = vec![ctx.involved(&zone.id), ctx.involved(delegated)];
    f
}

fn orphan_finding(ctx: &Context, zone: &Zone, data: usize) -> Finding {
    let severity = if data > 0 {
        Severity::Error
    } else {
        Severity::Note
    };
    let servers = delegation::expected_servers(ctx, &zone.id);
    let parent = ctx.zone_for_name(&zone.origin.base_name());
    let symptom = Symptom::answer(zone.origin.clone(), RecordType::SOA);
    let seen = evidence::recursive(ctx.world, ctx.now, "SOA", &t(&zone.origin));
    let outcome = seen
        .resolution
        .as_ref()
        .map_or("no answer", |r| r.outcome.kind.label());
    let mut text = vec![format!(
        "{} {}, but no parent delegates {} to it, so resolvers never reach it: they get {outcome} for {}.",
        capital(&ctx.label(&zone.id)),
        if data > 0 {
            format!("holds {data} record sets")
        } else {
            "exists".to_string()
        },
        t(&zone.origin),
        t(&zone.origin)
    )];
    let mut fixes = Vec::new();
    match parent {
        Some(p) if ctx.is_registry(p) => {
            text.push(format!(
                "The registry ({} zone) has no name servers for {}: set them at the registrar to the zone's name servers, {}.",
                t(&p.origin),
                t(&zone.origin),
                list(&servers)
            ));
            fixes.push(Fix::new(
                format!(
                    "Set {}'s name servers at the registrar to the zone's",
                    t(&zone.origin)
                ),
                vec![Edit::SetRegistryDelegation {
                    domain: zone.origin.clone(),
                    servers: servers.clone(),
                }],
            ));
        }
        Some(p) if p.cut_for(&zone.origin).is_none() => {
            text.push(format!(
                "Add NS records for {} in {} with the zone's name servers, {}.",
                t(&zone.origin),
                ctx.label(&p.id),
                list(&servers)
            ));
            fixes.push(Fix::new(
                format!("Delegate {} from {}", t(&zone.origin), t(&p.origin)),
                vec![Edit::UpsertRecordSet {
                    zone_id: p.id.clone(),
                    set: ns_set(zone.origin.clone(), servers.clone(), DELEGATION_TTL),
                }],
            ));
        }
        Some(p) => text.push(format!(
            "{} lies below another delegation of {}: delegate it from the zone of that delegation.",
            t(&zone.origin),
            ctx.label(&p.id)
        )),
        None => text.push("No zone above it exists in this scenario to delegate it.".into()),
    }
    let mut f = Finding::new(
        Code::ZoneNotDelegated,
        severity,
        format!("{}: no parent delegates to this zone", t(&zone.origin)),
        text.join(" "),
    );
    f.involved = vec![ctx.involved(&zone.id)];
    if let Some(p) = parent {
        f.involved.push(ctx.involved(&p.id));
        if let Some(server) = ctx.server_of(&p.id) {
            f.evidence.push(evidence::direct(
                ctx.world,
                ctx.now,
                "SOA",
                &t(&zone.origin),
                &t(&server.name),
            ));
        }
    }
    f.evidence.push(seen);
    f.fixes = fixes;
    f.symptom = Some(symptom);
    f
}
