//! Record sets read from a file, turned into the one edit that puts them into a hosted zone:
//! an [`Edit::Batch`] holding one Route 53 change batch (DELETE for the sets a replacing
//! import removes, then UPSERT for each set that is new or different), checked against the
//! scenario before it is handed back (so a failing import changes nothing), with a summary
//! for the user.
//!
//! The file's SOA and NS at the zone's apex are never imported: Route 53 creates them with
//! the hosted zone and they name its own delegation set.

use std::collections::HashSet;
use std::sync::Arc;

use hickory_proto::rr::RecordType;

use super::ImportError;
use crate::aws::HostedZone;
use crate::aws::route53::{Change, ChangeAction};
use crate::dns::canon;
use crate::dns::rrset::RecordSet;
use crate::dns::zone::Zone;
use crate::scenario::Scenario;
use crate::scenario::edit::Edit;

/// How imported record sets meet the ones already in the zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ImportMode {
    /// Each imported set creates its name and type or replaces the set of that name and type
    /// (`UPSERT`); the zone's other sets stay.
    #[default]
    Merge,
    /// The zone ends up holding exactly the imported sets (besides its own SOA and NS):
    /// sets the file does not have are deleted first.
    Replace,
}

/// A checked import: the edit to apply as one undo step, and what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import {
    /// An [`Edit::Batch`]; empty when the zone already holds exactly what was imported.
    pub edit: Edit,
    /// The hosted zone the edit changes.
    pub zone_id: String,
    /// Sets that did not exist, sets replaced, sets already identical, sets deleted.
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub deleted: usize,
    /// What happened, in sentences: the counts first, then what was left out and why.
    pub summary: Vec<String>,
    /// The hosted zone's data as the edit leaves it (from the check, which applied it to a
    /// copy of the scenario).
    pub after: Option<Arc<Zone>>,
    /// The whole scenario as the edit leaves it (the check's copy: it shares every zone the
    /// edit does not change). Applying the edit to the scenario the check read gives exactly
    /// this, so an app may take it instead of applying a large import a second time.
    pub applied: Arc<Scenario>,
}

impl Import {
    /// Whether applying the edit would change nothing.
    pub fn changes_nothing(&self) -> bool {
        matches!(&self.edit, Edit::Batch { edits, .. } if edits.is_empty())
    }
}

/// Builds and checks the import of `sets` (already inside the zone) into `hz`.
/// `notes` are the importer's own remarks, added to the summary after the counts.
pub(super) fn build(
    s: &Scenario,
    hz: &HostedZone,
    file: &str,
    sets: Vec<RecordSet>,
    mode: ImportMode,
    notes: Vec<String>,
) -> Result<Import, ImportError> {
    let zone = s.world.zone(&hz.id).ok_or_else(|| {
        ImportError::file(file, format!("hosted zone {} has no zone data", hz.id))
    })?;
    let apex_kept = |set: &RecordSet| {
        set.name == zone.origin && matches!(set.rtype, RecordType::SOA | RecordType::NS)
    };
    let (ignored, sets): (Vec<RecordSet>, Vec<RecordSet>) = sets.into_iter().partition(apex_kept);

    let mut changes = Vec::with_capacity(sets.len());
    let (mut added, mut replaced, mut unchanged, mut deleted) = (0, 0, 0, 0);
    if mode == ImportMode::Replace {
        // What the file holds, by canonical name and type (names compare without case).
        let imported: HashSet<(Vec<u8>, RecordType)> = sets
            .iter()
            .map(|new| (canon::key(&new.name), new.rtype))
            .collect();
        for old in zone.iter().filter(|old| !apex_kept(old)) {
            if !imported.contains(&(canon::key(&old.name), old.rtype)) {
                deleted += 1;
                changes.push(Change {
                    action: ChangeAction::Delete,
                    set: old.clone(),
                });
            }
        }
    }
    for set in sets {
        match zone.get(&set.name, set.rtype) {
            Some(old) if *old == set => {
                unchanged += 1;
                continue;
            }
            Some(_) => replaced += 1,
            None => added += 1,
        }
        changes.push(Change {
            action: ChangeAction::Upsert,
            set,
        });
    }
    let edits = if changes.is_empty() {
        Vec::new()
    } else {
        vec![Edit::ChangeRecordSets {
            zone_id: hz.id.clone(),
            changes,
        }]
    };
    let edit = Edit::Batch {
        label: format!("import {file} into {}", hz.name),
        edits,
    };
    let (applied, _) = edit
        .applied(s)
        .map_err(|e| ImportError::file(file, format!("nothing was imported: {e}")))?;
    let after = applied.world.zones.iter().find(|z| z.id == hz.id).cloned();
    let applied = Arc::new(applied);

    let total = added + replaced + unchanged;
    let mut counts = format!(
        "{file} into {} ({}): {total} record {}: {added} new, {replaced} replaced, {unchanged} unchanged",
        hz.name,
        hz.id,
        if total == 1 { "set" } else { "sets" }
    );
    if mode == ImportMode::Replace {
        counts.push_str(&format!(", {deleted} deleted (not in the file)"));
    }
    counts.push('.');
    let mut summary = vec![counts];
    if !ignored.is_empty() {
        let servers: Vec<String> = hz.name_servers().iter().map(|n| n.to_string()).collect();
        let has = |t: RecordType| ignored.iter().any(|s| s.rtype == t);
        let (what, verb) = match (has(RecordType::SOA), has(RecordType::NS)) {
            (true, true) => ("SOA and NS", "were"),
            (true, false) => ("SOA", "was"),
            _ => ("NS", "were"),
        };
        summary.push(format!(
            "The file's {what} at {} {verb} not imported: Route 53 creates a hosted zone's own SOA and NS, and this zone's name servers ({}) stay as Route 53 assigned them.",
            zone.origin,
            servers.join(", ")
        ));
    }
    summary.extend(notes);
    Ok(Import {
        edit,
        zone_id: hz.id.clone(),
        added,
        replaced,
        unchanged,
        deleted,
        summary,
        after,
        applied,
    })
}
