//! ACM's CAA check of one certificate name, replayed to step through (pure, free of the
//! web): the names ACM climbed in order, what each lookup found, which name held the
//! relevant set (or that none did, up to the top-level domain), that set as dig prints it,
//! and the decision with its reason. Like the validation lookup, the document keeps what the
//! check found, not the resolutions behind it: the search is made again at the time of the
//! recorded check against the zones as they are now, and says when it no longer matches.

use hickory_proto::rr::{Name, RData, RecordType};

use crate::aws::acm::Certificate;
use crate::aws::acm::caa::{self, CaaCheck};
use crate::aws::acm::history::{CheckRecord, CheckResult, Event};
use crate::dns::dig::record_line;
use crate::dns::resolve::{OutcomeKind, Resolution};
use crate::scenario::Scenario;

/// ACM's latest CAA check of one certificate name, replayed.
#[derive(Debug, Clone, PartialEq)]
pub struct CaaSearch {
    /// The certificate name, `*.api.example.com`.
    pub domain: String,
    /// The check as the certificate's history records it.
    pub check: CheckRecord,
    /// The time the search is replayed at (the last check of the entry).
    pub at: u64,
    /// The search made again: its names, lookups, relevant set and decision.
    pub replay: CaaCheck,
    /// Whether the replay finds what the check recorded (false once the zones have changed).
    pub same_as_recorded: bool,
}

/// One name of the climb, for the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaaStop {
    pub name: Name,
    /// NOERROR, NODATA, NXDOMAIN or SERVFAIL.
    pub rcode: String,
    /// What the lookup found and what ACM does next, in a few words.
    pub finding: String,
    /// Whether this name holds the relevant set.
    pub relevant: bool,
}

/// The certificate names with a CAA check in the history, in the certificate's order.
pub fn caa_domains(cert: &Certificate) -> Vec<String> {
    cert.domain_validations
        .iter()
        .map(|d| d.domain_name.clone())
        .filter(|d| latest_caa_check(cert, d).is_some())
        .collect()
}

/// The latest CAA check of certificate name `domain`, if ACM has made one.
pub fn latest_caa_check<'a>(cert: &'a Certificate, domain: &str) -> Option<&'a CheckRecord> {
    cert.history.iter().rev().find_map(|e| match e {
        Event::Check(c) if c.result.is_caa() && c.domains.iter().any(|d| d == domain) => Some(c),
        _ => None,
    })
}

/// ACM's latest CAA check of `domain`, replayed at its time against the zones as they are
/// now, or `None` before ACM has checked CAA for it.
pub fn caa_search(s: &Scenario, cert: &Certificate, domain: &str) -> Option<CaaSearch> {
    let check = latest_caa_check(cert, domain)?.clone();
    let at = check.last_at();
    let replay = caa::check(&s.world, domain, at);
    let asked: Vec<String> = replay.climbed.iter().map(|n| n.to_string()).collect();
    let result = if replay.permits {
        CheckResult::CaaPermits
    } else {
        CheckResult::CaaForbids
    };
    Some(CaaSearch {
        same_as_recorded: result == check.result
            && replay.reason == check.reason
            && replay.rcode == check.rcode
            && format!("CAA {}", asked.join(", ")) == check.question,
        domain: domain.to_string(),
        check,
        at,
        replay,
    })
}

impl CaaSearch {
    /// The name the search starts at: the certificate name, or the name under its wildcard.
    pub fn start(&self) -> Option<&Name> {
        self.replay.climbed.first()
    }

    /// One line per name climbed, in order.
    pub fn stops(&self) -> Vec<CaaStop> {
        let last = self.replay.climbed.len().saturating_sub(1);
        self.replay
            .climbed
            .iter()
            .zip(&self.replay.lookups)
            .enumerate()
            .map(|(i, (name, r))| {
                let relevant = self.replay.relevant_at.as_ref() == Some(name);
                CaaStop {
                    name: name.clone(),
                    rcode: r.outcome.kind.label().to_string(),
                    finding: finding(name, r, relevant, i == last),
                    relevant,
                }
            })
            .collect()
    }

