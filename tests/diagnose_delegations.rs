//! The delegation checks: each with a setup that triggers it, one that must not, and its fix
//! applied and checked with the resolver.

mod common;

use common::*;
use delegation_lab::diagnose::{Code, Edit, Expect, Severity};
use delegation_lab::dns::internet;
use delegation_lab::dns::{NameServer, Software, n};
use hickory_proto::rr::RecordType;

const NOTE_TTL: (Code, Severity) = (Code::TtlDelegationDiffers, Severity::Note);

#[test]
fn the_article_has_no_error_and_no_warning() {
    let s = preset("article");
    assert_eq!(codes(&s), [NOTE_TTL]);
}

#[test]
fn ns_copied_from_another_zone() {
    let s = preset("wrong-ns");
    assert_eq!(
        codes(&s),
        [
            (Code::DelegationNsMismatch, Severity::Error),
            (Code::ZoneNotDelegated, Severity::Note)
        ]
    );
    let f = the(&s, Code::DelegationNsMismatch);
    assert_eq!(
        f.title,
        "api.example.com: the parent's NS records differ from the zone's name servers"
    );
    assert!(f.explanation.contains(&format!(
        "Those servers belong to hosted zone staging.example.com ({}) in Account B (api team): the records were copied from the wrong hosted zone",
        zone_id(&s, "staging.example.com")
    )));
    assert!(f.explanation.contains("(answers REFUSED)"));
    let commands: Vec<&str> = f.evidence.iter().map(|e| e.command.as_str()).collect();
    let staging = texts(&servers(&s, "staging.example.com"));
    let parent_ns = texts(&servers(&s, "example.com"));
    assert_eq!(
        commands,
        [
            format!(
                "dig +norecurse NS api.example.com @{}",
                parent_ns[0].trim_end_matches('.')
            ),
            format!(
                "dig +norecurse SOA api.example.com @{}",
                staging[0].trim_end_matches('.')
            ),
            format!(
                "dig +norecurse SOA api.example.com @{}",
                staging[1].trim_end_matches('.')
            ),
            "dig SOA api.example.com".to_string(),
        ]
    );
    assert!(f.evidence[1].summary.starts_with("REFUSED: "));
    assert!(f.evidence[1].text.contains("status: REFUSED"));
    assert!(f.evidence[3].summary.starts_with("SERVFAIL: "));
    let Edit::UpsertRecordSet { zone_id: z, set } = &f.fixes[0].edits[0] else {
        panic!("an upsert")
    };
    assert_eq!(*z, zone_id(&s, "example.com"));
    assert_eq!(set.ttl, 300, "the parent's TTL is kept");
    let after = fix_cures_symptom(&s, &f, 0);
    assert!(resolves(&after, "www.api.example.com", RecordType::A));
    assert_eq!(
        codes(&after),
        [(Code::ZoneNotDelegated, Severity::Note), NOTE_TTL]
    );
}

/// The parent's NS set for api.example.com, replaced by `values`.
fn with_parent_ns(
    mut s: delegation_lab::scenario::Scenario,
    values: &[String],
) -> delegation_lab::scenario::Scenario {
    let v: Vec<&str> = values.iter().map(String::as_str).collect();
    upsert(
        &mut s,
        "example.com",
        set("api.example.com", RecordType::NS, 300, &v),
    );
    s
}

#[test]
fn a_missing_server_is_a_warning() {
    let s = preset("article");
    let child = texts(&servers(&s, "api.example.com"));
    let s = with_parent_ns(s, &child[..3]);
    assert_eq!(codes(&s), [(Code::DelegationNsMismatch, Severity::Warning)]);
    let f = the(&s, Code::DelegationNsMismatch);
    assert!(f.explanation.contains(&format!(
        "The parent does not list {};",
        child[3].trim_end_matches('.')
    )));
    assert!(
        resolves(&s, "www.api.example.com", RecordType::A),
        "three servers still work"
    );
    let after = fixed(&s, &f, 0);
    assert_eq!(codes(&after), [NOTE_TTL]);
}

#[test]
fn a_typo_in_one_server_is_named_as_such() {
    let s = preset("article");
    let mut ns = texts(&servers(&s, "api.example.com"));
    let real = ns[0].clone();
    // One digit off: ns-140.awsdns-17.com → ns-141.awsdns-17.com (no such server).
    let typo = real.replacen("ns-140", "ns-141", 1);
    assert_ne!(typo, real, "the preset's first server is ns-140");
    ns[0] = typo.clone();
    let s = with_parent_ns(s, &ns);
    let f = the(&s, Code::DelegationNsMismatch);
    assert_eq!(f.severity, Severity::Warning);
    assert!(
        f.explanation.contains(&format!(
            "Of these, {} is not one of the zone's servers (a typo of {}?) and has no address: the name does not exist (NXDOMAIN).",
            typo.trim_end_matches('.'),
            real.trim_end_matches('.')
        )),
        "{}",
        f.explanation
    );
    assert!(
        !f.explanation.contains("does not list"),
        "the typo explains the missing one"
    );
    assert_eq!(
        codes(&s),
        [(Code::DelegationNsMismatch, Severity::Warning)],
        "the typo is reported once, as a mismatch"
    );
    let after = fixed(&s, &f, 0);
    assert_eq!(codes(&after), [NOTE_TTL]);
}

