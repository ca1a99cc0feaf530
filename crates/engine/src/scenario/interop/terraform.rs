//! The scenario as Terraform, following the article: one `provider "aws"` configuration per
//! account (an alias, pinned to the account with `allowed_account_ids`), an
//! `aws_route53_zone` per hosted zone, an `aws_route53_record` for every record set except
//! the apex SOA and NS that Route 53 creates, and for each certificate an
//! `aws_acm_certificate`, its validation records as a `for_each` over
//! `domain_validation_options` placed in the hosted zone that holds each name (the child
//! zone in the article), and an `aws_acm_certificate_validation`.
//!
//! A delegation whose NS are exactly a hosted zone's name servers references
//! `aws_route53_zone.<child>.name_servers` instead of copying them (Route 53 will assign
//! other servers when Terraform creates the zone); a delegation that names other servers is
//! copied as it is, with a comment saying whose servers they are. Records that no resolver
//! can reach (below a delegation) are kept, with a comment. AWS's own zone behind ACM's
//! validation records (`acm-validations.aws`) is left out. The text is already formatted as
//! `terraform fmt` leaves it (see [`super::hcl`]).

use crate::dns::name::Show;
use hickory_proto::rr::{Name, RData, RecordType};

use super::hcl::{self, Item};
use super::tf_names::Names;
use crate::aws::HostedZone;
use crate::aws::acm::Certificate;
use crate::aws::acm::token::VALIDATION_DOMAIN;
use crate::dns::Zone;
use crate::dns::internet::registry_delegation;
use crate::dns::rrset::RecordSet;
use crate::scenario::Scenario;

/// One exported hosted zone and its Terraform names.
struct ZoneOut<'a> {
    hz: &'a HostedZone,
    zone: &'a Zone,
    resource: String,
    provider: String,
}

/// Where a certificate's validation records go: one `for_each` resource per zone.
struct Placement {
    /// Index in `zones`, or `None` when no exported zone holds the names.
    zone: Option<usize>,
    domains: Vec<String>,
    /// The records' names (fqdn, no final dot), for records no zone holds.
    fqdns: Vec<String>,
    /// Whether two names share one record (a wildcard and its base name).
    shared: bool,
    /// (name, value) of the records, to leave them out of the zone's plain records.
    records: Vec<(Name, Name)>,
}

