//! `REGISTRY_NS_MISMATCH`: the name servers the registry holds for a registered domain (its NS
//! in the TLD zone, set at the registrar) differ from its hosted zone's name servers: another
//! zone's, the zone's before it was recreated, or one missing.

use crate::diagnose::context::{Context, list, t};
use crate::diagnose::delegation::{self, Cause, Delegation};
use crate::diagnose::finding::{Code, Finding};
use crate::diagnose::fix::Fix;

pub fn check(ctx: &Context) -> Vec<Finding> {
    ctx.delegations
        .iter()
        .filter(|d| d.registry && d.child.is_some())
        .filter_map(|d| finding(ctx, d))
        .collect()
}

fn finding(ctx: &Context, d: &Delegation) -> Option<Finding> {
    let stale = d.hosts_with(Cause::Stale);
    let wrong = d.hosts_with(Cause::NotTheChilds);
    let missing = d.missing();
    if stale.is_empty() && wrong.is_empty() && missing.is_empty() {
        return None;
    }
    let child = d.child.as_deref()?;
    let named: Vec<_> = d.hosts.iter().map(|h| h.name.clone()).collect();
    let mut text = vec![format!(
        "The registry ({} zone) delegates {} to {}, but {} is served by {}.",
        t(&d.parent_origin),
        t(&d.name),
        list(&named),
        ctx.label(child),
        list(&d.expected)
    )];
    if !stale.is_empty() {
        text.push(format!(
            "{} served an earlier hosted zone of that name, deleted since: creating the zone again gave it new servers, and the registrar was not updated.",
            list(&stale.iter().map(|h| h.name.clone()).collect::<Vec<_>>())
        ));
    } else if !wrong.is_empty() {
        text.push(format!(
            "The servers that differ: {}.",
            delegation::hosts_text(&wrong)
        ));
    }
    text.push(delegation::effect(
        d,
        "a registered domain's name servers are set at the registrar (in Route 53: Registered domains, Edit name servers), not in the hosted zone",
    ));
    let shown: Vec<_> = stale.iter().chain(wrong.iter()).copied().collect();
    let mut f = Finding::new(
        Code::RegistryNsMismatch,
        d.severity(),
        format!(
            "{}: the registrar's name servers differ from the hosted zone's",
            t(&d.name)
        ),
        text.join(" "),
    );
    f.involved = delegation::involved(ctx, d);
    f.evidence = delegation::evidence(ctx, d, &shown);
    f.fixes = vec![Fix::new(
        format!(
            "Set {}'s name servers at the registrar to the hosted zone's",
            t(&d.name)
        ),
        vec![d.set_servers(d.expected.clone())],
    )];
    f.symptom = Some(delegation::symptom(d));
    Some(f)
}
