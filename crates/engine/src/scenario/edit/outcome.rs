//! What an applied edit created, and why an edit was refused: the errors of every service an
//! edit goes through, kept apart so that a form can put each at its field by its kind.

use thiserror::Error;

use crate::aws::acm::AcmError;
use crate::aws::route53::Route53Error;
use crate::aws::rules::ChangeError;
use crate::dns::internet::RegistryError;
use crate::scenario::clock::ClockError;

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
    /// A record-set change refused by Route 53's rules: in a zone that is not a hosted zone
    /// (a TLD, a loaded zone file), or before the batch is sent (the set to replace or delete
    /// is not there any more).
    #[error(transparent)]
    Change(#[from] ChangeError),
    /// The registry refused the delegation.
    #[error(transparent)]
    Registry(#[from] RegistryError),
    #[error("the child zone has no NS records")]
    ChildWithoutNs,
    /// The clock cannot go that far.
    #[error(transparent)]
    Clock(#[from] ClockError),
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
