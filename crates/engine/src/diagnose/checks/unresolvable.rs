//! `NS_NAME_UNRESOLVABLE`: name servers whose names have no address, so resolvers cannot
//! reach them. The usual cause is the trailing-dot mistake: in a zone file `ns-1.awsdns-00.com`
//! without a final dot is relative, so it becomes `ns-1.awsdns-00.com.example.com.`, which
//! does not exist (BIND loads it with a warning; Unbound gets NXDOMAIN for the name).

use crate::diagnose::context::{Context, list, t};
use crate::diagnose::delegation::{self, Cause, Delegation};
use crate::diagnose::finding::{Code, Finding};
use crate::diagnose::fix::Fix;

pub fn check(ctx: &Context) -> Vec<Finding> {
    ctx.delegations
        .iter()
        .filter_map(|d| finding(ctx, d))
        .collect()
}

fn finding(ctx: &Context, d: &Delegation) -> Option<Finding> {
    let dotless = d.hosts_with(Cause::TrailingDot);
    let other = d.hosts_with(Cause::Unresolvable);
    if dotless.is_empty() && other.is_empty() {
        return None;
    }
    let mut text = Vec::new();
    if !dotless.is_empty() {
        let written: Vec<_> = dotless.iter().map(|h| h.name.clone()).collect();
        let meant: Vec<_> = dotless.iter().map(|h| h.meant().clone()).collect();
        text.push(format!(
            "The NS records for {} in {} name {}: each is a server name with {} appended, the mistake of writing {} without a final dot in a zone file, where a name without one is relative to the origin.",
            t(&d.name),
            ctx.label(&d.parent),
            list(&written),
            t(&d.parent_origin),
            list(&meant)
        ));
        let also = if other.is_empty() {
            String::new()
        } else {
            format!(
                ", and {} cannot be resolved either",
                delegation::hosts_text(&other)
            )
        };
        text.push(format!(
            "Those names do not exist ({} answers NXDOMAIN for them){also}, so resolvers cannot find the servers' addresses.",
            t(&d.parent_origin)
        ));
    } else {
        text.push(format!(
            "The delegation of {} names servers whose names do not resolve: {}.",
            t(&d.name),
            delegation::hosts_text(&other)
        ));
    }
    let advice = if dotless.is_empty() {
        ""
    } else {
        "write each name server as an absolute name, ending with a dot"
    };
    text.push(delegation::effect(d, advice));
    let mut f = Finding::new(
        Code::NsNameUnresolvable,
        d.severity(),
        format!("{}: name servers whose names do not resolve", t(&d.name)),
        text.join(" "),
    );
    f.involved = delegation::involved(ctx, d);
    let shown: Vec<_> = dotless.iter().chain(other.iter()).copied().collect();
    f.evidence = delegation::evidence(ctx, d, &shown);
    f.symptom = Some(delegation::symptom(d));
    if !dotless.is_empty() {
        let servers = d.hosts.iter().map(|h| h.meant().clone()).collect();
        f.fixes = vec![Fix::new(
            format!(
                "Write the name servers of {} with their trailing dot",
                t(&d.name)
            ),
            vec![d.set_servers(servers)],
        )];
    }
    Some(f)
}
