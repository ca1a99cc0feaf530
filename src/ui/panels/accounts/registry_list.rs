//! The registry's name servers of each registered domain (the NS the TLD hands out, as set
//! at the registrar), with a warning when no server of this world answers as one of them,
//! and Edit to change them (one domain at a time, in a [`RegistryForm`]). Renders nothing
//! while no hosted zone has a registered domain; the open editor outlives that.

use yew::prelude::*;

use crate::ui::hooks::use_app;

use super::delegation::registered_domains;
use super::model::{RegistryDraft, lines, unknown_servers};
use super::registry_form::RegistryForm;
use crate::ui::views::icon::Icon;

#[function_component]
pub fn RegistryList() -> Html {
    let state = use_app();
    let editing = use_state(|| None::<RegistryDraft>);
    let on_draft = {
        let editing = editing.clone();
        Callback::from(move |d: Option<RegistryDraft>| editing.set(d))
    };
    let doc = &state.doc;
    let registered = registered_domains(doc);
    if registered.is_empty() {
        return html! {};
    }
    html! {
        <div class="registry">
            <h3 id="registry-heading">{ "Registry name servers" }</h3>
            <p class="panel-note">{ "The NS the TLD registry hands out for each registered domain, as set at the registrar. They must be the name servers of the hosted zone that serves the domain." }</p>
            <ul class="registry-list" aria-labelledby="registry-heading">
                { for registered.iter().map(|r| {
                    let domain = r.domain.to_string();
                    let draft = editing.as_ref().filter(|d| d.domain == r.domain);
                    let edit = {
                        let (on_draft, r) = (on_draft.clone(), r.clone());
                        Callback::from(move |_: MouseEvent| on_draft.emit(Some(RegistryDraft {
                            domain: r.domain.clone(),
                            text: lines(&r.servers),
                            error: None,
                        })))
                    };
                    let unknown = unknown_servers(doc, &r.servers);
                    html! {
                        <li class="registry-item" data-domain={domain.clone()}>
                            <div class="registry-head">
                                <code class="hz-name">{ domain.clone() }</code>
                                if draft.is_none() {
                                    <button type="button" class="btn btn-secondary btn-small" aria-label={format!("Edit the registry name servers of {domain}")} onclick={edit}>
                                        <Icon name="pencil" /><span>{ "Edit" }</span>
                                    </button>
                                }
                            </div>
                            if let Some(d) = draft {
                                <RegistryForm draft={d.clone()} zones={r.zones.clone()} on_draft={on_draft.clone()} />
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
}
