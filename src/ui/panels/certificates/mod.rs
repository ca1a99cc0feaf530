//! Certificates (ACM): the feature that owns the certificates panel: per account its
//! certificates with their validation records, the console's "Create records in Route 53",
//! the simulated clock, ACM's lookups and CAA searches stepped through, the request form and
//! the article's two outcomes.
//!
//! Pure, tested natively:
//! - [`model`]: the request form's draft, its typed errors per field, status badges, what is
//!   open below a certificate.
//! - [`lookup`]: ACM's latest lookup of a validation record, replayed; the zone it belongs in.
//! - [`caa`]: ACM's CAA check replayed: the names climbed, the relevant set, the decision.
//! - [`outcomes`]: the article's two outcomes, run on copies of their presets.
//!
//! Components:
//! - [`panel`]: [`CertificatesPanel`], which composes the others;
//! - [`clock_bar`]: the simulated time and the buttons that move it;
//! - [`card`]: one certificate, with [`records`] (its validation records, where each goes:
//!   [`plan`]), [`caa_checks`] and [`timeline`];
//! - [`lookup_stepper`] and [`caa_search`]: ACM's lookup of a record and its CAA search,
//!   stepped through, their zones lit in the diagram ([`highlight`]);
//! - [`request_form`]: "Request a certificate";
//! - [`compare`]: the article's two outcomes side by side.

pub mod caa;
pub mod caa_checks;
pub mod caa_search;
pub mod card;
pub mod clock_bar;
pub mod compare;
pub mod highlight;
pub mod lookup;
pub mod lookup_stepper;
pub mod model;
pub mod outcomes;
pub mod panel;
pub mod plan;
pub mod records;
pub mod request_form;
pub mod timeline;

pub use panel::{CertificatesPanel, CertificatesPanelProps};
