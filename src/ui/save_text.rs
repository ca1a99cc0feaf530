//! The saved text of a document (`storage::encode`'s, byte for byte), made again only where
//! the document changed: the text of each group of record sets (the sets at one name) is kept
//! between saves, keyed by the group's `Arc`, which an edit replaces only for the groups it
//! touches. A save after adding one record to a zone of 25,000 record sets writes one group's
//! text and copies the rest; the first save makes them all, in slices ([`SaveText::prepare`])
//! so that it never holds the page either.

use std::collections::HashMap;
use std::sync::Arc;

use super::doc::Doc;
use crate::dns::{RecordSet, Zone};
use crate::scenario::Scenario;

type Group = Arc<Vec<RecordSet>>;

/// The texts of the groups of the document last encoded (or being prepared).
#[derive(Default)]
pub struct SaveText {
    /// Each group's text (its sets' JSON, joined by commas), with the group itself, held so its
    /// address is not reused by another group while the text is kept.
    groups: HashMap<*const Vec<RecordSet>, (Group, String)>,
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("a document always serialises")
}

fn group_text(group: &Group) -> String {
    let mut out = String::new();
    for (i, set) in group.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&json(set));
    }
    out
}

impl SaveText {
    /// Makes the texts of the document's groups not yet made, while `more()` says to go on.
    /// True when every group has its text (then [`SaveText::encode`] only copies).
    pub fn prepare(&mut self, doc: &Doc, mut more: impl FnMut() -> bool) -> bool {
        for zone in &doc.world.zones {
            for group in zone.groups() {
                let key = Arc::as_ptr(group);
                if let std::collections::hash_map::Entry::Vacant(slot) = self.groups.entry(key) {
                    if !more() {
                        return false;
                    }
                    slot.insert((group.clone(), group_text(group)));
                }
            }
        }
        true
    }

    /// The document's saved text, equal to `storage::encode(doc)`. Keeps the texts of this
    /// document's groups only.
    pub fn encode(&mut self, doc: &Doc) -> String {
        // Every field, named: a field added to the document does not compile here until it is
        // written too.
        let Scenario {
            version,
            title,
            description,
            seed,
            clock,
            world,
            aws,
            resolver_cache,
        } = doc;
        let mut kept: HashMap<*const Vec<RecordSet>, (Group, String)> =
            HashMap::with_capacity(self.groups.len());
        let mut out = String::with_capacity(
            self.groups
                .values()
                .map(|(_, t)| t.len() + 1)
                .sum::<usize>()
                + 4096,
        );
        out.push_str("{\"version\":");
        out.push_str(&json(version));
        out.push_str(",\"title\":");
        out.push_str(&json(title));
        if !description.is_empty() {
            out.push_str(",\"description\":");
            out.push_str(&json(description));
        }
        out.push_str(",\"seed\":");
        out.push_str(&json(seed));
        out.push_str(",\"clock\":");
        out.push_str(&json(clock));
        out.push_str(",\"world\":{\"servers\":");
        out.push_str(&json(&world.servers));
        out.push_str(",\"zones\":[");
        for (i, zone) in world.zones.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            // `{"id":…,"origin":…,"records":[]}` without its closing `]}`.
            let head = json(&Zone::new(zone.id.clone(), zone.origin.clone()));
            out.push_str(
                head.strip_suffix("]}")
                    .expect("a zone's text ends its records"),
            );
            for (j, group) in zone.groups().enumerate() {
                if j > 0 {
                    out.push(',');
                }
                let key = Arc::as_ptr(group);
                if let Some((_, text)) = kept.get(&key) {
                    out.push_str(text);
                    continue;
                }
                let entry = self
                    .groups
                    .remove(&key)
                    .unwrap_or_else(|| (group.clone(), group_text(group)));
                out.push_str(&entry.1);
                kept.insert(key, entry);
            }
            out.push_str("]}");
        }
        out.push_str("]},\"aws\":");
        out.push_str(&json(aws));
        if !resolver_cache.is_empty() {
            out.push_str(",\"resolver_cache\":");
            out.push_str(&json(resolver_cache));
        }
        out.push('}');
        self.groups = kept;
        out
    }
}

#[cfg(test)]
mod tests {
    use hickory_proto::rr::RecordType;

    use super::*;
    use crate::dns::n;
    use crate::dns::rrset::parse_values;
    use crate::scenario::edit::Edit;
    use crate::ui::platform::storage::encode;

    #[test]
    fn the_text_is_the_saved_text_of_every_preset() {
        for preset in crate::scenario::presets::PRESETS {
            let name = preset.id;
            let mut doc = crate::scenario::presets::build(name).unwrap();
            let mut text = SaveText::default();
            assert_eq!(text.encode(&doc), encode(&doc), "{name}");
            // With a description and a resolver cache too.
            doc.description = "a \"quoted\" description".into();
            let q = crate::dns::answer::Question::new(n("www.example.com."), RecordType::A);
            crate::dns::resolve::recursive(&doc.world, &mut doc.resolver_cache, &q, doc.clock);
            assert_eq!(text.encode(&doc), encode(&doc), "{name}");
        }
    }

    #[test]
    fn after_an_edit_only_the_changed_group_is_made_again() {
        let doc = crate::ui::doc::default_doc();
        let mut text = SaveText::default();
        assert!(text.prepare(&doc, || true));
        assert_eq!(text.encode(&doc), encode(&doc));
        let zone_id = doc.aws.hosted_zones[0].id.clone();
        let origin = doc.world.zone(&zone_id).unwrap().origin.clone();
        let edit = Edit::PutRecordSet {
            zone_id,
            replacing: None,
            set: RecordSet::new(
                n(&format!("new.{origin}")),
                RecordType::A,
                300,
                parse_values(RecordType::A, &["192.0.2.9"]).unwrap(),
            ),
        };
        let (after, _) = edit.applied(&doc).unwrap();
        let mut made = 0;
        assert!(text.prepare(&after, || {
            made += 1;
            true
        }));
        assert_eq!(made, 1, "one new group");
        assert_eq!(text.encode(&after), encode(&after));
        // Slices: a prepare told to stop makes nothing, and the text is still right.
        let mut fresh = SaveText::default();
        assert!(!fresh.prepare(&after, || false));
        assert_eq!(fresh.encode(&after), encode(&after));
    }
}
