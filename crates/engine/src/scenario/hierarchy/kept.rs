//! The hierarchy kept between revisions: each delegation's edge is asked of its servers
//! again only when something it read has changed, so an edit to one zone asks again the
//! delegations to and from that zone (its parent's and its children's), not the thousand
//! others. The result is always [`super::hierarchy`]'s.
//!
//! What an edge reads, and so its key: the delegation's servers (the NS set in the parent);
//! for each server, the server itself (a generation number that changes when its entry in
//! the world changes: its zones, address, aliases) and the zones of each suffix of the
//! delegated name that the server's closest-zone search looked at, from the name itself up
//! to the zone it answered from (that zone's content decides the answer); the zones named
//! like the delegation (the child when no server answers) and the child zone (its apex NS).
//! Zones are compared by identity: a zone is held in an `Arc` that an edit replaces only
//! for the zones it changes, and this cache holds every zone of the revision it last saw,
//! so an address can never be reused for another zone while it is in a key. An answer that
//! followed a CNAME reads zones beyond these, and is asked again on every revision.

use std::collections::HashMap;
use std::sync::Arc;

use hickory_proto::rr::Name;

use super::{Answer, Edge, Hierarchy, ask_host, edge_from, for_each_delegation, nodes};
use crate::dns::server::NameServer;
use crate::dns::world::World;
use crate::dns::zone::Zone;
use crate::scenario::document::Scenario;

/// One edge and what it was worked out from.
struct KeptEdge {
    ns: Vec<Name>,
    /// For each server, the labels of the zone it looked in (see [`key_of`]).
    levels: Vec<u8>,
    /// What the edge read (see the module's list); `None`: ask again every time.
    key: Option<Vec<usize>>,
    edge: Edge,
}

/// A hierarchy kept between revisions (see the module's documentation).
#[derive(Default)]
pub struct KeptHierarchy {
    /// By parent zone id and delegated name.
    edges: HashMap<(String, Name), KeptEdge>,
    /// Every zone of the revision last seen: the identities in the keys stay valid.
    zones: Vec<Arc<Zone>>,
    /// The servers of the revision last seen, and each one's generation.
    servers: Vec<NameServer>,
    generations: Vec<usize>,
    next_generation: usize,
    /// How many edges the last revision reused and asked again.
    pub reused: usize,
    pub asked: usize,
}

impl KeptHierarchy {
    pub fn new() -> Self {
        Self::default()
    }

    /// The hierarchy of `s`, equal to [`super::hierarchy`]`(s)`.
    pub fn hierarchy(&mut self, s: &Scenario) -> Hierarchy {
        let world = &s.world;
        self.see_servers(world);
        let mut edges = Vec::new();
        let mut kept = HashMap::with_capacity(self.edges.len());
        let (mut reused, mut asked) = (0, 0);
        for_each_delegation(world, |parent, name, ns| {
            let id = (parent.id.clone(), name.clone());
            let old = self.edges.remove(&id);
            let hosts: Vec<Option<usize>> = ns
                .iter()
                .map(|h| world.server_named(h).map(|s| self.generation_of(world, s)))
                .collect();
            let reuse = old.filter(|o| {
                o.ns == ns
                    && o.key.as_ref().is_some_and(|k| {
                        *k == key_of(world, name, &hosts, &o.levels, o.edge.child.as_deref())
                    })
            });
            let entry = match reuse {
                Some(o) => {
                    reused += 1;
                    o
                }
                None => {
                    asked += 1;
                    let answers: Vec<Answer> =
                        ns.iter().map(|host| ask_host(world, name, host)).collect();
                    let chased = answers.iter().any(|a| a.chased);
                    let levels: Vec<u8> = answers.iter().map(|a| a.level).collect();
                    let edge = edge_from(world, parent, name, ns.clone(), &answers);
                    KeptEdge {
                        key: (!chased)
                            .then(|| key_of(world, name, &hosts, &levels, edge.child.as_deref())),
                        levels,
                        ns,
                        edge,
                    }
                }
            };
            edges.push(entry.edge.clone());
            kept.insert(id, entry);
        });
        self.edges = kept;
        self.zones = world.zones.clone();
        self.reused = reused;
        self.asked = asked;
        Hierarchy {
            nodes: nodes(s, &edges),
            edges,
        }
    }

    /// Gives each server of `world` a generation: the one it had when unchanged since the
    /// revision last seen, else a new one.
    fn see_servers(&mut self, world: &World) {
        let mut generations = Vec::with_capacity(world.servers.len());
        for (i, server) in world.servers.iter().enumerate() {
            let same = self.servers.get(i) == Some(server);
            generations.push(if same {
                self.generations[i]
            } else {
                self.next_generation += 1;
                self.next_generation
            });
        }
        if self.servers != world.servers {
            self.servers = world.servers.clone();
        }
        self.generations = generations;
    }

