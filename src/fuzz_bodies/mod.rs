//! The bodies of the fuzz targets: for every decoder a user or a page can feed, read the
//! input, and when it is accepted, check that it round-trips to the same document (not only
//! that nothing panicked). One body per file, each `fn(&[u8])` that panics on a failure.
//!
//! Two drivers call them: the cargo-fuzz targets in `fuzz/` (nightly, libFuzzer, through the
//! `fuzzing` feature) and, in every ordinary `cargo test`, the bounded loop of the `stable`
//! module, which feeds each body its committed seeds (`fuzz/seeds/<target>/`) and a fixed
//! number of deterministic mutations of them.
//!
//! Inputs that are not UTF-8 are skipped: every decoder here takes text, as the browser and
//! the command line hand it.

mod check;
mod dig_line;
/// The record form is the web app's (`ui::panels::zone::record_form`): a real body with the `web` feature.
#[cfg_attr(not(feature = "web"), allow(unused))]
mod record_form;
mod route53_json;
mod scenario_json;
mod share_link;
mod zone_file;
mod zone_folder;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod mutate;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod stable;

pub use dig_line::dig_line;
pub use record_form::record_form;
pub use route53_json::route53_json;
pub use scenario_json::scenario_json;
pub use share_link::share_link;
pub use zone_file::zone_file;
pub use zone_folder::zone_folder;

/// A target's body: decode the input, check what is accepted, panic on a failure.
pub type Body = fn(&[u8]);

/// Every target: its name (the `fuzz/` binary and seed folder) and its body.
pub const TARGETS: [(&str, Body); 7] = [
    ("zone_file", zone_file),
    ("zone_folder", zone_folder),
    ("scenario_json", scenario_json),
    ("route53_json", route53_json),
    ("share_link", share_link),
    ("dig_line", dig_line),
    ("record_form", record_form),
];
