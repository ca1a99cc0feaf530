//! ACM's validation loop on the simulated clock. At each scheduled check (see
//! [`schedule`](super::schedule)) ACM looks for every validation record whose names are
//! still pending; a record found with the right value validates the names it covers. When
//! every name is validated, ACM checks CAA for each name (after validation, as the ACM User
//! Guide says) and issues the certificate, or fails it with CAA_ERROR. If 72 hours pass
//! first, the certificate is VALIDATION_TIMED_OUT.
//!
//! Time is a parameter: [`validate`] runs the checks of one certificate that are due by a
//! given time, [`validate_all`] every certificate's due checks, and [`next_check`] says when
//! one certificate's next check is (moving the document's clock is the document's part:
//! `scenario::acm_ops`). The world does not change during one call, so a lookup repeated at
//! later checks of the same call would find exactly the same thing: it is resolved once and
//! its result counted for each later check.

use std::collections::HashMap;

use hickory_proto::rr::Name;

use super::AcmError;
use super::caa::{self, CaaCheck};
use super::certificate::{Certificate, CertificateStatus, DomainStatus, FailureReason};
use super::check::{RecordCheck, check_record};
use super::history::{CheckRecord, CheckResult, Event};
use super::schedule;
use crate::aws::Aws;
use crate::dns::resolve::Resolution;
use crate::dns::world::World;

/// One check ACM made in a call, with the resolutions behind it (the document keeps only
/// the [`CheckRecord`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// The certificate the check was for.
    pub arn: String,
    /// What the check found; `repeated` and `until` count the later checks of the same call
    /// that found the same.
    pub record: CheckRecord,
    /// The lookups: one for a validation record; for CAA, one per name climbed.
    pub lookups: Vec<Resolution>,
}

/// Runs the checks of certificate `arn` due at or before `now`, looking names up in `world`.
/// The clock is the caller's to move.
pub fn validate(world: &World, aws: &mut Aws, arn: &str, now: u64) -> Result<Vec<Check>, AcmError> {
    let i = index(aws, arn)?;
    let mut cert = aws.certificates[i].clone();
    let mut out = Vec::new();
    run(world, aws, &mut cert, now, &mut out);
    aws.certificates[i] = cert;
    Ok(out)
}

/// Runs every certificate's checks due at or before `now`.
pub fn validate_all(world: &World, aws: &mut Aws, now: u64) -> Vec<Check> {
    let mut out = Vec::new();
    for i in 0..aws.certificates.len() {
        let mut cert = aws.certificates[i].clone();
        run(world, aws, &mut cert, now, &mut out);
        aws.certificates[i] = cert;
    }
    out
}

/// When ACM next looks for certificate `arn` (its next check, or its timeout); `None` once
/// the certificate has left PENDING_VALIDATION.
pub fn next_check(aws: &Aws, arn: &str) -> Result<Option<u64>, AcmError> {
    Ok(aws.certificates[index(aws, arn)?].next_check)
}

fn index(aws: &Aws, arn: &str) -> Result<usize, AcmError> {
    aws.certificates
        .iter()
        .position(|c| c.arn == arn)
        .ok_or_else(|| AcmError::NoSuchCertificate(arn.into()))
}

/// Lookups already made in this call, by record name or certificate name.
#[derive(Default)]
struct Memo {
    records: HashMap<Name, RecordCheck>,
    caa: HashMap<String, CaaCheck>,
    /// Where in `out` the first check of each key is.
    first: HashMap<String, usize>,
}

fn run(world: &World, aws: &Aws, cert: &mut Certificate, now: u64, out: &mut Vec<Check>) {
    let mut memo = Memo::default();
    let deadline = schedule::deadline(cert.requested_at);
    while cert.status == CertificateStatus::PendingValidation {
        let Some(at) = cert.next_check else { break };
        if at > now {
            break;
        }
        if at >= deadline {
            time_out(cert, deadline);
            break;
        }
        look_for_records(world, aws, cert, at, &mut memo, out);
        let all = cert
            .domain_validations
            .iter()
            .all(|d| d.status == DomainStatus::Success);
        if all {
            check_caa_and_issue(world, cert, at, &mut memo, out);
        } else {
            cert.next_check = Some(schedule::next_check(cert.requested_at, at));
        }
    }
}

fn look_for_records(
    world: &World,
    aws: &Aws,
    cert: &mut Certificate,
    at: u64,
    memo: &mut Memo,
    out: &mut Vec<Check>,
) {
    for (record, domains) in cert.records() {
        let pending = cert
            .domain_validations
            .iter()
            .any(|d| d.record.name == record.name && d.status == DomainStatus::PendingValidation);
        if !pending {
            continue;
        }
        let fresh = !memo.records.contains_key(&record.name);
        let found = memo
            .records
            .entry(record.name.clone())
            .or_insert_with(|| check_record(world, aws, &record, at))
            .clone();
        let entry = CheckRecord {
            at,
            repeated: 0,
            until: None,
            domains: domains.clone(),
            question: format!("CNAME {}", record.name),
            rcode: found.rcode.clone(),
            result: found.result,
            reason: found.reason.clone(),
        };
        note(
            cert,
            out,
            memo,
            format!("cname {}", record.name),
            entry,
            fresh.then(|| vec![found.resolution.clone()]),
        );
        if found.result == CheckResult::Found {
            for d in &mut cert.domain_validations {
                if d.record.name == record.name {
                    d.status = DomainStatus::Success;
                }
            }
        }
    }
}

