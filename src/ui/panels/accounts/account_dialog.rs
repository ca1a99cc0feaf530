//! The create-account dialog: a 12-digit id and a label; the engine's refusal (not an
//! account id, already there) is shown at the id. The draft is the panel's, so what was
//! typed survives closing the dialog.

use yew::prelude::*;

use crate::ui::hooks::use_app;

use super::fields::{field_error, focus_first};
use super::model::{AccountDraft, create_account};
use crate::ui::platform::events::value_of;
use crate::ui::views::modal::Modal;

#[derive(Properties, PartialEq)]
pub struct CreateAccountDialogProps {
    pub draft: AccountDraft,
    /// Receives the draft as changed (typed, refused, or emptied once created).
    pub on_draft: Callback<AccountDraft>,
    pub on_close: Callback<()>,
}

#[function_component]
pub fn CreateAccountDialog(props: &CreateAccountDialogProps) -> Html {
    let state = use_app();
    let draft = &props.draft;
    let on_input = |f: fn(&mut AccountDraft, String)| {
        let (d, on_draft) = (draft.clone(), props.on_draft.clone());
        Callback::from(move |e: InputEvent| {
            let mut d = d.clone();
            f(&mut d, value_of(&e));
            on_draft.emit(d);
        })
    };
    let on_id = on_input(|d, v| {
        d.id = v;
        d.error = None;
    });
    let on_label = on_input(|d, v| d.label = v);
    let on_submit = {
        let (d, on_draft, on_close) = (
            draft.clone(),
            props.on_draft.clone(),
            props.on_close.clone(),
        );
        Callback::from(
            move |()| match create_account(&state.doc, &d.id, &d.label) {
                Ok(edit) => {
                    on_draft.emit(AccountDraft::default());
                    on_close.emit(());
                    state.apply(edit);
                }
                Err(error) => {
                    on_draft.emit(AccountDraft {
                        error: Some(error),
                        ..d.clone()
                    });
                    focus_first(&[("new-account-id", true)]);
                }
            },
        )
    };
    let error = draft.error.as_ref();
    html! {
        <Modal title_id="create-account-title" title="Create account" submit_label="Create account"
            on_submit={on_submit} on_close={props.on_close.clone()}>
            <div class={classes!("field", error.is_some().then_some("invalid"))}>
                <label for="new-account-id">{ "Account id (12 digits)" }</label>
                <input id="new-account-id" type="text" inputmode="numeric" autocomplete="off" placeholder="333333333333"
                    value={draft.id.clone()} oninput={on_id}
                    aria-invalid={error.is_some().to_string()} aria-describedby="new-account-id-error" />
                { field_error("new-account-id-error", error) }
            </div>
            <div class="field">
                <label for="new-account-label">{ "Label" }</label>
                <input id="new-account-label" type="text" autocomplete="off" placeholder="staging team"
                    value={draft.label.clone()} oninput={on_label} />
            </div>
        </Modal>
    }
}
