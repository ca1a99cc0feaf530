//! The banner shown when the app is opened with a share link in its fragment: it never
//! replaces the saved work by itself. "Open it" makes the linked scenario the document (one
//! undo step, so Undo returns to the saved work); "Ignore" keeps the saved work. A damaged,
//! cut or newer link says what is wrong, and nothing is lost. While the link's data is
//! unpacked (its inflate code is loaded on demand) the banner says so; when that code could
//! not be fetched, it says that too, with "Try again".

use std::rc::Rc;

use yew::prelude::*;

use super::icon::Icon;
use crate::ui::link_open::Incoming;

#[derive(Properties, PartialEq)]
pub struct SharedLinkBannerProps {
    pub link: Rc<Incoming>,
    pub on_open: Callback<()>,
    pub on_dismiss: Callback<()>,
    /// Fetches the inflate code again (after it could not be fetched).
    pub on_retry: Callback<()>,
}

#[function_component]
pub fn SharedLinkBanner(props: &SharedLinkBannerProps) -> Html {
    let open = props.on_open.reform(|_: MouseEvent| ());
    let dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    let retry = props.on_retry.reform(|_: MouseEvent| ());
    let read = match &*props.link {
        Incoming::Read(read) => read.as_ref(),
        Incoming::Opening => {
            return html! {
                <div class="banner banner-info" id="shared-banner" role="status" aria-busy="true">
                    <Icon name="download" />
                    <div class="banner-body">
                        <p class="banner-title">{ "Opening the shared link\u{2026}" }</p>
                    </div>
                </div>
            };
        }
        Incoming::LoadFailed => {
            return html! {
                <div class="banner banner-error" id="shared-banner" role="alert">
                    <Icon name="alert" />
                    <div class="banner-body">
                        <p class="banner-title">{ "The share link could not be opened yet" }</p>
                        <p id="shared-error">{ "The code that unpacks it did not load (the network may be down). Your saved work is as you left it." }</p>
                        <div class="banner-actions">
                            <button type="button" class="btn btn-primary lazy-retry" id="shared-retry" onclick={retry}>{ "Try again" }</button>
                            <button type="button" class="btn btn-ghost" id="shared-ignore" onclick={dismiss}>{ "Dismiss" }</button>
                        </div>
                    </div>
                </div>
            };
        }
    };
    match read {
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
