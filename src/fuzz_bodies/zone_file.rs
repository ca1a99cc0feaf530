//! A BIND zone file (the zone-folder reader and "Import zone file" both read one): what
//! loads writes back as a zone file that loads into the same zone and writes the same text.

use crate::dns::name::n;
use crate::scenario::zonefile::{parse_zone_file, render_zone_file};

/// The origin every input is read in.
const ORIGIN: &str = "example.com.";

pub fn zone_file(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let origin = n(ORIGIN);
    let Ok(zone) = parse_zone_file(text, &origin, ORIGIN, "fuzz.zone") else {
        return;
    };
    let written = render_zone_file(&zone);
    let back = parse_zone_file(&written, &origin, ORIGIN, "written.zone").unwrap_or_else(|e| {
        panic!("a zone file written from a loaded zone is refused: {e}\n{written}")
    });
    assert_eq!(
        back, zone,
        "the zone changed through its zone file\n{written}"
    );
    assert_eq!(
        render_zone_file(&back),
        written,
        "the zone file changed on a second write"
    );
}
