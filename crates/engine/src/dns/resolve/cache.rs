//! The resolver's cache: record sets and negative answers (RFC 2308) keyed by name and type,
//! each with the simulated time it was stored and its TTL, so "my change does not show yet"
//! can be seen and explained.

use std::collections::BTreeMap;

use hickory_proto::rr::{Name, Record, RecordType};
use serde::{Deserialize, Serialize};

use crate::dns::canon;

/// Where a cached set came from: only authoritative answers are given to clients; NS sets
/// and addresses from referrals only steer the resolver (RFC 2181 5.4.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trust {
    Answer,
    Referral,
}

/// What is cached for a name and type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Cached {
    Records {
        #[serde(with = "records_text")]
        records: Vec<Record>,
    },
    /// The name does not exist (stored under type ANY: it holds for every type).
    NxDomain {
        #[serde(with = "soa_text")]
        soa: Option<Record>,
    },
    NoData {
        #[serde(with = "soa_text")]
        soa: Option<Record>,
    },
}

/// Records in documents as dig's one-line text (`api.example.com. 300 IN A 192.0.2.10`),
/// read back with the record-data parser: readable, and it keeps hickory's generic serde
/// code for every record type out of the browser build.
mod records_text {
    use hickory_proto::rr::Record;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(records: &[Record], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(records.iter().map(crate::dns::dig::record_text))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Record>, D::Error> {
        let texts = Vec::<String>::deserialize(d)?;
        texts
            .iter()
            .map(|t| super::parse_record(t).map_err(serde::de::Error::custom))
            .collect()
    }
}

mod soa_text {
    use hickory_proto::rr::Record;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(soa: &Option<Record>, s: S) -> Result<S::Ok, S::Error> {
        match soa {
            Some(r) => s.serialize_some(&crate::dns::dig::record_text(r)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Record>, D::Error> {
        let text = Option::<String>::deserialize(d)?;
        text.map(|t| super::parse_record(&t).map_err(serde::de::Error::custom))
            .transpose()
    }
}

/// Why a record written in a saved cache cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CachedRecordError {
    #[error("\"{text}\" is not a record (owner ttl class type data)")]
    NotARecord { text: String },
    #[error("\"{text}\": {source}")]
    Owner {
        text: String,
        source: crate::dns::name::NameError,
    },
    #[error("\"{text}\": the TTL is not a number")]
    Ttl { text: String },
    #[error("\"{text}\": unknown type {rtype}")]
    UnknownType { text: String, rtype: String },
    #[error("\"{text}\": {source}")]
    Value {
        text: String,
        source: crate::dns::rrset::ValueError,
    },
}

/// Reads a record written as `owner ttl class type rdata`.
fn parse_record(text: &str) -> Result<Record, CachedRecordError> {
    let mut parts = text.splitn(5, ' ');
    let (Some(owner), Some(ttl), Some(_class), Some(rtype), Some(rdata)) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return Err(CachedRecordError::NotARecord {
            text: text.to_string(),
        });
    };
    let name =
        crate::dns::name::parse_absolute(owner).map_err(|source| CachedRecordError::Owner {
            text: text.to_string(),
            source,
        })?;
    let ttl: u32 = ttl.parse().map_err(|_| CachedRecordError::Ttl {
        text: text.to_string(),
    })?;
    let rtype: RecordType = rtype.parse().map_err(|_| CachedRecordError::UnknownType {
        text: text.to_string(),
        rtype: rtype.to_string(),
    })?;
    let data = crate::dns::rrset::parse_value(rtype, rdata).map_err(|source| {
        CachedRecordError::Value {
            text: text.to_string(),
            source,
        }
    })?;
    Ok(crate::dns::rrset::record(name, ttl, data))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    #[serde(with = "crate::dns::name::serde_text")]
    pub name: Name,
    #[serde(with = "crate::dns::rtype_serde")]
    pub rtype: RecordType,
    pub data: Cached,
    pub trust: Trust,
    pub stored_at: u64,
    pub ttl: u32,
}

impl Entry {
    pub fn expires_at(&self) -> u64 {
        self.stored_at.saturating_add(u64::from(self.ttl))
    }

    /// Seconds left at `now` (0 when expired).
    pub fn remaining(&self, now: u64) -> u32 {
        self.expires_at()
            .saturating_sub(now)
            .min(u64::from(u32::MAX)) as u32
    }
}

/// An answer taken from the cache, with TTLs counted down to `now`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheHit {
    pub name: Name,
    pub rtype: RecordType,
    pub data: Cached,
    pub remaining: u32,
    pub stored_at: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "Vec<Entry>", into = "Vec<Entry>")]
pub struct Cache {
    /// Entries by canonical key of the name (see [`crate::dns::canon`]), then by type.
    entries: BTreeMap<Vec<u8>, Vec<Entry>>,
}

impl From<Vec<Entry>> for Cache {
    fn from(list: Vec<Entry>) -> Self {
        let mut cache = Self::default();
        for e in list {
            cache.insert(e);
        }
        cache
    }
}

impl From<Cache> for Vec<Entry> {
    fn from(cache: Cache) -> Self {
        cache.entries.into_values().flatten().collect()
    }
}

