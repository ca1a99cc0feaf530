//! The in-memory Internet: every zone and every name server. Resolution and answers read it;
//! Route 53 and the scenario editors change it. It holds no clock and no randomness.
//!
//! Zones are shared (`Arc`): cloning a world copies one pointer per zone, and a zone is
//! copied only when it is changed ([`World::zone_mut`]), so an undo snapshot or a fix tried
//! on a copy of a world of a thousand zones shares every zone it does not change.

use std::net::Ipv4Addr;
use std::sync::Arc;

use hickory_proto::rr::Name;
use serde::{Deserialize, Serialize};

use super::canon;
use super::name;
use super::server::NameServer;
use super::world_index::{Index, IndexCell};
use super::zone::Zone;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct World {
    /// Change through the methods (`add_server`, `server_named_mut`), which keep the lookup
    /// tables true; a direct push is still read right, by a scan.
    pub servers: Vec<NameServer>,
    /// Change through the methods (`add_zone`, `zone_mut`, `replace_zone`, `remove_zone`).
    pub zones: Vec<Arc<Zone>>,
    /// Lookup tables over the two (see [`super::world_index`]); not part of the document.
    #[serde(skip)]
    pub(super) index: IndexCell,
}

impl World {
    pub fn new(servers: Vec<NameServer>, zones: Vec<Zone>) -> Self {
        Self {
            servers,
            zones: zones.into_iter().map(Arc::new).collect(),
            index: IndexCell::default(),
        }
    }

    /// The lookup tables, while they describe this world.
    pub(super) fn index(&self) -> Option<&Index> {
        self.index.get(&self.zones, &self.servers)
    }

    /// The zone with this id (noted by a running [`super::reads::record`]).
    pub fn zone(&self, id: &str) -> Option<&Zone> {
        let found = self.find_zone(id);
        super::reads::note_id(id, found);
        found
    }

    /// [`World::zone`], not noted.
    pub(super) fn find_zone(&self, id: &str) -> Option<&Zone> {
        if let Some(&i) = self.index().and_then(|x| x.zone_by_id.get(id))
            && let Some(z) = self.zones.get(i).filter(|z| z.id == id)
        {
            return Some(z);
        }
        self.zones.iter().find(|z| z.id == id).map(Arc::as_ref)
    }

    /// The zone to change: copied first if another world (an undo snapshot) shares it.
    pub fn zone_mut(&mut self, id: &str) -> Option<&mut Zone> {
        let built = self.index.built(&self.zones, &self.servers);
        let at = match built.and_then(|x| x.zone_by_id.get(id)) {
            Some(&i) if self.zones.get(i).is_some_and(|z| z.id == id) => i,
            _ => self.zones.iter().position(|z| z.id == id)?,
        };
        // The lookup tables stay: they read the zone's id and origin, not its records.
        self.index.touch(&self.zones, at);
        self.zones.get_mut(at).map(Arc::make_mut)
    }

    /// Puts `zone` in place of the zone with its id (a changed copy replacing the original,
    /// without copying the original first). Returns false when there is no such zone.
    pub fn replace_zone(&mut self, zone: Zone) -> bool {
        match self.zones.iter().position(|z| z.id == zone.id) {
            Some(at) => {
                // The same id; the tables stay when the origin is the same too.
                self.index.touch(&self.zones, at);
                if self.zones[at].origin != zone.origin {
                    self.index.clear();
                }
                self.zones[at] = Arc::new(zone);
                true
            }
            None => false,
        }
    }

    /// Adds a zone.
    pub fn add_zone(&mut self, zone: Zone) {
        self.index.clear();
        self.zones.push(Arc::new(zone));
    }

    /// Puts a zone at this place in the world's order (the root first, say).
    pub fn insert_zone(&mut self, at: usize, zone: Zone) {
        self.index.clear();
        self.zones.insert(at, Arc::new(zone));
    }

    /// Removes the zone with this id, and takes it from every server that served it.
    pub fn remove_zone(&mut self, id: &str) {
        self.index.clear();
        self.zones.retain(|z| z.id != id);
        for server in &mut self.servers {
            server.zones.retain(|z| z != id);
        }
    }

    /// Adds a name server.
    pub fn add_server(&mut self, server: NameServer) {
        self.index.clear();
        self.servers.push(server);
    }

