//! The delegation hierarchy as the diagram draws it: every zone placed under the zone that
//! delegates to it (root → TLDs → registered domains → delegated subdomains), and each
//! delegation's health, computed by asking the delegated servers as a resolver would.
//!
//! [`hierarchy`] works it all out; [`KeptHierarchy`] (in `kept`) keeps each delegation's
//! result between revisions and asks again only the delegations an edit can have changed.

mod kept;

pub use kept::KeptHierarchy;

use hickory_proto::rr::{Name, RecordType};

use super::document::Scenario;
use crate::dns::answer::{Question, ReplyKind, ask, ns_targets};
use crate::dns::world::World;
use crate::dns::zone::Zone;

/// What kind of zone a node is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeKind {
    Root,
    Tld,
    /// A Route 53 hosted zone, with its account.
    HostedZone {
        account: String,
        account_label: String,
    },
    /// Any other zone (Internet infrastructure such as `awsdns-NN.com`, or a zone loaded
    /// from a zone folder).
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub zone_id: String,
    pub origin: Name,
    pub kind: NodeKind,
    /// The servers that serve this zone.
    pub servers: Vec<Name>,
    /// The zone id of the parent this zone hangs under, if any.
    pub parent: Option<String>,
    /// Whether a delegation from the parent (or the root hints, for the root) leads here.
    pub reachable: bool,
}

/// The health of one delegation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Health {
    /// Every delegated server answers for the zone, and the parent's NS match the zone's.
    Ok,
    /// The servers answer, but the parent's NS set differs from the zone's own NS set.
    Mismatched {
        only_in_parent: Vec<Name>,
        only_in_child: Vec<Name>,
    },
    /// Some delegated servers answer for the zone and some do not.
    PartlyLame { lame: Vec<Name> },
    /// No delegated server answers for the zone.
    Lame { lame: Vec<Name> },
}

impl Health {
    pub fn label(&self) -> &'static str {
        match self {
            Health::Ok => "ok",
            Health::Mismatched { .. } => "mismatched",
            Health::PartlyLame { .. } => "partly lame",
            Health::Lame { .. } => "lame",
        }
    }
}

