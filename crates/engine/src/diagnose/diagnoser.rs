//! A diagnosis kept between revisions of a scenario and run in slices: [`Diagnoser::start`]
//! takes a revision (a cheap copy: zones are shared), [`Diagnoser::step`] does a bounded
//! amount of work and says how far it is, so an app can run it between frames and show
//! progress, and [`Diagnoser::run`] does it all at once. The findings are exactly those of
//! [`super::diagnose`], worked out in the same order.
//!
//! The core never reads the clock: a unit of work is one zone origin resolved, one
//! delegation probed, one check run or one finding's fixes tried; the caller decides how
//! many units fit in its time slice. Starting on the revision already diagnosed costs
//! nothing; starting on one that differs from it only by the public resolver's cache (a
//! resolution was run) runs again only the check that reads that cache and tries the fixes
//! again, keeping what every other check found (they read the world, the accounts and the
//! clock, which are the same). On any other revision, which zone answers for each origin
//! and each delegation's probe and per-delegation findings are reused from the revisions
//! before while what they read is the same ([`super::kept`]): a unit of work whose result
//! is reused costs a few lookups. The checks over the whole world run again.

use hickory_proto::rr::Name;

use super::checks::{self, Scope};
use super::context::{Context, Parts};
use super::delegation::{self, Delegation};
use super::finding::Finding;
use super::kept::{self, Store};
use super::{sort_findings, try_fixes_of};
use crate::dns::reads;
use crate::scenario::Scenario;

/// How far a diagnosis has gone, in units of work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

impl Progress {
    pub fn finished(&self) -> bool {
        self.done >= self.total
    }
}

/// Where a diagnosis is.
enum Stage {
    /// Resolving each origin from the root (which zone is live).
    Live(Vec<Name>),
    /// Probing each delegation.
    Delegations(Vec<(String, Name)>),
    /// Running the next check.
    Checks(usize),
    /// The CAA check (check number `.0`), a name at a time.
    Caa(usize, checks::CaaPending),
    /// The CNAME chain check (check number `.0`), a CNAME at a time.
    Cname(usize, checks::CnamePending),
    /// Trying the fixes of the next finding.
    Fixes(usize),
    Done,
}

/// A diagnosis in progress, or finished, of one revision.
pub struct Diagnoser {
    /// The revision being diagnosed (or diagnosed last).
    scenario: Option<Scenario>,
    parts: Parts,
    stage: Stage,
    found: Vec<Finding>,
    done: usize,
    total: usize,
    /// The findings of the last revision diagnosed to the end.
    findings: Option<Vec<Finding>>,
    /// Every check's findings of that revision, before the fixes were tried, and where the
    /// cache check's are among them.
    kept: Option<Kept>,
    /// Where the cache check's findings are, in the diagnosis running.
    cache_found: std::ops::Range<usize>,
    /// The results kept between revisions.
    store: Store,
    /// The delegations probed so far, and what each per-delegation check found about them
    /// (by the check's place in [`checks::CHECKS`]), in probing order.
    probed: Vec<Delegation>,
    by_check: Vec<Vec<Finding>>,
}

/// The checks' findings of a revision, in the order found, fixes not yet tried.
struct Kept {
    raw: Vec<Finding>,
    cache: std::ops::Range<usize>,
}

/// Whether two revisions differ at most by the public resolver's cache. Every field is
/// named, so a new one has to be placed here.
fn same_but_cache(a: &Scenario, b: &Scenario) -> bool {
    let Scenario {
        version,
        title,
        description,
        seed,
        clock,
        world,
        aws,
        resolver_cache: _,
    } = a;
    *version == b.version
        && *title == b.title
        && *description == b.description
        && *seed == b.seed
        && *clock == b.clock
        && *world == b.world
        && *aws == b.aws
}

impl Default for Diagnoser {
    fn default() -> Self {
        Self::new()
    }
}

impl Diagnoser {
    pub fn new() -> Self {
        Self {
            scenario: None,
            parts: Parts::default(),
            stage: Stage::Done,
            found: Vec::new(),
            done: 0,
            total: 0,
            findings: None,
            kept: None,
            cache_found: 0..0,
            store: Store::default(),
            probed: Vec::new(),
            by_check: Vec::new(),
        }
    }

    /// How many results of origins and delegations the revision started last has reused
    /// from the revisions before, and how many it has worked out, so far.
    pub fn kept_counts(&self) -> (usize, usize) {
        self.store.counts()
    }

