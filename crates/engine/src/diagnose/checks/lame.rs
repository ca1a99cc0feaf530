//! `LAME_DELEGATION` and `LAME_DELEGATION_PARTIAL`: servers the delegation names, and that
//! the child zone itself lists, that answer REFUSED (or not authoritatively) for the zone, or
//! where nothing answers at all. Real resolvers skip them and use the others (Unbound tries
//! the next server after REFUSED); when none is left the answer is SERVFAIL.

use crate::diagnose::context::{Context, t};
use hickory_proto::rr::{Name, RData, RecordType};

use crate::diagnose::delegation::{self, Cause, Delegation, Host};
use crate::diagnose::finding::{Code, Finding, Severity};
use crate::diagnose::fix::{Edit, Fix};
use crate::dns::answer::ns_targets;

pub fn check(ctx: &Context) -> Vec<Finding> {
    ctx.delegations
        .iter()
        .filter(|d| d.child.is_some())
        .filter_map(|d| finding(ctx, d))
        .collect()
}

fn finding(ctx: &Context, d: &Delegation) -> Option<Finding> {
    let lame = d.hosts_with(Cause::Lame);
    if lame.is_empty() {
        return None;
    }
    let child = d.child.as_deref()?;
    let (code, title) = if d.serving() == 0 {
        (
            Code::LameDelegation,
            format!("{}: no delegated server answers for the zone", t(&d.name)),
        )
    } else {
        (
            Code::LameDelegationPartial,
            format!(
                "{}: {} of {} delegated servers do not answer for the zone",
                t(&d.name),
                lame.len(),
                d.hosts.len()
            ),
        )
    };
    let text = format!(
        "The delegation of {} names servers that {} also lists, but {}: {}. A server that is named for a zone and does not serve it is lame: resolvers waste a query on it and move on. {}",
        t(&d.name),
        ctx.label(child),
        if d.serving() == 0 {
            "none of them answers for it"
        } else {
            "not all of them answer for it"
        },
        delegation::hosts_text(&lame),
        delegation::effect(
            d,
            "make those servers serve the zone, or name only servers that do"
        )
    );
    let mut f = Finding::new(code, d.severity(), title, text);
    f.involved = delegation::involved(ctx, d);
    f.evidence = delegation::evidence(ctx, d, &lame);
    f.symptom = Some(delegation::symptom(d));
    // For a zone outside Route 53 (read from zone files), stop naming the silent servers, in
    // the delegation and in the zone's own NS set, and drop their glue. A Route 53 zone's
    // servers are its delegation set: nothing to edit there.
    let hosted = ctx.scenario.aws.hosted_zone(child).is_some();
    if f.severity == Severity::Warning && !hosted {
        f.fixes = vec![Fix::new(
            format!("Name only the servers that answer for {}", t(&d.name)),
            drop_servers(ctx, d, child, &lame),
        )];
    }
    Some(f)
}

fn drop_servers(ctx: &Context, d: &Delegation, child: &str, lame: &[&Host]) -> Vec<Edit> {
    let keep = |names: Vec<Name>| -> Vec<Name> {
        names
            .into_iter()
            .filter(|n| !lame.iter().any(|h| h.name == *n))
            .collect()
    };
    let mut edits = vec![d.set_servers(keep(d.hosts.iter().map(|h| h.name.clone()).collect()))];
    if let Some(ns) = ctx.world.zone(child).and_then(|z| z.apex_ns()) {
        let mut own = ns.clone();
        own.values = keep(ns_targets(ns.records().iter()))
            .into_iter()
            .map(|n| RData::NS(hickory_proto::rr::rdata::NS(n)))
            .collect();
        edits.push(Edit::UpsertRecordSet {
            zone_id: child.to_string(),
            set: own,
        });
    }
    if let Some(parent) = ctx.world.zone(&d.parent) {
        for h in lame {
            for rtype in [RecordType::A, RecordType::AAAA] {
                if parent.get(&h.name, rtype).is_some() && parent.cut_for(&h.name).is_some() {
                    edits.push(Edit::DeleteRecordSet {
                        zone_id: d.parent.clone(),
                        name: h.name.clone(),
                        rtype,
                    });
                }
            }
        }
    }
    edits
}