/// The scenario as one Terraform file.
pub fn terraform(s: &Scenario) -> String {
    let validation_domain: Name = crate::dns::n(VALIDATION_DOMAIN);
    let mut providers = Names::default();
    let mut zone_names = Names::default();
    let mut record_names = Names::default();
    let mut cert_names = Names::default();

    // Accounts, in the scenario's order, that own something exported.
    let exported: Vec<&HostedZone> = s
        .aws
        .hosted_zones
        .iter()
        .filter(|hz| !validation_domain.zone_of(&hz.name) && s.world.zone(&hz.id).is_some())
        .collect();
    let left_out: Vec<&HostedZone> = s
        .aws
        .hosted_zones
        .iter()
        .filter(|hz| validation_domain.zone_of(&hz.name))
        .collect();
    let accounts: Vec<(&str, String, String)> = s
        .aws
        .accounts
        .iter()
        .filter(|a| {
            exported.iter().any(|hz| hz.account == a.id)
                || s.aws.certificates.iter().any(|c| c.account == a.id)
        })
        .map(|a| {
            let base = if a.label.trim().is_empty() {
                format!("account_{}", a.id)
            } else {
                a.label.clone()
            };
            (a.id.as_str(), providers.unique(&base), a.label.clone())
        })
        .collect();
    let provider_of = |account: &str| {
        accounts
            .iter()
            .find(|(id, _, _)| *id == account)
            .map_or_else(|| "aws".to_string(), |(_, alias, _)| format!("aws.{alias}"))
    };

    let zones: Vec<ZoneOut> = exported
        .iter()
        .map(|hz| ZoneOut {
            hz,
            zone: s.world.zone(&hz.id).expect("filtered on it"),
            resource: zone_names.unique(&crate::dns::name::text(&hz.name)),
            provider: provider_of(&hz.account),
        })
        .collect();

    let certs: Vec<(&Certificate, String, Vec<Placement>)> = s
        .aws
        .certificates
        .iter()
        .map(|c| {
            (
                c,
                cert_names.unique(&c.domain_name),
                placements(s, c, &zones),
            )
        })
        .collect();

    let mut items: Vec<Item> = Vec::new();
    items.push(Item::Comment(format!(
        "Terraform for the Delegation Lab scenario \"{}\".",
        s.title
    )));
    items.push(Item::Comment(
        "One provider configuration per AWS account: give each the credentials of its account"
            .into(),
    ));
    items.push(Item::Comment(
        "(a profile or assume_role) before terraform plan.".into(),
    ));
    if !left_out.is_empty() {
        let names: Vec<String> = left_out
            .iter()
            .map(|hz| crate::dns::name::text(&hz.name))
            .collect();
        items.push(Item::Comment(format!(
            "Left out: {} (AWS's own zone behind ACM's validation records).",
            names.join(", ")
        )));
    }
    items.push(Item::Blank);
    items.push(Item::block(
        "terraform",
        vec![Item::block(
            "required_providers",
            vec![Item::Open {
                head: "aws = {".into(),
                body: vec![Item::attr("source", hcl::string("hashicorp/aws"))],
                close: "}".into(),
            }],
        )],
    ));
    items.push(Item::Blank);

    for (id, alias, label) in &accounts {
        if !label.is_empty() {
            items.push(Item::Comment(format!("{id}: {label}")));
        }
        items.push(Item::block(
            "provider \"aws\"",
            vec![
                Item::attr("alias", hcl::string(alias)),
                Item::attr("region", hcl::string("us-east-1")),
                Item::attr("allowed_account_ids", hcl::string_list(&[*id])),
            ],
        ));
        items.push(Item::Blank);
    }

    for (index, z) in zones.iter().enumerate() {
        zone_items(s, z, &mut items);
        let validation: Vec<&(Name, Name)> = certs
            .iter()
            .flat_map(|(_, _, ps)| ps.iter())
            .filter(|p| p.zone == Some(index))
            .flat_map(|p| p.records.iter())
            .collect();
        for set in z.zone.iter() {
            if set.name == z.zone.origin && matches!(set.rtype, RecordType::SOA | RecordType::NS) {
                continue;
            }
            if set.rtype == RecordType::CNAME
                && validation
                    .iter()
                    .any(|(name, value)| *name == set.name && cname_is(set, value))
            {
                continue;
            }
            let resource = record_names.unique(&format!(
                "{}_{}",
                set.name,
                set.rtype.to_string().to_ascii_lowercase()
            ));
            record_items(s, &zones, z, set, &resource, &mut items);
        }
    }

    for (cert, resource, places) in &certs {
        cert_items(
            s,
            &zones,
            cert,
            resource,
            places,
            &mut record_names,
            &mut items,
        );
    }

    while items.last() == Some(&Item::Blank) {
        items.pop();
    }
    hcl::render(&items)
}

fn cname_is(set: &RecordSet, value: &Name) -> bool {
    matches!(set.values.as_slice(), [RData::CNAME(c)] if c.0.to_lowercase() == value.to_lowercase())
}

/// A name as Terraform takes it: as Route 53 takes it (octal escapes, never Unicode), no
/// final dot.
fn fqdn(name: &Name) -> String {
    let text = super::route53_name::route53_request_name(name);
    text.strip_suffix('.').unwrap_or(&text).to_string()
}

fn zone_items(s: &Scenario, z: &ZoneOut, items: &mut Vec<Item>) {
    let account = &z.hz.account;
    items.push(Item::Comment(format!(
        "{} ({} in the scenario) in account {account}; Route 53 creates its SOA and NS.",
        Show(&z.hz.name),
        z.hz.id
    )));
    // A registered domain: what the registrar must say.
    let parent_is_hosted = s
        .aws
        .hosted_zones
        .iter()
        .any(|p| p.id != z.hz.id && p.name != z.hz.name && p.name.zone_of(&z.hz.name));
    if !parent_is_hosted {
        let own = z.hz.name_servers();
        match registry_delegation(&s.world, &z.hz.name) {
            Some(ns) if ns.len() == own.len() && own.iter().all(|n| ns.contains(n)) => {
                items.push(Item::Comment(format!(
                    "At the registrar, {} is delegated to this zone's servers: after apply, set its NS to aws_route53_zone.{}.name_servers (Route 53 assigns new ones).",
                    Show(&z.hz.name), z.resource
                )))
            }
            Some(ns) => {
                let names: Vec<String> = ns.iter().map(ToString::to_string).collect();
                items.push(Item::Comment(format!(
                    "At the registrar, {} is delegated to {}, not to this zone's servers: set its NS to aws_route53_zone.{}.name_servers.",
                    Show(&z.hz.name),
                    names.join(" "),
                    z.resource
                )))
            }
            None => {}
        }
    }
    let mut body = vec![
        Item::attr("provider", z.provider.clone()),
        Item::attr("name", hcl::string(&fqdn(&z.hz.name))),
    ];
    if !z.hz.comment.is_empty() {
        body.push(Item::attr("comment", hcl::string(&z.hz.comment)));
    }
    items.push(Item::block(
        format!("resource \"aws_route53_zone\" \"{}\"", z.resource),
        body,
    ));
    items.push(Item::Blank);
}

