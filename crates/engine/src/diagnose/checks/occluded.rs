//! `OCCLUDED_RECORDS`: records in a parent zone at or below one of its delegation points.
//! Route 53 accepts them, and BIND, NSD and Knot load them, but no resolver ever sees them:
//! the parent refers every such name to the child. The finding names the child zone where
//! they belong (the article's quiz: the apex A record of `api.example.com` put in
//! `example.com`). Glue for the delegation's own servers is not occluded data, and a
//! misplaced ACM validation record is reported by its own check.

use std::collections::BTreeMap;

use hickory_proto::rr::{Name, RecordType};

use super::validation;
use crate::diagnose::context::{Context, capital, t};
use crate::diagnose::evidence;
use crate::diagnose::finding::{Code, Finding, Severity};
use crate::diagnose::fix::{Edit, Fix};
use crate::diagnose::symptom::Symptom;
use crate::dns::answer::ns_targets;
use crate::dns::rrset::RecordSet;
use crate::dns::zone::Zone;

pub fn check(ctx: &Context) -> Vec<Finding> {
    ctx.world
        .zones()
        .flat_map(|zone| check_zone(ctx, zone))
        .collect()
}

/// The check on one zone: [`check`]'s findings are each zone's in the world's order. What
/// it reads of the zone is noted (see [`crate::dns::reads`]), so it can be kept per zone.
pub fn check_zone(ctx: &Context, zone: &Zone) -> Vec<Finding> {
    crate::dns::reads::note_zone(zone);
    let mut out = Vec::new();
    {
        if !ctx.is_primary(&zone.id) {
            return out;
        }
        let glue_names: Vec<Name> = zone
            .iter()
            .filter(|s| s.rtype == RecordType::NS)
            .flat_map(|s| ns_targets(s.records().iter()))
            .collect();
        let mut by_cut: BTreeMap<Name, Vec<&RecordSet>> = BTreeMap::new();
        for set in zone.iter() {
            if !zone.is_occluded(set) {
                continue;
            }
            let glue = matches!(set.rtype, RecordType::A | RecordType::AAAA)
                && glue_names.contains(&set.name);
            if glue || validation::misplaced(ctx, zone, set).is_some() {
                continue;
            }
            if let Some(cut) = zone.cut_for(&set.name) {
                by_cut.entry(cut.name.clone()).or_default().push(set);
            }
        }
        for (cut, sets) in by_cut {
            out.push(finding(ctx, zone, &cut, &sets));
        }
    }
    out
}

fn finding(ctx: &Context, parent: &Zone, cut: &Name, sets: &[&RecordSet]) -> Finding {
    let home = ctx
        .zone_for_name(cut)
        .filter(|z| z.id != parent.id && z.origin == *cut);
    let lacking: Vec<&RecordSet> = sets
        .iter()
        .copied()
        .filter(|s| home.is_none_or(|h| h.get(&s.name, s.rtype).is_none()))
        .collect();
    let severity = if lacking.is_empty() {
        Severity::Warning
    } else {
        Severity::Error
    };
    let listed: Vec<String> = sets
        .iter()
        .map(|s| format!("{} {}", s.rtype, t(&s.name)))
        .collect();
    let symptom_set = lacking.iter().find(|s| s.rtype != RecordType::NS);
    let symptom = symptom_set.map(|s| Symptom::answer(s.name.clone(), s.rtype));
    let seen = symptom_set
        .map(|s| evidence::recursive(ctx.world, ctx.now, &s.rtype.to_string(), &t(&s.name)));

    let mut text = vec![format!(
        "{} holds {} at or below {}, which it delegates{}. Once a name is delegated, resolvers ask the child's servers for it and for every name under it, so these records are never served (BIND, NSD and Knot load such data and never answer with it).",
        capital(&ctx.label(&parent.id)),
        crate::diagnose::context::and_list(&listed),
        t(cut),
        home.map_or(String::new(), |h| format!(" to {}", ctx.label(&h.id)))
    )];
    match (home, &seen) {
        (Some(h), Some(e)) => text.push(format!(
            "{} has no such records, so resolvers get {} for {}. Create them in {} and delete them from the parent.",
            capital(&ctx.label(&h.id)),
            e.resolution
                .as_ref()
                .map_or("no answer", |r| r.outcome.kind.label()),
            symptom_set.map_or(String::new(), |s| format!("{} {}", s.rtype, t(&s.name))),
            t(&h.origin)
        )),
        (Some(h), None) => text.push(format!(
            "{} already holds its own records there, so the parent's copies only mislead: delete them.",
            capital(&ctx.label(&h.id))
        )),
        (None, _) => text.push(format!(
            "No zone named {} exists to hold them: create it, or remove the delegation.",
            t(cut)
        )),
    }
    let title = format!(
        "{}: records in the parent zone below the delegation are never served",
        t(cut)
    );
    let mut f = Finding::new(Code::OccludedRecords, severity, title, text.join(" "));
    f.involved = sets
        .iter()
        .map(|s| ctx.involved_set(&parent.id, &s.name, s.rtype))
        .collect();
    if let Some(h) = home {
        f.involved.push(ctx.involved(&h.id));
    }
    f.evidence.extend(seen);
    if let Some(server) = ctx.server_of(&parent.id)
        && let Some(s) = sets.first()
    {
        f.evidence.push(evidence::direct(
            ctx.world,
            ctx.now,
            &s.rtype.to_string(),
            &t(&s.name),
            &t(&server.name),
        ));
    }
    if let Some(h) = home {
        let mut edits = Vec::new();
        for s in sets {
            if h.get(&s.name, s.rtype).is_none() {
                edits.push(Edit::UpsertRecordSet {
                    zone_id: h.id.clone(),
                    set: (*s).clone(),
                });
            }
            edits.push(Edit::DeleteRecordSet {
                zone_id: parent.id.clone(),
                name: s.name.clone(),
                rtype: s.rtype,
            });
        }
        let title = if lacking.is_empty() {
            "Delete the parent's unreachable copies".to_string()
        } else {
            format!("Move the records to {}", ctx.label(&h.id))
        };
        f.fixes = vec![Fix::new(title, edits)];
    }
    f.symptom = symptom;
    f
}
