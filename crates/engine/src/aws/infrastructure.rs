//! The awsdns name servers as part of the Internet: each `ns-N.awsdns-NN.<tld>` is a server
//! at 205.251.192.0 + N; its host name lives in the zone `awsdns-NN.<tld>`, which those
//! servers serve and which the TLD delegates to them with glue. Resolving a hosted zone's
//! glueless delegation therefore first resolves these names, as in the real world.

use hickory_proto::rr::{Name, RecordType};

use super::delegation_set::{server_domain, server_ip, server_name};
use crate::dns::internet::{DELEGATION_TTL, a_set, ns_set, soa_set, tld_zone_id};
use crate::dns::server::{NameServer, Software};
use crate::dns::world::World;
use crate::dns::zone::Zone;

/// TTL of the awsdns host addresses.
pub const HOST_TTL: u32 = 172_800;

/// Makes sure Route 53 server `n` exists: the server, its address record in
/// `awsdns-NN.<tld>`, and that domain's delegation in its TLD. Returns the host name.
pub fn ensure_server(world: &mut World, n: u16) -> Name {
    let host = server_name(n);
    if world.server_named(&host).is_some() {
        return host;
    }
    let domain = server_domain(n);
    let domain_id = domain.to_string();
    if world.zone(&domain_id).is_none() {
        let mut zone = Zone::new(domain_id.clone(), domain.clone());
        zone.upsert(soa_set(
            domain.clone(),
            &host.to_string(),
            "awsdns-hostmaster.amazon.com.",
            900,
            1,
        ));
        world.add_zone(zone);
    }
    let mut server = NameServer::new(host.clone(), server_ip(n), Software::Route53);
    server.zones.push(domain_id.clone());
    world.add_server(server);

    let zone = world.zone_mut(&domain_id).expect("awsdns zone");
    zone.upsert(a_set(host.clone(), server_ip(n), HOST_TTL));
    let hosts: Vec<Name> = zone
        .iter()
        .filter(|s| s.rtype == RecordType::A)
        .map(|s| s.name.clone())
        .collect();
    zone.upsert(ns_set(domain.clone(), hosts.clone(), HOST_TTL));

    if let Some(tld_id) = tld_zone_id(world, &domain) {
        let tld = world.zone_mut(&tld_id).expect("tld zone");
        tld.upsert(ns_set(domain.clone(), hosts.clone(), DELEGATION_TTL));
        tld.upsert(a_set(host.clone(), server_ip(n), DELEGATION_TTL));
    }
    host
}
