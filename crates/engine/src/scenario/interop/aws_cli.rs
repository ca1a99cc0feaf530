//! The scenario as AWS CLI commands, account by account: `aws route53 create-hosted-zone`
//! with the zone's caller reference (the new zone's id kept in a shell variable, since
//! Route 53 assigns a new one), then one `aws route53 change-resource-record-sets` per zone
//! whose `--change-batch` is a JSON document of `UPSERT` changes, one per record set
//! except the apex SOA and NS that Route 53 creates; and `aws acm request-certificate` for
//! each certificate. AWS's own zone behind ACM's validation records is left out.
//!
//! Names are written as Route 53 takes them (`*` for a wildcard, `\ooo` octal escapes for
//! other special characters); values are presentation text (TXT quoted, its special characters
//! as Route 53's octal codes).

use hickory_proto::rr::{Name, RData, RecordType};
use serde::Serialize;

use super::route53_name::route53_request_name;
use super::route53_text::decimal_to_octal;
use super::tf_names::Names;
use crate::aws::HostedZone;
use crate::aws::acm::token::VALIDATION_DOMAIN;
use crate::dns::rrset::RecordSet;
use crate::scenario::Scenario;

/// The scenario as a shell script of AWS CLI commands.
pub fn aws_cli(s: &Scenario) -> String {
    let validation_domain: Name = crate::dns::n(VALIDATION_DOMAIN);
    let exported: Vec<&HostedZone> = s
        .aws
        .hosted_zones
        .iter()
        .filter(|hz| !validation_domain.zone_of(&hz.name) && s.world.zone(&hz.id).is_some())
        .collect();
    let mut vars = Names::default();
    let mut out = String::new();
    out.push_str("#!/bin/sh\n");
    out.push_str(&format!(
        "# AWS CLI commands for the Delegation Lab scenario \"{}\".\n",
        s.title.replace('\n', " ")
    ));
    out.push_str(
        "# Run each account's part with that account's credentials (--profile or AWS_PROFILE).\n",
    );
    out.push_str(
        "# Route 53 gives each new zone its own id (kept in a shell variable below) and its own\n",
    );
    out.push_str(
        "# name servers: in the NS of a delegation, put the servers create-hosted-zone printed\n",
    );
    out.push_str("# for the child zone instead of the scenario's.\n");
    out.push_str("set -e\n");

    for account in &s.aws.accounts {
        let zones: Vec<&&HostedZone> = exported
            .iter()
            .filter(|hz| hz.account == account.id)
            .collect();
        let certs: Vec<_> = s.aws.certificates_of(&account.id).collect();
        if zones.is_empty() && certs.is_empty() {
            continue;
        }
        out.push('\n');
        if account.label.is_empty() {
            out.push_str(&format!("# Account {}\n", account.id));
        } else {
            out.push_str(&format!("# Account {} ({})\n", account.id, account.label));
        }
        for hz in zones {
            let var = vars
                .unique(&format!("zone_{}", crate::dns::name::Show(&hz.name)))
                .to_ascii_uppercase()
                .replace('-', "_");
            let name = request_name(&hz.name);
            out.push_str(&format!(
                "{var}=$(aws route53 create-hosted-zone --name {} --caller-reference {} --query HostedZone.Id --output text)\n",
                shell_word(name.trim_end_matches('.')),
                shell_word(&hz.caller_reference)
            ));
            let zone = s.world.zone(&hz.id).expect("filtered on it");
            let sets: Vec<&RecordSet> = zone
                .iter()
                .filter(|set| {
                    !(set.name == zone.origin
                        && matches!(set.rtype, RecordType::SOA | RecordType::NS))
                })
                .collect();
            if sets.is_empty() {
                continue;
            }
            for set in sets.iter().filter(|set| set.rtype == RecordType::NS) {
                if let Some(child) = exported
                    .iter()
                    .find(|c| c.name == set.name && same_servers(c, set))
                {
                    out.push_str(&format!(
                        "# The NS of {} are the servers of hosted zone {} ({}) in the scenario: use those Route 53 printed for it.\n",
                        set.name, child.name, child.id
                    ));
                }
            }
            let batch = ChangeBatch {
                comment: format!(
                    "Delegation Lab: the record sets of {}",
                    crate::dns::name::Show(&hz.name)
                ),
                changes: sets
                    .iter()
                    .map(|set| ChangeDoc {
                        action: "UPSERT",
                        resource_record_set: record_set_doc(set),
                    })
                    .collect(),
            };
            let json = serde_json::to_string(&batch).expect("a change batch serialises");
            out.push_str(&format!(
                "aws route53 change-resource-record-sets --hosted-zone-id \"${var}\" --change-batch {}\n",
                shell_quote(&json)
            ));
        }
        for cert in certs {
            let mut line = format!(
                "aws acm request-certificate --region us-east-1 --domain-name {} --validation-method DNS",
                shell_word(&cert.domain_name)
            );
            let sans: Vec<String> = cert
                .subject_alternative_names
                .iter()
                .filter(|n| **n != cert.domain_name)
                .map(|n| shell_word(n))
                .collect();
            if !sans.is_empty() {
                line.push_str(&format!(" --subject-alternative-names {}", sans.join(" ")));
            }
            out.push_str("# ACM gives the new certificate its own validation records: create those it lists.\n");
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// A record name as Route 53 takes it in a change batch.
fn request_name(name: &Name) -> String {
    route53_request_name(name)
}

/// A `ChangeBatch` as `--change-batch` takes it (fields in the order AWS documents them).
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct ChangeBatch {
    comment: String,
    changes: Vec<ChangeDoc>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct ChangeDoc {
    action: &'static str,
    resource_record_set: SetDoc,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct SetDoc {
    name: String,
    #[serde(rename = "Type")]
    rtype: String,
    #[serde(rename = "TTL", skip_serializing_if = "Option::is_none")]
    ttl: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    resource_records: Option<Vec<ValueDoc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    alias_target: Option<AliasDoc>,
}

#[derive(Serialize)]
struct ValueDoc {
    #[serde(rename = "Value")]
    value: String,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct AliasDoc {
    hosted_zone_id: String,
    #[serde(rename = "DNSName")]
    dns_name: String,
    evaluate_target_health: bool,
}

/// A `ResourceRecordSet` of a change batch.
fn record_set_doc(set: &RecordSet) -> SetDoc {
    let (ttl, resource_records, alias_target) = match &set.alias {
        Some(alias) => (
            None,
            None,
            Some(AliasDoc {
                hosted_zone_id: alias.hosted_zone_id.clone(),
                dns_name: request_name(&alias.dns_name),
                evaluate_target_health: false,
            }),
        ),
        None => (
            Some(set.ttl),
            Some(
                set.values
                    .iter()
                    .map(|v| ValueDoc {
                        value: match set.rtype {
                            // Route 53 reads a text value's special characters as octal codes.
                            RecordType::TXT => decimal_to_octal(&crate::dns::dig::rdata_text(v)),
                            _ => crate::dns::dig::rdata_text(v),
                        },
                    })
                    .collect(),
            ),
            None,
        ),
    };
    SetDoc {
        name: request_name(&set.name),
        rtype: crate::dns::rtype::type_mnemonic(set.rtype),
        ttl,
        resource_records,
        alias_target,
    }
}

/// Whether an NS set names exactly a hosted zone's servers.
fn same_servers(hz: &HostedZone, set: &RecordSet) -> bool {
    let named: Vec<Name> = set
        .values
        .iter()
        .filter_map(|v| match v {
            RData::NS(ns) => Some(ns.0.to_lowercase()),
            _ => None,
        })
        .collect();
    let own = hz.name_servers();
    own.len() == named.len() && own.iter().all(|n| named.contains(n))
}

/// A word for the shell: as it is when it needs no quoting, else in single quotes.
fn shell_word(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-/:=@,+".contains(c));
    if plain {
        text.to_string()
    } else {
        shell_quote(text)
    }
}

/// Text in single quotes, each `'` written as `'\''`.
pub(super) fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words_quote_only_when_needed() {
        assert_eq!(shell_word("api.example.com"), "api.example.com");
        assert_eq!(shell_word("*.api.example.com"), "'*.api.example.com'");
        assert_eq!(shell_quote("it's"), "'it'\\''s'");
        assert_eq!(
            request_name(&crate::dns::n("*.example.com")),
            "*.example.com."
        );
    }
}
