//! The preset picker: the scenarios shipped with the app (the article's setup and its
//! failures), each with its description; loading one replaces the document as one undoable
//! step, so the work before it is one Undo away.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::scenario::presets::{self, PRESETS};
use crate::ui::state::{Action, AppHandle};

#[function_component]
pub fn PresetPicker() -> Html {
    let app = use_context::<AppHandle>().expect("the app state is provided");
    let current = PRESETS
        .iter()
        .position(|p| p.title == app.doc.title)
        .unwrap_or(0);
    let chosen = use_state(|| current);
    let select_ref = use_node_ref();
    {
        // Follow the document when it changes under the picker (undo, redo, an import).
        let chosen = chosen.clone();
        use_effect_with(current, move |current| {
            chosen.set(*current);
        });
    }
    {
        // A `selected` attribute does not move a select the user has touched: set its value.
        let select_ref = select_ref.clone();
        use_effect_with(*chosen, move |chosen| {
            if let Some(select) = select_ref.cast::<HtmlSelectElement>() {
                select.set_value(&chosen.to_string());
            }
        });
    }
    let on_change = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Ok(i) = select.value().parse::<usize>() {
                chosen.set(i);
            }
        })
    };
    let on_load = {
        let app = app.clone();
        let chosen = chosen.clone();
        Callback::from(move |_: MouseEvent| {
            let p = &PRESETS[*chosen];
            if let Some(doc) = presets::build(p.id) {
                app.dispatch(Action::Replace {
                    label: format!("load preset “{}”", p.title),
                    doc,
                });
            }
        })
    };
    let info = &PRESETS[*chosen];
    html! {
        <div class="preset-picker">
            <label class="sr-only" for="preset-select">{ "Preset scenario" }</label>
            <select id="preset-select" class="preset-select" ref={select_ref} onchange={on_change} aria-describedby="preset-description">
                { for PRESETS.iter().enumerate().map(|(i, p)| html! {
                    <option value={i.to_string()} selected={i == *chosen}>{ p.title }</option>
                }) }
            </select>
            <button type="button" class="btn btn-secondary" id="load-preset" onclick={on_load}
                aria-label={format!("Load the preset: {}", info.title)}>{ "Load" }</button>
            <p id="preset-description" class="preset-description">{ info.description }</p>
        </div>
    }
}
