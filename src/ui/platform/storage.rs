//! Saving the document in the browser's localStorage and restoring it on reload. A saved
//! document that cannot be read is never dropped: it is copied under a key of its own
//! (`delegation-lab:damaged:N`), reported in a banner, and offered for download.
//!
//! The logic works over the `Store` trait so it is tested natively with `MemoryStore`;
//! `BrowserStore` (wasm32 only) is the browser's localStorage.

use std::collections::BTreeMap;

use thiserror::Error;

use super::error::PlatformError;
use crate::scenario::document::DocumentError;
use crate::ui::doc::Doc;

/// The key the current document is saved under.
pub const DOC_KEY: &str = "delegation-lab:doc";
/// The prefix of the keys that keep damaged saved documents.
pub const DAMAGED_PREFIX: &str = "delegation-lab:damaged:";

/// A string key-value store (localStorage's shape).
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), PlatformError>;
}

/// The document could not be saved.
#[derive(Debug, Error)]
#[error("the scenario could not be saved in this browser ({0}); changes will be lost on reload")]
pub struct SaveError(#[from] pub PlatformError);

/// What the app shows in its banner about storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The saved document could not be read; it is kept under `kept_key`.
    Damaged {
        kept_key: Option<String>,
        error: String,
        raw: String,
    },
    /// Saving failed (storage full or disabled): changes live only in this tab.
    SaveFailed { error: String },
    /// Another tab saved a different scenario (its saved text); this tab does not save
    /// until the user chooses one (`other_tabs`).
    ChangedElsewhere { raw: String },
}

/// What was found in storage at start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    pub doc: Option<Doc>,
    pub notice: Option<Notice>,
}

/// The saved text of a document.
pub fn encode(doc: &Doc) -> String {
    serde_json::to_string(doc).expect("a document always serialises")
}

/// Reads a saved document, saying what is wrong with a damaged (or newer) one.
pub fn decode(raw: &str) -> Result<Doc, DocumentError> {
    Doc::from_json(raw)
}

/// Reads the saved document; a damaged one is copied aside and reported.
pub fn restore(store: &mut impl Store) -> Restored {
    let Some(raw) = store.get(DOC_KEY) else {
        return Restored {
            doc: None,
            notice: None,
        };
    };
    match decode(&raw) {
        Ok(doc) => Restored {
            doc: Some(doc),
            notice: None,
        },
        Err(error) => {
            let kept_key = keep_aside(store, &raw);
            Restored {
                doc: None,
                notice: Some(Notice::Damaged {
                    kept_key,
                    error: error.to_string(),
                    raw,
                }),
            }
        }
    }
}

/// Saves the document; the error says why it could not be.
pub fn save(store: &mut impl Store, doc: &Doc) -> Result<(), SaveError> {
    write(store, &encode(doc))
}

/// Saves a document's text (`encode`'s, or `save_text::SaveText`'s); the error says why it
/// could not be.
pub fn write(store: &mut impl Store, text: &str) -> Result<(), SaveError> {
    Ok(store.set(DOC_KEY, text)?)
}

/// Copies damaged text under the first free `delegation-lab:damaged:N` key (or finds the key
/// that already holds the same text). `None` when even that write fails.
fn keep_aside(store: &mut impl Store, raw: &str) -> Option<String> {
    for n in 1.. {
        let key = format!("{DAMAGED_PREFIX}{n}");
        match store.get(&key) {
            Some(existing) if existing == raw => return Some(key),
            Some(_) => continue,
            None => return store.set(&key, raw).ok().map(|_| key),
        }
    }
    unreachable!("the key counter is unbounded")
}

/// A `data:` URL that downloads `text` as a JSON file (for the banner's download link).
pub fn download_url(text: &str) -> String {
    format!(
        "data:application/json;charset=utf-8,{}",
        crate::ui::embed_params::percent_encode(text)
    )
}

/// An in-memory store, for tests and for when localStorage is unavailable.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemoryStore {
    pub items: BTreeMap<String, String>,
    /// When set, every write fails as a browser's would, with this exception.
    pub fail_writes: Option<String>,
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.items.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), PlatformError> {
        if let Some(e) = &self.fail_writes {
            return Err(PlatformError::Js(e.clone()));
        }
        self.items.insert(key.into(), value.into());
        Ok(())
    }
}

