//! The add/edit record-set dialog: a modal `<dialog>` (Escape closes it, focus returns to
//! the button that opened it) with the console's fields. The fields are controlled by the
//! parent's `RecordDraft`, so nothing typed is lost on an error or when the dialog closes;
//! each error is shown at its field, and focus moves to the first field in error.

use hickory_proto::rr::{Name, RecordType};
use yew::prelude::*;

use crate::ui::platform::events::value_of;

use crate::ui::views::modal::use_modal;

use crate::ui::panels::zone::record_form::{
    FORM_TYPES, Field, FieldErrors, RecordDraft, full_name,
};
use crate::ui::views::icon::Icon;

#[derive(Properties, PartialEq, Clone)]
pub struct RecordDialogProps {
    /// The zone the record set is in.
    pub origin: Name,
    pub heading: AttrValue,
    /// The account the zone belongs to, as a badge beside the heading.
    #[prop_or_default]
    pub account: Html,
    pub submit_label: AttrValue,
    pub draft: RecordDraft,
    pub errors: FieldErrors,
    /// Bumped on every submit, so focus moves to the first error again.
    #[prop_or_default]
    pub attempt: u32,
    pub on_change: Callback<RecordDraft>,
    pub on_submit: Callback<()>,
    pub on_close: Callback<()>,
}

/// What to type in the value box for each type.
pub fn value_hint(rtype: &str) -> &'static str {
    match rtype.to_ascii_uppercase().as_str() {
        "A" => "IPv4 addresses, one per line, such as 192.0.2.10",
        "AAAA" => "IPv6 addresses, one per line, such as 2001:db8::1",
        "CNAME" => "One domain name, such as app.example.net",
        "MX" => "Priority and mail server, one per line, such as 10 mail.example.com",
        "TXT" => "Quoted text, one record per line, such as \"v=spf1 -all\"",
        "NS" => "Name servers, one per line, such as ns-1.awsdns-00.com",
        "CAA" => "Flags, tag and quoted value, one per line, such as 0 issue \"amazon.com\"",
        "DS" => {
            "Key tag, algorithm, digest type and digest, one per line, at a delegated subdomain (DNSSEC), such as 2371 13 2 1F987CC6583E92DF0890718C42..."
        }
        "SOA" => {
            "Seven fields: primary server, hostmaster, serial, refresh, retry, expire, minimum"
        }
        _ => "One value per line",
    }
}

