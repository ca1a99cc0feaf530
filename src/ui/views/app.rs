//! The app container: owns the reducer, shares its handle by context, saves the document in
//! an effect whenever it changes, wires keyboard shortcuts, and lays out the panels.
//!
//! Where the rest plugs in: the scenario controls (preset picker, import/export) go in the
//! `Header`'s children; the resolve panel, dig console and clock go in `workspace` after the
//! zone panel, reading the same `AppHandle` context and drawing highlights on the diagram
//! through `Diagram` props.

use yew::prelude::*;

use super::banner::Banner;
use super::diagnostics_panel::DiagnosticsPanelProps;
use super::diagram::Diagram;
use super::export_dialog::ExportDialogProps;
use super::header::Header;
use super::icon::Icon;
use super::import_dialog::ImportDialogProps;
use super::jump_nav::JumpNav;
use super::preset_picker::PresetPicker;
use super::share_dialog::ShareDialogProps;
use super::shared_link_banner::SharedLinkBanner;
use super::zone_panel::ZonePanel;
pub use crate::ui::doc::default_doc;
use crate::ui::lazy::{ACCOUNTS, CERTIFICATES, DIAGNOSTICS, EXPORT, IMPORT, Lazy, SHARE};
use crate::ui::panels::certificates::CertificatesPanelProps;
use crate::ui::panels::challenges::{ChallengeCard, ChallengePicker};
use crate::ui::panels::resolve::ResolveArea;
use crate::ui::platform::storage::Notice;
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

    let dispatch = |action: fn() -> Action| {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(action()))
    };
    let on_select = {
        let state = state.clone();
        Callback::from(move |id: String| state.dispatch(Action::Select(id)))
    };
    let on_edit = {
        let state = state.clone();
        Callback::from(move |edit: Edit| state.dispatch(Action::Edit(edit)))
    };
    let on_dismiss_notice = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Notice(None)))
    };
    let on_dismiss_error = dispatch(|| Action::DismissError).reform(|_: MouseEvent| ());
    let on_load_other = {
        let state = state.clone();
        Callback::from(move |_| {
            if let Some(Notice::ChangedElsewhere { raw }) = &state.notice
                && let Ok(doc) = crate::ui::platform::storage::decode(raw)
            {
                state.dispatch(Action::Notice(None));
                state.dispatch(Action::Replace {
                    label: "load the scenario another tab saved".into(),
                    doc,
                });
            }
        })
    };
    let on_keep = {
        let state = state.clone();
        Callback::from(move |_| {
            state.dispatch(Action::Notice(None));
            // This tab's version becomes the saved one again.
            #[cfg(target_arch = "wasm32")]
            if let Err(error) = crate::ui::platform::storage::save(
                &mut crate::ui::platform::storage::BrowserStore,
                &state.doc,
            ) {
                state.dispatch(Action::Notice(Some(Notice::SaveFailed { error })));
            }
        })
    };
    let show_infrastructure = use_state(|| false);
    let settled = use_settled();
    // The zones marked in the diagram: those the certificates panel's lookup step asked,
    // else those of the resolve panel's step shown.
    let lookup_zones = use_state(|| std::rc::Rc::new(Vec::<String>::new()));
    let on_highlight = {
        let lookup_zones = lookup_zones.clone();
        Callback::from(move |ids: Vec<String>| lookup_zones.set(std::rc::Rc::new(ids)))
    };
    let highlighted = use_highlighted(&state, &lookup_zones);
    // The zones the diagnostics flag, marked in the diagram; the running challenge, if any.
    let flagged = use_state(|| std::rc::Rc::new(Vec::<String>::new()));
    let on_flagged = {
        let flagged = flagged.clone();
        Callback::from(move |ids: Vec<String>| flagged.set(std::rc::Rc::new(ids)))
    };
    use_save_walkthrough(&state.walkthrough);
    // The import / export / share dialog open, if any.
    let open = |which: Dialog| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Dialog(Some(which))))
    };
    let close_dialog = {
        let state = state.clone();
        Callback::from(move |_: ()| state.dispatch(Action::Dialog(None)))
    };
    let incoming = use_incoming_link();
    let on_open_link = {
        let (state, incoming) = (state.clone(), incoming.clone());
        Callback::from(move |_: ()| {
            if let Some(Ok(shared)) = incoming.as_deref() {
                state.dispatch(Action::Replace {
                    label: format!("open shared scenario {}", shared.scenario.title),
                    doc: shared.scenario.clone(),
                });
                if let Some(focus) = &shared.focus {
                    state.dispatch(Action::SetView(focus.clone().into()));
                }
            }
            incoming.set(None);
        })
    };
    let on_ignore_link = {
        let incoming = incoming.clone();
        Callback::from(move |_: ()| incoming.set(None))
    };
    let on_toggle_infrastructure = {
        let show = show_infrastructure.clone();
        Callback::from(move |_: Event| show.set(!*show))
    };

    html! {
        <ContextProvider<AppHandle> context={state.clone()}>
            <div class="app" data-revision={state.revision.to_string()}>
                <a class="skip-link" href="#zone-panel">{ "Skip to the records" }</a>
                <Header undo={state.history.undo_label().map(|l| AttrValue::from(l.to_string()))}
                    redo={state.history.redo_label().map(|l| AttrValue::from(l.to_string()))}
                    on_undo={dispatch(|| Action::Undo)} on_redo={dispatch(|| Action::Redo)}>
                    <PresetPicker />
                    <ChallengePicker />
                    <div class="interop-buttons" role="group" aria-label="Files and links">
                        <button type="button" class="btn btn-secondary" id="open-import" onclick={open(Dialog::Import)}>{ "Import" }</button>
                        <button type="button" class="btn btn-secondary" id="open-export" onclick={open(Dialog::Export)}>{ "Export" }</button>
                        <button type="button" class="btn btn-secondary" id="open-share" onclick={open(Dialog::Share)}>{ "Share" }</button>
                    </div>
                    <WalkthroughButton />
                </Header>
                if let Some(link) = &*incoming {
                    <SharedLinkBanner link={link.clone()} on_open={on_open_link} on_dismiss={on_ignore_link} />
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
                <JumpNav />
                <main class="workspace">
                    <WalkthroughCard />
                    <ChallengeCard />
                    <section class="panel panel-diagram" id="diagram-panel" aria-labelledby="diagram-heading" tabindex="-1">
                        <div class="panel-bar">
                            <h2 id="diagram-heading" elementtiming="first-screen">{ "Delegation hierarchy" }</h2>
                            <label class="toggle">
                                <input type="checkbox" id="show-infrastructure" checked={*show_infrastructure}
                                    onchange={on_toggle_infrastructure} />
                                <span>{ "Show name-server zones" }</span>
                            </label>
                        </div>
                        <Diagram doc={state.doc.clone()} selected={state.selected.clone().map(AttrValue::from)}
                            show_infrastructure={*show_infrastructure} highlighted={highlighted}
                            flagged={(*flagged).clone()}
                            on_select={on_select} />
                    </section>
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
                { match state.dialog {
                    Some(Dialog::Import) => html! { <Lazy<ImportDialogProps> module={&IMPORT} props={ImportDialogProps { on_close: close_dialog.clone() }} /> },
                    Some(Dialog::Export) => html! { <Lazy<ExportDialogProps> module={&EXPORT} props={ExportDialogProps { on_close: close_dialog.clone() }} /> },
                    Some(Dialog::Share) => html! { <Lazy<ShareDialogProps> module={&SHARE} props={ShareDialogProps { on_close: close_dialog.clone() }} /> },
                    None => html! {},
                } }
                <p class="sr-only" aria-live="polite">{
                    state.history.undo_label().map(|l| format!("Done: {l}")).unwrap_or_default()
                }</p>
            </div>
        </ContextProvider<AppHandle>>
    }
}

