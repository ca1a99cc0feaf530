//! `LAME_DELEGATION` and `LAME_DELEGATION_PARTIAL`: servers the delegation names, and that
//! the child zone itself lists, that answer REFUSED (or not authoritatively) for the zone, or
//! where nothing answers at all. Real resolvers skip them and use the others (Unbound tries
//! the next server after REFUSED); when none is left the answer is SERVFAIL.

use crate::diagnose::context::{Context, t};
use crate::diagnose::delegation::{self, Cause, Delegation};
use crate::diagnose::finding::{Code, Finding, Severity};
use crate::diagnose::fix::Fix;

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
        "The delegation of {} names servers that {} also lists, but {}. A server that is named for a zone and does not serve it is lame: resolvers waste a query on it and move on. {} Make those servers serve the zone, or name only servers that do.",
        t(&d.name),
        ctx.label(child),
        delegation::hosts_text(&lame),
        delegation::effect(d)
    );
    let mut f = Finding::new(code, d.severity(), title, text);
    f.involved = delegation::involved(ctx, d);
    f.evidence = delegation::evidence(ctx, d, &lame);
    f.symptom = Some(delegation::symptom(d));
    if f.severity == Severity::Warning {
        let working: Vec<_> = d
            .hosts
            .iter()
            .filter(|h| h.serves())
            .map(|h| h.name.clone())
            .collect();
        f.fixes = vec![Fix::new(
            format!("Name only the servers that answer for {}", t(&d.name)),
            vec![d.set_servers(working)],
        )];
    }
    Some(f)
}
