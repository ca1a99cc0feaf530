//! The scenario: the versioned document that holds a whole world, the presets shipped with
//! the app, and the zone-file and zone-folder formats.

pub mod dig_command;
pub mod document;
pub mod edit;
pub mod hierarchy;
pub mod presets;
#[cfg(not(target_arch = "wasm32"))]
pub mod source;
pub mod zone_folder;
pub mod zonefile;

pub use document::{DocumentError, Scenario, VERSION};
