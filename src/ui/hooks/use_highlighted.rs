//! [`use_highlighted`]: the zones the diagram marks: the certificates panel's lookup step's
//! when it shows one, else those the resolve panel's step shown asked.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::state::AppHandle;

/// The zones the diagram marks: the certificates panel's lookup step's when it shows one,
/// else those the resolve panel's step shown asked (computed once per step).
#[hook]
pub fn use_highlighted(state: &AppHandle, lookup_zones: &Rc<Vec<String>>) -> Rc<Vec<String>> {
    let asked = state.asked.clone();
    let doc = state.doc.clone();
    let key = (asked.as_ref().map(|a| (a.serial, a.step)), state.revision);
    let from_steps = use_memo(key, move |_| {
        asked
            .map(|a| a.step_zone_ids(&doc.world))
            .unwrap_or_default()
    });
    if lookup_zones.is_empty() {
        from_steps
    } else {
        lookup_zones.clone()
    }
}
