//! The strip of "jump to" buttons under the top bar: one per panel, each scrolling its panel
//! into view and moving the keyboard focus there (the panels are long; this is the way
//! around them without scrolling through the records or the certificates).

use yew::prelude::*;

/// The panels, by element id, with the buttons' text, in page order.
pub const PANELS: [(&str, &str); 8] = [
    ("diagram-panel", "Hierarchy"),
    ("zone-panel", "Records"),
    ("resolve-panel", "Resolve"),
    ("console-panel", "dig console"),
    ("clock-panel", "Time & cache"),
    ("accounts-panel", "Accounts"),
    ("certificates-panel", "Certificates"),
    ("diagnostics-panel", "Diagnostics"),
];

#[function_component]
pub fn JumpNav() -> Html {
    html! {
        <nav class="jumpbar" aria-label="Panels">
            <ul>
                { for PANELS.iter().map(|&(id, label)| {
                    let onclick = Callback::from(move |_: MouseEvent| crate::ui::platform::browser::reveal(id));
                    html! {
                        <li><button type="button" class="jump" data-target={id} {onclick}>{ label }</button></li>
                    }
                }) }
            </ul>
        </nav>
    }
}
