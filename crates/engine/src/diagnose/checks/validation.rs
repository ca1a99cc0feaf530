//! `VALIDATION_RECORD_WRONG_ZONE`: an ACM validation record (`_<hex>.name CNAME
//! _<hex>.<…>.acm-validations.aws.`) in a zone that is not authoritative for its name: in the
//! parent below a delegation (the article's mistake), or in a twin hosted zone that nobody
//! delegates to. ACM asks the zone resolvers reach, which says the name does not exist, so
//! the certificate stays pending and times out after 72 hours.

use hickory_proto::rr::{Name, RData, RecordType};

use crate::diagnose::context::{Context, t};
use crate::diagnose::evidence;
use crate::diagnose::finding::{Code, Finding, Severity};
use crate::diagnose::fix::{Edit, Fix};
use crate::diagnose::symptom::Symptom;
use crate::dns::name::n;
use crate::dns::rrset::RecordSet;
use crate::dns::zone::Zone;

/// Whether a set looks like an ACM validation record: a CNAME from `_<hex>.<domain>` to a
/// name under `acm-validations.aws.`.
pub fn is_validation_record(set: &RecordSet) -> bool {
    let Some(first) = set.name.iter().next() else {
        return false;
    };
    let label_ok =
        first.len() > 1 && first[0] == b'_' && first[1..].iter().all(|b| b.is_ascii_hexdigit());
    set.rtype == RecordType::CNAME
        && label_ok
        && cname_target(set).is_some_and(|t| n("acm-validations.aws.").zone_of(&t))
}

fn cname_target(set: &RecordSet) -> Option<Name> {
    set.values.iter().find_map(|v| match v {
        RData::CNAME(c) => Some(c.0.clone()),
        _ => None,
    })
}

/// The zone a validation record in `zone` belongs in, when it is not `zone`.
pub fn misplaced<'a>(ctx: &Context<'a>, zone: &Zone, set: &RecordSet) -> Option<&'a Zone> {
    if !is_validation_record(set) {
        return None;
    }
    ctx.zone_for_name(&set.name).filter(|z| z.id != zone.id)
}

pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for zone in &ctx.world.zones {
        for set in zone.iter() {
            if let Some(home) = misplaced(ctx, zone, set) {
                out.push(finding(ctx, zone, set, home));
            }
        }
    }
    out
}

fn finding(ctx: &Context, zone: &Zone, set: &RecordSet, home: &Zone) -> Finding {
    let target = cname_target(set).unwrap_or_else(Name::root);
    let symptom = Symptom::cname(set.name.clone(), target.clone());
    let seen = evidence::recursive(ctx.world, ctx.now, "CNAME", &t(&set.name));
    let where_ = if home.origin == zone.origin {
        format!(
            "{} is one of two zones named {}; resolvers reach only {}",
            ctx.label(&zone.id),
            t(&zone.origin),
            ctx.label(&home.id)
        )
    } else {
        format!(
            "{} is inside {}, which is delegated to {}: that zone, not {}, is authoritative for it",
            t(&set.name),
            t(&home.origin),
            ctx.label(&home.id),
            t(&zone.origin)
        )
    };
    let text = format!(
        "The ACM validation record {} CNAME {} is in {}, but {where_}. ACM and every resolver ask that zone, which answers {} for the name, so the certificate stays pending validation and fails after 72 hours. Create the record in {} (a wildcard *.{} uses the same record) and delete it here.",
        t(&set.name),
        t(&target),
        ctx.label(&zone.id),
        seen.resolution
            .as_ref()
            .map_or("nothing", |r| r.outcome.kind.label()),
        ctx.label(&home.id),
        set.name.base_name()
    );
    let mut f = Finding::new(
        Code::ValidationRecordWrongZone,
        Severity::Error,
        format!(
            "{}: the certificate validation record is in a zone resolvers never ask",
            t(&set.name)
        ),
        text,
    );
    f.involved = vec![
        ctx.involved_set(&zone.id, &set.name, RecordType::CNAME),
        ctx.involved(&home.id),
    ];
    f.evidence = vec![seen];
    if let Some(server) = ctx.server_of(&zone.id) {
        f.evidence.push(evidence::direct(
            ctx.world,
            ctx.now,
            "CNAME",
            &t(&set.name),
            &t(&server.name),
        ));
    }
    let mut edits = Vec::new();
    if home.get(&set.name, RecordType::CNAME) != Some(set) {
        edits.push(Edit::UpsertRecordSet {
            zone_id: home.id.clone(),
            set: set.clone(),
        });
    }
    edits.push(Edit::DeleteRecordSet {
        zone_id: zone.id.clone(),
        name: set.name.clone(),
        rtype: RecordType::CNAME,
    });
    f.fixes = vec![Fix::new(
        format!("Move the validation record to {}", ctx.label(&home.id)),
        edits,
    )];
    f.symptom = Some(symptom);
    f
}