/// A record's values as Terraform's `records` takes them (TXT without its quotes, several
/// strings of one record joined with `""`).
fn record_values(set: &RecordSet) -> Vec<String> {
    set.values
        .iter()
        .map(|v| match v {
            RData::TXT(txt) => {
                let parts: Vec<String> = txt
                    .txt_data
                    .iter()
                    .map(|b| {
                        String::from_utf8_lossy(b)
                            .replace('\\', "\\\\")
                            .replace('"', "\\\"")
                    })
                    .collect();
                parts.join("\"\"")
            }
            other => crate::dns::dig::rdata_text(other),
        })
        .collect()
}

fn record_items(
    s: &Scenario,
    zones: &[ZoneOut],
    z: &ZoneOut,
    set: &RecordSet,
    resource: &str,
    items: &mut Vec<Item>,
) {
    let mut body = vec![
        Item::attr("provider", z.provider.clone()),
        Item::attr(
            "zone_id",
            format!("aws_route53_zone.{}.zone_id", z.resource),
        ),
        Item::attr("name", hcl::string(&fqdn(&set.name))),
        Item::attr("type", hcl::string(&set.rtype.to_string())),
    ];
    if z.zone.is_occluded(set) {
        let cut = z
            .zone
            .cut_for(&set.name)
            .map(|c| c.name.to_string())
            .unwrap_or_default();
        items.push(Item::Comment(format!(
            "Unreachable: {cut} is delegated, so no resolver reads {} from this zone.",
            set.name
        )));
    }
    if let Some(alias) = &set.alias {
        body.push(Item::Blank);
        body.push(Item::block(
            "alias",
            vec![
                Item::attr("name", hcl::string(&fqdn(&alias.dns_name))),
                Item::attr("zone_id", hcl::string(&alias.hosted_zone_id)),
                Item::attr("evaluate_target_health", "false"),
            ],
        ));
    } else {
        body.push(Item::attr("ttl", set.ttl.to_string()));
        let delegated_to = (set.rtype == RecordType::NS && set.name != z.zone.origin)
            .then(|| delegation_target(s, zones, set))
            .flatten();
        match delegated_to {
            Some(Ok(child)) => {
                items.push(Item::Comment(format!(
                    "Delegates {} to aws_route53_zone.{} (account {}).",
                    set.name, zones[child].resource, zones[child].hz.account
                )));
                body.push(Item::attr(
                    "records",
                    format!("aws_route53_zone.{}.name_servers", zones[child].resource),
                ));
            }
            other => {
                if let Some(Err(note)) = other {
                    items.push(Item::Comment(note.to_string()));
                }
                let values = record_values(set);
                if values.len() == 1 {
                    body.push(Item::attr("records", hcl::string_list(&values)));
                } else {
                    body.push(Item::Blank);
                    body.push(Item::Open {
                        head: "records = [".into(),
                        body: values
                            .iter()
                            .map(|v| Item::Line(format!("{},", hcl::string(v))))
                            .collect(),
                        close: "]".into(),
                    });
                }
            }
        }
    }
    items.push(Item::block(
        format!("resource \"aws_route53_record\" \"{resource}\""),
        body,
    ));
    items.push(Item::Blank);
}

