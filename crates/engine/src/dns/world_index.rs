//! The world's lookup tables: zones by id and by origin, servers by name, address and
//! served zone, and the root hints, built once per version of the world instead of a scan
//! of every zone and server on each question (a resolution asks thousands of them at 1,000
//! zones).
//!
//! The tables never decide an answer alone: they are kept beside the world, dropped by each
//! method of [`World`](super::world::World) that changes zones or servers, and trusted only
//! while the world still has the numbers of zones and servers they were built from (code
//! that pushes to the public vectors directly is then read by a scan, as before). A zone
//! found by id is checked against its id as well.

use std::net::Ipv4Addr;
use std::sync::{Arc, OnceLock};

use hickory_proto::rr::Name;
use rustc_hash::FxHashMap;

use super::canon;
use super::server::NameServer;
use super::zone::Zone;

/// The tables of one version of the world.
#[derive(Debug, Default)]
pub struct Index {
    /// The numbers of zones and servers they were built from.
    pub counts: (usize, usize),
    pub zone_by_id: FxHashMap<String, usize>,
    /// Zones by the canonical key of their origin, in the world's order.
    pub zones_by_origin: FxHashMap<Vec<u8>, Vec<usize>>,
    /// Servers by the canonical key of their host name and of each alias.
    pub server_by_name: FxHashMap<Vec<u8>, usize>,
    pub server_by_ip: FxHashMap<Ipv4Addr, usize>,
    /// The servers of each zone id, in the world's order.
    pub servers_by_zone: FxHashMap<String, Vec<usize>>,
    pub root_hints: Vec<(Name, Ipv4Addr)>,
}