    /// Every zone, in the world's order.
    pub fn zones(&self) -> impl Iterator<Item = &Zone> {
        self.zones.iter().map(Arc::as_ref)
    }

    /// Zones with this origin (Route 53 allows several hosted zones of one name; noted by
    /// a running [`super::reads::record`]).
    pub fn zones_named<'a>(&'a self, origin: &'a Name) -> impl Iterator<Item = &'a Zone> + 'a {
        super::reads::note_origin(self, origin);
        self.find_zones_named(origin)
    }

    /// [`World::zones_named`], not noted.
    pub(super) fn find_zones_named<'a>(
        &'a self,
        origin: &'a Name,
    ) -> impl Iterator<Item = &'a Zone> + 'a {
        let listed = self.index().map(|x| {
            x.zones_by_origin
                .get(&canon::key(origin))
                .map_or(&[][..], Vec::as_slice)
        });
        listed_or_all(&self.zones, listed)
            .map(Arc::as_ref)
            .filter(move |z| z.origin == *origin)
    }

    pub fn server_by_ip(&self, ip: Ipv4Addr) -> Option<&NameServer> {
        match self.index() {
            Some(x) => x.server_by_ip.get(&ip).map(|&i| &self.servers[i]),
            None => self.servers.iter().find(|s| s.ip == ip),
        }
    }

    /// The server with this host name or alias.
    pub fn server_named(&self, name: &Name) -> Option<&NameServer> {
        match self.index() {
            Some(x) => x
                .server_by_name
                .get(&canon::key(name))
                .map(|&i| &self.servers[i])
                .filter(|s| s.is_named(name)),
            None => self.servers.iter().find(|s| s.is_named(name)),
        }
    }

    pub fn server_named_mut(&mut self, name: &Name) -> Option<&mut NameServer> {
        self.index.clear();
        self.servers.iter_mut().find(|s| s.is_named(name))
    }

    /// Finds a server as a user names it after `@`: an address, a host name or an alias.
    pub fn find_server(&self, spec: &str) -> Option<&NameServer> {
        let spec = spec.trim().trim_start_matches('@');
        if let Ok(ip) = spec.parse::<Ipv4Addr>() {
            return self.server_by_ip(ip);
        }
        let name = name::parse_absolute(spec).ok()?;
        self.server_named(&name)
    }

    /// The root hints: every server of the root zone, by name and address.
    pub fn root_hints(&self) -> Vec<(Name, Ipv4Addr)> {
        if let Some(x) = self.index() {
            return x.root_hints.clone();
        }
        let root_ids: Vec<&str> = self
            .zones
            .iter()
            .filter(|z| z.origin.is_root())
            .map(|z| z.id.as_str())
            .collect();
        self.servers
            .iter()
            .filter(|s| s.zones.iter().any(|z| root_ids.contains(&z.as_str())))
            .map(|s| (s.name.clone(), s.ip))
            .collect()
    }

    /// The servers that serve the zone with this id.
    pub fn servers_of<'a>(&'a self, zone_id: &'a str) -> impl Iterator<Item = &'a NameServer> + 'a {
        let listed = self.index().map(|x| {
            x.servers_by_zone
                .get(zone_id)
                .map_or(&[][..], Vec::as_slice)
        });
        listed_or_all(&self.servers, listed).filter(move |s| s.serves(zone_id))
    }

    /// The zone parenting `origin`: the zone with the longest origin strictly above it that
    /// holds a delegation for it or would (chosen among zones that are served somewhere).
    pub fn parent_zones<'a>(&'a self, origin: &'a Name) -> impl Iterator<Item = &'a Zone> + 'a {
        super::reads::note_all();
        self.zones
            .iter()
            .map(Arc::as_ref)
            .filter(move |z| z.origin != *origin && z.origin.zone_of(origin))
    }
}

/// The items of `all` at the positions the lookup tables `listed`, or every item when there
/// are no tables (the caller filters either way).
fn listed_or_all<'a, T>(all: &'a [T], listed: Option<&'a [usize]>) -> impl Iterator<Item = &'a T> {
    let (listed, scanned) = match listed {
        Some(list) => (Some(list.iter().map(|&i| &all[i])), None),
        None => (None, Some(all.iter())),
    };
    listed
        .into_iter()
        .flatten()
        .chain(scanned.into_iter().flatten())
}
