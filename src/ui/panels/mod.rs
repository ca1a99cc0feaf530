//! Feature folders: each panel's pure model (tested natively) beside the components that
//! show it, so a feature is read in one place.
//!
//! - [`accounts`]: accounts, hosted zones and the registry's NS.
//! - [`certificates`]: ACM certificates, their validation and CAA checks.

pub mod accounts;
pub mod certificates;