/// The zones the diagram marks: the certificates panel's lookup step's when it shows one,
/// else those the resolve panel's step shown asked (computed once per step).
#[hook]
pub fn use_highlighted(
    state: &AppHandle,
    lookup_zones: &std::rc::Rc<Vec<String>>,
) -> std::rc::Rc<Vec<String>> {
    let asked = state.asked.clone();
    let doc = state.doc.clone();
    let key = (asked.as_ref().map(|a| (a.serial, a.step)), state.revision);
    let from_steps = use_memo(key, move |_| {
        asked
            .map(|a| a.step_zone_ids(&doc.world))
            .unwrap_or_default()
    });
    if lookup_zones.is_empty() {
        from_steps
    } else {
        lookup_zones.clone()
    }
}

/// How long the document waits after a change before it is written: a burst of edits is
/// written once, and the edit itself never waits for the write.
pub const SAVE_DELAY_MS: u32 = 300;
/// The longest slice of a save's preparation on the page's thread, in milliseconds.
const SAVE_SLICE_MS: f64 = 8.0;

/// What a save in waiting needs: the document not yet written, the texts kept between saves
/// (`save_text`), the state as last rendered, and the timer.
#[derive(Clone)]
struct Saver {
    pending: std::rc::Rc<std::cell::RefCell<Option<std::rc::Rc<crate::ui::doc::Doc>>>>,
    text: std::rc::Rc<std::cell::RefCell<crate::ui::save_text::SaveText>>,
    latest: std::rc::Rc<std::cell::RefCell<AppHandle>>,
    timer: std::rc::Rc<std::cell::RefCell<Option<gloo::timers::callback::Timeout>>>,
}

