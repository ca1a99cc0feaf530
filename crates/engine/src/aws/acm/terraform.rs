//! The article's Terraform view of a certificate: `aws_acm_certificate_validation` takes the
//! certificate ARN and `validation_record_fqdns` (the `fqdn` of each validation record,
//! without a final dot), refuses to start when one of the certificate's records is missing
//! from that list ("missing <name> DNS validation record: <fqdn>"), then polls ACM until
//! the certificate is ISSUED, for at most 75 minutes by default; FAILED ends it at once with
//! the failure reason. (terraform-provider-aws, internal/service/acm/certificate_validation.go;
//! the messages are terraform-plugin-sdk's retry errors.)
//!
//! For each record the view also names the hosted zone that answers for the record's name
//! when resolved from the root: the zone its `aws_route53_record` must use.

use std::fmt::Write;

use hickory_proto::rr::{Name, RecordType};

use super::AcmError;
use super::certificate::{Certificate, CertificateStatus};
use crate::aws::Aws;
use crate::dns::answer::Question;
use crate::dns::duration::go_duration_text;
use crate::dns::resolve;
use crate::dns::world::World;

/// The provider's default create timeout for `aws_acm_certificate_validation`.
pub const CREATE_TIMEOUT: u64 = 75 * 60;

/// One validation record as Terraform sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TerraformRecord {
    /// `aws_route53_record.<name>.fqdn`: the record name without the final dot.
    pub fqdn: String,
    pub value: Name,
    /// The certificate names it validates.
    pub domains: Vec<String>,
    /// The hosted zone that answers for the name when resolved from the root (its id, name
    /// and account), if one does.
    pub authoritative_zone: Option<(String, Name, String)>,
}

/// What `aws_acm_certificate_validation` needs and what it ends with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TerraformView {
    pub certificate_arn: String,
    /// The list `validation_record_fqdns` must cover.
    pub validation_record_fqdns: Vec<String>,
    pub records: Vec<TerraformRecord>,
    /// The status the resource waits for.
    pub waits_for: CertificateStatus,
    pub timeout_seconds: u64,
    /// What `terraform apply` ends with, for an apply started when the certificate was
    /// requested, given what the simulation knows so far.
    pub outcome: String,
}

/// The Terraform view of certificate `arn` at time `now`, its records resolved in `world`.
pub fn terraform_view(
    world: &World,
    aws: &Aws,
    now: u64,
    arn: &str,
) -> Result<TerraformView, AcmError> {
    let cert = aws
        .certificates
        .iter()
        .find(|c| c.arn == arn)
        .ok_or_else(|| AcmError::NoSuchCertificate(arn.into()))?;
    let records: Vec<TerraformRecord> = cert
        .records()
        .into_iter()
        .map(|(record, domains)| {
            let q = Question::new(record.name.clone(), RecordType::CNAME);
            let r = resolve::trace(world, &q, now);
            let authoritative_zone = r
                .steps
                .iter()
                .rev()
                .filter(|st| st.depth == 0)
                .find_map(|st| st.reply()?.zone_id.clone())
                .and_then(|id| aws.hosted_zone(&id))
                .map(|hz| (hz.id.clone(), hz.name.clone(), hz.account.clone()));
            TerraformRecord {
                fqdn: record.fqdn(),
                value: record.value,
                domains,
                authoritative_zone,
            }
        })
        .collect();
    Ok(TerraformView {
        certificate_arn: cert.arn.clone(),
        validation_record_fqdns: records.iter().map(|r| r.fqdn.clone()).collect(),
        records,
        waits_for: CertificateStatus::Issued,
        timeout_seconds: CREATE_TIMEOUT,
        outcome: apply_outcome(cert, now),
    })
}

