//! The app's state and the actions that change it: one reducer (`yew::Reducible`), so every
//! change goes through `reduce` and every document change is one undo step. Storage writes
//! happen in an effect watching `revision`, never here.

use std::rc::Rc;

use yew::prelude::*;

use super::doc::Doc;
use super::history::History;
use super::storage::Notice;
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
    Undo,
    Redo,
    /// Shows this zone in the record panel.
    Select(String),
    /// Sets or clears the banner.
    Notice(Option<Notice>),
    /// Clears the edit error.
    DismissError,
    /// Stores the public resolver's cache after a resolution. Deliberately NOT an undo step:
    /// asking a question is not an edit, and undo should not step through lookups. The
    /// revision is bumped so the document (with its cache) is saved.
    SetCache(crate::dns::resolve::Cache),
    /// Asks the views to show this: a zone selected at once, and a query (a dig command line)
    /// run by the resolve panel at a step. Share links, embed URLs, diagnostics' "show the
    /// resolution" and challenges use it. Each dispatch bumps `view_serial`, so asking for the
    /// same query again runs it again.
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

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        if self.readonly
            && matches!(
                action,
                Action::Edit(_) | Action::Replace { .. } | Action::Undo | Action::Redo
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
            Action::SetCache(cache) => {
                let mut doc = (*self.doc).clone();
                doc.resolver_cache = cache;
                Rc::new(Self {
                    doc: Rc::new(doc),
                    revision: self.revision + 1,
                    ..(*self).clone()
                })
            }
            Action::SetView(view) => {
                let selected = match &view.selected_zone {
                    Some(id) if self.doc.world.zone(id).is_some() => Some(id.clone()),
                    _ => self.selected.clone(),
                };
                Rc::new(Self {
                    selected,
                    view: Some(view),
                    view_serial: self.view_serial + 1,
                    ..(*self).clone()
                })
            }
        }
    }
}

/// What the resolve panel shows now: its question as a dig command line, and the step. Share
/// links carry it. A shared cell rather than app state, so that stepping through a resolution
/// does not re-render the whole app; the app provides one through a context.
#[derive(Debug, Clone, Default)]
pub struct Shown(pub Rc<std::cell::RefCell<(Option<String>, Option<usize>)>>);

impl PartialEq for Shown {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Shown {
    /// The query and step shown, if a resolution is shown.
    pub fn get(&self) -> (Option<String>, Option<usize>) {
        self.0.borrow().clone()
    }

    pub fn set(&self, query: Option<String>, step: Option<usize>) {
        *self.0.borrow_mut() = (query, step);
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

    #[test]
    fn a_new_cache_is_saved_but_not_an_undo_step() {
        let s0 = start();
        let mut cache = crate::dns::resolve::Cache::new();
        let q = crate::dns::answer::Question::new(n("www.api.example.com."), RecordType::A);
        crate::dns::resolve::recursive(&s0.doc.world, &mut cache, &q, s0.doc.clock);
        assert!(!cache.is_empty());
        let s1 = s0.clone().reduce(Action::SetCache(cache.clone()));
        assert_eq!(s1.doc.resolver_cache, cache);
        assert_eq!(s1.revision, 1);
        assert_eq!(s1.history, s0.history);
        assert_eq!(s1.history.undo_label(), None);
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
        let zone = s.doc.world.zones[0].id.clone();
        let after = s.clone().reduce(Action::Select(zone.clone()));
        assert_eq!(after.selected.as_deref(), Some(zone.as_str()));
    }
}
