//! Undo across a reload: the undo and redo stacks are written to the tab's sessionStorage
//! when the page goes away (`pagehide`) and read back at start, if they belong to the
//! document restored from localStorage (they carry a digest of its saved text). So a reload
//! can still be undone, while a new tab (a new session) starts with no history, as an editor
//! does. The most recent `KEEP` undo steps are kept, fewer if they would not fit in
//! `MAX_CHARS`; stacks that cannot be read are ignored (the document itself is safe in
//! localStorage; see `storage`). Each step is written out once, newest first, and no more
//! are written once the room is used up: with documents of megabytes (a zone of 25,000
//! record sets) the page goes away after one or two, not fifty.

use std::hash::Hasher;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::ui::doc::Doc;
use crate::ui::history::History;
use crate::ui::platform::error::PlatformError;
use crate::ui::platform::storage::{Store, encode};

/// The sessionStorage key of the stacks.
pub const HISTORY_KEY: &str = "delegation-lab:history";
/// How many undo steps survive a reload.
pub const KEEP: usize = 50;
/// The most text the stacks may take (sessionStorage holds about 5 MB per site).
pub const MAX_CHARS: usize = 2_000_000;
const FORMAT: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Saved {
    format: u32,
    /// The digest of the saved document's text the stacks lead to.
    current: String,
    undo: Vec<(String, Doc)>,
    redo: Vec<(String, Doc)>,
}

/// A digest of a saved document's text (FxHash: enough to tell documents apart here).
pub fn digest(saved_text: &str) -> String {
    let mut h = rustc_hash::FxHasher::default();
    h.write(saved_text.as_bytes());
    format!("{:016x}", h.finish())
}

/// Writes the stacks of `history`, whose current document is `doc`, keeping the most recent
/// steps that fit. An empty history clears what was there.
pub fn save(
    store: &mut impl Store,
    history: &History<Rc<Doc>>,
    doc: &Doc,
) -> Result<(), PlatformError> {
    save_within(store, history, doc, MAX_CHARS)
}

fn save_within(
    store: &mut impl Store,
    history: &History<Rc<Doc>>,
    doc: &Doc,
    max_chars: usize,
) -> Result<(), PlatformError> {
    let (undo, redo) = history.stacks();
    let undo = &undo[undo.len().saturating_sub(KEEP)..];
    let head = format!(
        "{{\"format\":{FORMAT},\"current\":{},",
        serde_json::to_string(&digest(&encode(doc)))?
    );
    // `{head}"undo":[…],"redo":[…]}`: what is left for the steps.
    let Some(mut room) = max_chars.checked_sub(head.len() + "\"undo\":[],\"redo\":[]}".len())
    else {
        return store.set(HISTORY_KEY, "");
    };
    // The nearest redo steps first, then the most recent undo steps: an older step is
    // dropped before a newer one, an undo step before a redo step.
    let redo = newest_that_fit(&redo, &mut room)?;
    let undo = if redo.len() == redo_len(history) {
        newest_that_fit(undo, &mut room)?
    } else {
        Vec::new()
    };
    if undo.is_empty() && redo.is_empty() {
        return store.set(HISTORY_KEY, "");
    }
    let text = format!(
        "{head}\"undo\":[{}],\"redo\":[{}]}}",
        undo.join(","),
        redo.join(",")
    );
    store.set(HISTORY_KEY, &text)
}

fn redo_len(history: &History<Rc<Doc>>) -> usize {
    history.stacks().1.len()
}

/// The JSON of the most recent steps of `stack` (bottom first) whose text fits in `room`
/// (with a comma between), in stack order; `room` is reduced by what they take. Steps older
/// than the first that does not fit are not written out at all.
fn newest_that_fit(
    stack: &[(&str, &Rc<Doc>)],
    room: &mut usize,
) -> Result<Vec<String>, PlatformError> {
    let mut out = Vec::new();
    for (label, snapshot) in stack.iter().rev() {
        let text = serde_json::to_string(&(label, &***snapshot))?;
        let need = text.len() + usize::from(!out.is_empty());
        if need > *room {
            break;
        }
        *room -= need;
        out.push(text);
    }
    out.reverse();
    Ok(out)
}

/// The stacks saved for the document whose saved text is `saved_text`, or an empty history
/// (nothing saved, saved for another document, or unreadable).
pub fn restore(store: &impl Store, saved_text: &str) -> History<Rc<Doc>> {
    let Some(saved) = store
        .get(HISTORY_KEY)
        .and_then(|raw| serde_json::from_str::<Saved>(&raw).ok())
        .filter(|s| s.format == FORMAT && s.current == digest(saved_text))
    else {
        return History::default();
    };
    let rc = |v: Vec<(String, Doc)>| v.into_iter().map(|(l, d)| (l, Rc::new(d))).collect();
    History::from_stacks(rc(saved.undo), rc(saved.redo))
}

#[cfg(test)]
mod tests {
    use hickory_proto::rr::RecordType;

    use super::*;
    use crate::dns::rrset::parse_values;
    use crate::dns::{RecordSet, n};
    use crate::scenario::edit::Edit;
    use crate::ui::doc::default_doc;
    use crate::ui::platform::storage::MemoryStore;

