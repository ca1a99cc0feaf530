//! What an import does, before the dialog shows it: which importer a kind of file goes to
//! ([`ImportKind`], [`run_import`]), the hosted zone a zone file's `$ORIGIN` names, and the
//! record sets an import would leave below a delegation, where no resolver looks. Pure,
//! tested natively; nothing here changes the document.

use crate::scenario::Scenario;
use crate::scenario::interop::{self, ImportError, ImportMode};

/// The kinds of file the import dialog reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    /// A BIND zone file into a chosen hosted zone.
    ZoneFile,
    /// `aws route53 list-resource-record-sets --output json` into a chosen hosted zone.
    Route53Json,
    /// A whole scenario document, opened as the document.
    Scenario,
}

impl ImportKind {
    pub const ALL: [ImportKind; 3] = [Self::ZoneFile, Self::Route53Json, Self::Scenario];

    /// The value of its `<option>`.
    pub fn id(self) -> &'static str {
        match self {
            Self::ZoneFile => "zone",
            Self::Route53Json => "route53",
            Self::Scenario => "scenario",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::ZoneFile => "BIND zone file, into a hosted zone",
            Self::Route53Json => "Route 53 JSON (list-resource-record-sets), into a hosted zone",
            Self::Scenario => "Scenario JSON, opened as the document",
        }
    }

    /// Whether the import goes into a chosen hosted zone.
    pub fn needs_zone(self) -> bool {
        !matches!(self, Self::Scenario)
    }
}

/// What a checked import does to the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Imported {
    /// Apply this edit (one undo step); the sentences say what it does.
    Edit {
        edit: Box<crate::scenario::edit::Edit>,
        /// The hosted zone as the edit leaves it (worked out by the check).
        after: Option<std::sync::Arc<crate::dns::zone::Zone>>,
        /// The whole document as the edit leaves it (the check's copy).
        applied: std::sync::Arc<Scenario>,
        summary: Vec<String>,
        changes_nothing: bool,
    },
    /// Open this scenario as the document (one undo step).
    Document(Box<Scenario>),
}

/// Runs the importer of `kind` over `text` (named `file` in messages). Nothing is changed
/// here: the caller applies the result.
pub fn run_import(
    doc: &Scenario,
    kind: ImportKind,
    zone: &str,
    file: &str,
    text: &str,
) -> Result<Imported, ImportError> {
    let file = if file.trim().is_empty() {
        "pasted text"
    } else {
        file
    };
    let import = match kind {
        ImportKind::ZoneFile => {
            interop::import_zone_file(doc, zone, file, text, ImportMode::Merge)?
        }
        ImportKind::Route53Json => {
            interop::import_route53_json(doc, zone, file, text, ImportMode::Merge)?
        }
        ImportKind::Scenario => {
            return Ok(Imported::Document(Box::new(interop::import_scenario(
                file, text,
            )?)));
        }
    };
    Ok(Imported::Edit {
        changes_nothing: import.changes_nothing(),
        after: import.after,
        applied: import.applied,
        edit: Box::new(import.edit),
        summary: import.summary,
    })
}

/// The name a zone file's first `$ORIGIN` directive gives, if it has one before its first
/// record (comments and blank lines aside).
pub fn zone_file_origin(text: &str) -> Option<hickory_proto::rr::Name> {
    for line in text.lines() {
        let line = line.split(';').next().unwrap_or_default().trim();
        if line.is_empty() || line.to_ascii_uppercase().starts_with("$TTL") {
            continue;
        }
        let mut words = line.split_whitespace();
        if !words.next()?.eq_ignore_ascii_case("$ORIGIN") {
            return None;
        }
        return crate::dns::name::parse_absolute(words.next()?).ok();
    }
    None
}

/// The hosted zone a zone file belongs in, by its `$ORIGIN`: of the hosted zones of that
/// name, the one the parent delegates to (or the first).
pub fn zone_for_origin(doc: &Scenario, origin: &hickory_proto::rr::Name) -> Option<String> {
    let named: Vec<_> = doc
        .aws
        .hosted_zones
        .iter()
        .filter(|z| z.name == *origin)
        .collect();
    let delegated: Vec<hickory_proto::rr::Name> = doc
        .world
        .parent_zones(origin)
        .filter_map(|p| p.get(origin, hickory_proto::rr::RecordType::NS))
        .flat_map(|set| crate::dns::answer::ns_targets(set.records().iter()))
        .collect();
    named
        .iter()
        .find(|z| z.name_servers().iter().any(|ns| delegated.contains(ns)))
        .or(named.first())
        .map(|z| z.id.clone())
}

/// What an import into `zone_id` would leave where no resolver looks: sentences for the
/// record sets that land below a delegation in that zone (its NS records for a child send
/// resolvers to the child's servers, so they never see them). Empty when nothing does.
pub fn placement_warnings(
    doc: &Scenario,
    zone_id: &str,
    edit: &crate::scenario::edit::Edit,
) -> Vec<String> {
    match edit.applied(doc) {
        Ok((after, _)) => match after.world.zone(zone_id) {
            Some(zone) => placement_warnings_after(doc, zone),
            None => Vec::new(),
        },
        Err(_) => Vec::new(),
    }
}

