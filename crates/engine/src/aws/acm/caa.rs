//! CAA as ACM checks it once a name is validated (RFC 8659): find the relevant CAA set by
//! asking for CAA at the name, then at each parent up to its top-level domain (never the
//! root), stopping at the first name that has one; the resolver follows a CNAME at a name
//! as any lookup does, but the climb goes on from the name's own parent (RFC 8659 §3).
//! A wildcard (`*.api.example.com`) is searched from the name under it.
//!
//! The decision (RFC 8659 §4 and the ACM User Guide, "(Optional) Configure a CAA record"):
//! no relevant set, or one without issue/issuewild properties, lets any CA issue; otherwise
//! Amazon may issue only when an `issue` value names amazon.com, amazontrust.com,
//! awstrust.com or amazonaws.com. For a wildcard, `issuewild` properties, when the set has
//! any, replace the `issue` ones. A property with the critical flag whose tag ACM does not
//! know forbids issuance. A lookup that fails (SERVFAIL) forbids it too: a CA may not issue
//! unless it could check (RFC 8659 §3), and ACM reports it as CAA_ERROR.

use hickory_proto::rr::rdata::CAA;
use hickory_proto::rr::{Name, RData, RecordType};

use crate::dns::answer::Question;
use crate::dns::dig::rdata_text;
use crate::dns::name::parse_absolute;
use crate::dns::resolve::{self, OutcomeKind, Resolution};
use crate::dns::world::World;

/// The issuer domain names that let Amazon's CA (and so ACM) issue.
pub const AMAZON_ISSUERS: [&str; 4] = [
    "amazon.com",
    "amazontrust.com",
    "awstrust.com",
    "amazonaws.com",
];

/// The CAA check of one certificate name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaaCheck {
    /// The certificate name, `*.api.example.com` or `api.example.com`.
    pub domain: String,
    /// The names asked, in order, as far as the search went.
    pub climbed: Vec<Name>,
    /// The name whose CAA set is the relevant one (none when no name up to the top-level
    /// domain has CAA records).
    pub relevant_at: Option<Name>,
    /// The relevant set's records, as dig prints their data: `0 issue "letsencrypt.org"`.
    pub relevant: Vec<String>,
    pub permits: bool,
    /// The status of the last lookup (NOERROR, NODATA, NXDOMAIN, SERVFAIL).
    pub rcode: String,
    pub reason: String,
    /// One resolution per name asked, from the root each time.
    pub lookups: Vec<Resolution>,
}

/// Runs the CAA check of `domain` (lower case, no final dot, maybe `*.`-prefixed).
pub fn check(world: &World, domain: &str, now: u64) -> CaaCheck {
    let wildcard = domain.starts_with("*.");
    let base = domain.strip_prefix("*.").unwrap_or(domain);
    let mut name = parse_absolute(base).expect("certificate names are checked on request");
    let mut out = CaaCheck {
        domain: domain.to_string(),
        climbed: Vec::new(),
        relevant_at: None,
        relevant: Vec::new(),
        permits: true,
        rcode: String::new(),
        reason: String::new(),
        lookups: Vec::new(),
    };
    loop {
        let r = resolve::trace(world, &Question::new(name.clone(), RecordType::CAA), now);
        out.climbed.push(name.clone());
        out.rcode = r.outcome.kind.label().to_string();
        let kind = r.outcome.kind;
        let caa = caa_answered(&r);
        let alias = r
            .outcome
            .answer
            .iter()
            .rev()
            .find(|rec| rec.record_type() == RecordType::CAA)
            .map(|rec| rec.name.clone())
            .filter(|owner| *owner != name);
        let failure = r.outcome.reason.clone();
        out.lookups.push(r);
        match kind {
            OutcomeKind::Answer if !caa.is_empty() => {
                out.relevant = caa
                    .iter()
                    .map(|c| rdata_text(&RData::CAA(c.clone())))
                    .collect();
                let (permits, why) = decide(&caa, wildcard);
                let via = alias
                    .map(|target| format!(" (through its CNAME, at {target})"))
                    .unwrap_or_default();
                out.permits = permits;
                out.reason = format!(
                    "the relevant CAA set is at {name}{via}: {}; {why}",
                    out.relevant.join(", ")
                );
                out.relevant_at = Some(name);
                return out;
            }
            OutcomeKind::Answer | OutcomeKind::NoData | OutcomeKind::NxDomain => {}
            _ => {
                out.permits = false;
                out.reason = format!(
                    "the CAA lookup for {name} failed ({}: {failure}); a CA may not issue unless it can check CAA (RFC 8659 §3)",
                    out.rcode
                );
                return out;
            }
        }
        if name.num_labels() <= 1 {
            let asked: Vec<String> = out.climbed.iter().map(|n| n.to_string()).collect();
            out.reason = format!("no CAA records at {}: any CA may issue", asked.join(", "));
            return out;
        }
        name = name.base_name();
    }
}

