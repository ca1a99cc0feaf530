//! The Share dialog's "Embed in a page" part, for docs authors: the options an embed takes
//! (panel, theme, read-only, play the resolution), the `<iframe>` code for this scenario and
//! the resolution shown (both travel in the share link's fragment), a Copy button, and a link
//! that opens the embed as a reader would see it.

use yew::prelude::*;

use crate::ui::platform::events::{checked, value_of};

use crate::ui::embed_params::{EmbedPanel, EmbedParams, Theme, embed_snippet, embed_url};
use crate::ui::platform::browser;

#[derive(Properties, PartialEq)]
pub struct EmbedCodeProps {
    /// The app's address (without the fragment).
    pub page: AttrValue,
    /// The share link's fragment (`#s1.…`): the scenario, the selected zone, the query shown.
    pub fragment: AttrValue,
    pub title: AttrValue,
    /// Whether a resolution is shown (the fragment carries it): the trace panel and playing
    /// it are offered first then.
    pub has_query: bool,
}

#[function_component]
pub fn EmbedCode(props: &EmbedCodeProps) -> Html {
    let has_query = props.has_query;
    let params = use_state(|| EmbedParams {
        panel: if has_query {
            EmbedPanel::Trace
        } else {
            EmbedPanel::Diagram
        },
        autoplay: has_query,
        readonly: true,
        ..EmbedParams::default()
    });
    let status = use_state(String::new);
    // Playing needs a resolution, and a panel that shows one.
    let plays = has_query && matches!(params.panel, EmbedPanel::Trace | EmbedPanel::Dig);
    let effective = EmbedParams {
        autoplay: params.autoplay && plays,
        ..(*params).clone()
    };
    let url = embed_url(&props.page, &effective, &props.fragment);
    let code = embed_snippet(&url, &props.title, params.panel);

    let update = |f: fn(&mut EmbedParams, &Event)| {
        let params = params.clone();
        Callback::from(move |e: Event| {
            let mut next = (*params).clone();
            f(&mut next, &e);
            params.set(next);
        })
    };
    let on_panel = update(|p, e| {
        if let Some(panel) = EmbedPanel::from_id(&value_of(e)) {
            p.panel = panel;
        }
    });
    let on_theme = update(|p, e| {
        p.theme = match value_of(e).as_str() {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    });
    let on_readonly = update(|p, e| p.readonly = checked(e));
    let on_autoplay = update(|p, e| p.autoplay = checked(e));
    let on_copy = {
        let (code, status) = (code.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            browser::copy(&code, move |ok| {
                status.set(if ok {
                    "Embed code copied.".into()
                } else {
                    "Select the code and copy it (the browser did not allow copying).".into()
                })
            });
        })
    };
    let theme_id = match params.theme {
        Some(Theme::Light) => "light",
        Some(Theme::Dark) => "dark",
        None => "",
    };

    html! {
        <section class="embed-code" aria-labelledby="embed-code-title">
            <h3 id="embed-code-title">{ "Embed in a page" }</h3>
            <p class="hint">{ "One panel of this scenario in an iframe, for docs: readers can click and step through it, and it never reads or writes their browser's storage." }</p>
            <div class="field-row">
                <div class="field">
                    <label for="embed-panel">{ "Panel" }</label>
                    <select id="embed-panel" onchange={on_panel}>
                        { for EmbedPanel::ALL.iter().map(|p| html! {
                            <option value={p.id()} selected={*p == params.panel}>{ p.label() }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="embed-theme">{ "Theme" }</label>
                    <select id="embed-theme" onchange={on_theme}>
                        <option value="" selected={theme_id.is_empty()}>{ "The reader's preference" }</option>
                        <option value="light" selected={theme_id == "light"}>{ "Light" }</option>
                        <option value="dark" selected={theme_id == "dark"}>{ "Dark" }</option>
                    </select>
                </div>
            </div>
            <div class="embed-toggles">
                <label class="toggle">
                    <input type="checkbox" id="embed-readonly" checked={params.readonly} onchange={on_readonly} />
                    <span>{ "Read-only (no editing controls)" }</span>
                </label>
                <label class="toggle">
                    <input type="checkbox" id="embed-autoplay" checked={effective.autoplay}
                        disabled={!plays} onchange={on_autoplay} />
                    <span>{ if has_query {
                        "Play the resolution when it opens"
                    } else {
                        "Play the resolution when it opens (run one in the Resolve panel first)"
                    } }</span>
                </label>
            </div>
            <div class="field">
                <label for="embed-code">{ "Embed code" }</label>
                <textarea id="embed-code" class="export-preview" readonly=true rows="4" value={code} />
            </div>
            <div class="embed-actions">
                <button type="button" class="btn btn-secondary" id="embed-copy" onclick={on_copy}>{ "Copy embed code" }</button>
                <a class="btn btn-ghost" id="embed-preview" href={url} target="_blank" rel="noopener">{ "Open the embed in a new tab" }</a>
                <span class="hint" id="embed-status" role="status">{ (*status).clone() }</span>
            </div>
        </section>
    }
}
