//! The edit's rules, one scenario at a time: refused edits change nothing, renames, ACM through time.

use super::*;
use crate::aws::route53::ChangeAction;
use crate::dns::name::n;
use crate::dns::resolve;
use crate::dns::rrset::parse_values;
use crate::dns::{Question, resolve::OutcomeKind};
use crate::scenario::presets;

fn outcome(s: &Scenario, name: &str) -> OutcomeKind {
    resolve::trace(&s.world, &Question::new(n(name), RecordType::A), s.clock)
        .outcome
        .kind
}

#[test]
fn delegating_from_the_child_repairs_a_recreated_zone() {
    let mut s = presets::build("recreated").unwrap();
    assert_eq!(outcome(&s, "api.example.com"), OutcomeKind::ServFail);
    let child = s
        .aws
        .hosted_zones
        .iter()
        .find(|z| z.name == n("api.example.com"))
        .unwrap()
        .id
        .clone();
    Edit::DelegateToChild {
        child_zone_id: child,
        ttl: 300,
    }
    .apply(&mut s)
    .unwrap();
    assert_eq!(outcome(&s, "api.example.com"), OutcomeKind::Answer);
}

#[test]
fn a_refused_edit_changes_nothing() {
    let mut s = presets::build("article").unwrap();
    let before = s.clone();
    let child = s
        .aws
        .hosted_zones
        .iter()
        .find(|z| z.name == n("api.example.com"))
        .unwrap()
        .id
        .clone();
    let bad = Edit::Batch {
        label: "two".into(),
        edits: vec![
            Edit::PutRecordSet {
                zone_id: child.clone(),
                replacing: None,
                set: RecordSet::new(
                    n("new.api.example.com"),
                    RecordType::A,
                    60,
                    parse_values(RecordType::A, &["192.0.2.9"]).unwrap(),
                ),
            },
            Edit::PutRecordSet {
                zone_id: child,
                replacing: None,
                set: RecordSet::new(
                    n("api.example.com"),
                    RecordType::CNAME,
                    60,
                    parse_values(RecordType::CNAME, &["x.example.com"]).unwrap(),
                ),
            },
        ],
    };
    let err = bad.apply(&mut s).unwrap_err().to_string();
    assert!(err.contains("is not permitted at apex"), "{err}");
    assert_eq!(s, before);
}

#[test]
fn editing_a_set_can_rename_it() {
    let mut s = presets::build("article").unwrap();
    let child = s
        .aws
        .hosted_zones
        .iter()
        .find(|z| z.name == n("api.example.com"))
        .unwrap()
        .id
        .clone();
    let set = RecordSet::new(
        n("web.api.example.com"),
        RecordType::CNAME,
        60,
        parse_values(RecordType::CNAME, &["api.example.com"]).unwrap(),
    );
    Edit::PutRecordSet {
        zone_id: child.clone(),
        replacing: Some((n("www.api.example.com"), RecordType::CNAME)),
        set,
    }
    .apply(&mut s)
    .unwrap();
    let z = s.world.zone(&child).unwrap();
    assert!(
        z.get(&n("www.api.example.com"), RecordType::CNAME)
            .is_none()
    );
    assert!(
        z.get(&n("web.api.example.com"), RecordType::CNAME)
            .is_some()
    );
}

#[test]
fn servers_parse_from_a_typed_list() {
    assert_eq!(
        parse_servers("ns-1.awsdns-00.com, ns-513.awsdns-00.net.\nns-1.awsdns-00.com").unwrap(),
        vec![n("ns-1.awsdns-00.com"), n("ns-513.awsdns-00.net")]
    );
    assert_eq!(
        parse_servers("  ").unwrap_err().to_string(),
        "enter at least one name server"
    );
}

fn cert(s: &Scenario) -> &crate::aws::acm::Certificate {
    s.aws.certificates.last().unwrap()
}

#[test]
fn validating_the_article_certificate_issues_it() {
    let mut s = presets::build("acm-issued").unwrap();
    let arn = cert(&s).arn.clone();
    let edit = Edit::ValidateCertificate { arn };
    assert_eq!(edit.label(), "run ACM's validation checks");
    edit.apply(&mut s).unwrap();
    assert_eq!(cert(&s).status.as_str(), "ISSUED");
    assert_eq!(cert(&s).issued_at, Some(s.clock));
    assert_eq!(
        edit.apply(&mut s).unwrap_err().to_string(),
        "the certificate is ISSUED: ACM no longer checks it"
    );
}

#[test]
fn advancing_the_clock_runs_acm_until_it_times_out() {
    let mut s = presets::build("acm-in-parent").unwrap();
    let t0 = s.clock;
    Edit::AdvanceClock { seconds: 3600 }.apply(&mut s).unwrap();
    assert_eq!(s.clock, t0 + 3600);
    assert_eq!(cert(&s).status.as_str(), "PENDING_VALIDATION");
    Edit::AdvanceClock { seconds: 71 * 3600 }
        .apply(&mut s)
        .unwrap();
    assert_eq!(cert(&s).status.as_str(), "VALIDATION_TIMED_OUT");
    assert_eq!(cert(&s).next_check, None);
}

