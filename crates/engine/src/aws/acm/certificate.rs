//! An ACM certificate as `aws acm describe-certificate` shows it: the ARN, the names, the
//! status and failure reason, and per domain name its DNS validation option (the CNAME ACM
//! asks for and that name's validation status), plus the simulation's own record of when
//! ACM looks next and what each look found.

use hickory_proto::rr::{Name, RecordType};
use serde::{Deserialize, Serialize};

use super::history::Event;
use crate::dns::rrset::RecordSet;

/// The region every simulated certificate lives in (CloudFront only takes certificates
/// from us-east-1, so the article's certificates live there too).
pub const REGION: &str = "us-east-1";

/// `Status` of a certificate. The simulation produces the four a DNS-validated request can
/// reach (ACM also has INACTIVE, EXPIRED and REVOKED, which need time or actions that the
/// simulation does not model).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CertificateStatus {
    PendingValidation,
    Issued,
    Failed,
    ValidationTimedOut,
}

impl CertificateStatus {
    /// The API's spelling: `PENDING_VALIDATION`, `ISSUED`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PendingValidation => "PENDING_VALIDATION",
            Self::Issued => "ISSUED",
            Self::Failed => "FAILED",
            Self::ValidationTimedOut => "VALIDATION_TIMED_OUT",
        }
    }
}

impl std::fmt::Display for CertificateStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `ValidationStatus` of one domain name (ACM's `DomainStatus`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DomainStatus {
    PendingValidation,
    Success,
    Failed,
}

impl DomainStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PendingValidation => "PENDING_VALIDATION",
            Self::Success => "SUCCESS",
            Self::Failed => "FAILED",
        }
    }
}

impl std::fmt::Display for DomainStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `FailureReason` of a FAILED certificate. Only CAA can fail a DNS-validated request in
/// the simulation (ACM's other reasons concern e-mail contacts, fraud checks and private CAs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum FailureReason {
    CaaError,
}

impl FailureReason {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CaaError => "CAA_ERROR",
        }
    }
}

impl std::fmt::Display for FailureReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The CNAME ACM asks for (`ResourceRecord`; its type is always CNAME).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourceRecord {
    /// `_<32 hex>.<domain without *.>.`
    #[serde(with = "crate::dns::name::serde_text")]
    pub name: Name,
    /// `_<32 hex>.<10 letters>.acm-validations.aws.`
    #[serde(with = "crate::dns::name::serde_text")]
    pub value: Name,
}

impl ResourceRecord {
    pub fn rtype(&self) -> RecordType {
        RecordType::CNAME
    }

    /// The record as a Route 53 record set with `ttl`.
    pub fn record_set(&self, ttl: u32) -> RecordSet {
        RecordSet::new(
            self.name.clone(),
            RecordType::CNAME,
            ttl,
            vec![hickory_proto::rr::RData::CNAME(
                hickory_proto::rr::rdata::CNAME(self.value.clone()),
            )],
        )
    }

    /// The record name as Terraform's `aws_route53_record.fqdn` gives it: no final dot.
    pub fn fqdn(&self) -> String {
        crate::dns::name::plain(&self.name)
    }
}

/// One entry of `DomainValidationOptions` (DNS validation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DomainValidation {
    /// As requested, lower case, without a final dot: `*.api.example.com`.
    pub domain_name: String,
    pub status: DomainStatus,
    pub record: ResourceRecord,
}

impl DomainValidation {
    pub fn is_wildcard(&self) -> bool {
        self.domain_name.starts_with("*.")
    }

    /// The name the wildcard stands under (the domain itself when it is not a wildcard):
    /// where the validation record and the CAA search start.
    pub fn base_name(&self) -> &str {
        self.domain_name
            .strip_prefix("*.")
            .unwrap_or(&self.domain_name)
    }
}

/// A public certificate requested with DNS validation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Certificate {
    /// `arn:aws:acm:us-east-1:<account>:certificate/<uuid>`
    pub arn: String,
    pub account: String,
    /// The first name requested; ACM lists it first among the subject alternative names too.
    pub domain_name: String,
    /// Every name of the certificate, the domain name first, as ACM lists them.
    pub subject_alternative_names: Vec<String>,
    pub status: CertificateStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_reason: Option<FailureReason>,
    /// Simulated time of the request (seconds since the Unix epoch).
    pub requested_at: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_at: Option<u64>,
    /// One per name, in the order of `subject_alternative_names`.
    pub domain_validations: Vec<DomainValidation>,
    /// When ACM looks next; at the 72-hour deadline it gives up instead. `None` once the
    /// certificate has left PENDING_VALIDATION.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_check: Option<u64>,
    /// What happened, in time order: the request, each check, each status change.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Event>,
}

impl Certificate {
    /// The distinct validation records, in the order of the names, each with the names it
    /// validates (a wildcard and its base name share one).
    pub fn records(&self) -> Vec<(ResourceRecord, Vec<String>)> {
        let mut out: Vec<(ResourceRecord, Vec<String>)> = Vec::new();
        for dv in &self.domain_validations {
            match out.iter_mut().find(|(r, _)| r.name == dv.record.name) {
                Some((_, names)) => names.push(dv.domain_name.clone()),
                None => out.push((dv.record.clone(), vec![dv.domain_name.clone()])),
            }
        }
        out
    }

    /// The certificate id: the UUID at the end of the ARN.
    pub fn id(&self) -> &str {
        self.arn.rsplit('/').next().unwrap_or(&self.arn)
    }
}
