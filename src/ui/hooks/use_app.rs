//! `use_app()`: the app state (read through `Deref`) and what a component may ask of it, by
//! intention (`ask`, `show_step`, `apply`, `select_zone`, `undo`, ...) rather than by building
//! `Action`s and dispatching them. One handle, cheap to clone into callbacks.

use std::ops::Deref;

use yew::prelude::*;

use crate::dns::answer::Question;
use crate::scenario::edit::Edit;
use crate::ui::panels::challenges::ChallengeAction;
use crate::ui::resolve::Resolver;
use crate::ui::state::{Action, AppHandle, AppState};
use crate::ui::walkthrough::WalkthroughAction;

/// The app state and its intention-named changes.
#[derive(Clone, PartialEq)]
pub struct App(AppHandle);

impl Deref for App {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        &self.0
    }
}

impl App {
    /// Wraps the reducer handle (the app and the embed provide it by context).
    pub fn new(handle: AppHandle) -> Self {
        Self(handle)
    }

    /// Asks `question` of `resolver` and shows its resolution from the first step.
    pub fn ask(&self, question: Question, resolver: Resolver) {
        self.0.dispatch(Action::Ask {
            question,
            resolver,
            step: None,
            autoplay: false,
        });
    }

    /// Traces `question` from the root in the resolve panel and scrolls the panel into view:
    /// the diagnosis's, the challenges' and the certificates panel's "show the resolution".
    pub fn show_trace(&self, question: Question) {
        self.ask(question, Resolver::Trace);
        crate::ui::platform::browser::scroll_to("resolve-panel");
    }

    /// Shows step `step` of the resolution asked.
    pub fn show_step(&self, step: usize) {
        self.0.dispatch(Action::ShowStep(step));
    }

    /// Forgets why the last question could not be asked.
    pub fn dismiss_ask_error(&self) {
        self.0.dispatch(Action::DismissAskError);
    }

    /// Applies an edit to the document (one undo step).
    pub fn apply(&self, edit: Edit) {
        self.0.dispatch(Action::Edit(edit));
    }

    /// Shows zone `id` in the record panel.
    pub fn select_zone(&self, id: String) {
        self.0.dispatch(Action::Select(id));
    }

    /// Starts challenge `id` (its setup loaded as one undo step).
    pub fn start_challenge(&self, id: &'static str) {
        self.0.dispatch(Action::StartChallenge(id));
    }

    /// A hint, a check, an answer... in the running challenge.
    pub fn challenge(&self, action: ChallengeAction) {
        self.0.dispatch(Action::Challenge(action));
    }

    /// Starts, shows or hides the walkthrough.
    pub fn walkthrough(&self, action: WalkthroughAction) {
        self.0.dispatch(Action::Walkthrough(action));
    }

    /// Replaces the whole document (a preset, an import, a shared link) as one undo step.
    /// Takes `doc`, what an edit checked against `base` gave, as one undo step (when the
    /// document is still `base`: `Action::ApplyChecked`).
    pub fn apply_checked(
        &self,
        label: impl Into<String>,
        base: std::rc::Rc<crate::ui::Doc>,
        doc: std::sync::Arc<crate::ui::Doc>,
    ) {
        self.0.dispatch(Action::ApplyChecked {
            label: label.into(),
            base,
            doc,
        });
    }

    pub fn replace(&self, label: impl Into<String>, doc: crate::ui::Doc) {
        self.0.dispatch(Action::Replace {
            label: label.into(),
            doc,
        });
    }

    /// Shows what a share link or an embed asks for (a zone, a question at a step).
    pub fn set_view(&self, view: crate::ui::state::ViewState) {
        self.0.dispatch(Action::SetView(view));
    }

    /// Opens a dialog (`Some`) or closes the one open.
    pub fn dialog(&self, dialog: Option<crate::ui::state::Dialog>) {
        self.0.dispatch(Action::Dialog(dialog));
    }

    /// Sets or clears the banner's notice.
    pub fn notice(&self, notice: Option<crate::ui::platform::storage::Notice>) {
        self.0.dispatch(Action::Notice(notice));
    }

    /// Clears the error of an edit that could not be applied.
    pub fn dismiss_error(&self) {
        self.0.dispatch(Action::DismissError);
    }

    pub fn undo(&self) {
        self.0.dispatch(Action::Undo);
    }

    pub fn redo(&self) {
        self.0.dispatch(Action::Redo);
    }

    /// Any other change, for what has no method yet.
    pub fn dispatch(&self, action: Action) {
        self.0.dispatch(action);
    }
}

/// The app state, from the context the app (or the embed) provides.
#[hook]
pub fn use_app() -> App {
    App(use_context::<AppHandle>().expect("the app provides its state"))
}
