//! The document the app edits, saves and undoes: for now the world alone. It is the one
//! place the scenario document (`crate::scenario`) will plug in: when it exists, `Doc` holds
//! (or becomes) the scenario, and every view keeps reading `doc.world`.

use serde::{Deserialize, Serialize};

use crate::dns::World;

/// Everything the user has built, as one value: what undo snapshots and localStorage keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Doc {
    pub world: World,
}

impl Doc {
    pub fn new(world: World) -> Self {
        Self { world }
    }
}