    /// The default document with `count` A records added, one undo step each.
    fn edited(count: usize) -> (History<Rc<Doc>>, Doc) {
        let mut history = History::default();
        let mut doc = default_doc();
        let zone_id = crate::ui::state::default_selection(&doc).unwrap();
        for i in 0..count {
            let before = Rc::new(doc.clone());
            let name = format!("host{i}.example.com.");
            let set = RecordSet::new(
                n(&name),
                RecordType::A,
                300,
                parse_values(RecordType::A, &["192.0.2.9"]).unwrap(),
            );
            Edit::PutRecordSet {
                zone_id: zone_id.clone(),
                replacing: None,
                set,
            }
            .apply(&mut doc)
            .unwrap();
            history.record(format!("add A {name}"), before);
        }
        (history, doc)
    }

    #[test]
    fn the_stacks_come_back_for_the_same_document() {
        let (mut history, doc) = edited(3);
        let doc = Rc::new(doc);
        // One step undone, so there is a redo too.
        let doc = history.undo(doc).unwrap();
        let mut store = MemoryStore::default();
        save(&mut store, &history, &doc).unwrap();
        let back = restore(&store, &encode(&doc));
        assert_eq!(back, history);
        assert_eq!(back.undo_label(), Some("add A host1.example.com."));
        assert_eq!(back.redo_label(), Some("add A host2.example.com."));
    }

    #[test]
    fn stacks_of_another_document_or_unreadable_ones_are_ignored() {
        let (history, doc) = edited(2);
        let mut store = MemoryStore::default();
        save(&mut store, &history, &doc).unwrap();
        // The document saved in localStorage is not the one the stacks lead to (another tab
        // saved since, say).
        let other = encode(&default_doc());
        assert!(!restore(&store, &other).can_undo());
        store
            .items
            .insert(HISTORY_KEY.into(), "{\"format\": 1, \"current\":".into());
        assert!(!restore(&store, &encode(&doc)).can_undo());
        assert!(!restore(&MemoryStore::default(), &encode(&doc)).can_undo());
    }

    #[test]
    fn only_the_most_recent_steps_are_kept() {
        let (history, doc) = edited(KEEP + 5);
        let mut store = MemoryStore::default();
        save(&mut store, &history, &doc).unwrap();
        let back = restore(&store, &encode(&doc));
        let (undo, redo) = back.stacks();
        assert_eq!((undo.len(), redo.len()), (KEEP, 0));
        assert_eq!(undo[0].0, "add A host5.example.com.");
        assert_eq!(
            back.undo_label(),
            Some(format!("add A host{}.example.com.", KEEP + 4).as_str())
        );
    }

    #[test]
    fn stacks_too_big_lose_their_oldest_steps_first() {
        let (history, doc) = edited(4);
        let one_doc = encode(&doc).len();
        let mut store = MemoryStore::default();
        // Room for about two snapshots.
        save_within(&mut store, &history, &doc, one_doc * 2 + one_doc / 2).unwrap();
        let back = restore(&store, &encode(&doc));
        let labels: Vec<&str> = back.stacks().0.iter().map(|(l, _)| *l).collect();
        assert_eq!(
            labels,
            ["add A host2.example.com.", "add A host3.example.com."]
        );
        // No room at all: the key is emptied rather than left holding older stacks.
        save_within(&mut store, &history, &doc, 10).unwrap();
        assert_eq!(store.items[HISTORY_KEY], "");
        assert!(!restore(&store, &encode(&doc)).can_undo());
    }

    #[test]
    fn redo_steps_outlast_undo_steps_and_the_nearest_outlast_the_farthest() {
        let (mut history, doc) = edited(5);
        let mut doc = Rc::new(doc);
        for _ in 0..3 {
            doc = history.undo(doc).unwrap();
        }
        let one_doc = encode(&doc).len();
        let mut store = MemoryStore::default();
        // Room for about two snapshots: the two nearest of the three redo steps.
        save_within(&mut store, &history, &doc, one_doc * 2 + one_doc / 2).unwrap();
        let back = restore(&store, &encode(&doc));
        let (undo, redo) = back.stacks();
        let labels: Vec<&str> = redo.iter().map(|(l, _)| *l).collect();
        assert_eq!(undo.len(), 0);
        assert_eq!(
            labels,
            ["add A host3.example.com.", "add A host2.example.com."]
        );
        assert_eq!(back.redo_label(), Some("add A host2.example.com."));
        // Room for all: the stacks come back whole.
        save_within(&mut store, &history, &doc, one_doc * 10).unwrap();
        assert_eq!(restore(&store, &encode(&doc)), history);
    }

    #[test]
    fn a_failed_write_is_reported() {
        let (history, doc) = edited(1);
        let mut store = MemoryStore {
            fail_writes: Some("QuotaExceededError".into()),
            ..MemoryStore::default()
        };
        assert!(matches!(
            save(&mut store, &history, &doc),
            Err(PlatformError::Js(e)) if e == "QuotaExceededError"
        ));
    }
}
