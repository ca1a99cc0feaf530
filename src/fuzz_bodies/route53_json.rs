//! A Route 53 record-set listing (`aws route53 list-resource-record-sets` JSON) imported
//! into the article's `example.com.` hosted zone: what imports, imported again, changes
//! nothing, and the scenario it makes round-trips (JSON, zone files).

use std::sync::OnceLock;

use super::check;
use crate::scenario::interop::{ImportMode, import_route53_json};
use crate::scenario::{Scenario, presets};

/// The hosted zone every listing goes into.
pub const ZONE: &str = "example.com.";

/// The article's preset, built once.
pub fn article() -> &'static Scenario {
    static ARTICLE: OnceLock<Scenario> = OnceLock::new();
    ARTICLE.get_or_init(|| presets::build("article").expect("the article's preset exists"))
}

pub fn route53_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut s = article().clone();
    let Ok(import) = import_route53_json(&s, ZONE, "fuzz.json", text, ImportMode::Merge) else {
        return;
    };
    import
        .edit
        .apply(&mut s)
        .unwrap_or_else(|e| panic!("a checked import does not apply: {e}"));
    let again = import_route53_json(&s, ZONE, "fuzz.json", text, ImportMode::Merge)
        .unwrap_or_else(|e| panic!("an imported listing is refused the second time: {e}"));
    assert!(
        again.changes_nothing(),
        "importing the same listing twice changes the zone again: {:?}",
        again.summary
    );
    check::scenario_round_trips(&s);
    check::zone_files_round_trip(&s);
}
