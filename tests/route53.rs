//! Route 53's behaviour: delegation sets, default records, the record-set rules in Route 53's
//! own words, deleting and recreating zones, and REFUSED from servers that do not host a zone.

use delegation_lab::aws::account::AccountIdError;
use delegation_lab::aws::delegation_set::{server_ip, server_number};
use delegation_lab::aws::route53::{self, Change, ChangeAction, Route53Error};
use delegation_lab::dns::answer::{Question, ReplyKind, ask};
use delegation_lab::dns::rrset::{RecordSet, parse_values};
use delegation_lab::dns::{Software, n};
use delegation_lab::scenario::Scenario;
use hickory_proto::op::ResponseCode;
use hickory_proto::rr::RecordType;

fn lab() -> (Scenario, String) {
    let mut s = Scenario::new("test", 42);
    route53::create_account(&mut s.aws, "111111111111", "A").unwrap();
    let id = route53::create_hosted_zone(
        &mut s.world,
        &mut s.aws,
        "111111111111",
        "Example.COM",
        "ref-1",
    )
    .unwrap();
    (s, id)
}

fn set(name: &str, rtype: RecordType, values: &[&str]) -> RecordSet {
    RecordSet::new(n(name), rtype, 300, parse_values(rtype, values).unwrap())
}

/// Route 53's refusal of a one-change batch, as the CLI prints it.
fn refused(message: &str) -> String {
    format!("InvalidChangeBatch: [{message}]")
}

/// One change, refused with Route 53's text.
fn change_text(
    s: &mut Scenario,
    id: &str,
    action: ChangeAction,
    set: RecordSet,
) -> Result<(), String> {
    change(s, id, action, set).map_err(|e| e.to_string())
}

fn change(
    s: &mut Scenario,
    id: &str,
    action: ChangeAction,
    set: RecordSet,
) -> Result<(), Route53Error> {
    route53::change_record_sets(&mut s.world, &s.aws, id, &[Change { action, set }])
}

#[test]
fn a_new_zone_gets_four_servers_one_per_tld_and_the_default_soa_and_ns() {
    let (s, id) = lab();
    let hz = s.aws.hosted_zone(&id).unwrap();
    assert_eq!(
        hz.name.to_string(),
        "example.com.",
        "names are stored in lower case"
    );
    assert!(id.starts_with('Z') && id.len() == 21);
    let ns: Vec<String> = hz.name_servers().iter().map(|n| n.to_string()).collect();
    for (host, tld) in ns.iter().zip([".com.", ".net.", ".org.", ".co.uk."]) {
        assert!(host.ends_with(tld), "{host} should be under {tld}");
        assert!(
            server_number(&n(host)).is_some(),
            "{host} follows the ns-N.awsdns-NN pattern"
        );
    }
    let zone = s.world.zone(&id).unwrap();
    let soa = zone.soa().unwrap();
    assert_eq!(soa.ttl, 900);
    assert_eq!(
        soa.values[0].to_string(),
        format!(
            "{} awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400",
            ns[0]
        )
    );
    let apex_ns = zone.apex_ns().unwrap();
    assert_eq!(apex_ns.ttl, 172_800);
    assert_eq!(apex_ns.value_texts(), ns);
    // Each server exists, at 205.251.192.0 + N, and serves the zone.
    for host in hz.name_servers() {
        let server = s.world.server_named(&host).unwrap();
        assert_eq!(server.ip, server_ip(server_number(&host).unwrap()));
        assert_eq!(server.software, Software::Route53);
        assert!(server.serves(&id));
    }
}

#[test]
fn the_same_seed_gives_the_same_zone() {
    let (a, ida) = lab();
    let (b, idb) = lab();
    assert_eq!(ida, idb);
    assert_eq!(a, b);
}

#[test]
fn recreating_a_zone_assigns_new_servers_and_the_old_ones_refuse() {
    let (mut s, id) = lab();
    let old = s.aws.hosted_zone(&id).unwrap().name_servers();
    route53::delete_hosted_zone(&mut s.world, &mut s.aws, &id).unwrap();
    let id2 = route53::create_hosted_zone(
        &mut s.world,
        &mut s.aws,
        "111111111111",
        "example.com",
        "ref-2",
    )
    .unwrap();
    let new = s.aws.hosted_zone(&id2).unwrap().name_servers();
    assert_ne!(id, id2);
    assert!(
        old.iter().all(|o| !new.contains(o)),
        "no server of the old set comes back"
    );
    let server = s.world.server_named(&old[0]).unwrap();
    let reply = ask(
        &s.world,
        server,
        &Question::new(n("example.com"), RecordType::A),
        false,
        1,
    );
    assert_eq!(reply.message.metadata.response_code, ResponseCode::Refused);
    assert_eq!(reply.kind, ReplyKind::Refused);
    assert!(!reply.message.metadata.authoritative);
    assert!(reply.message.answers.is_empty() && reply.message.authorities.is_empty());
}

