//! What an applied edit created, and why an edit was refused: the errors of every service an
//! edit goes through, kept apart so that a form can put each at its field by its kind.

use hickory_proto::rr::{Name, RecordType};
use thiserror::Error;

use crate::aws::acm::AcmError;
use crate::aws::route53::Route53Error;

/// What an edit created, for the app to show it (a new hosted zone is selected).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Applied {
    /// The edit changed what was there.
    #[default]
    Changed,
    /// A hosted zone with this id (created, or recreated under a new id).
    HostedZone(String),
    /// A certificate with this ARN.
    Certificate(String),
}

impl Applied {
    /// The hosted zone created, if any.
    pub fn hosted_zone(&self) -> Option<&str> {
        match self {
            Applied::HostedZone(id) => Some(id),
            _ => None,
        }
    }

    /// Of two things applied one after the other (a batch), the one that names a creation:
    /// the later wins.
    pub(super) fn then(self, later: Applied) -> Applied {
        match later {
            Applied::Changed => self,
            created => created,
        }
    }
}

/// Why an edit was refused. The scenario is left as it was.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EditError {
    /// Route 53 refused it, in its words (`NoSuchAccount`, `InvalidChangeBatch`, …).
    #[error(transparent)]
    Route53(#[from] Route53Error),
    /// ACM refused it, in its words.
    #[error(transparent)]
    Acm(#[from] AcmError),
    #[error("no zone {0} in this scenario")]
    NoSuchZone(String),
    /// The set to delete or to replace is not there (any more).
    #[error(
        "Tried to delete resource record set [name='{name}', type='{rtype}'] but it was not found"
    )]
    NoSuchRecordSet { name: Name, rtype: RecordType },
    /// A zone's own rules (a zone that is not a hosted zone: a TLD, a loaded zone file).
    #[error("{0}")]
    Zone(String),
    /// The registry refused the delegation.
    #[error("{0}")]
    Registry(String),
    #[error("the child zone has no NS records")]
    ChildWithoutNs,
    /// The clock cannot go that far.
    #[error("{0}")]
    Clock(String),
    /// The console could create none of the validation records; the reasons, joined.
    #[error("{0}")]
    ValidationRecordsBlocked(String),
    #[error("every validation record is already in its zone: nothing to create")]
    NothingToCreate,
    #[error("the certificate is {status}: ACM no longer checks it")]
    CertificateSettled { status: String },
    /// ACM's next check is later than the clock: `at` and how long after the request.
    #[error("ACM's next check is at {at} ({after} after the request); advance the clock to it")]
    CheckNotDue { at: String, after: String },
}