impl Index {
    pub fn build(zones: &[Arc<Zone>], servers: &[NameServer]) -> Self {
        let mut index = Index {
            counts: (zones.len(), servers.len()),
            ..Index::default()
        };
        for (i, z) in zones.iter().enumerate() {
            index.zone_by_id.entry(z.id.clone()).or_insert(i);
            index
                .zones_by_origin
                .entry(canon::key(&z.origin))
                .or_default()
                .push(i);
        }
        for (i, s) in servers.iter().enumerate() {
            for name in std::iter::once(&s.name).chain(&s.aliases) {
                index.server_by_name.entry(canon::key(name)).or_insert(i);
            }
            index.server_by_ip.entry(s.ip).or_insert(i);
            for id in &s.zones {
                let list = index.servers_by_zone.entry(id.clone()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        let root_ids: Vec<&str> = zones
            .iter()
            .filter(|z| z.origin.is_root())
            .map(|z| z.id.as_str())
            .collect();
        index.root_hints = servers
            .iter()
            .filter(|s| s.zones.iter().any(|z| root_ids.contains(&z.as_str())))
            .map(|s| (s.name.clone(), s.ip))
            .collect();
        index
    }
}

/// The tables, built on first use. Equal, cloned and printed as nothing: they are a cache of
/// the world beside them, never part of it.
///
/// A zone handed out for changing its records (`World::zone_mut`) keeps the tables: they
/// read only a zone's id and origin, never its records. That zone's place, id and origin
/// are noted ([`IndexCell::touch`]), and the tables are trusted only while it still has
/// them; the next zone handed out checks the last one first, and drops the tables if it
/// changed.
#[derive(Default)]
pub struct IndexCell {
    tables: OnceLock<Arc<Index>>,
    touched: Option<Touched>,
}

/// The zone last handed out for changing, as the tables know it.
#[derive(Debug, Clone)]
struct Touched {
    at: usize,
    id: String,
    origin: Name,
}

impl Touched {
    fn holds(&self, zones: &[Arc<Zone>]) -> bool {
        zones
            .get(self.at)
            .is_some_and(|z| z.id == self.id && z.origin == self.origin)
    }
}

impl IndexCell {
    /// The tables for these zones and servers, if they still describe them.
    pub fn get(&self, zones: &[Arc<Zone>], servers: &[NameServer]) -> Option<&Index> {
        let index = self
            .tables
            .get_or_init(|| Arc::new(Index::build(zones, servers)));
        let holds = self.touched.as_ref().is_none_or(|t| t.holds(zones));
        (holds && index.counts == (zones.len(), servers.len())).then_some(index.as_ref())
    }

    /// The tables if they are built already and still describe these zones and servers:
    /// never builds them (a change looking for its zone need not pay for that).
    pub fn built(&self, zones: &[Arc<Zone>], servers: &[NameServer]) -> Option<&Index> {
        self.tables.get()?;
        self.get(zones, servers)
    }

    /// Notes that zone `at` (of this id and origin) is about to be changed in place; the
    /// tables stay while it keeps its id and origin.
    pub fn touch(&mut self, zones: &[Arc<Zone>], at: usize) {
        if self.touched.as_ref().is_some_and(|t| !t.holds(zones)) {
            self.clear();
        }
        self.touched = zones.get(at).map(|z| Touched {
            at,
            id: z.id.clone(),
            origin: z.origin.clone(),
        });
    }

    /// Forgets the tables (the world has changed).
    pub fn clear(&mut self) {
        self.tables = OnceLock::new();
        self.touched = None;
    }
}

impl Clone for IndexCell {
    fn clone(&self) -> Self {
        let tables = OnceLock::new();
        if let Some(index) = self.tables.get() {
            let _ = tables.set(index.clone());
        }
        Self {
            tables,
            touched: self.touched.clone(),
        }
    }
}

impl PartialEq for IndexCell {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for IndexCell {}

impl std::fmt::Debug for IndexCell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("IndexCell")
    }
}

#[cfg(test)]
mod tests {
    use hickory_proto::rr::RecordType;

    use crate::dns::{World, n};

    fn world() -> World {
        crate::scenario::presets::build("article").unwrap().world
    }

    fn ids_named(w: &World, origin: &str) -> Vec<String> {
        w.zones_named(&n(origin)).map(|z| z.id.clone()).collect()
    }

    #[test]
    fn changing_a_zones_records_keeps_the_tables_and_they_still_answer() {
        let mut w = world();
        let id = ids_named(&w, "example.com.")[0].clone();
        assert!(w.zone(&id).is_some());
        let before = ids_named(&w, "api.example.com.");
        let zone = w.zone_mut(&id).unwrap();
        zone.remove(&n("www.example.com."), RecordType::A);
        // Kept: the same tables answer after the change.
        assert!(w.index.tables.get().is_some());
        assert!(w.index().is_some());
        assert_eq!(w.zone(&id).unwrap().id, id);
        assert_eq!(ids_named(&w, "api.example.com."), before);
        assert_eq!(ids_named(&w, "example.com."), vec![id.clone()]);
        assert_eq!(w, {
            let mut fresh = world();
            fresh
                .zone_mut(&id)
                .unwrap()
                .remove(&n("www.example.com."), RecordType::A);
            fresh
        });
    }

    #[test]
    fn a_zone_given_another_origin_is_not_found_by_the_old_tables() {
        let mut w = world();
        let id = ids_named(&w, "example.com.")[0].clone();
        assert!(w.index().is_some());
        w.zone_mut(&id).unwrap().origin = n("example.org.");
        // The tables no longer describe the zone handed out: not trusted (a scan answers).
        assert!(w.index().is_none());
        assert_eq!(ids_named(&w, "example.org."), vec![id.clone()]);
        assert!(ids_named(&w, "example.com.").is_empty());
        // The next zone handed out drops them; built again, they answer.
        let other = ids_named(&w, "api.example.com.")[0].clone();
        w.zone_mut(&other);
        assert!(w.index().is_some());
        assert_eq!(ids_named(&w, "example.org."), vec![id]);
        assert!(ids_named(&w, "example.com.").is_empty());
    }
}
