//! The app's state and the actions that change it: one reducer (`yew::Reducible`), so every
//! change goes through `reduce` and every document change is one undo step. Storage writes
//! happen in an effect watching `revision`, never here.

use std::rc::Rc;

use yew::prelude::*;

use super::doc::Doc;
use super::history::History;
use super::panels::challenges::{ChallengeAction, ChallengeState};
use super::platform::storage::Notice;
use super::resolve::{self, Resolver};
use super::walkthrough::{self, Progress, WalkthroughAction, start_scenario};
use crate::diagnose::challenges;
use crate::dns::answer::Question;
use crate::dns::resolve::{Cache, Resolution};
pub use crate::scenario::edit::Edit;
use crate::scenario::presets::ACCOUNT_AWS;
pub use crate::ui::view_state::ViewState;

/// Everything the views read.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The document being edited.
    pub doc: Rc<Doc>,
    pub history: History<Rc<Doc>>,
    /// The id of the zone shown in the record panel.
    pub selected: Option<String>,
    /// Bumped on every document change; the save effect watches it.
    pub revision: u64,
    /// What the banner says (a damaged save, a failed write).
    pub notice: Option<Notice>,
    /// An edit that could not be applied (the document changed under the form, say).
    pub error: Option<String>,
    /// The view state a share link or an embed URL asked for (selected zone, query, step).
    /// The resolve panel reads `query` and `step` from here; `selected` is applied at once.
    pub view: Option<ViewState>,
    /// Whether the document is saved in localStorage (false in embed mode, which never
    /// touches the host's storage).
    pub persist: bool,
    /// Bumped by every `SetView`, so a view can tell a new request from an old one.
    pub view_serial: u64,
    /// A read-only embed: the document never changes (edits, loads, undo and redo are
    /// ignored here, whatever control sent them); questions can still be asked.
    pub readonly: bool,
    /// The resolution the resolve panel shows, and the step shown.
    pub asked: Option<Rc<Asked>>,
    /// Why the last question could not be asked (the resolve form shows it).
    pub ask_error: Option<resolve::AskError>,
    /// The dialog open over the app, if any.
    pub dialog: Option<Dialog>,
    /// Where the user stands in a challenge, if one runs.
    pub challenge: ChallengeState,
    /// The walkthrough's progress (ticked from the state's changes by
    /// `walkthrough::follow`; saved by the app).
    pub walkthrough: Progress,
}

/// The dialogs the header opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialog {
    Import,
    Export,
    Share,
}

/// A question asked, its resolution, and the step shown: the resolve panel steps through it,
/// the diagram marks the step's zones, share links and the view store carry it.
#[derive(Debug, Clone, PartialEq)]
pub struct Asked {
    pub question: Question,
    pub resolver: Resolver,
    pub resolution: Rc<Resolution>,
    /// The clock when it ran (dig's WHEN line).
    pub now: u64,
    /// The step shown (0-based, within the steps).
    pub step: usize,
    /// Whether the steps play by themselves from `step` (an embed's `autoplay=1`).
    pub autoplay: bool,
    /// Tells two runs apart: asking the same question again is a new run.
    pub serial: u64,
}

impl Asked {
    /// The question as a dig command line (share links and the view store carry it).
    pub fn query_line(&self) -> String {
        resolve::question_line(&self.question, &self.resolver)
    }

    /// The ids of the zones the step shown asked, for the diagram.
    pub fn step_zone_ids(&self, world: &crate::dns::World) -> Vec<String> {
        self.resolution
            .steps
            .get(self.step)
            .map(|s| resolve::step_zone_ids(world, s))
            .unwrap_or_default()
    }
}

