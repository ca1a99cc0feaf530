//! [`Notices`]: what the app has to say above the workspace: a share link in the address
//! (open it or not), the storage notice (a damaged save kept aside, another tab's save, a
//! failed write) and an edit that could not be applied.

use yew::prelude::*;

use super::banner::Banner;
use super::icon::Icon;
use super::shared_link_banner::SharedLinkBanner;
use crate::ui::hooks::{use_app, use_incoming_link};
use crate::ui::link_open::Incoming;
use crate::ui::platform::storage::Notice;

#[function_component]
pub fn Notices() -> Html {
    let state = use_app();
    let on_dismiss_notice = {
        let state = state.clone();
        Callback::from(move |_| state.notice(None))
    };
    let on_dismiss_error = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dismiss_error())
    };
    let on_load_other = {
        let state = state.clone();
        Callback::from(move |_| {
            if let Some(Notice::ChangedElsewhere { raw }) = &state.notice
                && let Ok(doc) = crate::ui::platform::storage::decode(raw)
            {
                state.notice(None);
                state.replace("load the scenario another tab saved", doc);
            }
        })
    };
    let on_keep = {
        let state = state.clone();
        Callback::from(move |_| {
            state.notice(None);
            // This tab's version becomes the saved one again.
            #[cfg(target_arch = "wasm32")]
            if let Err(error) = crate::ui::platform::storage::save(
                &mut crate::ui::platform::storage::BrowserStore,
                &state.doc,
            ) {
                state.notice(Some(Notice::SaveFailed {
                    error: error.to_string(),
                }));
            }
        })
    };
    let incoming = use_incoming_link();
    let on_open_link = {
        let (state, incoming) = (state.clone(), incoming.clone());
        Callback::from(move |_: ()| {
            if let Some(Incoming::Read(read)) = incoming.get().as_deref()
                && let Ok(shared) = read.as_ref()
            {
                state.replace(
                    format!("open shared scenario {}", shared.scenario.title),
                    shared.scenario.clone(),
                );
                if let Some(focus) = &shared.focus {
                    state.set_view(focus.clone().into());
                }
            }
            incoming.dismiss();
        })
    };
    let on_ignore_link = {
        let incoming = incoming.clone();
        Callback::from(move |_: ()| incoming.dismiss())
    };
    let on_retry_link = {
        let incoming = incoming.clone();
        Callback::from(move |_: ()| incoming.retry())
    };
    html! {
        <>
        if let Some(link) = incoming.get() {
            <SharedLinkBanner {link} on_open={on_open_link} on_dismiss={on_ignore_link} on_retry={on_retry_link} />
        }
        if let Some(notice) = &state.notice {
            <Banner notice={notice.clone()} on_dismiss={on_dismiss_notice}
                on_load_other={on_load_other} on_keep={on_keep} />
        }
        if let Some(error) = &state.error {
            <div class="banner banner-error" role="alert">
                <Icon name="alert" />
                <div class="banner-body"><p>{ error.clone() }</p></div>
                <button type="button" class="btn btn-ghost" onclick={on_dismiss_error}>{ "Dismiss" }</button>
            </div>
        }
        </>
    }
}