impl Saver {
    /// Not over a damaged save that could not be copied aside, nor over another tab's save
    /// before the user chose between the two.
    fn blocked(state: &AppState) -> bool {
        matches!(
            state.notice,
            Some(Notice::Damaged { kept_key: None, .. } | Notice::ChangedElsewhere { .. })
        )
    }

    /// Writes the document in waiting now, if any (the page going away, or its turn come).
    fn flush(&self) {
        drop(self.timer.borrow_mut().take());
        let Some(doc) = self.pending.borrow_mut().take() else {
            return;
        };
        let state = self.latest.borrow().clone();
        if Self::blocked(&state) {
            return;
        }
        let text = self.text.borrow_mut().encode(&doc);
        #[cfg(target_arch = "wasm32")]
        match crate::ui::platform::storage::write(
            &mut crate::ui::platform::storage::BrowserStore,
            &text,
        ) {
            Ok(()) => {
                if matches!(state.notice, Some(Notice::SaveFailed { .. })) {
                    state.dispatch(Action::Notice(None));
                }
            }
            Err(error) => state.dispatch(Action::Notice(Some(Notice::SaveFailed { error }))),
        }
        #[cfg(not(target_arch = "wasm32"))]
        drop((text, state));
    }

    /// Waits [`SAVE_DELAY_MS`] (again, if a save was waiting), then prepares the text in
    /// slices and writes it.
    fn schedule(&self, delay: u32) {
        let saver = self.clone();
        let timeout = gloo::timers::callback::Timeout::new(delay, move || saver.step());
        *self.timer.borrow_mut() = Some(timeout);
    }

    fn step(&self) {
        let Some(doc) = self.pending.borrow().clone() else {
            return;
        };
        let now = || {
            web_sys::window()
                .and_then(|w| w.performance())
                .map_or(0.0, |p| p.now())
        };
        let start = now();
        let ready = self
            .text
            .borrow_mut()
            .prepare(&doc, || now() - start < SAVE_SLICE_MS);
        if ready {
            self.flush();
        } else {
            self.schedule(0);
        }
    }
}

/// Saves the document after it changes (never at start: nothing changed yet), a moment
/// later ([`SAVE_DELAY_MS`]) and in slices, so an edit never waits for the write; only what
/// changed is serialised again (`save_text`). If the page goes away or is hidden first
/// (`pagehide`, `visibilitychange`), the document waiting is written then, so a reload keeps
/// the user's work. While a damaged save could not be copied aside, nothing is written over it.
#[hook]
fn use_save(state: &AppHandle) {
    // Queued once per revision: a render that changed nothing else does not queue it again.
    let queued = use_mut_ref(|| 0u64);
    let saver = {
        let pending = use_mut_ref(|| None::<std::rc::Rc<crate::ui::doc::Doc>>);
        let text = use_mut_ref(crate::ui::save_text::SaveText::default);
        // The state as last rendered, for the write and for the undo stacks written when the
        // page goes away.
        let latest = use_mut_ref(|| state.clone());
        let timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
        Saver {
            pending,
            text,
            latest,
            timer,
        }
    };
    *saver.latest.borrow_mut() = state.clone();
    if state.revision > *queued.borrow() && !Saver::blocked(state) && state.persist {
        *saver.pending.borrow_mut() = Some(state.doc.clone());
        *queued.borrow_mut() = state.revision;
    }
    {
        let saver = saver.clone();
        use_effect_with((), move |_| {
            #[cfg(target_arch = "wasm32")]
            let listeners = {
                let on_hide = saver.clone();
                let pagehide = gloo::events::EventListener::new(
                    &gloo::utils::window(),
                    "pagehide",
                    move |_| {
                        on_hide.flush();
                        // So a reload of this tab can still undo (ui::platform::undo_store).
                        let state = on_hide.latest.borrow();
                        if state.persist && !state.readonly {
                            let _ = crate::ui::platform::undo_store::save(
                                &mut crate::ui::platform::storage::SessionStore,
                                &state.history,
                                &state.doc,
                            );
                            // And where it was (ui::platform::view_store).
                            let asked = state.asked.as_ref();
                            let view = crate::ui::interop::view_state(
                                state.selected.as_deref(),
                                asked.map(|a| a.query_line()).as_deref(),
                                asked.map(|a| a.step),
                            );
                            let _ = crate::ui::platform::view_store::save(
                                &mut crate::ui::platform::storage::SessionStore,
                                &view,
                            );
                        }
                    },
                );
                // A hidden page may be discarded without a `pagehide` (a phone's tab switcher).
                let on_hidden = saver.clone();
                let hidden = gloo::events::EventListener::new(
                    &gloo::utils::document(),
                    "visibilitychange",
                    move |_| {
                        if gloo::utils::document().hidden() {
                            on_hidden.flush();
                        }
                    },
                );
                (pagehide, hidden)
            };
            #[cfg(not(target_arch = "wasm32"))]
            drop(saver);
            move || {
                #[cfg(target_arch = "wasm32")]
                drop(listeners);
            }
        });
    }
    use_effect_with(state.revision, move |_| {
        if saver.pending.borrow().is_some() {
            saver.schedule(SAVE_DELAY_MS);
        }
    });
}

