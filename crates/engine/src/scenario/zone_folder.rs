//! The zone-folder format of the DNS oracle (`topology.json` and `zones/<origin>.zone`):
//! loading one into a [`World`] and exporting a world as one, losslessly.
//!
//! A folder is given as text (the browser has no file system): [`load_folder`] takes the
//! topology and the zone files by name; [`load_folder_path`] reads a directory (native only).
//!
//! - `topology.json` lists the servers (the format is in the `topology` submodule). A server with
//!   `"zones": []` hosts nothing and answers REFUSED.
//! - `zones/<origin>.zone` holds each zone (`root.zone` for the root). Every `.zone` file is
//!   loaded, listed by a server or not; other files are ignored.
//! - Zone ids are the zone's key (`com.`, `.`) unless the topology's top-level `zones` list
//!   gives another (`{"zone": "example.com.", "id": "Z0111"}`); that list also fixes the
//!   order of the zones. Unlisted zones follow, in the order servers first name them, then
//!   by file name.
//! - Several zones of one origin: see the `naming` submodule (`example.com.~Z0222` in
//!   `example.com~Z0222.zone`).
//!
//! Errors name the file: the JSON path (and line and column for JSON errors) in
//! `topology.json`, the line and column in zone files.

mod naming;
mod topology;

use std::collections::{BTreeMap, HashMap};

use crate::dns::{NameServer, World, Zone};
use crate::scenario::document::check_zone_id;
use crate::scenario::zonefile::{ZoneFileError, parse_zone_file, render_zone_file};
use naming::{ZoneKey, is_tag};
use topology::{ServerDoc, ZoneEntryDoc};

/// The name of the topology file in a zone folder.
pub const TOPOLOGY_FILE: &str = "topology.json";
/// The folder of the zone files in a zone folder.
pub const ZONES_DIR: &str = "zones";

/// A zone folder that does not load: which file, where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FolderError {
    /// `topology.json` is not valid JSON, has the wrong shape, or holds a bad value.
    Topology {
        /// JSON path of the bad value, such as `servers[2].ip` (empty for the whole file).
        path: String,
        line: Option<usize>,
        column: Option<usize>,
        message: String,
    },
    /// A zone file does not load.
    ZoneFile(ZoneFileError),
    /// A file is missing, unreadable, or badly named.
    File { file: String, message: String },
}

impl std::fmt::Display for FolderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Topology {
                path,
                line,
                column,
                message,
            } => {
                write!(f, "{TOPOLOGY_FILE}")?;
                if let Some(line) = line {
                    write!(f, ":{line}")?;
                    if let Some(column) = column {
                        write!(f, ":{column}")?;
                    }
                }
                if !path.is_empty() {
                    write!(f, ": {path}")?;
                }
                write!(f, ": {message}")
            }
            Self::ZoneFile(e) => e.fmt(f),
            Self::File { file, message } => write!(f, "{file}: {message}"),
        }
    }
}

impl std::error::Error for FolderError {}

impl From<ZoneFileError> for FolderError {
    fn from(e: ZoneFileError) -> Self {
        Self::ZoneFile(e)
    }
}

