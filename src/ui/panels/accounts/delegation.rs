//! Delegation knowledge behind the accounts panel's registry list and the zone panel's "add
//! these name servers to the parent" (pure, tested natively): which domains are registered
//! (and so have registry NS), and what the parent of a hosted zone says about it.

use hickory_proto::rr::{Name, RecordType};

use crate::dns::answer::ns_targets;
use crate::dns::internet;
use crate::dns::name::n;
use crate::scenario::presets::ACCOUNT_AWS;
use crate::ui::doc::Doc;

/// TTL of the NS records "add these name servers to the parent" writes (the Route 53
/// console's default for NS, and what the presets use).
pub const DELEGATION_TTL: u32 = 172_800;

/// Public suffixes below a TLD zone of this world, under which a domain is registered.
const SECOND_LEVEL_SUFFIXES: [&str; 1] = ["co.uk."];

/// The registered domain a name belongs to (`dev.example.com.` → `example.com.`), when a
/// TLD zone of this world holds it.
pub fn registered_domain(doc: &Doc, name: &Name) -> Option<Name> {
    let tld = doc.world.zone(&internet::tld_zone_id(&doc.world, name)?)?;
    let suffix = SECOND_LEVEL_SUFFIXES
        .iter()
        .map(|s| n(s))
        .find(|s| s.zone_of(name))
        .map_or(tld.origin.num_labels(), |s| s.num_labels());
    (name.num_labels() > suffix).then(|| name.trim_to(usize::from(suffix) + 1))
}

/// A registered domain and what its registry (the TLD zone) delegates it to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registered {
    pub domain: Name,
    /// The registry's NS for it (empty: not delegated).
    pub servers: Vec<Name>,
    /// Hosted zones of exactly this name: `(zone id, account)`.
    pub zones: Vec<(String, String)>,
}

/// The registered domains of the users' hosted zones (AWS's own are left out), by name.
pub fn registered_domains(doc: &Doc) -> Vec<Registered> {
    let mut domains: Vec<Name> = doc
        .aws
        .hosted_zones
        .iter()
        .filter(|hz| hz.account != ACCOUNT_AWS)
        .filter_map(|hz| registered_domain(doc, &hz.name))
        .collect();
    domains.sort_by_key(|d| d.to_string());
    domains.dedup();
    domains
        .into_iter()
        .map(|domain| Registered {
            servers: internet::registry_delegation(&doc.world, &domain).unwrap_or_default(),
            zones: doc
                .aws
                .hosted_zones
                .iter()
                .filter(|hz| hz.name == domain)
                .map(|hz| (hz.id.clone(), hz.account.clone()))
                .collect(),
            domain,
        })
        .collect()
}

/// The zone that delegates to a hosted zone: the closest parent hosted zone, or the registry
/// (the TLD zone) for a registered domain; what `Edit::DelegateToChild` writes into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parent {
    pub zone_id: String,
    pub origin: Name,
    /// The TLD zone, where the registrar sets the NS.
    pub registry: bool,
}

/// What the parent says about a hosted zone, compared with the zone's own NS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParentLink {
    /// The parent has no NS for the child.
    Missing { parent: Parent },
    /// The parent delegates to exactly the child's name servers.
    Same { parent: Parent },
    /// The parent delegates to other servers (`current`).
    Different { parent: Parent, current: Vec<Name> },
}

impl ParentLink {
    pub fn parent(&self) -> &Parent {
        match self {
            ParentLink::Missing { parent }
            | ParentLink::Same { parent }
            | ParentLink::Different { parent, .. } => parent,
        }
    }
}

