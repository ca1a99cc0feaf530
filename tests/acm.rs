//! ACM certificate DNS validation: the records ACM asks for, the console's same-account
//! limit, every status path on the simulated clock, CAA climbing (RFC 8659), the Terraform
//! view, and the `delegation-lab acm` command line.

use delegation_lab::aws::acm::{
    self, CertificateStatus, CheckResult, DomainStatus, Event, FailureReason, Target, caa,
    schedule, terraform,
};
use delegation_lab::aws::route53::{self, Change, ChangeAction};
use delegation_lab::dns::internet;
use delegation_lab::dns::n;
use delegation_lab::dns::resolve::{Action, OutcomeKind};
use delegation_lab::dns::rrset::{RecordSet, parse_values};
use delegation_lab::scenario::presets::{self, ACCOUNT_A, ACCOUNT_B};
use delegation_lab::scenario::{Scenario, acm_ops};
use hickory_proto::rr::RecordType;

const T0: u64 = 1_795_867_200;

fn preset(id: &str) -> (Scenario, String) {
    let s = presets::build(id).unwrap();
    let arn = s.aws.certificates[0].arn.clone();
    (s, arn)
}

fn zone_id(s: &Scenario, name: &str) -> String {
    s.aws
        .hosted_zones
        .iter()
        .find(|z| z.name == n(name))
        .unwrap()
        .id
        .clone()
}

fn set(name: &str, rtype: RecordType, values: &[&str]) -> RecordSet {
    RecordSet::new(n(name), rtype, 300, parse_values(rtype, values).unwrap())
}

fn upsert(s: &mut Scenario, zone: &str, set: RecordSet) {
    route53::change_record_sets(
        &mut s.world,
        &s.aws,
        zone,
        &[Change {
            action: ChangeAction::Upsert,
            set,
        }],
    )
    .unwrap();
}

fn cert<'a>(s: &'a Scenario, arn: &str) -> &'a acm::Certificate {
    s.aws.certificates.iter().find(|c| c.arn == arn).unwrap()
}

fn checks(s: &Scenario, arn: &str) -> Vec<acm::CheckRecord> {
    cert(s, arn)
        .history
        .iter()
        .filter_map(|e| match e {
            Event::Check(c) => Some(c.clone()),
            Event::Status { .. } => None,
        })
        .collect()
}

fn statuses(s: &Scenario, arn: &str) -> Vec<(u64, CertificateStatus)> {
    cert(s, arn)
        .history
        .iter()
        .filter_map(|e| match e {
            Event::Status { at, status, .. } => Some((*at - T0, *status)),
            Event::Check(_) => None,
        })
        .collect()
}

// ---- requests and records -------------------------------------------------------------

#[test]
fn a_request_gets_an_arn_and_acms_record_shape() {
    let mut s = presets::build("article").unwrap();
    let arn = acm_ops::request_certificate(
        &mut s,
        ACCOUNT_B,
        "*.API.example.com.",
        &["api.example.com".into(), "*.api.example.com".into()],
    )
    .unwrap();
    let prefix = "arn:aws:acm:us-east-1:222222222222:certificate/";
    assert!(arn.starts_with(prefix), "{arn}");
    let uuid = &arn[prefix.len()..];
    let groups: Vec<usize> = uuid.split('-').map(str::len).collect();
    assert_eq!(groups, [8, 4, 4, 4, 12]);
    assert_eq!(&uuid[14..15], "4", "a version 4 UUID");
    assert!(uuid.bytes().all(|b| b == b'-' || b.is_ascii_hexdigit()));

    let c = cert(&s, &arn);
    assert_eq!(c.status, CertificateStatus::PendingValidation);
    assert_eq!(c.domain_name, "*.api.example.com");
    assert_eq!(
        c.subject_alternative_names,
        ["*.api.example.com", "api.example.com"],
        "names are lower-cased, and a name given twice is kept once"
    );
    assert_eq!(c.next_check, Some(T0), "ACM looks at once");
    // The wildcard and its base name share one record, named after the base name.
    let [wild, base] = &c.domain_validations[..] else {
        panic!("two names")
    };
    assert_eq!(wild.record, base.record);
    assert_eq!(c.records().len(), 1);
    let name = wild.record.name.to_string();
    assert_eq!(name.len(), "_".len() + 32 + ".api.example.com.".len());
    assert!(name.starts_with('_') && name.ends_with(".api.example.com."));
    let value = wild.record.value.to_string();
    let labels: Vec<&str> = value.split('.').collect();
    assert_eq!(labels[0].len(), 33);
    assert_eq!(labels[1].len(), 10);
    assert!(labels[1].bytes().all(|b| b.is_ascii_lowercase()));
    assert_eq!(&labels[2..], ["acm-validations", "aws", ""]);

    let json = acm::describe_json(c);
    let dvo = &json["Certificate"]["DomainValidationOptions"][0];
    assert_eq!(dvo["ValidationStatus"], "PENDING_VALIDATION");
    assert_eq!(dvo["ResourceRecord"]["Type"], "CNAME");
    assert_eq!(dvo["ResourceRecord"]["Name"], name.as_str());
    assert_eq!(json["Certificate"]["Status"], "PENDING_VALIDATION");
    assert_eq!(json["Certificate"]["CreatedAt"], "2026-11-28T12:00:00Z");
}

