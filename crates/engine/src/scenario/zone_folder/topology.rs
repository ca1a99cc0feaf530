//! `topology.json`: the servers of a zone folder, read with errors that give the JSON path
//! (and the line and column where serde_json knows them), and written one server per line.
//!
//! ```json
//! {"servers": [
//!   {"name": "a.root-servers.net.", "ip": "198.41.0.4", "zones": ["."]},
//!   {"name": "ns-1.awsdns-00.com.", "aliases": ["ns-1025.awsdns-00.org."], "ip": "192.0.2.3",
//!    "zones": ["example.com."], "software": "route53"}
//! ],
//!  "zones": [{"zone": "example.com.", "id": "Z0111"}]}
//! ```
//!
//! `aliases` is optional, `software` is `bind` (the default) or `route53`. The optional
//! top-level `zones` list gives zone ids other than the key, and the order of the zones in
//! the world (listed zones first). Other keys are ignored, as the oracle ignores them.

use std::net::{IpAddr, Ipv4Addr};

use hickory_proto::rr::Name;
use serde::{Deserialize, Serialize};

use super::FolderError;
use super::naming::ZoneKey;
use crate::dns::Software;
use crate::dns::name::parse_absolute;
use crate::scenario::document::check_zone_id;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopologyDoc {
    /// What the folder shows, in words (the oracle's fixtures have one); not used.
    #[serde(default, rename = "description")]
    _description: String,
    servers: Vec<ServerDoc>,
    #[serde(default)]
    zones: Vec<ZoneEntryDoc>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ServerDoc {
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub ip: String,
    pub zones: Vec<String>,
    #[serde(default, skip_serializing_if = "is_bind")]
    pub software: Software,
}

fn is_bind(software: &Software) -> bool {
    *software == Software::Bind
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ZoneEntryDoc {
    pub zone: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// A server as the topology gives it, checked; its zones still named by key.
pub(super) struct ServerSpec {
    pub name: Name,
    pub aliases: Vec<Name>,
    pub ip: Ipv4Addr,
    /// Each zone key with its JSON path, for errors about zones without a file.
    pub zones: Vec<(ZoneKey, String)>,
    pub software: Software,
}

/// A top-level `zones` entry, checked.
pub(super) struct ZoneSpec {
    pub key: ZoneKey,
    pub id: Option<String>,
    pub path: String,
}

pub(super) struct Topology {
    pub servers: Vec<ServerSpec>,
    pub zones: Vec<ZoneSpec>,
}

fn at(path: String, message: String) -> FolderError {
    FolderError::Topology {
        path,
        line: None,
        column: None,
        message,
    }
}

/// A JSON error with serde_json's position moved out of the message.
fn json_error(path: String, error: serde_json::Error) -> FolderError {
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    FolderError::Topology {
        // serde_path_to_error writes "?" for a position it does not know (a syntax error).
        path: path
            .split('.')
            .filter(|segment| !segment.is_empty() && *segment != "?")
            .collect::<Vec<_>>()
            .join("."),
        line: Some(error.line()).filter(|&l| l > 0),
        column: Some(error.column()).filter(|&c| c > 0),
        message: text.strip_suffix(&suffix).unwrap_or(&text).to_string(),
    }
}

/// Reads and checks `topology.json`.
pub(super) fn read(json: &str) -> Result<Topology, FolderError> {
    let mut de = serde_json::Deserializer::from_str(json);
    let doc: TopologyDoc = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| json_error(e.path().to_string(), e.into_inner()))?;
    de.end().map_err(|e| json_error(String::new(), e))?;

    let mut servers: Vec<ServerSpec> = Vec::with_capacity(doc.servers.len());
    for (i, server) in doc.servers.iter().enumerate() {
        let name = parse_absolute(&server.name).map_err(|e| {
            at(
                format!("servers[{i}].name"),
                format!("bad server name \"{}\": {e}", server.name),
            )
        })?;
        let mut aliases = Vec::with_capacity(server.aliases.len());
        for (j, alias) in server.aliases.iter().enumerate() {
            aliases.push(parse_absolute(alias).map_err(|e| {
                at(
                    format!("servers[{i}].aliases[{j}]"),
                    format!("bad alias \"{alias}\": {e}"),
                )
            })?);
        }
        let ip = match server.ip.trim().parse::<IpAddr>() {
            Ok(IpAddr::V4(ip)) => ip,
            Ok(IpAddr::V6(_)) => {
                return Err(at(
                    format!("servers[{i}].ip"),
                    format!(
                        "\"{}\" is an IPv6 address; a server here has one IPv4 address, such as 192.0.2.53",
                        server.ip
                    ),
                ));
            }
            Err(_) => {
                return Err(at(
                    format!("servers[{i}].ip"),
                    format!(
                        "\"{}\" is not an IPv4 address; write four numbers from 0 to 255 separated by dots, such as 192.0.2.53",
                        server.ip
                    ),
                ));
            }
        };
        if let Some((k, other)) = servers.iter().enumerate().find(|(_, s)| s.ip == ip) {
            return Err(at(
                format!("servers[{i}].ip"),
                format!(
                    "{ip} is already the address of {} (servers[{k}]); give each server its own address",
                    other.name
                ),
            ));
        }
        for (label, new) in
            std::iter::once(("name", &name)).chain(aliases.iter().map(|a| ("alias", a)))
        {
            if let Some((k, _)) = servers
                .iter()
                .enumerate()
                .find(|(_, s)| s.name == *new || s.aliases.contains(new))
            {
                return Err(at(
                    format!("servers[{i}]"),
                    format!(
                        "the {label} {new} already names servers[{k}]; a name belongs to one server"
                    ),
                ));
            }
        }
        let mut zones = Vec::with_capacity(server.zones.len());
        for (j, zone) in server.zones.iter().enumerate() {
            let path = format!("servers[{i}].zones[{j}]");
            let key = ZoneKey::parse(zone)
                .map_err(|e| at(path.clone(), format!("bad zone \"{zone}\": {e}")))?;
            zones.push((key, path));
        }
        servers.push(ServerSpec {
            name,
            aliases,
            ip,
            zones,
            software: server.software,
        });
    }

    let mut zones: Vec<ZoneSpec> = Vec::with_capacity(doc.zones.len());
    for (i, entry) in doc.zones.iter().enumerate() {
        let path = format!("zones[{i}]");
        let key = ZoneKey::parse(&entry.zone).map_err(|e| {
            at(
                format!("{path}.zone"),
                format!("bad zone \"{}\": {e}", entry.zone),
            )
        })?;
        if zones.iter().any(|z| z.key == key) {
            return Err(at(
                format!("{path}.zone"),
                format!("the zone {key} is listed twice"),
            ));
        }
        if entry.id.as_deref().is_some_and(|id| id.trim().is_empty()) {
            return Err(at(
                format!("{path}.id"),
                "a zone id cannot be empty; leave \"id\" out to use the zone's name".into(),
            ));
        }
        if let Some(Err(e)) = entry.id.as_deref().map(check_zone_id) {
            return Err(at(format!("{path}.id"), e.to_string()));
        }
        zones.push(ZoneSpec {
            key,
            id: entry.id.clone(),
            path,
        });
    }
    Ok(Topology { servers, zones })
}

/// Writes `topology.json`: one server (and one zone entry) per line.
pub(super) fn write(servers: &[ServerDoc], zones: &[ZoneEntryDoc]) -> String {
    let mut out = String::from("{\n  \"servers\": [");
    push_lines(&mut out, servers);
    out.push(']');
    if !zones.is_empty() {
        out.push_str(",\n  \"zones\": [");
        push_lines(&mut out, zones);
        out.push(']');
    }
    out.push_str("\n}\n");
    out
}

fn push_lines<T: Serialize>(out: &mut String, items: &[T]) {
    for (i, item) in items.iter().enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        out.push_str(&serde_json::to_string(item).expect("plain structs serialize"));
    }
    if !items.is_empty() {
        out.push_str("\n  ");
    }
}
