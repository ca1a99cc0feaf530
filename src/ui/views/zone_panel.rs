//! The selected zone: its details (owner, id, name servers), its record table, and the
//! add/edit dialog. The add form's draft outlives the dialog, so closing it by mistake loses
//! nothing; a submit is validated field by field, then checked as an `Edit` against the
//! document, before it is sent up.

use std::rc::Rc;

use yew::prelude::*;

use super::icon::Icon;
use super::record_dialog::RecordDialogProps;
use super::record_table::{RecordTable, SetKey};
use crate::ui::doc::Doc;
use crate::ui::lazy::{Lazy, RECORD_DIALOG};
use crate::ui::panels::accounts::delegation::{self, ParentLink};
use crate::ui::record_form::{Field, FieldErrors, RecordDraft};
use crate::ui::state::Edit;

#[derive(Properties, PartialEq)]
pub struct ZonePanelProps {
    pub doc: Rc<Doc>,
    pub zone_id: AttrValue,
    pub on_edit: Callback<Edit>,
}

#[derive(Debug, Clone, PartialEq)]
enum Mode {
    Add,
    Edit(SetKey),
}

#[derive(Debug, Clone, PartialEq)]
struct DialogState {
    mode: Mode,
    draft: RecordDraft,
    errors: FieldErrors,
    general: Option<String>,
    attempt: u32,
}

#[function_component]
pub fn ZonePanel(props: &ZonePanelProps) -> Html {
    let dialog = use_state(|| None::<DialogState>);
    let add_draft = use_mut_ref(RecordDraft::default);
    let Some(zone) = props.doc.world.zone(&props.zone_id) else {
        return html! { <p class="empty">{ "Select a zone in the diagram to see its records." }</p> };
    };
    let origin = zone.origin.clone();

    let open_add = {
        let (dialog, add_draft) = (dialog.clone(), add_draft.clone());
        Callback::from(move |_: MouseEvent| {
            dialog.set(Some(DialogState {
                mode: Mode::Add,
                draft: add_draft.borrow().clone(),
                errors: FieldErrors::default(),
                general: None,
                attempt: 0,
            }))
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
            dialog.set(Some(DialogState {
                mode: Mode::Edit(key),
                draft: RecordDraft::from_set(set, &origin),
                errors: FieldErrors::default(),
                general: None,
                attempt: 0,
            }))
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
            let Some(mut state) = (*dialog).clone() else {
                return;
            };
            let old = &state.draft;
            let mut errors = state.errors.clone();
            if draft.name != old.name {
                errors.name = None;
            }
            if draft.rtype != old.rtype {
                errors.rtype = None;
                errors.values = None;
            }
            if draft.ttl != old.ttl {
                errors.ttl = None;
            }
            if draft.values != old.values {
                errors.values = None;
            }
            if state.mode == Mode::Add {
                *add_draft.borrow_mut() = draft.clone();
            }
            state.draft = draft;
            state.errors = errors;
            state.general = None;
            dialog.set(Some(state));
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
            let Some(mut state) = (*dialog).clone() else {
                return;
            };
            state.attempt += 1;
            let set = match state.draft.validate(&origin) {
                Ok(set) => set,
                Err(errors) => {
                    state.errors = errors;
                    dialog.set(Some(state));
                    return;
                }
            };
            let replacing = match &state.mode {
                Mode::Add => None,
                Mode::Edit(key) => Some(key.clone()),
            };
            let edit = Edit::PutRecordSet {
                zone_id: zone_id.to_string(),
                replacing,
                set,
            };
            match edit.check(&doc) {
                Ok(_) => {
                    if state.mode == Mode::Add {
                        *add_draft.borrow_mut() = RecordDraft::default();
                    }
                    dialog.set(None);
                    on_edit.emit(edit);
                }
                Err(e) => {
                    // Route 53 refuses a record set for its name (apex CNAME, a conflicting
                    // set, one that exists already): the message goes under the name field.
                    state.errors.set(Field::Name, e.to_string());
                    dialog.set(Some(state));
                }
            }
        })
    };
    let on_close = {
        let dialog = dialog.clone();
        Callback::from(move |_| dialog.set(None))
    };

    let hosted = props.doc.aws.hosted_zone(&props.zone_id);
    let owner_text = match hosted {
        Some(hz) => match props.doc.aws.account(&hz.account) {
            Some(a) if !a.label.is_empty() => format!("AWS account {} · {}", a.id, a.label),
            _ => format!("AWS account {}", hz.account),
        },
        None => "Internet registry".to_string(),
    };
    let kind = if hosted.is_some() {
        format!("Public hosted zone {}", props.zone_id)
    } else if zone.origin.is_root() {
        "The root zone".to_string()
    } else if zone.origin.num_labels() == 1 {
        "Top-level domain".to_string()
    } else {
        "Registry zone".to_string()
    };
    let name_servers: Vec<String> = zone
        .apex_ns()
        .map(|ns| ns.value_texts())
        .unwrap_or_default();
    let count = zone.len();
    let link = delegation::parent_link(&props.doc, &props.zone_id);
    let on_delegate = {
        let (on_edit, zone_id) = (props.on_edit.clone(), props.zone_id.clone());
        Callback::from(move |_: MouseEvent| {
            on_edit.emit(Edit::DelegateToChild {
                child_zone_id: zone_id.to_string(),
                ttl: delegation::DELEGATION_TTL,
            })
        })
    };

    html! {
        <div class="zone-panel">
            <div class="panel-head">
                <div class="panel-title">
                    <p class="eyebrow">{ kind }</p>
                    <h2 id="zone-heading"><code>{ origin.to_string() }</code></h2>
                    <p class="meta">
                        { super::account_badge::zone_account_badge(&props.doc, &props.zone_id) }
                        <span>{ owner_text }</span>
                        <span aria-hidden="true">{ "·" }</span>
                        <span>{ if count == 1 { "1 record set".to_string() } else { format!("{count} record sets") } }</span>
                    </p>
                </div>
                <button type="button" class="btn btn-primary" id="add-record" onclick={open_add}>
                    <Icon name="plus" /><span>{ "Add record" }</span>
                </button>
            </div>
            if !name_servers.is_empty() {
                <div class="ns-list" aria-label="Name servers of this zone" role="group">
                    <span class="ns-title">{ "Name servers" }</span>
                    { for name_servers.iter().map(|n| html! { <code class="chip">{ n.clone() }</code> }) }
                </div>
            }
            if let Some(link) = &link {
                { delegation_row(link, on_delegate) }
            }
            <RecordTable key={props.zone_id.to_string()} doc={props.doc.clone()} zone_id={props.zone_id.clone()}
                on_edit={open_edit} on_delete={on_delete} />
            if let Some(state) = &*dialog {
                <Lazy<RecordDialogProps> module={&RECORD_DIALOG} props={RecordDialogProps {
                    origin: origin.clone(),
                    heading: match &state.mode {
                        Mode::Add => format!("Add a record set to {origin}"),
                        Mode::Edit((name, rtype)) => format!("Edit {rtype} {name}"),
                    }.into(),
                    submit_label: if state.mode == Mode::Add { "Create record set" } else { "Save changes" }.into(),
                    account: super::account_badge::zone_account_badge(&props.doc, &props.zone_id),
                    draft: state.draft.clone(),
                    errors: state.errors.clone(),
                    general_error: state.general.clone().map(AttrValue::from),
                    attempt: state.attempt,
                    on_change,
                    on_submit,
                    on_close,
                }} />
            }
        </div>
    }
}

