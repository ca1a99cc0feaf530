//! A certificate's history as the simulation keeps it in the document: the request, every
//! check ACM made (what it looked up, what it found, why that counts or not) and every status
//! change, each with its simulated time. Checks that found the same thing again are folded
//! into one entry with a count and the time of the last one, so 72 hours of retries stay short.

use serde::{Deserialize, Serialize};

use super::certificate::{CertificateStatus, FailureReason};
use crate::dns::dig::when::civil_from_days;

/// What one check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CheckResult {
    /// The validation CNAME was found with the value ACM gave: the names it covers are
    /// validated.
    Found,
    /// Resolution from the root says the name does not exist (NXDOMAIN) or has no CNAME
    /// (NODATA): still pending, ACM looks again later.
    NotFound,
    /// A CNAME exists at the name but points somewhere else: still pending.
    WrongValue,
    /// The lookup failed (SERVFAIL): still pending, ACM looks again later.
    LookupFailed,
    /// The relevant CAA set (or its absence) lets Amazon issue for the name.
    CaaPermits,
    /// The relevant CAA set does not let Amazon issue, or could not be read: the request
    /// fails with CAA_ERROR.
    CaaForbids,
}

impl CheckResult {
    /// Whether this is a CAA check (the others look for the validation CNAME).
    pub fn is_caa(self) -> bool {
        matches!(self, Self::CaaPermits | Self::CaaForbids)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Found => "FOUND",
            Self::NotFound => "NOT_FOUND",
            Self::WrongValue => "WRONG_VALUE",
            Self::LookupFailed => "LOOKUP_FAILED",
            Self::CaaPermits => "CAA_PERMITS",
            Self::CaaForbids => "CAA_FORBIDS",
        }
    }
}

/// One check as the document keeps it (the resolution behind it is returned by
/// [`validate`](super::validate::validate), not stored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckRecord {
    pub at: u64,
    /// How many later checks found exactly the same thing (0: none).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub repeated: u32,
    /// The time of the last of those repeated checks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<u64>,
    /// The certificate names this check was for (a wildcard and its base name share one
    /// validation record, so one CNAME check serves both; a CAA check is for one name).
    pub domains: Vec<String>,
    /// What was asked, as `TYPE name`: `CNAME _1a2b….api.example.com.`; for CAA, the names
    /// climbed, comma-separated.
    pub question: String,
    /// The status of the (last) lookup: NOERROR, NODATA, NXDOMAIN or SERVFAIL.
    pub rcode: String,
    pub result: CheckResult,
    /// Why this result, in one or two sentences.
    pub reason: String,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl CheckRecord {
    /// Whether `other` found the same thing for the same names (and may be folded into this).
    pub fn same_finding(&self, other: &CheckRecord) -> bool {
        self.domains == other.domains
            && self.question == other.question
            && self.rcode == other.rcode
            && self.result == other.result
            && self.reason == other.reason
    }

    /// The time of the last check this entry stands for.
    pub fn last_at(&self) -> u64 {
        self.until.unwrap_or(self.at)
    }
}

/// One entry of a certificate's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case", deny_unknown_fields)]
pub enum Event {
    /// The status changed (the request itself is the change to PENDING_VALIDATION).
    Status {
        at: u64,
        status: CertificateStatus,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        failure_reason: Option<FailureReason>,
        why: String,
    },
    /// ACM looked.
    Check(CheckRecord),
}

impl Event {
    pub fn at(&self) -> u64 {
        match self {
            Event::Status { at, .. } => *at,
            Event::Check(c) => c.at,
        }
    }
}

/// `2026-11-28T12:00:00Z` for simulated seconds since the Unix epoch.
pub fn iso_time(secs: u64) -> String {
    let (y, m, d) = civil_from_days(secs / 86_400);
    let rem = secs % 86_400;
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// `+0h00m`, `+71h30m`: time since the request.
pub fn elapsed_text(secs: u64) -> String {
    format!("+{}h{:02}m", secs / 3600, secs % 3600 / 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_utc() {
        assert_eq!(iso_time(1_795_867_200), "2026-11-28T12:00:00Z");
        assert_eq!(
            iso_time(1_795_867_200 + 72 * 3600 + 61),
            "2026-12-01T12:01:01Z"
        );
        assert_eq!(elapsed_text(0), "+0h00m");
        assert_eq!(elapsed_text(71 * 3600 + 30 * 60), "+71h30m");
        assert_eq!(elapsed_text(72 * 3600), "+72h00m");
    }
}
