//! The modal `<dialog>` hook shared by the import, export and share dialogs: opens it as a
//! modal when it mounts (Escape fires `cancel`), and gives focus back to the opener after.

use yew::prelude::*;

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
            #[cfg(target_arch = "wasm32")]
            {
                use wasm_bindgen::JsCast;
                if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                    d.close();
                }
                if let Some(el) = opener.and_then(|o| o.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = el.focus();
                }
            }
            #[cfg(not(target_arch = "wasm32"))]
            drop(dialog);
        }
    });
}
