//! `NS_MISSING_GLUE`: a name server whose name is inside the zone it serves (in bailiwick,
//! `ns1.api.example.com` for `api.example.com`) and for which the parent holds no address
//! (glue). To find the server's address a resolver would have to ask that very server, so
//! it cannot (BIND logs "has no REQUIRED GLUE").

use hickory_proto::rr::{RData, RecordType};

use crate::diagnose::context::{Context, t};
use crate::diagnose::delegation::{self, Cause, Delegation};
use crate::diagnose::finding::{Code, Finding};
use crate::diagnose::fix::{Edit, Fix};
use crate::dns::rrset::RecordSet;

pub fn check(ctx: &Context) -> Vec<Finding> {
    ctx.delegations
        .iter()
        .filter_map(|d| finding(ctx, d))
        .collect()
}

fn finding(ctx: &Context, d: &Delegation) -> Option<Finding> {
    let glueless = d.hosts_with(Cause::NoGlue);
    if glueless.is_empty() {
        return None;
    }
    let names: Vec<_> = glueless.iter().map(|h| h.name.clone()).collect();
    let text = format!(
        "The delegation of {} names {}, inside {} itself, and {} holds no address record (glue) for {}. A resolver can only learn such a server's address from the parent's referral; without glue it would have to ask the server it is trying to find. {}",
        t(&d.name),
        crate::diagnose::context::list(&names),
        t(&d.name),
        ctx.label(&d.parent),
        if names.len() == 1 { "it" } else { "them" },
        delegation::effect(
            d,
            "add A records for the name servers in the parent, below the delegation, with their addresses"
        ),
    );
    let mut f = Finding::new(
        Code::NsMissingGlue,
        d.severity(),
        format!("{}: in-zone name servers without glue", t(&d.name)),
        text,
    );
    f.involved = delegation::involved(ctx, d);
    f.evidence = delegation::evidence(ctx, d, &glueless);
    f.symptom = Some(delegation::symptom(d));
    // The child's own address records say where the servers are: copy them as glue.
    let child = d.child.as_deref().and_then(|id| ctx.world.zone(id));
    let edits: Vec<Edit> = glueless
        .iter()
        .filter_map(|h| {
            let addr = child?.get(&h.name, RecordType::A)?;
            let values: Vec<RData> = addr.values.clone();
            Some(Edit::UpsertRecordSet {
                zone_id: d.parent.clone(),
                set: RecordSet::new(h.name.clone(), RecordType::A, d.set.ttl, values),
            })
        })
        .collect();
    if !edits.is_empty() {
        f.fixes = vec![Fix::new(
            format!(
                "Add glue for {}'s name servers from the child zone's address records",
                t(&d.name)
            ),
            edits,
        )];
    }
    Some(f)
}
