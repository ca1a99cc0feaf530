//! Accounts and hosted zones: every AWS account with its hosted zones (name, id, the four
//! name servers Route 53 assigned), creating accounts and zones, deleting and recreating a
//! zone (each behind a dialog that says what will happen), and the registry's NS of each
//! registered domain. Reads the `AppHandle` context; every change is one `Action::Edit`, so
//! one undo step. Drafts outlive their dialogs, so nothing typed is lost.

use hickory_proto::rr::Name;
use yew::prelude::*;

use super::account_badge::{account_badge, zone_account_badge};
use super::hosted_zone_list::{HostedZoneList, PAGE};
use super::icon::Icon;
use super::modal::Modal;
use crate::scenario::presets::ACCOUNT_AWS;
use crate::ui::manage::{self, ZoneFormErrors};
use crate::ui::state::{Action, AppHandle, Edit};

#[derive(Debug, Clone, PartialEq)]
enum Dialog {
    CreateZone,
    CreateAccount,
    Delete(String),
    Recreate(String),
}

#[derive(Debug, Clone, PartialEq, Default)]
struct ZoneDraft {
    account: String,
    name: String,
    errors: ZoneFormErrors,
}

#[derive(Debug, Clone, PartialEq, Default)]
struct AccountDraft {
    id: String,
    label: String,
    error: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
struct RegistryDraft {
    domain: Name,
    text: String,
    error: Option<String>,
}

fn input_value(e: &InputEvent) -> String {
    e.target_unchecked_into::<web_sys::HtmlInputElement>()
        .value()
}

#[function_component]
pub fn AccountsPanel() -> Html {
    let state = use_context::<AppHandle>().expect("AppHandle context");
    let dialog = use_state(|| None::<Dialog>);
    let zone_draft = use_state(ZoneDraft::default);
    let account_draft = use_state(AccountDraft::default);
    let confirm_error = use_state(|| None::<String>);
    let registry = use_state(|| None::<RegistryDraft>);
    let show_aws = use_state(|| false);
    let doc = state.doc.clone();

    let open = |d: Dialog| {
        let (dialog, confirm_error) = (dialog.clone(), confirm_error.clone());
        Callback::from(move |_: MouseEvent| {
            confirm_error.set(None);
            dialog.set(Some(d.clone()))
        })
    };
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_| dialog.set(None))
    };

    // ---- Create hosted zone ----
    // The account starts as the selected zone's (or the first user account), once.
    let open_create_zone = {
        let (dialog, draft, state) = (dialog.clone(), zone_draft.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            if draft.account.is_empty() {
                let doc = &state.doc;
                let account = state
                    .selected
                    .as_deref()
                    .and_then(|id| doc.aws.hosted_zone(id))
                    .map(|hz| hz.account.clone())
                    .filter(|a| a != ACCOUNT_AWS)
                    .or_else(|| {
                        doc.aws
                            .accounts
                            .iter()
                            .find(|a| a.id != ACCOUNT_AWS)
                            .map(|a| a.id.clone())
                    })
                    .unwrap_or_default();
                draft.set(ZoneDraft {
                    account,
                    ..(*draft).clone()
                });
            }
            dialog.set(Some(Dialog::CreateZone))
        })
    };
    let on_zone_account = {
        let draft = zone_draft.clone();
        Callback::from(move |e: Event| {
            let mut d = (*draft).clone();
            d.account = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            d.errors.account = None;
            draft.set(d);
        })
    };
    let on_zone_name = {
        let draft = zone_draft.clone();
        Callback::from(move |e: InputEvent| {
            let mut d = (*draft).clone();
            d.name = input_value(&e);
            d.errors.name = None;
            draft.set(d);
        })
    };
    let on_create_zone = {
        let (draft, dialog, state) = (zone_draft.clone(), dialog.clone(), state.clone());
        Callback::from(move |_| {
            let mut d = (*draft).clone();
            match manage::create_zone(&state.doc, &d.account, &d.name) {
                Ok(edit) => {
                    draft.set(ZoneDraft {
                        account: d.account.clone(),
                        ..Default::default()
                    });
                    dialog.set(None);
                    state.dispatch(Action::Edit(edit));
                }
                Err(errors) => {
                    focus_first(&[
                        ("new-zone-account", errors.account.is_some()),
                        ("new-zone-name", errors.name.is_some()),
                    ]);
                    d.errors = errors;
                    draft.set(d);
                }
            }
        })
    };

    // ---- Create account ----
    let on_account_id = {
        let draft = account_draft.clone();
        Callback::from(move |e: InputEvent| {
            let mut d = (*draft).clone();
            d.id = input_value(&e);
            d.error = None;
            draft.set(d);
        })
    };
    let on_account_label = {
        let draft = account_draft.clone();
        Callback::from(move |e: InputEvent| {
            let mut d = (*draft).clone();
            d.label = input_value(&e);
            draft.set(d);
        })
    };
    let on_create_account = {
        let (draft, dialog, state) = (account_draft.clone(), dialog.clone(), state.clone());
        Callback::from(move |_| {
            let mut d = (*draft).clone();
            match manage::create_account(&state.doc, &d.id, &d.label) {
                Ok(edit) => {
                    draft.set(AccountDraft::default());
                    dialog.set(None);
                    state.dispatch(Action::Edit(edit));
                }
                Err(message) => {
                    d.error = Some(message);
                    draft.set(d);
                    focus_first(&[("new-account-id", true)]);
                }
            }
        })
    };

    // ---- Delete and recreate ----
    let on_confirm = {
        let (dialog, state, confirm_error) = (dialog.clone(), state.clone(), confirm_error.clone());
        Callback::from(move |_| {
            let edit = match &*dialog {
                Some(Dialog::Delete(id)) => Edit::DeleteHostedZone {
                    zone_id: id.clone(),
                },
                Some(Dialog::Recreate(id)) => Edit::RecreateHostedZone {
                    zone_id: id.clone(),
                },
                _ => return,
            };
            if let Err(e) = edit.check(&state.doc) {
                confirm_error.set(Some(e.to_string()));
                return;
            }
            dialog.set(None);
            state.dispatch(Action::Edit(edit));
        })
    };

    // ---- Registry NS ----
    let on_registry_text = {
        let registry = registry.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(mut r) = (*registry).clone() {
                r.text = e
                    .target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                    .value();
                r.error = None;
                registry.set(Some(r));
            }
        })
    };
    let on_registry_use = {
        let (registry, state) = (registry.clone(), state.clone());
        Callback::from(move |e: Event| {
            let id = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let (Some(mut r), Some(hz)) = ((*registry).clone(), state.doc.aws.hosted_zone(&id)) {
                r.text = manage::lines(&hz.name_servers());
                r.error = None;
                registry.set(Some(r));
            }
        })
    };
    let on_registry_save = {
        let (registry, state) = (registry.clone(), state.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(mut r) = (*registry).clone() else {
                return;
            };
            match manage::registry_edit(&state.doc, &r.domain, &r.text) {
                Ok(edit) => {
                    registry.set(None);
                    state.dispatch(Action::Edit(edit));
                }
                Err(message) => {
                    r.error = Some(message);
                    registry.set(Some(r));
                    focus_first(&[("registry-ns", true)]);
                }
            }
        })
    };
    let on_registry_cancel = {
        let registry = registry.clone();
        Callback::from(move |_: MouseEvent| registry.set(None))
    };
    let on_registry_key = {
        let registry = registry.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                registry.set(None);
            }
        })
    };
    let on_toggle_aws = {
        let show = show_aws.clone();
        Callback::from(move |_: Event| show.set(!*show))
    };

    let accounts: Vec<_> = doc
        .aws
        .accounts
        .iter()
        .filter(|a| *show_aws || a.id != ACCOUNT_AWS)
        .collect();
    let has_aws = doc.aws.account(ACCOUNT_AWS).is_some();
    let selected = state.selected.clone();

    // Stable callbacks, so that an unchanged row is not rendered again.
    let on_select = {
        let state = state.clone();
        use_callback((), move |id: AttrValue, _| {
            state.dispatch(Action::Select(id.to_string()))
        })
    };
    let on_recreate = {
        let (dialog, confirm_error) = (dialog.clone(), confirm_error.clone());
        use_callback((), move |id: AttrValue, _| {
            confirm_error.set(None);
            dialog.set(Some(Dialog::Recreate(id.to_string())))
        })
    };
    let on_delete = {
        let (dialog, confirm_error) = (dialog.clone(), confirm_error.clone());
        use_callback((), move |id: AttrValue, _| {
            confirm_error.set(None);
            dialog.set(Some(Dialog::Delete(id.to_string())))
        })
    };
    let zone_filter = use_state(String::new);
    let on_zone_filter = {
        let zone_filter = zone_filter.clone();
        Callback::from(move |e: InputEvent| zone_filter.set(input_value(&e)))
    };
    let filter = AttrValue::from((*zone_filter).clone());
    let many_zones = doc.aws.hosted_zones.len() > PAGE;

    let registered = manage::registered_domains(&doc);

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
                    <button type="button" class="btn btn-secondary" id="create-account" onclick={open(Dialog::CreateAccount)}>
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
                { for accounts.iter().map(|a| {
                    html! {
                        <article class="account-card" data-account={a.id.clone()} aria-labelledby={format!("account-{}", a.id)}>
                            <h3 id={format!("account-{}", a.id)}>
                                <span class="account-label">{ if a.label.is_empty() { "AWS account".to_string() } else { a.label.clone() } }</span>
                                <span class="account-id">{ a.id.clone() }</span>
                            </h3>
                            <HostedZoneList doc={doc.clone()} account={a.id.clone()} filter={filter.clone()}
                                selected={selected.clone().map(AttrValue::from)}
                                on_select={on_select.clone()} on_recreate={on_recreate.clone()} on_delete={on_delete.clone()} />
                        </article>
                    }
                }) }
            </div>
            if !registered.is_empty() {
                <div class="registry">
                    <h3 id="registry-heading">{ "Registry name servers" }</h3>
                    <p class="panel-note">{ "The NS the TLD registry hands out for each registered domain, as set at the registrar. They must be the name servers of the hosted zone that serves the domain." }</p>
                    <ul class="registry-list" aria-labelledby="registry-heading">
                        { for registered.iter().map(|r| {
                            let domain = r.domain.to_string();
                            let editing = registry.as_ref().filter(|d| d.domain == r.domain);
                            let edit = {
                                let (registry, r) = (registry.clone(), r.clone());
                                Callback::from(move |_: MouseEvent| registry.set(Some(RegistryDraft {
                                    domain: r.domain.clone(),
                                    text: manage::lines(&r.servers),
                                    error: None,
                                })))
                            };
                            let unknown = manage::unknown_servers(&doc, &r.servers);
                            html! {
                                <li class="registry-item" data-domain={domain.clone()}>
                                    <div class="registry-head">
                                        <code class="hz-name">{ domain.clone() }</code>
                                        if editing.is_none() {
                                            <button type="button" class="btn btn-secondary btn-small" aria-label={format!("Edit the registry name servers of {domain}")} onclick={edit}>
                                                <Icon name="pencil" /><span>{ "Edit" }</span>
                                            </button>
                                        }
                                    </div>
                                    if let Some(d) = editing {
                                        <form class="registry-form" novalidate=true onsubmit={on_registry_save.clone()} onkeydown={on_registry_key.clone()}>
                                            <div class={classes!("field", d.error.is_some().then_some("invalid"))}>
                                                <label for="registry-ns">{ format!("Name servers for {domain} (one per line)") }</label>
                                                <textarea id="registry-ns" rows="4" spellcheck="false" autofocus=true value={d.text.clone()}
                                                    oninput={on_registry_text.clone()} aria-invalid={d.error.is_some().to_string()}
                                                    aria-describedby="registry-ns-error" />
                                                { field_error("registry-ns-error", d.error.as_deref()) }
                                            </div>
                                            if !r.zones.is_empty() {
                                                <div class="field">
                                                    <label for="registry-use">{ "Or use a hosted zone's name servers" }</label>
                                                    <select id="registry-use" onchange={on_registry_use.clone()}>
                                                        <option value="" selected=true>{ "Choose a hosted zone…" }</option>
                                                        { for r.zones.iter().map(|(id, account)| html! {
                                                            <option value={id.clone()}>{ format!("{domain} {id} (account {account})") }</option>
                                                        }) }
                                                    </select>
                                                </div>
                                            }
                                            <div class="dialog-actions">
                                                <button type="button" class="btn btn-ghost" onclick={on_registry_cancel.clone()}>{ "Cancel" }</button>
                                                <button type="submit" class="btn btn-primary">{ "Save name servers" }</button>
                                            </div>
                                        </form>
                                    } else if r.servers.is_empty() {
                                        <p class="field-error">{ "Not delegated: the registry has no NS for this domain, so nothing under it resolves." }</p>
                                    } else {
                                        <ul class="hz-ns" aria-label={format!("Registry name servers of {domain}")}>
                                            { for r.servers.iter().map(|s| html! { <li><code>{ s.to_string() }</code></li> }) }
                                        </ul>
                                        if !unknown.is_empty() {
                                            <p class="hint warn-text">{ format!("No server answers as {}: the delegation is lame.", unknown.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(", ")) }</p>
                                        }
                                    }
                                </li>
                            }
                        }) }
                    </ul>
                </div>
            }
            { match &*dialog {
                Some(Dialog::CreateZone) => html! {
                    <Modal title_id="create-zone-title" title="Create hosted zone" submit_label="Create hosted zone"
                        account={account_badge(&doc, &zone_draft.account)}
                        on_submit={on_create_zone} on_close={close.clone()}>
                        <div class={classes!("field", zone_draft.errors.account.is_some().then_some("invalid"))}>
                            <label for="new-zone-account">{ "AWS account" }</label>
                            <select id="new-zone-account" onchange={on_zone_account}
                                aria-invalid={zone_draft.errors.account.is_some().to_string()} aria-describedby="new-zone-account-error">
                                <option value="" selected={zone_draft.account.is_empty()}>{ "Choose an account…" }</option>
                                { for doc.aws.accounts.iter().map(|a| html! {
                                    <option value={a.id.clone()} selected={zone_draft.account == a.id}>{ format!("{} · {}", a.id, a.label) }</option>
                                }) }
                            </select>
                            { field_error("new-zone-account-error", zone_draft.errors.account.as_deref()) }
                        </div>
                        <div class={classes!("field", zone_draft.errors.name.is_some().then_some("invalid"))}>
                            <label for="new-zone-name">{ "Domain name" }</label>
                            <input id="new-zone-name" type="text" autocomplete="off" spellcheck="false" placeholder="dev.example.com"
                                value={zone_draft.name.clone()} oninput={on_zone_name}
                                aria-invalid={zone_draft.errors.name.is_some().to_string()} aria-describedby="new-zone-name-hint new-zone-name-error" />
                            <p class="hint" id="new-zone-name-hint">{ "Route 53 assigns four name servers; then add them to the parent zone (or the registrar) so resolvers find the zone." }</p>
                            { field_error("new-zone-name-error", zone_draft.errors.name.as_deref()) }
                        </div>
                    </Modal>
                },
                Some(Dialog::CreateAccount) => html! {
                    <Modal title_id="create-account-title" title="Create account" submit_label="Create account"
                        on_submit={on_create_account} on_close={close.clone()}>
                        <div class={classes!("field", account_draft.error.is_some().then_some("invalid"))}>
                            <label for="new-account-id">{ "Account id (12 digits)" }</label>
                            <input id="new-account-id" type="text" inputmode="numeric" autocomplete="off" placeholder="333333333333"
                                value={account_draft.id.clone()} oninput={on_account_id}
                                aria-invalid={account_draft.error.is_some().to_string()} aria-describedby="new-account-id-error" />
                            { field_error("new-account-id-error", account_draft.error.as_deref()) }
                        </div>
                        <div class="field">
                            <label for="new-account-label">{ "Label" }</label>
                            <input id="new-account-label" type="text" autocomplete="off" placeholder="staging team"
                                value={account_draft.label.clone()} oninput={on_account_label} />
                        </div>
                    </Modal>
                },
                Some(Dialog::Delete(id)) | Some(Dialog::Recreate(id)) => {
                    let recreate = matches!(&*dialog, Some(Dialog::Recreate(_)));
                    let name = doc.aws.hosted_zone(id).map(|z| z.name.to_string()).unwrap_or_default();
                    let (title, submit, text) = if recreate {
                        (format!("Recreate {name}?"), "Recreate hosted zone",
                         format!("Route 53 deletes {name} ({id}) and creates it again with the same records, under the same name but with a NEW set of four name servers. The parent zone still points at the old ones, which no longer serve it: resolvers get SERVFAIL until the parent's NS are updated. The diagram's health marks show it. Undo brings the old zone back."))
                    } else {
                        (format!("Delete {name}?"), "Delete hosted zone",
                         format!("Route 53 deletes {name} ({id}) and its name servers stop answering for it. Route 53 only deletes a zone that holds nothing but its SOA and NS records; a delegation to it in the parent is left pointing at nothing. Undo brings it back."))
                    };
                    html! {
                        <Modal title_id="confirm-title" title={title} submit_label={submit} danger={!recreate}
                            account={zone_account_badge(&doc, id)}
                            alert={(*confirm_error).clone().map(AttrValue::from)} on_submit={on_confirm} on_close={close.clone()}>
                            <p class="confirm-text">{ text }</p>
                        </Modal>
                    }
                }
                None => html! {},
            } }
        </section>
    }
}

fn field_error(id: &'static str, message: Option<&str>) -> Html {
    match message {
        Some(m) => html! {
            <p class="field-error" id={id}><Icon name="alert" /><span>{ m.to_string() }</span></p>
        },
        None => html! { <p class="field-error" id={id} hidden=true></p> },
    }
}

/// Focuses the first element (by id) whose flag is set, after the re-render.
fn focus_first(fields: &[(&'static str, bool)]) {
    #[cfg(target_arch = "wasm32")]
    if let Some(id) = fields.iter().find(|(_, e)| *e).map(|(id, _)| *id) {
        gloo::timers::callback::Timeout::new(0, move || {
            use wasm_bindgen::JsCast;
            if let Some(el) = gloo::utils::document()
                .get_element_by_id(id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        })
        .forget();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = fields;
}
