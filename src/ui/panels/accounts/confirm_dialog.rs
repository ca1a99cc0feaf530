//! The confirmation before a hosted zone is deleted or recreated: what Route 53 will do and
//! what it breaks, in words; the engine's refusal (a zone that still holds records) is
//! shown in the dialog, which stays open.

use yew::prelude::*;

use crate::ui::hooks::use_app;

use super::model::ZoneAction;
use crate::scenario::edit::EditError;
use crate::ui::views::account_badge::zone_account_badge;
use crate::ui::views::modal::Modal;

#[derive(Properties, PartialEq)]
pub struct ConfirmZoneDialogProps {
    pub action: ZoneAction,
    pub zone_id: AttrValue,
    pub on_close: Callback<()>,
}

#[function_component]
pub fn ConfirmZoneDialog(props: &ConfirmZoneDialogProps) -> Html {
    let state = use_app();
    let error = use_state(|| None::<EditError>);
    let id = &props.zone_id;
    let on_submit = {
        let (state, error, on_close) = (state.clone(), error.clone(), props.on_close.clone());
        let edit = props.action.edit(id);
        Callback::from(move |()| match edit.check(&state.doc) {
            Err(e) => error.set(Some(e)),
            Ok(_) => {
                on_close.emit(());
                state.apply(edit.clone());
            }
        })
    };
    let doc = &state.doc;
    let name = doc
        .aws
        .hosted_zone(id)
        .map(|z| z.name.to_string())
        .unwrap_or_default();
    let recreate = props.action == ZoneAction::Recreate;
    let (title, submit, text) = if recreate {
        (
            format!("Recreate {name}?"),
            "Recreate hosted zone",
            format!(
                "Route 53 deletes {name} ({id}) and creates it again with the same records, under the same name but with a NEW set of four name servers. The parent zone still points at the old ones, which no longer serve it: resolvers get SERVFAIL until the parent's NS are updated. The diagram's health marks show it. Undo brings the old zone back."
            ),
        )
    } else {
        (
            format!("Delete {name}?"),
            "Delete hosted zone",
            format!(
                "Route 53 deletes {name} ({id}) and its name servers stop answering for it. Route 53 only deletes a zone that holds nothing but its SOA and NS records; a delegation to it in the parent is left pointing at nothing. Undo brings it back."
            ),
        )
    };
    html! {
        <Modal title_id="confirm-title" title={title} submit_label={submit} danger={!recreate}
            account={zone_account_badge(doc, id)}
            alert={error.as_ref().map(|e| AttrValue::from(e.to_string()))}
            on_submit={on_submit} on_close={props.on_close.clone()}>
            <p class="confirm-text">{ text }</p>
        </Modal>
    }
}
