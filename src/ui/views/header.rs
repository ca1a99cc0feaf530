//! The top bar: the product's name, the slot for the scenario controls (preset picker,
//! import/export, share: from the scenario work), and undo/redo named by what they undo.

use yew::prelude::*;

use super::icon::Icon;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// What undo would take back (`None`: nothing to undo).
    pub undo: Option<AttrValue>,
    pub redo: Option<AttrValue>,
    pub on_undo: Callback<()>,
    pub on_redo: Callback<()>,
    /// Scenario controls placed between the title and undo/redo.
    #[prop_or_default]
    pub children: Html,
}

#[function_component]
pub fn Header(props: &HeaderProps) -> Html {
    let undo_title = props
        .undo
        .as_ref()
        .map_or("Nothing to undo".to_string(), |l| {
            format!("Undo {l} (Ctrl+Z)")
        });
    let redo_title = props
        .redo
        .as_ref()
        .map_or("Nothing to redo".to_string(), |l| {
            format!("Redo {l} (Ctrl+Shift+Z)")
        });
    let on_undo = props.on_undo.reform(|_: MouseEvent| ());
    let on_redo = props.on_redo.reform(|_: MouseEvent| ());
    html! {
        <header class="topbar">
            <div class="brand">
                <svg class="brand-mark" aria-hidden="true" focusable="false"><use href="www/icons.svg#logo" /></svg>
                <div>
                    <h1 class="brand-name">{ "Delegation Lab" }</h1>
                    <p class="brand-tag">{ "DNS delegation, step by step" }</p>
                </div>
            </div>
            <div class="topbar-slot">{ props.children.clone() }</div>
            <div class="topbar-actions" role="group" aria-label="History">
                <button type="button" class="btn btn-ghost" id="undo" title={undo_title.clone()}
                    aria-label={undo_title} disabled={props.undo.is_none()} onclick={on_undo}>
                    <Icon name="undo" /><span class="btn-text">{ "Undo" }</span>
                </button>
                <button type="button" class="btn btn-ghost" id="redo" title={redo_title.clone()}
                    aria-label={redo_title} disabled={props.redo.is_none()} onclick={on_redo}>
                    <Icon name="redo" /><span class="btn-text">{ "Redo" }</span>
                </button>
            </div>
        </header>
    }
}
