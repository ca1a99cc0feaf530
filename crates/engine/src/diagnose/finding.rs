//! What a check reports: a [`Finding`] with a stable [`Code`], a [`Severity`], the zones and
//! record sets involved, a short explanation in plain words, the evidence (dig commands and
//! what they printed) and the fixes that would repair it.

use hickory_proto::rr::{Name, RecordType};
use serde::Serialize;

use super::fix::Fix;
use super::symptom::Symptom;
use crate::dns::resolve::Resolution;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something resolves wrongly or not at all.
    Error,
    /// Works now, but is fragile or only partly right.
    Warning,
    /// Worth knowing (for example TTLs that will delay a change); nothing is broken.
    Note,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The stable code of a finding: a UI or a CI script may match on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Code {
    /// The parent's NS records for a delegation differ from the child zone's name servers.
    DelegationNsMismatch,
    /// The parent's NS records name a delegation set the child zone had before it was
    /// deleted and created again.
    DelegationStale,
    /// Every server the delegation names (and the child zone lists) refuses or is silent.
    LameDelegation,
    /// Some of them refuse or are silent.
    LameDelegationPartial,
    /// The registry's NS for a registered domain differ from its hosted zone's name servers.
    RegistryNsMismatch,
    /// Records in a parent zone at or below a delegation point: never served.
    OccludedRecords,
    /// An ACM validation CNAME in a zone that is not authoritative for its name.
    ValidationRecordWrongZone,
    /// A zone no parent delegates to (or a twin of the zone the parent delegates to).
    ZoneNotDelegated,
    /// A delegation to a name for which no zone exists.
    DelegationToMissingZone,
    /// A name server inside the delegated zone without an address (glue) in the parent.
    NsMissingGlue,
    /// A name server whose name does not resolve (the trailing-dot mistake, for one).
    NsNameUnresolvable,
    /// A CNAME at a zone's apex.
    CnameAtApex,
    /// A CNAME beside other records at the same name.
    CnameWithOtherData,
    /// A CNAME chain that comes back to itself.
    CnameLoop,
    /// A CNAME chain longer than resolvers follow.
    CnameChainTooLong,
    /// A CNAME chain that ends at a name that does not exist.
    CnameToNxdomain,
    /// A CAA record set that does not let Amazon issue certificates for a name.
    CaaForbidsAmazon,
    /// The parent's NS TTL and the child's own NS TTL differ (a change takes the longer).
    TtlDelegationDiffers,
    /// The resolver holds a negative answer for a name that now exists.
    TtlNegativeCache,
}

impl Code {
    /// Every code, in the order findings are listed within a severity.
    pub const ALL: [Code; 19] = [
        Code::DelegationNsMismatch,
        Code::DelegationStale,
        Code::LameDelegation,
        Code::LameDelegationPartial,
        Code::RegistryNsMismatch,
        Code::OccludedRecords,
        Code::ValidationRecordWrongZone,
        Code::ZoneNotDelegated,
        Code::DelegationToMissingZone,
        Code::NsMissingGlue,
        Code::NsNameUnresolvable,
        Code::CnameAtApex,
        Code::CnameWithOtherData,
        Code::CnameLoop,
        Code::CnameChainTooLong,
        Code::CnameToNxdomain,
        Code::CaaForbidsAmazon,
        Code::TtlDelegationDiffers,
        Code::TtlNegativeCache,
    ];

    /// The code as text, e.g. `DELEGATION_NS_MISMATCH`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::DelegationNsMismatch => "DELEGATION_NS_MISMATCH",
            Code::DelegationStale => "DELEGATION_STALE",
            Code::LameDelegation => "LAME_DELEGATION",
            Code::LameDelegationPartial => "LAME_DELEGATION_PARTIAL",
            Code::RegistryNsMismatch => "REGISTRY_NS_MISMATCH",
            Code::OccludedRecords => "OCCLUDED_RECORDS",
            Code::ValidationRecordWrongZone => "VALIDATION_RECORD_WRONG_ZONE",
            Code::ZoneNotDelegated => "ZONE_NOT_DELEGATED",
            Code::DelegationToMissingZone => "DELEGATION_TO_MISSING_ZONE",
            Code::NsMissingGlue => "NS_MISSING_GLUE",
            Code::NsNameUnresolvable => "NS_NAME_UNRESOLVABLE",
            Code::CnameAtApex => "CNAME_AT_APEX",
            Code::CnameWithOtherData => "CNAME_WITH_OTHER_DATA",
            Code::CnameLoop => "CNAME_LOOP",
            Code::CnameChainTooLong => "CNAME_CHAIN_TOO_LONG",
            Code::CnameToNxdomain => "CNAME_TO_NXDOMAIN",
            Code::CaaForbidsAmazon => "CAA_FORBIDS_AMAZON",
            Code::TtlDelegationDiffers => "TTL_DELEGATION_DIFFERS",
            Code::TtlNegativeCache => "TTL_NEGATIVE_CACHE",
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A record set named by a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordRef {
    pub name: Name,
    #[serde(rename = "type", with = "crate::dns::rtype_serde")]
    pub rtype: RecordType,
}

/// A zone (and, optionally, one record set in it) that a finding involves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Involved {
    pub zone_id: String,
    pub zone: Name,
    /// The AWS account that owns the zone, for a hosted zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<RecordRef>,
}

/// One query that shows the problem: the dig command that reproduces it, what it printed,
/// and the outcome in one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// The command, e.g. `dig +norecurse SOA api.example.com @ns-140.awsdns-17.com`.
    pub command: String,
    /// The outcome in one line, e.g. `REFUSED: ns-140.awsdns-17.com serves no zone ...`.
    pub summary: String,
    /// What dig printed.
    pub text: String,
    /// The resolution behind it, for stepping through (not serialised: run `command` again).
    #[serde(skip)]
    pub resolution: Option<Resolution>,
}

/// One problem found in a scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    /// One line naming what is wrong and where.
    pub title: String,
    /// Two to four sentences in plain words: what is wrong, what it does, what to do.
    pub explanation: String,
    pub involved: Vec<Involved>,
    pub evidence: Vec<Evidence>,
    /// Ways to repair it; each is applied as one change.
    pub fixes: Vec<Fix>,
    /// The resolution that fails because of it (and succeeds once it is fixed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub symptom: Option<Symptom>,
}

impl Finding {
    pub fn new(code: Code, severity: Severity, title: String, explanation: String) -> Self {
        Self {
            code,
            severity,
            title,
            explanation,
            involved: Vec::new(),
            evidence: Vec::new(),
            fixes: Vec::new(),
            symptom: None,
        }
    }
}
