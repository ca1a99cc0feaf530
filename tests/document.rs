//! The scenario document: exact round trips (every record type, aliases, the resolver cache)
//! and a precise refusal for every kind of bad document.

use std::net::IpAddr;

use delegation_lab::aws::route53::{self, Change, ChangeAction};
use delegation_lab::dns::resolve::{self, Cache};
use delegation_lab::dns::rrset::{AliasTarget, RecordSet, parse_values};
use delegation_lab::dns::{Question, n};
use delegation_lab::scenario::{DocumentError, Inconsistency, Scenario, presets};
use hickory_proto::rr::RecordType;

fn rich() -> Scenario {
    let mut s = presets::build("article").unwrap();
    let zone = s
        .aws
        .hosted_zones
        .iter()
        .find(|z| z.name == n("example.com"))
        .unwrap()
        .id
        .clone();
    let mut sets = vec![
        RecordSet::new(
            n("example.com"),
            RecordType::TXT,
            300,
            parse_values(
                RecordType::TXT,
                &[
                    "\"v=spf1 include:amazonses.com ~all\"",
                    "\"two\" \"strings\"",
                    "\"quote \\\" inside\"",
                ],
            )
            .unwrap(),
        ),
        RecordSet::new(
            n("example.com"),
            RecordType::MX,
            300,
            parse_values(
                RecordType::MX,
                &["10 mail.example.com", "20 backup.example.com."],
            )
            .unwrap(),
        ),
        RecordSet::new(
            n("example.com"),
            RecordType::CAA,
            300,
            parse_values(
                RecordType::CAA,
                &[
                    "0 issue \"amazon.com\"",
                    "0 issuewild \";\"",
                    "0 iodef \"mailto:security@example.com\"",
                ],
            )
            .unwrap(),
        ),
        RecordSet::new(
            n("*.example.com"),
            RecordType::AAAA,
            60,
            parse_values(RecordType::AAAA, &["2001:db8::1"]).unwrap(),
        ),
    ];
    let mut alias = RecordSet::new(n("cdn.example.com"), RecordType::A, 0, vec![]);
    alias.alias = Some(AliasTarget {
        dns_name: n("d111111abcdef8.cloudfront.net"),
        hosted_zone_id: "Z2FDTNDATAQYW2".into(),
        addresses: vec!["192.0.2.80".parse::<IpAddr>().unwrap()],
    });
    sets.push(alias);
    let changes: Vec<Change> = sets
        .into_iter()
        .map(|set| Change {
            action: ChangeAction::Upsert,
            set,
        })
        .collect();
    route53::change_record_sets(&mut s.world, &s.aws, &zone, &changes).unwrap();
    let q = Question::new(n("www.api.example.com"), RecordType::A);
    resolve::recursive(&s.world, &mut s.resolver_cache, &q, s.clock);
    s
}

#[test]
fn a_scenario_round_trips_exactly() {
    let s = rich();
    let text = s.to_json();
    let back = Scenario::from_json(&text).unwrap();
    assert_eq!(back, s);
    assert_eq!(back.to_json(), text);
    assert!(!back.resolver_cache.is_empty());
    assert!(
        text.contains("\"\\\"v=spf1 include:amazonses.com ~all\\\"\""),
        "TXT is kept quoted"
    );
}

#[test]
fn an_alias_answers_with_its_targets_address() {
    let s = rich();
    let r = resolve::recursive(
        &s.world,
        &mut Cache::new(),
        &Question::new(n("cdn.example.com"), RecordType::A),
        s.clock,
    );
    let answer: Vec<String> = r.outcome.answer.iter().map(|r| r.to_string()).collect();
    assert_eq!(answer, ["cdn.example.com. 60 IN A 192.0.2.80"]);
}

#[test]
fn bad_documents_are_refused_precisely() {
    let good = presets::build("article").unwrap().to_json();
    let cases: Vec<(String, DocumentError)> = vec![
        ("{ not json".into(), DocumentError::NotJson { line: 1, column: 3, message: "key must be a string at line 1 column 3".into() }),
        ("{}".into(), DocumentError::NoVersion),
        (good.replacen("\"version\": 1", "\"version\": 7", 1), DocumentError::TooNew { found: 7 }),
        (good.replacen("\"version\": 1", "\"version\": \"one\"", 1), DocumentError::Damaged { path: "version".into(), message: "the version must be a whole number".into() }),
        (good.replacen("\"ip\": \"198.41.0.4\"", "\"ip\": \"198.41.0\"", 1), DocumentError::Damaged { path: "line ".into(), message: "invalid IPv4 address syntax".into() }),
        (good.replacen("\"192.0.2.10\"", "\"192.0.2\"", 1), DocumentError::Damaged { path: "line ".into(), message: "record api.example.com. A: \"192.0.2\" is not an IPv4 address; an A record needs four numbers from 0 to 255 separated by dots, such as 192.0.2.10".into() }),
        (good.replacen("\"ip\": \"192.33.4.12\"", "\"ip\": \"198.41.0.4\"", 1), DocumentError::Inconsistent(Inconsistency::SharedAddress("198.41.0.4".parse().unwrap()))),
    ];
    for (text, want) in cases {
        let got = Scenario::from_json(&text).expect_err("refused");
        match (&got, &want) {
            (
                DocumentError::Damaged {
                    path: gp,
                    message: gm,
                },
                DocumentError::Damaged {
                    path: wp,
                    message: wm,
                },
            ) => {
                assert!(
                    gp.starts_with(wp.as_str()),
                    "path {gp} should start with {wp}"
                );
                assert!(
                    gm.starts_with(wm.as_str()),
                    "message {gm} should start with {wm}"
                );
            }
            _ => assert_eq!(got, want),
        }
    }
    assert_eq!(
        DocumentError::TooNew { found: 7 }.to_string(),
        "this scenario was saved by a newer Delegation Lab (document version 7); this one reads version 1 and older"
    );
}
