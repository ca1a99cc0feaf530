//! The record checks (occluded data, validation records, CNAMEs, CAA) and the TTL notes:
//! each with a setup that triggers it, one that must not, and its fix checked with the
//! resolver.

mod common;

use common::*;
use delegation_lab::diagnose::{self, Code, Edit, Severity};
use delegation_lab::dns::resolve::{self, Cache};
use delegation_lab::dns::{Question, n};
use hickory_proto::rr::RecordType;

const NOTE_TTL: (Code, Severity) = (Code::TtlDelegationDiffers, Severity::Note);

#[test]
fn the_quiz_apex_record_in_the_parent() {
    let s = preset("quiz");
    assert_eq!(
        codes(&s),
        [(Code::OccludedRecords, Severity::Error), NOTE_TTL]
    );
    let f = the(&s, Code::OccludedRecords);
    assert_eq!(
        f.title,
        "api.example.com: records in the parent zone below the delegation are never served"
    );
    assert!(
        f.explanation
            .contains("holds A api.example.com at or below api.example.com")
    );
    assert!(
        f.explanation
            .contains("so resolvers get NODATA for A api.example.com")
    );
    assert_eq!(f.evidence[0].command, "dig A api.example.com");
    assert!(f.evidence[0].summary.starts_with("NODATA"));
    assert_eq!(
        f.fixes[0].edits,
        [
            Edit::UpsertRecordSet {
                zone_id: zone_id(&s, "api.example.com"),
                set: set("api.example.com", RecordType::A, 300, &["192.0.2.10"]),
            },
            Edit::DeleteRecordSet {
                zone_id: zone_id(&s, "example.com"),
                name: n("api.example.com"),
                rtype: RecordType::A,
            }
        ]
    );
    let after = fix_cures_symptom(&s, &f, 0);
    assert!(resolves(&after, "www.api.example.com", RecordType::A));
    assert_eq!(codes(&after), [NOTE_TTL]);
}

#[test]
fn a_parent_copy_of_a_child_record_is_a_warning() {
    let mut s = preset("article");
    upsert(
        &mut s,
        "example.com",
        set("api.example.com", RecordType::A, 300, &["192.0.2.10"]),
    );
    let f = the(&s, Code::OccludedRecords);
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.symptom.is_none());
    assert_eq!(f.fixes[0].title, "Delete the parent's unreachable copies");
    let after = fixed(&s, &f, 0);
    assert_eq!(codes(&after), [NOTE_TTL]);
}

#[test]
fn records_below_a_delegation_to_nothing() {
    let mut s = preset("article");
    let ns = texts(&servers(&s, "api.example.com"));
    let v: Vec<&str> = ns.iter().map(String::as_str).collect();
    upsert(
        &mut s,
        "example.com",
        set("old.example.com", RecordType::NS, 300, &v),
    );
    upsert(
        &mut s,
        "example.com",
        set("www.old.example.com", RecordType::A, 300, &["192.0.2.7"]),
    );
    let f = the(&s, Code::OccludedRecords);
    assert_eq!(f.severity, Severity::Error);
    assert!(f.fixes.is_empty(), "no zone to move them to");
    assert!(
        f.explanation
            .contains("No zone named old.example.com exists to hold them")
    );
}

#[test]
fn validation_record_in_the_parent() {
    let s = preset("validation-in-parent");
    assert_eq!(
        codes(&s),
        [(Code::ValidationRecordWrongZone, Severity::Error), NOTE_TTL],
        "reported once: as a validation record, not also as occluded data"
    );
    let f = the(&s, Code::ValidationRecordWrongZone);
    assert!(f.explanation.contains(
        "_abc123.api.example.com is inside api.example.com, which is delegated to hosted zone api.example.com"
    ));
    assert!(
        f.explanation
            .contains("which answers NXDOMAIN for the name")
    );
    let after = fix_cures_symptom(&s, &f, 0);
    assert_eq!(codes(&after), [NOTE_TTL]);
}