#[test]
fn tokens_are_the_same_for_the_same_name_in_the_same_account() {
    let mut s = presets::build("article").unwrap();
    let first = acm_ops::request_certificate(&mut s, ACCOUNT_B, "*.api.example.com", &[]).unwrap();
    let again = acm_ops::request_certificate(&mut s, ACCOUNT_B, "api.example.com", &[]).unwrap();
    let other = acm_ops::request_certificate(&mut s, ACCOUNT_A, "*.api.example.com", &[]).unwrap();
    assert_ne!(first, again, "every request is a new certificate");
    assert_eq!(s.aws.certificates_of(ACCOUNT_B).count(), 2);
    assert_eq!(s.aws.certificate(&other).unwrap().account, ACCOUNT_A);
    let record = |arn: &str| cert(&s, arn).domain_validations[0].record.clone();
    assert_eq!(record(&first), record(&again));
    assert_ne!(record(&first), record(&other), "records are per account");
    // A scenario built again from its seed gives the same certificate.
    let (a, arn_a) = preset("acm-issued");
    let (b, arn_b) = preset("acm-issued");
    assert_eq!(arn_a, arn_b);
    assert_eq!(cert(&a, &arn_a), cert(&b, &arn_b));
    assert_eq!(
        record(&first),
        cert(&a, &arn_a).domain_validations[0].record
    );
}

#[test]
fn bad_requests_say_what_is_wrong() {
    let mut s = presets::build("article").unwrap();
    let err = |s: &mut Scenario, account: &str, domain: &str, sans: &[&str]| {
        let sans: Vec<String> = sans.iter().map(|x| x.to_string()).collect();
        acm_ops::request_certificate(s, account, domain, &sans)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        err(&mut s, "333333333333", "api.example.com", &[]),
        "NoSuchAccount: no account 333333333333 in this scenario"
    );
    assert_eq!(
        err(&mut s, ACCOUNT_B, "api.example.com", &["www.*.example.com"]),
        "ValidationException: Value 'www.*.example.com' at 'subjectAlternativeNames' failed to satisfy constraint: the * is not the leftmost label; a wildcard may only be the whole leftmost label, as in *.api.example.com"
    );
    let many: Vec<String> = (0..10).map(|i| format!("n{i}.example.com")).collect();
    let many: Vec<&str> = many.iter().map(String::as_str).collect();
    assert_eq!(
        err(&mut s, ACCOUNT_B, "api.example.com", &many),
        "LimitExceededException: a certificate may have at most 10 domain names (ACM's default quota); this request has 11"
    );
    assert!(
        s.aws.certificates.is_empty(),
        "a refused request leaves nothing"
    );
    assert_eq!(
        acm_ops::validate(
            &mut s,
            "arn:aws:acm:us-east-1:222222222222:certificate/nope",
            T0
        )
        .unwrap_err()
        .to_string(),
        "ResourceNotFoundException: Could not find certificate arn:aws:acm:us-east-1:222222222222:certificate/nope"
    );
}

// ---- the console's "Create records in Route 53" ------------------------------------------

