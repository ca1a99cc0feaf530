//! The web app: a Yew front end over the engine. This is the only module that imports yew,
//! web-sys or gloo; it compiles natively too, so its views render in SSR tests, and the
//! browser-only parts (mounting, storage, focus, key shortcuts) are `cfg(target_arch = "wasm32")`.
//!
//! # Layout
//!
//! - [`doc`]: the document the app edits: the engine's `Scenario`, and the default one.
//! - [`state`]: `AppState` (the document, its history, the selection, the resolution asked,
//!   the open dialog, the challenge, the walkthrough), `Action` and the reducer (edits are the
//!   engine's `scenario::edit::Edit`); `AppHandle` shared by context.
//! - [`hooks`]: `use_app()`, the state and its intention-named changes for components; the
//!   app container's effects (save, shortcuts, an incoming link, highlights, settled).
//! - [`history`]: undo and redo stacks of document snapshots.
//! - [`platform`]: the browser as a platform: the document in localStorage (damaged saves
//!   kept aside), the undo stacks and the view in sessionStorage across a reload, and
//!   downloads, clipboard, location and focus (no-ops natively).
//! - [`save_text`]: the saved text made again only where the document changed.
//! - [`other_tabs`]: another tab saved a different scenario: say so rather than overwrite it.
//! - [`view_state`]: what the app shows with the document (selected zone, query, step);
//!   to and from a share link's `LinkFocus`.
//! - [`lazy`]: the panels and dialogs loaded on demand (code splitting); [`lazy_fn`]: engine
//!   functions loaded on demand (the walkthrough's diagnosis, a share link's inflate);
//!   [`link_open`]: a share link opened with its inflate code fetched on demand.
//! - Pure models shared by several views: [`resolve`] (asking a question, step badges, the
//!   clock), [`sequence`] (a resolution as lifelines).
//! - [`embed_params`]: the embed mode's parameters, address and `<iframe>` code (pure);
//!   [`numbers`]: counts with thousands separators.
//! - [`panels`]: feature folders, each a panel's pure model beside its components:
//!   [`panels::accounts`], [`panels::certificates`], [`panels::challenges`],
//!   [`panels::diagram`] (the diagram, its layout, zoom and pan), [`panels::interop`]
//!   (import, export, share), [`panels::resolve`], [`panels::zone`] (the zone head, the
//!   record table and the record dialog).
//! - [`walkthrough`]: the article's steps as a checklist that ticks itself from the app
//!   state's changes.
//! - [`views`]: the app container and the page's parts (header, notices, banners, jump
//!   links), the embed, and components several panels share (icons, modal dialogs, step
//!   lists and controls, the sequence view, account badges).

pub mod doc;
pub mod embed_params;
pub mod history;
pub mod hooks;
pub mod lazy;
pub mod lazy_fn;
pub mod link_open;
pub mod numbers;
pub mod other_tabs;
pub mod panels;
pub mod platform;
pub mod resolve;
pub mod save_text;
pub mod sequence;
pub mod state;
pub mod view_state;
pub mod views;
pub mod walkthrough;

pub use doc::Doc;
pub use state::{Action, AppHandle, AppState};
pub use views::app::App;

/// The id of the element the app mounts into (in `index.html`).
pub const ROOT_ID: &str = "app";

/// Mounts the app into `#app` (the wasm32 entry point calls this). The performance marks
/// `app-start` (here) and `app-rendered` (after the first render) time the start-up.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark("app-start");
    }
    let root = gloo::utils::document()
        .get_element_by_id(ROOT_ID)
        .unwrap_or_else(|| gloo::utils::body().into());
    yew::Renderer::<views::root::Root>::with_root(root).render();
}
