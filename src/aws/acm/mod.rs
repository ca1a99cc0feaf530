//! ACM (AWS Certificate Manager) as the article needs it: public certificates requested
//! with DNS validation, the validation records ACM asks for, the console's "Create records
//! in Route 53", and validation as ACM runs it on the simulated clock (a lookup from the
//! root, CAA after validation, the 72-hour timeout), with the Terraform view of it.
//!
//! - [`certificate`]: the certificate, its statuses and validation options.
//! - [`token`]: the validation record of a name in an account (deterministic).
//! - [`request`]: `request-certificate` and ACM's name rules.
//! - [`console`]: "Create records in Route 53" (same account only).
//! - [`check`]: one look for a validation record; [`caa`]: the CAA check (RFC 8659).
//! - [`schedule`]: when ACM looks, and the deadline.
//! - [`validate`]: the validation loop; [`history`]: what the document keeps of it.
//! - [`terraform`]: what `aws_acm_certificate_validation` waits for.
//! - [`describe`]: `describe-certificate` JSON; [`error`]: the API's errors.
//!
//! Every operation takes the parts of the document it reads or changes (the world, the
//! AWS state, the time, the seed), never the document: `scenario::acm_ops` lends them from a
//! `Scenario` and moves its clock, so `aws` does not depend on `scenario`.

pub mod caa;
pub mod certificate;
pub mod check;
pub mod console;
pub mod describe;
pub mod error;
pub mod history;
pub mod request;
pub mod schedule;
pub mod terraform;
pub mod token;
pub mod validate;

pub use certificate::{
    Certificate, CertificateStatus, DomainStatus, DomainValidation, FailureReason, ResourceRecord,
};
pub use console::{RecordPlan, Target, plan};
pub use describe::describe_json;
pub use error::AcmError;
pub use history::{CheckRecord, CheckResult, Event};
pub use terraform::{TerraformView, terraform_view};
pub use validate::{Check, validate_all};

/// Transitional: the document-level calls that `scenario/edit.rs` makes here
/// (`acm::advance(s, seconds)` and the three below), until it calls `scenario::acm_ops`
/// (same shapes), which implements [`transitional::Document`] for `Scenario`. The engine's
/// own callers use `scenario::acm_ops`; remove this and the four functions with it.
pub mod transitional {
    use super::{AcmError, Check, RecordPlan};

    /// A document holding ACM's state (`scenario::Scenario`).
    pub trait Document {
        fn advance(&mut self, seconds: u64) -> Vec<Check>;
        fn request_certificate(
            &mut self,
            account: &str,
            domain: &str,
            sans: &[String],
        ) -> Result<String, AcmError>;
        fn create_records_in_route53(&mut self, arn: &str) -> Result<Vec<RecordPlan>, AcmError>;
        fn validate(&mut self, arn: &str, now: u64) -> Result<Vec<Check>, AcmError>;
    }
}

/// Transitional: `scenario::acm_ops::advance`.
pub fn advance(s: &mut impl transitional::Document, seconds: u64) -> Vec<Check> {
    s.advance(seconds)
}

/// Transitional: `scenario::acm_ops::request_certificate`.
pub fn request_certificate(
    s: &mut impl transitional::Document,
    account: &str,
    domain: &str,
    sans: &[String],
) -> Result<String, AcmError> {
    s.request_certificate(account, domain, sans)
}

/// Transitional: `scenario::acm_ops::create_records_in_route53`.
pub fn create_records_in_route53(
    s: &mut impl transitional::Document,
    arn: &str,
) -> Result<Vec<RecordPlan>, AcmError> {
    s.create_records_in_route53(arn)
}

/// Transitional: `scenario::acm_ops::validate`.
pub fn validate(
    s: &mut impl transitional::Document,
    arn: &str,
    now: u64,
) -> Result<Vec<Check>, AcmError> {
    s.validate(arn, now)
}
