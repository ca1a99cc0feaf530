//! Helpers shared by the diagnosis tests: presets, edits through Route 53 (or around it, as
//! an imported zone file would be), and reading findings.
#![allow(dead_code)]

use delegation_lab::aws::route53::{self, Change, ChangeAction};
use delegation_lab::diagnose::{self, Code, Finding, Severity, Symptom};
use delegation_lab::dns::rrset::{RecordSet, parse_values};
use delegation_lab::dns::{Question, n, resolve};
use delegation_lab::scenario::{Scenario, presets};
use hickory_proto::rr::{Name, RecordType};

pub fn preset(id: &str) -> Scenario {
    presets::build(id).unwrap()
}

/// The id of the hosted zone named `name` (the first one).
pub fn zone_id(s: &Scenario, name: &str) -> String {
    s.aws
        .hosted_zones
        .iter()
        .find(|z| z.name == n(name))
        .unwrap_or_else(|| panic!("no hosted zone {name}"))
        .id
        .clone()
}

pub fn set(name: &str, rtype: RecordType, ttl: u32, values: &[&str]) -> RecordSet {
    RecordSet::new(n(name), rtype, ttl, parse_values(rtype, values).unwrap())
}

/// UPSERT through Route 53 into the hosted zone named `zone`.
pub fn upsert(s: &mut Scenario, zone: &str, rs: RecordSet) {
    let id = zone_id(s, zone);
    route53::change_record_sets(
        &mut s.world,
        &s.aws,
        &id,
        &[Change {
            action: ChangeAction::Upsert,
            set: rs,
        }],
    )
    .unwrap();
}

/// Puts a set into a zone without Route 53's rules, as an imported zone file may.
pub fn raw_upsert(s: &mut Scenario, zone_id: &str, rs: RecordSet) {
    s.world.zone_mut(zone_id).unwrap().upsert(rs);
}

/// The name servers Route 53 gave the hosted zone named `zone`.
pub fn servers(s: &Scenario, zone: &str) -> Vec<Name> {
    let id = zone_id(s, zone);
    s.aws.hosted_zone(&id).unwrap().name_servers()
}

pub fn texts(names: &[Name]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

/// Every finding; each explanation is two to four sentences.
pub fn findings(s: &Scenario) -> Vec<Finding> {
    let all = diagnose::diagnose(s);
    for f in &all {
        let n = sentences(&f.explanation);
        assert!(
            (2..=4).contains(&n),
            "{}: {n} sentences: {}",
            f.code,
            f.explanation
        );
    }
    all
}

/// Sentences: ends (`.`, `!`, `?`, maybe after a quote or bracket) followed by a space and a
/// capital letter, plus the last one.
pub fn sentences(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut count = 1;
    for i in 0..chars.len() {
        if matches!(chars[i], '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j], '"' | ')' | '\'') {
                j += 1;
            }
            if j + 1 < chars.len() && chars[j] == ' ' && chars[j + 1].is_uppercase() {
                count += 1;
            }
        }
    }
    count
}

/// Every finding as (code, severity, title).
pub fn summary(s: &Scenario) -> Vec<(Code, Severity, String)> {
    findings(s)
        .into_iter()
        .map(|f| (f.code, f.severity, f.title))
        .collect()
}

/// Every finding's code and severity, notes included.
pub fn codes(s: &Scenario) -> Vec<(Code, Severity)> {
    findings(s)
        .into_iter()
        .map(|f| (f.code, f.severity))
        .collect()
}

/// The one finding with this code.
pub fn the(s: &Scenario, code: Code) -> Finding {
    let all: Vec<Finding> = findings(s).into_iter().filter(|f| f.code == code).collect();
    assert_eq!(all.len(), 1, "exactly one {code}: {all:#?}");
    all.into_iter().next().unwrap()
}

/// The scenario after applying fix `i` of the finding.
pub fn fixed(s: &Scenario, f: &Finding, i: usize) -> Scenario {
    let mut out = s.clone();
    f.fixes[i].apply(&mut out).unwrap();
    out
}

/// Whether `name` `rtype` resolves to records (from the root, empty cache).
pub fn resolves(s: &Scenario, name: &str, rtype: RecordType) -> bool {
    Symptom::answer(n(name), rtype).holds(&s.world, s.clock)
}

/// The outcome label of a resolution from the root.
pub fn outcome(s: &Scenario, name: &str, rtype: RecordType) -> &'static str {
    resolve::trace(&s.world, &Question::new(n(name), rtype), s.clock)
        .outcome
        .kind
        .label()
}

/// Applies the finding's symptom check: fails now, holds after fix `i`.
pub fn fix_cures_symptom(s: &Scenario, f: &Finding, i: usize) -> Scenario {
    let symptom = f.symptom.clone().expect("the finding has a symptom");
    assert!(
        !symptom.holds(&s.world, s.clock),
        "{}: the symptom fails before the fix",
        f.code
    );
    let after = fixed(s, f, i);
    assert!(
        symptom.holds(&after.world, after.clock),
        "{}: the symptom holds after fix {i} ({})",
        f.code,
        f.fixes[i].title
    );
    after
}

/// No error or warning left.
pub fn no_errors_or_warnings(s: &Scenario) -> bool {
    findings(s).iter().all(|f| f.severity == Severity::Note)
}