/// One delegation: NS records in a parent zone (or a TLD zone, for a registered domain).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    pub parent: String,
    pub name: Name,
    pub ns: Vec<Name>,
    /// The zone the delegation reaches (served by at least one of `ns`), or, when it reaches
    /// none, the zone of that name it was probably meant for.
    pub child: Option<String>,
    pub health: Health,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Hierarchy {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// Computes the hierarchy of a scenario.
pub fn hierarchy(s: &Scenario) -> Hierarchy {
    let world = &s.world;
    let mut edges = Vec::new();
    for_each_delegation(world, |parent, name, ns| {
        edges.push(edge(world, parent, name, ns))
    });
    Hierarchy {
        nodes: nodes(s, &edges),
        edges,
    }
}

/// Every delegation to draw, in order: the parent, the delegated name and its servers.
fn for_each_delegation(world: &World, mut f: impl FnMut(&Zone, &Name, Vec<Name>)) {
    for parent in &world.zones {
        for delegation in parent.delegations() {
            if parent.is_occluded(delegation) {
                continue;
            }
            let ns = ns_targets(delegation.records().iter());
            f(parent, &delegation.name, ns);
        }
    }
}

/// Every zone, placed under the zone that delegates to it.
fn nodes(s: &Scenario, edges: &[Edge]) -> Vec<Node> {
    let world = &s.world;
    // The first delegation that reaches each zone, found once rather than per zone (a
    // thousand zones would compare a million edges).
    let mut incoming_of: std::collections::HashMap<&str, &Edge> =
        std::collections::HashMap::with_capacity(edges.len());
    for e in edges {
        if let Some(child) = e.child.as_deref() {
            incoming_of.entry(child).or_insert(e);
        }
    }
    // The first hosted zone of each id, and the servers of each zone in the world's order,
    // each found once (a thousand zones would scan the lists a thousand times).
    let mut hosted: std::collections::HashMap<&str, &crate::aws::HostedZone> =
        std::collections::HashMap::with_capacity(s.aws.hosted_zones.len());
    for hz in &s.aws.hosted_zones {
        hosted.entry(hz.id.as_str()).or_insert(hz);
    }
    let mut servers_of: std::collections::HashMap<&str, Vec<usize>> =
        std::collections::HashMap::new();
    for (i, server) in world.servers.iter().enumerate() {
        for id in &server.zones {
            let list = servers_of.entry(id.as_str()).or_default();
            if list.last() != Some(&i) && !list.contains(&i) {
                list.push(i);
            }
        }
    }
    world
        .zones
        .iter()
        .map(|z| {
            let kind = if z.origin.is_root() {
                NodeKind::Root
            } else if z.origin.num_labels() == 1 {
                NodeKind::Tld
            } else if let Some(hz) = hosted.get(z.id.as_str()) {
                let label = s
                    .aws
                    .account(&hz.account)
                    .map(|a| a.label.clone())
                    .unwrap_or_default();
                NodeKind::HostedZone {
                    account: hz.account.clone(),
                    account_label: label,
                }
            } else {
                NodeKind::Other
            };
            let incoming = incoming_of.get(z.id.as_str()).copied();
            let parent = incoming
                .map(|e| e.parent.clone())
                .or_else(|| closest_parent(world, z));
            let reachable = z.origin.is_root()
                || incoming.is_some_and(|e| !matches!(e.health, Health::Lame { .. }));
            Node {
                zone_id: z.id.clone(),
                origin: z.origin.clone(),
                kind,
                servers: servers_of
                    .get(z.id.as_str())
                    .map(|list| {
                        list.iter()
                            .map(|&i| world.servers[i].name.clone())
                            .collect()
                    })
                    .unwrap_or_default(),
                parent,
                reachable,
            }
        })
        .collect()
}

fn closest_parent(world: &World, zone: &Zone) -> Option<String> {
    world
        .zones
        .iter()
        .filter(|p| p.origin != zone.origin && p.origin.zone_of(&zone.origin))
        .max_by_key(|p| p.origin.num_labels())
        .map(|p| p.id.clone())
}

/// Asks each delegated server for the zone's SOA, as a resolver would, and compares NS sets.
fn edge(world: &World, parent: &Zone, name: &Name, ns: Vec<Name>) -> Edge {
    let answers: Vec<Answer> = ns.iter().map(|host| ask_host(world, name, host)).collect();
    edge_from(world, parent, name, ns, &answers)
}

/// What one delegated server says when asked for the delegated zone's SOA.
struct Answer {
    /// The zone it answers from, authoritatively; `None` when it does not (lame).
    zone_id: Option<String>,
    /// Whether the answer followed a CNAME (and so read zones beyond the name's own).
    chased: bool,
    /// How many labels the origin of the zone the server looked in has (0 when it serves
    /// none above the name, or is missing).
    level: u8,
}

fn ask_host(world: &World, name: &Name, host: &Name) -> Answer {
    let q = Question::new(name.clone(), RecordType::SOA);
    let reply = world
        .server_named(host)
        .map(|s| ask(world, s, &q, false, 0));
    match reply {
        Some(r) => {
            let chased = matches!(r.kind, ReplyKind::Cname { .. })
                || r.message
                    .answers
                    .iter()
                    .any(|rec| rec.record_type() == RecordType::CNAME);
            let answers = r.message.metadata.authoritative
                && matches!(r.kind, ReplyKind::Answer | ReplyKind::NoData);
            Answer {
                level: r.zone_origin.as_ref().map_or(0, Name::num_labels),
                zone_id: answers.then(|| r.zone_id.unwrap_or_default()),
                chased,
            }
        }
        None => Answer {
            zone_id: None,
            chased: false,
            level: 0,
        },
    }
}

/// The edge, from each server's answer (in the order of `ns`).
fn edge_from(world: &World, parent: &Zone, name: &Name, ns: Vec<Name>, answers: &[Answer]) -> Edge {
    let mut answering: Vec<(Name, String)> = Vec::new();
    let mut lame = Vec::new();
    for (host, answer) in ns.iter().zip(answers) {
        match &answer.zone_id {
            Some(id) => answering.push((host.clone(), id.clone())),
            None => lame.push(host.clone()),
        }
    }
    let child = answering
        .first()
        .map(|(_, id)| id.clone())
        .or_else(|| world.zones_named(name).last().map(|z| z.id.clone()));
    let health = if answering.is_empty() {
        Health::Lame { lame }
    } else if !lame.is_empty() {
        Health::PartlyLame { lame }
    } else {
        let own: Vec<Name> = child
            .as_deref()
            .and_then(|id| world.zone(id))
            .and_then(|z| z.apex_ns())
            .map(|s| ns_targets(s.records().iter()))
            .unwrap_or_default();
        let only_in_parent: Vec<Name> = ns.iter().filter(|n| !own.contains(n)).cloned().collect();
        let only_in_child: Vec<Name> = own.iter().filter(|n| !ns.contains(n)).cloned().collect();
        if only_in_parent.is_empty() && only_in_child.is_empty() {
            Health::Ok
        } else {
            Health::Mismatched {
                only_in_parent,
                only_in_child,
            }
        }
    };
    Edge {
        parent: parent.id.clone(),
        name: name.clone(),
        ns,
        child,
        health,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::name::n;
    use crate::scenario::presets;

    fn api_edge(preset: &str) -> Edge {
        let s = presets::build(preset).unwrap();
        hierarchy(&s)
            .edges
            .into_iter()
            .find(|e| e.name == n("api.example.com"))
            .unwrap()
    }

    #[test]
    fn the_article_delegation_is_healthy_and_placed() {
        let s = presets::build("article").unwrap();
        let h = hierarchy(&s);
        let api = h
            .nodes
            .iter()
            .find(|n| n.origin == crate::dns::name::n("api.example.com"))
            .unwrap();
        let parent = h
            .nodes
            .iter()
            .find(|n| n.origin == crate::dns::name::n("example.com"))
            .unwrap();
        assert_eq!(api.parent.as_deref(), Some(parent.zone_id.as_str()));
        assert!(
            matches!(&api.kind, NodeKind::HostedZone { account, .. } if account == presets::ACCOUNT_B)
        );
        assert!(api.reachable);
        assert_eq!(api_edge("article").health, Health::Ok);
        let com = h.edges.iter().find(|e| e.name == n("example.com")).unwrap();
        assert_eq!(com.health, Health::Ok, "the registry delegation matches");
    }

    #[test]
    fn broken_delegations_are_marked() {
        assert!(
            matches!(api_edge("wrong-ns").health, Health::Lame { ref lame } if lame.len() == 4)
        );
        assert!(matches!(api_edge("recreated").health, Health::Lame { .. }));
        let s = presets::build("not-delegated").unwrap();
        assert!(
            hierarchy(&s)
                .edges
                .iter()
                .all(|e| e.name != n("api.example.com"))
        );
        let node = hierarchy(&s)
            .nodes
            .into_iter()
            .find(|x| x.origin == n("api.example.com"))
            .unwrap();
        assert!(!node.reachable);
    }

    #[test]
    fn a_parent_listing_three_of_four_servers_is_mismatched() {
        let mut s = presets::build("article").unwrap();
        let parent = s
            .aws
            .hosted_zones
            .iter()
            .find(|z| z.name == n("example.com"))
            .unwrap()
            .id
            .clone();
        let zone = s.world.zone_mut(&parent).unwrap();
        let mut ns = zone
            .get(&n("api.example.com"), RecordType::NS)
            .unwrap()
            .clone();
        let dropped = ns.values.pop().unwrap();
        zone.upsert(ns);
        let Health::Mismatched {
            only_in_parent,
            only_in_child,
        } = hierarchy(&s)
            .edges
            .into_iter()
            .find(|e| e.name == n("api.example.com"))
            .unwrap()
            .health
        else {
            panic!("expected a mismatch")
        };
        assert!(only_in_parent.is_empty());
        assert_eq!(only_in_child.len(), 1);
        assert_eq!(
            crate::dns::dig::rdata_text(&dropped),
            only_in_child[0].to_string()
        );
    }
}
