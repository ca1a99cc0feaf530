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

use super::name;
use super::server::NameServer;
use super::zone::Zone;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct World {
    pub servers: Vec<NameServer>,
    pub zones: Vec<Arc<Zone>>,
}

impl World {
    pub fn zone(&self, id: &str) -> Option<&Zone> {
        self.zones.iter().find(|z| z.id == id).map(Arc::as_ref)
    }

    /// The zone to change: copied first if another world (an undo snapshot) shares it.
    pub fn zone_mut(&mut self, id: &str) -> Option<&mut Zone> {
        self.zones
            .iter_mut()
            .find(|z| z.id == id)
            .map(Arc::make_mut)
    }

    /// Puts `zone` in place of the zone with its id (a changed copy replacing the original,
    /// without copying the original first). Returns false when there is no such zone.
    pub fn replace_zone(&mut self, zone: Zone) -> bool {
        match self.zones.iter_mut().find(|z| z.id == zone.id) {
            Some(slot) => {
                *slot = Arc::new(zone);
                true
            }
            None => false,
        }
    }

    /// Adds a zone.
    pub fn add_zone(&mut self, zone: Zone) {
        self.zones.push(Arc::new(zone));
    }

    /// Every zone, in the world's order.
    pub fn zones(&self) -> impl Iterator<Item = &Zone> {
        self.zones.iter().map(Arc::as_ref)
    }

    /// Zones with this origin (Route 53 allows several hosted zones of one name).
    pub fn zones_named<'a>(&'a self, origin: &'a Name) -> impl Iterator<Item = &'a Zone> + 'a {
        self.zones
            .iter()
            .map(Arc::as_ref)
            .filter(move |z| z.origin == *origin)
    }

    pub fn server_by_ip(&self, ip: Ipv4Addr) -> Option<&NameServer> {
        self.servers.iter().find(|s| s.ip == ip)
    }

    /// The server with this host name or alias.
    pub fn server_named(&self, name: &Name) -> Option<&NameServer> {
        self.servers.iter().find(|s| s.is_named(name))
    }

    pub fn server_named_mut(&mut self, name: &Name) -> Option<&mut NameServer> {
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
        self.servers.iter().filter(move |s| s.serves(zone_id))
    }

    /// The zone parenting `origin`: the zone with the longest origin strictly above it that
    /// holds a delegation for it or would (chosen among zones that are served somewhere).
    pub fn parent_zones<'a>(&'a self, origin: &'a Name) -> impl Iterator<Item = &'a Zone> + 'a {
        self.zones
            .iter()
            .map(Arc::as_ref)
            .filter(move |z| z.origin != *origin && z.origin.zone_of(origin))
    }
}