/// Loads a zone folder from its texts: `topology.json`, and each zone file as
/// `(file name, text)`, the name as under `zones/` (`example.com.zone`; a leading `zones/`
/// is accepted). Files whose name does not end in `.zone` are ignored.
pub fn load_folder(
    topology_json: &str,
    zone_files: &[(String, String)],
) -> Result<World, FolderError> {
    let topology = topology::read(topology_json)?;

    // Every zone file, by key.
    let mut files: BTreeMap<ZoneKey, (String, &str)> = BTreeMap::new();
    for (name, text) in zone_files {
        let base = name.strip_prefix(&format!("{ZONES_DIR}/")).unwrap_or(name);
        if base.contains('/') {
            continue;
        }
        let label = format!("{ZONES_DIR}/{base}");
        let Some(key) = ZoneKey::from_file_name(base) else {
            continue;
        };
        let key = key.map_err(|e| FolderError::File {
            file: label.clone(),
            message: format!(
                "the file name is not a zone's origin: {e}; name a zone file after its origin, such as example.com.zone (root.zone for the root)"
            ),
        })?;
        if let Some((other, _)) = files.get(&key) {
            return Err(FolderError::File {
                file: label,
                message: format!("{other} already holds the zone {key}; keep one file per zone"),
            });
        }
        files.insert(key, (label, text.as_str()));
    }

    // The order of the zones: the top-level list, then as servers name them, then by file.
    let mut order: Vec<ZoneKey> = Vec::with_capacity(files.len());
    let mut ids: HashMap<ZoneKey, String> = HashMap::new();
    for spec in &topology.zones {
        if !files.contains_key(&spec.key) {
            return Err(missing_file(&format!("{}.zone", spec.path), &spec.key));
        }
        order.push(spec.key.clone());
        if let Some(id) = &spec.id {
            ids.insert(spec.key.clone(), id.clone());
        }
    }
    for server in &topology.servers {
        for (key, path) in &server.zones {
            if !files.contains_key(key) {
                return Err(missing_file(path, key));
            }
            if !order.contains(key) {
                order.push(key.clone());
            }
        }
    }
    let mut rest: Vec<&ZoneKey> = files.keys().filter(|k| !order.contains(k)).collect();
    rest.sort_by_key(|k| k.file_name());
    order.extend(rest.into_iter().cloned());

    // A zone without an id in topology.json is known by its key; a key a zone id cannot hold
    // (a `\` escape in the origin) by its file name's stem instead (`%XX` escapes), which the
    // export then writes as the zone's id.
    // A key neither way can hold (a tag longer than any name) is refused here, so what
    // loads exports a folder that loads again.
    let id_of = |key: &ZoneKey| -> Result<String, FolderError> {
        if let Some(id) = ids.get(key) {
            return Ok(id.clone());
        }
        let id = key.to_string();
        if check_zone_id(&id).is_ok() {
            return Ok(id);
        }
        let file = key.file_name();
        let stem = file.strip_suffix(".zone").unwrap_or(&file).to_string();
        match check_zone_id(&stem) {
            Ok(()) => Ok(stem),
            Err(e) => Err(FolderError::File {
                file: format!("{ZONES_DIR}/{file}"),
                message: format!("{e}; give the zone a shorter tag or an id in topology.json"),
            }),
        }
    };
    let mut zones: Vec<Zone> = Vec::with_capacity(order.len());
    for key in &order {
        let id = id_of(key)?;
        if let Some(other) = zones.iter().find(|z| z.id == id) {
            let path = topology
                .zones
                .iter()
                .find(|s| s.key == *key)
                .map_or_else(|| "zones".to_string(), |s| format!("{}.id", s.path));
            return Err(FolderError::Topology {
                path,
                line: None,
                column: None,
                message: format!(
                    "the id {id} of zone {key} is already the id of another zone of {}; give each zone its own id",
                    other.origin
                ),
            });
        }
        let (label, text) = &files[key];
        zones.push(parse_zone_file(text, &key.origin, &id, label)?);
    }

    let servers = topology
        .servers
        .into_iter()
        .map(|s| {
            Ok(NameServer {
                zones: s
                    .zones
                    .iter()
                    .map(|(key, _)| id_of(key))
                    .collect::<Result<_, _>>()?,
                name: s.name,
                aliases: s.aliases,
                ip: s.ip,
                software: s.software,
            })
        })
        .collect::<Result<_, FolderError>>()?;
    Ok(World::new(servers, zones))
}

fn missing_file(path: &str, key: &ZoneKey) -> FolderError {
    FolderError::Topology {
        path: path.to_string(),
        line: None,
        column: None,
        message: format!(
            "the zone {key} has no file {ZONES_DIR}/{}; add the file or remove the zone from the list",
            key.file_name()
        ),
    }
}

/// Reads a zone folder from disk: `dir/topology.json` and `dir/zones/*.zone`.
#[cfg(not(target_arch = "wasm32"))]
pub fn load_folder_path(dir: &std::path::Path) -> Result<World, FolderError> {
    let read = |path: std::path::PathBuf, file: &str| {
        std::fs::read_to_string(&path).map_err(|e| FolderError::File {
            file: file.to_string(),
            message: format!("cannot read {}: {e}", path.display()),
        })
    };
    let topology = read(dir.join(TOPOLOGY_FILE), TOPOLOGY_FILE)?;
    let zones_dir = dir.join(ZONES_DIR);
    let mut zone_files = Vec::new();
    if zones_dir.is_dir() {
        let entries = std::fs::read_dir(&zones_dir).map_err(|e| FolderError::File {
            file: ZONES_DIR.to_string(),
            message: format!("cannot list {}: {e}", zones_dir.display()),
        })?;
        for entry in entries {
            let entry = entry.map_err(|e| FolderError::File {
                file: ZONES_DIR.to_string(),
                message: format!("cannot list {}: {e}", zones_dir.display()),
            })?;
            let Ok(name) = entry.file_name().into_string() else {
                continue;
            };
            if name.ends_with(".zone") && entry.path().is_file() {
                let text = read(entry.path(), &format!("{ZONES_DIR}/{name}"))?;
                zone_files.push((name, text));
            }
        }
    }
    zone_files.sort();
    load_folder(&topology, &zone_files)
}

