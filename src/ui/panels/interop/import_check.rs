//! The import dialog's check, as a hook: the draft run through its importer behind a paint
//! (so "Checking…" shows first), a newer draft replacing a queued one, the result shared
//! rather than copied.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::import::{Imported, placement_warnings, placement_warnings_after, run_import};
use super::import_form::Draft;
use crate::scenario::interop::ImportError;
use crate::ui::doc::Doc;

/// How long a queued check or import waits, so the progress is painted first (a frame).
pub const PAINT_MS: u32 = 20;

/// A check's result, shared (a 25,000-set edit takes a tenth of a second to copy).
pub type Checked = Rc<Result<Imported, ImportError>>;

/// One check: the draft and the document it read, and what it found.
#[derive(Clone)]
pub struct Check {
    pub draft: Draft,
    pub doc: Rc<Doc>,
    pub result: Checked,
}

impl Check {
    /// Whether this is the check of `draft` against `doc` (the document itself, not a copy).
    fn of(&self, draft: &Draft, doc: &Rc<Doc>) -> bool {
        self.draft == *draft && Rc::ptr_eq(&self.doc, doc)
    }
}

/// The check of `draft` against `doc`, queued behind a paint and replaced by a newer draft's
/// (or by the check of a changed document): whether it is still running, and the check once
/// it is the draft's against this document.
#[hook]
pub fn use_check(draft: &Draft, doc: &Rc<Doc>) -> (bool, Option<Check>) {
    let check = use_state(|| None::<Check>);
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        let check = check.clone();
        let key = (draft.clone(), Rc::as_ptr(doc) as usize);
        let doc = doc.clone();
        use_effect_with(key, move |(draft, _)| {
            let draft = draft.clone();
            if draft.text.trim().is_empty() {
                *timer.borrow_mut() = None;
            } else if check.as_ref().is_none_or(|c| !c.of(&draft, &doc)) {
                // After a paint: the progress shows first. A newer draft replaces this one.
                *timer.borrow_mut() = Some(Timeout::new(PAINT_MS, move || {
                    let result =
                        run_import(&doc, draft.kind, &draft.zone, &draft.file, &draft.text);
                    check.set(Some(Check {
                        draft,
                        doc,
                        result: Rc::new(result),
                    }));
                }));
            }
        });
    }
    let current = check.as_ref().filter(|c| c.of(draft, doc)).cloned();
    let checking = !draft.text.trim().is_empty() && current.is_none();
    (checking, current)
}

/// What the checked import would leave below a delegation in `zone` (sentences), worked out
/// once per check (a check is of one draft, zone included, against one document): from the
/// zone the check left when it is `zone`, otherwise by trying the edit on a copy of the
/// document.
#[hook]
pub fn use_placement_warnings(
    doc: &Rc<Doc>,
    zone: &str,
    checked: Option<&Checked>,
) -> Rc<Vec<String>> {
    let (doc, zone, checked) = (doc.clone(), zone.to_string(), checked.cloned());
    let key = checked.as_ref().map(|r| Rc::as_ptr(r) as usize);
    use_memo(key, move |_| match checked.as_deref() {
        Some(Ok(Imported::Edit {
            after: Some(after), ..
        })) if after.id == zone => placement_warnings_after(&doc, after),
        Some(Ok(Imported::Edit { edit, .. })) => placement_warnings(&doc, &zone, edit),
        _ => Vec::new(),
    })
}
