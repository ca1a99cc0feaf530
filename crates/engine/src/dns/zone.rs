//! A zone: an origin and its record sets, kept in canonical DNS order so that a name's
//! descendants follow it (empty non-terminals and zone cuts are found by range, not by scan).
//!
//! Keys and each name's sets are shared (`Arc`): cloning a zone of 25,000 record sets copies
//! the map's nodes and pointers, not the records, and an edit copies only the sets of the
//! name it changes. An undo snapshot of a big zone so costs little beside the zone itself.

use std::collections::BTreeMap;
use std::sync::Arc;

use hickory_proto::rr::{Name, RecordType};
use serde::{Deserialize, Serialize};

use super::canon::{self, ancestor};
use super::rrset::RecordSet;

/// One zone's data. `id` names it in the world: the origin for Internet fixtures
/// (`com.`), the hosted zone id for Route 53 (`Z…`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ZoneDoc", into = "ZoneDoc")]
pub struct Zone {
    pub id: String,
    pub origin: Name,
    /// Record sets by canonical key of their name (see [`canon`]).
    sets: BTreeMap<Arc<[u8]>, Arc<Vec<RecordSet>>>,
    /// How many record sets `sets` holds (kept as it changes: the record table and the
    /// zone's head ask on every render, and counting 25,000 sets is not free).
    count: usize,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ZoneDoc {
    id: String,
    #[serde(with = "crate::dns::name::serde_text")]
    origin: Name,
    records: Vec<RecordSet>,
}

impl From<Zone> for ZoneDoc {
    fn from(zone: Zone) -> Self {
        let records = zone.iter().cloned().collect();
        Self {
            id: zone.id,
            origin: zone.origin,
            records,
        }
    }
}

/// Why a zone in a document cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ZoneDocError {
    #[error("record {name} is outside zone {origin}")]
    OutsideZone { name: String, origin: String },
    #[error("record set {name} {rtype} appears twice in zone {origin}")]
    Twice {
        name: String,
        rtype: RecordType,
        origin: String,
    },
}

impl TryFrom<ZoneDoc> for Zone {
    type Error = ZoneDocError;

    fn try_from(doc: ZoneDoc) -> Result<Self, ZoneDocError> {
        let mut origin = doc.origin;
        origin.set_fqdn(true);
        let mut zone = Zone::new(doc.id, origin);
        for set in doc.records {
            if !zone.origin.zone_of(&set.name) {
                return Err(ZoneDocError::OutsideZone {
                    name: set.name.to_string(),
                    origin: zone.origin.to_string(),
                });
            }
            if zone.get(&set.name, set.rtype).is_some() {
                return Err(ZoneDocError::Twice {
                    name: set.name.to_string(),
                    rtype: set.rtype,
                    origin: zone.origin.to_string(),
                });
            }
            zone.upsert(set);
        }
        Ok(zone)
    }
}

impl Zone {
    pub fn new(id: impl Into<String>, origin: Name) -> Self {
        Self {
            id: id.into(),
            origin,
            sets: BTreeMap::new(),
            count: 0,
        }
    }

    /// A zone from record sets; a set replaces an earlier one of the same name and type, as
    /// [`Zone::upsert`] does. Sets given in canonical order of their names (as [`Zone::iter`]
    /// gives them) are placed in linear time: loading a large zone file relies on it.
    pub fn from_sets(
        id: impl Into<String>,
        origin: Name,
        sets: impl IntoIterator<Item = RecordSet>,
    ) -> Self {
        let mut zone = Self::new(id, origin);
        // Group the sets of each name, noting whether names come in canonical order.
        let mut grouped: Vec<(Vec<u8>, Vec<RecordSet>)> = Vec::new();
        let mut in_order = true;
        for set in sets {
            let key = canon::key(&set.name);
            match grouped.last_mut() {
                Some((k, at)) if *k == key => at.push(set),
                previous => {
                    in_order &= previous.is_none_or(|(k, _)| *k < key);
                    grouped.push((key, vec![set]));
                }
            }
        }
        if !in_order {
            grouped
                .into_iter()
                .flat_map(|(_, at)| at)
                .for_each(|set| zone.upsert(set));
            return zone;
        }
        for (_, at) in grouped.iter_mut().filter(|(_, at)| at.len() > 1) {
            let mut unique: Vec<RecordSet> = Vec::with_capacity(at.len());
            for set in at.drain(..) {
                match unique.iter_mut().find(|s| s.rtype == set.rtype) {
                    Some(old) => *old = set,
                    None => unique.push(set),
                }
            }
            unique.sort_by_key(|s| u16::from(s.rtype));
            *at = unique;
        }
        // Already sorted, so collecting costs a linear number of comparisons.
        zone.count = grouped.iter().map(|(_, at)| at.len()).sum();
        zone.sets = grouped
            .into_iter()
            .map(|(k, at)| (Arc::from(k), Arc::new(at)))
            .collect();
        zone
    }

    /// The record set of `rtype` at `name`, if any.
    pub fn get(&self, name: &Name, rtype: RecordType) -> Option<&RecordSet> {
        self.get_key(&canon::key(name), rtype)
    }

    /// The record set of `rtype` at the name with canonical key `key`.
    pub fn get_key(&self, key: &[u8], rtype: RecordType) -> Option<&RecordSet> {
        self.sets.get(key)?.iter().find(|s| s.rtype == rtype)
    }

