//! The import dialog: a BIND zone file or Route 53 `list-resource-record-sets` JSON into a
//! chosen hosted zone, or a scenario JSON opened as the document. Pasted or picked (a file
//! is read with `gloo::file`), checked as typed: the preview says what will change, an error
//! says file:line:column and what was expected, at the text field, with the text kept.
//! Import applies the checked result as ONE undo step; a failed import changes nothing.
//!
//! Neither the check nor the import runs inside the keystroke or the click: each is queued
//! behind a paint, so a big file (25,000 record sets) shows "Checking…" or "Importing…"
//! with a progress bar first, and the dialog answers while it waits.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::ui::hooks::use_app;

use super::icon::Icon;
use super::record_filter::thousands;
use crate::scenario::interop::ImportError;
use crate::ui::interop::{
    ImportKind, Imported, placement_warnings, placement_warnings_after, run_import,
    zone_file_origin, zone_for_origin,
};

/// How long a queued check or import waits, so the progress is painted first (a frame).
const PAINT_MS: u32 = 20;

/// The longest file text put into the text field: a longer one (a zone of 25,000 record
/// sets is 0.8 MB) is read and checked but not shown, as the browser would take longer to
/// lay the field out than the check takes.
pub const SHOWN_BYTES: usize = 100_000;

#[derive(Properties, PartialEq, Clone)]
pub struct ImportDialogProps {
    pub on_close: Callback<()>,
}

/// What the user has typed or picked (kept across errors).
#[derive(Debug, Clone, PartialEq)]
struct Draft {
    kind: ImportKind,
    zone: String,
    file: String,
    text: String,
    /// Whether the text was read from a file (not typed or pasted into the field).
    picked: bool,
}

