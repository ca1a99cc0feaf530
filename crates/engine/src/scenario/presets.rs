//! The presets shipped in the binary: the article's working setup and each failure it
//! describes, built through the same Route 53 operations a user performs, so they replay
//! identically from their seed.

use hickory_proto::rr::RecordType;

use super::acm_ops;
use super::document::Scenario;
use crate::aws::acm;
use crate::aws::route53::{self, Change, ChangeAction};
use crate::dns::internet;
use crate::dns::name::n;
use crate::dns::rrset::{RecordSet, parse_values};

/// Account A: owns the apex domain.
pub const ACCOUNT_A: &str = "111111111111";
/// Account B: the api team, owns the delegated subdomain.
pub const ACCOUNT_B: &str = "222222222222";
/// The account that hosts ACM's validation domain (AWS's own).
pub const ACCOUNT_AWS: &str = "999999999999";

/// A preset's name and what it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresetInfo {
    pub id: &'static str,
    pub title: &'static str,
    pub description: &'static str,
}

/// Every preset, in the order a picker shows them.
pub const PRESETS: [PresetInfo; 10] = [
    PresetInfo {
        id: "article",
        title: "Cross-account delegation (works)",
        description: "example.com in account A delegates api.example.com to a hosted zone in account B. The child holds the apex A record, www as a CNAME, and the ACM validation CNAME: everything resolves.",
    },
    PresetInfo {
        id: "wrong-ns",
        title: "Parent NS copied from the wrong zone",
        description: "The NS records for api.example.com in account A's zone were copied from another hosted zone (staging.example.com). Those servers do not serve api.example.com and answer REFUSED, so resolvers return SERVFAIL.",
    },
    PresetInfo {
        id: "recreated",
        title: "Child zone recreated, parent still points at the old servers",
        description: "api.example.com was deleted and created again in account B, so Route 53 assigned a new delegation set. The parent's NS still name the old servers, which no longer serve the zone: resolution fails silently with SERVFAIL.",
    },
    PresetInfo {
        id: "quiz",
        title: "Quiz: the apex A record in the parent zone",
        description: "www.api.example.com (a CNAME to example.com) resolves but api.example.com does not: its A record was added to account A's example.com zone, below the delegation, where no resolver ever looks. Real servers answer NOERROR with no data (NODATA), not NXDOMAIN as the article says.",
    },
    PresetInfo {
        id: "validation-in-parent",
        title: "ACM validation CNAME in the parent zone",
        description: "The certificate's validation CNAME was added to account A's zone instead of account B's. The child zone is authoritative for the name and says it does not exist (NXDOMAIN), so ACM never sees the record.",
    },
    PresetInfo {
        id: "not-delegated",
        title: "Child zone never delegated",
        description: "api.example.com exists as a hosted zone in account B, but account A's zone has no NS records for it. Resolvers never reach the child: the parent answers NXDOMAIN for every name under api.example.com.",
    },
    PresetInfo {
        id: "acm-issued",
        title: "ACM: certificate validated in the child zone (issued)",
        description: "Account B requested a certificate for *.api.example.com and let the console create the validation CNAME in its own api.example.com zone, which account A delegates to. ACM resolves the record from the root through the delegation, finds it, checks CAA (none) and issues the certificate at its first check.",
    },
    PresetInfo {
        id: "acm-in-parent",
        title: "ACM: validation record in the parent zone (times out)",
        description: "Account B requested a certificate for *.api.example.com, but its validation CNAME was added by hand to account A's example.com zone. The parent delegates api.example.com, so resolvers ask the child, which answers NXDOMAIN: ACM never sees the record, the certificate stays PENDING_VALIDATION and is VALIDATION_TIMED_OUT after 72 hours.",
    },
    PresetInfo {
        id: "acm-caa",
        title: "ACM: CAA at example.com allows another CA only (fails)",
        description: "The article's working setup, plus a CAA record at example.com allowing only letsencrypt.org. ACM finds the validation record in account B's zone, then climbs from api.example.com for CAA: none there, and example.com's set does not name Amazon. The certificate FAILS with CAA_ERROR, for good: a new request is needed after fixing CAA.",
    },
    PresetInfo {
        id: "acm-two-zones",
        title: "ACM: one certificate, names in two delegated zones (issued)",
        description: "Account B requested one certificate for *.api.example.com, api.example.com and shop.example.com: api.example.com and shop.example.com are separate hosted zones of account B, both delegated by account A. The wildcard and api.example.com share one validation record; the console puts each record in its own zone, and ACM finds both, each through its own delegation.",
    },
];

/// The preset `id`, built from its seed.
pub fn build(id: &str) -> Option<Scenario> {
    let r53 = |r: Result<Scenario, route53::Route53Error>| r.map_err(|e| e.to_string());
    let acm = |r: Result<Scenario, acm::AcmError>| r.map_err(|e| e.to_string());
    let built = match id {
        "article" => r53(article()),
        "wrong-ns" => r53(wrong_ns()),
        "recreated" => r53(recreated()),
        "quiz" => r53(quiz()),
        "validation-in-parent" => r53(validation_in_parent()),
        "not-delegated" => r53(not_delegated()),
        "acm-issued" => acm(acm_issued()),
        "acm-in-parent" => acm(acm_in_parent()),
        "acm-caa" => acm(acm_caa()),
        "acm-two-zones" => acm(acm_two_zones()),
        _ => return None,
    };
    Some(built.expect("presets are valid by construction"))
}