#[test]
fn validation_record_in_a_twin_zone() {
    let mut s = preset("article");
    delegation_lab::aws::route53::create_hosted_zone(
        &mut s.world,
        &mut s.aws,
        delegation_lab::scenario::presets::ACCOUNT_A,
        "api.example.com",
        "second-api",
    )
    .unwrap();
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
            set: set(
                "_0123456789abcdef0123456789abcdef.api.example.com",
                RecordType::CNAME,
                300,
                &["_fedcba9876543210fedcba9876543210.xkzqwvbnmr.acm-validations.aws."],
            ),
        }],
    )
    .unwrap();
    let f = the(&s, Code::ValidationRecordWrongZone);
    assert!(
        f.explanation
            .contains("is one of two zones named api.example.com")
    );
    let after = fix_cures_symptom(&s, &f, 0);
    assert!(
        !codes(&after)
            .iter()
            .any(|(c, _)| *c == Code::ValidationRecordWrongZone)
    );
}

#[test]
fn the_article_validation_record_is_where_it_belongs() {
    let s = preset("article");
    assert!(
        !codes(&s)
            .iter()
            .any(|(c, _)| *c == Code::ValidationRecordWrongZone)
    );
    let rs = set(
        "_abc123.api.example.com",
        RecordType::CNAME,
        300,
        &["_def456.acm-validations.aws."],
    );
    assert!(diagnose::checks::is_validation_record(&rs));
    let not = set(
        "_dmarc.api.example.com",
        RecordType::CNAME,
        300,
        &["x.acm-validations.aws."],
    );
    assert!(!diagnose::checks::is_validation_record(&not), "not hex");
}

#[test]
fn cname_at_an_apex_from_a_zone_file() {
    let mut s = preset("article");
    let child = zone_id(&s, "api.example.com");
    raw_upsert(
        &mut s,
        &child,
        set(
            "api.example.com",
            RecordType::CNAME,
            300,
            &["lb.example.net."],
        ),
    );
    let f = the(&s, Code::CnameAtApex);
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.title, "api.example.com: a CNAME at the zone apex");
    let after = fixed(&s, &f, 0);
    assert_eq!(codes(&after), [NOTE_TTL]);
}

#[test]
fn cname_beside_other_data() {
    let mut s = preset("article");
    let child = zone_id(&s, "api.example.com");
    raw_upsert(
        &mut s,
        &child,
        set(
            "www.api.example.com",
            RecordType::TXT,
            300,
            &["\"v=spf1 -all\""],
        ),
    );
    assert_eq!(
        codes(&s),
        [(Code::CnameWithOtherData, Severity::Error), NOTE_TTL]
    );
    let f = the(&s, Code::CnameWithOtherData);
    assert_eq!(f.fixes.len(), 2);
    assert_eq!(
        f.fixes[0].edits,
        [Edit::DeleteRecordSet {
            zone_id: child.clone(),
            name: n("www.api.example.com"),
            rtype: RecordType::TXT,
        }]
    );
    let kept_cname = fixed(&s, &f, 0);
    assert!(resolves(&kept_cname, "www.api.example.com", RecordType::A));
    assert_eq!(codes(&kept_cname), [NOTE_TTL]);
    let kept_txt = fixed(&s, &f, 1);
    assert!(resolves(&kept_txt, "www.api.example.com", RecordType::TXT));
    assert_eq!(codes(&kept_txt), [NOTE_TTL]);
}

#[test]
fn cname_loop_is_reported_once() {
    let mut s = preset("article");
    upsert(
        &mut s,
        "api.example.com",
        set(
            "a.api.example.com",
            RecordType::CNAME,
            300,
            &["b.api.example.com"],
        ),
    );
    upsert(
        &mut s,
        "api.example.com",
        set(
            "b.api.example.com",
            RecordType::CNAME,
            300,
            &["a.api.example.com"],
        ),
    );
    assert_eq!(codes(&s), [(Code::CnameLoop, Severity::Error), NOTE_TTL]);
    let f = the(&s, Code::CnameLoop);
    assert!(f.explanation.starts_with(
        "The CNAME chain a.api.example.com → b.api.example.com → a.api.example.com comes back"
    ));
    assert_eq!(f.involved.len(), 2);
    assert!(f.evidence[0].summary.starts_with("SERVFAIL"));
}

fn chain(len: usize) -> delegation_lab::scenario::Scenario {
    let mut s = preset("article");
    for i in 1..=len {
        let target = if i == len {
            "api.example.com".to_string()
        } else {
            format!("c{}.api.example.com", i + 1)
        };
        upsert(
            &mut s,
            "api.example.com",
            set(
                &format!("c{i}.api.example.com"),
                RecordType::CNAME,
                300,
                &[&target],
            ),
        );
    }
    s
}

