//! The checks, one per file. Each reads the shared [`Context`] and returns its findings; the
//! delegation checks split the servers of each probed delegation between them by cause (see
//! [`super::delegation`]), so one mistake is reported once.

mod caa;
mod cname_apex;
mod cname_chain;
mod cname_other_data;
mod glue;
mod lame;
mod mismatch;
mod missing_zone;
mod occluded;
mod orphan;
mod registry;
mod stale;
mod ttl_delegation;
mod ttl_negative_cache;
mod unresolvable;
mod validation;

use super::context::Context;
use super::finding::Finding;

pub use caa::{AMAZON_ISSUERS, Pending as CaaPending, requested_names};
pub use cname_chain::{Outcome as CnameOutcome, Pending as CnamePending, outcome as cname_outcome};
pub use occluded::check_zone as occluded_in_zone;
pub use validation::is_validation_record;

/// A check: its name, the function that runs it and what it reads.
pub type Check = (&'static str, fn(&Context) -> Vec<Finding>, Scope);

/// What a check's findings are about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Each probed delegation alone: its findings are the concatenation, in probing order, of
    /// what it finds on a context holding one delegation at a time (so they can be kept per
    /// delegation: [`crate::diagnose::kept`]).
    Delegation,
    /// The whole world.
    World,
}

/// The name of the CAA check, which [`crate::diagnose::Diagnoser`] runs a name at a time.
pub const CAA_CHECK: &str = "CAA that forbids Amazon";

/// The name of the CNAME chain check, which [`crate::diagnose::Diagnoser`] runs a CNAME
/// at a time.
pub const CNAME_CHECK: &str = "CNAME chains";

/// The name of the check of records below a delegation, which
/// [`crate::diagnose::Diagnoser`] keeps per zone.
pub const OCCLUDED_CHECK: &str = "records below a delegation in the parent";

/// The name of the check that reads the public resolver's cache (and nothing else changes
/// between revisions that only ran a resolution: see [`crate::diagnose::Diagnoser::start`]).
pub const CACHE_CHECK: &str = "negative answers still cached";

/// Every check, in the order they run.
pub const CHECKS: [Check; 16] = [
    (
        "delegation NS differ from the child's",
        mismatch::check,
        Scope::Delegation,
    ),
    (
        "stale delegation after a recreate",
        stale::check,
        Scope::Delegation,
    ),
    ("registry delegation", registry::check, Scope::Delegation),
    ("lame servers", lame::check, Scope::Delegation),
    (
        "NS names that do not resolve",
        unresolvable::check,
        Scope::Delegation,
    ),
    (
        "in-bailiwick NS without glue",
        glue::check,
        Scope::Delegation,
    ),
    (
        "delegation to a zone that does not exist",
        missing_zone::check,
        Scope::Delegation,
    ),
    ("zones no parent delegates to", orphan::check, Scope::World),
    (
        "records below a delegation in the parent",
        occluded::check,
        Scope::World,
    ),
    (
        "ACM validation records in the wrong zone",
        validation::check,
        Scope::World,
    ),
    ("CNAME at an apex", cname_apex::check, Scope::World),
    (
        "CNAME beside other data",
        cname_other_data::check,
        Scope::World,
    ),
    (CNAME_CHECK, cname_chain::check, Scope::World),
    (CAA_CHECK, caa::check, Scope::World),
    (
        "parent and child NS TTLs",
        ttl_delegation::check,
        Scope::Delegation,
    ),
    (CACHE_CHECK, ttl_negative_cache::check, Scope::World),
];