#[test]
fn the_console_writes_only_to_the_best_zone_of_the_same_account() {
    let mut s = presets::build("article").unwrap();
    let child = zone_id(&s, "api.example.com.");
    let parent = zone_id(&s, "example.com.");
    let arn = acm_ops::request_certificate(
        &mut s,
        ACCOUNT_B,
        "*.api.example.com",
        &["www.example.com".into()],
    )
    .unwrap();
    let before = s.world.clone();
    let plan = acm_ops::plan(&s, &arn).unwrap();
    assert_eq!(s.world, before, "planning changes nothing");
    assert_eq!(plan.len(), 2);
    assert_eq!(plan[0].domains, ["*.api.example.com"]);
    assert_eq!(
        plan[0].target,
        Target::Zone {
            zone_id: child.clone(),
            zone_name: n("api.example.com."),
            present: false,
            warning: None
        }
    );
    let www = plan[1].name.to_string();
    assert_eq!(
        plan[1].target,
        Target::NoZone {
            reason: format!(
                "no hosted zone in account 222222222222 matches {www}: the zone for it, example.com. ({parent}), is in account 111111111111, and the console only writes to zones of the certificate's own account. Add the record there by hand, from account 111111111111"
            )
        }
    );

    acm_ops::create_records_in_route53(&mut s, &arn).unwrap();
    let record = &cert(&s, &arn).domain_validations[0].record;
    let created = s
        .world
        .zone(&child)
        .unwrap()
        .get(&record.name, RecordType::CNAME)
        .unwrap();
    assert_eq!(created.ttl, 300);
    assert_eq!(created.value_texts(), [record.value.to_string()]);
    assert!(
        s.world
            .zone(&parent)
            .unwrap()
            .get(&plan[1].name, RecordType::CNAME)
            .is_none()
    );
    // Pressing again finds the record there already.
    let again = acm_ops::create_records_in_route53(&mut s, &arn).unwrap();
    assert!(matches!(
        again[0].target,
        Target::Zone { present: true, .. }
    ));

    // The record for www.example.com can be added by hand in account A's zone: a plain
    // Route 53 change. Then both names validate.
    let by_hand = cert(&s, &arn).domain_validations[1].record.record_set(300);
    upsert(&mut s, &parent, by_hand);
    acm_ops::validate(&mut s, &arn, T0).unwrap();
    assert_eq!(cert(&s, &arn).status, CertificateStatus::Issued);
}

#[test]
fn in_the_root_account_the_console_picks_the_parent_zone_and_warns() {
    let mut s = presets::build("article").unwrap();
    let parent = zone_id(&s, "example.com.");
    let child = zone_id(&s, "api.example.com.");
    let arn = acm_ops::request_certificate(&mut s, ACCOUNT_A, "*.api.example.com", &[]).unwrap();
    let plan = acm_ops::create_records_in_route53(&mut s, &arn).unwrap();
    let name = plan[0].name.to_string();
    assert_eq!(
        plan[0].target,
        Target::Zone {
            zone_id: parent.clone(),
            zone_name: n("example.com."),
            present: false,
            warning: Some(format!(
                "example.com. delegates api.example.com. to other name servers, so resolvers never look for {name} in this zone and ACM will not find it; a more specific hosted zone, api.example.com. ({child}), is in account 222222222222: if the name is delegated to it, the record belongs there"
            )),
        }
    );
    acm_ops::advance(&mut s, schedule::TIMEOUT);
    assert_eq!(cert(&s, &arn).status, CertificateStatus::ValidationTimedOut);
}

// ---- status paths -----------------------------------------------------------------------