/// The CAA decision of many names in one world, each lookup made once: the names of a
/// zone share their parents' lookups (`example.com`, `com`), which [`check`] would repeat
/// for every name. Same decision and relevant name as [`check`] gives.
/// Use one climber for one world at one time only.
#[derive(Default)]
pub struct Climber {
    /// Each name asked: the outcome of its lookup, the CAA records answered and what the
    /// lookup read of the world (replayed when reused: see [`crate::dns::reads`]).
    asked: rustc_hash::FxHashMap<Name, (OutcomeKind, Vec<CAA>, crate::dns::reads::Reads)>,
}

impl Climber {
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether Amazon may issue for `domain` (as [`check`] takes it) and the name whose CAA
    /// set is the relevant one (none when there is none, or when a lookup failed).
    pub fn decide(&mut self, world: &World, now: u64, domain: &str) -> (bool, Option<Name>) {
        let wildcard = domain.starts_with("*.");
        let base = domain.strip_prefix("*.").unwrap_or(domain);
        let Ok(mut name) = parse_absolute(base) else {
            return (false, None);
        };
        loop {
            match self.asked.get(&name) {
                // Reused: what its lookup read counts for the recording running.
                Some((_, _, read)) => crate::dns::reads::replay(read),
                None => {
                    let (r, read) = crate::dns::reads::record(|| {
                        resolve::trace(world, &Question::new(name.clone(), RecordType::CAA), now)
                    });
                    let caa = caa_answered(&r);
                    self.asked.insert(name.clone(), (r.outcome.kind, caa, read));
                }
            }
            let (kind, caa, _) = &self.asked[&name];
            match kind {
                OutcomeKind::Answer if !caa.is_empty() => {
                    return (decide(caa, wildcard).0, Some(name));
                }
                OutcomeKind::Answer | OutcomeKind::NoData | OutcomeKind::NxDomain => {}
                _ => return (false, None),
            }
            if name.num_labels() <= 1 {
                return (true, None);
            }
            name = name.base_name();
        }
    }
}

/// RFC 8659 §4 on one relevant set: whether Amazon may issue, and why in words.
pub fn decide(set: &[CAA], wildcard: bool) -> (bool, String) {
    if let Some(c) = set.iter().find(|c| c.issuer_critical && !known_tag(&c.tag)) {
        return (
            false,
            format!(
                "the property \"{}\" is marked critical (flag 128) and ACM does not know it, so it must not issue",
                c.tag
            ),
        );
    }
    let tagged = |tag: &str| -> Vec<&CAA> {
        set.iter()
            .filter(|c| c.tag.eq_ignore_ascii_case(tag))
            .collect()
    };
    let wild = tagged("issuewild");
    let (used, tag) = if wildcard && !wild.is_empty() {
        (wild, "issuewild")
    } else {
        (tagged("issue"), "issue")
    };
    if used.is_empty() {
        return (
            true,
            if wildcard {
                "it has no issue or issuewild property, so it does not restrict issuance".into()
            } else {
                "it has no issue property, so it does not restrict issuance".into()
            },
        );
    }
    let issuers: Vec<Option<String>> = used.iter().map(|c| issuer(&c.value)).collect();
    if let Some(amazon) = issuers
        .iter()
        .flatten()
        .find(|i| AMAZON_ISSUERS.contains(&i.as_str()))
    {
        return (true, format!("{tag} \"{amazon}\" lets Amazon issue"));
    }
    let named: Vec<String> = issuers.into_iter().flatten().collect();
    let scope = if tag == "issuewild" {
        " (issuewild governs wildcard names and replaces issue for them)"
    } else if wildcard {
        " (there is no issuewild, so issue governs wildcard names too)"
    } else {
        ""
    };
    let who = if named.is_empty() {
        format!("{tag} \";\" lets no CA issue")
    } else {
        format!("{tag} lets only {} issue", named.join(", "))
    };
    (
        false,
        format!(
            "{who}{scope}; Amazon would need {tag} \"amazon.com\" (or amazontrust.com, awstrust.com, amazonaws.com)"
        ),
    )
}

fn known_tag(tag: &str) -> bool {
    ["issue", "issuewild", "iodef"]
        .iter()
        .any(|t| tag.eq_ignore_ascii_case(t))
}

/// The issuer domain name of an issue/issuewild value (the text before any `;`), lower
/// case without a final dot; `None` for an empty one (`";"`: no CA may issue).
fn issuer(value: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(value);
    let domain = text.split(';').next().unwrap_or("").trim();
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    (!domain.is_empty()).then_some(domain)
}