impl Cache {
    pub fn new() -> Self {
        Self::default()
    }

    /// Stores an entry, replacing one for the same name and type unless that one is an
    /// authoritative answer and this is only referral data (RFC 2181 ranking).
    pub fn put(&mut self, entry: Entry) {
        let key = canon::key(&entry.name);
        if let Some(old) = self.get_key(&key, entry.rtype, 0)
            && old.trust == Trust::Answer
            && entry.trust == Trust::Referral
            && old.expires_at() > entry.stored_at
        {
            return;
        }
        self.insert_at(key, entry);
    }

    fn insert(&mut self, entry: Entry) {
        let key = canon::key(&entry.name);
        self.insert_at(key, entry);
    }

    fn insert_at(&mut self, key: Vec<u8>, entry: Entry) {
        let at = self.entries.entry(key).or_default();
        match at.iter_mut().find(|e| e.rtype == entry.rtype) {
            Some(old) => *old = entry,
            None => at.push(entry),
        }
    }

    /// Caches a record set (all records of one name and type); the TTL is the smallest.
    pub fn put_records(&mut self, records: Vec<Record>, trust: Trust, now: u64) {
        let Some(first) = records.first() else { return };
        let ttl = records.iter().map(|r| r.ttl).min().unwrap_or(0);
        let (name, rtype) = (first.name.clone(), first.record_type());
        self.put(Entry {
            name,
            rtype,
            data: Cached::Records { records },
            trust,
            stored_at: now,
            ttl,
        });
    }

    /// Caches a negative answer for the SOA's TTL (already the RFC 2308 minimum).
    pub fn put_negative(
        &mut self,
        name: Name,
        rtype: RecordType,
        nxdomain: bool,
        soa: Option<Record>,
        now: u64,
    ) {
        let ttl = soa.as_ref().map_or(0, |s| s.ttl);
        let (rtype, data) = if nxdomain {
            (RecordType::ANY, Cached::NxDomain { soa })
        } else {
            (rtype, Cached::NoData { soa })
        };
        self.put(Entry {
            name,
            rtype,
            data,
            trust: Trust::Answer,
            stored_at: now,
            ttl,
        });
    }

    /// A live entry for the name and type.
    pub fn get(&self, name: &Name, rtype: RecordType, now: u64) -> Option<&Entry> {
        self.get_key(&canon::key(name), rtype, now)
    }

    /// A live entry for the name with canonical key `key` and the type.
    pub fn get_key(&self, key: &[u8], rtype: RecordType, now: u64) -> Option<&Entry> {
        self.entries
            .get(key)?
            .iter()
            .find(|e| e.rtype == rtype && e.expires_at() > now)
    }

    /// What the cache can answer a client for `name`/`rtype` at `now`: the records, a CNAME
    /// to follow, or a negative answer. Referral data is never an answer.
    pub fn answer(&self, name: &Name, rtype: RecordType, now: u64) -> Option<CacheHit> {
        let pick = [rtype, RecordType::CNAME, RecordType::ANY]
            .into_iter()
            .filter_map(|t| self.get(name, t, now))
            .find(|e| e.trust == Trust::Answer)?;
        let remaining = pick.remaining(now);
        let data = match &pick.data {
            Cached::Records { records } => Cached::Records {
                records: with_ttl(records, remaining),
            },
            Cached::NxDomain { soa } => Cached::NxDomain {
                soa: soa
                    .as_ref()
                    .map(|s| with_ttl(std::slice::from_ref(s), remaining).remove(0)),
            },
            Cached::NoData { soa } => Cached::NoData {
                soa: soa
                    .as_ref()
                    .map(|s| with_ttl(std::slice::from_ref(s), remaining).remove(0)),
            },
        };
        Some(CacheHit {
            name: pick.name.clone(),
            rtype: pick.rtype,
            data,
            remaining,
            stored_at: pick.stored_at,
        })
    }

    /// The cached records of a name and type, any trust (for steering: NS sets, addresses).
    pub fn records(&self, name: &Name, rtype: RecordType, now: u64) -> Option<&[Record]> {
        self.records_key(&canon::key(name), rtype, now)
    }

    /// `records` for the name with canonical key `key`.
    pub fn records_key(&self, key: &[u8], rtype: RecordType, now: u64) -> Option<&[Record]> {
        match &self.get_key(key, rtype, now)?.data {
            Cached::Records { records } => Some(records),
            _ => None,
        }
    }

    /// Whether the name is cached as non-existent.
    pub fn is_nxdomain(&self, name: &Name, now: u64) -> bool {
        self.get(name, RecordType::ANY, now).is_some()
    }

    /// Every entry, live or expired, in name order.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.values().flatten()
    }

    /// Drops expired entries.
    pub fn expire(&mut self, now: u64) {
        for at in self.entries.values_mut() {
            at.retain(|e| e.expires_at() > now);
        }
        self.entries.retain(|_, at| !at.is_empty());
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }

    pub fn len(&self) -> usize {
        self.entries.values().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn with_ttl(records: &[Record], ttl: u32) -> Vec<Record> {
    records
        .iter()
        .map(|r| {
            let mut r = r.clone();
            r.ttl = ttl;
            r
        })
        .collect()
}
