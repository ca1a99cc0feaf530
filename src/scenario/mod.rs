//! The scenario: the versioned document, presets, and the zone-file and zone-folder formats.

pub mod zone_folder;
pub mod zonefile;
