//! The banner under the top bar: storage problems (a damaged save kept aside, a failed
//! write) and edits that could not be applied. Each says what happened and what to do.

use yew::prelude::*;

use super::icon::Icon;
use crate::ui::storage::{Notice, download_url};

#[derive(Properties, PartialEq)]
pub struct BannerProps {
    pub notice: Notice,
    pub on_dismiss: Callback<()>,
}

#[function_component]
pub fn Banner(props: &BannerProps) -> Html {
    let dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    let body = match &props.notice {
        Notice::Damaged {
            kept_key,
            error,
            raw,
        } => {
            let kept = match kept_key {
                Some(key) => html! {
                    <>{ "It is kept in this browser's storage under " }<code>{ key.clone() }</code>
                    { " and nothing was overwritten. You are looking at the starting scenario." }</>
                },
                None => html! {
                    { "It could not be copied aside (storage is full), so nothing will be saved until you download it and dismiss this message." }
                },
            };
            html! {
                <>
                    <p class="banner-title">{ "Your saved scenario could not be opened" }</p>
                    <p>{ format!("Reason: {error}. ") }{ kept }</p>
                    <div class="banner-actions">
                        <a class="btn btn-secondary" href={download_url(raw)} download="delegation-lab-damaged.json">
                            <Icon name="download" /><span>{ "Download the saved text" }</span>
                        </a>
                        <button type="button" class="btn btn-ghost" onclick={dismiss}>{ "Dismiss" }</button>
                    </div>
                </>
            }
        }
        Notice::SaveFailed { error } => html! {
            <>
                <p class="banner-title">{ "Changes are not being saved" }</p>
                <p>{ format!("{error}.") }</p>
                <div class="banner-actions">
                    <button type="button" class="btn btn-ghost" onclick={dismiss}>{ "Dismiss" }</button>
                </div>
            </>
        },
    };
    html! {
        <div class="banner banner-warn" role="alert">
            <Icon name="alert" />
            <div class="banner-body">{ body }</div>
        </div>
    }
}
