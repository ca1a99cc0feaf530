//! What every check shares: the scenario, which zone resolution actually reaches for each
//! origin ("live"), which zone of a name is the one meant to serve it ("primary", when
//! Route 53 holds several of one name), every delegation already probed, and the
//! resolutions already run, so that the same name-server address is not looked up again by
//! each check.
//!
//! Each question is resolved as a fresh resolver would (an empty cache), once per revision:
//! what a check finds does not depend on what was asked before it, so a result kept from an
//! earlier revision ([`super::kept`]) is the one a whole diagnosis finds. The context also
//! notes which entries of its "live" and "primary" maps were looked at ([`Context::take_looked`]),
//! and a resolution reused replays what it read of the world ([`crate::dns::reads`]).

use std::cell::RefCell;
use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use hickory_proto::rr::{Name, RecordType};

use super::delegation::{self, Delegation};
use super::finding::{Involved, RecordRef};
use crate::dns::answer::Question;
use crate::dns::internet;
use crate::dns::reads::{self, Reads};
use crate::dns::resolve::{self, Cache, Resolution};
use crate::dns::server::NameServer;
use crate::dns::world::World;
use crate::dns::zone::Zone;
use crate::scenario::Scenario;

pub struct Context<'a> {
    pub scenario: &'a Scenario,
    pub world: &'a World,
    pub now: u64,
    /// Origin → the zone that answers for it when resolved from the root.
    live: BTreeMap<Name, String>,
    /// Origin → the zone of that name meant to serve it.
    primary: BTreeMap<Name, String>,
    pub delegations: Vec<Delegation>,
    resolved: RefCell<Resolved>,
    looked: RefCell<Vec<(Map, Name)>>,
}

/// The resolutions run on a revision, by question, with what each read of the world.
type Resolved = FxHashMap<(Name, RecordType), (Resolution, Reads)>;

/// One of the context's maps by origin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Map {
    Live,
    Primary,
}

/// What a context has worked out, kept apart from the scenario it was worked out on, so a
/// diagnosis run in slices ([`super::Diagnoser`]) keeps it between slices.
#[derive(Default)]
pub struct Parts {
    live: BTreeMap<Name, String>,
    primary: BTreeMap<Name, String>,
    delegations: Vec<Delegation>,
    resolved: Resolved,
}

impl<'a> Context<'a> {
    pub fn new(scenario: &'a Scenario) -> Self {
        let mut ctx = Self::with_parts(scenario, Parts::default());
        for origin in ctx.origins() {
            ctx.find_live(origin);
        }
        ctx.find_primary();
        ctx.delegations = delegation::analyse(&ctx);
        ctx
    }

    /// A context on `scenario` that has worked nothing out yet.
    pub fn new_empty(scenario: &'a Scenario) -> Self {
        Self::with_parts(scenario, Parts::default())
    }

    /// A context on `scenario` with what was worked out on it before.
    pub fn with_parts(scenario: &'a Scenario, parts: Parts) -> Self {
        Self {
            scenario,
            world: &scenario.world,
            now: scenario.clock,
            live: parts.live,
            primary: parts.primary,
            delegations: parts.delegations,
            resolved: RefCell::new(parts.resolved),
            looked: RefCell::new(Vec::new()),
        }
    }

    /// What this context worked out, to continue later.
    pub fn into_parts(self) -> Parts {
        Parts {
            live: self.live,
            primary: self.primary,
            delegations: self.delegations,
            resolved: self.resolved.into_inner(),
        }
    }

    /// Every zone origin, once each, in order: what [`Context::find_live`] is asked of.
    pub fn origins(&self) -> Vec<Name> {
        let mut origins: Vec<Name> = self.world.zones().map(|z| z.origin.clone()).collect();
        origins.sort();
        origins.dedup();
        origins
    }

    /// Finds which zone of `origin` resolution from the root reaches.
    pub fn find_live(&mut self, origin: Name) {
        let no_root = self.world.root_hints().is_empty();
        if no_root || origin.is_root() {
            if let Some(z) = self.world.zones_named(&origin).next() {
                self.live.insert(origin.clone(), z.id.clone());
            }
            return;
        }
        let r = self.resolve_once(&Question::new(origin.clone(), RecordType::SOA));
        if let Some(id) =
            answering_zone(&r).filter(|id| self.world.zone(id).is_some_and(|z| z.origin == origin))
        {
            self.live.insert(origin, id);
        }
    }

