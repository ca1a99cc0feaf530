//! [`DiagramPanel`]: the delegation hierarchy's panel: the diagram of the document, the
//! zone selected, the zones a step asked and those the diagnosis flags marked, and the
//! "Show name-server zones" toggle.

use std::rc::Rc;

use yew::prelude::*;

use super::svg::Diagram;
use crate::ui::hooks::use_app;

#[derive(Properties, PartialEq)]
pub struct DiagramPanelProps {
    /// The zones the step shown asked (or the certificates panel's lookup step).
    pub highlighted: Rc<Vec<String>>,
    /// The zones the diagnosis flags.
    pub flagged: Rc<Vec<String>>,
}

#[function_component]
pub fn DiagramPanel(props: &DiagramPanelProps) -> Html {
    let app = use_app();
    let show_infrastructure = use_state(|| false);
    let on_toggle = {
        let show = show_infrastructure.clone();
        Callback::from(move |_: Event| show.set(!*show))
    };
    let on_select = {
        let app = app.clone();
        Callback::from(move |id: String| app.select_zone(id))
    };
    html! {
        <section class="panel panel-diagram" id="diagram-panel" aria-labelledby="diagram-heading" tabindex="-1">
            <div class="panel-bar">
                <h2 id="diagram-heading" elementtiming="first-screen">{ "Delegation hierarchy" }</h2>
                <label class="toggle">
                    <input type="checkbox" id="show-infrastructure" checked={*show_infrastructure}
                        onchange={on_toggle} />
                    <span>{ "Show name-server zones" }</span>
                </label>
            </div>
            <Diagram doc={app.doc.clone()} selected={app.selected.clone().map(AttrValue::from)}
                show_infrastructure={*show_infrastructure} highlighted={props.highlighted.clone()}
                flagged={props.flagged.clone()}
                on_select={on_select} />
        </section>
    }
}