#[test]
fn stale_delegation_after_a_recreate() {
    let s = preset("recreated");
    assert_eq!(codes(&s), [(Code::DelegationStale, Severity::Error)]);
    let f = the(&s, Code::DelegationStale);
    assert!(f.explanation.contains("was deleted and created again"));
    assert!(f.explanation.contains("servers of the deleted zone"));
    let new = servers(&s, "api.example.com");
    let Edit::UpsertRecordSet { set, .. } = &f.fixes[0].edits[0] else {
        panic!("an upsert")
    };
    assert_eq!(
        texts(&delegation_lab::dns::answer::ns_targets(
            set.records().iter()
        )),
        texts(&new)
    );
    let after = fix_cures_symptom(&s, &f, 0);
    assert_eq!(codes(&after), [NOTE_TTL]);
    // Not stale where nothing was recreated.
    assert!(
        !codes(&preset("wrong-ns"))
            .iter()
            .any(|(c, _)| *c == Code::DelegationStale)
    );
}

/// The article with the child zone taken off some of its servers (an outage, or a server
/// that never loaded it).
fn child_off_servers(count: usize) -> delegation_lab::scenario::Scenario {
    let mut s = preset("article");
    let child = zone_id(&s, "api.example.com");
    for host in servers(&s, "api.example.com").iter().take(count) {
        s.world
            .server_named_mut(host)
            .unwrap()
            .zones
            .retain(|z| *z != child);
    }
    s
}

#[test]
fn partial_lameness_is_a_warning() {
    let s = child_off_servers(2);
    assert_eq!(
        codes(&s),
        [(Code::LameDelegationPartial, Severity::Warning)],
        "no TTL note on a delegation that is not healthy"
    );
    let f = the(&s, Code::LameDelegationPartial);
    assert_eq!(
        f.title,
        "api.example.com: 2 of 4 delegated servers do not answer for the zone"
    );
    assert!(
        resolves(&s, "www.api.example.com", RecordType::A),
        "resolvers use the other two"
    );
    assert!(
        f.fixes.is_empty(),
        "a Route 53 zone's servers are its delegation set: no record edit helps"
    );
}

#[test]
fn full_lameness_is_an_error() {
    let s = child_off_servers(4);
    let f = the(&s, Code::LameDelegation);
    assert_eq!(f.severity, Severity::Error);
    assert!(
        f.fixes.is_empty(),
        "no edit of records can make a server serve a zone"
    );
    assert!(!f.symptom.unwrap().holds(&s.world, s.clock));
}

#[test]
fn registrar_lists_the_old_name_servers() {
    let c = delegation_lab::diagnose::challenges::get("registrar-ns").unwrap();
    let s = c.start();
    assert_eq!(
        codes(&s),
        [(Code::RegistryNsMismatch, Severity::Error), NOTE_TTL]
    );
    let f = the(&s, Code::RegistryNsMismatch);
    assert!(
        f.explanation
            .contains("served an earlier hosted zone of that name")
    );
    assert_eq!(
        f.fixes[0].edits,
        [Edit::SetRegistryDelegation {
            domain: n("example.com"),
            servers: servers(&s, "example.com"),
        }]
    );
    let after = fix_cures_symptom(&s, &f, 0);
    assert!(resolves(&after, "www.api.example.com", RecordType::A));
    assert_eq!(codes(&after), [NOTE_TTL]);
}

#[test]
fn registrar_missing_one_server_is_a_warning() {
    let mut s = preset("article");
    let ns = servers(&s, "example.com");
    internet::set_registry_delegation(&mut s.world, &n("example.com"), &ns[..3]).unwrap();
    assert_eq!(
        codes(&s),
        [(Code::RegistryNsMismatch, Severity::Warning), NOTE_TTL]
    );
}

#[test]
fn trailing_dot_names_do_not_resolve() {
    let c = delegation_lab::diagnose::challenges::get("trailing-dot").unwrap();
    let s = c.start();
    assert_eq!(codes(&s), [(Code::NsNameUnresolvable, Severity::Error)]);
    let f = the(&s, Code::NsNameUnresolvable);
    let meant = servers(&s, "api.example.com");
    let first = meant[0].to_string();
    assert!(
        f.explanation
            .contains(&format!("name {}example.com,", first)),
        "{}",
        f.explanation
    );
    assert!(f.explanation.contains("without a final dot"));
    let dotted = format!("dig A {}example.com", first);
    assert!(
        f.evidence
            .iter()
            .any(|e| e.command == dotted && e.summary.starts_with("NXDOMAIN"))
    );
    let after = fix_cures_symptom(&s, &f, 0);
    assert_eq!(codes(&after), [NOTE_TTL]);
}

