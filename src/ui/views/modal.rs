//! A modal form dialog for the management views: a `<dialog>` opened with `showModal` (so
//! focus is trapped and Escape closes it), a heading, the fields given as children, an alert
//! for an error of no single field, and Cancel plus a submit button. Focus returns to the
//! control that opened it. Its hook, [`use_modal`], is what every dialog of the app uses
//! (record, import, export, share).

use yew::prelude::*;

use super::icon::Icon;

#[derive(Properties, PartialEq)]
pub struct ModalProps {
    /// The id of the heading (the dialog's accessible name).
    pub title_id: AttrValue,
    pub title: AttrValue,
    pub submit_label: AttrValue,
    /// A destructive action (delete): the submit button is red.
    #[prop_or_default]
    pub danger: bool,
    /// An error that belongs to no single field (the engine's refusal).
    #[prop_or_default]
    pub alert: Option<AttrValue>,
    pub on_submit: Callback<()>,
    pub on_close: Callback<()>,
    /// The account the dialog acts in, as a badge beside the title.
    #[prop_or_default]
    pub account: Html,
    #[prop_or_default]
    pub children: Html,
}

#[function_component]
pub fn Modal(props: &ModalProps) -> Html {
    let dialog = use_node_ref();
    use_modal(&dialog);
    let onsubmit = {
        let cb = props.on_submit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            cb.emit(());
        })
    };
    let (oncancel, close) = close_handlers(&props.on_close);
    html! {
        <dialog class="dialog manage-dialog" ref={dialog} aria-labelledby={props.title_id.clone()} oncancel={oncancel}>
            <form class="form" novalidate=true onsubmit={onsubmit}>
                <div class="dialog-head">
                    <div class="dialog-title">
                        <h2 id={props.title_id.clone()}>{ props.title.clone() }</h2>
                        { props.account.clone() }
                    </div>
                    <button type="button" class="btn btn-icon" aria-label="Close (your input is kept)" onclick={close.clone()}>
                        <Icon name="close" />
                    </button>
                </div>
                if let Some(alert) = &props.alert {
                    <p class="form-alert" role="alert">{ alert.clone() }</p>
                }
                { props.children.clone() }
                <div class="dialog-actions">
                    <button type="button" class="btn btn-ghost" onclick={close}>{ "Cancel" }</button>
                    <button type="submit" class={classes!("btn", if props.danger { "btn-danger-solid" } else { "btn-primary" })}>
                        { props.submit_label.clone() }
                    </button>
                </div>
            </form>
        </dialog>
    }
}

/// A dialog's two ways to close: its `cancel` event (Escape; the browser's own closing is
/// prevented, so the view decides) and a Close or Cancel button.
pub fn close_handlers(on_close: &Callback<()>) -> (Callback<Event>, Callback<MouseEvent>) {
    let cb = on_close.clone();
    let oncancel = Callback::from(move |e: Event| {
        e.prevent_default();
        cb.emit(());
    });
    (oncancel, on_close.reform(|_: MouseEvent| ()))
}

/// Opens the dialog as a modal when it mounts; gives focus back to the opener when it goes.
#[hook]
pub fn use_modal(dialog: &NodeRef) {
    let dialog = dialog.clone();
    use_effect_with((), move |_| {
        #[cfg(target_arch = "wasm32")]
        let opener = gloo::utils::document().active_element();
        #[cfg(target_arch = "wasm32")]
        if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
            let _ = d.show_modal();
        }
        move || {
            // On the next turn of the event loop, once the render that removes the dialog is
            // done: closing it here, in the middle of that render, made the browser lay the
            // page out once for `close` and again for the frame (50 ms at 1,000 zones).
            #[cfg(target_arch = "wasm32")]
            gloo::timers::callback::Timeout::new(0, move || {
                use wasm_bindgen::JsCast;
                if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                    d.close();
                }
                if let Some(el) = opener.and_then(|o| o.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = el.focus();
                }
            })
            .forget();
            #[cfg(not(target_arch = "wasm32"))]
            drop(dialog);
        }
    });
}
