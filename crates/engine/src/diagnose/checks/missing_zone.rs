//! `DELEGATION_TO_MISSING_ZONE`: a parent delegates a name for which no zone exists anywhere
//! in the world, so every server it names refuses (or cannot be found), and every name under
//! it fails with SERVFAIL instead of a clean NXDOMAIN.

use crate::diagnose::context::{Context, t};
use crate::diagnose::delegation::{self, Delegation};
use crate::diagnose::finding::{Code, Finding, Severity};
use crate::diagnose::fix::{Edit, Fix};
use crate::diagnose::symptom::{Expect, Symptom};

pub fn check(ctx: &Context) -> Vec<Finding> {
    ctx.delegations
        .iter()
        .filter(|d| d.child.is_none())
        .map(|d| finding(ctx, d))
        .collect()
}

fn finding(ctx: &Context, d: &Delegation) -> Finding {
    let hosts: Vec<_> = d.hosts.iter().collect();
    let text = format!(
        "{} delegates {} to {}, but no zone named {} exists in this scenario, so none of those servers can answer for it. Every name under {} fails with SERVFAIL. Create the zone (and point the delegation at its name servers), or remove the delegation.",
        ctx.label(&d.parent),
        t(&d.name),
        delegation::hosts_text(&hosts),
        t(&d.name),
        t(&d.name)
    );
    let mut f = Finding::new(
        Code::DelegationToMissingZone,
        Severity::Error,
        format!("{}: delegated, but no such zone exists", t(&d.name)),
        text,
    );
    f.involved = delegation::involved(ctx, d);
    f.evidence = delegation::evidence(ctx, d, &hosts);
    f.symptom = Some(Symptom {
        question: delegation::symptom(d).question,
        expect: Expect::Conclusive,
    });
    let edit = if d.registry {
        d.set_servers(Vec::new())
    } else {
        Edit::DeleteRecordSet {
            zone_id: d.parent.clone(),
            name: d.name.clone(),
            rtype: hickory_proto::rr::RecordType::NS,
        }
    };
    f.fixes = vec![Fix::new(
        format!("Remove the delegation of {}", t(&d.name)),
        vec![edit],
    )];
    f
}
