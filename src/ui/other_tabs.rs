//! Two tabs on one saved scenario: when another tab of this site saves a different scenario
//! (the browser's `storage` event, which reaches every tab but the writer), this tab says so
//! instead of overwriting it with its next save. The banner (`Notice::ChangedElsewhere`)
//! offers both ways out: load the other tab's version (one undo step, so this tab's is one
//! Ctrl+Z away), or keep this tab's version (saved again, over the other). Until the user
//! chooses, this tab does not save.

use yew::prelude::*;

use super::doc::Doc;
use super::platform::storage::{Notice, encode};
use super::state::AppHandle;

/// What a save by another tab means here: nothing when it saved what this tab shows (or
/// removed the save), else the notice that carries its text.
pub fn changed_elsewhere(new_value: Option<&str>, current: &Doc) -> Option<Notice> {
    let raw = new_value?;
    (raw != encode(current)).then(|| Notice::ChangedElsewhere {
        raw: raw.to_string(),
    })
}

/// Listens for saves by other tabs (wasm32 only; natively nothing happens).
#[hook]
pub fn use_other_tabs(state: &AppHandle) {
    // The state as last rendered, read when the event comes.
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    use_effect_with((), move |_| {
        #[cfg(target_arch = "wasm32")]
        let listener =
            gloo::events::EventListener::new(&gloo::utils::window(), "storage", move |event| {
                use wasm_bindgen::JsCast;
                let Some(e) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                if e.key().as_deref() != Some(super::platform::storage::DOC_KEY) {
                    return;
                }
                let state = latest.borrow().clone();
                if !state.persist {
                    return;
                }
                if let Some(notice) = changed_elsewhere(e.new_value().as_deref(), &state.doc) {
                    state.dispatch(super::state::Action::Notice(Some(notice)));
                }
            });
        #[cfg(not(target_arch = "wasm32"))]
        drop(latest);
        move || {
            #[cfg(target_arch = "wasm32")]
            drop(listener);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::presets;
    use crate::ui::doc::default_doc;

    #[test]
    fn only_a_different_scenario_saved_elsewhere_is_news() {
        let doc = default_doc();
        assert_eq!(changed_elsewhere(Some(&encode(&doc)), &doc), None);
        assert_eq!(changed_elsewhere(None, &doc), None);
        let other = encode(&presets::build("quiz").unwrap());
        assert_eq!(
            changed_elsewhere(Some(&other), &doc),
            Some(Notice::ChangedElsewhere { raw: other })
        );
    }
}