#[test]
fn the_record_in_the_child_zone_issues_at_the_first_check() {
    let (mut s, arn) = preset("acm-issued");
    let child = zone_id(&s, "api.example.com.");
    let made = acm_ops::validate(&mut s, &arn, T0).unwrap();
    let c = cert(&s, &arn);
    assert_eq!(c.status, CertificateStatus::Issued);
    assert_eq!(c.issued_at, Some(T0));
    assert_eq!(c.next_check, None);
    assert_eq!(c.domain_validations[0].status, DomainStatus::Success);
    assert_eq!(
        statuses(&s, &arn),
        [
            (0, CertificateStatus::PendingValidation),
            (0, CertificateStatus::Issued)
        ]
    );
    let record = &c.domain_validations[0].record;
    let h = checks(&s, &arn);
    assert_eq!(h.len(), 2);
    assert_eq!(h[0].question, format!("CNAME {}", record.name));
    assert_eq!(h[0].result, CheckResult::Found);
    assert_eq!(h[0].rcode, "NOERROR");
    assert_eq!(
        h[0].reason,
        format!(
            "ns-140.awsdns-17.com (zone api.example.com.) answered {} CNAME {}: the value ACM gave",
            record.name, record.value
        )
    );
    assert_eq!(h[1].question, "CAA api.example.com., example.com., com.");
    assert_eq!(h[1].result, CheckResult::CaaPermits);
    assert_eq!(
        h[1].reason,
        "no CAA records at api.example.com., example.com., com.: any CA may issue"
    );
    // The resolutions are kept for stepping through: the CNAME lookup goes root, com,
    // example.com (account A, a referral) and api.example.com (account B, the answer).
    assert_eq!(made.len(), 2);
    assert_eq!(made[0].lookups.len(), 1);
    assert_eq!(made[1].lookups.len(), 3);
    let zones: Vec<String> = made[0].lookups[0]
        .steps
        .iter()
        .filter(|st| st.depth == 0)
        .map(|st| match &st.action {
            Action::Query { zone, .. } => zone.to_string(),
            Action::Cache { .. } => "cache".into(),
        })
        .collect();
    assert_eq!(zones, [".", "com.", "example.com.", "api.example.com."]);
    let last = made[0].lookups[0]
        .steps
        .iter()
        .rev()
        .find(|st| st.depth == 0)
        .unwrap();
    assert_eq!(
        last.reply().unwrap().zone_id.as_deref(),
        Some(child.as_str())
    );
    // Nothing more happens later.
    assert!(acm_ops::advance(&mut s, 3600).is_empty());
}

#[test]
fn the_record_in_the_parent_zone_is_never_found_and_times_out_after_72_hours() {
    let (mut s, arn) = preset("acm-in-parent");
    let parent = zone_id(&s, "example.com.");
    let made = acm_ops::advance(&mut s, schedule::TIMEOUT - 60);
    let c = cert(&s, &arn);
    assert_eq!(c.status, CertificateStatus::PendingValidation);
    assert_eq!(
        c.next_check,
        Some(T0 + schedule::TIMEOUT),
        "ACM gives up next"
    );
    let record = c.domain_validations[0].record.clone();
    let h = checks(&s, &arn);
    assert_eq!(h.len(), 1, "154 identical checks are one entry");
    assert_eq!(h[0].result, CheckResult::NotFound);
    assert_eq!(h[0].rcode, "NXDOMAIN");
    assert_eq!(h[0].repeated, 153);
    assert_eq!(h[0].until, Some(T0 + 71 * 3600 + 1800));
    assert_eq!(
        h[0].reason,
        format!(
            "ns-140.awsdns-17.com (zone api.example.com.) answered NXDOMAIN: {} does not exist in the zone resolvers reach; a copy of the record is in zone example.com. ({parent}, account 111111111111), below its delegation of api.example.com., where no resolver looks",
            record.name
        )
    );
    // The NXDOMAIN comes from the child zone, reached through the parent's referral.
    assert_eq!(made.len(), 1);
    assert_eq!(made[0].record.repeated, 153);
    let r = &made[0].lookups[0];
    assert_eq!(r.outcome.kind, OutcomeKind::NxDomain);
    let last = r.steps.iter().rev().find(|st| st.depth == 0).unwrap();
    let Action::Query { zone, .. } = &last.action else {
        panic!("a query")
    };
    assert_eq!(zone.to_string(), "api.example.com.");

    acm_ops::advance(&mut s, 60);
    let c = cert(&s, &arn);
    assert_eq!(c.status, CertificateStatus::ValidationTimedOut);
    assert_eq!(c.domain_validations[0].status, DomainStatus::Failed);
    assert_eq!(c.next_check, None);
    assert_eq!(
        statuses(&s, &arn),
        [
            (0, CertificateStatus::PendingValidation),
            (schedule::TIMEOUT, CertificateStatus::ValidationTimedOut)
        ]
    );
    assert_eq!(checks(&s, &arn).len(), 1, "no check at the deadline itself");
}

