//! [`RequestForm`]: "Request a certificate": the account, the domain name and other names,
//! each refused at its field with ACM's reason (the first bad field focused), and the request
//! applied as one undoable edit.

use yew::prelude::*;

use super::model::{
    RequestDraft, RequestErrors, RequestFieldError, check_request, default_account,
};
use crate::scenario::presets::ACCOUNT_AWS;
use crate::ui::hooks::use_app;
use crate::ui::platform::browser::focus;
use crate::ui::platform::events::value_of;

fn field_class(e: &Option<RequestFieldError>) -> Classes {
    classes!("field", e.is_some().then_some("invalid"))
}

fn described(e: &Option<RequestFieldError>, error_id: &str, hint_id: &str) -> String {
    match e {
        Some(_) => format!("{error_id} {hint_id}"),
        None => hint_id.to_string(),
    }
}

fn error_p(e: &Option<RequestFieldError>, id: &'static str) -> Html {
    match e {
        Some(e) => html! { <p class="field-error" id={id} role="alert">{ e.to_string() }</p> },
        None => Html::default(),
    }
}

#[function_component]
pub fn RequestForm() -> Html {
    let app = use_app();
    let draft = {
        let doc = app.doc.clone();
        use_state(move || RequestDraft {
            account: default_account(&doc),
            ..RequestDraft::default()
        })
    };
    let errors = use_state(RequestErrors::default);
    // Typing into a field clears its error (and the general one).
    let on_field = |set: fn(&mut RequestDraft, String), clear: fn(&mut RequestErrors)| {
        let (draft, errors) = (draft.clone(), errors.clone());
        Callback::from(move |e: InputEvent| {
            let mut d = (*draft).clone();
            set(&mut d, value_of(&e));
            draft.set(d);
            let mut errs = (*errors).clone();
            clear(&mut errs);
            errs.general = None;
            errors.set(errs);
        })
    };
    let on_account = {
        let (draft, errors) = (draft.clone(), errors.clone());
        Callback::from(move |e: Event| {
            let account = value_of(&e);
            draft.set(RequestDraft {
                account,
                ..(*draft).clone()
            });
            errors.set(RequestErrors {
                account: None,
                general: None,
                ..(*errors).clone()
            });
        })
    };
    let on_submit = {
        let (app, draft, errors) = (app.clone(), draft.clone(), errors.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match check_request(&app.doc, &draft) {
                Ok(edit) => {
                    errors.set(RequestErrors::default());
                    draft.set(RequestDraft {
                        account: draft.account.clone(),
                        ..RequestDraft::default()
                    });
                    app.apply(edit);
                }
                Err(errs) => {
                    let first = [
                        (errs.account.is_some(), "acm-account"),
                        (errs.domain.is_some(), "acm-domain"),
                        (errs.sans.is_some(), "acm-sans"),
                    ]
                    .into_iter()
                    .find_map(|(bad, id)| bad.then_some(id));
                    errors.set(errs);
                    if let Some(id) = first {
                        focus(id);
                    }
                }
            }
        })
    };
    let accounts = app.doc.aws.accounts.iter().filter(|a| a.id != ACCOUNT_AWS);
    html! {
        <form class="acm-request" onsubmit={on_submit} novalidate=true aria-labelledby="acm-request-heading">
            <h3 id="acm-request-heading">{ "Request a certificate" }</h3>
            if let Some(g) = &errors.general {
                <p class="form-alert" role="alert">{ g.to_string() }</p>
            }
            <div class="acm-request-fields">
                <div class={field_class(&errors.account)}>
                    <label for="acm-account">{ "Account" }</label>
                    <select id="acm-account" onchange={on_account} aria-invalid={errors.account.is_some().to_string()}
                        aria-describedby={errors.account.is_some().then_some("acm-account-error")}>
                        { for accounts.map(|a| html! {
                            <option value={a.id.clone()} selected={a.id == draft.account}>
                                { if a.label.is_empty() { a.id.clone() } else { format!("{} · {}", a.id, a.label) } }
                            </option>
                        }) }
                    </select>
                    { error_p(&errors.account, "acm-account-error") }
                </div>
                <div class={field_class(&errors.domain)}>
                    <label for="acm-domain">{ "Domain name" }</label>
                    <input id="acm-domain" type="text" value={draft.domain.clone()} spellcheck="false" autocomplete="off"
                        placeholder="*.api.example.com"
                        oninput={on_field(|d, v| d.domain = v, |e| e.domain = None)}
                        aria-invalid={errors.domain.is_some().to_string()}
                        aria-describedby={described(&errors.domain, "acm-domain-error", "acm-domain-hint")} />
                    { error_p(&errors.domain, "acm-domain-error") }
                    <p class="hint" id="acm-domain-hint">{ "A name such as api.example.com, or a wildcard: *.api.example.com." }</p>
                </div>
                <div class={field_class(&errors.sans)}>
                    <label for="acm-sans">{ "Other names (optional)" }</label>
                    <textarea id="acm-sans" rows="2" value={draft.sans.clone()} spellcheck="false" autocomplete="off"
                        placeholder="api.example.com"
                        oninput={on_field(|d, v| d.sans = v, |e| e.sans = None)}
                        aria-invalid={errors.sans.is_some().to_string()}
                        aria-describedby={described(&errors.sans, "acm-sans-error", "acm-sans-hint")} />
                    { error_p(&errors.sans, "acm-sans-error") }
                    <p class="hint" id="acm-sans-hint">{ "Subject alternative names, separated by commas or new lines; up to 10 names in all." }</p>
                </div>
            </div>
            <div class="acm-request-actions">
                <button type="submit" class="btn btn-primary" id="acm-request-submit">{ "Request certificate" }</button>
            </div>
        </form>
    }
}
