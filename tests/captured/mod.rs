//! Comparing the simulator's dig text with a capture of real dig: the lines that do not
//! change between runs (the query id, times and the order of records in a set do).

use std::collections::BTreeMap;

/// dig's lines that do not change between runs, with each section's records sorted; the
/// `exit N` line a capture script appends is left out.
pub fn stable(text: &str) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut section = String::new();
    for line in text.lines() {
        if let Some(s) = line
            .strip_prefix(";; ")
            .and_then(|l| l.strip_suffix(" SECTION:"))
        {
            section = s.to_string();
        } else if line.starts_with(";; flags:")
            || line.starts_with(";; MSG SIZE")
            || line.contains("status:")
        {
            let keep = line.split(", id:").next().unwrap().to_string();
            out.entry("header".into()).or_default().push(keep);
        } else if line.starts_with(";; SERVER:") {
            // The protocol only: the server's name in parentheses is as typed.
            let protocol = line.rsplit(' ').next().unwrap().to_string();
            out.entry("header".into()).or_default().push(protocol);
        } else if !line.starts_with(';') && !line.trim().is_empty() && !line.starts_with("exit ") {
            out.entry(section.clone())
                .or_default()
                .push(line.to_string());
        }
    }
    for lines in out.values_mut() {
        lines.sort();
    }
    out
}
