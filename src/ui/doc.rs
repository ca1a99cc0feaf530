//! The document the app edits, saves and undoes: the engine's scenario (the world, the AWS
//! accounts and hosted zones, the clock and the resolver's cache). Views read `doc.world`.

pub use crate::scenario::Scenario as Doc;

/// The preset a first visit starts with.
pub const DEFAULT_PRESET: &str = "article";

/// The document a first visit starts with: the article's working setup.
pub fn default_doc() -> Doc {
    crate::scenario::presets::build(DEFAULT_PRESET).expect("the default preset exists")
}
