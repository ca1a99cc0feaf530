//! Embed mode (`?embed=1&preset=…&panel=…&query=…&autoplay=1&readonly=1&theme=dark`, or a
//! share fragment): one panel and no other chrome, fitting its frame. Its state is
//! `AppState::embedded`, so it never reads or writes localStorage (the host page's storage
//! is not touched either: an iframe of another origin has its own, and this one stays
//! unused). A query and autoplay are asked for through `Action::SetView`; read-only hides
//! the editing controls. "Open in Delegation Lab" carries the scenario to the full app. A
//! share fragment's scenario is unpacked by code loaded on demand (`ui::link_open`): the
//! embed says it is opening the link meanwhile, and offers "Try again" if that code could not
//! be fetched.

use std::rc::Rc;

use yew::prelude::*;

use crate::scenario::interop::{LinkError, Shared, share};
use crate::ui::doc::{Doc, default_doc};
use crate::ui::embed_params::{EmbedPanel, EmbedParams, Theme};
use crate::ui::lazy::{CERTIFICATES, Lazy};
use crate::ui::lazy_fn::spawn;
use crate::ui::link_open::{Incoming, open_link};
use crate::ui::panels::certificates::CertificatesPanelProps;
use crate::ui::panels::diagram::svg::Diagram;
use crate::ui::panels::resolve::ResolveArea;
use crate::ui::panels::zone::panel::ZonePanel;
use crate::ui::platform::browser;
use crate::ui::state::{Action, AppHandle, AppState, Edit};
use crate::ui::view_state::ViewState;

#[derive(Properties, PartialEq)]
pub struct EmbedProps {
    pub params: EmbedParams,
    /// The page's fragment (`#s1.…`), when it holds a share link.
    #[prop_or_default]
    pub fragment: Option<AttrValue>,
}

/// The document and the view an embed starts from: the share link (opened or refused),
/// else the preset, else the default; and a message when the link or preset could not be
/// used.
pub fn embed_start(
    params: &EmbedParams,
    link: Option<Result<Shared, LinkError>>,
) -> (Doc, Option<ViewState>, Option<String>) {
    if let Some(link) = link {
        match link {
            Ok(shared) => return (shared.scenario, shared.focus.map(ViewState::from), None),
            Err(e) => {
                return (
                    default_doc(),
                    None,
                    Some(format!("The link in this embed: {e}.")),
                );
            }
        }
    }
    match params.preset.as_deref() {
        Some(id) => match crate::scenario::presets::build(id) {
            Some(doc) => (doc, None, None),
            None => (
                default_doc(),
                None,
                Some(format!("There is no preset named \u{201c}{id}\u{201d}.")),
            ),
        },
        None => (default_doc(), None, None),
    }
}

/// The embed: its share link opened first, when the page has one.
#[function_component]
pub fn Embed(props: &EmbedProps) -> Html {
    let fragment = props.fragment.clone().filter(|f| f.len() > 1);
    let link = use_state(|| fragment.as_ref().map(|_| Incoming::Opening));
    let attempt = use_state(|| 0u32);
    {
        let link = link.clone();
        use_effect_with(*attempt, move |_| {
            if let Some(text) = fragment {
                link.set(Some(Incoming::Opening));
                spawn(async move { link.set(Some(open_link(&text).await)) });
            }
        });
    }
    let read = match (*link).clone() {
        None => None,
        Some(Incoming::Read(read)) => Some(*read),
        Some(Incoming::Opening) => {
            return html! {
                <div class={classes!("app", "embed", theme_class(&props.params))} id="embed">
                    <p class="lazy-status embed-opening" role="status" aria-busy="true">{ "Opening the shared scenario\u{2026}" }</p>
                </div>
            };
        }
        Some(Incoming::LoadFailed) => {
            let retry = Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1));
            return html! {
                <div class={classes!("app", "embed", theme_class(&props.params))} id="embed">
                    <div class="banner banner-error" role="alert">
                        <p>{ "The shared scenario could not be opened: the code that unpacks it did not load (the network may be down)." }</p>
                        <button type="button" class="btn btn-secondary lazy-retry" onclick={retry}>{ "Try again" }</button>
                    </div>
                </div>
            };
        }
    };
    let start = Rc::new(embed_start(&props.params, read));
    html! { <EmbedApp params={props.params.clone()} {start} /> }
}

#[derive(Properties, PartialEq)]
struct EmbedAppProps {
    params: EmbedParams,
    /// The document, the view and the message it starts from (`embed_start`).
    start: Rc<(Doc, Option<ViewState>, Option<String>)>,
}