#[function_component]
pub fn RecordDialog(props: &RecordDialogProps) -> Html {
    let dialog = use_node_ref();
    let refs = [
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    ];
    use_modal(&dialog);
    use_focus_first_error(&refs, &props.errors, props.attempt);

    let draft = &props.draft;
    let change = |f: fn(&mut RecordDraft, String)| {
        let (draft, cb) = (draft.clone(), props.on_change.clone());
        move |value: String| {
            let mut next = draft.clone();
            f(&mut next, value);
            cb.emit(next);
        }
    };
    let on_name = {
        let set = change(|d, v| d.name = v);
        Callback::from(move |e: InputEvent| set(value_of(&e)))
    };
    let on_type = {
        let set = change(|d, v| d.rtype = v);
        Callback::from(move |e: Event| set(value_of(&e)))
    };
    let on_ttl = {
        let set = change(|d, v| d.ttl = v);
        Callback::from(move |e: InputEvent| set(value_of(&e)))
    };
    let on_values = {
        let set = change(|d, v| d.values = v);
        Callback::from(move |e: InputEvent| set(value_of(&e)))
    };
    let onsubmit = {
        let cb = props.on_submit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            cb.emit(());
        })
    };
    let (oncancel, on_close_click) = crate::ui::views::modal::close_handlers(&props.on_close);

    let mut types: Vec<String> = FORM_TYPES.iter().map(RecordType::to_string).collect();
    let current = draft.rtype.trim().to_ascii_uppercase();
    if !types.contains(&current) && !current.is_empty() {
        types.push(current.clone());
    }
    let origin = props.origin.to_string();
    let preview = full_name(&draft.name, &props.origin)
        .ok()
        .map(|n| n.to_string());
    let error_count = [Field::Name, Field::Type, Field::Ttl, Field::Values]
        .iter()
        .filter(|f| props.errors.get(**f).is_some())
        .count();

    html! {
        <dialog class="dialog" ref={dialog} aria-labelledby="record-dialog-title" oncancel={oncancel}>
            <form class="form" novalidate=true onsubmit={onsubmit}>
                <div class="dialog-head">
                    <div class="dialog-title">
                        <h2 id="record-dialog-title">{ props.heading.clone() }</h2>
                        { props.account.clone() }
                    </div>
                    <button type="button" class="btn btn-icon" aria-label="Close without saving (your input is kept)" onclick={on_close_click.clone()}>
                        <Icon name="close" />
                    </button>
                </div>
                if error_count > 0 {
                    <p class="form-alert" role="alert">{
                        if error_count == 1 { "One field needs attention; your input is kept.".to_string() }
                        else { format!("{error_count} fields need attention; your input is kept.") }
                    }</p>
                }
                <div class={classes!("field", props.errors.name.is_some().then_some("invalid"))}>
                    <label for="rec-name">{ "Record name" }</label>
                    <div class="input-suffix">
                        <input id="rec-name" ref={refs[0].clone()} type="text" autocomplete="off" spellcheck="false" autofocus=true
                            placeholder="www" value={draft.name.clone()} oninput={on_name}
                            aria-invalid={props.errors.name.is_some().to_string()}
                            aria-describedby="rec-name-hint rec-name-error" />
                        <span class="suffix" aria-hidden="true">{ if origin == "." { String::new() } else { format!(".{origin}") } }</span>
                    </div>
                    <p class="hint" id="rec-name-hint">{
                        match &preview {
                            Some(full) => format!("Full name: {full} (leave empty for the zone's apex)"),
                            None => format!("The part before {origin}, or a full name ending in {origin}."),
                        }
                    }</p>
                    { field_error("rec-name-error", props.errors.name.as_deref()) }
                </div>
                <div class="field-row">
                    <div class={classes!("field", props.errors.rtype.is_some().then_some("invalid"))}>
                        <label for="rec-type">{ "Record type" }</label>
                        <select id="rec-type" ref={refs[1].clone()} onchange={on_type}
                            aria-invalid={props.errors.rtype.is_some().to_string()} aria-describedby="rec-type-error">
                            { for types.iter().map(|t| html! { <option value={t.clone()} selected={*t == current}>{ t.clone() }</option> }) }
                        </select>
                        { field_error("rec-type-error", props.errors.rtype.as_deref()) }
                    </div>
                    <div class={classes!("field", props.errors.ttl.is_some().then_some("invalid"))}>
                        <label for="rec-ttl">{ "TTL (seconds)" }</label>
                        <input id="rec-ttl" ref={refs[2].clone()} type="text" inputmode="numeric" autocomplete="off"
                            value={draft.ttl.clone()} oninput={on_ttl}
                            aria-invalid={props.errors.ttl.is_some().to_string()} aria-describedby="rec-ttl-error" />
                        { field_error("rec-ttl-error", props.errors.ttl.as_deref()) }
                    </div>
                </div>
                <div class={classes!("field", props.errors.values.is_some().then_some("invalid"))}>
                    <label for="rec-values">{ "Value" }</label>
                    <textarea id="rec-values" ref={refs[3].clone()} rows="4" spellcheck="false" value={draft.values.clone()}
                        oninput={on_values} aria-invalid={props.errors.values.is_some().to_string()}
                        aria-describedby="rec-values-hint rec-values-error" />
                    <p class="hint" id="rec-values-hint">{ value_hint(&draft.rtype) }</p>
                    { field_error("rec-values-error", props.errors.values.as_deref()) }
                </div>
                <div class="dialog-actions">
                    <button type="button" class="btn btn-ghost" onclick={on_close_click}>{ "Cancel" }</button>
                    <button type="submit" class="btn btn-primary">{ props.submit_label.clone() }</button>
                </div>
            </form>
        </dialog>
    }
}

fn field_error(id: &'static str, message: Option<&str>) -> Html {
    match message {
        Some(m) => html! {
            <p class="field-error" id={id}><crate::ui::views::icon::Icon name="alert" /><span>{ m.to_string() }</span></p>
        },
        None => html! { <p class="field-error" id={id} hidden=true></p> },
    }
}

/// After a submit with errors, focuses the first field in error.
#[hook]
fn use_focus_first_error(refs: &[NodeRef; 4], errors: &FieldErrors, attempt: u32) {
    let refs = refs.clone();
    let order = [
        errors.name.is_some(),
        errors.rtype.is_some(),
        errors.ttl.is_some(),
        errors.values.is_some(),
    ];
    use_effect_with(attempt, move |_| {
        if let Some(i) = order.iter().position(|&e| e)
            && let Some(el) = refs[i].cast::<web_sys::HtmlElement>()
        {
            let _ = el.focus();
        }
    });
}
