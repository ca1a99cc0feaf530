//! Name servers: a host name (and aliases), one IPv4 address, the zones it serves, and the
//! software whose answering habits it has.

use std::net::Ipv4Addr;

use hickory_proto::rr::Name;
use serde::{Deserialize, Serialize};

/// Which real server's habits an authoritative server follows where servers differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Software {
    /// BIND 9 (`minimal-responses no-auth-recursive`): the zone's NS go in the authority
    /// section of a positive answer only when the query did not ask for recursion.
    #[default]
    Bind,
    /// Route 53: positive answers always carry the zone's NS in the authority section.
    Route53,
}

/// One authoritative name server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameServer {
    #[serde(with = "crate::dns::name::serde_text")]
    pub name: Name,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "crate::dns::name::serde_texts"
    )]
    pub aliases: Vec<Name>,
    pub ip: Ipv4Addr,
    /// Ids of the zones served (see `Zone::id`).
    pub zones: Vec<String>,
    #[serde(default)]
    pub software: Software,
}

impl NameServer {
    pub fn new(name: Name, ip: Ipv4Addr, software: Software) -> Self {
        Self {
            name,
            aliases: Vec::new(),
            ip,
            zones: Vec::new(),
            software,
        }
    }

    /// Whether `name` is this server's name or one of its aliases.
    pub fn is_named(&self, name: &Name) -> bool {
        self.name == *name || self.aliases.iter().any(|a| a == name)
    }

    pub fn serves(&self, zone_id: &str) -> bool {
        self.zones.iter().any(|z| z == zone_id)
    }
}