/// The parent of hosted zone `zone_id` and whether it delegates to the zone's own NS; `None`
/// when the zone is not a hosted zone or has no parent in this scenario.
pub fn parent_link(doc: &Doc, zone_id: &str) -> Option<ParentLink> {
    let hz = doc.aws.hosted_zone(zone_id)?;
    let child = doc.world.zone(zone_id)?;
    let own = sorted(ns_targets(child.apex_ns()?.records().iter()));
    let hosted_parent = doc
        .aws
        .hosted_zones
        .iter()
        .filter(|z| z.id != hz.id && z.name != hz.name && z.name.zone_of(&hz.name))
        .max_by_key(|z| z.name.num_labels())
        .and_then(|z| doc.world.zone(&z.id));
    let (parent, current) = match hosted_parent {
        Some(p) => (
            Parent {
                zone_id: p.id.clone(),
                origin: p.origin.clone(),
                registry: false,
            },
            p.get(&hz.name, RecordType::NS)
                .map(|s| ns_targets(s.records().iter())),
        ),
        None if registered_domain(doc, &hz.name).as_ref() == Some(&hz.name) => {
            let tld = doc
                .world
                .zone(&internet::tld_zone_id(&doc.world, &hz.name)?)?;
            (
                Parent {
                    zone_id: tld.id.clone(),
                    origin: tld.origin.clone(),
                    registry: true,
                },
                internet::registry_delegation(&doc.world, &hz.name),
            )
        }
        None => return None,
    };
    Some(match current {
        None => ParentLink::Missing { parent },
        Some(current) if sorted(current.clone()) == own => ParentLink::Same { parent },
        Some(current) => ParentLink::Different { parent, current },
    })
}

fn sorted(mut names: Vec<Name>) -> Vec<Name> {
    names.sort_by_key(|a| a.to_string());
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::edit::Edit;
    use crate::scenario::presets::{self, ACCOUNT_A, ACCOUNT_B};
    use crate::ui::panels::accounts::model::create_zone;

    fn article() -> Doc {
        presets::build("article").unwrap()
    }

    fn zone_named(doc: &Doc, name: &str) -> String {
        doc.aws
            .hosted_zones
            .iter()
            .find(|z| z.name == n(name))
            .unwrap()
            .id
            .clone()
    }

    #[test]
    fn registered_domains_come_from_the_users_zones() {
        let doc = article();
        assert_eq!(
            registered_domain(&doc, &n("www.dev.example.com.")),
            Some(n("example.com."))
        );
        assert_eq!(
            registered_domain(&doc, &n("a.b.example.co.uk.")),
            Some(n("example.co.uk."))
        );
        assert_eq!(registered_domain(&doc, &n("com.")), None);
        let list = registered_domains(&doc);
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].domain, n("example.com."));
        assert_eq!(
            list[0].zones,
            [(zone_named(&doc, "example.com."), ACCOUNT_A.to_string())]
        );
        assert_eq!(
            sorted(list[0].servers.clone()),
            sorted(
                doc.aws
                    .hosted_zone(&zone_named(&doc, "example.com."))
                    .unwrap()
                    .name_servers()
            )
        );
    }

    #[test]
    fn the_parent_link_says_same_missing_or_different() {
        let doc = article();
        let api = zone_named(&doc, "api.example.com.");
        let apex = zone_named(&doc, "example.com.");
        let link = parent_link(&doc, &api).unwrap();
        assert_eq!(
            link,
            ParentLink::Same {
                parent: Parent {
                    zone_id: apex.clone(),
                    origin: n("example.com."),
                    registry: false
                }
            }
        );
        // The registered domain's parent is the registry.
        assert!(matches!(
            parent_link(&doc, &apex),
            Some(ParentLink::Same {
                parent: Parent { registry: true, .. }
            })
        ));
        // A new zone is not delegated yet; delegating makes it Same.
        let edit = create_zone(&doc, ACCOUNT_B, "dev.example.com").unwrap();
        let mut doc2 = doc.clone();
        let dev = edit
            .apply(&mut doc2)
            .unwrap()
            .hosted_zone()
            .unwrap()
            .to_string();
        assert!(doc2.aws.hosted_zone(&dev).is_some());
        assert!(matches!(
            parent_link(&doc2, &dev),
            Some(ParentLink::Missing { .. })
        ));
        Edit::DelegateToChild {
            child_zone_id: dev.clone(),
            ttl: DELEGATION_TTL,
        }
        .apply(&mut doc2)
        .unwrap();
        assert!(matches!(
            parent_link(&doc2, &dev),
            Some(ParentLink::Same { .. })
        ));
        // A recreated zone: the parent still names the old servers.
        let recreated = presets::build("recreated").unwrap();
        let api = zone_named(&recreated, "api.example.com.");
        match parent_link(&recreated, &api).unwrap() {
            ParentLink::Different { current, .. } => assert_eq!(current.len(), 4),
            other => panic!("{other:?}"),
        }
        assert_eq!(parent_link(&doc, "com."), None);
    }
}
