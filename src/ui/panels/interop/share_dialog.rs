//! The Share dialog: the `#s1.` link of the document with the view state (selected zone,
//! and the query and step the app was asked to show), copied to the clipboard and shown in a
//! field, with its size against the link budget; a scenario too big for a link says so and
//! points to Export. Below the link, the embed code for docs (`embed_code`).

use yew::prelude::*;

use crate::ui::hooks::use_app;

use super::embed_code::EmbedCode;
use crate::scenario::interop::{LINK_BUDGET, LinkError, share};
use crate::ui::platform::browser;
use crate::ui::view_state::ViewState;
use crate::ui::views::icon::Icon;

#[derive(Properties, PartialEq, Clone)]
pub struct ShareDialogProps {
    pub on_close: Callback<()>,
}

/// The resolution a link carries: what the resolve panel shows (its question as a dig
/// command line, and the step), else what was last asked of it.
fn shown_query(state: &crate::ui::state::AppState) -> (Option<String>, Option<usize>) {
    match &state.asked {
        Some(asked) => (Some(asked.query_line()), Some(asked.step)),
        None => (
            state.view.as_ref().and_then(|v| v.query.clone()),
            state.view.as_ref().and_then(|v| v.step),
        ),
    }
}

/// The link (page address + fragment) or the reason there is none.
pub fn share_link(state: &crate::ui::state::AppState, page: &str) -> Result<String, LinkError> {
    let (query, step) = shown_query(state);
    let view = ViewState::shown(state.selected.as_deref(), query.as_deref(), step);
    share(&state.doc, Some(&view.link_focus())).map(|fragment| format!("{page}{fragment}"))
}

/// Copies `text` to the clipboard and says in `status` whether the browser allowed it.
fn copy_saying(text: &str, status: UseStateHandle<String>) {
    browser::copy(text, move |ok| {
        status.set(if ok {
            "Copied to the clipboard.".into()
        } else {
            "Select the link and copy it (the browser did not allow copying).".into()
        })
    });
}

#[function_component]
pub fn ShareDialog(props: &ShareDialogProps) -> Html {
    let state = use_app();
    let dialog = use_node_ref();
    crate::ui::views::modal::use_modal(&dialog);
    let status = use_state(String::new);
    let has_query = shown_query(&state).0.is_some();
    let link = use_memo((state.revision, state.selected.clone()), |_| {
        share_link(&state, &browser::page_address())
    });
    {
        // Copies the link once when the dialog opens.
        let (link, status) = (link.clone(), status.clone());
        use_effect_with((), move |_| {
            if let Ok(text) = &*link {
                copy_saying(text, status);
            }
        });
    }
    let on_copy = {
        let (link, status) = (link.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            if let Ok(text) = &*link {
                copy_saying(text, status.clone());
            }
        })
    };
    let (oncancel, close) = crate::ui::views::modal::close_handlers(&props.on_close);
    let fragment_len = |l: &str| l.find('#').map_or(l.len(), |i| l.len() - i);

    html! {
        <dialog class="dialog" id="share-dialog" ref={dialog} aria-labelledby="share-title" oncancel={oncancel}>
            <div class="form">
                <div class="dialog-head">
                    <h2 id="share-title">{ "Share this scenario" }</h2>
                    <button type="button" class="btn btn-icon" aria-label="Close" onclick={close.clone()}>
                        <Icon name="close" />
                    </button>
                </div>
                { match &*link {
                    Ok(text) => html! {
                        <>
                            <p>{ "The whole scenario, the selected zone and the resolution shown are in the link itself (after the #): nothing is sent to any server." }</p>
                            <div class="field">
                                <label for="share-link">{ "Link" }</label>
                                <input id="share-link" type="text" readonly=true value={text.clone()} />
                                <p class="hint" id="share-size">{ format!(
                                    "{} of {} characters ({}%).",
                                    fragment_len(text), LINK_BUDGET, fragment_len(text) * 100 / LINK_BUDGET
                                ) }</p>
                            </div>
                            <p class="hint" id="share-status" role="status">{ (*status).clone() }</p>
                            <EmbedCode page={AttrValue::from(text[..text.len() - fragment_len(text)].to_string())}
                                fragment={AttrValue::from(text[text.len() - fragment_len(text)..].to_string())}
                                title={AttrValue::from(state.doc.title.clone())} has_query={has_query} />
                        </>
                    },
                    Err(message) => html! {
                        <p class="form-alert" id="share-error" role="alert">{ format!("No link: {message}.") }</p>
                    },
                } }
                <div class="dialog-actions">
                    <button type="button" class="btn btn-ghost" onclick={close}>{ "Close" }</button>
                    <button type="button" class="btn btn-primary" id="share-copy" disabled={link.is_err()} onclick={on_copy}>
                        { "Copy link" }
                    </button>
                </div>
            </div>
        </dialog>
    }
}
