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
//! clock, and the zones' ids and origins in order (a zone added, removed or renamed). Also
//! kept: each CNAME's outcome ([`checks::CnameOutcome`]), each name's CAA decision, and each
//! zone's records below a delegation. The other checks over the whole world run again on
//! every revision (they are cheap); each finding's fixes are tried again.
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

/// Results of one kind, by key: those checked on the revision diagnosed now, and those
/// kept from before, not yet checked on it.
pub struct Kept<K, V> {
    now: HashMap<K, (V, Read)>,
    before: HashMap<K, (V, Read)>,
    /// How many results the revision diagnosed now has reused and worked out so far.
    pub reused: usize,
    pub worked: usize,
}

impl<K, V> Default for Kept<K, V> {
    fn default() -> Self {
        Self {
            now: HashMap::new(),
            before: HashMap::new(),
            reused: 0,
            worked: 0,
        }
    }
}

impl<K: std::hash::Hash + Eq + Clone, V: Clone> Kept<K, V> {
    /// The result for `key` kept from before, when everything it read is the same on `ctx`'s
    /// revision (it is then kept for the next one too); else `None`: work it out and
    /// [`Kept::keep`] it.
    pub fn reuse(&mut self, ctx: &Context, key: &K) -> Option<V> {
        let (value, read) = self.before.remove(key)?;
        if !read.same_in(ctx) {
            return None;
        }
        self.reused += 1;
        self.now.insert(key.clone(), (value.clone(), read));
        Some(value)
    }

    /// Keeps a result worked out on the revision diagnosed now.
    pub fn keep(&mut self, key: K, value: V, read: Read) {
        self.worked += 1;
        self.now.insert(key, (value, read));
    }

    /// The result for `key`: reused, or worked out by `work` (recorded) and kept.
    pub fn get_or_work(&mut self, ctx: &Context, key: &K, work: impl FnOnce() -> V) -> V {
        if let Some(value) = self.reuse(ctx, key) {
            return value;
        }
        ctx.take_looked();
        let (value, world) = reads::record(work);
        let read = Read::new(ctx, world);
        self.keep(key.clone(), value.clone(), read);
        value
    }

    /// A new revision: every result is from before.
    fn age(&mut self) {
        let now = std::mem::take(&mut self.now);
        self.before.extend(now);
        self.reused = 0;
        self.worked = 0;
    }

    /// The results not checked on the revision diagnosed now are of things gone from it.
    fn settle(&mut self) {
        self.before.clear();
    }

    fn clear(&mut self) {
        self.now.clear();
        self.before.clear();
    }
}

/// The results kept (see the module's documentation).
#[derive(Default)]
pub struct Store {
    /// Origin → the zone that answers for it (`None`: none).
    pub live: Kept<Name, Option<String>>,
    /// Parent zone id and delegated name → the delegation's result.
    pub delegations: Kept<(String, Name), DelegationResult>,
    /// A CNAME's name → what resolving it shows.
    pub cnames: Kept<Name, checks::CnameOutcome>,
    /// A name → whether Amazon may issue for it, and the name whose CAA set decides.
    pub caa: Kept<Name, (bool, Option<Name>)>,
    /// A zone id → the records below a delegation it holds (the occluded check's findings).
    pub occluded: Kept<String, Vec<Finding>>,
    /// The revisions whose zones the results name, kept alive (see the module's doc).
    held: Vec<Scenario>,
}

impl Store {
    /// Starts on `s`: drops every result when what is compared as a whole differs from the
    /// revision seen last, and holds `s` (the results worked out on it name its zones).
    pub fn hold(&mut self, s: &Scenario) {
        if let Some(last) = self.held.last()
            && !same_outside_zones(last, s)
        {
            self.live.clear();
            self.delegations.clear();
            self.cnames.clear();
            self.caa.clear();
            self.occluded.clear();
            self.held.clear();
        }
        self.live.age();
        self.delegations.age();
        self.cnames.age();
        self.caa.age();
        self.occluded.age();
        self.held.push(s.clone());
    }

    /// Every result of the revision held last has been looked at: those not looked at are
    /// of zones, delegations and names gone, and only that revision's zones are named now.
    pub fn settle(&mut self) {
        self.live.settle();
        self.delegations.settle();
        self.cnames.settle();
        self.caa.settle();
        self.occluded.settle();
        let keep = self.held.len().saturating_sub(1);
        self.held.drain(..keep);
    }

    /// Which zone answers for `origin` on `ctx`'s revision (set in the context): the kept
    /// result when still true, else worked out and kept.
    pub fn live(&mut self, ctx: &mut Context, origin: Name) {
        if let Some(value) = self.live.reuse(ctx, &origin) {
            ctx.set_live(origin, value);
            return;
        }
        // It reads none of the context's maps.
        let ((), world) = reads::record(|| ctx.find_live(origin.clone()));
        let value = ctx.value(Map::Live, &origin).cloned();
        self.live.keep(
            origin,
            value,
            Read {
                world,
                maps: Vec::new(),
            },
        );
    }

    /// How many results the revision started last has reused and worked out so far.
    pub fn counts(&self) -> (usize, usize) {
        let kinds = [
            (self.live.reused, self.live.worked),
            (self.delegations.reused, self.delegations.worked),
            (self.cnames.reused, self.cnames.worked),
            (self.caa.reused, self.caa.worked),
            (self.occluded.reused, self.occluded.worked),
        ];
        kinds
            .iter()
            .fold((0, 0), |(r, w), (kr, kw)| (r + kr, w + kw))
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
