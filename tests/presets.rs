//! Every preset resolves as the article (and real servers) say: exact outcomes, answers and
//! the path the resolver took.

use delegation_lab::dns::resolve::{self, Action, Decision, OutcomeKind};
use delegation_lab::dns::{Question, n};
use delegation_lab::scenario::presets::{self, PRESETS};
use hickory_proto::rr::RecordType;

fn resolve(preset: &str, name: &str, rtype: RecordType) -> resolve::Resolution {
    let s = presets::build(preset).unwrap();
    resolve::trace(&s.world, &Question::new(n(name), rtype), s.clock)
}

fn texts(records: &[hickory_proto::rr::Record]) -> Vec<String> {
    records.iter().map(|r| r.to_string()).collect()
}

#[test]
fn every_preset_builds_round_trips_and_is_consistent() {
    for p in PRESETS {
        let s = presets::build(p.id).unwrap();
        assert_eq!(s.title, p.title);
        let back = delegation_lab::scenario::Scenario::from_json(&s.to_json()).unwrap();
        assert_eq!(back, s, "{} round-trips", p.id);
        assert_eq!(back.to_json(), s.to_json());
    }
    assert!(presets::build("nope").is_none());
}

#[test]
fn article_setup_resolves_everything() {
    let r = resolve("article", "www.api.example.com", RecordType::A);
    assert_eq!(r.outcome.kind, OutcomeKind::Answer);
    assert_eq!(
        texts(&r.outcome.answer),
        [
            "www.api.example.com. 300 IN CNAME api.example.com.",
            "api.example.com. 300 IN A 192.0.2.10"
        ]
    );
    assert!(r.outcome.authority.is_empty());
    // root -> com -> example.com (account A) -> api.example.com (account B), with the
    // glueless delegation's name-server address looked up on the way.
    let top: Vec<String> = r
        .steps
        .iter()
        .filter(|s| s.depth == 0)
        .map(|s| match &s.action {
            Action::Query { zone, .. } => zone.to_string(),
            Action::Cache { .. } => "cache".into(),
        })
        .collect();
    // The CNAME's target is asked for again, as Unbound does, from the cached delegation.
    assert_eq!(
        top,
        [
            ".",
            "com.",
            "example.com.",
            "api.example.com.",
            "api.example.com."
        ]
    );
    assert!(
        r.steps.iter().any(|s| s.depth == 1),
        "the child's NS address is resolved as a nested lookup"
    );
    let referral = r.steps.iter().find(|s| matches!(&s.decision, Decision::FollowReferral { zone, .. } if zone.to_string() == "api.example.com.")).unwrap();
    let Decision::FollowReferral { glue, servers, .. } = &referral.decision else {
        unreachable!()
    };
    assert!(glue.is_empty(), "Route 53 delegations carry no glue");
    assert_eq!(servers.len(), 4);

    let cname = resolve("article", "_abc123.api.example.com", RecordType::CNAME);
    assert_eq!(
        texts(&cname.outcome.answer),
        ["_abc123.api.example.com. 300 IN CNAME _def456.acm-validations.aws."]
    );

    let ns = resolve("article", "api.example.com", RecordType::NS);
    assert_eq!(ns.outcome.kind, OutcomeKind::Answer);
    assert_eq!(ns.outcome.answer.len(), 4);
    assert!(
        ns.outcome.answer.iter().all(|r| r.ttl == 172_800),
        "the child's own NS set (TTL 172800), not the parent's (300)"
    );
}

#[test]
fn wrong_ns_and_recreated_fail_with_servfail_from_refusing_servers() {
    for preset in ["wrong-ns", "recreated"] {
        let r = resolve(preset, "api.example.com", RecordType::A);
        assert_eq!(r.outcome.kind, OutcomeKind::ServFail, "{preset}");
        assert!(
            r.outcome
                .reason
                .starts_with("every name server of api.example.com. answered REFUSED"),
            "{preset}: {}",
            r.outcome.reason
        );
        let refused = r
            .steps
            .iter()
            .filter(|s| {
                s.reply()
                    .is_some_and(|r| r.kind == delegation_lab::dns::ReplyKind::Refused)
            })
            .count();
        assert_eq!(
            refused, 4,
            "{preset}: each of the four servers is asked once"
        );
        assert!(matches!(
            r.steps.last().unwrap().decision,
            Decision::GiveUp { .. }
        ));
    }
}

#[test]
fn quiz_gives_nodata_not_nxdomain() {
    let r = resolve("quiz", "api.example.com", RecordType::A);
    assert_eq!(r.outcome.kind, OutcomeKind::NoData);
    assert!(r.outcome.answer.is_empty());
    assert_eq!(r.outcome.authority.len(), 1);
    assert_eq!(r.outcome.authority[0].record_type(), RecordType::SOA);
    assert_eq!(
        r.outcome.authority[0].name.to_string(),
        "api.example.com.",
        "the child's SOA: the child answered"
    );
    assert_eq!(r.outcome.authority[0].ttl, 900);
    let www = resolve("quiz", "www.api.example.com", RecordType::A);
    assert_eq!(
        www.outcome.kind,
        OutcomeKind::Answer,
        "www works, as the quiz says"
    );
    assert_eq!(
        texts(&www.outcome.answer),
        [
            "www.api.example.com. 300 IN CNAME example.com.",
            "example.com. 300 IN A 192.0.2.1"
        ]
    );
}

#[test]
fn validation_record_in_the_parent_is_nxdomain_from_the_child() {
    let r = resolve(
        "validation-in-parent",
        "_abc123.api.example.com",
        RecordType::CNAME,
    );
    assert_eq!(r.outcome.kind, OutcomeKind::NxDomain);
    assert_eq!(r.outcome.authority[0].name.to_string(), "api.example.com.");
    let a = resolve("validation-in-parent", "api.example.com", RecordType::A);
    assert_eq!(a.outcome.kind, OutcomeKind::Answer);
}

#[test]
fn an_undelegated_child_is_nxdomain_from_the_parent() {
    let r = resolve("not-delegated", "www.api.example.com", RecordType::A);
    assert_eq!(r.outcome.kind, OutcomeKind::NxDomain);
    assert_eq!(r.outcome.authority[0].name.to_string(), "example.com.");
}
