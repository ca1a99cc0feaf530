//! # Delegation Lab
//!
//! A DNS delegation simulator: an in-memory Internet (root and TLD servers, Route 53 hosted
//! zones in several AWS accounts, resolvers, ACM) where parent and child zones are built,
//! subdomains delegated across accounts, and resolution stepped through server by server.
//! This package is the web app; the workspace holds two more: the engine
//! (`crates/engine`, `delegation_lab_engine`) and the command line (`crates/cli`, the
//! `delegation-lab` binary).
//!
//! # Layout
//!
//! - [`dns`], [`aws`], [`scenario`], [`diagnose`]: the engine's modules, re-exported, so the
//!   web app and the tests name them `crate::dns`, `delegation_lab::scenario`, ...
//! - `ui` (the `web` feature, on by default): the Yew web app, the only module that touches
//!   the browser (it compiles natively too, for server-side render tests; browser-only code
//!   is wasm32-gated).
//! - `fuzz_bodies` (tests and the `fuzzing` feature): the fuzz targets' bodies.
//!
//! # The dependency rule
//!
//! `ui` depends on the engine; the engine never depends on `ui` or on anything web (its
//! manifest names no web crate), and never reads the wall clock: time is a parameter (the
//! scenario's simulated clock, in seconds).

pub use delegation_lab_engine::{aws, diagnose, dns, scenario};
/// The fuzz targets' bodies: for `fuzz/` (the `fuzzing` feature) and the stable loop in tests.
#[cfg(any(test, feature = "fuzzing"))]
pub mod fuzz_bodies;
#[cfg(feature = "web")]
pub mod ui;