#[test]
fn two_dotless_names_of_four_are_a_warning() {
    let s = preset("article");
    let mut ns = texts(&servers(&s, "api.example.com"));
    ns[2] = format!("{}example.com.", ns[2]);
    ns[3] = format!("{}example.com.", ns[3]);
    let s = with_parent_ns(s, &ns);
    assert_eq!(codes(&s), [(Code::NsNameUnresolvable, Severity::Warning)]);
    assert!(resolves(&s, "www.api.example.com", RecordType::A));
    let f = the(&s, Code::NsNameUnresolvable);
    let after = fixed(&s, &f, 0);
    assert_eq!(codes(&after), [NOTE_TTL]);
}

/// A zone `lab.example.com` on its own server `ns1.lab.example.com` (192.0.2.53), delegated
/// from example.com, with or without glue.
fn lab(glue: bool, extra_ns: Option<&str>) -> delegation_lab::scenario::Scenario {
    let mut s = preset("article");
    let origin = n("lab.example.com");
    let mut zone = delegation_lab::dns::Zone::new("lab.example.com.", origin.clone());
    zone.upsert(internet::soa_set(
        origin.clone(),
        "ns1.lab.example.com.",
        "hostmaster.example.com.",
        3600,
        1,
    ));
    let mut hosts = vec!["ns1.lab.example.com."];
    hosts.extend(extra_ns);
    zone.upsert(set("lab.example.com", RecordType::NS, 3600, &hosts));
    zone.upsert(set(
        "ns1.lab.example.com",
        RecordType::A,
        3600,
        &["192.0.2.53"],
    ));
    zone.upsert(set(
        "www.lab.example.com",
        RecordType::A,
        3600,
        &["192.0.2.80"],
    ));
    s.world.add_zone(zone);
    let mut server = NameServer::new(
        n("ns1.lab.example.com"),
        "192.0.2.53".parse().unwrap(),
        Software::Bind,
    );
    server.zones.push("lab.example.com.".into());
    s.world.servers.push(server);
    upsert(
        &mut s,
        "example.com",
        set("lab.example.com", RecordType::NS, 3600, &hosts),
    );
    if glue {
        upsert(
            &mut s,
            "example.com",
            set("ns1.lab.example.com", RecordType::A, 3600, &["192.0.2.53"]),
        );
    }
    s
}

#[test]
fn in_zone_name_server_without_glue() {
    let s = lab(false, None);
    assert_eq!(
        codes(&s),
        [(Code::NsMissingGlue, Severity::Error), NOTE_TTL]
    );
    let f = the(&s, Code::NsMissingGlue);
    assert_eq!(
        f.fixes[0].edits,
        [Edit::UpsertRecordSet {
            zone_id: zone_id(&s, "example.com"),
            set: set("ns1.lab.example.com", RecordType::A, 3600, &["192.0.2.53"]),
        }]
    );
    let after = fix_cures_symptom(&s, &f, 0);
    assert!(resolves(&after, "www.lab.example.com", RecordType::A));
    assert_eq!(codes(&after), [NOTE_TTL], "glue is not occluded data");
    assert_eq!(codes(&lab(true, None)), [NOTE_TTL]);
}

#[test]
fn a_name_server_whose_name_does_not_exist() {
    let s = lab(true, Some("ns2.nowhere.example.net."));
    let f = the(&s, Code::NsNameUnresolvable);
    assert_eq!(f.severity, Severity::Warning);
    assert!(
        f.explanation.contains(
            "ns2.nowhere.example.net (has no address: the name does not exist (NXDOMAIN))"
        ),
        "{}",
        f.explanation
    );
    assert!(f.fixes.is_empty(), "no name to correct it to");
}

#[test]
fn delegation_to_a_zone_that_does_not_exist() {
    let mut s = preset("article");
    let ns = texts(&servers(&s, "api.example.com"));
    let v: Vec<&str> = ns.iter().map(String::as_str).collect();
    upsert(
        &mut s,
        "example.com",
        set("old.example.com", RecordType::NS, 300, &v),
    );
    assert_eq!(
        codes(&s),
        [(Code::DelegationToMissingZone, Severity::Error), NOTE_TTL]
    );
    let f = the(&s, Code::DelegationToMissingZone);
    assert_eq!(f.symptom.as_ref().unwrap().expect, Expect::Conclusive);
    assert_eq!(outcome(&s, "old.example.com", RecordType::SOA), "SERVFAIL");
    let after = fix_cures_symptom(&s, &f, 0);
    assert_eq!(
        outcome(&after, "old.example.com", RecordType::SOA),
        "NXDOMAIN"
    );
    assert_eq!(codes(&after), [NOTE_TTL]);
}