fn check_caa_and_issue(
    world: &World,
    cert: &mut Certificate,
    at: u64,
    memo: &mut Memo,
    out: &mut Vec<Check>,
) {
    let mut forbidden = Vec::new();
    let names: Vec<String> = cert
        .domain_validations
        .iter()
        .map(|d| d.domain_name.clone())
        .collect();
    for name in names {
        let fresh = !memo.caa.contains_key(&name);
        let c = memo
            .caa
            .entry(name.clone())
            .or_insert_with(|| caa::check(world, &name, at))
            .clone();
        let asked: Vec<String> = c.climbed.iter().map(|n| n.to_string()).collect();
        let entry = CheckRecord {
            at,
            repeated: 0,
            until: None,
            domains: vec![name.clone()],
            question: format!("CAA {}", asked.join(", ")),
            rcode: c.rcode.clone(),
            result: if c.permits {
                CheckResult::CaaPermits
            } else {
                CheckResult::CaaForbids
            },
            reason: c.reason.clone(),
        };
        note(
            cert,
            out,
            memo,
            format!("caa {name}"),
            entry,
            fresh.then(|| c.lookups.clone()),
        );
        if !c.permits {
            forbidden.push((name, c.reason));
        }
    }
    cert.next_check = None;
    if forbidden.is_empty() {
        cert.status = CertificateStatus::Issued;
        cert.issued_at = Some(at);
        cert.history.push(Event::Status {
            at,
            status: CertificateStatus::Issued,
            failure_reason: None,
            why: "every name is validated and CAA lets Amazon issue".into(),
        });
        return;
    }
    for d in &mut cert.domain_validations {
        if forbidden.iter().any(|(n, _)| *n == d.domain_name) {
            d.status = DomainStatus::Failed;
        }
    }
    let which: Vec<String> = forbidden
        .iter()
        .map(|(n, why)| format!("{n}: {why}"))
        .collect();
    cert.status = CertificateStatus::Failed;
    cert.failure_reason = Some(FailureReason::CaaError);
    cert.history.push(Event::Status {
        at,
        status: CertificateStatus::Failed,
        failure_reason: Some(FailureReason::CaaError),
        why: format!(
            "CAA forbids Amazon to issue for {}. A failed request is final: fix the CAA records and request a new certificate",
            which.join("; ")
        ),
    });
}

fn time_out(cert: &mut Certificate, deadline: u64) {
    let pending: Vec<String> = cert
        .domain_validations
        .iter()
        .filter(|d| d.status == DomainStatus::PendingValidation)
        .map(|d| d.domain_name.clone())
        .collect();
    for d in &mut cert.domain_validations {
        if d.status == DomainStatus::PendingValidation {
            d.status = DomainStatus::Failed;
        }
    }
    cert.status = CertificateStatus::ValidationTimedOut;
    cert.next_check = None;
    cert.history.push(Event::Status {
        at: deadline,
        status: CertificateStatus::ValidationTimedOut,
        failure_reason: None,
        why: format!(
            "72 hours passed without finding the validation record of {}; request a new certificate once the record resolves",
            pending.join(", ")
        ),
    });
}

/// Adds a check to the history (folded into the previous check of the same names when it
/// found the same) and to this call's list (folded into its first occurrence when repeated).
fn note(
    cert: &mut Certificate,
    out: &mut Vec<Check>,
    memo: &mut Memo,
    key: String,
    entry: CheckRecord,
    lookups: Option<Vec<Resolution>>,
) {
    let at = entry.at;
    let previous = cert.history.iter_mut().rev().find_map(|e| match e {
        Event::Check(c)
            if c.domains == entry.domains && c.result.is_caa() == entry.result.is_caa() =>
        {
            Some(c)
        }
        _ => None,
    });
    match previous {
        Some(p) if p.same_finding(&entry) => {
            p.repeated += 1;
            p.until = Some(at);
        }
        _ => cert.history.push(Event::Check(entry.clone())),
    }
    match (lookups, memo.first.get(&key)) {
        (None, Some(&i)) => {
            out[i].record.repeated += 1;
            out[i].record.until = Some(at);
        }
        (lookups, _) => {
            memo.first.insert(key, out.len());
            out.push(Check {
                arn: cert.arn.clone(),
                record: entry,
                lookups: lookups.unwrap_or_default(),
            });
        }
    }
}
