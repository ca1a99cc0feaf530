//! Feature folders: each panel's pure model (tested natively) beside the components that
//! show it, so a feature is read in one place.
//!
//! - [`accounts`]: accounts, hosted zones and the registry's NS.
//! - [`certificates`]: ACM certificates, their validation and CAA checks.
//! - [`challenges`]: the article's failure modes and quiz as puzzles to solve.
//! - [`diagram`]: the delegation diagram, its layout, zoom and pan.
//! - [`interop`]: the import, export and share dialogs (files in and out, links, embeds).
//! - [`resolve`]: the question, the steps of its resolution, the dig console and the clock.
//! - [`zone`]: the selected zone's head, its record table and the record dialog.

pub mod accounts;
pub mod certificates;
pub mod challenges;
pub mod diagram;
pub mod interop;
pub mod resolve;
pub mod zone;