/// The embed's panel and bar, once its document is known.
#[function_component]
fn EmbedApp(props: &EmbedAppProps) -> Html {
    let start = props.start.clone();
    let state: AppHandle = {
        let doc = start.0.clone();
        let readonly = props.params.readonly;
        use_reducer(move || AppState {
            readonly,
            ..AppState::embedded(doc)
        })
    };
    {
        // The query, step and autoplay asked for: once, at start.
        let (state, params, view) = (state.clone(), props.params.clone(), start.1.clone());
        use_effect_with((), move |_| {
            let mut view = view.unwrap_or_default();
            if params.query.is_some() {
                view.query = params.query.clone();
            }
            view.autoplay |= params.autoplay;
            if view != ViewState::default() {
                state.dispatch(Action::SetView(view));
            }
            match params.theme {
                Some(Theme::Dark) => browser::set_root_class("theme-dark"),
                Some(Theme::Light) => browser::set_root_class("theme-light"),
                None => {}
            }
            #[cfg(target_arch = "wasm32")]
            let _ = gloo::utils::body().set_attribute("data-app", "ready");
        });
    }
    let lookup_zones = use_state(|| Rc::new(Vec::<String>::new()));
    let on_highlight = {
        let lookup_zones = lookup_zones.clone();
        Callback::from(move |ids: Vec<String>| lookup_zones.set(Rc::new(ids)))
    };
    let highlighted = crate::ui::hooks::use_highlighted(&state, &lookup_zones);
    let on_select = {
        let state = state.clone();
        Callback::from(move |id: String| state.dispatch(Action::Select(id)))
    };
    let readonly = props.params.readonly;
    let on_edit = {
        let state = state.clone();
        Callback::from(move |edit: Edit| {
            if !readonly {
                state.dispatch(Action::Edit(edit))
            }
        })
    };
    // Deflating the whole scenario is not free: only when the document or the view changes.
    let full_app = {
        let (doc, view) = (state.doc.clone(), state.view.clone());
        use_memo((state.revision, state.view_serial), move |_| {
            let page = browser::page_address();
            let base = page.split('?').next().unwrap_or_default().to_string();
            let base = if base.is_empty() {
                "./".to_string()
            } else {
                base
            };
            match share(&doc, view.map(|v| v.link_focus()).as_ref()) {
                Ok(fragment) => format!("{base}{fragment}"),
                Err(_) => base,
            }
        })
    };
    let panel = match props.params.panel {
        EmbedPanel::Diagram => html! {
            <section class="panel panel-diagram" aria-label="Delegation hierarchy">
                <Diagram doc={state.doc.clone()} selected={state.selected.clone().map(AttrValue::from)}
                    show_infrastructure={false} highlighted={highlighted.clone()} on_select={on_select} />
            </section>
        },
        EmbedPanel::Records => html! {
            <section class="panel panel-zone" aria-label="Records">
                if let Some(id) = &state.selected {
                    <ZonePanel doc={state.doc.clone()} zone_id={AttrValue::from(id.clone())} on_edit={on_edit} />
                }
            </section>
        },
        // The trace and the console: one diagram only, the stepping view's map (the zone
        // asked highlighted) beside the step's reason and dig's text, so a step is read whole
        // within the frame (a second, full diagram above pushed them below the fold).
        EmbedPanel::Trace | EmbedPanel::Dig => html! {
            <ResolveArea console_follows_view={props.params.panel == EmbedPanel::Dig} />
        },
        EmbedPanel::Acm => html! {
            <>
                <section class="panel panel-diagram embed-mini" aria-label="Delegation hierarchy">
                    <Diagram doc={state.doc.clone()} selected={state.selected.clone().map(AttrValue::from)}
                        show_infrastructure={false} highlighted={highlighted} on_select={on_select} />
                </section>
                <Lazy<CertificatesPanelProps> module={&CERTIFICATES} props={CertificatesPanelProps { on_highlight }} />
            </>
        },
    };
    let theme = theme_class(&props.params);

    html! {
        <ContextProvider<AppHandle> context={state.clone()}>
            <div class={classes!("app", "embed", readonly.then_some("readonly"), theme)} id="embed"
                data-revision={state.revision.to_string()} data-view-serial={state.view_serial.to_string()}>
                <div class="embed-bar">
                    <span class="embed-title">{ state.doc.title.clone() }</span>
                    <a class="embed-open" href={(*full_app).clone()} target="_blank" rel="noopener">{ "Open in Delegation Lab" }</a>
                </div>
                if let Some(message) = &start.2 {
                    <p class="banner banner-error" role="alert">{ message.clone() }</p>
                }
                <main class={classes!("embed-main", embed_panel_class(props.params.panel))}>{ panel }</main>
            </div>
        </ContextProvider<AppHandle>>
    }
}

/// The embed's theme class, when the URL asks for one.
fn theme_class(params: &EmbedParams) -> Option<&'static str> {
    match params.theme {
        Some(Theme::Dark) => Some("theme-dark"),
        Some(Theme::Light) => Some("theme-light"),
        None => None,
    }
}

/// The class of the embed's main area, by the panel shown (the stylesheet fits each to a
/// small frame).
pub fn embed_panel_class(panel: EmbedPanel) -> &'static str {
    match panel {
        EmbedPanel::Diagram => "embed-diagram",
        EmbedPanel::Records => "embed-records",
        EmbedPanel::Trace => "embed-trace",
        EmbedPanel::Dig => "embed-dig",
        EmbedPanel::Acm => "embed-acm",
    }
}
