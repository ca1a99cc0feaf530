//! The import dialog: a BIND zone file or Route 53 `list-resource-record-sets` JSON into a
//! chosen hosted zone, or a scenario JSON opened as the document. Pasted or picked (a file
//! is read with `gloo::file`), checked as typed: the preview says what will change, an error
//! says file:line:column and what was expected, at the text field, with the text kept.
//! Import applies the checked result as ONE undo step; a failed import changes nothing.
//!
//! Neither the check nor the import runs inside the keystroke or the click: each is queued
//! behind a paint, so a big file (25,000 record sets) shows "Checking…" or "Importing…"
//! with a progress bar first, and the dialog answers while it waits. The draft and the
//! preview are [`super::import_form`]'s (pure), the check [`super::import_check`]'s, the
//! file picker [`super::import_picked`]'s, the first row [`super::import_target`]'s.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::import::{ImportKind, Imported, zone_file_origin, zone_for_origin};
use super::import_check::{Check, PAINT_MS, use_check, use_placement_warnings};
use super::import_form::{Draft, line_counts, placeholder, preview};
use super::import_picked::read_picked;
use super::import_status::import_status;
use super::import_target::import_target;
use crate::ui::hooks::{App, use_app};
use crate::ui::numbers::thousands;
use crate::ui::platform::events::value_of;
use crate::ui::views::icon::Icon;

#[derive(Properties, PartialEq, Clone)]
pub struct ImportDialogProps {
    pub on_close: Callback<()>,
}