/// The share link in the page's fragment (`#s1.…`), opened or refused: at start, and when a
/// link is pasted into the address bar of the open app (`hashchange`). The fragment is then
/// removed from the address (`history.replaceState`) so a reload does not ask again.
#[hook]
fn use_incoming_link() -> UseStateHandle<
    Option<
        std::rc::Rc<Result<crate::scenario::interop::Shared, crate::scenario::interop::LinkError>>,
    >,
> {
    fn read() -> Option<
        std::rc::Rc<Result<crate::scenario::interop::Shared, crate::scenario::interop::LinkError>>,
    > {
        crate::ui::platform::browser::hash()
            .filter(|h| h.starts_with("#s") && h.contains('.'))
            .map(|h| std::rc::Rc::new(crate::scenario::interop::open_link(&h)))
    }
    let incoming = use_state(read);
    let had_link = incoming.is_some();
    {
        let incoming = incoming.clone();
        use_effect_with((), move |_| {
            if had_link {
                crate::ui::platform::browser::clear_hash();
            }
            #[cfg(target_arch = "wasm32")]
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    if let Some(link) = read() {
                        incoming.set(Some(link));
                        crate::ui::platform::browser::clear_hash();
                    }
                });
            #[cfg(not(target_arch = "wasm32"))]
            drop(incoming);
            move || {
                #[cfg(target_arch = "wasm32")]
                drop(listener);
            }
        });
    }
    incoming
}

/// Ctrl+Z / Cmd+Z undoes, Ctrl+Shift+Z or Ctrl+Y redoes, except while typing in a field or
/// while a dialog is open (the browser's own text undo applies there).
#[hook]
fn use_shortcuts(state: &AppHandle) {
    let state = state.clone();
    use_effect_with((), move |_| {
        #[cfg(target_arch = "wasm32")]
        let listener = {
            use gloo::events::{EventListener, EventListenerOptions};
            use wasm_bindgen::JsCast;
            // Not passive: the handler prevents the browser's own Ctrl+Z/Ctrl+Y.
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                options,
                move |event| {
                    let Some(e) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
                        return;
                    }
                    let typing = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .is_some_and(|el| {
                            el.closest("input, textarea, select, dialog")
                                .ok()
                                .flatten()
                                .is_some()
                        });
                    if typing {
                        return;
                    }
                    let key = e.key().to_ascii_lowercase();
                    let action = match (key.as_str(), e.shift_key()) {
                        ("z", false) => Action::Undo,
                        ("z", true) | ("y", false) => Action::Redo,
                        _ => return,
                    };
                    e.prevent_default();
                    state.dispatch(action);
                },
            )
        };
        #[cfg(not(target_arch = "wasm32"))]
        drop(state);
        move || {
            #[cfg(target_arch = "wasm32")]
            drop(listener);
        }
    });
}

/// False during the app's first render in the browser, true from the next one on. The panels
/// below the fold (accounts, certificates, diagnostics) render a moment after the hierarchy, the
/// records and the resolve panel, so they do not hold up the first paint. Natively (SSR,
/// tests) everything renders at once. The render that adds them marks `app-settled`
/// (`performance.mark`), which `scripts/bench-web.mjs` times as interactive.
#[hook]
fn use_settled() -> bool {
    let settled = use_state(|| cfg!(not(target_arch = "wasm32")));
    {
        let settled = settled.clone();
        use_effect_with((), move |_| settled.set(true));
    }
    // The benchmark's "interactive": the render with the deferred panels done.
    use_effect_with(*settled, |settled| {
        #[cfg(target_arch = "wasm32")]
        if *settled {
            if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
                let _ = perf.mark("app-settled");
            }
            // The panels and dialogs loaded on demand, fetched now the first screen is done.
            wasm_bindgen_futures::spawn_local(crate::ui::lazy::prefetch());
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = settled;
    });
    *settled
}

/// Marks the first render for the benchmark (`performance.mark("app-rendered")`) and for
/// tests (`data-app="ready"` on the body).
#[hook]
fn use_rendered_mark() {
    use_effect_with((), |_| {
        #[cfg(target_arch = "wasm32")]
        {
            if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
                let _ = perf.mark("app-rendered");
            }
            let _ = gloo::utils::body().set_attribute("data-app", "ready");
        }
    });
}
