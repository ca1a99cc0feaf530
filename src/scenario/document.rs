//! The scenario document: the whole world (servers, zones, AWS accounts and hosted zones,
//! the resolver's cache), its seed and its simulated clock, as versioned JSON that
//! round-trips exactly. A newer or damaged document is refused with a precise message.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::aws::Aws;
use crate::dns::resolve::Cache;
use crate::dns::world::World;

/// The document version this build reads and writes.
pub const VERSION: u32 = 1;

/// 2026-11-28 12:00:00 UTC: where a new scenario's clock starts.
pub const EPOCH_START: u64 = 1_795_867_200;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub version: u32,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    pub seed: u64,
    /// Simulated time, in seconds since the Unix epoch.
    pub clock: u64,
    pub world: World,
    pub aws: Aws,
    /// The public recursive resolver's cache.
    #[serde(default, skip_serializing_if = "Cache::is_empty")]
    pub resolver_cache: Cache,
}

/// Why a document was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DocumentError {
    #[error("this is not JSON (line {line}, column {column}): {message}")]
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("this is not a Delegation Lab scenario: it has no \"version\" field")]
    NoVersion,
    #[error(
        "this scenario was saved by a newer Delegation Lab (document version {found}); this one reads version {VERSION} and older"
    )]
    TooNew { found: u64 },
    #[error("the scenario is damaged at {path}: {message}")]
    Damaged { path: String, message: String },
    #[error("the scenario is inconsistent: {0}")]
    Inconsistent(String),
}

impl Scenario {
    /// An empty scenario: the root and TLDs only.
    pub fn new(title: &str, seed: u64) -> Self {
        Self {
            version: VERSION,
            title: title.into(),
            description: String::new(),
            seed,
            clock: EPOCH_START,
            world: crate::dns::internet::standard(),
            aws: Aws::new(seed),
            resolver_cache: Cache::new(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a scenario always serialises")
    }

    /// Reads a document, checking its version first, then its shape, then its consistency.
    pub fn from_json(text: &str) -> Result<Self, DocumentError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| DocumentError::NotJson {
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            })?;
        let version = value.get("version").ok_or(DocumentError::NoVersion)?;
        let found = version.as_u64().ok_or_else(|| DocumentError::Damaged {
            path: "version".into(),
            message: "the version must be a whole number".into(),
        })?;
        if found > u64::from(VERSION) {
            return Err(DocumentError::TooNew { found });
        }
        // Read the text again (not the parsed value) so a damaged part is placed by line and
        // column; one deserializer keeps the browser build small.
        let scenario: Scenario = serde_json::from_str(text).map_err(|e| {
            let message = e.to_string();
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.as_str(), |(m, _)| m)
                .to_string();
            DocumentError::Damaged {
                path: format!("line {}, column {}", e.line(), e.column()),
                message,
            }
        })?;
        scenario.check().map_err(DocumentError::Inconsistent)?;
        Ok(scenario)
    }

    /// Checks what the types cannot: references between parts of the document.
    pub fn check(&self) -> Result<(), String> {
        let mut ips = std::collections::BTreeSet::new();
        for s in &self.world.servers {
            if !ips.insert(s.ip) {
                return Err(format!("two servers have the address {}", s.ip));
            }
            for z in &s.zones {
                if self.world.zone(z).is_none() {
                    return Err(format!(
                        "server {} serves zone {z}, which is not in the document",
                        s.name
                    ));
                }
            }
        }
        let mut ids = std::collections::BTreeSet::new();
        for z in &self.world.zones {
            if !ids.insert(&z.id) {
                return Err(format!("two zones have the id {}", z.id));
            }
        }
        for hz in &self.aws.hosted_zones {
            if self.aws.account(&hz.account).is_none() {
                return Err(format!(
                    "hosted zone {} belongs to account {}, which is not in the document",
                    hz.id, hz.account
                ));
            }
            if self.world.zone(&hz.id).is_none() {
                return Err(format!("hosted zone {} has no zone data", hz.id));
            }
        }
        for cert in &self.aws.certificates {
            if self.aws.account(&cert.account).is_none() {
                return Err(format!(
                    "certificate {} belongs to account {}, which is not in the document",
                    cert.arn, cert.account
                ));
            }
        }
        Ok(())
    }
}
