//! The create-hosted-zone dialog: the account (a select) and the domain name, each refusal
//! shown at its field (an unknown account at the account, Route 53's other refusals at the
//! name). The draft is the panel's, so what was typed survives closing the dialog; a zone
//! created is one `Action::Edit`, and the reducer selects it.

use yew::prelude::*;

use crate::ui::hooks::use_app;

use super::fields::{field_error, focus_first};
use super::model::{ZoneDraft, create_zone};
use crate::ui::platform::events::value_of;
use crate::ui::views::account_badge::account_badge;
use crate::ui::views::modal::Modal;

#[derive(Properties, PartialEq)]
pub struct CreateZoneDialogProps {
    pub draft: ZoneDraft,
    /// Receives the draft as changed (typed, refused, or emptied once created).
    pub on_draft: Callback<ZoneDraft>,
    pub on_close: Callback<()>,
}

#[function_component]
pub fn CreateZoneDialog(props: &CreateZoneDialogProps) -> Html {
    let state = use_app();
    let draft = &props.draft;
    let doc = state.doc.clone();
    let on_account = {
        let (d, on_draft) = (draft.clone(), props.on_draft.clone());
        Callback::from(move |e: Event| {
            let mut d = d.clone();
            d.account = value_of(&e);
            d.errors.account = None;
            on_draft.emit(d);
        })
    };
    let on_name = {
        let (d, on_draft) = (draft.clone(), props.on_draft.clone());
        Callback::from(move |e: InputEvent| {
            let mut d = d.clone();
            d.name = value_of(&e);
            d.errors.name = None;
            on_draft.emit(d);
        })
    };
    let on_submit = {
        let (d, on_draft, on_close) = (
            draft.clone(),
            props.on_draft.clone(),
            props.on_close.clone(),
        );
        Callback::from(
            move |()| match create_zone(&state.doc, &d.account, &d.name) {
                Ok(edit) => {
                    on_draft.emit(ZoneDraft {
                        account: d.account.clone(),
                        ..Default::default()
                    });
                    on_close.emit(());
                    state.apply(edit);
                }
                Err(errors) => {
                    focus_first(&[
                        ("new-zone-account", errors.account.is_some()),
                        ("new-zone-name", errors.name.is_some()),
                    ]);
                    on_draft.emit(ZoneDraft {
                        errors,
                        ..d.clone()
                    });
                }
            },
        )
    };
    let errors = &draft.errors;
    let invalid = |bad: bool| classes!("field", bad.then_some("invalid"));
    html! {
        <Modal title_id="create-zone-title" title="Create hosted zone" submit_label="Create hosted zone"
            account={account_badge(&doc, &draft.account)}
            on_submit={on_submit} on_close={props.on_close.clone()}>
            <div class={invalid(errors.account.is_some())}>
                <label for="new-zone-account">{ "AWS account" }</label>
                <select id="new-zone-account" onchange={on_account}
                    aria-invalid={errors.account.is_some().to_string()} aria-describedby="new-zone-account-error">
                    <option value="" selected={draft.account.is_empty()}>{ "Choose an account…" }</option>
                    { for doc.aws.accounts.iter().map(|a| html! {
                        <option value={a.id.clone()} selected={draft.account == a.id}>{ format!("{} · {}", a.id, a.label) }</option>
                    }) }
                </select>
                { field_error("new-zone-account-error", errors.account.as_ref()) }
            </div>
            <div class={invalid(errors.name.is_some())}>
                <label for="new-zone-name">{ "Domain name" }</label>
                <input id="new-zone-name" type="text" autocomplete="off" spellcheck="false" placeholder="dev.example.com"
                    value={draft.name.clone()} oninput={on_name}
                    aria-invalid={errors.name.is_some().to_string()} aria-describedby="new-zone-name-hint new-zone-name-error" />
                <p class="hint" id="new-zone-name-hint">{ "Route 53 assigns four name servers; then add them to the parent zone (or the registrar) so resolvers find the zone." }</p>
                { field_error("new-zone-name-error", errors.name.as_ref()) }
            </div>
        </Modal>
    }
}