/// Writes `world` as a zone folder: `topology.json` first, then `zones/*.zone` in the
/// world's zone order, as `(relative path, content)`. [`load_folder`] reads it back into an
/// equal world (ids, order, aliases and zones of one origin included), as long as every
/// zone id a server lists names a zone of the world.
pub fn export_folder(world: &World) -> Vec<(String, String)> {
    // Keys: the first zone of an origin keeps the plain key, the others get a tag.
    let mut keys: Vec<ZoneKey> = Vec::with_capacity(world.zones.len());
    for zone in &world.zones {
        let taken = |tag: Option<&str>| {
            keys.iter()
                .any(|k| k.origin == zone.origin && k.tag.as_deref() == tag)
        };
        let tag = if !taken(None) {
            None
        } else if is_tag(&zone.id) && !taken(Some(&zone.id)) {
            Some(zone.id.clone())
        } else {
            (2..)
                .map(|n: usize| n.to_string())
                .find(|t| !taken(Some(t)))
        };
        keys.push(ZoneKey::new(zone.origin.clone(), tag));
    }
    let key_of = |id: &str| {
        world
            .zones
            .iter()
            .position(|z| z.id == id)
            .map_or_else(|| id.to_string(), |i| keys[i].to_string())
    };

    let servers: Vec<ServerDoc> = world
        .servers
        .iter()
        .map(|s| ServerDoc {
            name: crate::dns::name::text(&s.name),
            aliases: s.aliases.iter().map(crate::dns::name::text).collect(),
            ip: s.ip.to_string(),
            zones: s.zones.iter().map(|id| key_of(id)).collect(),
            software: s.software,
        })
        .collect();

    // The order the loader would give without a list; the list is written when it differs.
    let mut default_order: Vec<String> = Vec::new();
    for server in &servers {
        for key in &server.zones {
            if !default_order.contains(key) && keys.iter().any(|k| k.to_string() == *key) {
                default_order.push(key.clone());
            }
        }
    }
    let mut rest: Vec<&ZoneKey> = keys
        .iter()
        .filter(|k| !default_order.contains(&k.to_string()))
        .collect();
    rest.sort_by_key(|k| k.file_name());
    default_order.extend(rest.into_iter().map(ToString::to_string));
    let world_order: Vec<String> = keys.iter().map(ToString::to_string).collect();
    let ids_differ = world
        .zones
        .iter()
        .zip(&keys)
        .any(|(z, k)| z.id != k.to_string());
    let zone_list: Vec<ZoneEntryDoc> = if ids_differ || world_order != default_order {
        world
            .zones
            .iter()
            .zip(&keys)
            .map(|(z, k)| ZoneEntryDoc {
                zone: k.to_string(),
                id: (z.id != k.to_string()).then(|| z.id.clone()),
            })
            .collect()
    } else {
        Vec::new()
    };

    let mut out = Vec::with_capacity(world.zones.len() + 1);
    out.push((
        TOPOLOGY_FILE.to_string(),
        topology::write(&servers, &zone_list),
    ));
    for (zone, key) in world.zones.iter().zip(&keys) {
        out.push((
            format!("{ZONES_DIR}/{}", key.file_name()),
            render_zone_file(zone),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::n;

    fn zone_text(origin: &str) -> String {
        format!(
            "$TTL 300\n{origin} SOA ns.example. h.example. 1 2 3 4 5\n{origin} NS ns.example.\n"
        )
    }

    fn files(list: &[(&str, String)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(n, t)| (n.to_string(), t.clone()))
            .collect()
    }

    const ONE_SERVER: &str =
        r#"{"servers": [{"name": "ns.example.", "ip": "192.0.2.1", "zones": ["b.example."]}]}"#;

    #[test]
    fn every_zone_file_loads_in_a_fixed_order() {
        let world = load_folder(
            ONE_SERVER,
            &files(&[
                ("zones/c.example.zone", zone_text("c.example.")),
                ("a.example.zone", zone_text("a.example.")),
                ("b.example.zone", zone_text("b.example.")),
                ("zones/sub/d.example.zone", zone_text("d.example.")),
                ("notes.txt", "not a zone".into()),
            ]),
        )
        .unwrap();
        let ids: Vec<&str> = world.zones.iter().map(|z| z.id.as_str()).collect();
        assert_eq!(ids, ["b.example.", "a.example.", "c.example."]);
        assert_eq!(world.servers[0].zones, ["b.example."]);
        assert_eq!(world.zones[1].origin, n("a.example."));
    }

    #[test]
    fn two_files_for_one_zone() {
        let err = load_folder(
            ONE_SERVER,
            &files(&[
                ("b.example.zone", zone_text("b.example.")),
                ("b.example..zone", zone_text("b.example.")),
            ]),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "zones/b.example..zone: zones/b.example.zone already holds the zone b.example.; keep one file per zone"
        );
    }

    #[test]
    fn ids_must_be_unique() {
        let topology = r#"{"servers": [], "zones": [{"zone": "a.example.", "id": "Z1"}, {"zone": "b.example.", "id": "Z1"}]}"#;
        let err = load_folder(
            topology,
            &files(&[
                ("a.example.zone", zone_text("a.example.")),
                ("b.example.zone", zone_text("b.example.")),
            ]),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "topology.json: zones[1].id: the id Z1 of zone b.example. is already the id of another zone of a.example.; give each zone its own id"
        );
        let err =
            load_folder(r#"{"servers": [], "zones": [{"zone": "x.example."}]}"#, &[]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "topology.json: zones[0].zone: the zone x.example. has no file zones/x.example.zone; add the file or remove the zone from the list"
        );
    }

    #[test]
    fn an_empty_world_round_trips() {
        let files = export_folder(&World::default());
        assert_eq!(
            files,
            [(
                "topology.json".to_string(),
                "{\n  \"servers\": []\n}\n".to_string()
            )]
        );
        assert_eq!(load_folder(&files[0].1, &[]).unwrap(), World::default());
    }
}
