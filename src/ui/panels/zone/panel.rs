//! The selected zone: its head ([`super::head`]: kind, owner, name servers), what its
//! parent says about it ([`super::delegation_status`]), its record table, and the add/edit
//! dialog (its state is `record_editor`'s). The add form's draft outlives the dialog, so
//! closing it by mistake loses nothing.

use std::rc::Rc;

use yew::prelude::*;

use super::delegation_status::delegation_status;
use super::head::ZoneHead;
use super::record_dialog::RecordDialogProps;
use super::record_table::RecordTable;
use crate::ui::doc::Doc;
use crate::ui::lazy::{Lazy, RECORD_DIALOG};
use crate::ui::panels::accounts::delegation;
use crate::ui::panels::zone::record_editor::{Editor, Mode, SetKey};
use crate::ui::panels::zone::record_form::RecordDraft;
use crate::ui::state::Edit;

#[derive(Properties, PartialEq)]
pub struct ZonePanelProps {
    pub doc: Rc<Doc>,
    pub zone_id: AttrValue,
    pub on_edit: Callback<Edit>,
}

#[function_component]
pub fn ZonePanel(props: &ZonePanelProps) -> Html {
    let dialog = use_state(|| None::<Editor>);
    // The add form's draft outlives the dialog, so closing it by mistake loses nothing.
    let add_draft = use_mut_ref(RecordDraft::default);
    let Some(zone) = props.doc.world.zone(&props.zone_id) else {
        return html! { <p class="empty">{ "Select a zone in the diagram to see its records." }</p> };
    };
    let origin = zone.origin.clone();

    let open_add = {
        let (dialog, add_draft) = (dialog.clone(), add_draft.clone());
        Callback::from(move |_: MouseEvent| {
            dialog.set(Some(Editor::new(Mode::Add, add_draft.borrow().clone())))
        })
    };
    let open_edit = {
        let (dialog, doc, zone_id, origin) = (
            dialog.clone(),
            props.doc.clone(),
            props.zone_id.clone(),
            origin.clone(),
        );
        Callback::from(move |key: SetKey| {
            let Some(set) = doc.world.zone(&zone_id).and_then(|z| z.get(&key.0, key.1)) else {
                return;
            };
            let draft = RecordDraft::from_set(set, &origin);
            dialog.set(Some(Editor::new(Mode::Edit(key), draft)))
        })
    };
    let on_delete = {
        let (on_edit, zone_id) = (props.on_edit.clone(), props.zone_id.clone());
        Callback::from(move |(name, rtype): SetKey| {
            on_edit.emit(Edit::DeleteRecordSet {
                zone_id: zone_id.to_string(),
                name,
                rtype,
            })
        })
    };
    let on_change = {
        let (dialog, add_draft) = (dialog.clone(), add_draft.clone());
        Callback::from(move |draft: RecordDraft| {
            let Some(editor) = &*dialog else {
                return;
            };
            if editor.mode == Mode::Add {
                *add_draft.borrow_mut() = draft.clone();
            }
            dialog.set(Some(editor.changed(draft)));
        })
    };
    let on_submit = {
        let (dialog, add_draft, doc, zone_id, on_edit, origin) = (
            dialog.clone(),
            add_draft.clone(),
            props.doc.clone(),
            props.zone_id.clone(),
            props.on_edit.clone(),
            origin.clone(),
        );
        Callback::from(move |_| {
            let Some(editor) = &*dialog else {
                return;
            };
            match editor.submit(&doc, &zone_id, &origin) {
                Ok(edit) => {
                    if editor.mode == Mode::Add {
                        *add_draft.borrow_mut() = RecordDraft::default();
                    }
                    dialog.set(None);
                    on_edit.emit(edit);
                }
                Err(refused) => dialog.set(Some(*refused)),
            }
        })
    };
    let on_close = {
        let dialog = dialog.clone();
        Callback::from(move |_| dialog.set(None))
    };
    let on_delegate = {
        let (on_edit, zone_id) = (props.on_edit.clone(), props.zone_id.clone());
        Callback::from(move |_: MouseEvent| {
            on_edit.emit(Edit::DelegateToChild {
                child_zone_id: zone_id.to_string(),
                ttl: delegation::DELEGATION_TTL,
            })
        })
    };
    let link = delegation::parent_link(&props.doc, &props.zone_id);

    html! {
        <div class="zone-panel">
            <ZoneHead doc={props.doc.clone()} zone_id={props.zone_id.clone()} on_add={open_add} />
            if let Some(link) = &link {
                { delegation_status(link, on_delegate) }
            }
            <RecordTable key={props.zone_id.to_string()} doc={props.doc.clone()} zone_id={props.zone_id.clone()}
                on_edit={open_edit} on_delete={on_delete} />
            if let Some(editor) = &*dialog {
                <Lazy<RecordDialogProps> module={&RECORD_DIALOG} props={RecordDialogProps {
                    origin: origin.clone(),
                    heading: editor.heading(&origin).into(),
                    submit_label: editor.submit_label().into(),
                    account: crate::ui::views::account_badge::zone_account_badge(&props.doc, &props.zone_id),
                    draft: editor.draft.clone(),
                    errors: editor.errors.clone(),
                    attempt: editor.attempt,
                    on_change,
                    on_submit,
                    on_close,
                }} />
            }
        </div>
    }
}
