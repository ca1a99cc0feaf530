//! Where a scenario comes from on the command line: a preset name, a scenario JSON file, or
//! a zone folder (`topology.json` + `zones/`). Native only: it reads the file system.

use std::path::Path;

use super::document::{DocumentError, Scenario};
use super::presets;
use super::zone_folder;

/// Why SOURCE could not be loaded; `path` is SOURCE as given.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error(transparent)]
    Folder(#[from] zone_folder::FolderError),
    #[error("{}", crate::scenario::interop::import_too_large(.path))]
    TooLarge { path: String },
    #[error("cannot read {path}: {error}")]
    Read {
        path: String,
        #[source]
        error: std::io::Error,
    },
    #[error("{path}: {source}")]
    Document { path: String, source: DocumentError },
    #[error(
        "{path} is neither a preset ({}), nor a zone folder, nor a scenario file",
        .presets.join(", ")
    )]
    Unknown {
        path: String,
        presets: Vec<&'static str>,
    },
}

/// Loads SOURCE: a preset id, a directory holding a zone folder, or a scenario file.
pub fn load(source: &str) -> Result<Scenario, SourceError> {
    if let Some(s) = presets::build(source) {
        return Ok(s);
    }
    let path = Path::new(source);
    if path.is_dir() {
        let world = zone_folder::load_folder_path(path)?;
        let mut s = Scenario::new(&format!("zone folder {source}"), 0);
        s.world = world;
        return Ok(s);
    }
    if path.is_file() {
        let limit = crate::scenario::interop::MAX_IMPORT_BYTES;
        if std::fs::metadata(path).is_ok_and(|m| m.len() > limit as u64) {
            return Err(SourceError::TooLarge {
                path: source.to_string(),
            });
        }
        let text = std::fs::read_to_string(path).map_err(|error| SourceError::Read {
            path: source.to_string(),
            error,
        })?;
        return Scenario::from_json(&text).map_err(|e| SourceError::Document {
            path: source.to_string(),
            source: e,
        });
    }
    Err(SourceError::Unknown {
        path: source.to_string(),
        presets: presets::PRESETS.iter().map(|p| p.id).collect(),
    })
}