#[function_component]
pub fn ImportDialog(props: &ImportDialogProps) -> Html {
    let state = use_app();
    let dialog = use_node_ref();
    crate::ui::views::modal::use_modal(&dialog);
    let draft = use_state(|| Draft::new(state.selected.clone().unwrap_or_default()));
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    // Whether the user chose the zone (then an $ORIGIN does not change it).
    let zone_touched = use_mut_ref(|| false);
    let (checking, check) = use_check(&draft, &state.doc);
    let checked = check.as_ref().map(|c| c.result.clone());
    let applying = use_state(|| false);
    let timer = use_mut_ref(|| None::<Timeout>);

    let set = |f: fn(&mut Draft, String)| {
        let draft = draft.clone();
        move |value: String| {
            let mut next = (*draft).clone();
            f(&mut next, value);
            draft.set(next);
        }
    };
    let on_kind = {
        let set = set(|d, v| d.kind = ImportKind::from_id(&v).unwrap_or(ImportKind::ZoneFile));
        Callback::from(move |e: Event| set(value_of(&e)))
    };
    let on_zone = {
        let set = set(|d, v| d.zone = v);
        let touched = zone_touched.clone();
        Callback::from(move |e: Event| {
            *touched.borrow_mut() = true;
            set(value_of(&e))
        })
    };
    // A zone file that names its $ORIGIN goes, unless the user chose otherwise, into the
    // hosted zone of that name.
    let preselect = {
        let (doc, touched) = (state.doc.clone(), zone_touched.clone());
        move |d: &mut Draft| {
            if d.kind == ImportKind::ZoneFile
                && !*touched.borrow()
                && let Some(id) = zone_file_origin(&d.text).and_then(|o| zone_for_origin(&doc, &o))
            {
                d.zone = id;
            }
        }
    };
    let on_text = {
        let (draft, preselect) = (draft.clone(), preselect.clone());
        let set = move |v: String| {
            let mut next = (*draft).clone();
            next.text = v;
            next.picked = false;
            preselect(&mut next);
            draft.set(next);
        };
        Callback::from(move |e: InputEvent| set(value_of(&e)))
    };
    let on_file = read_picked(draft.clone(), reader.clone(), preselect.clone());
    let on_import = import_on_submit(
        state.clone(),
        check,
        props.on_close.clone(),
        applying.clone(),
        timer.clone(),
    );
    let (oncancel, close) = crate::ui::views::modal::close_handlers(&props.on_close);

    let warnings = use_placement_warnings(&state.doc, &draft.zone, checked.as_ref());
    let error = match checked.as_deref() {
        Some(Err(e)) => Some(e.to_string()),
        _ => None,
    };
    let (summary, can_import) = match checked.as_deref() {
        Some(Ok(imported)) => preview(imported),
        _ => (Vec::new(), false),
    };
    let can_import = can_import && !*applying;
    // Counted once per text (a 25,000-line file takes a few milliseconds).
    let (lines, nonblank) = *use_memo((draft.text.as_ptr() as usize, draft.text.len()), {
        let draft = draft.clone();
        move |_| line_counts(&draft.text)
    });
    let progress = if *applying {
        Some(format!("Importing {} lines…", thousands(nonblank)))
    } else if checking {
        Some(format!("Checking {} lines…", thousands(nonblank)))
    } else {
        None
    };
    // A long file's text stays out of the field (typing there replaces it).
    let unshown = draft.unshown_note(lines);
    let shown_text = if unshown.is_some() {
        String::new()
    } else {
        draft.text.clone()
    };

    html! {
        <dialog class="dialog dialog-wide" id="import-dialog" ref={dialog} aria-labelledby="import-title" oncancel={oncancel}>
            <form class="form" novalidate=true onsubmit={on_import}>
                <div class="dialog-head">
                    <div class="dialog-title">
                        <h2 id="import-title">{ "Import" }</h2>
                        if draft.kind.needs_zone() {
                            { crate::ui::views::account_badge::zone_account_badge(&state.doc, &draft.zone) }
                        }
                    </div>
                    <button type="button" class="btn btn-icon" aria-label="Close without importing" onclick={close.clone()}>
                        <Icon name="close" />
                    </button>
                </div>
                { import_target(&state.doc, draft.kind, &draft.zone, on_kind, on_zone) }
                <div class="field">
                    <label for="import-file">{ "Read a file" }</label>
                    <input id="import-file" type="file" onchange={on_file}
                        accept=".zone,.db,.txt,.json,text/plain,application/json" />
                </div>
                <div class={classes!("field", error.is_some().then_some("invalid"))}>
                    <label for="import-text">{ "Or paste the text" }</label>
                    if let Some(note) = &unshown {
                        <p class="hint" id="import-unshown">{ note.clone() }</p>
                    }
                    <textarea id="import-text" rows="10" spellcheck="false" value={shown_text}
                        placeholder={placeholder(draft.kind)} oninput={on_text}
                        aria-invalid={error.is_some().to_string()} aria-describedby="import-hint import-error" />
                    <p class="hint" id="import-hint">{
                        "Zone files: $ORIGIN, $TTL, relative names and the trailing dot as BIND reads them; $INCLUDE cannot be followed in the browser (paste the included file's records instead)."
                    }</p>
                    if let Some(message) = &error {
                        <p class="field-error" id="import-error" role="alert"><Icon name="alert" /><span>{ message.clone() }</span></p>
                    } else {
                        <p class="field-error" id="import-error" hidden=true></p>
                    }
                </div>
                { import_status(progress.as_deref(), &summary, &warnings) }
                <div class="dialog-actions">
                    <button type="button" class="btn btn-ghost" onclick={close}>{ "Cancel" }</button>
                    <button type="submit" class="btn btn-primary" id="import-apply" disabled={!can_import}>{ "Import" }</button>
                </div>
            </form>
        </dialog>
    }
}

/// Import: "Importing…" is painted, then the checked result is taken as one undo step (the
/// document the check's edit left, or the scenario opened) and the dialog closes. The edit
/// is not applied again: the check applied it to this very document.
fn import_on_submit(
    app: App,
    check: Option<Check>,
    close: Callback<()>,
    applying: UseStateHandle<bool>,
    timer: Rc<std::cell::RefCell<Option<Timeout>>>,
) -> Callback<SubmitEvent> {
    Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        if *applying {
            return;
        }
        let Some(check) = check.clone() else {
            return;
        };
        let (app, close) = (app.clone(), close.clone());
        applying.set(true);
        *timer.borrow_mut() = Some(Timeout::new(PAINT_MS, move || {
            match check.result.as_ref() {
                Ok(Imported::Edit {
                    edit,
                    applied,
                    changes_nothing: false,
                    ..
                }) => {
                    app.apply_checked(edit.label(), check.doc.clone(), applied.clone());
                    close.emit(());
                }
                Ok(Imported::Document(doc)) => {
                    app.replace(format!("import scenario {}", doc.title), (**doc).clone());
                    close.emit(());
                }
                _ => {}
            }
        }));
    })
}
