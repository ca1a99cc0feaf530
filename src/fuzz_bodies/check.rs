//! The round-trip checks the bodies share: a scenario reads back from its own JSON as the
//! same document, its exported files have safe names and read back into the same zones,
//! and a world reads back from its own zone folder.

use crate::dns::World;
use crate::scenario::interop::{ImportMode, export_zone_files, import_zone_file};
use crate::scenario::zone_folder::{TOPOLOGY_FILE, ZONES_DIR, export_folder, load_folder};
use crate::scenario::{Scenario, interop};

/// The scenario reads back from its JSON as the same document, which writes the same text.
pub fn scenario_round_trips(s: &Scenario) {
    let json = s.to_json();
    let back = Scenario::from_json(&json)
        .unwrap_or_else(|e| panic!("a scenario's own JSON is refused: {e}\n{json}"));
    assert_eq!(&back, s, "the scenario changed through its JSON");
    assert_eq!(back.to_json(), json, "the JSON changed on a second write");
}

/// A file name an export writes: one plain component, nothing a file system or an archive
/// reads as a path (`/`, `\`, `..`), no control character.
pub fn assert_safe_file_name(name: &str) {
    assert!(
        !name.is_empty()
            && name != "."
            && name != ".."
            && !name.contains(['/', '\\', ':'])
            && !name.chars().any(char::is_control),
        "an export writes the unsafe file name {name:?}"
    );
}

/// Every hosted zone's exported zone file has a safe name and, imported back into its zone
/// (replacing), changes nothing; the ZIP of them holds the same names.
pub fn zone_files_round_trip(s: &Scenario) {
    let files = export_zone_files(s);
    let zones = s
        .aws
        .hosted_zones
        .iter()
        .filter(|hz| s.world.zone(&hz.id).is_some());
    assert_eq!(files.len(), zones.clone().count());
    for (hz, (file, text)) in zones.zip(&files) {
        assert_safe_file_name(file);
        let import = import_zone_file(s, &hz.id, file, text, ImportMode::Replace)
            .unwrap_or_else(|e| panic!("the exported zone file is refused: {e}\n{text}"));
        assert!(
            import.changes_nothing(),
            "the exported zone file of {} does not read back into the same zone: {:?}\n{text}",
            hz.id,
            import.summary
        );
    }
    let bytes: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .map(|(name, text)| (name, text.into_bytes()))
        .collect();
    let archive = interop::zip(&bytes);
    assert!(archive.len() >= 22, "a ZIP archive ends with its directory");
}

/// The world's zone folder has safe names and loads back into the same world, which
/// exports the same folder.
pub fn folder_round_trips(world: &World) {
    let files = export_folder(world);
    let (topology, zones) = files.split_first().expect("a folder has its topology");
    assert_eq!(topology.0, TOPOLOGY_FILE);
    for (path, _) in zones {
        let name = path
            .strip_prefix(&format!("{ZONES_DIR}/"))
            .unwrap_or_else(|| panic!("a zone file outside {ZONES_DIR}/: {path:?}"));
        assert_safe_file_name(name);
    }
    let back = load_folder(&topology.1, zones)
        .unwrap_or_else(|e| panic!("an exported zone folder does not load: {e}"));
    assert_eq!(&back, world, "the world changed through its zone folder");
    assert_eq!(
        export_folder(&back),
        files,
        "the folder changed on a second export"
    );
}
