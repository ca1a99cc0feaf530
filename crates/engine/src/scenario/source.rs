//! Where a scenario comes from on the command line: a preset name, a scenario JSON file, or
//! a zone folder (`topology.json` + `zones/`). Native only: it reads the file system.

use std::path::Path;

use super::document::Scenario;
use super::presets;
use super::zone_folder;

/// Loads SOURCE: a preset id, a directory holding a zone folder, or a scenario file.
pub fn load(source: &str) -> Result<Scenario, String> {
    if let Some(s) = presets::build(source) {
        return Ok(s);
    }
    let path = Path::new(source);
    if path.is_dir() {
        let world = zone_folder::load_folder_path(path).map_err(|e| e.to_string())?;
        let mut s = Scenario::new(&format!("zone folder {source}"), 0);
        s.world = world;
        return Ok(s);
    }
    if path.is_file() {
        let limit = crate::scenario::interop::MAX_IMPORT_BYTES;
        if std::fs::metadata(path).is_ok_and(|m| m.len() > limit as u64) {
            return Err(crate::scenario::interop::import_too_large(source));
        }
        let text =
            std::fs::read_to_string(path).map_err(|e| format!("cannot read {source}: {e}"))?;
        return Scenario::from_json(&text).map_err(|e| format!("{source}: {e}"));
    }
    let names: Vec<&str> = presets::PRESETS.iter().map(|p| p.id).collect();
    Err(format!(
        "{source} is neither a preset ({}), nor a zone folder, nor a scenario file",
        names.join(", ")
    ))
}
