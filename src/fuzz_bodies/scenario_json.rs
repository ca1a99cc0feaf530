//! A scenario document (opened from a file, pasted into the import dialog, or read from
//! the browser's storage): what loads writes the same document back, its zone files and
//! zone folder round-trip, and the diagnostics the app runs on it finish.

use super::check;
use crate::scenario::Scenario;
use crate::scenario::interop::import_scenario;

pub fn scenario_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(s) = Scenario::from_json(text) else {
        return;
    };
    assert_eq!(
        import_scenario("fuzz.json", text).as_ref(),
        Ok(&s),
        "the import dialog reads the document differently"
    );
    check::scenario_round_trips(&s);
    check::zone_files_round_trip(&s);
    check::folder_round_trips(&s.world);
    crate::diagnose::diagnose(&s);
}
