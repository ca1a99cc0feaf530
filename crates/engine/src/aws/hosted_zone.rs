//! Route 53 hosted zone metadata: the id, the account that owns it, its name, the caller
//! reference and the delegation set Route 53 assigned. The zone's records live in the
//! world's [`Zone`](crate::dns::Zone) with the same id.

use hickory_proto::rr::Name;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostedZone {
    /// `Z` followed by 20 upper-case letters and digits, like Route 53's.
    pub id: String,
    pub account: String,
    #[serde(with = "crate::dns::name::serde_text")]
    pub name: Name,
    pub caller_reference: String,
    /// The server numbers of the delegation set (see `delegation_set`).
    pub delegation_set: [u16; 4],
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

impl HostedZone {
    /// The four name servers, in Route 53's order (.com, .net, .org, .co.uk).
    pub fn name_servers(&self) -> Vec<Name> {
        self.delegation_set
            .iter()
            .map(|n| super::delegation_set::server_name(*n))
            .collect()
    }
}

/// Whether `id` has the form of a Route 53 hosted zone id: `Z` then 1 to 32 upper-case
/// letters and digits (Route 53 makes 13 to 21 characters in all). Ids name exported files,
/// so nothing else is accepted from a document.
pub fn is_hosted_zone_id(id: &str) -> bool {
    id.strip_prefix('Z').is_some_and(|rest| {
        (1..=32).contains(&rest.len())
            && rest
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    })
}
