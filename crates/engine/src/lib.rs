//! # Delegation Lab's engine
//!
//! An in-memory Internet (root and TLD servers, Route 53 hosted zones in several AWS
//! accounts, resolvers, ACM) where parent and child zones are built, subdomains delegated
//! across accounts, and resolution stepped through server by server. The web app (the
//! `delegation-lab` package at the workspace's root) and the command line
//! (`crates/cli`) are both built on it.
//!
//! # Layout
//!
//! - [`dns`]: names, record sets, zones, name servers, the world; authoritative answers,
//!   resolution as steps (iterative, recursive with a cache, direct), and dig's text.
//! - [`aws`]: Route 53 (accounts, hosted zones, delegation sets, record-set rules) and ACM.
//! - [`scenario`]: the versioned document that holds a whole world, the presets, the
//!   zone-folder format, the one `Edit`, and imports, exports and share links
//!   (`scenario::interop`).
//! - [`diagnose`]: findings about a world and the fixes for them.
//!
//! # The dependency rule
//!
//! Nothing here depends on anything web (yew, gloo, web-sys, js-sys, wasm-bindgen: this
//! crate's manifest does not name them), and nothing reads the wall clock: time is a
//! parameter (the scenario's simulated clock, in seconds).

pub mod aws;
pub mod diagnose;
pub mod dns;
pub mod scenario;
