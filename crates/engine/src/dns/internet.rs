//! The Internet around the hosted zones: root servers serving `.`, TLD servers serving
//! `com`, `net`, `org`, `uk` (with `co.uk` inside it) and `aws`, and the registry
//! delegations of registered domains in their TLD zone.
//!
//! Host names and addresses are the real ones (a.root-servers.net is 198.41.0.4,
//! a.gtld-servers.net 192.5.6.30, …), so traces read like the real thing.

use std::net::Ipv4Addr;

use hickory_proto::rr::rdata::{A, NS, SOA};
use hickory_proto::rr::{Name, RData, RecordType};

use super::name::n;
use super::rrset::RecordSet;
use super::server::{NameServer, Software};
use super::world::World;
use super::zone::Zone;

/// TTL of NS sets and glue in the root and TLD zones.
pub const DELEGATION_TTL: u32 = 172_800;

struct TldSpec {
    zone: &'static str,
    server: &'static str,
    ip: [u8; 4],
    hostmaster: &'static str,
}

const ROOTS: [(&str, [u8; 4]); 3] = [
    ("a.root-servers.net.", [198, 41, 0, 4]),
    ("b.root-servers.net.", [170, 247, 170, 2]),
    ("c.root-servers.net.", [192, 33, 4, 12]),
];

const TLDS: [TldSpec; 5] = [
    TldSpec {
        zone: "com.",
        server: "a.gtld-servers.net.",
        ip: [192, 5, 6, 30],
        hostmaster: "nstld.verisign-grs.com.",
    },
    TldSpec {
        zone: "net.",
        server: "a.gtld-servers.net.",
        ip: [192, 5, 6, 30],
        hostmaster: "nstld.verisign-grs.com.",
    },
    TldSpec {
        zone: "org.",
        server: "b0.org.afilias-nst.org.",
        ip: [199, 19, 54, 1],
        hostmaster: "hostmaster.donuts.email.",
    },
    TldSpec {
        zone: "uk.",
        server: "dns1.nic.uk.",
        ip: [213, 248, 216, 1],
        hostmaster: "hostmaster.nominet.org.uk.",
    },
    TldSpec {
        zone: "aws.",
        server: "ns1.dns.nic.aws.",
        ip: [156, 154, 144, 215],
        hostmaster: "hostmaster.nic.aws.",
    },
];

/// A world holding only the root and the TLDs.
pub fn standard() -> World {
    let mut world = World::default();
    let mut root = Zone::new(".", Name::root());
    root.upsert(soa_set(
        Name::root(),
        "a.root-servers.net.",
        "nstld.verisign-grs.com.",
        86_400,
        2026112800,
    ));
    root.upsert(ns_set(
        Name::root(),
        ROOTS.iter().map(|(h, _)| n(h)),
        518_400,
    ));
    for (host, ip) in ROOTS {
        root.upsert(a_set(n(host), Ipv4Addr::from(ip), 518_400));
        let mut server = NameServer::new(n(host), Ipv4Addr::from(ip), Software::Bind);
        server.zones.push(".".into());
        world.add_server(server);
    }
    for tld in &TLDS {
        let origin = n(tld.zone);
        root.upsert(ns_set(origin.clone(), [n(tld.server)], DELEGATION_TTL));
        root.upsert(a_set(n(tld.server), Ipv4Addr::from(tld.ip), DELEGATION_TTL));
        let mut zone = Zone::new(tld.zone, origin.clone());
        zone.upsert(soa_set(
            origin.clone(),
            tld.server,
            tld.hostmaster,
            900,
            2026112800,
        ));
        zone.upsert(ns_set(origin, [n(tld.server)], DELEGATION_TTL));
        world.add_zone(zone);
        match world.server_named_mut(&n(tld.server)) {
            Some(s) => s.zones.push(tld.zone.into()),
            None => {
                let mut server =
                    NameServer::new(n(tld.server), Ipv4Addr::from(tld.ip), Software::Bind);
                server.zones.push(tld.zone.into());
                world.add_server(server);
            }
        }
    }
    // The servers' own host names live in their TLD zones, as authoritative data.
    for (host, ip) in ROOTS
        .iter()
        .map(|(h, ip)| (*h, *ip))
        .chain(TLDS.iter().map(|t| (t.server, t.ip)))
    {
        let host = n(host);
        if let Some(zone_id) = tld_zone_id(&world, &host) {
            let zone = world.zone_mut(&zone_id).expect("tld zone");
            zone.upsert(a_set(host, Ipv4Addr::from(ip), DELEGATION_TTL));
        }
    }
    world.insert_zone(0, root);
    world
}

/// The id of the TLD zone that holds (or would delegate) `name`: the fixture zone with the
/// longest origin above it among the root's children.
pub fn tld_zone_id(world: &World, name: &Name) -> Option<String> {
    TLDS.iter()
        .filter(|t| n(t.zone).zone_of(name))
        .map(|t| t.zone.to_string())
        .find(|id| world.zone(id).is_some())
}

/// Why a registrar cannot set a domain's name servers.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegistryError {
    #[error("no TLD in this world holds {0}")]
    NoTld(Name),
    #[error("{0} is a top-level domain, not a registered domain")]
    NotRegistered(Name),
}

/// Sets the registry delegation of a registered domain (its NS in the TLD zone), as a
/// registrar does. Glue is added for name servers inside the TLD zone's own data.
pub fn set_registry_delegation(
    world: &mut World,
    domain: &Name,
    servers: &[Name],
) -> Result<(), RegistryError> {
    let tld_id = tld_zone_id(world, domain).ok_or_else(|| RegistryError::NoTld(domain.clone()))?;
    let tld = world.zone_mut(&tld_id).expect("tld zone");
    if tld.origin == *domain {
        return Err(RegistryError::NotRegistered(domain.clone()));
    }
    if servers.is_empty() {
        tld.remove(domain, RecordType::NS);
    } else {
        tld.upsert(ns_set(
            domain.clone(),
            servers.iter().cloned(),
            DELEGATION_TTL,
        ));
    }
    Ok(())
}

/// The registry delegation of a registered domain: its NS in the TLD zone.
pub fn registry_delegation(world: &World, domain: &Name) -> Option<Vec<Name>> {
    let tld = world.zone(&tld_zone_id(world, domain)?)?;
    let set = tld.get(domain, RecordType::NS)?;
    Some(
        set.values
            .iter()
            .filter_map(|v| match v {
                RData::NS(ns) => Some(ns.0.clone()),
                _ => None,
            })
            .collect(),
    )
}

/// An SOA set with the given primary server and hostmaster.
pub fn soa_set(origin: Name, mname: &str, rname: &str, ttl: u32, serial: u32) -> RecordSet {
    let soa = SOA::new(n(mname), n(rname), serial, 1800, 900, 604_800, 86_400);
    RecordSet::new(origin, RecordType::SOA, ttl, vec![RData::SOA(soa)])
}

/// An NS set.
pub fn ns_set(owner: Name, targets: impl IntoIterator<Item = Name>, ttl: u32) -> RecordSet {
    RecordSet::new(
        owner,
        RecordType::NS,
        ttl,
        targets.into_iter().map(|t| RData::NS(NS(t))).collect(),
    )
}

/// An A set with one address.
pub fn a_set(owner: Name, ip: Ipv4Addr, ttl: u32) -> RecordSet {
    RecordSet::new(owner, RecordType::A, ttl, vec![RData::A(A(ip))])
}
