//! The scenario document: the whole world (servers, zones, AWS accounts and hosted zones,
//! the resolver's cache), its seed and its simulated clock, as versioned JSON that
//! round-trips exactly. A newer or damaged document is refused with a precise message.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::aws::Aws;
use crate::aws::acm::history::Event;
use crate::aws::hosted_zone::is_hosted_zone_id;
use crate::dns::resolve::Cache;
use crate::dns::world::World;
use crate::scenario::clock;
use hickory_proto::rr::RecordType;

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
    Inconsistent(Inconsistency),
}

/// What the types of a document cannot say and [`Scenario::check`] does: references between
/// its parts, the form of ids, and times within the clock's range.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Inconsistency {
    #[error(transparent)]
    Time(#[from] clock::ClockError),
    #[error("two servers have the address {0}")]
    SharedAddress(std::net::Ipv4Addr),
    #[error("server {server} serves zone {zone}, which is not in the document")]
    UnknownZoneServed { server: String, zone: String },
    #[error(transparent)]
    ZoneId(#[from] ZoneIdError),
    #[error("two zones have the id {0}")]
    SharedZoneId(String),
    #[error(
        "zone {zone} has {} at its origin {origin}; a zone needs its SOA and NS records there",
        if *.rtype == RecordType::SOA { "no SOA record" } else { "no NS records" }
    )]
    MissingApex {
        zone: String,
        origin: String,
        rtype: RecordType,
    },
    #[error(
        "the hosted zone id {0:?} is not a Route 53 id: Z followed by up to 32 upper-case letters and digits, such as Z0123456789ABCDEFGHIJ"
    )]
    HostedZoneId(String),
    #[error(
        "hosted zone {zone} has the delegation set {set:?}: Route 53's name servers are numbered 0 to 2047"
    )]
    DelegationSet { zone: String, set: [u16; 4] },
    #[error("hosted zone {zone} belongs to account {account}, which is not in the document")]
    HostedZoneAccount { zone: String, account: String },
    #[error("hosted zone {0} has no zone data")]
    NoZoneData(String),
    #[error(
        "hosted zone {zone} is named {name} but its zone data is for {origin}: a hosted zone serves the zone of its own name"
    )]
    NameMismatch {
        zone: String,
        name: String,
        origin: String,
    },
    #[error(
        "a retired delegation set of {name} is {set:?}: Route 53's name servers are numbered 0 to 2047"
    )]
    RetiredSet { name: String, set: [u16; 4] },
    #[error("certificate {arn} belongs to account {account}, which is not in the document")]
    CertificateAccount { arn: String, account: String },
}

/// A zone id that cannot be one (see [`check_zone_id`]).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error(
    "the zone id {0:?} is not an id: a zone id is a Route 53 id or the zone's name (such as example.com.), without spaces, '/' or '\\'"
)]
pub struct ZoneIdError(pub String);

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

    /// Checks what the types cannot: references between parts of the document, the form
    /// of ids (they name exported files), and that every time is within the clock's range.
    pub fn check(&self) -> Result<(), Inconsistency> {
        self.check_times()?;
        let mut ips = std::collections::BTreeSet::new();
        for s in &self.world.servers {
            if !ips.insert(s.ip) {
                return Err(Inconsistency::SharedAddress(s.ip));
            }
            for z in &s.zones {
                if self.world.zone(z).is_none() {
                    return Err(Inconsistency::UnknownZoneServed {
                        server: s.name.to_string(),
                        zone: z.clone(),
                    });
                }
            }
        }
        let mut ids = std::collections::BTreeSet::new();
        for z in &self.world.zones {
            check_zone_id(&z.id)?;
            if !ids.insert(&z.id) {
                return Err(Inconsistency::SharedZoneId(z.id.clone()));
            }
            // As BIND (and the zone folder's reader) refuses such a zone: a zone starts at its
            // SOA and lists its name servers at its origin.
            for rtype in [RecordType::SOA, RecordType::NS] {
                if z.get(&z.origin, rtype).is_none() {
                    return Err(Inconsistency::MissingApex {
                        zone: z.id.clone(),
                        origin: crate::dns::name::text(&z.origin),
                        rtype,
                    });
                }
            }
        }
        let pool = |set: &[u16; 4]| set.iter().all(|&n| n < 2048);
        for hz in &self.aws.hosted_zones {
            if !is_hosted_zone_id(&hz.id) {
                return Err(Inconsistency::HostedZoneId(hz.id.clone()));
            }
            if !pool(&hz.delegation_set) {
                return Err(Inconsistency::DelegationSet {
                    zone: hz.id.clone(),
                    set: hz.delegation_set,
                });
            }
            if self.aws.account(&hz.account).is_none() {
                return Err(Inconsistency::HostedZoneAccount {
                    zone: hz.id.clone(),
                    account: hz.account.clone(),
                });
            }
            match self.world.zone(&hz.id) {
                None => return Err(Inconsistency::NoZoneData(hz.id.clone())),
                Some(zone) if zone.origin != hz.name => {
                    return Err(Inconsistency::NameMismatch {
                        zone: hz.id.clone(),
                        name: hz.name.to_string(),
                        origin: zone.origin.to_string(),
                    });
                }
                Some(_) => {}
            }
        }
        if let Some((name, set)) = self.aws.retired_sets.iter().find(|(_, s)| !pool(s)) {
            return Err(Inconsistency::RetiredSet {
                name: name.to_string(),
                set: *set,
            });
        }
        for cert in &self.aws.certificates {
            if self.aws.account(&cert.account).is_none() {
                return Err(Inconsistency::CertificateAccount {
                    arn: cert.arn.clone(),
                    account: cert.account.clone(),
                });
            }
        }
        Ok(())
    }

    /// Every time in the document (the clock, the certificates', the cache's) is within the
    /// clock's range ([`clock::MAX_CLOCK`]).
    fn check_times(&self) -> Result<(), clock::ClockError> {
        clock::check("the clock", self.clock)?;
        for cert in &self.aws.certificates {
            let what = format!("a time of certificate {}", cert.arn);
            let times = [Some(cert.requested_at), cert.issued_at, cert.next_check];
            for at in times.into_iter().flatten() {
                clock::check(&what, at)?;
            }
            for event in &cert.history {
                clock::check(&what, event.at())?;
                if let Event::Check(c) = event
                    && let Some(until) = c.until
                {
                    clock::check(&what, until)?;
                }
            }
        }
        for entry in self.resolver_cache.entries() {
            clock::check(
                &format!(
                    "the time the resolver cached {} {}",
                    entry.name, entry.rtype
                ),
                entry.stored_at,
            )?;
        }
        Ok(())
    }
}

/// The longest zone id: room for any zone's name written with escapes, as a zone folder
/// names a zone whose name has no id-safe spelling (253 characters, each at most `%5C` and
/// three digits), and its tag.
pub const MAX_ZONE_ID_LEN: usize = 2048;

/// A zone id names the zone in the document and, as a tag, its file in a zone folder: a
/// Route 53 id or the zone's own name (`example.com.`, `.`), printable ASCII without
/// spaces, `/` or `\`, at most [`MAX_ZONE_ID_LEN`] characters.
pub fn check_zone_id(id: &str) -> Result<(), ZoneIdError> {
    let printable = |c: char| c.is_ascii_graphic() && c != '/' && c != '\\';
    if id.is_empty() || id.len() > MAX_ZONE_ID_LEN || !id.chars().all(printable) {
        return Err(ZoneIdError(id.to_string()));
    }
    Ok(())
}
