//! Edits to a scenario: every change a user (or a one-click fix) makes, as a value that can
//! be checked before it is applied, applied through the same Route 53 rules as the API, and
//! named for undo and redo. The app applies one edit per undo step.

use hickory_proto::rr::{Name, RecordType};

use super::document::Scenario;
use crate::aws::acm;
use crate::aws::route53::{self, Change, ChangeAction};
use crate::dns::internet;
use crate::dns::name::parse_absolute;
use crate::dns::rrset::RecordSet;

/// One change to a scenario. Edits are made one at a time by a person, never stored in
/// bulk, so the size of the record-set variant does not matter.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(clippy::large_enum_variant)]
pub enum Edit {
    CreateAccount {
        id: String,
        label: String,
    },
    /// `create-hosted-zone` in an account.
    CreateHostedZone {
        account: String,
        name: String,
        caller_reference: String,
    },
    /// `delete-hosted-zone` (only a zone holding just its SOA and NS).
    DeleteHostedZone {
        zone_id: String,
    },
    /// Delete and create again with the same records: Route 53 assigns new name servers.
    RecreateHostedZone {
        zone_id: String,
    },
    /// Creates a record set or replaces the set `replacing` (its name and type) with `set`.
    PutRecordSet {
        zone_id: String,
        replacing: Option<(Name, RecordType)>,
        set: RecordSet,
    },
    DeleteRecordSet {
        zone_id: String,
        name: Name,
        rtype: RecordType,
    },
    /// One `change-resource-record-sets` call: every change or none, checked as a whole
    /// (what an import applies; one zone copy however many changes).
    ChangeRecordSets {
        zone_id: String,
        changes: Vec<Change>,
    },
    /// The registrar's NS for a registered domain, in its TLD zone.
    SetRegistryDelegation {
        domain: Name,
        servers: Vec<Name>,
    },
    /// Adds (or replaces) the NS records for a hosted zone in the closest parent hosted zone,
    /// with the child's own name servers: "add these name servers to the parent".
    DelegateToChild {
        child_zone_id: String,
        ttl: u32,
    },
    /// Moves the simulated clock forward; ACM runs every certificate's checks that fall
    /// due on the way (see `aws::acm::advance`), so time passing validates or times out.
    AdvanceClock {
        seconds: u64,
    },
    /// `request-certificate` in an account with DNS validation: a domain and its
    /// subject alternative names (wildcards allowed).
    RequestCertificate {
        account: String,
        domain: String,
        sans: Vec<String>,
    },
    /// The ACM console's "Create records in Route 53" for a certificate (same account only).
    CreateValidationRecords {
        arn: String,
    },
    /// Runs the certificate's checks that are due by the clock now ("validate now").
    ValidateCertificate {
        arn: String,
    },
    /// Empties the public resolver's cache.
    FlushCache,
    /// Several edits as one undo step (a fix, an import): all or none.
    Batch {
        label: String,
        edits: Vec<Edit>,
    },
}

impl Edit {
    /// A short name for undo and redo, e.g. `add A www.example.com.`.
    pub fn label(&self) -> String {
        match self {
            Edit::CreateAccount { id, .. } => format!("add account {id}"),
            Edit::CreateHostedZone { name, .. } => format!("create hosted zone {name}"),
            Edit::DeleteHostedZone { zone_id } => format!("delete hosted zone {zone_id}"),
            Edit::RecreateHostedZone { zone_id } => format!("recreate hosted zone {zone_id}"),
            Edit::PutRecordSet {
                replacing: None,
                set,
                ..
            } => format!("add {} {}", set.rtype, set.name),
            Edit::PutRecordSet { set, .. } => format!("edit {} {}", set.rtype, set.name),
            Edit::DeleteRecordSet { name, rtype, .. } => format!("delete {rtype} {name}"),
            Edit::ChangeRecordSets { changes, .. } => {
                format!("change {} record sets", changes.len())
            }
            Edit::SetRegistryDelegation { domain, .. } => format!("set registrar NS of {domain}"),
            Edit::DelegateToChild { .. } => "delegate to the child zone".into(),
            Edit::AdvanceClock { seconds } => format!("advance the clock {seconds} s"),
            Edit::RequestCertificate { domain, .. } => {
                format!("request a certificate for {domain}")
            }
            Edit::CreateValidationRecords { .. } => {
                "create the validation records in Route 53".into()
            }
            Edit::ValidateCertificate { .. } => "run ACM's validation checks".into(),
            Edit::FlushCache => "flush the resolver cache".into(),
            Edit::Batch { label, .. } => label.clone(),
        }
    }

