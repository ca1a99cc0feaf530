//! The broken scenarios the challenges start from: the presets where one exists, and two
//! more built from the article's working setup through the same Route 53 operations.

use hickory_proto::rr::{Name, RecordType};

use crate::aws::route53::{self, Change, ChangeAction};
use crate::dns::internet::ns_set;
use crate::dns::name::n;
use crate::scenario::{Scenario, presets};

fn preset(id: &str) -> Scenario {
    presets::build(id).expect("a shipped preset")
}

/// The id of the hosted zone named `name`.
pub fn hosted_zone_id(s: &Scenario, name: &str) -> String {
    s.aws
        .hosted_zones
        .iter()
        .find(|z| z.name == n(name))
        .map(|z| z.id.clone())
        .expect("the preset has this hosted zone")
}

pub fn quiz() -> Scenario {
    preset("quiz")
}

pub fn wrong_ns() -> Scenario {
    preset("wrong-ns")
}

pub fn recreated() -> Scenario {
    preset("recreated")
}

pub fn validation_in_parent() -> Scenario {
    preset("validation-in-parent")
}

/// The validation record is in the right zone, but that zone was never delegated.
pub fn wildcard_validation() -> Scenario {
    preset("not-delegated")
}

/// The article's setup with the parent's NS for api.example.com written in a zone file
/// without trailing dots: each name gets `example.com.` appended.
pub fn trailing_dot() -> Scenario {
    let mut s = preset("article");
    let parent = hosted_zone_id(&s, "example.com");
    let child = hosted_zone_id(&s, "api.example.com");
    let origin = n("example.com");
    let dotless: Vec<Name> = s
        .aws
        .hosted_zone(&child)
        .expect("child zone")
        .name_servers()
        .into_iter()
        .map(|ns| {
            Name::from_labels(ns.iter().collect::<Vec<_>>())
                .and_then(|relative| relative.append_domain(&origin))
                .expect("a valid name")
        })
        .collect();
    let set = ns_set(n("api.example.com"), dotless, 300);
    route53::change_record_sets(
        &mut s.world,
        &s.aws,
        &parent,
        &[Change {
            action: ChangeAction::Upsert,
            set,
        }],
    )
    .expect("a valid change");
    s
}

/// The article's setup after example.com's hosted zone was deleted and created again: Route
/// 53 gave it new name servers, and the registrar still lists the old ones.
pub fn registrar() -> Scenario {
    let mut s = preset("article");
    let parent = hosted_zone_id(&s, "example.com");
    route53::recreate_hosted_zone(&mut s.world, &mut s.aws, &parent).expect("recreate");
    debug_assert!(
        s.world.zones.iter().any(|z| z.origin == n("example.com")
            && z.get(&n("api.example.com"), RecordType::NS).is_some())
    );
    s
}