    /// Sets which zone answers for `origin` (as [`Context::find_live`] found it before).
    pub fn set_live(&mut self, origin: Name, zone_id: Option<String>) {
        match zone_id {
            Some(id) => self.live.insert(origin, id),
            None => self.live.remove(&origin),
        };
    }

    /// Finds the primary zone of each origin (after [`Context::find_live`] of every origin).
    pub fn find_primary(&mut self) {
        for zone in &self.world.zones {
            if self.primary.contains_key(&zone.origin) {
                continue;
            }
            let id = match self.live.get(&zone.origin) {
                Some(id) => id.clone(),
                None => {
                    let twins: Vec<&Zone> = self.world.zones_named(&zone.origin).collect();
                    let most = twins.iter().map(|z| z.len()).max().unwrap_or(0);
                    twins
                        .iter()
                        .rev()
                        .find(|z| z.len() == most)
                        .map_or_else(|| zone.id.clone(), |z| z.id.clone())
                }
            };
            self.primary.insert(zone.origin.clone(), id);
        }
    }

    /// A resolution by a recursive resolver with an empty cache (run once per question on
    /// a revision; a repeat replays what the first read).
    pub fn resolve(&self, q: &Question) -> Resolution {
        let key = (q.name.clone(), q.rtype);
        if let Some((r, read)) = self.resolved.borrow().get(&key) {
            reads::replay(read);
            return r.clone();
        }
        let (r, read) =
            reads::record(|| resolve::recursive(self.world, &mut Cache::new(), q, self.now));
        self.resolved.borrow_mut().insert(key, (r.clone(), read));
        r
    }

    /// [`Context::resolve`] for a question asked once per revision (each origin's SOA,
    /// each CNAME): the same resolution, not kept (a zone of thousands of CNAMEs would keep
    /// thousands of traces).
    pub fn resolve_once(&self, q: &Question) -> Resolution {
        if let Some((r, read)) = self.resolved.borrow().get(&(q.name.clone(), q.rtype)) {
            reads::replay(read);
            return r.clone();
        }
        reads::record(|| resolve::recursive(self.world, &mut Cache::new(), q, self.now)).0
    }

    /// The entry of one of the maps for `origin`, noted as looked at.
    fn entry(&self, map: Map, origin: &Name) -> Option<&String> {
        self.looked.borrow_mut().push((map, origin.clone()));
        self.value(map, origin)
    }

    /// The entry of one of the maps for `origin`, not noted.
    pub fn value(&self, map: Map, origin: &Name) -> Option<&String> {
        match map {
            Map::Live => self.live.get(origin),
            Map::Primary => self.primary.get(origin),
        }
    }

    /// The entries of the maps looked at since the last call (see the module's doc).
    pub fn take_looked(&self) -> Vec<(Map, Name)> {
        std::mem::take(&mut self.looked.borrow_mut())
    }

    /// Whether resolution from the root reaches this zone for its origin.
    pub fn is_live(&self, zone_id: &str) -> bool {
        self.world.zone(zone_id).is_some_and(|z| {
            self.entry(Map::Live, &z.origin)
                .is_some_and(|id| id == zone_id)
        })
    }

    /// Whether this zone is the one of its name meant to serve it.
    pub fn is_primary(&self, zone_id: &str) -> bool {
        self.world.zone(zone_id).is_some_and(|z| {
            self.entry(Map::Primary, &z.origin)
                .is_some_and(|id| id == zone_id)
        })
    }