#[test]
fn a_requested_certificate_waits_for_its_records_the_console_creates() {
    let mut s = presets::build("article").unwrap();
    let before = s.aws.certificates.len();
    Edit::RequestCertificate {
        account: presets::ACCOUNT_B.into(),
        domain: "shop.api.example.com".into(),
        sans: vec!["*.shop.api.example.com".into()],
    }
    .apply(&mut s)
    .unwrap();
    assert_eq!(s.aws.certificates.len(), before + 1);
    let arn = cert(&s).arn.clone();
    assert_eq!(cert(&s).records().len(), 1);
    Edit::ValidateCertificate { arn: arn.clone() }
        .apply(&mut s)
        .unwrap();
    assert_eq!(cert(&s).status.as_str(), "PENDING_VALIDATION");
    // The next check is 5 minutes away: nothing is due now.
    assert_eq!(
        Edit::ValidateCertificate { arn: arn.clone() }
            .apply(&mut s.clone())
            .unwrap_err()
            .to_string(),
        format!(
            "ACM's next check is at {} (+0h05m after the request); advance the clock to it",
            crate::aws::acm::history::iso_time(s.clock + 300)
        )
    );
    let create = Edit::CreateValidationRecords { arn: arn.clone() };
    assert_eq!(create.label(), "create the validation records in Route 53");
    create.apply(&mut s).unwrap();
    assert_eq!(
        create.apply(&mut s.clone()).unwrap_err().to_string(),
        "every validation record is already in its zone: nothing to create"
    );
    Edit::AdvanceClock { seconds: 300 }.apply(&mut s).unwrap();
    assert_eq!(cert(&s).status.as_str(), "ISSUED");
}

#[test]
fn a_bad_request_and_a_cross_account_record_change_nothing_and_say_why() {
    let mut s = presets::build("article").unwrap();
    let before = s.clone();
    let err = Edit::RequestCertificate {
        account: presets::ACCOUNT_B.into(),
        domain: "api.*.example.com".into(),
        sans: vec![],
    }
    .apply(&mut s)
    .unwrap_err()
    .to_string();
    assert!(err.contains("the * is not the leftmost label"), "{err}");
    assert_eq!(s, before);
    // Account B has no zone for example.com itself: the console cannot write there.
    Edit::RequestCertificate {
        account: presets::ACCOUNT_B.into(),
        domain: "example.com".into(),
        sans: vec![],
    }
    .apply(&mut s)
    .unwrap();
    let arn = cert(&s).arn.clone();
    let before = s.clone();
    let err = Edit::CreateValidationRecords { arn }
        .apply(&mut s)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("no hosted zone in account 222222222222 matches _"),
        "{err}"
    );
    assert!(err.contains("is in account 111111111111"), "{err}");
    assert_eq!(s, before);
}

#[test]
fn an_edit_is_a_value_that_reads_back_from_json() {
    let set = RecordSet::new(
        n("www.example.com"),
        RecordType::A,
        300,
        parse_values(RecordType::A, &["192.0.2.1"]).unwrap(),
    );
    let edit = Edit::Batch {
        label: "fix: all kinds".into(),
        edits: vec![
            Edit::PutRecordSet {
                zone_id: "Z1".into(),
                replacing: Some((n("old.example.com"), RecordType::TXT)),
                set: set.clone(),
            },
            Edit::PutRecordSet {
                zone_id: "Z1".into(),
                replacing: None,
                set: set.clone(),
            },
            Edit::UpsertRecordSet {
                zone_id: "Z1".into(),
                set: set.clone(),
            },
            Edit::ChangeRecordSets {
                zone_id: "Z1".into(),
                changes: vec![Change {
                    action: ChangeAction::Delete,
                    set,
                }],
            },
            Edit::DeleteRecordSet {
                zone_id: "Z1".into(),
                name: n("x.example.com"),
                rtype: RecordType::Unknown(65280),
            },
            Edit::SetRegistryDelegation {
                domain: n("example.com"),
                servers: vec![n("ns1.example.net")],
            },
            Edit::AdvanceClock { seconds: 60 },
            Edit::FlushCache,
        ],
    };
    let json = serde_json::to_string(&edit).unwrap();
    assert!(json.contains(r#""edit":"upsert_record_set""#), "{json}");
    assert!(json.contains(r#""action":"DELETE""#), "{json}");
    assert!(json.contains(r#""type":"TXT""#), "{json}");
    assert_eq!(serde_json::from_str::<Edit>(&json).unwrap(), edit);
}

#[test]
fn what_an_edit_created_is_named() {
    let mut s = presets::build("article").unwrap();
    let created = Edit::CreateHostedZone {
        account: presets::ACCOUNT_B.into(),
        name: "dev.example.com".into(),
        caller_reference: "t-1".into(),
    }
    .apply(&mut s)
    .unwrap();
    let id = created.hosted_zone().expect("a hosted zone was created");
    assert_eq!(s.aws.hosted_zone(id).unwrap().name, n("dev.example.com"));
    let again = Edit::RecreateHostedZone { zone_id: id.into() }
        .apply(&mut s)
        .unwrap();
    assert_ne!(
        again.hosted_zone(),
        Some(id),
        "a recreated zone has a new id"
    );
    let refused = Edit::CreateHostedZone {
        account: "333333333333".into(),
        name: "x.example.com".into(),
        caller_reference: "t-2".into(),
    }
    .check(&s)
    .unwrap_err();
    assert!(
        matches!(
            refused,
            EditError::Route53(crate::aws::route53::Route53Error::NoSuchAccount(_))
        ),
        "{refused:?}"
    );
}