    /// Starts diagnosing `scenario`, unless it is the revision diagnosed (or being
    /// diagnosed) already. The findings of the previous revision stay available until this
    /// one's are finished.
    pub fn start(&mut self, scenario: &Scenario) {
        if self.scenario.as_ref() == Some(scenario) {
            return;
        }
        if self.is_current()
            && self
                .scenario
                .as_ref()
                .is_some_and(|s| same_but_cache(s, scenario))
            && let Some(kept) = self.kept.take()
        {
            self.rerun_cache_check(scenario, kept);
            return;
        }
        self.store.hold(scenario);
        self.probed.clear();
        self.by_check = vec![Vec::new(); checks::CHECKS.len()];
        let mut origins = Context::new_empty(scenario).origins();
        self.total = origins.len() + 1 + checks::CHECKS.len();
        // Taken from the end: resolved in the same order as a whole diagnosis does.
        origins.reverse();
        self.done = 0;
        self.scenario = Some(scenario.clone());
        self.parts = Parts::default();
        self.kept = None;
        self.cache_found = 0..0;
        self.stage = Stage::Live(origins);
        self.found.clear();
    }

    /// Starts on a revision that differs from the one diagnosed only by the resolver's
    /// cache: the cache check again, then every finding's fixes tried again.
    fn rerun_cache_check(&mut self, scenario: &Scenario, kept: Kept) {
        let check = checks::CHECKS
            .iter()
            .find(|(name, _, _)| *name == checks::CACHE_CHECK)
            .map(|(_, check, _)| *check)
            .expect("the cache check");
        let ctx = Context::with_parts(scenario, std::mem::take(&mut self.parts));
        let fresh = check(&ctx);
        self.parts = ctx.into_parts();
        let Kept { mut raw, cache } = kept;
        let start = cache.start;
        raw.splice(cache, fresh.iter().cloned());
        self.kept = Some(Kept {
            cache: start..start + fresh.len(),
            raw: raw.clone(),
        });
        self.scenario = Some(scenario.clone());
        self.found = raw;
        self.done = 0;
        self.total = self.found.len() + 1;
        self.stage = Stage::Fixes(0);
    }

    pub fn progress(&self) -> Progress {
        Progress {
            done: self.done,
            total: self.total,
        }
    }

