//! [`use_save`]: the document saved in localStorage after each change, a moment later and in
//! slices, and at once when the page goes away (with the undo stacks and the view, in
//! sessionStorage, so a reload keeps the user's work and can still undo).

use yew::prelude::*;

use crate::ui::platform::storage::Notice;
#[cfg(target_arch = "wasm32")]
use crate::ui::state::Action;
use crate::ui::state::{AppHandle, AppState};

/// How long the document waits after a change before it is written: a burst of edits is
/// written once, and the edit itself never waits for the write.
pub const SAVE_DELAY_MS: u32 = 300;
/// The longest slice of a save's preparation on the page's thread, in milliseconds.
const SAVE_SLICE_MS: f64 = 8.0;

/// What a save in waiting needs: the document not yet written, the texts kept between saves
/// (`save_text`), the state as last rendered, and the timer.
#[derive(Clone)]
struct Saver {
    pending: std::rc::Rc<std::cell::RefCell<Option<std::rc::Rc<crate::ui::doc::Doc>>>>,
    text: std::rc::Rc<std::cell::RefCell<crate::ui::save_text::SaveText>>,
    latest: std::rc::Rc<std::cell::RefCell<AppHandle>>,
    timer: std::rc::Rc<std::cell::RefCell<Option<gloo::timers::callback::Timeout>>>,
}

impl Saver {
    /// Not over a damaged save that could not be copied aside, nor over another tab's save
    /// before the user chose between the two.
    fn blocked(state: &AppState) -> bool {
        matches!(
            state.notice,
            Some(Notice::Damaged { kept_key: None, .. } | Notice::ChangedElsewhere { .. })
        )
    }

    /// Writes the document in waiting now, if any (the page going away, or its turn come).
    fn flush(&self) {
        drop(self.timer.borrow_mut().take());
        let Some(doc) = self.pending.borrow_mut().take() else {
            return;
        };
        let state = self.latest.borrow().clone();
        if Self::blocked(&state) {
            return;
        }
        let text = self.text.borrow_mut().encode(&doc);
        #[cfg(target_arch = "wasm32")]
        match crate::ui::platform::storage::write(
            &mut crate::ui::platform::storage::BrowserStore,
            &text,
        ) {
            Ok(()) => {
                if matches!(state.notice, Some(Notice::SaveFailed { .. })) {
                    state.dispatch(Action::Notice(None));
                }
            }
            Err(error) => state.dispatch(Action::Notice(Some(Notice::SaveFailed {
                error: error.to_string(),
            }))),
        }
        #[cfg(not(target_arch = "wasm32"))]
        drop((text, state));
    }

    /// Waits [`SAVE_DELAY_MS`] (again, if a save was waiting), then prepares the text in
    /// slices and writes it.
    fn schedule(&self, delay: u32) {
        let saver = self.clone();
        let timeout = gloo::timers::callback::Timeout::new(delay, move || saver.step());
        *self.timer.borrow_mut() = Some(timeout);
    }

    fn step(&self) {
        let Some(doc) = self.pending.borrow().clone() else {
            return;
        };
        let now = || {
            web_sys::window()
                .and_then(|w| w.performance())
                .map_or(0.0, |p| p.now())
        };
        let start = now();
        let ready = self
            .text
            .borrow_mut()
            .prepare(&doc, || now() - start < SAVE_SLICE_MS);
        if ready {
            self.flush();
        } else {
            self.schedule(0);
        }
    }
}

/// Saves the document after it changes (never at start: nothing changed yet), a moment
/// later ([`SAVE_DELAY_MS`]) and in slices, so an edit never waits for the write; only what
/// changed is serialised again (`save_text`). If the page goes away or is hidden first
/// (`pagehide`, `visibilitychange`), the document waiting is written then, so a reload keeps
/// the user's work. While a damaged save could not be copied aside, nothing is written over it.
#[hook]
pub fn use_save(state: &AppHandle) {
    // Queued once per revision: a render that changed nothing else does not queue it again.
    let queued = use_mut_ref(|| 0u64);
    let saver = {
        let pending = use_mut_ref(|| None::<std::rc::Rc<crate::ui::doc::Doc>>);
        let text = use_mut_ref(crate::ui::save_text::SaveText::default);
        // The state as last rendered, for the write and for the undo stacks written when the
        // page goes away.
        let latest = use_mut_ref(|| state.clone());
        let timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
        Saver {
            pending,
            text,
            latest,
            timer,
        }
    };
    *saver.latest.borrow_mut() = state.clone();
    if state.revision > *queued.borrow() && !Saver::blocked(state) && state.persist {
        *saver.pending.borrow_mut() = Some(state.doc.clone());
        *queued.borrow_mut() = state.revision;
    }
    {
        let saver = saver.clone();
        use_effect_with((), move |_| {
            #[cfg(target_arch = "wasm32")]
            let listeners = {
                let on_hide = saver.clone();
                let pagehide = gloo::events::EventListener::new(
                    &gloo::utils::window(),
                    "pagehide",
                    move |_| {
                        on_hide.flush();
                        // So a reload of this tab can still undo (ui::platform::undo_store).
                        let state = on_hide.latest.borrow();
                        if state.persist && !state.readonly {
                            let _ = crate::ui::platform::undo_store::save(
                                &mut crate::ui::platform::storage::SessionStore,
                                &state.history,
                                &state.doc,
                            );
                            // And where it was (ui::platform::view_store).
                            let asked = state.asked.as_ref();
                            let view = crate::ui::view_state::ViewState::shown(
                                state.selected.as_deref(),
                                asked.map(|a| a.query_line()).as_deref(),
                                asked.map(|a| a.step),
                            );
                            let _ = crate::ui::platform::view_store::save(
                                &mut crate::ui::platform::storage::SessionStore,
                                &view,
                            );
                        }
                    },
                );
                // A hidden page may be discarded without a `pagehide` (a phone's tab switcher).
                let on_hidden = saver.clone();
                let hidden = gloo::events::EventListener::new(
                    &gloo::utils::document(),
                    "visibilitychange",
                    move |_| {
                        if gloo::utils::document().hidden() {
                            on_hidden.flush();
                        }
                    },
                );
                (pagehide, hidden)
            };
            #[cfg(not(target_arch = "wasm32"))]
            drop(saver);
            move || {
                #[cfg(target_arch = "wasm32")]
                drop(listeners);
            }
        });
    }
    use_effect_with(state.revision, move |_| {
        if saver.pending.borrow().is_some() {
            saver.schedule(SAVE_DELAY_MS);
        }
    });
}
