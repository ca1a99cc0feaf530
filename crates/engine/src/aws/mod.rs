//! AWS as the simulation needs it: accounts, Route 53 (hosted zones, delegation sets, the
//! record-set rules with Route 53's own wording, the awsdns name servers), ACM certificates
//! and their DNS validation, and the seeded generator behind ids and choices.

pub mod account;
pub mod acm;
pub mod delegation_set;
pub mod hosted_zone;
pub mod infrastructure;
pub mod rng;
pub mod route53;
pub mod rules;

use serde::{Deserialize, Serialize};

pub use account::Account;
pub use hosted_zone::HostedZone;
pub use rng::Rng;
pub use route53::{Change, ChangeAction, Route53Error};

/// Everything AWS-side in a scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aws {
    pub accounts: Vec<Account>,
    pub hosted_zones: Vec<HostedZone>,
    /// Delegation sets each zone name had before (a recreated zone gets none of their
    /// servers back while its range has fresh ones: see `delegation_set::draw`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retired_sets: Vec<(String, [u16; 4])>,
    /// ACM certificates of every account.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certificates: Vec<acm::Certificate>,
    pub rng: Rng,
}

impl Aws {
    pub fn new(seed: u64) -> Self {
        Self {
            accounts: Vec::new(),
            hosted_zones: Vec::new(),
            retired_sets: Vec::new(),
            certificates: Vec::new(),
            rng: Rng::seeded(seed),
        }
    }

    pub fn account(&self, id: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| a.id == id)
    }

    pub fn hosted_zone(&self, id: &str) -> Option<&HostedZone> {
        self.hosted_zones.iter().find(|z| z.id == id)
    }

    /// Hosted zones of an account.
    pub fn zones_of<'a>(&'a self, account: &'a str) -> impl Iterator<Item = &'a HostedZone> + 'a {
        self.hosted_zones
            .iter()
            .filter(move |z| z.account == account)
    }

    /// The certificate with ARN `arn`.
    pub fn certificate(&self, arn: &str) -> Option<&acm::Certificate> {
        self.certificates.iter().find(|c| c.arn == arn)
    }

    /// Certificates of an account, in request order.
    pub fn certificates_of<'a>(
        &'a self,
        account: &'a str,
    ) -> impl Iterator<Item = &'a acm::Certificate> + 'a {
        self.certificates
            .iter()
            .filter(move |c| c.account == account)
    }
}