    fn generation_of(&self, world: &World, server: &NameServer) -> usize {
        // Its place in the world's list, from its address (a thousand zones have thousands of
        // servers: a search per delegated server would compare millions of pointers).
        let size = std::mem::size_of::<NameServer>().max(1);
        let at = (server as *const NameServer as usize)
            .wrapping_sub(world.servers.as_ptr() as usize)
            / size;
        let i = if world
            .servers
            .get(at)
            .is_some_and(|s| std::ptr::eq(s, server))
        {
            at
        } else {
            world
                .servers
                .iter()
                .position(|s| std::ptr::eq(s, server))
                .expect("a server of the world")
        };
        // The index and the generation: another server at the same place differs too.
        i.wrapping_mul(1 << 20) ^ self.generations[i]
    }
}

/// What an edge for `name` reads (see the module's list), as identities: for each server
/// (its generation, `None` when no server has that name), the zones of each suffix of the
/// name from the name itself up to the `levels` the server looked in. While those are the
/// same zones and the server is unchanged, its closest-zone search ends at the same zone.
fn key_of(
    world: &World,
    name: &Name,
    hosts: &[Option<usize>],
    levels: &[u8],
    child: Option<&str>,
) -> Vec<usize> {
    let mut key = Vec::with_capacity(hosts.len() * 3 + 2);
    let zone_id = |z: &Zone| z as *const Zone as usize;
    for (generation, level) in hosts.iter().zip(levels) {
        // A separator per server.
        key.push(usize::MAX);
        let Some(generation) = generation else {
            continue;
        };
        key.push(*generation);
        for labels in (*level..=name.num_labels()).rev() {
            let suffix = name.trim_to(usize::from(labels));
            key.extend(world.zones_named(&suffix).map(zone_id));
            key.push(usize::MAX - 2);
        }
    }
    key.push(usize::MAX - 1);
    key.extend(world.zones_named(name).map(zone_id));
    if let Some(z) = child.and_then(|id| world.zone(id)) {
        key.push(zone_id(z));
    }
    key
}

#[cfg(test)]
mod tests {
    use hickory_proto::rr::RecordType;

    use super::*;
    use crate::dns::name::n;
    use crate::dns::rrset::{RecordSet, parse_values};
    use crate::scenario::edit::Edit;
    use crate::scenario::hierarchy::hierarchy;
    use crate::scenario::{presets, scale};

