//! `CAA_FORBIDS_AMAZON`: CAA records (RFC 8659) that do not let Amazon issue certificates for
//! a name. The relevant CAA set of a name is the first one found climbing from the name to
//! the root; `issue` governs every certificate, `issuewild` (when present) wildcards. Amazon
//! issues as amazon.com, amazontrust.com, awstrust.com or amazonaws.com. ACM checks CAA after
//! validation, so a blocked certificate fails with CAA_ERROR.
//!
//! Which names are checked: each certificate's names once certificates are in the model (see
//! [`requested_names`]); until then every reachable hosted zone's apex and each of its names
//! that has records (wildcards as wildcards), as warnings.

use std::collections::BTreeMap;

use hickory_proto::rr::rdata::CAA;
use hickory_proto::rr::{Name, RData, RecordType};

use crate::diagnose::context::{Context, and_list, t};
use crate::diagnose::evidence;
use crate::diagnose::finding::{Code, Finding, Severity};
use crate::diagnose::fix::{Edit, Fix};
use crate::dns::answer::Question;
use crate::dns::resolve::OutcomeKind;
use crate::dns::rrset::{RecordSet, parse_value};
use crate::scenario::Scenario;

/// The issuer domains Amazon (ACM) issues as.
pub const AMAZON_ISSUERS: [&str; 4] = [
    "amazon.com",
    "amazontrust.com",
    "awstrust.com",
    "amazonaws.com",
];

/// The names certificates were requested for (`*.api.example.com` kept as a wildcard).
///
/// TODO(acm): when `aws.certificates` is on main, return each certificate's domain name and
/// SANs here; the check then reports errors for exactly those names instead of warnings for
/// every hosted zone name.
pub fn requested_names(_scenario: &Scenario) -> Option<Vec<Name>> {
    None
}

/// A CAA set that blocks Amazon, and the names it blocks.
struct Blocked {
    owner: Name,
    set: Option<(String, RecordSet)>,
    names: Vec<Name>,
    wildcard_only: bool,
}

pub fn check(ctx: &Context) -> Vec<Finding> {
    let (names, severity) = match requested_names(ctx.scenario) {
        Some(names) => (names, Severity::Error),
        None => (hosted_names(ctx), Severity::Warning),
    };
    let mut blocked: BTreeMap<Name, Blocked> = BTreeMap::new();
    for name in names {
        let wildcard = name.is_wildcard();
        let base = if wildcard {
            name.base_name()
        } else {
            name.clone()
        };
        let Some((owner, caas)) = relevant(ctx, &base) else {
            continue;
        };
        if permits_amazon(&caas, wildcard) {
            continue;
        }
        let entry = blocked.entry(owner.clone()).or_insert_with(|| Blocked {
            set: ctx
                .zone_for_name(&owner)
                .and_then(|z| Some((z.id.clone(), z.get(&owner, RecordType::CAA)?.clone()))),
            owner,
            names: Vec::new(),
            wildcard_only: true,
        });
        entry.wildcard_only &= wildcard;
        if !entry.names.contains(&name) {
            entry.names.push(name);
        }
    }
    blocked
        .into_values()
        .map(|b| finding(ctx, b, severity))
        .collect()
}

