//! # Delegation Lab
//!
//! A DNS delegation simulator: an in-memory Internet (root and TLD servers, Route 53 hosted
//! zones in several AWS accounts, resolvers, ACM) where parent and child zones are built,
//! subdomains delegated across accounts, and resolution stepped through server by server.
//!
//! # Layout
//!
//! - [`dns`]: names, record sets, zones, name servers, the world; authoritative answers,
//!   resolution as steps (iterative, recursive with a cache, direct), and dig's text.
//! - [`aws`]: Route 53 (accounts, hosted zones, delegation sets, record-set rules) and ACM.
//! - [`scenario`]: the versioned document that holds a whole world, the presets, the
//!   zone-folder format, and imports, exports and share links (`scenario::interop`).
//! - [`diagnose`]: findings about a world and the fixes for them.
//! - `ui` (the `web` feature, on by default): the Yew web app, the only module that touches
//!   the browser (it compiles natively too, for server-side render tests; browser-only code
//!   is wasm32-gated). The command line is built without it (`--no-default-features`), so
//!   it links no yew, gloo, web-sys, js-sys or wasm-bindgen.
//! - `cli` (native only, in the binary): the `delegation-lab` command line.
//!
//! # The dependency rule
//!
//! `ui` depends on the core; the core (`dns`, `aws`, `scenario`, `diagnose`) never depends
//! on `ui` or on anything web, and never reads the wall clock: time is a parameter
//! (the scenario's simulated clock, in seconds). One transitional exception, until the web
//! app's state module names its own type: `scenario::interop::ViewState` re-exports
//! `ui::view_state::ViewState` (with the `web` feature only; the engine never uses it).

pub mod aws;
pub mod diagnose;
pub mod dns;
/// The fuzz targets' bodies: for `fuzz/` (the `fuzzing` feature) and the stable loop in tests.
#[cfg(any(test, feature = "fuzzing"))]
pub mod fuzz_bodies;
pub mod scenario;
#[cfg(feature = "web")]
pub mod ui;
