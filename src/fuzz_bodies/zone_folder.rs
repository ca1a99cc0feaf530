//! A zone folder (`topology.json` and `zones/*.zone`), given as one text: the topology, then
//! each file after a line `==> NAME <==` (as `head` prints several files). What loads
//! exports a folder that loads into the same world.

use super::check;
use crate::scenario::zone_folder::load_folder;

/// What starts the line before each zone file's text.
const FILE_MARK: &str = "\n==> ";

pub fn zone_folder(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (topology, files) = split(text);
    let Ok(world) = load_folder(topology, &files) else {
        return;
    };
    check::folder_round_trips(&world);
}

/// The topology and the `(name, text)` of each file.
fn split(text: &str) -> (&str, Vec<(String, String)>) {
    let mut parts = text.split(FILE_MARK);
    let topology = parts.next().unwrap_or_default();
    let files = parts
        .map(|part| {
            let (head, body) = part.split_once('\n').unwrap_or((part, ""));
            let name = head.trim_end().trim_end_matches("<==").trim();
            (name.to_string(), body.to_string())
        })
        .collect();
    (topology, files)
}