#[test]
fn cname_chain_longer_than_resolvers_follow() {
    let s = chain(12);
    assert_eq!(
        codes(&s),
        [(Code::CnameChainTooLong, Severity::Error), NOTE_TTL]
    );
    assert_eq!(
        the(&s, Code::CnameChainTooLong).title,
        "c1.api.example.com: a CNAME chain longer than resolvers follow"
    );
    assert_eq!(codes(&chain(11)), [NOTE_TTL], "11 CNAMEs resolve");
}

#[test]
fn cname_to_a_name_that_does_not_exist() {
    let mut s = preset("article");
    upsert(
        &mut s,
        "api.example.com",
        set(
            "old.api.example.com",
            RecordType::CNAME,
            300,
            &["gone.api.example.com"],
        ),
    );
    upsert(
        &mut s,
        "api.example.com",
        set(
            "older.api.example.com",
            RecordType::CNAME,
            300,
            &["old.api.example.com"],
        ),
    );
    let f = the(&s, Code::CnameToNxdomain);
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(
        f.explanation,
        "old.api.example.com is an alias for gone.api.example.com, which does not exist, so resolvers answer NXDOMAIN for it. Create gone.api.example.com, or point the CNAME at a name that exists."
    );
}

fn with_caa(values: &[&str]) -> delegation_lab::scenario::Scenario {
    let mut s = preset("article");
    upsert(
        &mut s,
        "example.com",
        set("example.com", RecordType::CAA, 300, values),
    );
    s
}

#[test]
fn caa_that_forbids_amazon() {
    let s = with_caa(&["0 issue \"letsencrypt.org\""]);
    assert_eq!(
        codes(&s),
        [(Code::CaaForbidsAmazon, Severity::Warning), NOTE_TTL]
    );
    let f = the(&s, Code::CaaForbidsAmazon);
    assert_eq!(
        f.title,
        "example.com: CAA does not allow Amazon to issue certificates"
    );
    assert!(f.explanation.contains(
        "every name below that has none of its own: example.com, api.example.com and www.api.example.com"
    ), "{}", f.explanation);
    let after = fixed(&s, &f, 0);
    assert_eq!(codes(&after), [NOTE_TTL]);
    let r = resolve::trace(
        &after.world,
        &Question::new(n("example.com"), RecordType::CAA),
        after.clock,
    );
    let values: Vec<String> = r
        .outcome
        .answer
        .iter()
        .map(|rec| delegation_lab::dns::dig::rdata_text(&rec.data))
        .collect();
    assert_eq!(
        values,
        ["0 issue \"letsencrypt.org\"", "0 issue \"amazon.com\""]
    );
}

#[test]
fn caa_that_allows_amazon_or_only_reports() {
    assert_eq!(codes(&with_caa(&["0 issue \"amazon.com\""])), [NOTE_TTL]);
    assert_eq!(
        codes(&with_caa(&[
            "0 issue \"letsencrypt.org\"",
            "0 issue \"amazontrust.com\""
        ])),
        [NOTE_TTL]
    );
    assert_eq!(
        codes(&with_caa(&["0 iodef \"mailto:security@example.com\""])),
        [NOTE_TTL]
    );
}

#[test]
fn caa_that_forbids_amazon_wildcards() {
    let mut s = with_caa(&["0 issue \"amazon.com\"", "0 issuewild \";\""]);
    assert_eq!(codes(&s), [NOTE_TTL], "no wildcard name in use");
    upsert(
        &mut s,
        "api.example.com",
        set("*.api.example.com", RecordType::A, 300, &["192.0.2.10"]),
    );
    let f = the(&s, Code::CaaForbidsAmazon);
    assert_eq!(
        f.title,
        "example.com: CAA does not allow Amazon to issue wildcard certificates"
    );
    assert!(f.explanation.contains(": *.api.example.com."));
    let after = fixed(&s, &f, 0);
    assert_eq!(codes(&after), [NOTE_TTL]);
}

