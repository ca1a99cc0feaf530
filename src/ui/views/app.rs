//! The app container: owns the reducer and shares its handle by context, runs the app's
//! effects (save, other tabs, shortcuts, the walkthrough's save: `ui::hooks`), and lays out
//! the page: the header (`AppHeader`: scenario controls, undo and redo), the notices, the
//! workspace (walkthrough, challenge, diagram, records, resolve, then the panels loaded on
//! demand once the first screen is up) and the open dialog (`OpenDialog`). The diagram's
//! marks come from the resolve step or the certificates panel's lookup (highlighted) and
//! from the diagnosis (flagged), reported here by callbacks.

use std::rc::Rc;

use yew::prelude::*;

use super::diagnostics_panel::DiagnosticsPanelProps;
use super::header::Header;
use super::jump_nav::JumpNav;
use super::notices::Notices;
use super::preset_picker::PresetPicker;
pub use crate::ui::doc::default_doc;
use crate::ui::hooks::{
    use_app, use_highlighted, use_rendered_mark, use_save, use_settled, use_shortcuts,
};
use crate::ui::lazy::{ACCOUNTS, CERTIFICATES, DIAGNOSTICS, EXPORT, IMPORT, Lazy, SHARE};
use crate::ui::panels::certificates::CertificatesPanelProps;
use crate::ui::panels::challenges::{ChallengeCard, ChallengePicker};
use crate::ui::panels::diagram::panel::DiagramPanel;
use crate::ui::panels::interop::export_dialog::ExportDialogProps;
use crate::ui::panels::interop::import_dialog::ImportDialogProps;
use crate::ui::panels::interop::share_dialog::ShareDialogProps;
use crate::ui::panels::resolve::ResolveArea;
use crate::ui::panels::zone::panel::ZonePanel;
use crate::ui::state::{Action, AppHandle, AppState, Dialog, Edit};
use crate::ui::walkthrough::view::{WalkthroughButton, WalkthroughCard, use_save_walkthrough};