    /// Whether the edit would apply, without changing the scenario.
    pub fn check(&self, s: &Scenario) -> Result<(), String> {
        self.apply(&mut s.clone())
    }

    /// Applies the edit, or changes nothing and says why.
    pub fn apply(&self, s: &mut Scenario) -> Result<(), String> {
        let mut draft = s.clone();
        apply_to(&mut draft, self)?;
        *s = draft;
        Ok(())
    }
}

fn apply_to(s: &mut Scenario, edit: &Edit) -> Result<(), String> {
    let text = |e: route53::Route53Error| e.to_string();
    match edit {
        Edit::CreateAccount { id, label } => {
            route53::create_account(&mut s.aws, id, label).map_err(text)
        }
        Edit::CreateHostedZone {
            account,
            name,
            caller_reference,
        } => route53::create_hosted_zone(&mut s.world, &mut s.aws, account, name, caller_reference)
            .map(|_| ())
            .map_err(text),
        Edit::DeleteHostedZone { zone_id } => {
            route53::delete_hosted_zone(&mut s.world, &mut s.aws, zone_id).map_err(text)
        }
        Edit::RecreateHostedZone { zone_id } => {
            route53::recreate_hosted_zone(&mut s.world, &mut s.aws, zone_id)
                .map(|_| ())
                .map_err(text)
        }
        Edit::PutRecordSet {
            zone_id,
            replacing,
            set,
        } => {
            let mut changes = Vec::new();
            if let Some((name, rtype)) = replacing
                && (name != &set.name || *rtype != set.rtype)
            {
                let old = zone(s, zone_id)?
                    .get(name, *rtype)
                    .cloned()
                    .ok_or_else(|| format!("{rtype} {name} no longer exists"))?;
                changes.push(Change {
                    action: ChangeAction::Delete,
                    set: old,
                });
            }
            let action = if replacing.is_some() {
                ChangeAction::Upsert
            } else {
                ChangeAction::Create
            };
            changes.push(Change {
                action,
                set: set.clone(),
            });
            change(s, zone_id, &changes)
        }
        Edit::DeleteRecordSet {
            zone_id,
            name,
            rtype,
        } => {
            let old = zone(s, zone_id)?
                .get(name, *rtype)
                .cloned()
                .ok_or_else(|| format!("{rtype} {name} does not exist"))?;
            change(
                s,
                zone_id,
                &[Change {
                    action: ChangeAction::Delete,
                    set: old,
                }],
            )
        }
        Edit::ChangeRecordSets { zone_id, changes } => change(s, zone_id, changes),
        Edit::SetRegistryDelegation { domain, servers } => {
            internet::set_registry_delegation(&mut s.world, domain, servers)
        }
        Edit::DelegateToChild { child_zone_id, ttl } => {
            let child = zone(s, child_zone_id)?;
            let origin = child.origin.clone();
            let ns = child
                .apex_ns()
                .cloned()
                .ok_or("the child zone has no NS records")?;
            let parent = s
                .aws
                .hosted_zones
                .iter()
                .filter(|z| z.id != *child_zone_id && z.name != origin && z.name.zone_of(&origin))
                .max_by_key(|z| z.name.num_labels())
                .map(|z| z.id.clone());
            match parent {
                Some(parent) => {
                    let set = RecordSet::new(origin, RecordType::NS, *ttl, ns.values);
                    change(
                        s,
                        &parent,
                        &[Change {
                            action: ChangeAction::Upsert,
                            set,
                        }],
                    )
                }
                // No parent hosted zone: the parent is the TLD, where the registrar sets it.
                None => {
                    let servers = crate::dns::answer::ns_targets(ns.records().iter());
                    internet::set_registry_delegation(&mut s.world, &origin, &servers)
                }
            }
        }
        Edit::AdvanceClock { seconds } => {
            crate::scenario::clock::advanced(s.clock, *seconds)?;
            acm::advance(s, *seconds);
            Ok(())
        }
        Edit::RequestCertificate {
            account,
            domain,
            sans,
        } => acm::request_certificate(s, account, domain, sans)
            .map(|_| ())
            .map_err(|e| e.to_string()),
        Edit::CreateValidationRecords { arn } => {
            let plans = acm::create_records_in_route53(s, arn).map_err(|e| e.to_string())?;
            let blocked: Vec<String> = plans
                .iter()
                .filter_map(|p| match &p.target {
                    acm::Target::NoZone { reason } => Some(reason.clone()),
                    acm::Target::Zone { .. } => None,
                })
                .collect();
            let created = plans
                .iter()
                .filter(|p| matches!(p.target, acm::Target::Zone { present: false, .. }))
                .count();
            match (created, blocked.is_empty()) {
                // Nothing the console could write and something it could not: say why.
                (0, false) => Err(blocked.join("; ")),
                (0, true) => {
                    Err("every validation record is already in its zone: nothing to create".into())
                }
                _ => Ok(()),
            }
        }
        Edit::ValidateCertificate { arn } => {
            let now = s.clock;
            let cert = s
                .aws
                .certificate(arn)
                .ok_or_else(|| acm::AcmError::NoSuchCertificate(arn.clone()).to_string())?;
            match cert.next_check {
                None => Err(format!(
                    "the certificate is {}: ACM no longer checks it",
                    cert.status
                )),
                Some(at) if at > now => Err(format!(
                    "ACM's next check is at {} ({} after the request); advance the clock to it",
                    acm::history::iso_time(at),
                    acm::history::elapsed_text(at.saturating_sub(cert.requested_at))
                )),
                Some(_) => acm::validate(s, arn, now)
                    .map(|_| ())
                    .map_err(|e| e.to_string()),
            }
        }
        Edit::FlushCache => {
            s.resolver_cache.clear();
            Ok(())
        }
        Edit::Batch { edits, .. } => edits.iter().try_for_each(|e| apply_to(s, e)),
    }
}

