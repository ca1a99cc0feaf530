//! The document exports and the document import: scenario JSON out and in, one BIND zone
//! file per hosted zone, and the whole world as a zone folder that
//! [`load_folder`](crate::scenario::zone_folder::load_folder) reads back into an equal world.

use super::ImportError;
use crate::scenario::file_name;
use crate::scenario::zonefile::render_zone_file;
use crate::scenario::{DocumentError, Scenario, zone_folder};

/// The scenario document, as the app saves it.
pub fn export_json(s: &Scenario) -> String {
    let mut text = s.to_json();
    text.push('\n');
    text
}

/// Reads a scenario document (named `file` in messages). It opens as a new document: the
/// app decides whether it replaces the one open.
pub fn import_scenario(file: &str, text: &str) -> Result<Scenario, ImportError> {
    Scenario::from_json(text).map_err(|e| match e {
        DocumentError::NotJson {
            line,
            column,
            message,
        } => ImportError {
            line: Some(line),
            column: Some(column),
            ..ImportError::file(
                file,
                format!(
                    "this is not JSON: {}",
                    message
                        .rsplit_once(" at line ")
                        .map_or(message.as_str(), |(m, _)| m)
                ),
            )
        },
        other => ImportError::file(file, other.to_string()),
    })
}

/// One zone file per hosted zone, in the scenario's order, as `(file name, text)`:
/// `example.com.zone`, or `example.com~Z….zone` for a second zone of the same name (other
/// characters than letters, digits and `-_.~` as `%XX`: see `scenario::file_name`). Each
/// starts with comments naming the hosted zone, its account and its name servers.
pub fn export_zone_files(s: &Scenario) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::with_capacity(s.aws.hosted_zones.len());
    for hz in &s.aws.hosted_zones {
        let Some(zone) = s.world.zone(&hz.id) else {
            continue;
        };
        let base = crate::dns::name::plain(&hz.name);
        let plain = format!("{}.zone", file_name::component(&base));
        let file = if out.iter().any(|(f, _)| *f == plain) {
            format!(
                "{}.zone",
                file_name::component(&format!("{base}~{}", hz.id))
            )
        } else {
            plain
        };
        let account = match s.aws.account(&hz.account) {
            Some(a) if !a.label.is_empty() => format!("{} ({})", a.id, a.label),
            _ => hz.account.clone(),
        };
        let servers: Vec<String> = hz.name_servers().iter().map(ToString::to_string).collect();
        let text = format!(
            "; {} hosted zone {} in account {account}\n; name servers: {}\n{}",
            hz.name,
            hz.id,
            servers.join(" "),
            render_zone_file(zone)
        );
        out.push((file, text));
    }
    out
}

/// The whole world as a zone folder: `topology.json` and `zones/*.zone`.
pub fn export_folder(s: &Scenario) -> Vec<(String, String)> {
    zone_folder::export_folder(&s.world)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scenario_errors_name_the_file_and_place() {
        let e = import_scenario("s.json", "{\n  \"version\": 1,\n  oops").unwrap_err();
        assert_eq!(
            e.to_string(),
            "s.json:3:3: this is not JSON: key must be a string"
        );
        let e = import_scenario("s.json", "{\"version\": 7}").unwrap_err();
        assert_eq!(
            e.to_string(),
            "s.json: this scenario was saved by a newer Delegation Lab (document version 7); this one reads version 1 and older"
        );
    }
}
