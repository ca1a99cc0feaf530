//! An icon from the SVG sprite `www/icons.svg` (relative URL, so the site works from a
//! sub-path). Icons are decoration: the control that holds one carries the accessible name.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct IconProps {
    /// The symbol id in `www/icons.svg`, e.g. `plus`.
    pub name: &'static str,
}

#[function_component]
pub fn Icon(props: &IconProps) -> Html {
    html! {
        <svg class="icon" aria-hidden="true" focusable="false">
            <use href={format!("www/icons.svg#{}", props.name)} />
        </svg>
    }
}