/// [`placement_warnings`] given the zone as the import leaves it (a checked import keeps
/// it: applying a 25,000-set import again takes a fifth of a second).
pub fn placement_warnings_after(doc: &Scenario, zone: &crate::dns::zone::Zone) -> Vec<String> {
    let occluded = |z: &crate::dns::zone::Zone| -> Vec<(hickory_proto::rr::Name, hickory_proto::rr::RecordType)> {
        z.iter()
            .filter(|set| z.is_occluded(set))
            .map(|set| (set.name.clone(), set.rtype))
            .collect()
    };
    let before: std::collections::HashSet<_> = doc
        .world
        .zone(&zone.id)
        .map(occluded)
        .unwrap_or_default()
        .into_iter()
        .collect();
    let new: Vec<_> = occluded(zone)
        .into_iter()
        .filter(|k| !before.contains(k))
        .collect();
    // Grouped by the delegation they fall under.
    let mut cuts: Vec<(hickory_proto::rr::Name, usize)> = Vec::new();
    for (name, _) in &new {
        if let Some(cut) = zone.cut_for(name) {
            match cuts.iter_mut().find(|(c, _)| *c == cut.name) {
                Some((_, n)) => *n += 1,
                None => cuts.push((cut.name.clone(), 1)),
            }
        }
    }
    cuts.into_iter()
        .map(|(cut, count)| {
            let sets = if count == 1 {
                "1 record set lands".to_string()
            } else {
                format!("{count} record sets land")
            };
            let cut_text = crate::ui::resolve::plain(&cut);
            // The hosted zones are the document's: an import changes record sets only.
            let instead = match zone_for_origin(doc, &cut) {
                Some(id) => format!(" Import them into the hosted zone {cut_text} ({id}) instead."),
                None => String::new(),
            };
            format!(
                "{sets} below the delegation of {cut_text}: this zone's NS records for it send resolvers to {cut_text}'s own servers, so no one ever sees them (Route 53 accepts them all the same).{instead}"
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::presets;

    #[test]
    fn a_bad_zone_file_says_where_and_changes_nothing() {
        let doc = presets::build("article").unwrap();
        let before = doc.clone();
        let err = run_import(
            &doc,
            ImportKind::ZoneFile,
            "example.com.",
            "bad.zone",
            "www 300 IN A 192.0.2.1\napi 300 IN A 999.1.1.1\n",
        )
        .unwrap_err();
        assert_eq!(err.file, "bad.zone");
        assert_eq!(err.line, Some(2));
        assert_eq!(doc, before);
    }

    #[test]
    fn a_good_zone_file_is_one_edit() {
        let doc = presets::build("article").unwrap();
        let Imported::Edit { edit, summary, .. } = run_import(
            &doc,
            ImportKind::ZoneFile,
            "example.com.",
            "",
            "imported 300 IN A 192.0.2.77\n",
        )
        .unwrap() else {
            panic!("a zone file is an edit")
        };
        let mut after = doc.clone();
        edit.apply(&mut after).unwrap();
        assert!(after != doc);
        assert!(!summary.is_empty());
    }

    #[test]
    fn a_zone_files_origin_picks_its_hosted_zone() {
        let doc = crate::scenario::presets::build("article").unwrap();
        let text =
            "; the child's records\n$TTL 300\n$ORIGIN api.example.com.\nwww IN A 192.0.2.10\n";
        let origin = zone_file_origin(text).unwrap();
        assert_eq!(origin.to_string(), "api.example.com.");
        let id = zone_for_origin(&doc, &origin).unwrap();
        assert_eq!(doc.aws.hosted_zone(&id).unwrap().account, "222222222222");
        // A record before any $ORIGIN: the file does not say.
        assert_eq!(
            zone_file_origin("www IN A 192.0.2.1\n$ORIGIN x.com.\n"),
            None
        );
        assert_eq!(
            zone_for_origin(&doc, &crate::dns::name::n("nowhere.test")),
            None
        );
    }

    #[test]
    fn records_below_a_delegation_are_warned_about() {
        let doc = crate::scenario::presets::build("article").unwrap();
        let parent = zone_for_origin(&doc, &crate::dns::name::n("example.com")).unwrap();
        let child = zone_for_origin(&doc, &crate::dns::name::n("api.example.com")).unwrap();
        let text =
            "$TTL 300\n$ORIGIN api.example.com.\nwww2 IN A 192.0.2.10\nmail IN A 192.0.2.11\n";
        let Ok(Imported::Edit { edit, after, .. }) =
            run_import(&doc, ImportKind::ZoneFile, &parent, "", text)
        else {
            panic!("the import reads");
        };
        let warnings = placement_warnings(&doc, &parent, &edit);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        // From the zone the check left: the same sentences, without applying the edit again.
        assert_eq!(
            placement_warnings_after(&doc, &after.expect("the checked zone")),
            warnings
        );
        assert!(
            warnings[0].starts_with("2 record sets land below the delegation of api.example.com"),
            "{}",
            warnings[0]
        );
        assert!(
            warnings[0].ends_with(&format!("({child}) instead.")),
            "{}",
            warnings[0]
        );
        // Into the child zone itself: nothing to warn about.
        let Ok(Imported::Edit { edit, .. }) =
            run_import(&doc, ImportKind::ZoneFile, &child, "", text)
        else {
            panic!("the import reads");
        };
        assert!(placement_warnings(&doc, &child, &edit).is_empty());
    }
}