/// The browser's localStorage. (Through web-sys rather than gloo-storage, whose `raw()`
/// panics when storage is disabled; here that is an error the banner reports.)
#[cfg(target_arch = "wasm32")]
pub struct BrowserStore;

/// The tab's sessionStorage (the undo stacks kept across a reload: `undo_store`).
#[cfg(target_arch = "wasm32")]
pub struct SessionStore;

#[cfg(target_arch = "wasm32")]
fn browser_storage(session: bool) -> Result<web_sys::Storage, PlatformError> {
    let window = web_sys::window().ok_or(PlatformError::NoWindow)?;
    let storage = if session {
        window.session_storage()
    } else {
        window.local_storage()
    };
    storage?.ok_or(PlatformError::StorageDisabled)
}

#[cfg(target_arch = "wasm32")]
impl Store for BrowserStore {
    fn get(&self, key: &str) -> Option<String> {
        browser_storage(false).ok()?.get_item(key).ok().flatten()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), PlatformError> {
        Ok(browser_storage(false)?.set_item(key, value)?)
    }
}

#[cfg(target_arch = "wasm32")]
impl Store for SessionStore {
    fn get(&self, key: &str) -> Option<String> {
        browser_storage(true).ok()?.get_item(key).ok().flatten()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), PlatformError> {
        Ok(browser_storage(true)?.set_item(key, value)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::doc::default_doc;

    #[test]
    fn a_saved_document_comes_back_equal() {
        let mut store = MemoryStore::default();
        let doc = default_doc();
        save(&mut store, &doc).unwrap();
        assert_eq!(
            restore(&mut store),
            Restored {
                doc: Some(doc),
                notice: None
            }
        );
    }

    #[test]
    fn nothing_saved_restores_nothing() {
        assert_eq!(
            restore(&mut MemoryStore::default()),
            Restored {
                doc: None,
                notice: None
            }
        );
    }

    #[test]
    fn a_damaged_document_is_kept_aside_once_and_reported() {
        let mut store = MemoryStore::default();
        store
            .items
            .insert(DOC_KEY.into(), "{\"world\": {\"zones\": [".into());
        store
            .items
            .insert(format!("{DAMAGED_PREFIX}1"), "older damage".into());
        let restored = restore(&mut store);
        assert_eq!(restored.doc, None);
        assert_eq!(
            restored.notice,
            Some(Notice::Damaged {
                kept_key: Some(format!("{DAMAGED_PREFIX}2")),
                error: "this is not JSON (line 1, column 21): EOF while parsing a list at line 1 column 21".into(),
                raw: "{\"world\": {\"zones\": [".into(),
            })
        );
        assert_eq!(
            store.get(&format!("{DAMAGED_PREFIX}1")).unwrap(),
            "older damage"
        );
        assert_eq!(
            store.get(&format!("{DAMAGED_PREFIX}2")).unwrap(),
            "{\"world\": {\"zones\": ["
        );
        // Reloading again before anything is saved finds the same copy, not a third one.
        let again = restore(&mut store);
        assert!(
            matches!(again.notice, Some(Notice::Damaged { kept_key: Some(k), .. }) if k == format!("{DAMAGED_PREFIX}2"))
        );
        assert_eq!(store.get(&format!("{DAMAGED_PREFIX}3")), None);
    }

    #[test]
    fn a_failed_write_is_an_error_that_says_so() {
        let mut store = MemoryStore {
            fail_writes: Some("QuotaExceededError".into()),
            ..Default::default()
        };
        let error = save(&mut store, &default_doc()).unwrap_err();
        assert!(matches!(&error, SaveError(PlatformError::Js(e)) if e == "QuotaExceededError"));
        assert_eq!(
            error.to_string(),
            "the scenario could not be saved in this browser (QuotaExceededError); changes will be lost on reload"
        );
    }

    #[test]
    fn download_urls_escape_everything_but_unreserved_bytes() {
        assert_eq!(
            download_url("{\"a\": 1}"),
            "data:application/json;charset=utf-8,%7B%22a%22%3A%201%7D"
        );
    }
}
