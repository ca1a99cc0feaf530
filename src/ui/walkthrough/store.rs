//! The walkthrough's progress in localStorage (its own key, beside the document's): read at
//! start, written on every change. A save that cannot be read starts the walkthrough afresh
//! rather than failing the app.

use super::model::Progress;
use crate::ui::platform::error::PlatformError;
use crate::ui::platform::storage::Store;

/// The localStorage key.
pub const KEY: &str = "delegation-lab:walkthrough";

/// The saved progress; `None` on a first visit (nothing saved) or when the save is damaged.
pub fn load(store: &impl Store) -> Option<Progress> {
    serde_json::from_str(&store.get(KEY)?).ok()
}

pub fn save(store: &mut impl Store, progress: &Progress) -> Result<(), PlatformError> {
    let text = serde_json::to_string(progress)?;
    store.set(KEY, &text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::platform::storage::MemoryStore;
    use crate::ui::walkthrough::ItemId;

    #[test]
    fn progress_is_kept_under_its_own_key() {
        let mut store = MemoryStore::default();
        assert_eq!(load(&store), None);
        let mut p = Progress::first_visit();
        p.done.insert(ItemId::ChildZone);
        p.offered = true;
        save(&mut store, &p).unwrap();
        assert_eq!(load(&store), Some(p));
        assert!(store.get(crate::ui::platform::storage::DOC_KEY).is_none());
        store.set(KEY, "{not json").unwrap();
        assert_eq!(load(&store), None);
    }
}