/// The state at start: in the browser, what localStorage holds (a damaged save is kept
/// aside and reported); natively (SSR), the default document.
pub fn initial_state() -> AppState {
    #[cfg(target_arch = "wasm32")]
    {
        use crate::ui::platform::storage::{BrowserStore, DOC_KEY, SessionStore, Store, restore};
        let restored = restore(&mut BrowserStore);
        // The undo stacks this tab had before a reload, if they lead to the document restored.
        let history = match (&restored.doc, BrowserStore.get(DOC_KEY)) {
            (Some(_), Some(text)) => crate::ui::platform::undo_store::restore(&SessionStore, &text),
            _ => Default::default(),
        };
        let state = AppState {
            history,
            // Before the view is restored, so the resolution it asks again counts.
            walkthrough: crate::ui::walkthrough::store::load(&BrowserStore).unwrap_or_default(),
            ..AppState::new(restored.doc.unwrap_or_else(default_doc), restored.notice)
        };
        // Where this tab was before a reload: the zone, and the resolution shown, asked again
        // at its step.
        match crate::ui::platform::view_store::restore(&SessionStore, &state.doc) {
            Some(view) => {
                use yew::Reducible;
                let state = std::rc::Rc::new(state).reduce(Action::SetView(view));
                std::rc::Rc::try_unwrap(state).unwrap_or_else(|shared| (*shared).clone())
            }
            None => state,
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        AppState::new(default_doc(), None)
    }
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// A state to start from instead of the saved one (tests).
    #[prop_or_default]
    pub initial: Option<AppState>,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let state: AppHandle = {
        let initial = props.initial.clone();
        use_reducer(move || initial.unwrap_or_else(initial_state))
    };
    use_save(&state);
    crate::ui::other_tabs::use_other_tabs(&state);
    use_shortcuts(&state);
    use_rendered_mark();
    use_save_walkthrough(&state.walkthrough);
    let settled = use_settled();
    // The zones marked in the diagram: those the certificates panel's lookup step asked,
    // else those of the resolve panel's step shown.
    let lookup_zones = use_state(|| Rc::new(Vec::<String>::new()));
    let on_highlight = {
        let lookup_zones = lookup_zones.clone();
        Callback::from(move |ids: Vec<String>| lookup_zones.set(Rc::new(ids)))
    };
    let highlighted = use_highlighted(&state, &lookup_zones);
    // The zones the diagnostics flag, marked in the diagram.
    let flagged = use_state(|| Rc::new(Vec::<String>::new()));
    let on_flagged = {
        let flagged = flagged.clone();
        Callback::from(move |ids: Vec<String>| flagged.set(Rc::new(ids)))
    };
    let on_edit = {
        let state = state.clone();
        Callback::from(move |edit: Edit| state.dispatch(Action::Edit(edit)))
    };

    html! {
        <ContextProvider<AppHandle> context={state.clone()}>
            <div class="app" data-revision={state.revision.to_string()}>
                <a class="skip-link" href="#zone-panel">{ "Skip to the records" }</a>
                <AppHeader />
                <Notices />
                <JumpNav />
                <main class="workspace">
                    <WalkthroughCard />
                    <ChallengeCard />
                    <DiagramPanel highlighted={highlighted} flagged={(*flagged).clone()} />
                    <section class="panel panel-zone" id="zone-panel" aria-labelledby="zone-heading" tabindex="-1">
                        if let Some(id) = &state.selected {
                            <ZonePanel doc={state.doc.clone()} zone_id={AttrValue::from(id.clone())} on_edit={on_edit} />
                        } else {
                            <p class="empty" id="zone-heading">{ "No zone yet." }</p>
                        }
                    </section>
                    <ResolveArea />
                    // Below the fold: rendered a moment after the first paint (see use_settled).
                    if settled {
                        <Lazy<()> module={&ACCOUNTS} props={()} />
                        <Lazy<CertificatesPanelProps> module={&CERTIFICATES} props={CertificatesPanelProps { on_highlight }} />
                        <Lazy<DiagnosticsPanelProps> module={&DIAGNOSTICS} props={DiagnosticsPanelProps { on_flagged }} />
                    }
                </main>
                <OpenDialog />
                <p class="sr-only" aria-live="polite">{
                    state.history.undo_label().map(|l| format!("Done: {l}")).unwrap_or_default()
                }</p>
            </div>
        </ContextProvider<AppHandle>>
    }
}

/// The header: the title, the scenario controls (presets, challenges, import, export,
/// share, the walkthrough), undo and redo.
#[function_component]
fn AppHeader() -> Html {
    let app = use_app();
    let open = |which: Dialog| {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dialog(Some(which)))
    };
    let (undo, redo) = (app.clone(), app.clone());
    html! {
        <Header undo={app.history.undo_label().map(|l| AttrValue::from(l.to_string()))}
            redo={app.history.redo_label().map(|l| AttrValue::from(l.to_string()))}
            on_undo={Callback::from(move |_| undo.undo())} on_redo={Callback::from(move |_| redo.redo())}>
            <PresetPicker />
            <ChallengePicker />
            <div class="interop-buttons" role="group" aria-label="Files and links">
                <button type="button" class="btn btn-secondary" id="open-import" onclick={open(Dialog::Import)}>{ "Import" }</button>
                <button type="button" class="btn btn-secondary" id="open-export" onclick={open(Dialog::Export)}>{ "Export" }</button>
                <button type="button" class="btn btn-secondary" id="open-share" onclick={open(Dialog::Share)}>{ "Share" }</button>
            </div>
            <WalkthroughButton />
        </Header>
    }
}

/// The dialog open over the app (import, export, share), each loaded on demand.
#[function_component]
fn OpenDialog() -> Html {
    let app = use_app();
    let on_close = {
        let app = app.clone();
        Callback::from(move |_: ()| app.dialog(None))
    };
    match app.dialog {
        Some(Dialog::Import) => {
            html! { <Lazy<ImportDialogProps> module={&IMPORT} props={ImportDialogProps { on_close }} /> }
        }
        Some(Dialog::Export) => {
            html! { <Lazy<ExportDialogProps> module={&EXPORT} props={ExportDialogProps { on_close }} /> }
        }
        Some(Dialog::Share) => {
            html! { <Lazy<ShareDialogProps> module={&SHARE} props={ShareDialogProps { on_close }} /> }
        }
        None => html! {},
    }
}
