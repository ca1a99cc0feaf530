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
pub use cname_chain::Pending as CnamePending;
pub use validation::is_validation_record;

/// A check: its name and the function that runs it.
pub type Check = (&'static str, fn(&Context) -> Vec<Finding>);

/// The name of the CAA check, which [`crate::diagnose::Diagnoser`] runs a name at a time.
pub const CAA_CHECK: &str = "CAA that forbids Amazon";

/// The name of the CNAME chain check, which [`crate::diagnose::Diagnoser`] runs a CNAME
/// at a time.
pub const CNAME_CHECK: &str = "CNAME chains";

/// The name of the check that reads the public resolver's cache (and nothing else changes
/// between revisions that only ran a resolution: see [`crate::diagnose::Diagnoser::start`]).
pub const CACHE_CHECK: &str = "negative answers still cached";

/// Every check, in the order they run.
pub const CHECKS: [Check; 16] = [
    ("delegation NS differ from the child's", mismatch::check),
    ("stale delegation after a recreate", stale::check),
    ("registry delegation", registry::check),
    ("lame servers", lame::check),
    ("NS names that do not resolve", unresolvable::check),
    ("in-bailiwick NS without glue", glue::check),
    (
        "delegation to a zone that does not exist",
        missing_zone::check,
    ),
    ("zones no parent delegates to", orphan::check),
    ("records below a delegation in the parent", occluded::check),
    (
        "ACM validation records in the wrong zone",
        validation::check,
    ),
    ("CNAME at an apex", cname_apex::check),
    ("CNAME beside other data", cname_other_data::check),
    (CNAME_CHECK, cname_chain::check),
    (CAA_CHECK, caa::check),
    ("parent and child NS TTLs", ttl_delegation::check),
    (CACHE_CHECK, ttl_negative_cache::check),
];
