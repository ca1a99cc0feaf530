//! Errors of the simulated ACM API, printed as the AWS CLI prints them (the error code, then
//! the message), with the detail a user needs to fix the request.

use thiserror::Error;

use crate::aws::route53::Route53Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AcmError {
    #[error("NoSuchAccount: no account {0} in this scenario")]
    NoSuchAccount(String),
    /// A name that does not match ACM's domain-name pattern; the message says what is wrong.
    #[error("ValidationException: Value '{name}' at '{field}' failed to satisfy constraint: {why}")]
    InvalidDomainName {
        name: String,
        field: &'static str,
        why: String,
    },
    #[error(
        "LimitExceededException: a certificate may have at most {max} domain names (ACM's default quota); this request has {found}"
    )]
    TooManyNames { max: usize, found: usize },
    #[error("ResourceNotFoundException: Could not find certificate {0}")]
    NoSuchCertificate(String),
    /// Route 53 refused a change the console tried to make.
    #[error("{0}")]
    Route53(Route53Error),
}

impl From<Route53Error> for AcmError {
    fn from(e: Route53Error) -> Self {
        AcmError::Route53(e)
    }
}