/// A delegation whose servers are not those of the exported zone of its name; shown, the
/// note the export writes above it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
enum StaleDelegation {
    /// The servers are another zone's: `whose` names it.
    #[error(
        "These NS are the servers of {whose}, not of aws_route53_zone.{resource}: resolvers following them fail. Kept as in the scenario; the fix is aws_route53_zone.{resource}.name_servers."
    )]
    OtherZone { whose: String, resource: String },
    #[error(
        "These NS are not the servers of aws_route53_zone.{resource} (they belong to no hosted zone now, as after the zone was recreated): resolvers following them fail. Kept as in the scenario; the fix is aws_route53_zone.{resource}.name_servers."
    )]
    NoZone { resource: String },
}

/// For a delegation: the exported zone of that name whose servers it names exactly
/// (`Ok(index)`), or whose servers it names instead (`Err`).
fn delegation_target(
    s: &Scenario,
    zones: &[ZoneOut],
    set: &RecordSet,
) -> Option<Result<usize, StaleDelegation>> {
    let named: Vec<Name> = set
        .values
        .iter()
        .filter_map(|v| match v {
            RData::NS(ns) => Some(ns.0.to_lowercase()),
            _ => None,
        })
        .collect();
    let same = |hz: &HostedZone| {
        let own = hz.name_servers();
        own.len() == named.len() && own.iter().all(|n| named.contains(n))
    };
    let children: Vec<usize> = (0..zones.len())
        .filter(|&i| zones[i].hz.name == set.name)
        .collect();
    if let Some(&i) = children.iter().find(|&&i| same(zones[i].hz)) {
        return Some(Ok(i));
    }
    let child = children.first()?;
    let child = &zones[*child];
    let whose = s.aws.hosted_zones.iter().find(|hz| same(hz)).map(|hz| {
        zones.iter().find(|z| z.hz.id == hz.id).map_or_else(
            || format!("hosted zone {} ({})", Show(&hz.name), hz.id),
            |z| format!("aws_route53_zone.{} ({})", z.resource, Show(&hz.name)),
        )
    });
    let resource = child.resource.clone();
    Some(Err(match whose {
        Some(whose) => StaleDelegation::OtherZone { whose, resource },
        None => StaleDelegation::NoZone { resource },
    }))
}

/// Groups a certificate's validation records by the exported zone that holds each name: the
/// deepest zone above it; among zones of the same name, the one that answers from the root.
fn placements(s: &Scenario, cert: &Certificate, zones: &[ZoneOut]) -> Vec<Placement> {
    let answering = crate::scenario::acm_ops::terraform_view(s, &cert.arn).ok();
    let mut out: Vec<Placement> = Vec::new();
    for (record, domains) in cert.records() {
        let candidates: Vec<usize> = (0..zones.len())
            .filter(|&i| zones[i].hz.name.zone_of(&record.name))
            .collect();
        let deepest = candidates
            .iter()
            .map(|&i| zones[i].hz.name.num_labels())
            .max();
        let candidates: Vec<usize> = candidates
            .into_iter()
            .filter(|&i| Some(zones[i].hz.name.num_labels()) == deepest)
            .collect();
        let answers = answering.as_ref().and_then(|v| {
            v.records
                .iter()
                .find(|r| r.fqdn == record.fqdn())
                .and_then(|r| r.authoritative_zone.as_ref().map(|z| z.0.clone()))
        });
        let zone = candidates
            .iter()
            .copied()
            .find(|&i| Some(&zones[i].hz.id) == answers.as_ref())
            .or(candidates.first().copied());
        let shared = domains.len() > 1;
        match out.iter_mut().find(|p| p.zone == zone) {
            Some(p) => {
                p.domains.extend(domains);
                p.fqdns.push(record.fqdn());
                p.shared |= shared;
                p.records.push((record.name.clone(), record.value.clone()));
            }
            None => out.push(Placement {
                zone,
                domains,
                fqdns: vec![record.fqdn()],
                shared,
                records: vec![(record.name.clone(), record.value.clone())],
            }),
        }
    }
    out
}