/// The ids of the article's zones in a built preset.
pub struct ArticleIds {
    pub parent: String,
    pub child: String,
}

const SEED: u64 = 20_261_128;

fn info(id: &str) -> &'static PresetInfo {
    PRESETS.iter().find(|p| p.id == id).expect("known preset")
}

fn set(name: &str, rtype: RecordType, ttl: u32, values: &[&str]) -> RecordSet {
    RecordSet::new(
        n(name),
        rtype,
        ttl,
        parse_values(rtype, values).expect("preset values are valid"),
    )
}

fn upsert(s: &mut Scenario, zone: &str, sets: Vec<RecordSet>) -> Result<(), route53::Route53Error> {
    let changes: Vec<Change> = sets
        .into_iter()
        .map(|set| Change {
            action: ChangeAction::Upsert,
            set,
        })
        .collect();
    route53::change_record_sets(&mut s.world, &s.aws, zone, &changes)
}

/// The base of every preset: both accounts, example.com registered to account A's zone,
/// ACM's validation domain, and api.example.com created in account B.
fn base(id: &str) -> Result<(Scenario, ArticleIds), route53::Route53Error> {
    let p = info(id);
    let mut s = Scenario::new(p.title, SEED);
    s.description = p.description.into();
    route53::create_account(&mut s.aws, ACCOUNT_A, "Account A (root)")?;
    route53::create_account(&mut s.aws, ACCOUNT_B, "Account B (api team)")?;
    route53::create_account(&mut s.aws, ACCOUNT_AWS, "AWS (ACM validation domain)")?;

    let acm = route53::create_hosted_zone(
        &mut s.world,
        &mut s.aws,
        ACCOUNT_AWS,
        "acm-validations.aws",
        "acm",
    )?;
    let acm_ns = s
        .world
        .zone(&acm)
        .and_then(|z| z.apex_ns())
        .map(|ns| crate::dns::answer::ns_targets(ns.records().iter()))
        .unwrap_or_default();
    internet::set_registry_delegation(&mut s.world, &n("acm-validations.aws"), &acm_ns)
        .map_err(|e| route53::Route53Error::InvalidInput(e.to_string()))?;

    let parent = route53::create_hosted_zone(
        &mut s.world,
        &mut s.aws,
        ACCOUNT_A,
        "example.com",
        "root-example-com",
    )?;
    let parent_ns = s
        .aws
        .hosted_zone(&parent)
        .map(|z| z.name_servers())
        .unwrap_or_default();
    internet::set_registry_delegation(&mut s.world, &n("example.com"), &parent_ns)
        .map_err(|e| route53::Route53Error::InvalidInput(e.to_string()))?;
    upsert(
        &mut s,
        &parent,
        vec![set("example.com", RecordType::A, 300, &["192.0.2.1"])],
    )?;

    let child = route53::create_hosted_zone(
        &mut s.world,
        &mut s.aws,
        ACCOUNT_B,
        "api.example.com",
        "unique-string-1795867200",
    )?;
    Ok((s, ArticleIds { parent, child }))
}

fn delegate(
    s: &mut Scenario,
    ids: &ArticleIds,
    servers_of: &str,
) -> Result<(), route53::Route53Error> {
    let ns: Vec<String> = s
        .aws
        .hosted_zone(servers_of)
        .map(|z| z.name_servers())
        .unwrap_or_default()
        .iter()
        .map(|n| n.to_string())
        .collect();
    let values: Vec<&str> = ns.iter().map(String::as_str).collect();
    upsert(
        s,
        &ids.parent,
        vec![set("api.example.com", RecordType::NS, 300, &values)],
    )
}

fn child_records(with_apex: bool, with_validation: bool) -> Vec<RecordSet> {
    let mut sets = vec![set(
        "www.api.example.com",
        RecordType::CNAME,
        300,
        &["api.example.com"],
    )];
    if with_apex {
        sets.push(set("api.example.com", RecordType::A, 300, &["192.0.2.10"]));
    }
    if with_validation {
        sets.push(set(
            "_abc123.api.example.com",
            RecordType::CNAME,
            300,
            &["_def456.acm-validations.aws."],
        ));
    }
    sets
}

fn article() -> Result<Scenario, route53::Route53Error> {
    let (mut s, ids) = base("article")?;
    upsert(&mut s, &ids.child, child_records(true, true))?;
    delegate(&mut s, &ids, &ids.child)?;
    Ok(s)
}

fn wrong_ns() -> Result<Scenario, route53::Route53Error> {
    let (mut s, ids) = base("wrong-ns")?;
    upsert(&mut s, &ids.child, child_records(true, true))?;
    let staging = route53::create_hosted_zone(
        &mut s.world,
        &mut s.aws,
        ACCOUNT_B,
        "staging.example.com",
        "staging",
    )?;
    delegate(&mut s, &ids, &staging)?;
    Ok(s)
}