    /// Every record set at exactly `name`.
    pub fn sets_at(&self, name: &Name) -> &[RecordSet] {
        self.sets_at_key(&canon::key(name))
    }

    /// Every record set at the name with canonical key `key`.
    pub fn sets_at_key(&self, key: &[u8]) -> &[RecordSet] {
        self.sets.get(key).map(|at| at.as_slice()).unwrap_or(&[])
    }

    /// Adds a record set, replacing the one of the same name and type.
    pub fn upsert(&mut self, set: RecordSet) {
        let at = Arc::make_mut(
            self.sets
                .entry(Arc::from(canon::key(&set.name)))
                .or_default(),
        );
        match at.iter_mut().find(|s| s.rtype == set.rtype) {
            Some(old) => *old = set,
            None => {
                at.push(set);
                at.sort_by_key(|s| u16::from(s.rtype));
                self.count += 1;
            }
        }
    }

    /// Removes the record set of `rtype` at `name`.
    pub fn remove(&mut self, name: &Name, rtype: RecordType) -> Option<RecordSet> {
        let key = canon::key(name);
        let at = Arc::make_mut(self.sets.get_mut(key.as_slice())?);
        let pos = at.iter().position(|s| s.rtype == rtype)?;
        let removed = at.remove(pos);
        self.count -= 1;
        if at.is_empty() {
            self.sets.remove(key.as_slice());
        }
        Some(removed)
    }

    /// All record sets, in canonical name order, types in numeric order at each name.
    pub fn iter(&self) -> impl Iterator<Item = &RecordSet> {
        self.sets.values().flat_map(|at| at.iter())
    }

    /// The record sets grouped by name, in the order of [`Zone::iter`]: each group shared
    /// (by `Arc`) with the copies of this zone an edit left it unchanged in, so a reader can
    /// keep what it made of a group (the app's saved text) until the group changes.
    pub fn groups(&self) -> impl Iterator<Item = &Arc<Vec<RecordSet>>> {
        self.sets.values()
    }

    /// The number of record sets.
    /// The record sets, in [`Zone::iter`]'s order, taken out of the zone (copied only where
    /// another zone shares them).
    pub fn into_sets(self) -> impl Iterator<Item = RecordSet> {
        self.sets
            .into_values()
            .flat_map(|at| Arc::try_unwrap(at).unwrap_or_else(|shared| (*shared).clone()))
    }

    /// How many record sets the zone holds.
    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.sets.is_empty()
    }

    /// The apex SOA set.
    pub fn soa(&self) -> Option<&RecordSet> {
        self.get(&self.origin, RecordType::SOA)
    }

    /// The apex NS set.
    pub fn apex_ns(&self) -> Option<&RecordSet> {
        self.get(&self.origin, RecordType::NS)
    }

    /// Whether `name` has data or descendants with data (an empty non-terminal exists too).
    pub fn name_exists(&self, name: &Name) -> bool {
        self.key_exists(&canon::key(name))
    }

    /// `name_exists` for a canonical key: a key with data at or below it.
    pub fn key_exists(&self, key: &[u8]) -> bool {
        self.sets
            .range::<[u8], _>((std::ops::Bound::Included(key), std::ops::Bound::Unbounded))
            .next()
            .is_some_and(|(k, _)| k.starts_with(key))
    }

    /// Whether `name` has no data of its own but descendants that do.
    pub fn is_empty_non_terminal(&self, name: &Name) -> bool {
        let key = canon::key(name);
        !self.sets.contains_key(key.as_slice()) && self.key_exists(&key)
    }

    /// The delegation that covers `qname`: the NS set at the highest name strictly below the
    /// origin, at or above `qname` (RFC 1034 4.3.2 step 3b).
    pub fn cut_for(&self, qname: &Name) -> Option<&RecordSet> {
        if !self.origin.zone_of(qname) {
            return None;
        }
        self.cut_for_key(&canon::key(qname), usize::from(qname.num_labels()))
    }

    /// `cut_for` for a name in the zone given by its canonical key and label count.
    pub fn cut_for_key(&self, key: &[u8], labels: usize) -> Option<&RecordSet> {
        let apex_labels = usize::from(self.origin.num_labels());
        (apex_labels + 1..=labels).find_map(|l| self.get_key(ancestor(key, l), RecordType::NS))
    }

    /// Every delegation point in the zone (names below the apex holding NS).
    pub fn delegations(&self) -> impl Iterator<Item = &RecordSet> {
        self.iter()
            .filter(|s| s.rtype == RecordType::NS && s.name != self.origin)
    }

    /// Whether the set is at or below a delegation point and so never served (occluded).
    pub fn is_occluded(&self, set: &RecordSet) -> bool {
        match self.cut_for(&set.name) {
            None => false,
            Some(cut) if cut.name == set.name => {
                set.rtype != RecordType::NS && !parent_side(set.rtype)
            }
            Some(_) => true,
        }
    }
}

/// Types a zone holds at its own delegation points and answers with authority: DS and the
/// NSEC of the cut (RFC 4035 section 2.4 and 3.1.4.1; BIND 9.18 answers both with AA set,
/// `tests/fixtures/oracle/root`).
pub fn parent_side(rtype: RecordType) -> bool {
    matches!(rtype, RecordType::DS | RecordType::NSEC)
}
