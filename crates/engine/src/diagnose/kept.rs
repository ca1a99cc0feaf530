//! The diagnosis kept between revisions: which zone answers for each origin, and each
//! delegation's probe with what the per-delegation checks found about it, reused on the
//! next revision while everything they read is the same, so an edit to one zone works out
//! again that zone's delegations (to it, from it: its parent's and its children's) and the
//! origins whose resolution went through it, not the thousand others. [`super::Diagnoser`]
//! uses it; its findings are always [`super::diagnose`]'s.
//!
//! The idea is [`crate::scenario::hierarchy::KeptHierarchy`]'s: a result is keyed by what
//! it read, compared by identity. What a result read is recorded while it is worked out
//! ([`crate::dns::reads`]: each zone looked up by id, each origin whose zones were listed,
//! through every resolution it ran, its evidence's included) and by the context (each entry
//! of its "live" and "primary" maps looked at, with its value then). A result is reused when
//! every such lookup gives the same answer on the new revision.
//!
//! What is compared as a whole (a change to any of it drops every kept result): the name
//! servers, the accounts (Route 53's hosted zones, delegation sets, certificates), the
//! clock, and the zones' ids and origins in order (a zone added, removed or renamed). The
//! checks over the whole world run again on every revision (they are cheap or sliced);
//! each finding's fixes are tried again.
//!
//! Zones are compared by address: the kept results hold every revision whose zones they
//! name ([`Store::hold`]), so no address is reused while it is in a key.

use std::collections::HashMap;
use std::sync::Arc;

use hickory_proto::rr::Name;

use super::checks::{self, Scope};
use super::context::{Context, Map};
use super::delegation::Delegation;
use super::finding::Finding;
use crate::dns::reads::{self, Reads};
use crate::scenario::Scenario;

/// What a kept result read: of the world, and of the context's maps (with the values then).
#[derive(Debug, Clone, Default)]
pub struct Read {
    world: Reads,
    maps: Vec<(Map, Name, Option<String>)>,
}

impl Read {
    /// Whether everything read is the same on `ctx`'s revision.
    fn same_in(&self, ctx: &Context) -> bool {
        self.maps
            .iter()
            .all(|(map, origin, value)| ctx.value(*map, origin) == value.as_ref())
            && self.world.same_in(ctx.world)
    }
}

impl Read {
    /// What was read of the world (`world`, recorded) and of `ctx`'s maps since
    /// [`Context::take_looked`] was called last.
    pub fn new(ctx: &Context, world: Reads) -> Self {
        let mut maps: Vec<(Map, Name, Option<String>)> = ctx
            .take_looked()
            .into_iter()
            .map(|(map, origin)| {
                let value = ctx.value(map, &origin).cloned();
                (map, origin, value)
            })
            .collect();
        maps.sort();
        maps.dedup();
        Read { world, maps }
    }
}

/// Probes the delegation of `name` in the zone `parent` and runs each per-delegation check
/// on it alone (see [`super::checks::Scope::Delegation`]).
pub fn work_out(ctx: &mut Context, parent: &str, name: &Name) -> DelegationResult {
    let Some(d) = super::delegation::probe_one(ctx, parent, name) else {
        return DelegationResult {
            delegation: None,
            findings: Vec::new(),
        };
    };
    let all = std::mem::replace(&mut ctx.delegations, vec![d]);
    let findings = checks::CHECKS
        .iter()
        .map(|(_, check, scope)| match scope {
            Scope::Delegation => check(ctx),
            Scope::World => Vec::new(),
        })
        .collect();
    let d = std::mem::replace(&mut ctx.delegations, all).pop();
    DelegationResult {
        delegation: d,
        findings,
    }
}

/// One delegation, probed, and what each per-delegation check found about it (by the
/// check's place in [`super::checks::CHECKS`]; empty for the others).
#[derive(Debug, Clone)]
pub struct DelegationResult {
    pub delegation: Option<Delegation>,
    pub findings: Vec<Vec<Finding>>,
}