fn cert_items(
    s: &Scenario,
    zones: &[ZoneOut],
    cert: &Certificate,
    resource: &str,
    places: &[Placement],
    record_names: &mut Names,
    items: &mut Vec<Item>,
) {
    let provider = zones
        .iter()
        .find(|z| z.hz.account == cert.account)
        .map(|z| z.provider.clone())
        .unwrap_or_else(|| {
            let alias = s
                .aws
                .account(&cert.account)
                .map(|a| super::tf_names::ident(&a.label))
                .unwrap_or_default();
            format!("aws.{alias}")
        });
    items.push(Item::Comment(format!(
        "{} in account {} ({} in the scenario).",
        cert.arn, cert.account, cert.status
    )));
    let mut body = vec![
        Item::attr("provider", provider.clone()),
        Item::attr("domain_name", hcl::string(&cert.domain_name)),
    ];
    let sans: Vec<&String> = cert
        .subject_alternative_names
        .iter()
        .filter(|n| **n != cert.domain_name)
        .collect();
    if !sans.is_empty() {
        body.push(Item::attr(
            "subject_alternative_names",
            hcl::string_list(&sans),
        ));
    }
    body.push(Item::attr("validation_method", hcl::string("DNS")));
    items.push(Item::block(
        format!("resource \"aws_acm_certificate\" \"{resource}\""),
        body,
    ));
    items.push(Item::Blank);

    let mut fqdn_lists: Vec<String> = Vec::new();
    let mut literal: Vec<String> = Vec::new();
    for p in places {
        let Some(index) = p.zone else {
            items.push(Item::Comment(format!(
                "No hosted zone here holds {}: create the validation record{} where {} is served.",
                p.fqdns.join(", "),
                if p.fqdns.len() == 1 { "" } else { "s" },
                p.domains.join(", ")
            )));
            items.push(Item::Blank);
            literal.extend(p.fqdns.iter().cloned());
            continue;
        };
        let z = &zones[index];
        let name = if places.iter().filter(|q| q.zone.is_some()).count() == 1 {
            record_names.unique(&format!("{resource}_validation"))
        } else {
            record_names.unique(&format!("{resource}_validation_{}", z.resource))
        };
        let value_body = vec![
            Item::attr("name", "dvo.resource_record_name"),
            Item::attr("record", "dvo.resource_record_value"),
            Item::attr("type", "dvo.resource_record_type"),
        ];
        let filter = if places.len() > 1 {
            format!(
                " if contains({}, dvo.domain_name)",
                hcl::string_list(&p.domains)
            )
        } else {
            String::new()
        };
        let for_each = Item::Open {
            head: "for_each = {".into(),
            body: vec![Item::Open {
                head: format!(
                    "for dvo in aws_acm_certificate.{resource}.domain_validation_options : dvo.domain_name => {{"
                ),
                body: value_body,
                close: format!("}}{filter}"),
            }],
            close: "}".into(),
        };
        items.push(Item::Comment(format!(
            "Validation records for {}: in {}, the zone that answers for {}.",
            p.domains.join(", "),
            Show(&z.hz.name),
            if p.domains.len() == 1 {
                "that name"
            } else {
                "these names"
            }
        )));
        if p.shared {
            items.push(Item::Comment(
                "A wildcard and its base name share one record, hence allow_overwrite.".into(),
            ));
        }
        let mut body = vec![
            for_each,
            Item::Blank,
            Item::attr("provider", z.provider.clone()),
        ];
        if p.shared {
            body.push(Item::attr("allow_overwrite", "true"));
        }
        body.extend([
            Item::attr(
                "zone_id",
                format!("aws_route53_zone.{}.zone_id", z.resource),
            ),
            Item::attr("name", "each.value.name"),
            Item::attr("type", "each.value.type"),
            Item::attr("ttl", "60"),
            Item::attr("records", "[each.value.record]"),
        ]);
        items.push(Item::block(
            format!("resource \"aws_route53_record\" \"{name}\""),
            body,
        ));
        items.push(Item::Blank);
        fqdn_lists.push(format!(
            "[for record in aws_route53_record.{name} : record.fqdn]"
        ));
    }
    if !literal.is_empty() {
        fqdn_lists.push(hcl::string_list(&literal));
    }
    let fqdns = match fqdn_lists.as_slice() {
        [one] => one.clone(),
        many => format!("concat({})", many.join(", ")),
    };
    items.push(Item::block(
        format!("resource \"aws_acm_certificate_validation\" \"{resource}\""),
        vec![
            Item::attr("provider", provider),
            Item::attr(
                "certificate_arn",
                format!("aws_acm_certificate.{resource}.arn"),
            ),
            Item::attr("validation_record_fqdns", fqdns),
        ],
    ));
    items.push(Item::Blank);
}
