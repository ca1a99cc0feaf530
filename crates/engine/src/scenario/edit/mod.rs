//! Edits to a scenario: every change a user, an import, a challenge or a one-click fix makes,
//! as one serialisable value that can be checked before it is applied, applied through the same
//! Route 53 (and registrar, and ACM) rules as the API, and named for undo and redo. The app
//! applies one edit per undo step; a diagnosis's fix is a list of these, tried through the same
//! [`Edit::apply`].
//!
//! - [`outcome`]: what an applied edit created ([`Applied`]) and why one was refused
//!   ([`EditError`]).
//! - [`apply`]: the rules, one variant at a time.
//! - [`describe`]: an edit as a change list shows it.
//! - [`servers`]: a typed list of name servers.

mod apply;
mod describe;
mod outcome;
mod servers;
#[cfg(test)]
mod tests;

use hickory_proto::rr::{Name, RecordType};
use serde::{Deserialize, Serialize};

pub use self::describe::zone_label;
pub use self::outcome::{Applied, EditError};
pub use self::servers::parse_servers;
use super::document::Scenario;
use crate::aws::route53::Change;
use crate::dns::rrset::RecordSet;

/// One change to a scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "edit", rename_all = "snake_case")]
#[allow(clippy::large_enum_variant)]
pub enum Edit {
    CreateAccount {
        id: String,
        label: String,
    },
    /// `create-hosted-zone` in an account.
    CreateHostedZone {
        account: String,
        name: String,
        caller_reference: String,
    },
    /// `delete-hosted-zone` (only a zone holding just its SOA and NS).
    DeleteHostedZone {
        zone_id: String,
    },
    /// Delete and create again with the same records: Route 53 assigns new name servers.
    RecreateHostedZone {
        zone_id: String,
    },
    /// Creates a record set or replaces the set `replacing` (its name and type) with `set`
    /// (the record form's "add" and "edit").
    PutRecordSet {
        zone_id: String,
        #[serde(default, with = "set_key")]
        replacing: Option<(Name, RecordType)>,
        set: RecordSet,
    },
    /// Route 53's UPSERT: creates the set of the set's name and type, or replaces it.
    UpsertRecordSet {
        zone_id: String,
        set: RecordSet,
    },
    DeleteRecordSet {
        zone_id: String,
        name: Name,
        #[serde(with = "crate::dns::rtype_serde")]
        rtype: RecordType,
    },
    /// One `change-resource-record-sets` call: every change or none, checked as a whole
    /// (what an import applies; one zone copy however many changes).
    ChangeRecordSets {
        zone_id: String,
        changes: Vec<Change>,
    },
    /// The registrar's NS for a registered domain, in its TLD zone (what a registrar's "name
    /// servers" page does); an empty list removes the delegation.
    SetRegistryDelegation {
        domain: Name,
        servers: Vec<Name>,
    },
    /// Adds (or replaces) the NS records for a hosted zone in the closest parent hosted zone,
    /// with the child's own name servers: "add these name servers to the parent".
    DelegateToChild {
        child_zone_id: String,
        ttl: u32,
    },
    /// Moves the simulated clock forward; ACM runs every certificate's checks that fall
    /// due on the way (see `aws::acm::advance`), so time passing validates or times out.
    AdvanceClock {
        seconds: u64,
    },
    /// `request-certificate` in an account with DNS validation: a domain and its
    /// subject alternative names (wildcards allowed).
    RequestCertificate {
        account: String,
        domain: String,
        sans: Vec<String>,
    },
    /// The ACM console's "Create records in Route 53" for a certificate (same account only).
    CreateValidationRecords {
        arn: String,
    },
    /// Runs the certificate's checks that are due by the clock now ("validate now").
    ValidateCertificate {
        arn: String,
    },
    /// Empties the public resolver's cache.
    FlushCache,
    /// Several edits as one undo step (a fix, an import): all or none.
    Batch {
        label: String,
        edits: Vec<Edit>,
    },
}

impl Edit {
    /// A short name for undo and redo, e.g. `add A www.example.com.`.
    pub fn label(&self) -> String {
        match self {
            Edit::CreateAccount { id, .. } => format!("add account {id}"),
            Edit::CreateHostedZone { name, .. } => format!("create hosted zone {name}"),
            Edit::DeleteHostedZone { zone_id } => format!("delete hosted zone {zone_id}"),
            Edit::RecreateHostedZone { zone_id } => format!("recreate hosted zone {zone_id}"),
            Edit::PutRecordSet {
                replacing: None,
                set,
                ..
            } => format!("add {} {}", set.rtype, set.name),
            Edit::PutRecordSet { set, .. } | Edit::UpsertRecordSet { set, .. } => {
                format!("edit {} {}", set.rtype, set.name)
            }
            Edit::DeleteRecordSet { name, rtype, .. } => format!("delete {rtype} {name}"),
            Edit::ChangeRecordSets { changes, .. } => {
                format!("change {} record sets", changes.len())
            }
            Edit::SetRegistryDelegation { domain, .. } => format!("set registrar NS of {domain}"),
            Edit::DelegateToChild { .. } => "delegate to the child zone".into(),
            Edit::AdvanceClock { seconds } => format!("advance the clock {seconds} s"),
            Edit::RequestCertificate { domain, .. } => {
                format!("request a certificate for {domain}")
            }
            Edit::CreateValidationRecords { .. } => {
                "create the validation records in Route 53".into()
            }
            Edit::ValidateCertificate { .. } => "run ACM's validation checks".into(),
            Edit::FlushCache => "flush the resolver cache".into(),
            Edit::Batch { label, .. } => label.clone(),
        }
    }

    /// The scenario after the edit and what it created; `s` is not changed. The copy shares
    /// every zone the edit does not touch.
    pub fn applied(&self, s: &Scenario) -> Result<(Scenario, Applied), EditError> {
        let mut draft = s.clone();
        let applied = apply::apply_to(&mut draft, self)?;
        Ok((draft, applied))
    }

    /// What the edit would create, without changing the scenario; or why it would be refused.
    pub fn check(&self, s: &Scenario) -> Result<Applied, EditError> {
        self.applied(s).map(|(_, applied)| applied)
    }

    /// Applies the edit, or changes nothing and says why.
    pub fn apply(&self, s: &mut Scenario) -> Result<Applied, EditError> {
        let (after, applied) = self.applied(s)?;
        *s = after;
        Ok(applied)
    }
}

/// `replacing` as `{"name": …, "type": …}` (or absent), with the type as its mnemonic.
mod set_key {
    use hickory_proto::rr::{Name, RecordType};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Key {
        name: Name,
        #[serde(rename = "type", with = "crate::dns::rtype_serde")]
        rtype: RecordType,
    }

    pub fn serialize<S: Serializer>(
        key: &Option<(Name, RecordType)>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        key.as_ref()
            .map(|(name, rtype)| Key {
                name: name.clone(),
                rtype: *rtype,
            })
            .serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<(Name, RecordType)>, D::Error> {
        Ok(Option::<Key>::deserialize(d)?.map(|k| (k.name, k.rtype)))
    }
}