#[test]
fn checks_follow_the_clock_and_find_a_record_added_later() {
    let (mut s, arn) = preset("acm-in-parent");
    let child = zone_id(&s, "api.example.com.");
    assert_eq!(
        acm_ops::advance(&mut s, 0).len(),
        1,
        "the check at the request"
    );
    assert!(
        acm_ops::advance(&mut s, 299).is_empty(),
        "none due before 5 minutes"
    );
    assert_eq!(acm_ops::advance(&mut s, 1).len(), 1);
    assert_eq!(checks(&s, &arn)[0].repeated, 1, "folded across calls");
    // Two hours in, someone adds the record to account B's zone.
    acm_ops::advance(&mut s, 2 * 3600 - 300);
    assert_eq!(cert(&s, &arn).status, CertificateStatus::PendingValidation);
    let record = cert(&s, &arn).domain_validations[0].record.record_set(60);
    upsert(&mut s, &child, record);
    // The next check is 30 minutes later.
    assert_eq!(cert(&s, &arn).next_check, Some(T0 + 2 * 3600 + 1800));
    let step = acm_ops::step(&mut s, &arn).unwrap();
    assert_eq!(
        s.clock,
        T0 + 2 * 3600 + 1800,
        "step moves the clock to the check"
    );
    assert_eq!(step[0].record.result, CheckResult::Found);
    let c = cert(&s, &arn);
    assert_eq!(c.status, CertificateStatus::Issued);
    assert_eq!(c.issued_at, Some(T0 + 9000));
    let h = checks(&s, &arn);
    assert_eq!(
        h.iter().map(|c| (c.result, c.repeated)).collect::<Vec<_>>(),
        [
            (CheckResult::NotFound, 12 + 2),
            (CheckResult::Found, 0),
            (CheckResult::CaaPermits, 0)
        ]
    );
    assert!(acm_ops::step(&mut s, &arn).unwrap().is_empty());
}

#[test]
fn a_caa_record_at_the_parent_allowing_another_ca_fails_the_request() {
    let (mut s, arn) = preset("acm-caa");
    acm_ops::validate(&mut s, &arn, T0).unwrap();
    let c = cert(&s, &arn);
    assert_eq!(c.status, CertificateStatus::Failed);
    assert_eq!(c.failure_reason, Some(FailureReason::CaaError));
    assert_eq!(c.domain_validations[0].status, DomainStatus::Failed);
    let h = checks(&s, &arn);
    assert_eq!(
        h[0].result,
        CheckResult::Found,
        "validation itself succeeded"
    );
    assert_eq!(h[1].question, "CAA api.example.com., example.com.");
    assert_eq!(h[1].result, CheckResult::CaaForbids);
    assert_eq!(
        h[1].reason,
        "the relevant CAA set is at example.com.: 0 issue \"letsencrypt.org\"; issue lets only letsencrypt.org issue (there is no issuewild, so issue governs wildcard names too); Amazon would need issue \"amazon.com\" (or amazontrust.com, awstrust.com, amazonaws.com)"
    );
    assert_eq!(
        acm::describe_json(c)["Certificate"]["FailureReason"],
        "CAA_ERROR"
    );
    // FAILED is final: fixing CAA does not bring the request back.
    let parent = zone_id(&s, "example.com.");
    upsert(
        &mut s,
        &parent,
        set("example.com", RecordType::CAA, &["0 issue \"amazon.com\""]),
    );
    acm_ops::advance(&mut s, 3600);
    assert_eq!(cert(&s, &arn).status, CertificateStatus::Failed);
}