#[test]
fn two_zones_of_one_name_never_share_a_server() {
    let (mut s, id) = lab();
    let id2 = route53::create_hosted_zone(
        &mut s.world,
        &mut s.aws,
        "111111111111",
        "example.com",
        "ref-2",
    )
    .unwrap();
    let a = s.aws.hosted_zone(&id).unwrap().name_servers();
    let b = s.aws.hosted_zone(&id2).unwrap().name_servers();
    assert!(a.iter().all(|x| !b.contains(x)));
}

#[test]
fn a_zone_with_records_cannot_be_deleted() {
    let (mut s, id) = lab();
    change(
        &mut s,
        &id,
        ChangeAction::Create,
        set("www.example.com", RecordType::A, &["192.0.2.1"]),
    )
    .unwrap();
    assert_eq!(
        route53::delete_hosted_zone(&mut s.world, &mut s.aws, &id),
        Err(Route53Error::HostedZoneNotEmpty)
    );
    assert_eq!(
        Route53Error::HostedZoneNotEmpty.to_string(),
        "HostedZoneNotEmpty: The specified hosted zone contains non-required resource record sets and so cannot be deleted."
    );
}

#[test]
fn route53_rules_in_route53_words() {
    let (mut s, id) = lab();
    let cases: Vec<(ChangeAction, RecordSet, &str)> = vec![
        (
            ChangeAction::Create,
            set("example.com", RecordType::CNAME, &["x.example.org"]),
            "RRSet of type CNAME with DNS name example.com. is not permitted at apex in zone example.com.",
        ),
        (
            ChangeAction::Create,
            set("www.other.org", RecordType::A, &["192.0.2.1"]),
            "RRSet with DNS name www.other.org. is not permitted in zone example.com.",
        ),
        (
            ChangeAction::Delete,
            set("nothing.example.com", RecordType::A, &["192.0.2.1"]),
            "Tried to delete resource record set [name='nothing.example.com.', type='A'] but it was not found",
        ),
    ];
    for (action, set, message) in cases {
        assert_eq!(change_text(&mut s, &id, action, set), Err(refused(message)));
    }
    change(
        &mut s,
        &id,
        ChangeAction::Create,
        set("www.example.com", RecordType::CNAME, &["example.com"]),
    )
    .unwrap();
    assert_eq!(
        change_text(
            &mut s,
            &id,
            ChangeAction::Create,
            set("WWW.example.com.", RecordType::A, &["192.0.2.1"])
        ),
        Err(refused(
            "RRSet of type A with DNS name www.example.com. is not permitted because a conflicting RRSet of type CNAME with the same DNS name already exists in zone example.com."
        ))
    );
    assert_eq!(
        change_text(
            &mut s,
            &id,
            ChangeAction::Create,
            set("www.example.com", RecordType::CNAME, &["example.com"])
        ),
        Err(refused(
            "Tried to create resource record set [name='www.example.com.', type='CNAME'] but it already exists"
        ))
    );
    change(
        &mut s,
        &id,
        ChangeAction::Create,
        set("mail.example.com", RecordType::A, &["192.0.2.25"]),
    )
    .unwrap();
    assert_eq!(
        change_text(
            &mut s,
            &id,
            ChangeAction::Upsert,
            set("mail.example.com", RecordType::CNAME, &["example.com"])
        ),
        Err(refused(
            "RRSet of type CNAME with DNS name mail.example.com. is not permitted because a conflicting RRSet of type A with the same DNS name already exists in zone example.com."
        ))
    );
    let soa = s.world.zone(&id).unwrap().soa().unwrap().clone();
    assert_eq!(
        change_text(&mut s, &id, ChangeAction::Delete, soa),
        Err(refused("A HostedZone must contain exactly one SOA record."))
    );
}

#[test]
fn a_change_batch_is_all_or_nothing() {
    let (mut s, id) = lab();
    let before = s.world.zone(&id).unwrap().clone();
    let changes = vec![
        Change {
            action: ChangeAction::Create,
            set: set("a.example.com", RecordType::A, &["192.0.2.1"]),
        },
        Change {
            action: ChangeAction::Create,
            set: set("example.com", RecordType::CNAME, &["a.example.com"]),
        },
    ];
    assert!(route53::change_record_sets(&mut s.world, &s.aws, &id, &changes).is_err());
    assert_eq!(s.world.zone(&id).unwrap(), &before);
}

