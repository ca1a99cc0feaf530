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
#[derive(Default)]
pub struct IndexCell(OnceLock<Arc<Index>>);

impl IndexCell {
    /// The tables for these zones and servers, if they still describe them.
    pub fn get(&self, zones: &[Arc<Zone>], servers: &[NameServer]) -> Option<&Index> {
        let index = self
            .0
            .get_or_init(|| Arc::new(Index::build(zones, servers)));
        (index.counts == (zones.len(), servers.len())).then_some(index.as_ref())
    }

    /// Forgets the tables (the world has changed).
    pub fn clear(&mut self) {
        self.0 = OnceLock::new();
    }
}

impl Clone for IndexCell {
    fn clone(&self) -> Self {
        let cell = OnceLock::new();
        if let Some(index) = self.0.get() {
            let _ = cell.set(index.clone());
        }
        Self(cell)
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