/// What the parent says about this zone, with "add these name servers to the parent" (or
/// "replace") when it does not delegate to them yet.
fn delegation_row(link: &ParentLink, on_delegate: Callback<MouseEvent>) -> Html {
    let parent = link.parent();
    let where_ = if parent.registry {
        format!("the {} registry", parent.origin)
    } else {
        format!("the parent zone {}", parent.origin)
    };
    match link {
        ParentLink::Same { .. } => html! {
            <p class="delegation-status ok" id="delegation-status">
                <Icon name="check" />
                <span>{ format!("{} already delegates to these name servers.", capitalise(&where_)) }</span>
            </p>
        },
        ParentLink::Missing { .. } => html! {
            <div class="delegation-status missing" id="delegation-status">
                <p>{ format!("{} has no NS records for this zone, so resolvers never reach it.", capitalise(&where_)) }</p>
                <button type="button" class="btn btn-primary btn-small" id="delegate-to-child" onclick={on_delegate}>
                    { "Add these name servers to the parent" }
                </button>
            </div>
        },
        ParentLink::Different { current, .. } => html! {
            <div class="delegation-status different" id="delegation-status">
                <p>{ format!("{} delegates to other name servers: {}.", capitalise(&where_),
                    current.iter().map(crate::ui::resolve::plain).collect::<Vec<_>>().join(", ")) }</p>
                <button type="button" class="btn btn-primary btn-small" id="delegate-to-child" onclick={on_delegate}>
                    { "Replace the parent's name servers with these" }
                </button>
            </div>
        },
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
