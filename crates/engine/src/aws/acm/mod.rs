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