/// Every way the state changes.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Applies an edit as one undo step.
    Edit(Edit),
    /// Replaces the whole document (loading a preset or an import) as one undo step.
    Replace {
        label: String,
        doc: Doc,
    },
    /// An edit checked beforehand (a large import): `doc` is what applying it to `base`
    /// gave, taken as one undo step when the document is still `base`; otherwise nothing
    /// changes and the error says so (the edit was checked against another document).
    ApplyChecked {
        label: String,
        base: Rc<Doc>,
        doc: std::sync::Arc<Doc>,
    },
    Undo,
    Redo,
    /// Shows this zone in the record panel.
    Select(String),
    /// Sets or clears the banner.
    Notice(Option<Notice>),
    /// Clears the edit error.
    DismissError,
    /// Asks a question and shows its resolution at `step` (the first when `None`). For the
    /// public resolver the cache it leaves is kept in the document: deliberately NOT an undo
    /// step (asking is not an edit, and undo should not step through lookups), but the
    /// revision is bumped so the document (with its cache) is saved.
    Ask {
        question: Question,
        resolver: Resolver,
        step: Option<usize>,
        autoplay: bool,
    },
    /// Shows a resolution already run (the dig console's), with the cache it left when the
    /// public resolver ran it (kept as for `Ask`).
    Show {
        question: Question,
        resolver: Resolver,
        resolution: Rc<Resolution>,
        cache: Option<Cache>,
    },
    /// Shows step `usize` of the resolution asked (clamped to its steps).
    ShowStep(usize),
    /// Clears why the last question could not be asked (the user is typing another).
    DismissAskError,
    /// Opens a dialog (`Some`) or closes the one open (`None`).
    Dialog(Option<Dialog>),
    /// Starts challenge `id`: loads its broken setup as one undo step, its card shown.
    StartChallenge(&'static str),
    /// What the user does in the running challenge.
    Challenge(ChallengeAction),
    /// Starts, shows or hides the walkthrough.
    Walkthrough(WalkthroughAction),
    /// Shows what a share link, an embed URL or the view kept across a reload asks for: a
    /// zone selected, and its query (a dig command line, read here, once) asked at its step.
    /// Each dispatch bumps `view_serial`.
    SetView(ViewState),
}

impl AppState {
    /// The state at start: the restored document (or the default), with the notice found.
    pub fn new(doc: Doc, notice: Option<Notice>) -> Self {
        let selected = default_selection(&doc);
        Self {
            doc: Rc::new(doc),
            history: History::default(),
            selected,
            revision: 0,
            notice,
            error: None,
            view: None,
            persist: true,
            view_serial: 0,
            readonly: false,
            asked: None,
            ask_error: None,
            dialog: None,
            challenge: ChallengeState::default(),
            walkthrough: Progress::first_visit(),
        }
    }

    /// The state of an embed: this document, never saved.
    pub fn embedded(doc: Doc) -> Self {
        Self {
            persist: false,
            ..Self::new(doc, None)
        }
    }

    /// The zone shown in the record panel.
    pub fn selected_zone(&self) -> Option<&crate::dns::Zone> {
        self.doc.world.zone(self.selected.as_deref()?)
    }

    fn with_doc(&self, doc: Rc<Doc>, history: History<Rc<Doc>>) -> Self {
        let selected = match &self.selected {
            Some(id) if doc.world.zone(id).is_some() => Some(id.clone()),
            Some(id) => successor(&self.doc, &doc, id).or_else(|| default_selection(&doc)),
            None => default_selection(&doc),
        };
        Self {
            doc,
            history,
            selected,
            revision: self.revision + 1,
            notice: self.notice.clone(),
            error: None,
            view: self.view.clone(),
            persist: self.persist,
            view_serial: self.view_serial,
            readonly: self.readonly,
            asked: self.asked.clone(),
            ask_error: self.ask_error.clone(),
            dialog: self.dialog,
            challenge: self.challenge.clone(),
            walkthrough: self.walkthrough.clone(),
        }
    }

    /// The state with `resolution` shown at `step`, and the cache it left kept.
    fn showing(
        &self,
        question: Question,
        resolver: Resolver,
        resolution: Rc<Resolution>,
        step: Option<usize>,
        autoplay: bool,
        cache: Option<Cache>,
    ) -> Self {
        let last = resolution.steps.len().saturating_sub(1);
        let serial = self.asked.as_ref().map_or(0, |a| a.serial) + 1;
        let mut next = Self {
            asked: Some(Rc::new(Asked {
                question,
                resolver,
                resolution,
                now: self.doc.clock,
                step: step.unwrap_or(0).min(last),
                autoplay,
                serial,
            })),
            ask_error: None,
            ..self.clone()
        };
        if let Some(cache) = cache
            && cache != self.doc.resolver_cache
        {
            let mut doc = (*self.doc).clone();
            doc.resolver_cache = cache;
            next.doc = Rc::new(doc);
            next.revision = self.revision + 1;
        }
        next
    }

