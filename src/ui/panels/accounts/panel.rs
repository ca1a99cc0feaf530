//! The accounts panel: every AWS account as a card with its hosted zones, the buttons that
//! create an account or a zone, the hosted-zone filter (once there are many), the registry's
//! NS, and the dialog open. It holds which dialog is open and the two create drafts, which
//! outlive their dialogs so nothing typed is lost; every change is one `Action::Edit`, so
//! one undo step.

use yew::prelude::*;

use crate::ui::hooks::use_app;

use super::account_card::AccountCard;
use super::account_dialog::CreateAccountDialog;
use super::confirm_dialog::ConfirmZoneDialog;
use super::hosted_zone_list::{HostedZoneList, PAGE};
use super::model::{AccountDraft, ZoneAction, ZoneDraft, starting_account};
use super::registry_list::RegistryList;
use super::zone_dialog::CreateZoneDialog;
use crate::scenario::presets::ACCOUNT_AWS;
use crate::ui::platform::events::value_of;
use crate::ui::views::icon::Icon;

#[derive(Debug, Clone, PartialEq)]
enum Dialog {
    CreateZone,
    CreateAccount,
    /// Delete or recreate the hosted zone of this id.
    Confirm(ZoneAction, AttrValue),
}

#[function_component]
pub fn AccountsPanel() -> Html {
    let state = use_app();
    let dialog = use_state(|| None::<Dialog>);
    let zone_draft = use_state(ZoneDraft::default);
    let account_draft = use_state(AccountDraft::default);
    let show_aws = use_state(|| false);
    let zone_filter = use_state(String::new);
    let doc = state.doc.clone();

    let set_dialog = |d: Option<Dialog>| {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| dialog.set(d.clone()))
    };
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |()| dialog.set(None))
    };
    // The account starts as the selected zone's (or the first user account), once.
    let open_create_zone = {
        let (dialog, draft, state) = (dialog.clone(), zone_draft.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            if draft.account.is_empty() {
                draft.set(ZoneDraft {
                    account: starting_account(&state.doc, state.selected.as_deref()),
                    ..(*draft).clone()
                });
            }
            dialog.set(Some(Dialog::CreateZone))
        })
    };
    // Stable callbacks, so that an unchanged row is not rendered again.
    let on_select = {
        let state = state.clone();
        use_callback((), move |id: AttrValue, _| {
            state.select_zone(id.to_string())
        })
    };
    let confirm = |action: ZoneAction| {
        let dialog = dialog.clone();
        move |id: AttrValue, _: &()| dialog.set(Some(Dialog::Confirm(action, id)))
    };
    let on_recreate = use_callback((), confirm(ZoneAction::Recreate));
    let on_delete = use_callback((), confirm(ZoneAction::Delete));
    let on_toggle_aws = {
        let show = show_aws.clone();
        Callback::from(move |_: Event| show.set(!*show))
    };
    let on_zone_filter = {
        let zone_filter = zone_filter.clone();
        Callback::from(move |e: InputEvent| zone_filter.set(value_of(&e)))
    };
    let filter = AttrValue::from((*zone_filter).clone());
    let many_zones = doc.aws.hosted_zones.len() > PAGE;
    let has_aws = doc.aws.account(ACCOUNT_AWS).is_some();
    let selected = state.selected.clone().map(AttrValue::from);
    let accounts = doc
        .aws
        .accounts
        .iter()
        .filter(|a| *show_aws || a.id != ACCOUNT_AWS);

    html! {
        <section class="panel panel-accounts" id="accounts-panel" aria-labelledby="accounts-heading" tabindex="-1">
            <div class="panel-bar">
                <h2 id="accounts-heading" tabindex="-1">{ "Accounts and hosted zones" }</h2>
                <div class="accounts-actions">
                    if has_aws {
                        <label class="toggle">
                            <input type="checkbox" id="show-aws-account" checked={*show_aws} onchange={on_toggle_aws} />
                            <span>{ "Show AWS's own account" }</span>
                        </label>
                    }
                    <button type="button" class="btn btn-secondary" id="create-account" onclick={set_dialog(Some(Dialog::CreateAccount))}>
                        <Icon name="plus" /><span>{ "Create account" }</span>
                    </button>
                    <button type="button" class="btn btn-primary" id="create-zone" onclick={open_create_zone}>
                        <Icon name="plus" /><span>{ "Create hosted zone" }</span>
                    </button>
                </div>
            </div>
            if many_zones {
                <div class="field hz-filter">
                    <label for="hz-filter">{ "Filter hosted zones by name or id" }</label>
                    <input id="hz-filter" type="search" spellcheck="false" autocomplete="off"
                        value={(*zone_filter).clone()} oninput={on_zone_filter} />
                </div>
            }
            <div class="accounts-grid">
                { for accounts.map(|a| html! {
                    <AccountCard id={a.id.clone()} label={a.label.clone()}>
                        <HostedZoneList doc={doc.clone()} account={a.id.clone()} filter={filter.clone()}
                            selected={selected.clone()}
                            on_select={on_select.clone()} on_recreate={on_recreate.clone()} on_delete={on_delete.clone()} />
                    </AccountCard>
                }) }
            </div>
            <RegistryList />
            { match &*dialog {
                Some(Dialog::CreateZone) => html! {
                    <CreateZoneDialog draft={(*zone_draft).clone()} on_draft={setter(&zone_draft)} on_close={close} />
                },
                Some(Dialog::CreateAccount) => html! {
                    <CreateAccountDialog draft={(*account_draft).clone()} on_draft={setter(&account_draft)} on_close={close} />
                },
                Some(Dialog::Confirm(action, id)) => html! {
                    <ConfirmZoneDialog action={*action} zone_id={id.clone()} on_close={close} />
                },
                None => html! {},
            } }
        </section>
    }
}

/// A callback that sets this state.
fn setter<T: 'static>(h: &UseStateHandle<T>) -> Callback<T> {
    let h = h.clone();
    Callback::from(move |v| h.set(v))
}
