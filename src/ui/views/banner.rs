//! The banner under the top bar: storage problems (a damaged save kept aside, a failed
//! write, another tab's save) and edits that could not be applied. Each says what happened
//! and what to do.

use yew::prelude::*;

use super::icon::Icon;
use crate::ui::platform::storage::{Notice, decode, download_url};

#[derive(Properties, PartialEq)]
pub struct BannerProps {
    pub notice: Notice,
    pub on_dismiss: Callback<()>,
    /// Another tab's save: load its version (one undo step).
    #[prop_or_default]
    pub on_load_other: Callback<()>,
    /// Another tab's save: keep this tab's version (saved again).
    #[prop_or_default]
    pub on_keep: Callback<()>,
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
        Notice::ChangedElsewhere { raw } => {
            let load = props.on_load_other.reform(|_: MouseEvent| ());
            let keep = props.on_keep.reform(|_: MouseEvent| ());
            let (what, readable) = match decode(raw) {
                Ok(doc) => (
                    format!(
                        "It saved \u{201c}{}\u{201d} ({} hosted zones), which differs from what this tab shows. ",
                        doc.title,
                        doc.aws.hosted_zones.len()
                    ),
                    true,
                ),
                Err(_) => ("What it saved cannot be read here. ".to_string(), false),
            };
            html! {
                <>
                    <p class="banner-title">{ "Another tab changed the saved scenario" }</p>
                    <p>{ what }{ "Nothing is saved from this tab until you choose: whichever you do not keep stays one undo step away." }</p>
                    <div class="banner-actions">
                        if readable {
                            <button type="button" class="btn btn-secondary" id="other-tab-load" onclick={load}>
                                { "Load the other tab's version" }
                            </button>
                        }
                        <button type="button" class="btn btn-ghost" id="other-tab-keep" onclick={keep}>
                            { "Keep this tab's version" }
                        </button>
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
