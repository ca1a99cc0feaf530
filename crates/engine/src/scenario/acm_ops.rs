//! ACM's operations on a whole scenario: each lends `aws::acm` the parts it works on (the
//! world, the AWS state, the clock, the seed) and keeps the scenario's clock, which only
//! moves forward and stops at [`MAX_CLOCK`].

use crate::aws::acm::{self, AcmError, Check, RecordPlan, TerraformView};

use super::Scenario;
use super::clock::MAX_CLOCK;

/// `request-certificate` at the scenario's clock (see [`acm::request::request_certificate`]).
/// Returns the new certificate's ARN.
pub fn request_certificate(
    s: &mut Scenario,
    account: &str,
    domain: &str,
    sans: &[String],
) -> Result<String, AcmError> {
    acm::request::request_certificate(&mut s.aws, s.seed, s.clock, account, domain, sans)
}

/// What "Create records in Route 53" would do for certificate `arn`, without doing it.
pub fn plan(s: &Scenario, arn: &str) -> Result<Vec<RecordPlan>, AcmError> {
    acm::console::plan(&s.world, &s.aws, arn)
}

/// Presses "Create records in Route 53" for certificate `arn` (see [`acm::console`]).
pub fn create_records_in_route53(s: &mut Scenario, arn: &str) -> Result<Vec<RecordPlan>, AcmError> {
    acm::console::create_records_in_route53(&mut s.world, &s.aws, arn)
}

/// Runs the checks of certificate `arn` due at or before `now`; the clock does not move.
pub fn validate(s: &mut Scenario, arn: &str, now: u64) -> Result<Vec<Check>, AcmError> {
    acm::validate::validate(&s.world, &mut s.aws, arn, now)
}

/// Moves the clock `seconds` forward (stopping at [`MAX_CLOCK`]) and runs every
/// certificate's checks due by then.
pub fn advance(s: &mut Scenario, seconds: u64) -> Vec<Check> {
    s.clock = s.clock.saturating_add(seconds).min(MAX_CLOCK).max(s.clock);
    acm::validate::validate_all(&s.world, &mut s.aws, s.clock)
}

/// Runs only the next scheduled check of `arn` (or its timeout), moving the clock to it when
/// it lies ahead. Returns nothing once the certificate has left PENDING_VALIDATION.
pub fn step(s: &mut Scenario, arn: &str) -> Result<Vec<Check>, AcmError> {
    let Some(at) = acm::validate::next_check(&s.aws, arn)? else {
        return Ok(Vec::new());
    };
    s.clock = s.clock.max(at);
    validate(s, arn, at)
}

/// The Terraform view of certificate `arn` in the scenario as it is now.
pub fn terraform_view(s: &Scenario, arn: &str) -> Result<TerraformView, AcmError> {
    acm::terraform::terraform_view(&s.world, &s.aws, s.clock, arn)
}