#[test]
fn ttl_note_for_the_article_and_its_fix() {
    let s = preset("article");
    let f = the(&s, Code::TtlDelegationDiffers);
    assert_eq!(
        f.title,
        "api.example.com: the parent's NS TTL (300 s) and the zone's own (172800 s) differ"
    );
    assert!(f.explanation.contains("for up to 172800 s (2 days)"));
    let after = fixed(&s, &f, 0);
    assert!(findings(&after).is_empty());
    // Equal TTLs: no note.
    let mut same = preset("article");
    let ns = texts(&servers(&same, "api.example.com"));
    let v: Vec<&str> = ns.iter().map(String::as_str).collect();
    upsert(
        &mut same,
        "example.com",
        set("api.example.com", RecordType::NS, 172_800, &v),
    );
    assert!(findings(&same).is_empty());
}

#[test]
fn a_cached_nxdomain_for_a_name_that_now_exists() {
    let mut s = preset("article");
    let q = Question::new(n("new.api.example.com"), RecordType::A);
    let mut cache = Cache::new();
    let r = resolve::recursive(&s.world, &mut cache, &q, s.clock);
    assert_eq!(r.outcome.kind.label(), "NXDOMAIN");
    s.resolver_cache = cache;
    assert_eq!(
        codes(&s),
        [NOTE_TTL],
        "a negative answer that is still true is no news"
    );
    upsert(
        &mut s,
        "api.example.com",
        set("new.api.example.com", RecordType::A, 300, &["192.0.2.30"]),
    );
    s.clock += 100;
    let f = the(&s, Code::TtlNegativeCache);
    assert_eq!(
        f.title,
        "new.api.example.com: the resolver still has a cached negative answer for 800 s"
    );
    assert!(
        f.evidence[0].summary.starts_with("NXDOMAIN"),
        "what clients see now"
    );
    assert!(
        f.evidence[1].summary.starts_with("NOERROR"),
        "what a fresh resolver sees"
    );
    s.clock += 800;
    assert_eq!(codes(&s), [NOTE_TTL], "expired");
}

#[test]
fn every_offered_fix_applies_and_findings_serialise() {
    for p in delegation_lab::scenario::presets::PRESETS {
        let s = preset(p.id);
        for f in findings(&s) {
            for fix in &f.fixes {
                let mut copy = s.clone();
                fix.apply(&mut copy).unwrap();
            }
            let sentences = f.explanation.matches(". ").count() + 1;
            assert!(
                (2..=5).contains(&sentences),
                "{}: {}",
                f.code,
                f.explanation
            );
        }
        let json = serde_json::to_value(findings(&s)).unwrap();
        for (v, f) in json.as_array().unwrap().iter().zip(findings(&s)) {
            assert_eq!(v["code"], f.code.as_str());
            assert_eq!(v["severity"], f.severity.as_str());
        }
    }
}

#[test]
fn a_fix_is_all_or_nothing() {
    let s = preset("quiz");
    let mut f = the(&s, Code::OccludedRecords);
    f.fixes[0].edits.push(Edit::DeleteRecordSet {
        zone_id: zone_id(&s, "example.com"),
        name: n("nothere.example.com"),
        rtype: RecordType::A,
    });
    let mut copy = s.clone();
    let err = f.fixes[0].apply(&mut copy).unwrap_err().to_string();
    assert_eq!(
        err,
        "Tried to delete resource record set [name='nothere.example.com.', type='A'] but it was not found"
    );
    assert_eq!(copy, s, "nothing was applied");
}

#[test]
fn caa_is_an_error_for_a_requested_certificate_and_found_as_acm_finds_it() {
    // acm-caa: a certificate for *.api.example.com, and CAA at example.com that allows only
    // Let's Encrypt. The certificate's names are checked, so the finding is an error.
    let s = preset("acm-caa");
    let f = the(&s, Code::CaaForbidsAmazon);
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(
        f.title,
        "example.com: CAA does not allow Amazon to issue wildcard certificates"
    );
    assert!(
        f.explanation
            .ends_with("must be requested again. Add 0 issue \"amazon.com\" to the set."),
        "{}",
        f.explanation
    );
    let after = fixed(&s, &f, 0);
    assert!(
        codes(&after)
            .iter()
            .all(|(c, _)| *c != Code::CaaForbidsAmazon)
    );
    // The same certificates with CAA allowing Amazon: nothing to report.
    assert!(
        codes(&preset("acm-issued"))
            .iter()
            .all(|(c, _)| *c != Code::CaaForbidsAmazon)
    );
}