fn recreated() -> Result<Scenario, route53::Route53Error> {
    let (mut s, ids) = base("recreated")?;
    upsert(&mut s, &ids.child, child_records(true, true))?;
    delegate(&mut s, &ids, &ids.child)?;
    route53::recreate_hosted_zone(&mut s.world, &mut s.aws, &ids.child)?;
    Ok(s)
}

fn quiz() -> Result<Scenario, route53::Route53Error> {
    let (mut s, ids) = base("quiz")?;
    upsert(&mut s, &ids.child, child_records(false, true))?;
    // In the quiz www resolves: its CNAME points at a name that exists (the parent's apex).
    upsert(
        &mut s,
        &ids.child,
        vec![set(
            "www.api.example.com",
            RecordType::CNAME,
            300,
            &["example.com"],
        )],
    )?;
    delegate(&mut s, &ids, &ids.child)?;
    upsert(
        &mut s,
        &ids.parent,
        vec![set("api.example.com", RecordType::A, 300, &["192.0.2.10"])],
    )?;
    Ok(s)
}

fn validation_in_parent() -> Result<Scenario, route53::Route53Error> {
    let (mut s, ids) = base("validation-in-parent")?;
    upsert(&mut s, &ids.child, child_records(true, false))?;
    delegate(&mut s, &ids, &ids.child)?;
    upsert(
        &mut s,
        &ids.parent,
        vec![set(
            "_abc123.api.example.com",
            RecordType::CNAME,
            300,
            &["_def456.acm-validations.aws."],
        )],
    )?;
    Ok(s)
}

fn not_delegated() -> Result<Scenario, route53::Route53Error> {
    let (mut s, ids) = base("not-delegated")?;
    upsert(&mut s, &ids.child, child_records(true, true))?;
    Ok(s)
}

/// The article's delegated setup with no validation record yet, and a certificate for
/// `*.api.example.com` (plus `sans`) requested in account B. Returns the ARN.
fn acm_base(id: &str, sans: &[&str]) -> Result<(Scenario, ArticleIds, String), acm::AcmError> {
    let (mut s, ids) = base(id)?;
    upsert(&mut s, &ids.child, child_records(true, false))?;
    delegate(&mut s, &ids, &ids.child)?;
    let sans: Vec<String> = sans.iter().map(|n| n.to_string()).collect();
    let arn = acm_ops::request_certificate(&mut s, ACCOUNT_B, "*.api.example.com", &sans)?;
    Ok((s, ids, arn))
}

fn acm_issued() -> Result<Scenario, acm::AcmError> {
    let (mut s, _, arn) = acm_base("acm-issued", &[])?;
    acm_ops::create_records_in_route53(&mut s, &arn)?;
    Ok(s)
}

fn acm_in_parent() -> Result<Scenario, acm::AcmError> {
    let (mut s, ids, arn) = acm_base("acm-in-parent", &[])?;
    let cert = s.aws.certificates.iter().find(|c| c.arn == arn).cloned();
    let records: Vec<RecordSet> = cert
        .map(|c| {
            c.records()
                .into_iter()
                .map(|(r, _)| r.record_set(300))
                .collect()
        })
        .unwrap_or_default();
    upsert(&mut s, &ids.parent, records)?;
    Ok(s)
}

fn acm_caa() -> Result<Scenario, acm::AcmError> {
    let (mut s, ids, arn) = acm_base("acm-caa", &[])?;
    upsert(
        &mut s,
        &ids.parent,
        vec![set(
            "example.com",
            RecordType::CAA,
            300,
            &["0 issue \"letsencrypt.org\""],
        )],
    )?;
    acm_ops::create_records_in_route53(&mut s, &arn)?;
    Ok(s)
}

fn acm_two_zones() -> Result<Scenario, acm::AcmError> {
    let (mut s, ids) = base("acm-two-zones")?;
    upsert(&mut s, &ids.child, child_records(true, false))?;
    delegate(&mut s, &ids, &ids.child)?;
    let shop = route53::create_hosted_zone(
        &mut s.world,
        &mut s.aws,
        ACCOUNT_B,
        "shop.example.com",
        "unique-string-1795867260",
    )?;
    upsert(
        &mut s,
        &shop,
        vec![set("shop.example.com", RecordType::A, 300, &["192.0.2.20"])],
    )?;
    let ns: Vec<String> = s
        .aws
        .hosted_zone(&shop)
        .map(|z| z.name_servers())
        .unwrap_or_default()
        .iter()
        .map(|n| n.to_string())
        .collect();
    let values: Vec<&str> = ns.iter().map(String::as_str).collect();
    upsert(
        &mut s,
        &ids.parent,
        vec![set("shop.example.com", RecordType::NS, 300, &values)],
    )?;
    let sans = [
        "api.example.com".to_string(),
        "shop.example.com".to_string(),
    ];
    let arn = acm_ops::request_certificate(&mut s, ACCOUNT_B, "*.api.example.com", &sans)?;
    acm_ops::create_records_in_route53(&mut s, &arn)?;
    Ok(s)
}
