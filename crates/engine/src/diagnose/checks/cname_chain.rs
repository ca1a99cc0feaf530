//! `CNAME_LOOP`, `CNAME_CHAIN_TOO_LONG`, `CNAME_TO_NXDOMAIN`: CNAME chains that resolvers
//! cannot finish. Each CNAME served by a reachable zone is resolved as a client would; a
//! SERVFAIL is explained by walking the chain through the zones (a loop, or more CNAMEs
//! than the resolver follows: Unbound gives up at the 12th), an NXDOMAIN by the last link,
//! whose target does not exist. ACM validation CNAMEs point at names that need not exist,
//! and are left out.

use std::collections::BTreeSet;

use hickory_proto::rr::{Name, RData, RecordType};

use super::validation::is_validation_record;
use crate::diagnose::context::{Context, t};
use crate::diagnose::evidence;
use crate::diagnose::finding::{Code, Finding, Severity};
use crate::dns::answer::Question;
use crate::dns::resolve::{Limits, OutcomeKind};

/// What resolving one CNAME showed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// It resolves, or fails for a reason other checks report.
    Fine,
    /// NXDOMAIN: `last` is the chain's last CNAME, to `target`.
    Dangling { last: Name, target: Name },
    /// SERVFAIL, and how the walk through the zones ended.
    Walked(Walk),
}

/// What resolving the CNAME at `name` shows (see [`Outcome`]).
pub fn outcome(ctx: &Context, name: &Name) -> Outcome {
    let r = ctx.resolve_once(&Question::new(name.clone(), RecordType::A));
    match r.outcome.kind {
        OutcomeKind::NxDomain => r
            .outcome
            .answer
            .iter()
            .rev()
            .find(|rec| rec.record_type() == RecordType::CNAME)
            .map_or(Outcome::Fine, |last| Outcome::Dangling {
                last: last.name.clone(),
                target: match &last.data {
                    RData::CNAME(c) => c.0.clone(),
                    _ => Name::root(),
                },
            }),
        OutcomeKind::ServFail => Outcome::Walked(walk(ctx, name)),
        _ => Outcome::Fine,
    }
}

/// How a static walk along a chain ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Walk {
    /// The chain comes back to a name already on it: the names of the cycle.
    Loop(Vec<Name>),
    /// More CNAMEs than resolvers follow: every name on the chain.
    TooLong(Vec<Name>),
    /// It ends somewhere (or leaves the zones this scenario holds).
    Ends,
}

pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut pending = Pending::new(ctx);
    pending.step(ctx, usize::MAX);
    pending.finish(ctx)
}

/// The check run a CNAME at a time (a zone of 25,000 sets holds thousands, each resolved):
/// [`crate::diagnose::Diagnoser`] steps it between frames. Its findings are [`check`]'s.
pub struct Pending {
    /// Every CNAME to resolve, in the order of the zones and their sets.
    names: Vec<Name>,
    next: usize,
    out: Vec<Finding>,
    cycles: BTreeSet<Vec<Name>>,
    long: Vec<Vec<Name>>,
    dangling: BTreeSet<Name>,
}

impl Pending {
    pub fn new(ctx: &Context) -> Self {
        let mut names = Vec::new();
        for zone in &ctx.world.zones {
            if !ctx.is_live(&zone.id) {
                continue;
            }
            for set in zone.iter().filter(|s| s.rtype == RecordType::CNAME) {
                if set.name == zone.origin
                    || set.name.is_wildcard()
                    || zone.is_occluded(set)
                    || is_validation_record(set)
                {
                    continue;
                }
                names.push(set.name.clone());
            }
        }
        Self {
            names,
            next: 0,
            out: Vec::new(),
            cycles: BTreeSet::new(),
            long: Vec::new(),
            dangling: BTreeSet::new(),
        }
    }

    /// How many CNAMEs are left to resolve.
    pub fn left(&self) -> usize {
        self.names.len() - self.next
    }

    /// Resolves up to `units` more CNAMEs; returns how many it resolved.
    pub fn step(&mut self, ctx: &Context, units: usize) -> usize {
        let end = self.names.len().min(self.next.saturating_add(units));
        let done = end - self.next;
        while self.next < end {
            let name = self.names[self.next].clone();
            let found = outcome(ctx, &name);
            self.take(ctx, found);
        }
        done
    }

    /// The next CNAME to resolve, if any.
    pub fn next_name(&self) -> Option<&Name> {
        self.names.get(self.next)
    }