    /// The state after asking `question` of `resolver`: its resolution shown, or the reason
    /// it could not be asked.
    fn asking(
        &self,
        question: Question,
        resolver: Resolver,
        step: Option<usize>,
        autoplay: bool,
    ) -> Self {
        match resolve::ask(&self.doc, &question, &resolver) {
            Ok((r, cache)) => self.showing(question, resolver, Rc::new(r), step, autoplay, cache),
            Err(e) => Self {
                ask_error: Some(e),
                ..self.clone()
            },
        }
    }
}

/// The zone that takes the place of zone `id` (gone from `after`): one of the same name in the
/// same account, preferably, else in any account. A recreated hosted zone gets a new id, and
/// undoing the recreate brings the old one back: the record panel follows it both ways.
fn successor(before: &Doc, after: &Doc, id: &str) -> Option<String> {
    let origin = &before.world.zone(id)?.origin;
    let account = before.aws.hosted_zone(id).map(|hz| hz.account.as_str());
    let same_name = || after.world.zones_named(origin);
    same_name()
        .find(|z| after.aws.hosted_zone(&z.id).map(|hz| hz.account.as_str()) == account)
        .or_else(|| same_name().next())
        .map(|z| z.id.clone())
}

/// The zone selected when nothing is: the users' hosted zone nearest the root (AWS's own
/// zones, such as ACM's validation domain, only when there is no other), else the first zone.
pub fn default_selection(doc: &Doc) -> Option<String> {
    doc.aws
        .hosted_zones
        .iter()
        .filter(|hz| doc.world.zone(&hz.id).is_some())
        .min_by_key(|hz| {
            (
                hz.account == ACCOUNT_AWS,
                hz.name.num_labels(),
                hz.name.to_string(),
            )
        })
        .map(|hz| hz.id.clone())
        .or_else(|| doc.world.zones.first().map(|z| z.id.clone()))
}

impl Reducible for AppState {
    type Action = Action;

    /// The state after `action`, the walkthrough ticked from what changed.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.clone().step(action);
        if Rc::ptr_eq(&next, &self) {
            return next;
        }
        match walkthrough::follow(&self, &next) {
            Some(progress) => Rc::new(Self {
                walkthrough: progress,
                ..(*next).clone()
            }),
            None => next,
        }
    }
}