    /// The zone of this origin meant to serve it.
    pub fn primary(&self, origin: &Name) -> Option<&'a Zone> {
        self.entry(Map::Primary, origin)
            .and_then(|id| self.world.zone(id))
    }

    /// The zone that should hold `name`'s records: the deepest zone (of each name, the
    /// primary one) whose origin contains it.
    pub fn zone_for_name(&self, name: &Name) -> Option<&'a Zone> {
        self.deepest(Map::Primary, name, true)
    }

    /// The deepest zone above `name` (strictly) that resolution reaches: where a delegation
    /// for `name` would go.
    pub fn live_parent_of(&self, name: &Name) -> Option<&'a Zone> {
        self.deepest(Map::Live, name, false)
    }

    /// The zone of the deepest origin in `map` that contains `name` (or is it, when
    /// `itself`), looked up suffix by suffix.
    fn deepest(&self, map: Map, name: &Name, itself: bool) -> Option<&'a Zone> {
        let labels = name.iter().count();
        let top = if itself {
            labels
        } else {
            labels.checked_sub(1)?
        };
        (0..=top)
            .rev()
            .find_map(|n| self.entry(map, &name.trim_to(n)).cloned())
            .and_then(|id| self.world.zone(&id))
    }

    /// Whether the zone is a top-level domain of the Internet fixtures, where registrars put
    /// the delegations of registered domains.
    pub fn is_registry(&self, zone: &Zone) -> bool {
        self.scenario.aws.hosted_zone(&zone.id).is_none()
            && !zone.origin.is_root()
            && internet::tld_zone_id(self.world, &zone.origin).as_deref() == Some(zone.id.as_str())
    }

    /// A server that serves the zone, to query it directly.
    pub fn server_of(&self, zone_id: &str) -> Option<&'a NameServer> {
        self.world.servers.iter().find(|s| s.serves(zone_id))
    }

    /// The zone as a finding names it.
    pub fn involved(&self, zone_id: &str) -> Involved {
        let zone = self
            .world
            .zone(zone_id)
            .map_or_else(Name::root, |z| z.origin.clone());
        Involved {
            zone_id: zone_id.to_string(),
            zone,
            account: self
                .scenario
                .aws
                .hosted_zone(zone_id)
                .map(|hz| hz.account.clone()),
            record: None,
        }
    }

    /// A record set in a zone, as a finding names it.
    pub fn involved_set(&self, zone_id: &str, name: &Name, rtype: RecordType) -> Involved {
        Involved {
            record: Some(RecordRef {
                name: name.clone(),
                rtype,
            }),
            ..self.involved(zone_id)
        }
    }

    /// `example.com. (Z…, account …)`: a zone in a sentence.
    pub fn label(&self, zone_id: &str) -> String {
        let origin = self
            .world
            .zone(zone_id)
            .map_or_else(|| zone_id.to_string(), |z| t(&z.origin));
        match self.scenario.aws.hosted_zone(zone_id) {
            Some(hz) => {
                let account = self
                    .scenario
                    .aws
                    .account(&hz.account)
                    .map_or_else(|| hz.account.clone(), |a| a.label.clone());
                format!("hosted zone {origin} ({zone_id}) in {account}")
            }
            None => format!("zone {origin}"),
        }
    }
}

/// The zone whose server answered last, authoritatively, in a resolution.
pub fn answering_zone(r: &Resolution) -> Option<String> {
    r.steps
        .iter()
        .rev()
        .filter_map(|s| s.reply())
        .find(|reply| reply.message.metadata.authoritative)
        .and_then(|reply| reply.zone_id.clone())
}

/// A name in a sentence: without its final dot (`api.example.com`), as people write it
/// ([`crate::dns::name::plain`], under the short name the findings' wording uses).
pub use crate::dns::name::plain as t;

/// Names as a list in a sentence: `a, b and c`.
pub fn list(names: &[Name]) -> String {
    let texts: Vec<String> = names.iter().map(t).collect();
    and_list(&texts)
}

/// `a`, `a and b`, `a, b and c`.
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A duration in words: `300 s`, `900 s (15 minutes)`, `172800 s (2 days)`.
pub fn duration(secs: u32) -> String {
    let unit = |n: u32, one: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {one}s")
        }
    };
    if secs >= 86_400 && secs.is_multiple_of(86_400) {
        format!("{secs} s ({})", unit(secs / 86_400, "day"))
    } else if secs >= 3600 && secs.is_multiple_of(3600) {
        format!("{secs} s ({})", unit(secs / 3600, "hour"))
    } else if secs >= 60 && secs.is_multiple_of(60) {
        format!("{secs} s ({})", unit(secs / 60, "minute"))
    } else {
        format!("{secs} s")
    }
}

/// The text with its first letter in upper case.
pub fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}
