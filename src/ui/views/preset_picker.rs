//! The preset picker: the scenarios shipped with the app (the article's setup and its
//! failures), each with its description; loading one replaces the document as one undoable
//! step, so the work before it is one Undo away.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::ui::platform::events::value_of;

use crate::ui::hooks::use_app;

use crate::scenario::presets::{self, PRESETS};

#[function_component]
pub fn PresetPicker() -> Html {
    let app = use_app();
    // The preset the document is, unchanged; otherwise the document's own title is shown,
    // marked as changed (never a preset's title and description it no longer matches).
    let unchanged = use_memo(app.revision, {
        let doc = app.doc.clone();
        move |_| unchanged_preset(&doc)
    });
    let current = unchanged.unwrap_or(CUSTOM);
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
            if let Ok(i) = value_of(&e).parse::<usize>() {
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
                app.replace(format!("load preset “{}”", p.title), doc);
            }
        })
    };
    let custom = current == CUSTOM;
    let Some(info) = PRESETS.get(*chosen) else {
        return html! {
            <div class="preset-picker">
                <label class="sr-only" for="preset-select">{ "Preset scenario" }</label>
                <select id="preset-select" class="preset-select" ref={select_ref} onchange={on_change} aria-describedby="preset-description">
                    <option value={CUSTOM.to_string()} selected=true>{ format!("{} (changed)", app.doc.title) }</option>
                    { for PRESETS.iter().enumerate().map(|(i, p)| html! {
                        <option value={i.to_string()}>{ p.title }</option>
                    }) }
                </select>
                <button type="button" class="btn btn-secondary" id="load-preset" disabled=true
                    aria-label="Load a preset (choose one first)">{ "Load" }</button>
                <p id="preset-description" class="preset-description">
                    <span class="scenario-changed" id="scenario-changed">{ "Changed" }</span>
                    { format!(" {}", changed_note(&app.doc)) }
                </p>
            </div>
        };
    };
    html! {
        <div class="preset-picker">
            <label class="sr-only" for="preset-select">{ "Preset scenario" }</label>
            <select id="preset-select" class="preset-select" ref={select_ref} onchange={on_change} aria-describedby="preset-description">
                if custom {
                    <option value={CUSTOM.to_string()}>{ format!("{} (changed)", app.doc.title) }</option>
                }
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

/// The select's value for "the document as it is" (no preset, or a preset since changed).
const CUSTOM: usize = usize::MAX;

/// The preset this document is, as built (its zones, servers and accounts; the clock and the
/// resolver's cache may differ), if any.
pub fn unchanged_preset(doc: &crate::scenario::Scenario) -> Option<usize> {
    let i = PRESETS.iter().position(|p| p.title == doc.title)?;
    let built = presets::build(PRESETS[i].id)?;
    (built.world == doc.world && built.aws == doc.aws).then_some(i)
}

/// What the header says about a document that is no preset as shipped.
fn changed_note(doc: &crate::scenario::Scenario) -> String {
    if PRESETS.iter().any(|p| p.title == doc.title) {
        "since the preset was loaded: edited, or a challenge in progress. Undo goes back step by step.".into()
    } else if doc.description.is_empty() {
        "This scenario is your own.".into()
    } else {
        doc.description.clone()
    }
}