/// Terraform's check of `validation_record_fqdns` before it waits: one error line per
/// record of the certificate that the list lacks (final dots do not matter).
pub fn missing_fqdns(cert: &Certificate, given: &[&str]) -> Vec<String> {
    let given: Vec<&str> = given.iter().map(|g| g.trim_end_matches('.')).collect();
    let mut out = Vec::new();
    for dv in &cert.domain_validations {
        let fqdn = dv.record.fqdn();
        let line = format!("missing {} DNS validation record: {fqdn}", dv.domain_name);
        if !given.contains(&fqdn.as_str()) && !out.contains(&line) {
            out.push(line);
        }
    }
    out
}

/// How `terraform apply` ends for an apply started at the request, seen at `now`.
pub fn apply_outcome(cert: &Certificate, now: u64) -> String {
    let limit = cert.requested_at.saturating_add(CREATE_TIMEOUT);
    let prefix = format!("waiting for ACM Certificate ({}) to be issued", cert.arn);
    match cert.status {
        CertificateStatus::Issued if cert.issued_at.is_some_and(|t| t <= limit) => format!(
            "aws_acm_certificate_validation.cert: Creation complete after {}",
            go_duration_text(
                cert.issued_at
                    .unwrap_or(limit)
                    .saturating_sub(cert.requested_at)
            )
        ),
        CertificateStatus::Failed if failed_at(cert).is_some_and(|t| t <= limit) => format!(
            "Error: {prefix}: unexpected state 'FAILED', wanted target 'ISSUED'. last error: {}",
            cert.failure_reason.map(|r| r.as_str()).unwrap_or("OTHER")
        ),
        _ if now >= limit => format!(
            "Error: {prefix}: timeout while waiting for state to become 'ISSUED' (last state: 'PENDING_VALIDATION', timeout: 1h15m0s)"
        ),
        _ => format!(
            "aws_acm_certificate_validation.cert: Still creating... [{} elapsed]",
            go_duration_text(now.saturating_sub(cert.requested_at))
        ),
    }
}

fn failed_at(cert: &Certificate) -> Option<u64> {
    cert.history.iter().rev().find_map(|e| match e {
        super::history::Event::Status {
            at,
            status: CertificateStatus::Failed,
            ..
        } => Some(*at),
        _ => None,
    })
}

impl TerraformView {
    /// The HCL of the article's pattern for this certificate: one `aws_route53_record` per
    /// validation record, in the zone that answers for it, and the validation resource.
    pub fn text(&self) -> String {
        let mut t = String::new();
        for (i, r) in self.records.iter().enumerate() {
            let zone = match &r.authoritative_zone {
                Some((id, name, account)) => {
                    format!(
                        "\"{id}\" # {name} in account {account}: the zone that answers for this name"
                    )
                }
                None => "\"?\" # no hosted zone answers for this name yet".to_string(),
            };
            let _ = writeln!(t, "# validates {}", r.domains.join(", "));
            let _ = writeln!(
                t,
                "resource \"aws_route53_record\" \"cert_validation_{i}\" {{"
            );
            let _ = writeln!(t, "  zone_id = {zone}");
            let _ = writeln!(t, "  name    = \"{}\"", r.fqdn);
            let _ = writeln!(t, "  type    = \"CNAME\"");
            let _ = writeln!(t, "  ttl     = 60");
            let _ = writeln!(t, "  records = [\"{}\"]", r.value);
            let _ = writeln!(t, "}}\n");
        }
        let _ = writeln!(
            t,
            "# waits until the certificate is {} (at most {} minutes by default)",
            self.waits_for,
            self.timeout_seconds / 60
        );
        let _ = writeln!(t, "resource \"aws_acm_certificate_validation\" \"cert\" {{");
        let _ = writeln!(
            t,
            "  certificate_arn         = \"{}\"",
            self.certificate_arn
        );
        let _ = writeln!(t, "  validation_record_fqdns = [");
        for f in &self.validation_record_fqdns {
            let _ = writeln!(t, "    \"{f}\",");
        }
        let _ = writeln!(t, "  ]");
        let _ = writeln!(t, "}}");
        let _ = writeln!(t, "\n# terraform apply: {}", self.outcome);
        t
    }
}
