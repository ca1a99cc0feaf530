//! The editor of one registered domain's registry NS: the servers one per line, or a hosted
//! zone's four copied in; Save makes one `Action::Edit`, a refusal stays at the field, and
//! Cancel or Escape closes it.

use yew::prelude::*;

use crate::ui::platform::events::value_of;

use crate::ui::hooks::use_app;

use super::fields::{field_error, focus_first};
use super::model::{RegistryDraft, lines, registry_edit};

#[derive(Properties, PartialEq)]
pub struct RegistryFormProps {
    pub draft: RegistryDraft,
    /// Hosted zones of exactly this name: `(zone id, account)`.
    pub zones: Vec<(String, String)>,
    /// Receives the draft as changed, or `None` when the editor closes.
    pub on_draft: Callback<Option<RegistryDraft>>,
}

#[function_component]
pub fn RegistryForm(props: &RegistryFormProps) -> Html {
    let state = use_app();
    let (draft, on_draft) = (&props.draft, &props.on_draft);
    let with_text = |d: &RegistryDraft, text: String| {
        Some(RegistryDraft {
            text,
            error: None,
            ..d.clone()
        })
    };
    let on_text = {
        let (d, on_draft) = (draft.clone(), on_draft.clone());
        Callback::from(move |e: InputEvent| {
            let text = value_of(&e);
            on_draft.emit(with_text(&d, text))
        })
    };
    let on_use = {
        let (d, on_draft, state) = (draft.clone(), on_draft.clone(), state.clone());
        Callback::from(move |e: Event| {
            let id = value_of(&e);
            if let Some(hz) = state.doc.aws.hosted_zone(&id) {
                on_draft.emit(with_text(&d, lines(&hz.name_servers())));
            }
        })
    };
    let on_save = {
        let (d, on_draft) = (draft.clone(), on_draft.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match registry_edit(&state.doc, &d.domain, &d.text) {
                Ok(edit) => {
                    on_draft.emit(None);
                    state.apply(edit);
                }
                Err(error) => {
                    on_draft.emit(Some(RegistryDraft {
                        error: Some(error),
                        ..d.clone()
                    }));
                    focus_first(&[("registry-ns", true)]);
                }
            }
        })
    };
    let on_cancel = on_draft.reform(|_: MouseEvent| None);
    let on_key = {
        let on_draft = on_draft.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_draft.emit(None);
            }
        })
    };
    let domain = draft.domain.to_string();
    let error = draft.error.as_ref();
    html! {
        <form class="registry-form" novalidate=true onsubmit={on_save} onkeydown={on_key}>
            <div class={classes!("field", error.is_some().then_some("invalid"))}>
                <label for="registry-ns">{ format!("Name servers for {domain} (one per line)") }</label>
                <textarea id="registry-ns" rows="4" spellcheck="false" autofocus=true value={draft.text.clone()}
                    oninput={on_text} aria-invalid={error.is_some().to_string()}
                    aria-describedby="registry-ns-error" />
                { field_error("registry-ns-error", error) }
            </div>
            if !props.zones.is_empty() {
                <div class="field">
                    <label for="registry-use">{ "Or use a hosted zone's name servers" }</label>
                    <select id="registry-use" onchange={on_use}>
                        <option value="" selected=true>{ "Choose a hosted zone…" }</option>
                        { for props.zones.iter().map(|(id, account)| html! {
                            <option value={id.clone()}>{ format!("{domain} {id} (account {account})") }</option>
                        }) }
                    </select>
                </div>
            }
            <div class="dialog-actions">
                <button type="button" class="btn btn-ghost" onclick={on_cancel}>{ "Cancel" }</button>
                <button type="submit" class="btn btn-primary">{ "Save name servers" }</button>
            </div>
        </form>
    }
}
