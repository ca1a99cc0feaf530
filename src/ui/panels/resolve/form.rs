//! The resolve form: the name, the type and who answers (the trace from the root, the public
//! resolver with its cache, or one server, with recursion desired or not). Its fields are
//! this component's; they follow the question asked whatever asked it (a link, the console,
//! a diagnosis), and Resolve asks theirs (`Action::Ask`). A name that cannot be read, or a
//! question that cannot be asked, is said under the name.

use yew::prelude::*;

use crate::ui::hooks::use_app;
use crate::ui::platform::events::value_of;
use crate::ui::resolve::{self, Resolver, TYPES, plain};

#[function_component]
pub fn ResolveForm() -> Html {
    let state = use_app();
    let name = use_state(|| "www.api.example.com".to_string());
    let rtype = use_state(|| "A".to_string());
    let mode = use_state(|| "trace".to_string());
    let server = use_state(String::new);
    let rd = use_state(|| false);
    let error = use_state(|| None::<resolve::AskError>);

    // The fields follow the question asked, whoever asked it.
    {
        let (name, rtype, mode, server, rd) = (
            name.clone(),
            rtype.clone(),
            mode.clone(),
            server.clone(),
            rd.clone(),
        );
        let asked = state.asked.clone();
        use_effect_with(asked.as_ref().map(|a| a.serial), move |_| {
            if let Some(a) = asked {
                name.set(plain(&a.question.name));
                rtype.set(crate::dns::rtype::type_mnemonic(a.question.rtype));
                mode.set(a.resolver.mode_value().to_string());
                if let Resolver::Direct { server_ip, rd: r } = &a.resolver {
                    server.set(server_ip.clone());
                    rd.set(*r);
                }
            }
        });
    }

    let set = |h: &UseStateHandle<String>| {
        let h = h.clone();
        Callback::from(move |e: Event| h.set(value_of(&e)))
    };
    let on_name = {
        let (name, error, state) = (name.clone(), error.clone(), state.clone());
        Callback::from(move |e: InputEvent| {
            let v = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            name.set(v);
            error.set(None);
            if state.ask_error.is_some() {
                state.dismiss_ask_error();
            }
        })
    };
    let on_rd = {
        let rd = rd.clone();
        Callback::from(move |_: Event| rd.set(!*rd))
    };
    let on_submit = {
        let (state, name, rtype, mode, server, rd, error) = (
            state.clone(),
            name.clone(),
            rtype.clone(),
            mode.clone(),
            server.clone(),
            rd.clone(),
            error.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let resolver = match mode.as_str() {
                "public" => Resolver::Public,
                "direct" => Resolver::Direct {
                    server_ip: if server.is_empty() {
                        state
                            .doc
                            .world
                            .servers
                            .first()
                            .map(|s| s.ip.to_string())
                            .unwrap_or_default()
                    } else {
                        (*server).clone()
                    },
                    rd: *rd,
                },
                _ => Resolver::Trace,
            };
            match resolve::typed_question(&name, &rtype) {
                Ok(question) => {
                    error.set(None);
                    state.ask(question, resolver);
                }
                Err(msg) => error.set(Some(msg)),
            }
        })
    };

    let shown_error = (*error)
        .clone()
        .or_else(|| state.ask_error.clone())
        .map(|e| e.to_string());
    let invalid = shown_error.is_some();
    html! {
        <form class="resolve-form" onsubmit={on_submit} novalidate=true>
            <div class={classes!("field", invalid.then_some("invalid"))}>
                <label for="resolve-name">{ "Name" }</label>
                <input id="resolve-name" type="text" value={(*name).clone()} oninput={on_name}
                    spellcheck="false" autocomplete="off"
                    aria-invalid={invalid.to_string()}
                    aria-describedby={invalid.then_some("resolve-name-error")} />
                if let Some(msg) = shown_error {
                    <p class="field-error" id="resolve-name-error" role="alert">{ msg }</p>
                }
            </div>
            <div class="field">
                <label for="resolve-type">{ "Type" }</label>
                <select id="resolve-type" onchange={set(&rtype)}>
                    { for TYPES.iter().map(|t| html! { <option value={*t} selected={*rtype == *t}>{ *t }</option> }) }
                </select>
            </div>
            <div class="field">
                <label for="resolve-mode">{ "Resolver" }</label>
                <select id="resolve-mode" onchange={set(&mode)}>
                    <option value="trace" selected={*mode == "trace"}>{ "Trace from the root" }</option>
                    <option value="public" selected={*mode == "public"}>{ "Public resolver 8.8.8.8 (with cache)" }</option>
                    <option value="direct" selected={*mode == "direct"}>{ "Direct to one server" }</option>
                </select>
            </div>
            if *mode == "direct" {
                <div class="field">
                    <label for="resolve-server">{ "Server" }</label>
                    <select id="resolve-server" onchange={set(&server)}>
                        { for state.doc.world.servers.iter().map(|s| {
                            let ip = s.ip.to_string();
                            html! { <option value={ip.clone()} selected={*server == ip}>{ format!("{} ({ip})", plain(&s.name)) }</option> }
                        }) }
                    </select>
                </div>
                <label class="toggle">
                    <input type="checkbox" id="resolve-rd" checked={*rd} onchange={on_rd} />
                    <span>{ "Recursion desired" }</span>
                </label>
            }
            <button type="submit" class="btn btn-primary" id="resolve-run">{ "Resolve" }</button>
        </form>
    }
}
