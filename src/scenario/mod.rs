//! The scenario: the versioned document that holds a whole world, the presets shipped with
//! the app, and the zone-file and zone-folder formats.

pub mod document;
pub mod hierarchy;
pub mod presets;

pub use document::{DocumentError, Scenario, VERSION};
pub mod dig_command;
#[cfg(not(target_arch = "wasm32"))]
pub mod source;