    /// Which set is the relevant one, and why that one (RFC 8659 §3).
    pub fn relevant_text(&self) -> String {
        let start = self.start().map(Name::to_string).unwrap_or_default();
        let from = if self.domain.starts_with("*.") {
            format!("{start} (the name under the * of {})", self.domain)
        } else {
            start.clone()
        };
        match (&self.replay.relevant_at, self.replay.climbed.last()) {
            (Some(at), _) if at.to_string() == start => format!(
                "The relevant CAA set is at {at}: the search starts at {from}, which has CAA records, so ACM looks no further."
            ),
            (Some(at), _) => format!(
                "The relevant CAA set is at {at}: the first name with CAA records climbing from {from} to its parents (RFC 8659 §3)."
            ),
            (None, Some(last)) if self.replay.permits => format!(
                "No relevant CAA set: no name from {from} up to the top-level domain {last} has CAA records, and the root is never asked."
            ),
            (None, Some(last)) => format!(
                "No relevant CAA set could be read: the lookup for {last} failed, so the search stopped there."
            ),
            (None, None) => String::new(),
        }
    }

    /// The relevant set's records as dig prints them in an answer section (a CNAME the
    /// resolver followed to reach them comes first).
    pub fn relevant_lines(&self) -> Vec<String> {
        let Some(at) = &self.replay.relevant_at else {
            return Vec::new();
        };
        self.replay
            .climbed
            .iter()
            .position(|n| n == at)
            .and_then(|i| self.replay.lookups.get(i))
            .map(|r| r.outcome.answer.iter().map(record_line).collect())
            .unwrap_or_default()
    }

    /// The decision in a few words: `Amazon may issue` or `Amazon may not issue (CAA_ERROR)`.
    pub fn decision(&self) -> &'static str {
        if self.replay.permits {
            "Amazon may issue"
        } else {
            "Amazon may not issue (CAA_ERROR)"
        }
    }

    /// The lookup ACM made for the `i`th name climbed.
    pub fn lookup(&self, i: usize) -> Option<&Resolution> {
        self.replay.lookups.get(i)
    }
}

/// What one lookup of the climb found, and what ACM does next.
fn finding(name: &Name, r: &Resolution, relevant: bool, last: bool) -> String {
    let caa = r
        .outcome
        .answer
        .iter()
        .filter(|rec| rec.record_type() == RecordType::CAA)
        .count();
    let via = r.outcome.answer.iter().find_map(|rec| match &rec.data {
        RData::CNAME(c) if &rec.name == name => Some(c.0.to_string()),
        _ => None,
    });
    let records = |n: usize| match n {
        1 => "1 CAA record".to_string(),
        n => format!("{n} CAA records"),
    };
    let next = if last {
        "it is the top-level domain, so the search ends here"
    } else {
        "ACM asks the parent next"
    };
    match r.outcome.kind {
        OutcomeKind::Answer if relevant => match via {
            Some(target) => format!(
                "a CNAME to {target}, which has {}: the relevant set",
                records(caa)
            ),
            None => format!("{}: the relevant set", records(caa)),
        },
        OutcomeKind::Answer | OutcomeKind::NoData => match via {
            Some(target) => format!("a CNAME to {target}, with no CAA records; {next}"),
            None => format!("the name exists but has no CAA records; {next}"),
        },
        OutcomeKind::NxDomain => format!("the name does not exist; {next}"),
        _ => "the lookup failed: ACM may not issue unless it can check CAA".to_string(),
    }
}

