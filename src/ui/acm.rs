//! The certificates panel's logic, free of the web: the request form's fields and their
//! errors (at the field they belong to), a certificate's status as a badge, the zone where a
//! validation record belongs, ACM's latest lookup replayed as a resolution to step through,
//! and the article's two outcomes (record in the child zone, record in the parent zone)
//! computed on copies of their presets.

use hickory_proto::rr::Name;

use crate::aws::acm::check::check_record;
use crate::aws::acm::history::{CheckRecord, CheckResult, Event, elapsed_text};
use crate::aws::acm::request::{MAX_NAMES, check_domain_name};
use crate::aws::acm::schedule::TIMEOUT;
use crate::aws::acm::{AcmError, Certificate, CertificateStatus, ResourceRecord};
use crate::dns::resolve::Resolution;
use crate::scenario::Scenario;
use crate::scenario::edit::Edit;
use crate::scenario::presets::{self, ACCOUNT_AWS, ACCOUNT_B};

/// What the request form holds, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestDraft {
    pub account: String,
    pub domain: String,
    /// Subject alternative names, separated by commas, spaces or new lines.
    pub sans: String,
}

/// The form's errors, each at its field; `general` for what no field owns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestErrors {
    pub account: Option<String>,
    pub domain: Option<String>,
    pub sans: Option<String>,
    pub general: Option<String>,
}

impl RequestErrors {
    pub fn is_empty(&self) -> bool {
        self.account.is_none()
            && self.domain.is_none()
            && self.sans.is_none()
            && self.general.is_none()
    }
}

/// The account a new request starts in: account B (the article's api team) when the
/// scenario has it, else the first account that is not AWS's own.
pub fn default_account(s: &Scenario) -> String {
    let users = || s.aws.accounts.iter().filter(|a| a.id != ACCOUNT_AWS);
    users()
        .find(|a| a.id == ACCOUNT_B)
        .or_else(|| users().next())
        .map(|a| a.id.clone())
        .unwrap_or_default()
}