impl AppState {
    /// The state after `action`.
    fn step(self: Rc<Self>, action: Action) -> Rc<Self> {
        if self.readonly
            && matches!(
                action,
                Action::Edit(_)
                    | Action::Replace { .. }
                    | Action::ApplyChecked { .. }
                    | Action::Undo
                    | Action::Redo
            )
        {
            return self;
        }
        match action {
            Action::Edit(edit) => {
                match edit.applied(&self.doc) {
                    Ok((doc, applied)) => {
                        let mut history = self.history.clone();
                        history.record(edit.label(), self.doc.clone());
                        let mut next = self.with_doc(Rc::new(doc), history);
                        // A new hosted zone is shown; so is the zone a record was put in.
                        if let Some(id) = applied.hosted_zone() {
                            next.selected = Some(id.to_string());
                        } else if let Edit::PutRecordSet { zone_id, .. } = &edit {
                            next.selected = Some(zone_id.clone());
                        }
                        Rc::new(next)
                    }
                    Err(e) => Rc::new(Self {
                        error: Some(e.to_string()),
                        ..(*self).clone()
                    }),
                }
            }
            Action::Replace { label, doc } => {
                let mut history = self.history.clone();
                history.record(label, self.doc.clone());
                Rc::new(self.with_doc(Rc::new(doc), history))
            }
            Action::ApplyChecked { label, base, doc } => {
                if !Rc::ptr_eq(&self.doc, &base) {
                    return Rc::new(Self {
                        error: Some(format!(
                            "Nothing was changed: the document changed after \"{label}\" was checked. Check it again."
                        )),
                        ..(*self).clone()
                    });
                }
                let mut history = self.history.clone();
                history.record(label, self.doc.clone());
                let doc = std::sync::Arc::unwrap_or_clone(doc);
                Rc::new(self.with_doc(Rc::new(doc), history))
            }
            Action::Undo => {
                let mut history = self.history.clone();
                match history.undo(self.doc.clone()) {
                    Some(doc) => Rc::new(self.with_doc(doc, history)),
                    None => self,
                }
            }
            Action::Redo => {
                let mut history = self.history.clone();
                match history.redo(self.doc.clone()) {
                    Some(doc) => Rc::new(self.with_doc(doc, history)),
                    None => self,
                }
            }
            Action::Select(id) if self.doc.world.zone(&id).is_some() => Rc::new(Self {
                selected: Some(id),
                ..(*self).clone()
            }),
            Action::Select(_) => self,
            Action::Notice(notice) => Rc::new(Self {
                notice,
                ..(*self).clone()
            }),
            Action::DismissError => Rc::new(Self {
                error: None,
                ..(*self).clone()
            }),
            Action::Ask {
                question,
                resolver,
                step,
                autoplay,
            } => Rc::new(self.asking(question, resolver, step, autoplay)),
            Action::Show {
                question,
                resolver,
                resolution,
                cache,
            } => Rc::new(self.showing(question, resolver, resolution, None, false, cache)),
            Action::ShowStep(step) => match &self.asked {
                Some(asked) => {
                    let step = step.min(asked.resolution.steps.len().saturating_sub(1));
                    if step == asked.step && !asked.autoplay {
                        return self;
                    }
                    Rc::new(Self {
                        asked: Some(Rc::new(Asked {
                            step,
                            autoplay: false,
                            ..(**asked).clone()
                        })),
                        ..(*self).clone()
                    })
                }
                None => self,
            },
            Action::StartChallenge(id) => match challenges::get(id) {
                Some(c) => {
                    let mut history = self.history.clone();
                    history.record(format!("start challenge “{}”", c.title), self.doc.clone());
                    Rc::new(Self {
                        challenge: ChallengeState::started(c.id),
                        ..self.with_doc(Rc::new(c.start()), history)
                    })
                }
                None => self,
            },
            Action::Challenge(action) => Rc::new(Self {
                challenge: self.challenge.after(action, &self.doc),
                ..(*self).clone()
            }),
            Action::Walkthrough(WalkthroughAction::Start) => {
                let mut history = self.history.clone();
                history.record("start the walkthrough", self.doc.clone());
                Rc::new(Self {
                    walkthrough: Progress::started(),
                    ..self.with_doc(Rc::new(start_scenario()), history)
                })
            }
            Action::Walkthrough(WalkthroughAction::Show(open)) => Rc::new(Self {
                walkthrough: self.walkthrough.shown(open),
                ..(*self).clone()
            }),
            Action::Walkthrough(WalkthroughAction::Diagnosed { revision, found }) => {
                let mut walkthrough = self.walkthrough.clone();
                if revision != self.revision || !walkthrough.diagnosed(found) {
                    return self;
                }
                Rc::new(Self {
                    walkthrough,
                    ..(*self).clone()
                })
            }
            Action::Dialog(dialog) => Rc::new(Self {
                dialog,
                ..(*self).clone()
            }),
            Action::DismissAskError => Rc::new(Self {
                ask_error: None,
                ..(*self).clone()
            }),
            Action::SetView(view) => {
                let selected = match &view.selected_zone {
                    Some(id) if self.doc.world.zone(id).is_some() => Some(id.clone()),
                    _ => self.selected.clone(),
                };
                let next = Self {
                    selected,
                    view: Some(view.clone()),
                    view_serial: self.view_serial + 1,
                    ..(*self).clone()
                };
                // The link's dig command line, read once here.
                Rc::new(match &view.query {
                    None => next,
                    Some(line) => match resolve::parse_question(&next.doc.world, line) {
                        Ok((question, resolver)) => {
                            next.asking(question, resolver, view.step, view.autoplay)
                        }
                        Err(e) => Self {
                            ask_error: Some(e),
                            ..next
                        },
                    },
                })
            }
        }
    }
}

/// The reducer handle the views share through a context.
pub type AppHandle = UseReducerHandle<AppState>;

#[cfg(test)]
mod tests {
    use hickory_proto::rr::RecordType;

    use super::*;
    use crate::dns::rrset::parse_values;
    use crate::dns::{RecordSet, n};
    use crate::ui::doc::default_doc;

    fn start() -> Rc<AppState> {
        Rc::new(AppState::new(default_doc(), None))
    }

    fn add_a(state: &AppState, name: &str) -> Action {
        Action::Edit(Edit::PutRecordSet {
            zone_id: state.selected.clone().unwrap(),
            replacing: None,
            set: RecordSet::new(
                n(name),
                RecordType::A,
                300,
                parse_values(RecordType::A, &["192.0.2.9"]).unwrap(),
            ),
        })
    }

