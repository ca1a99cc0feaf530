//! The banner shown when the app is opened with a share link in its fragment: it never
//! replaces the saved work by itself. "Open it" makes the linked scenario the document (one
//! undo step, so Undo returns to the saved work); "Ignore" keeps the saved work. A damaged,
//! cut or newer link says what is wrong, and nothing is lost.

use std::rc::Rc;

use yew::prelude::*;

use super::icon::Icon;
use crate::scenario::interop::{LinkError, Shared};

#[derive(Properties, PartialEq)]
pub struct SharedLinkBannerProps {
    pub link: Rc<Result<Shared, LinkError>>,
    pub on_open: Callback<()>,
    pub on_dismiss: Callback<()>,
}

#[function_component]
pub fn SharedLinkBanner(props: &SharedLinkBannerProps) -> Html {
    let open = props.on_open.reform(|_: MouseEvent| ());
    let dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    match &*props.link {
        Ok(shared) => html! {
            <div class="banner banner-info" id="shared-banner" role="region" aria-label="Shared scenario">
                <Icon name="download" />
                <div class="banner-body">
                    <p class="banner-title">{ format!("This link holds a scenario: \u{201c}{}\u{201d}", shared.scenario.title) }</p>
                    <p>{ "Open it to look at it here. Your saved work is kept: Undo returns to it." }</p>
                    <div class="banner-actions">
                        <button type="button" class="btn btn-primary" id="shared-open" onclick={open}>{ "Open it" }</button>
                        <button type="button" class="btn btn-ghost" id="shared-ignore" onclick={dismiss}>{ "Ignore" }</button>
                    </div>
                </div>
            </div>
        },
        Err(error) => html! {
            <div class="banner banner-error" id="shared-banner" role="alert">
                <Icon name="alert" />
                <div class="banner-body">
                    <p class="banner-title">{ "The share link could not be opened" }</p>
                    <p id="shared-error">{ format!("{}{}.", error.to_string()[..1].to_uppercase(), &error.to_string()[1..]) }</p>
                    <p>{ "Nothing was changed: your saved work is as you left it." }</p>
                    <div class="banner-actions">
                        <button type="button" class="btn btn-ghost" id="shared-ignore" onclick={dismiss}>{ "Dismiss" }</button>
                    </div>
                </div>
            </div>
        },
    }
}
