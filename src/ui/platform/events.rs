//! What a DOM event says about the control it came from: the value of an input, a textarea
//! or a select, and whether a checkbox is checked.

use yew::TargetCast;

/// The value of the input, textarea or select an event came from (empty for anything else).
pub fn value_of(e: &impl TargetCast) -> String {
    if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
        return input.value();
    }
    if let Some(text) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
        return text.value();
    }
    e.target_dyn_into::<web_sys::HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

/// Whether the checkbox an event came from is checked.
pub fn checked(e: &impl TargetCast) -> bool {
    e.target_dyn_into::<web_sys::HtmlInputElement>()
        .is_some_and(|i| i.checked())
}
