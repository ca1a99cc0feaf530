//! A list of name servers as a person types it (one per line, or separated by spaces or
//! commas), for the registrar's page and the delegation forms.

use hickory_proto::rr::Name;

use crate::dns::name::parse_absolute;

/// Parses a list of name servers as typed, without repeats, in the order given.
pub fn parse_servers(text: &str) -> Result<Vec<Name>, String> {
    let mut out = Vec::new();
    let mut seen = rustc_hash::FxHashSet::default();
    for word in text
        .split([',', ' ', '\n', '\t'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
    {
        let name = parse_absolute(word).map_err(|e| format!("\"{word}\": {e}"))?;
        if seen.insert(name.clone()) {
            out.push(name);
        }
    }
    if out.is_empty() {
        return Err("enter at least one name server".into());
    }
    Ok(out)
}