#[function_component]
pub fn ImportDialog(props: &ImportDialogProps) -> Html {
    let state = use_app();
    let dialog = use_node_ref();
    super::modal::use_modal(&dialog);
    let draft = use_state(|| Draft {
        kind: ImportKind::ZoneFile,
        zone: state.selected.clone().unwrap_or_default(),
        file: String::new(),
        text: String::new(),
        picked: false,
    });
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    // Whether the user chose the zone (then an $ORIGIN does not change it).
    let zone_touched = use_mut_ref(|| false);
    // The check of the draft shown, and the draft it was made for: while they differ, the
    // new check is queued ("Checking…").
    let check = use_state(|| None::<(Draft, Rc<Result<Imported, ImportError>>)>);
    let applying = use_state(|| false);
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        let (check, timer, doc) = (check.clone(), timer.clone(), state.doc.clone());
        use_effect_with((*draft).clone(), move |draft| {
            let draft = draft.clone();
            if draft.text.trim().is_empty() {
                *timer.borrow_mut() = None;
            } else if check.as_ref().is_none_or(|(d, _)| *d != draft) {
                // After a paint: the progress shows first. A newer draft replaces this one.
                *timer.borrow_mut() = Some(Timeout::new(PAINT_MS, move || {
                    let result =
                        run_import(&doc, draft.kind, &draft.zone, &draft.file, &draft.text);
                    check.set(Some((draft, Rc::new(result))));
                }));
            }
        });
    }
    let checking =
        !draft.text.trim().is_empty() && check.as_ref().is_none_or(|(d, _)| *d != *draft);
    // Shared, never copied per render (a 25,000-set edit takes a tenth of a second to copy).
    let checked: Option<Rc<Result<Imported, ImportError>>> = check
        .as_ref()
        .filter(|(d, _)| *d == *draft)
        .map(|(_, r)| r.clone());

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
        Callback::from(move |e: Event| {
            set(e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value())
        })
    };
    let on_zone = {
        let set = set(|d, v| d.zone = v);
        let touched = zone_touched.clone();
        Callback::from(move |e: Event| {
            *touched.borrow_mut() = true;
            set(e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value())
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
        Callback::from(move |e: InputEvent| {
            set(e
                .target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                .value())
        })
    };
    let on_file = {
        let draft = draft.clone();
        let reader = reader.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            let Some(file) = input.files().and_then(|list| list.get(0)) else {
                return;
            };
            let file = gloo::file::File::from(file);
            let name = file.name();
            let (draft, preselect) = (draft.clone(), preselect.clone());
            let limit = crate::scenario::interop::MAX_IMPORT_BYTES;
            if file.size() > limit as u64 {
                let mut next = (*draft).clone();
                next.text = format!("; {}", crate::scenario::interop::import_too_large(&name));
                next.file = name;
                draft.set(next);
                return;
            }
            let task = gloo::file::callbacks::read_as_text(&file, move |result| {
                let mut next = (*draft).clone();
                next.file = name;
                next.picked = true;
                match result {
                    Ok(text) => next.text = text,
                    Err(e) => next.text = format!("; the file could not be read: {e}"),
                }
                preselect(&mut next);
                draft.set(next);
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let on_import = {
        let state = state.clone();
        let checked = checked.clone();
        let close = props.on_close.clone();
        let (applying, timer) = (applying.clone(), timer.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *applying {
                return;
            }
            let checked = checked.clone();
            let (state, close) = (state.clone(), close.clone());
            // "Importing…" is painted before the edit is applied.
            applying.set(true);
            *timer.borrow_mut() = Some(Timeout::new(PAINT_MS, move || match checked.as_deref() {
                Some(Ok(Imported::Edit {
                    edit,
                    changes_nothing: false,
                    ..
                })) => {
                    state.apply((**edit).clone());
                    close.emit(());
                }
                Some(Ok(Imported::Document(doc))) => {
                    state.replace(format!("import scenario {}", doc.title), (**doc).clone());
                    close.emit(());
                }
                _ => {}
            }));
        })
    };
    let (oncancel, close) = super::modal::close_handlers(&props.on_close);

    // Once per check (it tries the edit on a copy of the document).
    let warnings = {
        let (doc, zone, checked) = (state.doc.clone(), draft.zone.clone(), checked.clone());
        let key = (
            check.as_ref().map(|(_, r)| Rc::as_ptr(r) as usize),
            state.revision,
        );
        use_memo(key, move |_| match checked.as_deref() {
            Some(Ok(Imported::Edit {
                after: Some(after), ..
            })) if after.id == zone => placement_warnings_after(&doc, after),
            Some(Ok(Imported::Edit { edit, .. })) => placement_warnings(&doc, &zone, edit),
            _ => Vec::new(),
        })
    };
    let error = match checked.as_deref() {
        Some(Err(e)) => Some(e.to_string()),
        _ => None,
    };
    let (summary, can_import) = match checked.as_deref() {
        Some(Ok(Imported::Edit {
            summary,
            changes_nothing,
            ..
        })) => (
            if *changes_nothing {
                vec!["The zone already holds exactly these records: nothing to change.".to_string()]
            } else {
                summary.clone()
            },
            !changes_nothing,
        ),
        Some(Ok(Imported::Document(doc))) => (
            vec![format!(
                "Opens \u{201c}{}\u{201d} as the document ({} zones, {} hosted zones); Undo returns to the current one.",
                doc.title,
                doc.world.zones.len(),
                doc.aws.hosted_zones.len()
            )],
            true,
        ),
        _ => (Vec::new(), false),
    };
    let can_import = can_import && !*applying;
    // Counted once per text (a 25,000-line file takes a few milliseconds).
    let (lines, nonblank) = *use_memo((draft.text.as_ptr() as usize, draft.text.len()), {
        let draft = draft.clone();
        move |_| {
            draft.text.lines().fold((0, 0), |(all, filled), l| {
                (all + 1, filled + usize::from(!l.trim().is_empty()))
            })
        }
    });
    let progress = if *applying {
        Some(format!("Importing {} lines…", thousands(nonblank)))
    } else if checking {
        Some(format!("Checking {} lines…", thousands(nonblank)))
    } else {
        None
    };
    // A long file's text stays out of the field (typing there replaces it).
    let unshown = (draft.picked && draft.text.len() > SHOWN_BYTES).then(|| {
        format!(
            "{}: {} KB, {} lines, read but too long to show here; paste text to replace it.",
            if draft.file.is_empty() {
                "The text"
            } else {
                draft.file.as_str()
            },
            thousands(draft.text.len().div_ceil(1000)),
            thousands(lines)
        )
    });
    let shown_text = if unshown.is_some() {
        String::new()
    } else {
        draft.text.clone()
    };
    let placeholder = match draft.kind {
        ImportKind::ZoneFile => "$TTL 300\nwww  IN A     192.0.2.10\napi  IN CNAME www",
        ImportKind::Route53Json => "{\n  \"ResourceRecordSets\": [ … ]\n}",
        ImportKind::Scenario => "{ \"version\": 1, \"title\": … }",
    };

    html! {
        <dialog class="dialog dialog-wide" id="import-dialog" ref={dialog} aria-labelledby="import-title" oncancel={oncancel}>
            <form class="form" novalidate=true onsubmit={on_import}>
                <div class="dialog-head">
                    <div class="dialog-title">
                        <h2 id="import-title">{ "Import" }</h2>
                        if draft.kind.needs_zone() {
                            { super::account_badge::zone_account_badge(&state.doc, &draft.zone) }
                        }
                    </div>
                    <button type="button" class="btn btn-icon" aria-label="Close without importing" onclick={close.clone()}>
                        <Icon name="close" />
                    </button>
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for="import-kind">{ "What it is" }</label>
                        <select id="import-kind" onchange={on_kind}>
                            { for ImportKind::ALL.iter().map(|k| html! {
                                <option value={k.id()} selected={*k == draft.kind}>{ k.label() }</option>
                            }) }
                        </select>
                    </div>
                    if draft.kind.needs_zone() {
                        <div class="field">
                            <label for="import-zone">{ "Into hosted zone" }</label>
                            <select id="import-zone" onchange={on_zone}>
                                { for state.doc.aws.hosted_zones.iter().map(|hz| html! {
                                    <option value={hz.id.clone()} selected={hz.id == draft.zone}>
                                        { format!("{} ({}, {})", hz.name, hz.id, hz.account) }
                                    </option>
                                }) }
                            </select>
                        </div>
                    }
                </div>
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
                        placeholder={placeholder} oninput={on_text}
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
                if let Some(what) = &progress {
                    <div class="import-progress" role="status" id="import-progress">
                        <progress aria-label={what.clone()}></progress>
                        <span>{ what.clone() }</span>
                    </div>
                }
                if !summary.is_empty() && progress.is_none() {
                    <div class="import-preview" aria-live="polite">
                        <h3>{ "What will change" }</h3>
                        <ul id="import-summary">{ for summary.iter().map(|s| html! { <li>{ s.clone() }</li> }) }</ul>
                    </div>
                }
                if !warnings.is_empty() {
                    <div class="import-warning" id="import-warning" role="status">
                        <Icon name="alert" />
                        <div>{ for warnings.iter().map(|w| html! { <p>{ w.clone() }</p> }) }</div>
                    </div>
                }
                <div class="dialog-actions">
                    <button type="button" class="btn btn-ghost" onclick={close}>{ "Cancel" }</button>
                    <button type="submit" class="btn btn-primary" id="import-apply" disabled={!can_import}>{ "Import" }</button>
                </div>
            </form>
        </dialog>
    }
}
