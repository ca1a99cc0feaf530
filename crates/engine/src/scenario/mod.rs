//! The scenario: the versioned document that holds a whole world, the presets shipped with
//! the app, the zone-file and zone-folder formats, and the imports, exports and share links
//! of [`interop`], and ACM's operations on a whole scenario ([`acm_ops`]).

pub mod acm_ops;
pub mod clock;
pub mod dig_command;
pub mod dig_suggest;
pub mod document;
pub mod edit;
pub mod file_name;
pub mod hierarchy;
pub mod interop;
pub mod presets;
pub mod scale;
#[cfg(not(target_arch = "wasm32"))]
pub mod source;
pub mod zone_folder;
pub mod zonefile;

pub use document::{DocumentError, Inconsistency, Scenario, VERSION};