    #[test]
    fn the_first_hosted_zone_is_selected_at_start() {
        let s = start();
        assert_eq!(s.selected_zone().unwrap().origin, n("example.com."));
    }

    #[test]
    fn the_record_panel_follows_a_recreated_zone_through_undo_and_redo() {
        let s0 = start();
        let api = n("api.example.com.");
        let child = s0.doc.world.zones_named(&api).next().unwrap().id.clone();
        let s1 = s0.reduce(Action::Select(child.clone()));
        let s2 = s1.reduce(Action::Edit(Edit::RecreateHostedZone {
            zone_id: child.clone(),
        }));
        let new_id = s2.selected.clone().unwrap();
        assert_ne!(new_id, child);
        assert_eq!(s2.selected_zone().unwrap().origin, n("api.example.com."));
        let s3 = s2.reduce(Action::Undo);
        assert_eq!(s3.selected.as_deref(), Some(child.as_str()));
        let s4 = s3.reduce(Action::Redo);
        assert_eq!(s4.selected.as_deref(), Some(new_id.as_str()));
    }

    #[test]
    fn edits_undo_and_redo_bump_the_revision() {
        let s0 = start();
        let s1 = s0.clone().reduce(add_a(&s0, "new.example.com."));
        assert_eq!(s1.revision, 1);
        assert_eq!(s1.history.undo_label(), Some("add A new.example.com."));
        assert!(
            s1.selected_zone()
                .unwrap()
                .get(&n("new.example.com."), RecordType::A)
                .is_some()
        );
        let s2 = s1.clone().reduce(Action::Undo);
        assert_eq!(s2.revision, 2);
        assert_eq!(*s2.doc, *s0.doc);
        assert_eq!(s2.history.redo_label(), Some("add A new.example.com."));
        let s3 = s2.reduce(Action::Redo);
        assert_eq!(*s3.doc, *s1.doc);
        assert_eq!(s3.revision, 3);
    }

    #[test]
    fn a_failed_edit_changes_nothing_but_the_error() {
        let s0 = start();
        let s1 = s0.clone().reduce(add_a(&s0, "dup.example.com."));
        let s2 = s1.clone().reduce(add_a(&s1, "dup.example.com."));
        assert_eq!(s2.revision, 1);
        assert_eq!(s2.doc, s1.doc);
        assert_eq!(s2.history, s1.history);
        assert_eq!(
            s2.error.as_deref(),
            Some(
                "InvalidChangeBatch: [Tried to create resource record set [name='dup.example.com.', type='A'] but it already exists]"
            )
        );
    }

    fn ask(name: &str, resolver: Resolver, step: Option<usize>) -> Action {
        Action::Ask {
            question: crate::dns::answer::Question::new(n(name), RecordType::A),
            resolver,
            step,
            autoplay: false,
        }
    }

    #[test]
    fn asking_the_public_resolver_keeps_its_cache_but_is_not_an_undo_step() {
        let s0 = start();
        let s1 = s0
            .clone()
            .reduce(ask("www.api.example.com.", Resolver::Public, None));
        assert!(!s1.doc.resolver_cache.is_empty());
        assert_eq!(s1.revision, 1);
        assert_eq!(s1.history, s0.history);
        assert_eq!(s1.history.undo_label(), None);
        let asked = s1.asked.clone().unwrap();
        assert_eq!(
            (asked.step, asked.serial, asked.query_line().as_str()),
            (0, 1, "dig @8.8.8.8 www.api.example.com A")
        );
        // Asked again: a new run, answered from the cache now; the document is unchanged.
        let s2 = s1
            .clone()
            .reduce(ask("www.api.example.com.", Resolver::Public, None));
        assert_eq!(s2.asked.as_ref().unwrap().serial, 2);
        assert_eq!(s2.revision, 1);
    }

    #[test]
    fn the_step_shown_is_kept_in_its_steps() {
        let s0 = start();
        let s1 = s0.reduce(ask("www.api.example.com.", Resolver::Trace, Some(99)));
        let last = s1.asked.as_ref().unwrap().resolution.steps.len() - 1;
        assert_eq!(s1.asked.as_ref().unwrap().step, last);
        let s2 = s1.clone().reduce(Action::ShowStep(1));
        assert_eq!(s2.asked.as_ref().unwrap().step, 1);
        assert!(
            !s2.asked
                .as_ref()
                .unwrap()
                .step_zone_ids(&s2.doc.world)
                .is_empty()
        );
        // Nothing asked: no step to show.
        let s = start();
        assert!(Rc::ptr_eq(&s.clone().reduce(Action::ShowStep(3)), &s));
    }