    /// What the next unit of work is, in words: "resolving each zone from the root",
    /// "probing delegations", the name of the check, "trying fixes", or "done".
    pub fn stage(&self) -> &'static str {
        match &self.stage {
            Stage::Live(_) => "resolving each zone from the root",
            Stage::Delegations(_) => "probing delegations",
            Stage::Checks(i) => checks::CHECKS.get(*i).map_or("checks", |(name, _, _)| name),
            Stage::Caa(..) => checks::CAA_CHECK,
            Stage::Cname(..) => checks::CNAME_CHECK,
            Stage::Fixes(_) => "trying fixes",
            Stage::Done => "done",
        }
    }

    /// Whether the findings are those of the revision last started.
    pub fn is_current(&self) -> bool {
        matches!(self.stage, Stage::Done) && self.findings.is_some()
    }

    /// Runs up to `units` units of work (at least one); returns the progress.
    pub fn step(&mut self, units: usize) -> Progress {
        let Some(scenario) = &self.scenario else {
            return self.progress();
        };
        let mut ctx = Context::with_parts(scenario, std::mem::take(&mut self.parts));
        let mut left = units.max(1);
        while left > 0 {
            match &mut self.stage {
                Stage::Live(origins) => match origins.pop() {
                    Some(origin) => self.store.live(&mut ctx, origin),
                    None => {
                        ctx.find_primary();
                        let mut targets = delegation::targets(&ctx);
                        targets.reverse();
                        // The delegations are counted once known.
                        self.total += targets.len();
                        self.stage = Stage::Delegations(targets);
                    }
                },
                Stage::Delegations(targets) => match targets.pop() {
                    Some(key) => {
                        let result = match self.store.delegations.reuse(&ctx, &key) {
                            Some(result) => result,
                            None => {
                                ctx.take_looked();
                                let (result, world) =
                                    reads::record(|| kept::work_out(&mut ctx, &key.0, &key.1));
                                let read = kept::Read::new(&ctx, world);
                                self.store.delegations.keep(key, result.clone(), read);
                                result
                            }
                        };
                        self.probed.extend(result.delegation);
                        for (found, more) in self.by_check.iter_mut().zip(result.findings) {
                            found.extend(more);
                        }
                    }
                    None => {
                        // Every delegation is looked at: what the world checks read.
                        ctx.delegations = std::mem::take(&mut self.probed);
                        self.stage = Stage::Checks(0);
                    }
                },
                Stage::Checks(i) => match checks::CHECKS.get(*i) {
                    Some((checks::CAA_CHECK, _, _)) => {
                        let pending = checks::CaaPending::new(&ctx);
                        // Each name is a unit of work.
                        self.total += pending.left();
                        self.stage = Stage::Caa(*i, pending);
                        continue;
                    }
                    Some((checks::CNAME_CHECK, _, _)) => {
                        let pending = checks::CnamePending::new(&ctx);
                        // Each CNAME is a unit of work.
                        self.total += pending.left();
                        self.stage = Stage::Cname(*i, pending);
                        continue;
                    }
                    Some((_, _, Scope::Delegation)) => {
                        let found = std::mem::take(&mut self.by_check[*i]);
                        self.found.extend(found);
                        *i += 1;
                    }
                    Some((checks::OCCLUDED_CHECK, _, _)) => {
                        // Zone by zone, each zone's findings kept.
                        for zone in ctx.world.zones() {
                            let found = self.store.occluded.get_or_work(&ctx, &zone.id, || {
                                checks::occluded_in_zone(&ctx, zone)
                            });
                            self.found.extend(found);
                        }
                        *i += 1;
                    }
                    Some((name, check, Scope::World)) => {
                        let start = self.found.len();
                        self.found.extend(check(&ctx));
                        if *name == checks::CACHE_CHECK {
                            self.cache_found = start..self.found.len();
                        }
                        *i += 1;
                    }
                    None => {
                        // Every kept result has been looked at.
                        self.store.settle();
                        self.total += self.found.len();
                        self.kept = Some(Kept {
                            raw: self.found.clone(),
                            cache: self.cache_found.clone(),
                        });
                        self.stage = Stage::Fixes(0);
                    }
                },
                Stage::Caa(i, pending) => {
                    if pending.left() == 0 {
                        let next = *i + 1;
                        let Stage::Caa(_, pending) =
                            std::mem::replace(&mut self.stage, Stage::Checks(next))
                        else {
                            unreachable!("in the CAA stage");
                        };
                        self.found.extend(pending.finish(&ctx));
                    } else if let Some(name) = pending.next_name().cloned() {
                        // A name at a time: its decision kept, or worked out.
                        let decision = self
                            .store
                            .caa
                            .get_or_work(&ctx, &name, || pending.decide_next(&ctx));
                        pending.take(&ctx, decision);
                    }
                }
                Stage::Cname(i, pending) => {
                    if pending.left() == 0 {
                        let next = *i + 1;
                        let Stage::Cname(_, pending) =
                            std::mem::replace(&mut self.stage, Stage::Checks(next))
                        else {
                            unreachable!("in the CNAME stage");
                        };
                        self.found.extend(pending.finish(&ctx));
                    } else if let Some(name) = pending.next_name().cloned() {
                        // A CNAME at a time: what it shows kept, or worked out.
                        let found = self
                            .store
                            .cnames
                            .get_or_work(&ctx, &name, || checks::cname_outcome(&ctx, &name));
                        pending.take(&ctx, found);
                    }
                }
                Stage::Fixes(i) => match self.found.get_mut(*i) {
                    Some(f) => {
                        try_fixes_of(scenario, f);
                        *i += 1;
                    }
                    None => {
                        let mut findings = std::mem::take(&mut self.found);
                        sort_findings(&mut findings);
                        self.findings = Some(findings);
                        self.stage = Stage::Done;
                        self.done = self.total;
                        break;
                    }
                },
                Stage::Done => break,
            }
            self.done += 1;
            left -= 1;
        }
        self.done = self.done.min(self.total);
        self.parts = ctx.into_parts();
        self.progress()
    }

    /// The findings of the last revision diagnosed to the end (see [`Diagnoser::is_current`]).
    pub fn findings(&self) -> Option<&[Finding]> {
        self.findings.as_deref()
    }

    /// Diagnoses `scenario` to the end and returns its findings.
    pub fn run(&mut self, scenario: &Scenario) -> &[Finding] {
        self.start(scenario);
        while !self.is_current() {
            self.step(usize::MAX);
        }
        self.findings.as_deref().unwrap_or_default()
    }
}
