//! What a piece of work read of a world's zones, recorded while it ran, so a result worked
//! out on one revision can be reused on the next while everything it read is the same (the
//! kept diagnosis, [`crate::diagnose::kept`]).
//!
//! [`record`] runs a closure and returns, with its result, the zones it asked the world for:
//! each zone looked up by id ([`World::zone`]) and each origin whose zones it listed
//! ([`World::zones_named`]), with the identity of what the world gave back (a zone's
//! address: an edit replaces the `Arc` of each zone it changes and only those). A lookup
//! that found nothing is recorded too: a zone added later changes the answer. Recordings
//! nest: what an inner one read counts for the outer one, and [`replay`] adds a recording
//! kept from before (a resolution reused) to the one running.
//!
//! What is not recorded: the name servers, and a walk over every zone (`World::zones`, the
//! `zones` field). Whoever keeps results compares the servers as a whole; code that walks
//! every zone while a recording may run calls [`note_all`], and what read it is never
//! reused.

use std::cell::RefCell;
use std::collections::BTreeMap;

use hickory_proto::rr::Name;

use super::world::World;
use super::zone::Zone;

/// The zones a piece of work read (see the module's documentation).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reads {
    /// Zone id → the zone's identity then (0: no such zone).
    ids: BTreeMap<String, usize>,
    /// Origin → the identities of the zones of that name then, in the world's order.
    origins: BTreeMap<Name, Vec<usize>>,
    /// It walked every zone ([`note_all`]): its result is never reused.
    all: bool,
}

impl Reads {
    /// Adds what `other` read.
    pub fn merge(&mut self, other: &Reads) {
        self.all |= other.all;
        for (id, z) in &other.ids {
            self.ids.entry(id.clone()).or_insert(*z);
        }
        for (origin, zs) in &other.origins {
            self.origins
                .entry(origin.clone())
                .or_insert_with(|| zs.clone());
        }
    }

    /// Whether `world` gives the same answers to every lookup read. Valid only while the
    /// zones of the revision recorded are kept alive (so no address is reused).
    pub fn same_in(&self, world: &World) -> bool {
        !self.all
            && self
                .ids
                .iter()
                .all(|(id, z)| world.find_zone(id).map_or(0, identity) == *z)
            && self.origins.iter().all(|(origin, zs)| {
                let mut now = world.find_zones_named(origin).map(identity);
                zs.iter().all(|z| now.next() == Some(*z)) && now.next().is_none()
            })
    }

    /// How many lookups were read.
    pub fn len(&self) -> usize {
        self.ids.len() + self.origins.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A zone's identity: its address, which an edit changes only for the zones it changes.
pub fn identity(zone: &Zone) -> usize {
    zone as *const Zone as usize
}

thread_local! {
    /// The recordings running, innermost last.
    static FRAMES: RefCell<Vec<Reads>> = const { RefCell::new(Vec::new()) };
}

/// Runs `work`, recording what it reads of any world; what it read also counts for the
/// recording around this one, if any.
pub fn record<T>(work: impl FnOnce() -> T) -> (T, Reads) {
    /// Drops the frame pushed (and any a panic left above it) however `work` ends.
    struct Frame(usize);
    impl Drop for Frame {
        fn drop(&mut self) {
            FRAMES.with(|f| f.borrow_mut().truncate(self.0));
        }
    }
    let frame = FRAMES.with(|f| {
        let mut f = f.borrow_mut();
        f.push(Reads::default());
        Frame(f.len() - 1)
    });
    let out = work();
    let reads = FRAMES.with(|f| f.borrow_mut().pop()).unwrap_or_default();
    drop(frame);
    replay(&reads);
    (out, reads)
}

/// Adds `reads` (recorded before) to the recording running, if any.
pub fn replay(reads: &Reads) {
    FRAMES.with(|f| {
        if let Some(top) = f.borrow_mut().last_mut() {
            top.merge(reads);
        }
    });
}

/// Notes a walk over every zone of a world: what is recorded now is never reused.
pub fn note_all() {
    FRAMES.with(|f| {
        if let Some(top) = f.borrow_mut().last_mut() {
            top.all = true;
        }
    });
}

/// Notes that `zone`, reached by a walk over every zone, was read: as a lookup of its id
/// that found it.
pub fn note_zone(zone: &Zone) {
    note_id(&zone.id, Some(zone));
}

/// Notes a lookup by id and what it found.
pub(super) fn note_id(id: &str, found: Option<&Zone>) {
    FRAMES.with(|f| {
        if let Some(top) = f.borrow_mut().last_mut()
            && !top.ids.contains_key(id)
        {
            top.ids.insert(id.to_string(), found.map_or(0, identity));
        }
    });
}

/// Notes a listing of the zones of an origin and what it found.
pub(super) fn note_origin(world: &World, origin: &Name) {
    FRAMES.with(|f| {
        if let Some(top) = f.borrow_mut().last_mut()
            && !top.origins.contains_key(origin)
        {
            let zs = world.find_zones_named(origin).map(identity).collect();
            top.origins.insert(origin.clone(), zs);
        }
    });
}