    #[test]
    fn a_view_reads_its_dig_line_once_and_asks_it() {
        let s0 = start();
        let view = |query: &str| ViewState {
            query: Some(query.into()),
            step: Some(2),
            ..ViewState::default()
        };
        let s1 = s0
            .clone()
            .reduce(Action::SetView(view("dig +trace www.api.example.com A")));
        let asked = s1.asked.clone().unwrap();
        assert_eq!((asked.resolver.clone(), asked.step), (Resolver::Trace, 2));
        assert_eq!(asked.query_line(), "dig +trace www.api.example.com A");
        // A line that cannot be read is the form's error; what was shown stays.
        let s2 = s1.clone().reduce(Action::SetView(view("dig +bogus x")));
        assert!(matches!(
            &s2.ask_error,
            Some(resolve::AskError::Unreadable {
                error: crate::scenario::dig_command::DigError::UnknownPlusOption(option),
                ..
            }) if option == "bogus"
        ));
        assert_eq!(s2.asked, s1.asked);
        // A question that can be asked again clears it.
        let s3 = s2.reduce(ask("www.api.example.com.", Resolver::Trace, None));
        assert_eq!(s3.ask_error, None);
    }

    #[test]
    fn undo_with_nothing_to_undo_is_the_same_state() {
        let s0 = start();
        assert!(Rc::ptr_eq(&s0.clone().reduce(Action::Undo), &s0));
        assert!(Rc::ptr_eq(
            &s0.clone().reduce(Action::Select("nope".into())),
            &s0
        ));
    }

    #[test]
    fn a_read_only_state_ignores_every_change_to_the_document() {
        let s = Rc::new(AppState {
            readonly: true,
            ..AppState::embedded(default_doc())
        });
        let after = s.clone().reduce(add_a(&s, "ro.example.com."));
        assert!(Rc::ptr_eq(&s, &after));
        let after = s.clone().reduce(Action::Replace {
            label: "load".into(),
            doc: default_doc(),
        });
        assert!(Rc::ptr_eq(&s, &after));
        let after = s.clone().reduce(Action::ApplyChecked {
            label: "import".into(),
            base: s.doc.clone(),
            doc: std::sync::Arc::new(default_doc()),
        });
        assert!(Rc::ptr_eq(&s, &after));
        let zone = s.doc.world.zones[0].id.clone();
        let after = s.clone().reduce(Action::Select(zone.clone()));
        assert_eq!(after.selected.as_deref(), Some(zone.as_str()));
    }

    /// A checked import is taken as the check left the document: the same document and
    /// history as applying its edit, one undo step; against another document, nothing.
    #[test]
    fn a_checked_import_is_taken_only_on_the_document_it_was_checked_against() {
        use crate::ui::panels::interop::import::{ImportKind, Imported, run_import};
        let s0 = start();
        let zone = s0.selected.clone().unwrap();
        let text = "imported 300 IN A 192.0.2.77\nmore 300 IN TXT \"x\"\n";
        let Ok(Imported::Edit { edit, applied, .. }) =
            run_import(&s0.doc, ImportKind::ZoneFile, &zone, "x.zone", text)
        else {
            panic!("the import checks");
        };
        let by_edit = s0.clone().reduce(Action::Edit((*edit).clone()));
        let checked = Action::ApplyChecked {
            label: edit.label(),
            base: s0.doc.clone(),
            doc: applied.clone(),
        };
        let taken = s0.clone().reduce(checked.clone());
        assert!(taken.error.is_none());
        assert_eq!(taken.doc, by_edit.doc);
        assert_eq!(taken.selected, by_edit.selected);
        assert_eq!(taken.revision, s0.revision + 1);
        let undone = taken.clone().reduce(Action::Undo);
        assert!(Rc::ptr_eq(&undone.doc, &s0.doc));
        // The document changed after the check: nothing is taken, and the error says why.
        let moved = s0.clone().reduce(add_a(&s0, "other.example.com."));
        let refused = moved.clone().reduce(checked);
        assert!(Rc::ptr_eq(&refused.doc, &moved.doc));
        assert!(
            refused
                .error
                .as_deref()
                .is_some_and(|e| e.contains("Check it again")),
            "{:?}",
            refused.error
        );
    }
}
