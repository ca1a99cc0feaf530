//! Accounts and hosted zones: the feature that owns the accounts panel (every AWS account
//! with its hosted zones, creating accounts and zones, deleting and recreating a zone, the
//! registry's NS of each registered domain) and the delegation knowledge the zone panel's
//! "add these name servers to the parent" reads.
//!
//! Pure, tested natively:
//! - [`model`]: the forms' drafts, the edits they build and their typed errors per field.
//! - [`delegation`]: registered domains, their registry NS, what a hosted zone's parent says.
//!
//! Components:
//! - [`panel`]: [`AccountsPanel`], the container: which dialog is open, the drafts.
//! - [`account_card`]: one account's card.
//! - [`hosted_zone_list`]: one account's hosted zones, a page at a time, filtered.
//! - [`hosted_zone_row`]: one hosted zone with Select, Recreate and Delete.
//! - [`zone_dialog`]: the create-hosted-zone dialog.
//! - [`account_dialog`]: the create-account dialog.
//! - [`confirm_dialog`]: the confirmation before a zone is deleted or recreated.
//! - [`registry_list`]: the registry's NS of each registered domain.
//! - [`registry_form`]: the editor of one domain's registry NS.
//! - [`fields`]: the forms' error lines, input values and focus.

pub mod account_card;
pub mod account_dialog;
pub mod confirm_dialog;
pub mod delegation;
pub mod fields;
pub mod hosted_zone_list;
pub mod hosted_zone_row;
pub mod model;
pub mod panel;
pub mod registry_form;
pub mod registry_list;
pub mod zone_dialog;

pub use panel::AccountsPanel;