/// The results kept (see the module's documentation).
#[derive(Default)]
pub struct Store {
    /// Origin → the zone that answers for it (`None`: none), checked on the revision
    /// diagnosed now; `old_live`: not yet.
    live: HashMap<Name, (Option<String>, Read)>,
    old_live: HashMap<Name, (Option<String>, Read)>,
    /// Parent zone id and delegated name → the delegation's result, likewise.
    delegations: HashMap<(String, Name), (DelegationResult, Read)>,
    old_delegations: HashMap<(String, Name), (DelegationResult, Read)>,
    /// The revisions whose zones the results name, kept alive (see the module's doc).
    held: Vec<Scenario>,
    /// How many results the revision diagnosed last reused and worked out.
    pub reused: usize,
    pub worked: usize,
}

impl Store {
    /// Starts on `s`: drops every result when what is compared as a whole differs from the
    /// revision seen last, and holds `s` (the results worked out on it name its zones).
    pub fn hold(&mut self, s: &Scenario) {
        if let Some(last) = self.held.last()
            && !same_outside_zones(last, s)
        {
            self.live.clear();
            self.old_live.clear();
            self.delegations.clear();
            self.old_delegations.clear();
            self.held.clear();
        }
        // A revision diagnosed part way: what it checked is the newest.
        self.old_live.extend(self.live.drain());
        self.old_delegations.extend(self.delegations.drain());
        self.held.push(s.clone());
        self.reused = 0;
        self.worked = 0;
    }

    /// Every origin and delegation of the revision held last has been looked at: the results
    /// not looked at are of zones or delegations gone, and only that revision's zones are
    /// named now.
    pub fn settle(&mut self) {
        self.old_live.clear();
        self.old_delegations.clear();
        let keep = self.held.len().saturating_sub(1);
        self.held.drain(..keep);
    }

    /// Which zone answers for `origin` on `ctx`'s revision (set in the context): the kept
    /// result when still true, else worked out and kept.
    pub fn live(&mut self, ctx: &mut Context, origin: Name) {
        if let Some((value, read)) = self.old_live.remove(&origin)
            && read.same_in(ctx)
        {
            self.reused += 1;
            ctx.set_live(origin.clone(), value.clone());
            self.live.insert(origin, (value, read));
            return;
        }
        self.worked += 1;
        let ((), world) = reads::record(|| ctx.find_live(origin.clone()));
        let value = ctx.value(Map::Live, &origin).cloned();
        let read = Read {
            world,
            maps: Vec::new(),
        };
        self.live.insert(origin, (value, read));
    }

    /// The kept result of a delegation, when everything it read is the same on `ctx`'s
    /// revision (it is then kept for the next); else `None`: work it out ([`work_out`]) and
    /// [`Store::keep`] it.
    pub fn reuse(&mut self, ctx: &Context, key: &(String, Name)) -> Option<DelegationResult> {
        let (result, read) = self.old_delegations.remove(key)?;
        if !read.same_in(ctx) {
            return None;
        }
        self.reused += 1;
        self.delegations.insert(key.clone(), (result.clone(), read));
        Some(result)
    }

    /// Keeps a delegation's result worked out on the revision held last.
    pub fn keep(&mut self, key: (String, Name), result: DelegationResult, read: Read) {
        self.worked += 1;
        self.delegations.insert(key, (result, read));
    }
}

/// Whether the accounts are the same in what a check can read (the generator of ids and
/// delegation sets is not read: it moves on when a record is added).
fn same_accounts(a: &crate::aws::Aws, b: &crate::aws::Aws) -> bool {
    let crate::aws::Aws {
        accounts,
        hosted_zones,
        retired_sets,
        certificates,
        rng: _,
    } = a;
    *accounts == b.accounts
        && *hosted_zones == b.hosted_zones
        && *retired_sets == b.retired_sets
        && *certificates == b.certificates
}

/// Whether two revisions are the same in what the kept results do not record (see the
/// module's list). Every field is named, so a new one has to be placed here.
fn same_outside_zones(a: &Scenario, b: &Scenario) -> bool {
    let Scenario {
        version: _,
        title: _,
        description: _,
        seed: _,
        clock,
        world,
        aws,
        resolver_cache: _,
    } = a;
    *clock == b.clock
        && same_accounts(aws, &b.aws)
        && world.servers == b.world.servers
        && world.zones.len() == b.world.zones.len()
        && world
            .zones
            .iter()
            .zip(&b.world.zones)
            .all(|(x, y)| Arc::ptr_eq(x, y) || (x.id == y.id && x.origin == y.origin))
}
