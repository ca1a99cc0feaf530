//! TEMPORARY: a small hand-built world (root, `com`, `example.com` in one account,
//! `api.example.com` delegated to another) so the app shows something real until the
//! engine's presets exist. Replace `temporary_world` with the article's preset from
//! `crate::scenario` and delete this file.

use std::net::Ipv4Addr;

use hickory_proto::rr::RecordType;

use crate::dns::rrset::parse_values;
use crate::dns::{NameServer, RecordSet, Software, World, Zone, n};

/// The account that owns `example.com` in the fixture.
pub const PARENT_ACCOUNT: &str = "111111111111";
/// The account that owns `api.example.com` in the fixture.
pub const CHILD_ACCOUNT: &str = "222222222222";

const PARENT_NS: [&str; 4] = [
    "ns-1283.awsdns-32.org.",
    "ns-1821.awsdns-35.co.uk.",
    "ns-276.awsdns-34.com.",
    "ns-846.awsdns-41.net.",
];
const CHILD_NS: [&str; 4] = [
    "ns-1124.awsdns-12.org.",
    "ns-1720.awsdns-23.co.uk.",
    "ns-94.awsdns-11.com.",
    "ns-573.awsdns-07.net.",
];

/// TEMPORARY world fixture; see the file comment.
pub fn temporary_world() -> World {
    let mut world = World::default();

    let mut root = Zone::new(".", n("."));
    root.upsert(set(
        ".",
        RecordType::SOA,
        86400,
        &["a.root-servers.net. nstld.verisign-grs.com. 2024010100 1800 900 604800 86400"],
    ));
    root.upsert(set(".", RecordType::NS, 518400, &["a.root-servers.net."]));
    root.upsert(set(
        "com.",
        RecordType::NS,
        172800,
        &["a.gtld-servers.net."],
    ));
    root.upsert(set(
        "a.root-servers.net.",
        RecordType::A,
        518400,
        &["198.41.0.4"],
    ));
    root.upsert(set(
        "a.gtld-servers.net.",
        RecordType::A,
        172800,
        &["192.5.6.30"],
    ));
    world.zones.push(root);

    let mut com = Zone::new("com.", n("com."));
    com.upsert(set(
        "com.",
        RecordType::SOA,
        900,
        &["a.gtld-servers.net. nstld.verisign-grs.com. 1700000000 1800 900 604800 900"],
    ));
    com.upsert(set(
        "com.",
        RecordType::NS,
        172800,
        &["a.gtld-servers.net."],
    ));
    com.upsert(set("example.com.", RecordType::NS, 172800, &PARENT_NS));
    world.zones.push(com);

    let parent_id = format!("{PARENT_ACCOUNT}/Z0PARENTEXAMPLE1");
    let mut parent = Zone::new(parent_id.clone(), n("example.com."));
    parent.upsert(set(
        "example.com.",
        RecordType::SOA,
        900,
        &[&format!(
            "{} awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400",
            PARENT_NS[2]
        )],
    ));
    parent.upsert(set("example.com.", RecordType::NS, 172800, &PARENT_NS));
    parent.upsert(set("example.com.", RecordType::A, 300, &["192.0.2.10"]));
    parent.upsert(set(
        "example.com.",
        RecordType::TXT,
        300,
        &["\"google-site-verification=6Jb0bJ3VqvYGQnMgdVhTbl9k\""],
    ));
    parent.upsert(set(
        "www.example.com.",
        RecordType::CNAME,
        300,
        &["example.com."],
    ));
    parent.upsert(set("api.example.com.", RecordType::NS, 172800, &CHILD_NS));
    world.zones.push(parent);

    let child_id = format!("{CHILD_ACCOUNT}/Z0CHILDEXAMPLE22");
    let mut child = Zone::new(child_id.clone(), n("api.example.com."));
    child.upsert(set(
        "api.example.com.",
        RecordType::SOA,
        900,
        &[&format!(
            "{} awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400",
            CHILD_NS[2]
        )],
    ));
    child.upsert(set("api.example.com.", RecordType::NS, 172800, &CHILD_NS));
    child.upsert(set("api.example.com.", RecordType::A, 300, &["192.0.2.80"]));
    child.upsert(set(
        "www.api.example.com.",
        RecordType::CNAME,
        300,
        &["api.example.com."],
    ));
    world.zones.push(child);

    let mut a_root = NameServer::new(
        n("a.root-servers.net."),
        Ipv4Addr::new(198, 41, 0, 4),
        Software::Bind,
    );
    a_root.zones.push(".".into());
    world.servers.push(a_root);
    let mut gtld = NameServer::new(
        n("a.gtld-servers.net."),
        Ipv4Addr::new(192, 5, 6, 30),
        Software::Bind,
    );
    gtld.zones.push("com.".into());
    world.servers.push(gtld);
    for (i, name) in PARENT_NS.iter().enumerate() {
        let mut s = NameServer::new(
            n(name),
            Ipv4Addr::new(205, 251, 192, 10 + i as u8),
            Software::Route53,
        );
        s.zones.push(parent_id.clone());
        world.servers.push(s);
    }
    for (i, name) in CHILD_NS.iter().enumerate() {
        let mut s = NameServer::new(
            n(name),
            Ipv4Addr::new(205, 251, 193, 10 + i as u8),
            Software::Route53,
        );
        s.zones.push(child_id.clone());
        world.servers.push(s);
    }
    world
}

fn set(name: &str, rtype: RecordType, ttl: u32, values: &[&str]) -> RecordSet {
    let values = parse_values(rtype, values)
        .unwrap_or_else(|e| panic!("bad fixture value for {name} {rtype}: {e}"));
    RecordSet::new(n(name), rtype, ttl, values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fixture_delegates_api_to_the_child_zone_servers() {
        let world = temporary_world();
        assert_eq!(world.zones.len(), 4);
        let (parent_name, child_name) = (n("example.com."), n("api.example.com."));
        let parent = world.zones_named(&parent_name).next().unwrap();
        let cut = parent.cut_for(&n("www.api.example.com.")).unwrap();
        let delegated: Vec<String> = cut.values.iter().map(|v| v.to_string()).collect();
        let child = world.zones_named(&child_name).next().unwrap();
        let serving: Vec<String> = world
            .servers_of(&child.id)
            .map(|s| s.name.to_string())
            .collect();
        assert_eq!(delegated, serving);
    }
}