#[test]
fn a_child_zone_never_delegated() {
    let s = preset("not-delegated");
    assert_eq!(codes(&s), [(Code::ZoneNotDelegated, Severity::Error)]);
    let f = the(&s, Code::ZoneNotDelegated);
    assert!(
        f.explanation
            .contains("holds 3 record sets, but no parent delegates api.example.com to it")
    );
    let after = fix_cures_symptom(&s, &f, 0);
    assert!(resolves(&after, "www.api.example.com", RecordType::A));
    assert_eq!(codes(&after), [NOTE_TTL]);
}

#[test]
fn an_empty_undelegated_zone_is_only_a_note() {
    let s = preset("wrong-ns");
    let f = the(&s, Code::ZoneNotDelegated);
    assert_eq!(f.severity, Severity::Note);
    assert_eq!(
        f.title,
        "staging.example.com: no parent delegates to this zone"
    );
    fix_cures_symptom(&s, &f, 0);
}

#[test]
fn a_registered_domain_without_name_servers() {
    let mut s = preset("article");
    internet::set_registry_delegation(&mut s.world, &n("example.com"), &[]).unwrap();
    let f = the(&s, Code::ZoneNotDelegated);
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(
        f.fixes[0].edits,
        [Edit::SetRegistryDelegation {
            domain: n("example.com"),
            servers: servers(&s, "example.com"),
        }]
    );
    let after = fix_cures_symptom(&s, &f, 0);
    assert_eq!(codes(&after), [NOTE_TTL]);
}

#[test]
fn a_twin_zone_that_is_not_delegated() {
    let mut s = preset("article");
    delegation_lab::aws::route53::create_hosted_zone(
        &mut s.world,
        &mut s.aws,
        delegation_lab::scenario::presets::ACCOUNT_A,
        "api.example.com",
        "second-api",
    )
    .unwrap();
    // An empty twin is a note.
    assert_eq!(
        codes(&s),
        [(Code::ZoneNotDelegated, Severity::Note), NOTE_TTL]
    );
    let twin = s
        .aws
        .hosted_zones
        .iter()
        .rfind(|z| z.name == n("api.example.com"))
        .unwrap()
        .id
        .clone();
    delegation_lab::aws::route53::change_record_sets(
        &mut s.world,
        &s.aws,
        &twin,
        &[delegation_lab::aws::Change {
            action: delegation_lab::aws::ChangeAction::Create,
            set: set("v2.api.example.com", RecordType::A, 300, &["192.0.2.20"]),
        }],
    )
    .unwrap();
    let f = the(&s, Code::ZoneNotDelegated);
    assert_eq!(f.severity, Severity::Warning);
    assert!(
        f.explanation
            .starts_with("Two zones are named api.example.com")
    );
}

#[test]
fn an_unreachable_server_is_lame() {
    // ns2.lab.example.com has glue for 192.0.2.54, where no server runs.
    let mut s = lab(true, Some("ns2.lab.example.com."));
    upsert(
        &mut s,
        "example.com",
        set("ns2.lab.example.com", RecordType::A, 3600, &["192.0.2.54"]),
    );
    assert_eq!(
        codes(&s),
        [(Code::LameDelegationPartial, Severity::Warning), NOTE_TTL]
    );
    let f = the(&s, Code::LameDelegationPartial);
    assert!(
        f.explanation
            .contains("ns2.lab.example.com (does not answer (nothing runs at 192.0.2.54))"),
        "{}",
        f.explanation
    );
    let probe = f
        .evidence
        .iter()
        .find(|e| e.command == "dig +norecurse SOA lab.example.com @192.0.2.54")
        .unwrap();
    assert!(probe.summary.starts_with("no reply"));
    assert!(probe.text.contains("no servers could be reached"));
    let after = fixed(&s, &f, 0);
    assert!(resolves(&after, "www.lab.example.com", RecordType::A));
    assert_eq!(codes(&after), [NOTE_TTL]);
}

#[test]
fn a_server_whose_own_domain_is_unreachable_has_no_address() {
    // The only server of awsdns-24.net moved: its name can no longer be resolved at all.
    let mut s = preset("article");
    let host = servers(&s, "api.example.com")[1].clone();
    s.world.server_named_mut(&host).unwrap().ip = "203.0.113.9".parse().unwrap();
    let f = the(&s, Code::NsNameUnresolvable);
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.fixes.is_empty());
    assert!(resolves(&s, "www.api.example.com", RecordType::A));
}