/// The CAA records a resolution's answer holds (after any CNAME it followed).
fn caa_answered(r: &Resolution) -> Vec<CAA> {
    r.outcome
        .answer
        .iter()
        .filter_map(|rec| match &rec.data {
            RData::CAA(c) => Some(c.clone()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::rrset::parse_value;

    fn caa(text: &str) -> CAA {
        match parse_value(RecordType::CAA, text).unwrap() {
            RData::CAA(c) => c,
            _ => unreachable!(),
        }
    }

    fn d(set: &[&str], wildcard: bool) -> (bool, String) {
        let set: Vec<CAA> = set.iter().map(|t| caa(t)).collect();
        decide(&set, wildcard)
    }

    #[test]
    fn the_climber_decides_as_the_check_does() {
        use crate::scenario::presets;
        let domains = [
            "api.example.com",
            "*.api.example.com",
            "www.api.example.com",
            "example.com",
            "nothing.here.example.com",
            "shop.example.com",
            "acm-validations.aws",
        ];
        for id in [
            "acm-caa",
            "article",
            "wrong-ns",
            "acm-two-zones",
            "not-delegated",
        ] {
            let s = presets::build(id).unwrap();
            let mut climber = Climber::new();
            // Twice over, so the second climb of each name reads what the first asked.
            for domain in domains.iter().chain(domains.iter()) {
                let c = check(&s.world, domain, s.clock);
                assert_eq!(
                    climber.decide(&s.world, s.clock, domain),
                    (c.permits, c.relevant_at),
                    "{id}: {domain}"
                );
            }
        }
    }

    #[test]
    fn issue_names_the_cas_that_may_issue() {
        assert_eq!(
            d(&["0 issue \"amazon.com\""], false),
            (true, "issue \"amazon.com\" lets Amazon issue".into())
        );
        assert_eq!(
            d(
                &[
                    "0 issue \"letsencrypt.org\"",
                    "0 issue \"AmazonTrust.com; cansignhttpexchanges=yes\""
                ],
                false
            ),
            (true, "issue \"amazontrust.com\" lets Amazon issue".into())
        );
        assert_eq!(
            d(&["0 issue \"letsencrypt.org\""], false),
            (
                false,
                "issue lets only letsencrypt.org issue; Amazon would need issue \"amazon.com\" (or amazontrust.com, awstrust.com, amazonaws.com)".into()
            )
        );
        assert_eq!(
            d(&["0 issue \";\""], false).1,
            "issue \";\" lets no CA issue; Amazon would need issue \"amazon.com\" (or amazontrust.com, awstrust.com, amazonaws.com)"
        );
    }

    #[test]
    fn issuewild_governs_wildcards_only_and_only_when_present() {
        let set = ["0 issue \"amazon.com\"", "0 issuewild \"letsencrypt.org\""];
        assert!(
            d(&set, false).0,
            "issuewild is ignored for a non-wildcard name"
        );
        let (ok, why) = d(&set, true);
        assert!(!ok);
        assert_eq!(
            why,
            "issuewild lets only letsencrypt.org issue (issuewild governs wildcard names and replaces issue for them); Amazon would need issuewild \"amazon.com\" (or amazontrust.com, awstrust.com, amazonaws.com)"
        );
        assert!(
            d(
                &[
                    "0 issue \"letsencrypt.org\"",
                    "0 issuewild \"amazonaws.com\""
                ],
                true
            )
            .0
        );
        let (ok, why) = d(&["0 issue \"letsencrypt.org\""], true);
        assert!(!ok);
        assert!(why.contains("there is no issuewild, so issue governs wildcard names too"));
        assert!(d(&["0 issue \"amazon.com\""], true).0);
        assert!(!d(&["0 issue \"amazon.com\"", "0 issuewild \";\""], true).0);
    }

    #[test]
    fn sets_without_issue_properties_do_not_restrict() {
        assert_eq!(
            d(&["0 iodef \"mailto:security@example.com\""], false),
            (
                true,
                "it has no issue property, so it does not restrict issuance".into()
            )
        );
        assert!(d(&["0 issuewild \"letsencrypt.org\""], false).0);
    }

    #[test]
    fn an_unknown_critical_property_forbids() {
        let (ok, why) = d(&["0 issue \"amazon.com\"", "128 tbs \"unknown\""], false);
        assert!(!ok);
        assert_eq!(
            why,
            "the property \"tbs\" is marked critical (flag 128) and ACM does not know it, so it must not issue"
        );
        assert!(d(&["0 issue \"amazon.com\"", "0 tbs \"unknown\""], false).0);
    }
}