    /// A small deterministic generator (xorshift), so a failure can be replayed.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n.max(1) as u64) as usize
        }

        fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
            (!items.is_empty()).then(|| &items[self.below(items.len())])
        }
    }

    fn set(name: &Name, rtype: RecordType, values: &[String]) -> RecordSet {
        let values: Vec<&str> = values.iter().map(String::as_str).collect();
        RecordSet::new(
            name.clone(),
            rtype,
            300,
            parse_values(rtype, &values).unwrap(),
        )
    }

    /// One edit of the kinds that change delegations: records added and deleted, NS sets
    /// added, changed and dropped, glue, CNAMEs, zones created, recreated and delegated.
    fn random_edit(s: &Scenario, rng: &mut Rng, step: usize) -> Option<Edit> {
        let hosted: Vec<&crate::aws::HostedZone> = s.aws.hosted_zones.iter().collect();
        let hz = *rng.pick(&hosted)?;
        let zone = s.world.zone(&hz.id)?;
        let servers_of = |rng: &mut Rng| -> Vec<String> {
            let other = hosted[rng.below(hosted.len())];
            let mut names: Vec<String> =
                other.name_servers().iter().map(|n| n.to_string()).collect();
            if rng.below(3) == 0 {
                names.pop();
            }
            if rng.below(4) == 0 {
                names.push(format!("ns1.{}", zone.origin));
            }
            names
        };
        let label = |rng: &mut Rng| -> Name {
            let child = *rng.pick(&hosted).unwrap();
            match rng.below(3) {
                // The name of another hosted zone, when below this one: a delegation to it.
                0 if zone.origin.zone_of(&child.name) && child.name != zone.origin => {
                    child.name.clone()
                }
                1 => n(&format!("x{}.{}", rng.below(5), zone.origin)),
                _ => n(&format!("ns1.{}", zone.origin)),
            }
        };
        let zone_id = hz.id.clone();
        Some(match rng.below(9) {
            0 | 1 => {
                let name = label(rng);
                Edit::UpsertRecordSet {
                    zone_id,
                    set: set(&name, RecordType::A, &[format!("192.0.2.{}", step % 250)]),
                }
            }
            2 | 3 => {
                let name = label(rng);
                Edit::UpsertRecordSet {
                    zone_id,
                    set: set(&name, RecordType::NS, &servers_of(rng)),
                }
            }
            4 => {
                let deletable: Vec<&RecordSet> = zone
                    .iter()
                    .filter(|x| {
                        !(x.name == zone.origin
                            && matches!(x.rtype, RecordType::SOA | RecordType::NS))
                    })
                    .collect();
                let gone = *rng.pick(&deletable)?;
                Edit::DeleteRecordSet {
                    zone_id,
                    name: gone.name.clone(),
                    rtype: gone.rtype,
                }
            }
            5 => {
                let name = n(&format!("c{}.{}", rng.below(4), zone.origin));
                let target = label(rng);
                Edit::UpsertRecordSet {
                    zone_id,
                    set: set(&name, RecordType::CNAME, &[target.to_string()]),
                }
            }
            6 => Edit::RecreateHostedZone { zone_id },
            7 => Edit::CreateHostedZone {
                account: hz.account.clone(),
                name: format!("z{}.{}", rng.below(6), zone.origin),
                caller_reference: format!("kept-{step}"),
            },
            _ => Edit::DelegateToChild {
                child_zone_id: zone_id,
                ttl: 300,
            },
        })
    }

    /// Applies `steps` random edits (those Route 53 refuses change nothing) and compares the
    /// kept hierarchy with a whole one after each.
    fn follows_random_edits(mut s: Scenario, seed: u64, steps: usize, label: &str) -> usize {
        let mut kept = KeptHierarchy::new();
        assert_eq!(kept.hierarchy(&s), hierarchy(&s), "{label}: first");
        let mut rng = Rng(seed);
        let mut reused = 0;
        for step in 0..steps {
            let Some(edit) = random_edit(&s, &mut rng, step) else {
                continue;
            };
            let _refused = edit.apply(&mut s);
            assert_eq!(
                kept.hierarchy(&s),
                hierarchy(&s),
                "{label}: step {step}, after {edit:?}"
            );
            reused += kept.reused;
        }
        reused
    }

    #[test]
    fn every_preset_after_random_edits_is_the_whole_hierarchy() {
        for (i, p) in presets::PRESETS.iter().enumerate() {
            let s = presets::build(p.id).unwrap();
            follows_random_edits(s, 0x9e37_79b9 + i as u64, 40, p.id);
        }
    }

    #[test]
    fn generated_worlds_after_random_edits_are_the_whole_hierarchy() {
        let reused = follows_random_edits(scale::many_zones(30, 3), 7, 120, "30 zones");
        assert!(reused > 0, "edges are kept between revisions");
        follows_random_edits(scale::big_zone(500), 11, 30, "a zone of 500 sets");
    }

    #[test]
    fn at_a_thousand_zones_an_edit_asks_only_the_delegations_it_touches() {
        let mut s = scale::many_zones(1000, 10);
        let mut kept = KeptHierarchy::new();
        assert_eq!(kept.hierarchy(&s), hierarchy(&s));
        let edges = kept.asked;
        assert!(edges >= 999, "{edges}");
        let parent = s
            .world
            .zones()
            .find(|z| z.origin == n("example.com.") && s.aws.hosted_zone(&z.id).is_some())
            .unwrap()
            .id
            .clone();
        // A record in the parent of the thousand delegations: none of them is asked again.
        Edit::UpsertRecordSet {
            zone_id: parent,
            set: set(&n("www.example.com."), RecordType::A, &["192.0.2.7".into()]),
        }
        .apply(&mut s)
        .unwrap();
        assert_eq!(kept.hierarchy(&s), hierarchy(&s));
        assert!(kept.asked <= 2, "asked again: {}", kept.asked);
        // One child recreated: Route 53 gives it four other servers, whose lists of zones
        // change, so the delegations those servers answer for (a few dozen zones share each
        // server, and the infrastructure's own) are asked again; not the thousand.
        let child = s
            .world
            .zones()
            .find(|z| z.origin == n("s500.example.com."))
            .unwrap()
            .id
            .clone();
        Edit::RecreateHostedZone { zone_id: child }
            .apply(&mut s)
            .unwrap();
        assert_eq!(kept.hierarchy(&s), hierarchy(&s));
        assert!(kept.asked <= 100, "asked again: {}", kept.asked);
        // Random edits at that size.
        follows_random_edits(s, 5, 25, "1,000 zones");
    }
}
