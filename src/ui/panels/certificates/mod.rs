//! Certificates (ACM): the feature that owns the certificates panel: per account its
//! certificates with their validation records, the console's "Create records in Route 53",
//! the simulated clock, ACM's lookups and CAA searches stepped through, the request form and
//! the article's two outcomes.
//!
//! Pure, tested natively:
//! - [`model`]: the request form's draft, its typed errors per field, status badges.
//! - [`lookup`]: ACM's latest lookup of a validation record, replayed; the zone it belongs in.
//! - [`caa`]: ACM's CAA check replayed: the names climbed, the relevant set, the decision.
//! - [`outcomes`]: the article's two outcomes, run on copies of their presets.
//!
//! Components:
//! - [`panel`]: [`CertificatesPanel`] (still one component with its view functions; to be
//!   split into request form, certificate card, records, CAA and timeline components).
//! - [`caa_search`]: one CAA search stepped through.

pub mod caa;
pub mod caa_search;
pub mod lookup;
pub mod model;
pub mod outcomes;
pub mod panel;

pub use panel::{CertificatesPanel, CertificatesPanelProps};
