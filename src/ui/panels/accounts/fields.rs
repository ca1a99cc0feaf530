//! What the accounts panel's forms share: a field's error line (hidden when there is none,
//! so `aria-describedby` always points at something), the text of an input, and focus on
//! the first refused field once the form has rendered its errors.

use std::fmt::Display;

use yew::prelude::*;

use crate::ui::views::icon::Icon;

/// The error line of a field: the error's text with an alert icon, or an empty hidden line.
pub fn field_error<E: Display>(id: &'static str, error: Option<&E>) -> Html {
    match error {
        Some(e) => html! {
            <p class="field-error" id={id}><Icon name="alert" /><span>{ e.to_string() }</span></p>
        },
        None => html! { <p class="field-error" id={id} hidden=true></p> },
    }
}

/// Focuses the first element (by id) whose flag is set, after the re-render.
pub fn focus_first(fields: &[(&'static str, bool)]) {
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