    /// Takes the [`outcome`] of the next CNAME (worked out now or kept from before: it
    /// reads the world and the context, not what was found before it).
    pub fn take(&mut self, ctx: &Context, found: Outcome) {
        let Some(name) = self.names.get(self.next).cloned() else {
            return;
        };
        self.next += 1;
        match found {
            Outcome::Dangling { last, target } => {
                if self.dangling.insert(last.clone()) {
                    self.out.push(dangling_finding(ctx, &name, &last, &target));
                }
            }
            Outcome::Walked(Walk::Loop(mut cycle)) => {
                let shown = cycle.clone();
                cycle.sort();
                if self.cycles.insert(cycle) {
                    self.out.push(loop_finding(ctx, &name, &shown));
                }
            }
            Outcome::Walked(Walk::TooLong(chain)) => self.long.push(chain),
            Outcome::Walked(Walk::Ends) | Outcome::Fine => {}
        }
    }

    /// The findings, once every CNAME is resolved: the long chains reported last, the
    /// longest first, each chain once.
    pub fn finish(self, ctx: &Context) -> Vec<Finding> {
        let Self {
            mut out, mut long, ..
        } = self;
        long.sort_by_key(|c| std::cmp::Reverse(c.len()));
        let mut reported: Vec<Vec<Name>> = Vec::new();
        for chain in long {
            if reported.iter().any(|r| r.contains(&chain[0])) {
                continue;
            }
            out.push(long_finding(ctx, &chain));
            reported.push(chain);
        }
        out
    }
}

/// Follows CNAMEs through the zones meant to hold each name.
fn walk(ctx: &Context, start: &Name) -> Walk {
    let max = Limits::default().max_cname;
    let mut chain = vec![start.clone()];
    let mut at = start.clone();
    loop {
        let Some(zone) = ctx.zone_for_name(&at) else {
            return Walk::Ends;
        };
        if zone.cut_for(&at).is_some() {
            return Walk::Ends;
        }
        let Some(RData::CNAME(target)) = zone
            .get(&at, RecordType::CNAME)
            .and_then(|s| s.values.first())
        else {
            return Walk::Ends;
        };
        let target = target.0.clone();
        if let Some(pos) = chain.iter().position(|n| *n == target) {
            return Walk::Loop(chain[pos..].to_vec());
        }
        chain.push(target.clone());
        if chain.len() - 1 > max {
            return Walk::TooLong(chain);
        }
        at = target;
    }
}

fn involved(ctx: &Context, names: &[Name]) -> Vec<crate::diagnose::finding::Involved> {
    names
        .iter()
        .filter_map(|n| {
            let zone = ctx.zone_for_name(n)?;
            zone.get(n, RecordType::CNAME)?;
            Some(ctx.involved_set(&zone.id, n, RecordType::CNAME))
        })
        .collect()
}

fn loop_finding(ctx: &Context, start: &Name, cycle: &[Name]) -> Finding {
    let mut path: Vec<String> = cycle.iter().map(t).collect();
    path.push(t(&cycle[0]));
    let text = format!(
        "The CNAME chain {} comes back to where it started, so it never reaches an address. Resolvers detect the loop and answer SERVFAIL for every name on it (BIND answers SERVFAIL too when the loop is inside one zone). Point one of these CNAMEs at the name that holds the real records.",
        path.join(" → ")
    );
    let mut f = Finding::new(
        Code::CnameLoop,
        Severity::Error,
        format!("{}: a CNAME loop", t(&cycle[0])),
        text,
    );
    f.involved = involved(ctx, cycle);
    f.evidence = vec![evidence::recursive(ctx.world, ctx.now, "A", &t(start))];
    f
}

fn long_finding(ctx: &Context, chain: &[Name]) -> Finding {
    let max = Limits::default().max_cname;
    let text = format!(
        "{} is the start of a chain of more than {max} CNAMEs ({} → … → {}). Resolvers follow only so many (Unbound gives up at the 12th, BIND likewise inside one zone) and answer SERVFAIL. Point the first CNAMEs directly at the end of the chain.",
        t(&chain[0]),
        t(&chain[0]),
        chain[chain.len() - 1]
    );
    let mut f = Finding::new(
        Code::CnameChainTooLong,
        Severity::Error,
        format!(
            "{}: a CNAME chain longer than resolvers follow",
            t(&chain[0])
        ),
        text,
    );
    f.involved = involved(ctx, chain);
    f.evidence = vec![evidence::recursive(ctx.world, ctx.now, "A", &t(&chain[0]))];
    f
}

fn dangling_finding(ctx: &Context, start: &Name, owner: &Name, target: &Name) -> Finding {
    let via = if start == owner {
        String::new()
    } else {
        format!(" (reached from {})", t(start))
    };
    let text = format!(
        "{}{via} is an alias for {}, which does not exist, so resolvers answer NXDOMAIN for it. Create {}, or point the CNAME at a name that exists.",
        t(owner),
        t(target),
        t(target)
    );
    let mut f = Finding::new(
        Code::CnameToNxdomain,
        Severity::Warning,
        format!("{}: a CNAME to a name that does not exist", t(owner)),
        text,
    );
    f.involved = involved(ctx, std::slice::from_ref(owner));
    f.evidence = vec![evidence::recursive(ctx.world, ctx.now, "A", &t(start))];
    f
}
