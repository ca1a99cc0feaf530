//! [`use_shortcuts`]: the undo and redo keys.

use yew::prelude::*;

#[cfg(target_arch = "wasm32")]
use crate::ui::state::Action;
use crate::ui::state::AppHandle;

/// Ctrl+Z / Cmd+Z undoes, Ctrl+Shift+Z or Ctrl+Y redoes, except while typing in a field or
/// while a dialog is open (the browser's own text undo applies there).
#[hook]
pub fn use_shortcuts(state: &AppHandle) {
    let state = state.clone();
    use_effect_with((), move |_| {
        #[cfg(target_arch = "wasm32")]
        let listener = {
            use gloo::events::{EventListener, EventListenerOptions};
            use wasm_bindgen::JsCast;
            // Not passive: the handler prevents the browser's own Ctrl+Z/Ctrl+Y.
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                options,
                move |event| {
                    let Some(e) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
                        return;
                    }
                    let typing = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .is_some_and(|el| {
                            el.closest("input, textarea, select, dialog")
                                .ok()
                                .flatten()
                                .is_some()
                        });
                    if typing {
                        return;
                    }
                    let key = e.key().to_ascii_lowercase();
                    let action = match (key.as_str(), e.shift_key()) {
                        ("z", false) => Action::Undo,
                        ("z", true) | ("y", false) => Action::Redo,
                        _ => return,
                    };
                    e.prevent_default();
                    state.dispatch(action);
                },
            )
        };
        #[cfg(not(target_arch = "wasm32"))]
        drop(state);
        move || {
            #[cfg(target_arch = "wasm32")]
            drop(listener);
        }
    });
}