/// The SANs field as a list: words separated by commas, spaces or new lines.
pub fn sans_list(text: &str) -> Vec<String> {
    text.split([',', ' ', '\n', '\t', ';'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// Why a name breaks ACM's rules, for the field: `"api.*.example.com": the * is not …`.
fn name_error(e: AcmError) -> String {
    match e {
        AcmError::InvalidDomainName { name, why, .. } if name.trim().is_empty() => {
            format!("Enter a domain name: {why}.")
        }
        AcmError::InvalidDomainName { name, why, .. } => format!("\"{}\": {why}.", name.trim()),
        other => other.to_string(),
    }
}

/// Checks the form field by field and returns the edit to make, or the errors at their
/// fields. What ACM would refuse beyond the fields (the document changed under the form)
/// comes back as `general`.
pub fn check_request(s: &Scenario, draft: &RequestDraft) -> Result<Edit, RequestErrors> {
    let mut errors = RequestErrors::default();
    if s.aws.account(&draft.account).is_none() {
        errors.account = Some("Choose the account that requests the certificate.".into());
    }
    let domain = check_domain_name(&draft.domain, "domainName").map_err(name_error);
    if let Err(e) = &domain {
        errors.domain = Some(e.clone());
    }
    let sans = sans_list(&draft.sans);
    for san in &sans {
        if let Err(e) = check_domain_name(san, "subjectAlternativeNames") {
            errors.sans = Some(name_error(e));
            break;
        }
    }
    if errors.sans.is_none() {
        let mut names: Vec<String> = domain.iter().cloned().collect();
        for san in &sans {
            let name = san.trim().trim_end_matches('.').to_ascii_lowercase();
            if !names.contains(&name) {
                names.push(name);
            }
        }
        if names.len() > MAX_NAMES {
            errors.sans = Some(format!(
                "A certificate may have at most {MAX_NAMES} names (ACM's default quota); this one has {}. Remove {}.",
                names.len(),
                names.len() - MAX_NAMES
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let edit = Edit::RequestCertificate {
        account: draft.account.clone(),
        domain: draft.domain.trim().to_string(),
        sans,
    };
    edit.check(s).map_err(|general| RequestErrors {
        general: Some(general.to_string()),
        ..RequestErrors::default()
    })?;
    Ok(edit)
}

/// The status as the badge shows it: `FAILED (CAA_ERROR)` for a failure with its reason.
pub fn status_text(cert: &Certificate) -> String {
    match cert.failure_reason {
        Some(reason) => format!("{} ({reason})", cert.status),
        None => cert.status.to_string(),
    }
}

/// The badge's class: `status-pending`, `status-issued`, `status-failed`, `status-timed-out`.
pub fn status_class(status: CertificateStatus) -> &'static str {
    match status {
        CertificateStatus::PendingValidation => "status-pending",
        CertificateStatus::Issued => "status-issued",
        CertificateStatus::Failed => "status-failed",
        CertificateStatus::ValidationTimedOut => "status-timed-out",
    }
}

/// The class of a check's result in the timeline: found/permits are good, not found and
/// wrong value are pending, failures are bad.
pub fn result_class(result: CheckResult) -> &'static str {
    match result {
        CheckResult::Found | CheckResult::CaaPermits => "result-ok",
        CheckResult::NotFound | CheckResult::WrongValue => "result-pending",
        CheckResult::LookupFailed | CheckResult::CaaForbids => "result-bad",
    }
}

/// When, for the timeline: `+0h05m` after the request.
pub fn since_request(cert: &Certificate, at: u64) -> String {
    elapsed_text(at.saturating_sub(cert.requested_at))
}

/// A hosted zone a record belongs in: the one (of any account) whose name is the longest
/// suffix of the record's name. The "go to zone" link selects it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneRef {
    pub zone_id: String,
    pub name: String,
    pub account: String,
}

pub fn zone_for(s: &Scenario, name: &Name) -> Option<ZoneRef> {
    s.aws
        .hosted_zones
        .iter()
        .filter(|z| z.name.zone_of(name) && s.world.zone(&z.id).is_some())
        .max_by_key(|z| z.name.num_labels())
        .map(|z| ZoneRef {
            zone_id: z.id.clone(),
            name: crate::ui::resolve::plain(&z.name),
            account: z.account.clone(),
        })
}

/// ACM's latest look for one validation record, replayed: the engine keeps what each check
/// found, not the resolution behind it, so the lookup is made again, at the time of that
/// check, against the zones as they are now.
#[derive(Debug, Clone, PartialEq)]
pub struct Lookup {
    pub record: ResourceRecord,
    /// The check as the certificate's history records it.
    pub check: CheckRecord,
    /// The time the lookup is replayed at (the last check of the entry).
    pub at: u64,
    pub resolution: Resolution,
    /// Whether the replay finds what the check found (false once the zones have changed).
    pub same_as_recorded: bool,
}

/// The latest check of the validation record named `name`, if ACM has looked for it.
pub fn latest_check<'a>(cert: &'a Certificate, name: &Name) -> Option<&'a CheckRecord> {
    let question = format!("CNAME {name}");
    cert.history.iter().rev().find_map(|e| match e {
        Event::Check(c) if c.question == question => Some(c),
        _ => None,
    })
}

/// ACM's latest look for the validation record named `name`, replayed, or `None` before
/// ACM's first look for it.
pub fn latest_lookup(s: &Scenario, cert: &Certificate, name: &Name) -> Option<Lookup> {
    let check = latest_check(cert, name)?.clone();
    let (record, _) = cert.records().into_iter().find(|(r, _)| &r.name == name)?;
    let at = check.last_at();
    let replay = check_record(&s.world, &s.aws, &record, at);
    Some(Lookup {
        same_as_recorded: replay.result == check.result && replay.reason == check.reason,
        record,
        check,
        at,
        resolution: replay.resolution,
    })
}

/// The dig command that drives the resolve panel through the same lookup.
pub fn trace_query(record: &ResourceRecord) -> String {
    format!("dig +trace {} CNAME", record.fqdn())
}

/// One column of the comparison: a preset run until ACM is done (72 simulated hours).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub preset: &'static str,
    /// Where the validation record was put: `api.example.com (account 222222222222)`.
    pub record_in: String,
    pub status: String,
    pub status_class: &'static str,
    /// When the final status came: `+0h00m` after the request.
    pub when: String,
    /// How many times ACM looked for the record.
    pub checks: u32,
    /// What the last look found, with the server that said so.
    pub last_check: String,
    /// The rcode of the last look: NOERROR, NXDOMAIN, ...
    pub rcode: String,
    /// Why the status is final, as ACM's history says.
    pub why: String,
}

/// Runs the acm-issued and acm-in-parent presets through 72 simulated hours, on copies:
/// the user's document is not touched.
pub fn compare() -> [Outcome; 2] {
    ["acm-issued", "acm-in-parent"].map(|id| {
        let mut s = presets::build(id).expect("the ACM presets exist");
        Edit::AdvanceClock { seconds: TIMEOUT }
            .apply(&mut s)
            .expect("advancing the clock always applies");
        outcome(&s, id)
    })
}

fn outcome(s: &Scenario, preset: &'static str) -> Outcome {
    let cert = s
        .aws
        .certificates
        .last()
        .expect("the preset has a certificate");
    let (record, _) = cert.records().into_iter().next().expect("one record");
    let record_in = s
        .world
        .zones
        .iter()
        .find(|z| {
            z.get(&record.name, hickory_proto::rr::RecordType::CNAME)
                .is_some()
        })
        .map(|z| {
            let account = s
                .aws
                .hosted_zone(&z.id)
                .map(|hz| format!(" (account {})", hz.account))
                .unwrap_or_default();
            format!("{}{account}", crate::ui::resolve::plain(&z.origin))
        })
        .unwrap_or_else(|| "nowhere".into());
    let lookups: Vec<&CheckRecord> = cert
        .history
        .iter()
        .filter_map(|e| match e {
            Event::Check(c) if !c.result.is_caa() => Some(c),
            _ => None,
        })
        .collect();
    let (at, why) = cert
        .history
        .iter()
        .rev()
        .find_map(|e| match e {
            Event::Status { at, why, .. } => Some((*at, why.clone())),
            Event::Check(_) => None,
        })
        .unwrap_or((cert.requested_at, String::new()));
    let last = lookups.last();
    Outcome {
        preset,
        record_in,
        status: status_text(cert),
        status_class: status_class(cert.status),
        when: since_request(cert, at),
        checks: lookups.iter().map(|c| c.repeated + 1).sum(),
        last_check: last.map(|c| c.reason.clone()).unwrap_or_default(),
        rcode: last.map(|c| c.rcode.clone()).unwrap_or_default(),
        why,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::resolve::OutcomeKind;

    fn draft(domain: &str, sans: &str) -> RequestDraft {
        RequestDraft {
            account: ACCOUNT_B.into(),
            domain: domain.into(),
            sans: sans.into(),
        }
    }

    #[test]
    fn a_good_request_becomes_one_edit() {
        let s = presets::build("article").unwrap();
        assert_eq!(default_account(&s), ACCOUNT_B);
        assert_eq!(
            check_request(
                &s,
                &draft(
                    " api.example.com ",
                    "*.api.example.com,\nwww.api.example.com"
                )
            ),
            Ok(Edit::RequestCertificate {
                account: ACCOUNT_B.into(),
                domain: "api.example.com".into(),
                sans: vec!["*.api.example.com".into(), "www.api.example.com".into()],
            })
        );
    }

    #[test]
    fn errors_sit_at_their_fields() {
        let s = presets::build("article").unwrap();
        let e = check_request(
            &s,
            &draft("api.*.example.com", "ok.example.com, bad_name.example.com"),
        )
        .unwrap_err();
        assert_eq!(
            e.domain.as_deref(),
            Some(
                "\"api.*.example.com\": the * is not the leftmost label; a wildcard may only be the whole leftmost label, as in *.api.example.com."
            )
        );
        assert_eq!(
            e.sans.as_deref(),
            Some(
                "\"bad_name.example.com\": the label \"bad_name\" holds '_'; ACM takes only letters, digits and hyphens."
            )
        );
        assert_eq!(e.account, None);
        let e = check_request(&s, &RequestDraft::default()).unwrap_err();
        assert_eq!(
            e.account.as_deref(),
            Some("Choose the account that requests the certificate.")
        );
        assert_eq!(
            e.domain.as_deref(),
            Some(
                "Enter a domain name: the name is empty; give a domain name such as api.example.com or *.api.example.com."
            )
        );
        let many: Vec<String> = (0..10).map(|i| format!("n{i}.example.com")).collect();
        let e = check_request(&s, &draft("example.com", &many.join(" "))).unwrap_err();
        assert_eq!(
            e.sans.as_deref(),
            Some(
                "A certificate may have at most 10 names (ACM's default quota); this one has 11. Remove 1."
            )
        );
    }

    #[test]
    fn statuses_read_as_acm_writes_them() {
        let mut s = presets::build("acm-caa").unwrap();
        Edit::AdvanceClock { seconds: 60 }.apply(&mut s).unwrap();
        let cert = s.aws.certificates.last().unwrap();
        assert_eq!(status_text(cert), "FAILED (CAA_ERROR)");
        assert_eq!(status_class(cert.status), "status-failed");
    }

    #[test]
    fn the_latest_lookup_of_the_record_in_the_parent_ends_in_nxdomain_from_the_child() {
        let mut s = presets::build("acm-in-parent").unwrap();
        let cert = s.aws.certificates.last().unwrap().clone();
        let name = cert.records()[0].0.name.clone();
        assert_eq!(latest_lookup(&s, &cert, &name), None);
        Edit::AdvanceClock { seconds: 3600 }.apply(&mut s).unwrap();
        let cert = s.aws.certificates.last().unwrap();
        let lookup = latest_lookup(&s, cert, &name).unwrap();
        assert!(lookup.same_as_recorded);
        assert_eq!(lookup.check.rcode, "NXDOMAIN");
        assert_eq!(lookup.check.repeated, 12);
        assert_eq!(lookup.at, cert.requested_at + 3600);
        assert_eq!(lookup.resolution.outcome.kind, OutcomeKind::NxDomain);
        let last = lookup.resolution.steps.last().unwrap();
        assert_eq!(
            last.reply()
                .unwrap()
                .zone_origin
                .as_ref()
                .unwrap()
                .to_string(),
            "api.example.com."
        );
        assert_eq!(
            trace_query(&lookup.record),
            format!("dig +trace {} CNAME", lookup.record.fqdn())
        );
        let zone = zone_for(&s, &lookup.record.name).unwrap();
        assert_eq!(
            (zone.name.as_str(), zone.account.as_str()),
            ("api.example.com", ACCOUNT_B)
        );
    }

    #[test]
    fn the_two_outcomes_of_the_article() {
        let [child, parent] = compare();
        assert_eq!(child.record_in, "api.example.com (account 222222222222)");
        assert_eq!(child.status, "ISSUED");
        assert_eq!(child.when, "+0h00m");
        assert_eq!(child.checks, 1);
        assert_eq!(child.rcode, "NOERROR");
        assert_eq!(parent.record_in, "example.com (account 111111111111)");
        assert_eq!(parent.status, "VALIDATION_TIMED_OUT");
        assert_eq!(parent.status_class, "status-timed-out");
        assert_eq!(parent.when, "+72h00m");
        assert_eq!(parent.checks, 13 + 141);
        assert_eq!(parent.rcode, "NXDOMAIN");
        assert!(
            parent.last_check.contains("answered NXDOMAIN"),
            "{}",
            parent.last_check
        );
        assert!(
            parent.last_check.contains("zone api.example.com."),
            "{}",
            parent.last_check
        );
        assert!(parent.why.starts_with("72 hours passed"), "{}", parent.why);
    }

    #[test]
    fn each_record_of_two_zones_has_its_own_lookup() {
        let mut s = presets::build("acm-two-zones").unwrap();
        Edit::AdvanceClock { seconds: 60 }.apply(&mut s).unwrap();
        let cert = s.aws.certificates.last().unwrap();
        assert_eq!(status_text(cert), "ISSUED");
        let zones: Vec<String> = cert
            .records()
            .iter()
            .map(|(r, _)| {
                let l = latest_lookup(&s, cert, &r.name).unwrap();
                assert_eq!(l.check.result, CheckResult::Found);
                let last = l.resolution.steps.last().unwrap();
                last.reply()
                    .unwrap()
                    .zone_origin
                    .as_ref()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(zones, ["api.example.com.", "shop.example.com."]);
    }
}