#[test]
fn records_below_a_delegation_are_accepted_but_occluded() {
    let (mut s, id) = lab();
    change(
        &mut s,
        &id,
        ChangeAction::Create,
        set("api.example.com", RecordType::NS, &["ns-1.awsdns-00.com"]),
    )
    .unwrap();
    change(
        &mut s,
        &id,
        ChangeAction::Create,
        set("api.example.com", RecordType::A, &["192.0.2.10"]),
    )
    .unwrap();
    change(
        &mut s,
        &id,
        ChangeAction::Create,
        set("x.api.example.com", RecordType::TXT, &["\"hidden\""]),
    )
    .unwrap();
    let zone = s.world.zone(&id).unwrap();
    assert!(zone.is_occluded(zone.get(&n("api.example.com"), RecordType::A).unwrap()));
    assert!(zone.is_occluded(zone.get(&n("x.api.example.com"), RecordType::TXT).unwrap()));
    assert!(!zone.is_occluded(zone.get(&n("api.example.com"), RecordType::NS).unwrap()));
}

#[test]
fn bad_accounts_and_zone_names_are_refused() {
    let mut s = Scenario::new("t", 1);
    let refused = route53::create_account(&mut s.aws, "12345", "x").unwrap_err();
    assert_eq!(
        refused,
        Route53Error::InvalidAccountId(AccountIdError { id: "12345".into() })
    );
    assert_eq!(
        refused.to_string(),
        "InvalidInput: \"12345\" is not an AWS account id: an account id is exactly 12 digits, such as 111111111111"
    );
    route53::create_account(&mut s.aws, "111111111111", "A").unwrap();
    assert!(matches!(
        route53::create_hosted_zone(&mut s.world, &mut s.aws, "111111111111", "com", "r"),
        Err(Route53Error::InvalidDomainName(_))
    ));
    assert!(matches!(
        route53::create_hosted_zone(&mut s.world, &mut s.aws, "111111111111", "bad..name", "r"),
        Err(Route53Error::InvalidDomainName(_))
    ));
    assert_eq!(
        route53::create_hosted_zone(&mut s.world, &mut s.aws, "999999999999", "a.com", "r"),
        Err(Route53Error::NoSuchAccount("999999999999".into()))
    );
    route53::create_hosted_zone(&mut s.world, &mut s.aws, "111111111111", "a.com", "r").unwrap();
    assert_eq!(
        route53::create_hosted_zone(&mut s.world, &mut s.aws, "111111111111", "b.com", "r"),
        Err(Route53Error::HostedZoneAlreadyExists)
    );
}

#[test]
fn recreating_a_zone_hundreds_of_times_finishes_and_reuses_servers() {
    // Each recreate retires a set; past 512 the .com range has no fresh server left, where
    // drawing looped for ever (a frozen tab). Route 53's pool is finite: servers are reused.
    let (mut s, mut id) = lab();
    for _ in 0..520 {
        id = route53::recreate_hosted_zone(&mut s.world, &mut s.aws, &id).unwrap();
    }
    let hz = s.aws.hosted_zone(&id).unwrap();
    assert_eq!(s.aws.retired_sets.len(), 520);
    assert!(
        s.aws
            .retired_sets
            .iter()
            .any(|(_, set)| set[0] == hz.delegation_set[0]),
        "a retired .com server is reused once all 512 were used"
    );
    assert!(
        hz.caller_reference.len() < 32,
        "the caller reference does not grow with each recreate: {}",
        hz.caller_reference
    );
}

#[test]
fn a_document_whose_retired_sets_cover_a_range_still_creates_zones() {
    // What a 4.4 KB share link carried: 512 retired sets of example.com. covering every
    // .com server; the very first "create hosted zone" of that name hung.
    let mut s = Scenario::new("test", 42);
    route53::create_account(&mut s.aws, "111111111111", "A").unwrap();
    s.aws.retired_sets = (0..512u16)
        .map(|n| ("example.com.".to_string(), [n, 512, 1024, 1536]))
        .collect();
    let id =
        route53::create_hosted_zone(&mut s.world, &mut s.aws, "111111111111", "example.com", "r")
            .unwrap();
    let set = s.aws.hosted_zone(&id).unwrap().delegation_set;
    assert!(set[0] < 512);
    assert!(
        ![512, 1024, 1536].contains(&set[1]) && ![1024, 1536].contains(&set[2]),
        "the other ranges still avoid the retired servers: {set:?}"
    );
}