/// Every reachable hosted zone's apex and names with records (no `_` service names).
fn hosted_names(ctx: &Context) -> Vec<Name> {
    let mut out: Vec<Name> = Vec::new();
    for hz in &ctx.scenario.aws.hosted_zones {
        let Some(zone) = ctx.world.zone(&hz.id).filter(|z| ctx.is_live(&z.id)) else {
            continue;
        };
        let names = std::iter::once(zone.origin.clone()).chain(
            zone.iter()
                .filter(|s| !zone.is_occluded(s))
                .filter(|s| s.name.iter().next().is_none_or(|l| !l.starts_with(b"_")))
                .map(|s| s.name.clone()),
        );
        for name in names {
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// The closest CAA set at or above `name` (RFC 8659 section 3), as a resolver finds it.
fn relevant(ctx: &Context, name: &Name) -> Option<(Name, Vec<CAA>)> {
    let mut at = name.clone();
    while !at.is_root() {
        let r = ctx.resolve(&Question::new(at.clone(), RecordType::CAA));
        match r.outcome.kind {
            OutcomeKind::Answer => {
                let caas: Vec<CAA> = r
                    .outcome
                    .answer
                    .iter()
                    .filter_map(|rec| match &rec.data {
                        RData::CAA(c) => Some(c.clone()),
                        _ => None,
                    })
                    .collect();
                if !caas.is_empty() {
                    return Some((at, caas));
                }
            }
            OutcomeKind::NoData | OutcomeKind::NxDomain => {}
            _ => return None,
        }
        at = at.base_name();
    }
    None
}

/// Whether the set lets Amazon issue (a wildcard when `wildcard`).
pub fn permits_amazon(caas: &[CAA], wildcard: bool) -> bool {
    let tagged = |tag: &str| -> Vec<&CAA> {
        caas.iter()
            .filter(|c| c.tag.eq_ignore_ascii_case(tag))
            .collect()
    };
    let wild = tagged("issuewild");
    let props = if wildcard && !wild.is_empty() {
        wild
    } else {
        tagged("issue")
    };
    props.is_empty() || props.iter().any(|c| is_amazon(c))
}

fn is_amazon(c: &CAA) -> bool {
    c.value_as_issue()
        .ok()
        .and_then(|(name, _)| name)
        .is_some_and(|n| {
            let text = n.to_lowercase().to_string();
            AMAZON_ISSUERS.contains(&text.trim_end_matches('.'))
        })
}

fn finding(ctx: &Context, b: Blocked, severity: Severity) -> Finding {
    let names: Vec<String> = b.names.iter().map(t).collect();
    let values = b
        .set
        .as_ref()
        .map(|(_, s)| s.value_texts().join(", "))
        .unwrap_or_default();
    let what = if b.wildcard_only {
        "wildcard certificates"
    } else {
        "certificates"
    };
    let text = format!(
        "The CAA records at {} ({values}) do not allow Amazon (amazon.com, amazontrust.com, awstrust.com or amazonaws.com) to issue {what}, and CAA applies to every name below that has none of its own: {}. ACM checks CAA after the validation succeeds, so a certificate for these names fails with CAA_ERROR and must be requested again. Add {} to the set.",
        t(&b.owner),
        and_list(&names),
        if b.wildcard_only {
            "0 issuewild \"amazon.com\""
        } else {
            "0 issue \"amazon.com\""
        }
    );
    let mut f = Finding::new(
        Code::CaaForbidsAmazon,
        severity,
        format!("{}: CAA does not allow Amazon to issue {what}", t(&b.owner)),
        text,
    );
    f.evidence = vec![evidence::recursive(ctx.world, ctx.now, "CAA", &t(&b.owner))];
    if let Some((zone_id, set)) = b.set {
        f.involved = vec![ctx.involved_set(&zone_id, &b.owner, RecordType::CAA)];
        let caas: Vec<CAA> = set
            .values
            .iter()
            .filter_map(|v| match v {
                RData::CAA(c) => Some(c.clone()),
                _ => None,
            })
            .collect();
        let mut fixed = set.clone();
        let mut add = |text: &str| {
            if let Ok(v) = parse_value(RecordType::CAA, text) {
                fixed.values.push(v);
            }
        };
        if !permits_amazon(&caas, false) {
            add("0 issue \"amazon.com\"");
        }
        if !permits_amazon(&caas, true)
            && caas.iter().any(|c| c.tag.eq_ignore_ascii_case("issuewild"))
        {
            add("0 issuewild \"amazon.com\"");
        }
        f.fixes = vec![Fix::new(
            format!("Allow Amazon in the CAA records at {}", t(&b.owner)),
            vec![Edit::UpsertRecordSet {
                zone_id,
                set: fixed,
            }],
        )];
    }
    f
}