#[test]
fn names_in_two_delegated_zones_validate_each_through_its_own_delegation() {
    let (mut s, arn) = preset("acm-two-zones");
    let made = acm_ops::validate(&mut s, &arn, T0).unwrap();
    let c = cert(&s, &arn);
    assert_eq!(c.status, CertificateStatus::Issued);
    assert_eq!(
        c.subject_alternative_names,
        ["*.api.example.com", "api.example.com", "shop.example.com"]
    );
    assert!(
        c.domain_validations
            .iter()
            .all(|d| d.status == DomainStatus::Success)
    );
    let h = checks(&s, &arn);
    assert_eq!(
        h.iter()
            .map(|c| (c.domains.join(","), c.result))
            .collect::<Vec<_>>(),
        [
            (
                "*.api.example.com,api.example.com".to_string(),
                CheckResult::Found
            ),
            ("shop.example.com".to_string(), CheckResult::Found),
            ("*.api.example.com".to_string(), CheckResult::CaaPermits),
            ("api.example.com".to_string(), CheckResult::CaaPermits),
            ("shop.example.com".to_string(), CheckResult::CaaPermits),
        ]
    );
    let answered: Vec<String> = made[..2]
        .iter()
        .map(|m| {
            let last = m.lookups[0]
                .steps
                .iter()
                .rev()
                .find(|st| st.depth == 0)
                .unwrap();
            last.reply()
                .unwrap()
                .zone_origin
                .clone()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(answered, ["api.example.com.", "shop.example.com."]);
}

#[test]
fn a_wrong_value_or_a_failing_lookup_keeps_the_certificate_pending() {
    let mut s = presets::build("article").unwrap();
    let child = zone_id(&s, "api.example.com.");
    let arn = acm_ops::request_certificate(&mut s, ACCOUNT_B, "*.api.example.com", &[]).unwrap();
    let record = cert(&s, &arn).domain_validations[0].record.clone();
    upsert(
        &mut s,
        &child,
        set(
            &record.name.to_string(),
            RecordType::CNAME,
            &["_other.acm-validations.aws."],
        ),
    );
    acm_ops::validate(&mut s, &arn, T0).unwrap();
    let h = checks(&s, &arn);
    assert_eq!(h[0].result, CheckResult::WrongValue);
    assert_eq!(
        h[0].reason,
        format!(
            "ns-140.awsdns-17.com (zone api.example.com.) answered {} CNAME _other.acm-validations.aws., but ACM expects {}",
            record.name, record.value
        )
    );
    assert_eq!(cert(&s, &arn).status, CertificateStatus::PendingValidation);

    // ACM accepts the value without its leading underscore.
    let bare = record.value.to_string()[1..].to_string();
    upsert(
        &mut s,
        &child,
        set(&record.name.to_string(), RecordType::CNAME, &[&bare]),
    );
    acm_ops::advance(&mut s, 300);
    assert_eq!(cert(&s, &arn).status, CertificateStatus::Issued);

    // In the wrong-ns preset the child's servers refuse: SERVFAIL, still pending.
    let mut s = presets::build("wrong-ns").unwrap();
    let arn = acm_ops::request_certificate(&mut s, ACCOUNT_B, "*.api.example.com", &[]).unwrap();
    acm_ops::create_records_in_route53(&mut s, &arn).unwrap();
    acm_ops::validate(&mut s, &arn, T0).unwrap();
    let h = checks(&s, &arn);
    assert_eq!(h[0].result, CheckResult::LookupFailed);
    assert_eq!(h[0].rcode, "SERVFAIL");
    assert!(
        h[0].reason.starts_with("the lookup failed (SERVFAIL): "),
        "{}",
        h[0].reason
    );
    assert_eq!(cert(&s, &arn).status, CertificateStatus::PendingValidation);
}

// ---- CAA climbing ----------------------------------------------------------------------

fn caa_world() -> (Scenario, String, String) {
    let (s, _) = preset("acm-issued");
    let parent = zone_id(&s, "example.com.");
    let child = zone_id(&s, "api.example.com.");
    (s, parent, child)
}

#[test]
fn a_deeper_caa_set_overrides_a_higher_one() {
    let (mut s, parent, child) = caa_world();
    upsert(
        &mut s,
        &parent,
        set(
            "example.com",
            RecordType::CAA,
            &["0 issue \"letsencrypt.org\""],
        ),
    );
    upsert(
        &mut s,
        &child,
        set(
            "api.example.com",
            RecordType::CAA,
            &["0 issue \"amazon.com\""],
        ),
    );
    let c = caa::check(&s.world, "new.api.example.com", T0);
    assert!(c.permits);
    assert_eq!(c.relevant_at, Some(n("api.example.com.")));
    assert_eq!(c.lookups[0].outcome.kind, OutcomeKind::NxDomain);
    assert_eq!(
        c.climbed.iter().map(|x| x.to_string()).collect::<Vec<_>>(),
        ["new.api.example.com.", "api.example.com."],
        "the search stops at the first name with CAA"
    );
    assert_eq!(c.relevant, ["0 issue \"amazon.com\""]);
    assert_eq!(
        c.reason,
        "the relevant CAA set is at api.example.com.: 0 issue \"amazon.com\"; issue \"amazon.com\" lets Amazon issue"
    );
    // www.api.example.com is a CNAME to api.example.com: its own lookup finds the set.
    let c = caa::check(&s.world, "www.api.example.com", T0);
    assert_eq!(c.climbed, [n("www.api.example.com.")]);
    assert!(c.reason.starts_with(
        "the relevant CAA set is at www.api.example.com. (through its CNAME, at api.example.com.)"
    ));
    // Without the deeper set, example.com's applies.
    let c = caa::check(&s.world, "shop.example.com", T0);
    assert!(!c.permits);
    assert_eq!(c.relevant_at, Some(n("example.com.")));
}

#[test]
fn issuewild_governs_a_wildcard_when_present() {
    let (mut s, parent, _) = caa_world();
    upsert(
        &mut s,
        &parent,
        set(
            "example.com",
            RecordType::CAA,
            &["0 issue \"amazon.com\"", "0 issuewild \"letsencrypt.org\""],
        ),
    );
    assert!(caa::check(&s.world, "api.example.com", T0).permits);
    let wild = caa::check(&s.world, "*.api.example.com", T0);
    assert!(!wild.permits);
    assert_eq!(
        wild.climbed
            .iter()
            .map(|x| x.to_string())
            .collect::<Vec<_>>(),
        ["api.example.com.", "example.com."],
        "a wildcard is searched from the name under it"
    );

    // The preset's wildcard certificate therefore fails, with its base name alone it issues.
    let arn = s.aws.certificates[0].arn.clone();
    acm_ops::validate(&mut s, &arn, T0).unwrap();
    assert_eq!(cert(&s, &arn).status, CertificateStatus::Failed);
    let mut s2 = caa_world().0;
    upsert(
        &mut s2,
        &parent,
        set(
            "example.com",
            RecordType::CAA,
            &["0 issue \"amazon.com\"", "0 issuewild \"letsencrypt.org\""],
        ),
    );
    let arn = acm_ops::request_certificate(&mut s2, ACCOUNT_B, "api.example.com", &[]).unwrap();
    acm_ops::validate(&mut s2, &arn, T0).unwrap();
    assert_eq!(
        cert(&s2, &arn).status,
        CertificateStatus::Issued,
        "the same record serves"
    );
}

#[test]
fn a_cnamed_name_uses_its_targets_caa_but_climbs_its_own_parents() {
    let (mut s, _, child) = caa_world();
    // A CDN-like domain elsewhere: its apex forbids Amazon, the alias target has no CAA.
    route53::create_account(&mut s.aws, "333333333333", "CDN").unwrap();
    let cdn = route53::create_hosted_zone(
        &mut s.world,
        &mut s.aws,
        "333333333333",
        "cdn-provider.org",
        "cdn",
    )
    .unwrap();
    let ns = s.aws.hosted_zone(&cdn).unwrap().name_servers();
    internet::set_registry_delegation(&mut s.world, &n("cdn-provider.org"), &ns).unwrap();
    upsert(
        &mut s,
        &cdn,
        set(
            "cdn-provider.org",
            RecordType::CAA,
            &["0 issue \"letsencrypt.org\""],
        ),
    );
    upsert(
        &mut s,
        &cdn,
        set("edge.cdn-provider.org", RecordType::A, &["192.0.2.50"]),
    );
    upsert(
        &mut s,
        &child,
        set(
            "app.api.example.com",
            RecordType::CNAME,
            &["edge.cdn-provider.org."],
        ),
    );

    let c = caa::check(&s.world, "app.api.example.com", T0);
    assert!(c.permits, "{}", c.reason);
    assert_eq!(
        c.climbed.iter().map(|x| x.to_string()).collect::<Vec<_>>(),
        [
            "app.api.example.com.",
            "api.example.com.",
            "example.com.",
            "com."
        ],
        "RFC 8659: the climb goes on from the alias's parent, never the target's"
    );
    assert_eq!(
        c.lookups[0].outcome.answer[0].record_type(),
        RecordType::CNAME
    );

    upsert(
        &mut s,
        &cdn,
        set("edge.cdn-provider.org", RecordType::CAA, &["0 issue \";\""]),
    );
    let c = caa::check(&s.world, "app.api.example.com", T0);
    assert!(!c.permits);
    assert_eq!(c.relevant_at, Some(n("app.api.example.com.")));
    assert_eq!(
        c.reason,
        "the relevant CAA set is at app.api.example.com. (through its CNAME, at edge.cdn-provider.org.): 0 issue \";\"; issue \";\" lets no CA issue; Amazon would need issue \"amazon.com\" (or amazontrust.com, awstrust.com, amazonaws.com)"
    );
}

// ---- Terraform ---------------------------------------------------------------------------

#[test]
fn the_terraform_view_names_the_fqdns_and_the_zone_and_ends_as_terraform_would() {
    let (mut s, arn) = preset("acm-in-parent");
    let child = zone_id(&s, "api.example.com.");
    let c = cert(&s, &arn).clone();
    let fqdn = c.domain_validations[0].record.fqdn();
    assert!(!fqdn.ends_with('.'));
    let view = acm_ops::terraform_view(&s, &arn).unwrap();
    assert_eq!(view.validation_record_fqdns, [fqdn.as_str()]);
    assert_eq!(view.waits_for, CertificateStatus::Issued);
    assert_eq!(view.timeout_seconds, 75 * 60);
    assert_eq!(
        view.records[0].authoritative_zone,
        Some((child.clone(), n("api.example.com."), ACCOUNT_B.to_string())),
        "the zone that answers for the name, not the one the record was put in"
    );
    assert!(view.text().contains(&format!("  zone_id = \"{child}\" # api.example.com. in account 222222222222: the zone that answers for this name")));
    assert_eq!(
        terraform::missing_fqdns(&c, &[]),
        [format!(
            "missing *.api.example.com DNS validation record: {fqdn}"
        )]
    );
    assert!(terraform::missing_fqdns(&c, &[&format!("{fqdn}.")]).is_empty());

    acm_ops::advance(&mut s, 2 * 3600);
    assert_eq!(
        acm_ops::terraform_view(&s, &arn).unwrap().outcome,
        format!(
            "Error: waiting for ACM Certificate ({arn}) to be issued: timeout while waiting for state to become 'ISSUED' (last state: 'PENDING_VALIDATION', timeout: 1h15m0s)"
        )
    );

    let (mut s, arn) = preset("acm-caa");
    acm_ops::advance(&mut s, 0);
    assert_eq!(
        acm_ops::terraform_view(&s, &arn).unwrap().outcome,
        format!(
            "Error: waiting for ACM Certificate ({arn}) to be issued: unexpected state 'FAILED', wanted target 'ISSUED'. last error: CAA_ERROR"
        )
    );
    let (mut s, arn) = preset("acm-issued");
    assert_eq!(
        acm_ops::terraform_view(&s, &arn).unwrap().outcome,
        "aws_acm_certificate_validation.cert: Still creating... [0s elapsed]"
    );
    acm_ops::advance(&mut s, 0);
    assert_eq!(
        acm_ops::terraform_view(&s, &arn).unwrap().outcome,
        "aws_acm_certificate_validation.cert: Creation complete after 0s"
    );
}

// ---- documents ---------------------------------------------------------------------------

#[test]
fn certificates_round_trip_and_older_documents_still_load() {
    let (mut s, _) = preset("acm-in-parent");
    acm_ops::advance(&mut s, schedule::TIMEOUT);
    let back = Scenario::from_json(&s.to_json()).unwrap();
    assert_eq!(back, s);
    let plain = presets::build("article").unwrap().to_json();
    assert!(
        !plain.contains("certificates"),
        "no field when there are none"
    );
    assert!(
        Scenario::from_json(&plain)
            .unwrap()
            .aws
            .certificates
            .is_empty()
    );
}