fn zone<'a>(s: &'a Scenario, id: &str) -> Result<&'a crate::dns::Zone, String> {
    s.world
        .zone(id)
        .ok_or_else(|| format!("no zone {id} in this scenario"))
}

fn change(s: &mut Scenario, zone_id: &str, changes: &[Change]) -> Result<(), String> {
    if s.aws.hosted_zone(zone_id).is_some() {
        return route53::change_record_sets(&mut s.world, &s.aws, zone_id, changes)
            .map_err(|e| e.to_string());
    }
    // Internet fixtures (TLDs, loaded zone files) follow the same rules.
    let mut draft = zone(s, zone_id)?.clone();
    for c in changes {
        route53::apply(&mut draft, c)?;
    }
    s.world.replace_zone(draft);
    Ok(())
}

/// Parses a list of name servers as typed (one per line or separated by spaces or commas).
pub fn parse_servers(text: &str) -> Result<Vec<Name>, String> {
    let mut out = Vec::new();
    let mut seen = rustc_hash::FxHashSet::default();
    for word in text
        .split([',', ' ', '\n', '\t'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
    {
        let name = parse_absolute(word).map_err(|e| format!("\"{word}\": {e}"))?;
        if seen.insert(name.clone()) {
            out.push(name);
        }
    }
    if out.is_empty() {
        return Err("enter at least one name server".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
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
        let err = bad.apply(&mut s).unwrap_err();
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
            parse_servers("  ").unwrap_err(),
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
            edit.apply(&mut s).unwrap_err(),
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
                .unwrap_err(),
            format!(
                "ACM's next check is at {} (+0h05m after the request); advance the clock to it",
                crate::aws::acm::history::iso_time(s.clock + 300)
            )
        );
        let create = Edit::CreateValidationRecords { arn: arn.clone() };
        assert_eq!(create.label(), "create the validation records in Route 53");
        create.apply(&mut s).unwrap();
        assert_eq!(
            create.apply(&mut s.clone()).unwrap_err(),
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
        .unwrap_err();
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
            .unwrap_err();
        assert!(
            err.starts_with("no hosted zone in account 222222222222 matches _"),
            "{err}"
        );
        assert!(err.contains("is in account 111111111111"), "{err}");
        assert_eq!(s, before);
    }
}
