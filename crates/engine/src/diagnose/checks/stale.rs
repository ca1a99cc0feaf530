//! `DELEGATION_STALE`: the parent still names servers of a delegation set the child zone had
//! before it was deleted and created again (Route 53 never gives a recreated zone its old
//! set). The old servers are AWS's and still answer, but REFUSED: resolution fails silently.

use crate::diagnose::context::{Context, capital, list, t};
use crate::diagnose::delegation::{self, Cause, Delegation};
use crate::diagnose::finding::{Code, Finding};
use crate::diagnose::fix::Fix;

pub fn check(ctx: &Context) -> Vec<Finding> {
    ctx.delegations
        .iter()
        .filter(|d| !d.registry)
        .filter_map(|d| finding(ctx, d))
        .collect()
}

fn finding(ctx: &Context, d: &Delegation) -> Option<Finding> {
    let stale = d.hosts_with(Cause::Stale);
    if stale.is_empty() {
        return None;
    }
    let child = d.child.as_deref()?;
    let old: Vec<_> = stale.iter().map(|h| h.name.clone()).collect();
    let text = format!(
        "{} was deleted and created again, and Route 53 gave the new zone new name servers: {}. The NS records for {} in {} still name {}, servers of the deleted zone; they are AWS's servers and still answer, but no longer for {}: {}. {}",
        capital(&ctx.label(child)),
        list(&d.expected),
        t(&d.name),
        ctx.label(&d.parent),
        list(&old),
        t(&d.name),
        delegation::hosts_text(&stale),
        delegation::effect(
            d,
            "replace the parent's NS records with the new name servers"
        )
    );
    let mut f = Finding::new(
        Code::DelegationStale,
        d.severity(),
        format!(
            "{}: the parent still points at the name servers of the zone before it was recreated",
            t(&d.name)
        ),
        text,
    );
    f.involved = delegation::involved(ctx, d);
    f.evidence = delegation::evidence(ctx, d, &stale);
    f.fixes = vec![Fix::new(
        format!(
            "Set the NS records for {} to the recreated zone's name servers",
            t(&d.name)
        ),
        vec![d.set_servers(d.expected.clone())],
    )];
    f.symptom = Some(delegation::symptom(d));
    Some(f)
}
