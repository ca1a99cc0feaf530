//! `CAA_FORBIDS_AMAZON`: CAA records (RFC 8659) that do not let Amazon issue certificates for
//! a name. The relevant CAA set of a name is the first one found climbing from the name to
//! the root; `issue` governs every certificate, `issuewild` (when present) wildcards. Amazon
//! issues as amazon.com, amazontrust.com, awstrust.com or amazonaws.com. ACM checks CAA after
//! validation, so a blocked certificate fails with CAA_ERROR.
//!
//! The relevant set is found exactly as ACM finds it (`aws::acm::caa::check`, which also
//! follows a CNAME at a name), and judged by the same rule (`aws::acm::caa::decide`).
//!
//! Which names are checked: the names of every certificate in the model, as errors (their
//! issuance will fail); with no certificate yet, every reachable hosted zone's apex and each
//! of its names that has records (wildcards as wildcards), as warnings.

use std::collections::BTreeMap;

use hickory_proto::rr::rdata::CAA;
use hickory_proto::rr::{Name, RData, RecordType};
use rustc_hash::FxHashSet;

use crate::aws::acm::caa as acm_caa;
use crate::diagnose::context::{Context, and_list, t};
use crate::diagnose::evidence;
use crate::diagnose::finding::{Code, Finding, Severity};
use crate::diagnose::fix::{Edit, Fix};
use crate::dns::name::parse_absolute;
use crate::dns::rrset::{RecordSet, parse_value};
use crate::scenario::Scenario;

pub use crate::aws::acm::caa::AMAZON_ISSUERS;

/// The names certificates were requested for (`*.api.example.com` kept as a wildcard), or
/// `None` while the scenario has no certificate.
pub fn requested_names(scenario: &Scenario) -> Option<Vec<Name>> {
    let mut out: Vec<Name> = Vec::new();
    let mut seen: FxHashSet<Name> = FxHashSet::default();
    for cert in &scenario.aws.certificates {
        for san in &cert.subject_alternative_names {
            if let Ok(name) = parse_absolute(san)
                && seen.insert(name.clone())
            {
                out.push(name);
            }
        }
    }
    (!out.is_empty()).then_some(out)
}

/// A CAA set that blocks Amazon, and the names it blocks.
struct Blocked {
    owner: Name,
    set: Option<(String, RecordSet)>,
    names: Vec<Name>,
    wildcard_only: bool,
}

pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut run = Pending::new(ctx);
    run.step(ctx, usize::MAX);
    run.finish(ctx)
}

/// The check under way, a name at a time: a zone of 25,000 names is 25,000 lookups, which
/// an app runs in slices (see [`crate::diagnose::Diagnoser`]).
pub struct Pending {
    names: Vec<Name>,
    severity: Severity,
    next: usize,
    blocked: BTreeMap<Name, Blocked>,
    climber: acm_caa::Climber,
}

impl Pending {
    pub fn new(ctx: &Context) -> Self {
        let (names, severity) = match requested_names(ctx.scenario) {
            Some(names) => (names, Severity::Error),
            None => (hosted_names(ctx), Severity::Warning),
        };
        Self {
            names,
            severity,
            next: 0,
            blocked: BTreeMap::new(),
            climber: acm_caa::Climber::new(),
        }
    }

    /// How many names are left to check.
    pub fn left(&self) -> usize {
        self.names.len() - self.next
    }

    /// Checks up to `units` more names; returns how many it checked.
    pub fn step(&mut self, ctx: &Context, units: usize) -> usize {
        let end = self.names.len().min(self.next.saturating_add(units));
        let checked = end - self.next;
        while self.next < end {
            let decision = self.decide_next(ctx);
            self.take(ctx, decision);
        }
        checked
    }

    /// The next name to check, if any.
    pub fn next_name(&self) -> Option<&Name> {
        self.names.get(self.next)
    }

    /// Whether Amazon may issue for the next name, and the name whose CAA set decides (see
    /// [`acm_caa::Climber::decide`]). It reads the world, not what was checked before.
    pub fn decide_next(&mut self, ctx: &Context) -> (bool, Option<Name>) {
        let Some(name) = self.names.get(self.next) else {
            return (true, None);
        };
        let domain = name.to_lowercase().to_string();
        self.climber
            .decide(ctx.world, ctx.now, domain.trim_end_matches('.'))
    }

    /// Takes the decision for the next name (worked out now or kept from before).
    pub fn take(&mut self, ctx: &Context, decision: (bool, Option<Name>)) {
        let Some(name) = self.names.get(self.next).cloned() else {
            return;
        };
        self.next += 1;
        let wildcard = name.is_wildcard();
        // A lookup that failed is a lame or broken delegation, which its own checks report.
        let (false, Some(owner)) = decision else {
            return;
        };
        let entry = self
            .blocked
            .entry(owner.clone())
            .or_insert_with(|| Blocked {
                set: ctx
                    .zone_for_name(&owner)
                    .and_then(|z| Some((z.id.clone(), z.get(&owner, RecordType::CAA)?.clone()))),
                owner,
                names: Vec::new(),
                wildcard_only: true,
            });
        entry.wildcard_only &= wildcard;
        // `names` holds each name once, so each lands in one entry once.
        entry.names.push(name);
    }

    /// The findings, once every name is checked.
    pub fn finish(self, ctx: &Context) -> Vec<Finding> {
        let severity = self.severity;
        self.blocked
            .into_values()
            .map(|b| finding(ctx, b, severity))
            .collect()
    }
}

/// Every reachable hosted zone's apex and names with records (no `_` service names).
fn hosted_names(ctx: &Context) -> Vec<Name> {
    let mut out: Vec<Name> = Vec::new();
    let mut seen: FxHashSet<Name> = FxHashSet::default();
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
            if seen.insert(name.clone()) {
                out.push(name);
            }
        }
    }
    out
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
        // What the fix adds: `issuewild` only when the set has `issuewild` properties (they
        // are what governs wildcards then); otherwise `issue`, which governs both.
        if b.wildcard_only && values.contains(" issuewild ") {
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
        if !acm_caa::decide(&caas, false).0 {
            add("0 issue \"amazon.com\"");
        }
        if !acm_caa::decide(&caas, true).0
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