/// The dig command that drives the resolve panel through the CAA lookup of `name`.
pub fn caa_query(name: &Name) -> String {
    format!("dig +trace {} CAA", crate::ui::resolve::plain(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::name::n;
    use crate::dns::rrset::{RecordSet, parse_values};
    use crate::scenario::edit::Edit;
    use crate::scenario::presets;

    /// The id of the hosted zone named `name`.
    fn zone_id(s: &Scenario, name: &str) -> String {
        crate::scenario::interop::find_hosted_zone(s, name)
            .unwrap()
            .id
            .clone()
    }

    fn checked(preset: &str) -> Scenario {
        let mut s = presets::build(preset).unwrap();
        let arn = s.aws.certificates.last().unwrap().arn.clone();
        Edit::ValidateCertificate { arn }.apply(&mut s).unwrap();
        s
    }

    #[test]
    fn caa_at_the_parent_forbids_amazon() {
        let s = checked("acm-caa");
        let cert = s.aws.certificates.last().unwrap();
        assert_eq!(caa_domains(cert), ["*.api.example.com"]);
        let search = caa_search(&s, cert, "*.api.example.com").unwrap();
        assert!(search.same_as_recorded);
        assert_eq!(search.at, cert.requested_at);
        assert_eq!(search.check.result, CheckResult::CaaForbids);
        assert_eq!(search.check.question, "CAA api.example.com., example.com.");
        assert_eq!(
            search.stops(),
            [
                CaaStop {
                    name: n("api.example.com"),
                    rcode: "NODATA".into(),
                    finding: "the name exists but has no CAA records; ACM asks the parent next"
                        .into(),
                    relevant: false,
                },
                CaaStop {
                    name: n("example.com"),
                    rcode: "NOERROR".into(),
                    finding: "1 CAA record: the relevant set".into(),
                    relevant: true,
                },
            ]
        );
        assert_eq!(
            search.relevant_text(),
            "The relevant CAA set is at example.com.: the first name with CAA records climbing from api.example.com. (the name under the * of *.api.example.com) to its parents (RFC 8659 §3)."
        );
        assert_eq!(
            search.relevant_lines(),
            ["example.com.\t\t300\tIN\tCAA\t0 issue \"letsencrypt.org\""]
        );
        assert_eq!(search.decision(), "Amazon may not issue (CAA_ERROR)");
        assert_eq!(
            search.replay.reason,
            "the relevant CAA set is at example.com.: 0 issue \"letsencrypt.org\"; issue lets only letsencrypt.org issue (there is no issuewild, so issue governs wildcard names too); Amazon would need issue \"amazon.com\" (or amazontrust.com, awstrust.com, amazonaws.com)"
        );
        assert_eq!(caa_query(&n("example.com")), "dig +trace example.com CAA");
        let last = search.lookup(1).unwrap().steps.last().unwrap();
        let zone = last.reply().unwrap().zone_origin.as_ref().unwrap();
        assert_eq!(zone.to_string(), "example.com.");
        assert_eq!(search.lookup(2), None);
    }

    #[test]
    fn without_caa_the_search_climbs_to_the_tld() {
        let s = checked("acm-issued");
        let cert = s.aws.certificates.last().unwrap();
        assert_eq!(caa_search(&s, cert, "api.example.com"), None);
        let search = caa_search(&s, cert, "*.api.example.com").unwrap();
        assert!(search.same_as_recorded);
        assert_eq!(search.check.result, CheckResult::CaaPermits);
        let names: Vec<(String, String)> = search
            .stops()
            .iter()
            .map(|s| (s.name.to_string(), s.rcode.clone()))
            .collect();
        assert_eq!(
            names,
            [
                ("api.example.com.".to_string(), "NODATA".to_string()),
                ("example.com.".into(), "NODATA".into()),
                ("com.".into(), "NODATA".into()),
            ]
        );
        assert_eq!(
            search.stops()[2].finding,
            "the name exists but has no CAA records; it is the top-level domain, so the search ends here"
        );
        assert_eq!(
            search.relevant_text(),
            "No relevant CAA set: no name from api.example.com. (the name under the * of *.api.example.com) up to the top-level domain com. has CAA records, and the root is never asked."
        );
        assert!(search.relevant_lines().is_empty());
        assert_eq!(search.decision(), "Amazon may issue");
        assert_eq!(
            search.replay.reason,
            "no CAA records at api.example.com., example.com., com.: any CA may issue"
        );
    }

    #[test]
    fn the_replay_says_when_the_zones_changed() {
        let mut s = checked("acm-caa");
        let parent = zone_id(&s, "example.com");
        Edit::DeleteRecordSet {
            zone_id: parent,
            name: n("example.com"),
            rtype: RecordType::CAA,
        }
        .apply(&mut s)
        .unwrap();
        let cert = s.aws.certificates.last().unwrap();
        let search = caa_search(&s, cert, "*.api.example.com").unwrap();
        assert!(!search.same_as_recorded);
        assert_eq!(search.check.result, CheckResult::CaaForbids);
        assert!(search.replay.permits);
        assert_eq!(search.replay.climbed.len(), 3);
    }

    #[test]
    fn a_name_that_is_a_cname_is_followed_then_the_climb_goes_on_from_its_own_parent() {
        let mut s = presets::build("acm-caa").unwrap();
        Edit::RequestCertificate {
            account: presets::ACCOUNT_B.into(),
            domain: "www.api.example.com".into(),
            sans: vec![],
        }
        .apply(&mut s)
        .unwrap();
        let arn = s.aws.certificates.last().unwrap().arn.clone();
        Edit::CreateValidationRecords { arn: arn.clone() }
            .apply(&mut s)
            .unwrap();
        Edit::ValidateCertificate { arn }.apply(&mut s).unwrap();
        let cert = s.aws.certificates.last().unwrap();
        let search = caa_search(&s, cert, "www.api.example.com").unwrap();
        assert!(search.same_as_recorded);
        let stops: Vec<(String, String, String)> = search
            .stops()
            .into_iter()
            .map(|s| (s.name.to_string(), s.rcode, s.finding))
            .collect();
        assert_eq!(
            stops,
            [
                (
                    "www.api.example.com.".to_string(),
                    "NODATA".to_string(),
                    "a CNAME to api.example.com., with no CAA records; ACM asks the parent next"
                        .to_string()
                ),
                (
                    "api.example.com.".into(),
                    "NODATA".into(),
                    "the name exists but has no CAA records; ACM asks the parent next".into()
                ),
                (
                    "example.com.".into(),
                    "NOERROR".into(),
                    "1 CAA record: the relevant set".into()
                ),
            ]
        );
        assert_eq!(
            search.relevant_text(),
            "The relevant CAA set is at example.com.: the first name with CAA records climbing from www.api.example.com. to its parents (RFC 8659 §3)."
        );
        assert_eq!(
            search.replay.reason,
            "the relevant CAA set is at example.com.: 0 issue \"letsencrypt.org\"; issue lets only letsencrypt.org issue; Amazon would need issue \"amazon.com\" (or amazontrust.com, awstrust.com, amazonaws.com)"
        );
    }

    #[test]
    fn each_name_of_a_certificate_has_its_own_search() {
        let s = checked("acm-two-zones");
        let cert = s.aws.certificates.last().unwrap();
        assert_eq!(
            caa_domains(cert),
            ["*.api.example.com", "api.example.com", "shop.example.com"]
        );
        let shop = caa_search(&s, cert, "shop.example.com").unwrap();
        assert_eq!(
            shop.check.question,
            "CAA shop.example.com., example.com., com."
        );
        assert_eq!(
            caa_search(&s, cert, "api.example.com")
                .unwrap()
                .relevant_text(),
            "No relevant CAA set: no name from api.example.com. up to the top-level domain com. has CAA records, and the root is never asked."
        );
    }

    #[test]
    fn a_set_at_the_name_itself_ends_the_search_there() {
        let mut s = presets::build("acm-issued").unwrap();
        let child = zone_id(&s, "api.example.com");
        let values = parse_values(RecordType::CAA, &["0 issue \"amazon.com\""]).unwrap();
        Edit::PutRecordSet {
            zone_id: child,
            replacing: None,
            set: RecordSet::new(n("api.example.com"), RecordType::CAA, 3600, values),
        }
        .apply(&mut s)
        .unwrap();
        let arn = s.aws.certificates.last().unwrap().arn.clone();
        Edit::ValidateCertificate { arn }.apply(&mut s).unwrap();
        let cert = s.aws.certificates.last().unwrap();
        let search = caa_search(&s, cert, "*.api.example.com").unwrap();
        assert_eq!(search.check.result, CheckResult::CaaPermits);
        assert_eq!(search.replay.climbed, [n("api.example.com")]);
        assert_eq!(
            search.relevant_text(),
            "The relevant CAA set is at api.example.com.: the search starts at api.example.com. (the name under the * of *.api.example.com), which has CAA records, so ACM looks no further."
        );
        assert_eq!(
            search.relevant_lines(),
            ["api.example.com.\t3600\tIN\tCAA\t0 issue \"amazon.com\""]
        );
        assert_eq!(search.decision(), "Amazon may issue");
        assert_eq!(
            search.replay.reason,
            "the relevant CAA set is at api.example.com.: 0 issue \"amazon.com\"; issue \"amazon.com\" lets Amazon issue"
        );
    }

    #[test]
    fn no_search_before_the_caa_check() {
        let s = presets::build("acm-caa").unwrap();
        let cert = s.aws.certificates.last().unwrap();
        assert!(caa_domains(cert).is_empty());
        assert_eq!(caa_search(&s, cert, "*.api.example.com"), None);
    }
}
