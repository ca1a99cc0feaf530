//! Panels loaded on demand: code splitting of the web build.
//!
//! On wasm32 each panel listed here is a split point (`wasm_split_helpers`'s
//! `#[wasm_split]`): `scripts/build-web.sh` runs `wasm_split_cli` on the linked wasm, which
//! moves the code only that panel reaches into a module of its own (`pkg/split_*.wasm`),
//! fetched the first time the panel renders (or earlier, by [`prefetch`], once the first
//! screen is idle). The split points exist with the `split` feature on wasm32 (what
//! build-web.sh builds); without it (natively, SSR and browser tests, `cargo build`) the
//! panels are plain calls in the one module, rendered in the same pass.
//!
//! [`Lazy`] renders one of them: inside a Yew `Suspense` whose fallback keeps the panel's
//! place and height (`.lazy-fallback` in `www/style.css`); a failed fetch says so with a
//! "Try again" button (a failed load is not cached, so the next attempt fetches again), and
//! the rest of the page keeps working.

use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use wasm_split_helpers::SplitLoaderError;
#[cfg(all(target_arch = "wasm32", feature = "split"))]
use wasm_split_helpers::wasm_split;
use yew::prelude::*;
use yew::suspense::Suspension;

use super::panels::accounts::AccountsPanel;
use super::panels::certificates::{CertificatesPanel, CertificatesPanelProps};
use super::panels::interop::export_dialog::{ExportDialog, ExportDialogProps};
use super::panels::interop::import_dialog::{ImportDialog, ImportDialogProps};
use super::panels::interop::share_dialog::{ShareDialog, ShareDialogProps};
use super::panels::zone::record_dialog::{RecordDialog, RecordDialogProps};
use super::views::diagnostics_panel::{DiagnosticsPanel, DiagnosticsPanelProps};

/// A panel's view, from the module that holds its code.
pub type View<P> = fn(&P) -> Html;

/// The future that loads a panel's module and hands back its view.
pub type LoadFuture<P> = Pin<Box<dyn Future<Output = Result<View<P>, SplitLoaderError>>>>;

/// One panel loaded on demand.
pub struct LazyModule<P: 'static> {
    /// The panel's element id (the fallback takes it, so the jump links still land there).
    pub id: &'static str,
    /// What the fallback and the error say: "the certificates panel".
    pub label: &'static str,
    /// Loads the module (a split function on wasm32) and returns the panel's view.
    pub load: fn() -> LoadFuture<P>,
    /// The view, once loaded.
    loaded: OnceLock<View<P>>,
    /// The last attempt failed (cleared by "Try again").
    failed: AtomicBool,
}

impl<P: 'static> LazyModule<P> {
    pub const fn new(id: &'static str, label: &'static str, load: fn() -> LoadFuture<P>) -> Self {
        Self {
            id,
            label,
            load,
            loaded: OnceLock::new(),
            failed: AtomicBool::new(false),
        }
    }

    /// Loads the module now (no-op once loaded); true when it is there. A failure is left
    /// for the panel to report when it opens (it tries again then).
    pub async fn preload(&'static self) -> bool {
        if self.loaded.get().is_some() {
            return true;
        }
        match (self.load)().await {
            Ok(view) => {
                let _ = self.loaded.set(view);
                true
            }
            Err(_) => false,
        }
    }

    /// Loads the module for a panel shown: a failure is kept for it to report.
    async fn load_shown(&'static self) {
        let loaded = self.preload().await;
        self.failed.store(!loaded, Ordering::Relaxed);
    }

    /// The view, if the module is loaded.
    pub fn view(&self) -> Option<View<P>> {
        self.loaded.get().copied()
    }
}

#[derive(Properties)]
pub struct LazyProps<P: Properties + PartialEq + 'static> {
    pub module: &'static LazyModule<P>,
    /// The panel's own properties.
    pub props: P,
}

impl<P: Properties + PartialEq + 'static> PartialEq for LazyProps<P> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.module, other.module) && self.props == other.props
    }
}

/// A panel loaded on demand: its fallback while the module loads, the panel once it is there.
#[function_component]
pub fn Lazy<P: Properties + PartialEq + Clone + 'static>(props: &LazyProps<P>) -> Html {
    let fallback = fallback(props.module);
    html! {
        <Suspense {fallback}>
            <LazyBody<P> module={props.module} props={props.props.clone()} />
        </Suspense>
    }
}

/// What stands in for the panel while its module loads.
fn fallback<P>(module: &LazyModule<P>) -> Html {
    html! {
        <section class="panel lazy-fallback" id={module.id} data-lazy={module.id} aria-busy="true">
            <p class="lazy-status">{ format!("Loading {}…", module.label) }</p>
        </section>
    }
}

#[function_component]
fn LazyBody<P: Properties + PartialEq + Clone + 'static>(props: &LazyProps<P>) -> HtmlResult {
    let module = props.module;
    let update = use_force_update();
    // This body suspended while its module loaded; and a task has passed since it resumed.
    // Suspense renders a resumed body before moving it into the page, so the panel itself
    // comes one task later: its effects (a dialog's `showModal`, focus) need it attached.
    let waited = use_mut_ref(|| false);
    let attached = use_state(|| false);
    {
        let (waited, attached) = (waited.clone(), attached.clone());
        use_effect_with(module.view().is_some(), move |loaded| {
            if *loaded && *waited.borrow() && !*attached {
                #[cfg(target_arch = "wasm32")]
                gloo::timers::callback::Timeout::new(0, move || attached.set(true)).forget();
                #[cfg(not(target_arch = "wasm32"))]
                attached.set(true);
            }
        });
    }
    // Without the split (natively, in SSR and browser tests) a split function is a plain
    // call: its future is ready at once, and the panel renders in the same pass.
    #[cfg(not(all(target_arch = "wasm32", feature = "split")))]
    if module.view().is_none() {
        let mut load = (module.load)();
        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
        if let std::task::Poll::Ready(Ok(view)) = load.as_mut().poll(&mut cx) {
            let _ = module.loaded.set(view);
        }
    }
    if let Some(view) = module.view() {
        if *waited.borrow() && !*attached {
            return Ok(fallback(module));
        }
        return Ok(view(&props.props));
    }
    if module.failed.load(Ordering::Relaxed) {
        let retry = Callback::from(move |_: MouseEvent| {
            module.failed.store(false, Ordering::Relaxed);
            update.force_update();
        });
        return Ok(html! {
            <section class="panel lazy-fallback lazy-failed" id={module.id} data-lazy={module.id}>
                <p class="lazy-status" role="alert">
                    { format!("Could not load {} (the network may be down).", module.label) }
                </p>
                <button type="button" class="btn btn-secondary lazy-retry" onclick={retry}>{ "Try again" }</button>
            </section>
        });
    }
    *waited.borrow_mut() = true;
    Err(Suspension::from_future(async move {
        module.load_shown().await;
    })
    .into())
}

/// Loads every module after the first screen, one after the other, so that opening a panel
/// or a dialog later finds its code there. Failures are left for the panel to report when
/// it opens (it tries again then).
pub async fn prefetch() {
    let _ = RECORD_DIALOG.preload().await;
    let _ = CERTIFICATES.preload().await;
    let _ = ACCOUNTS.preload().await;
    let _ = DIAGNOSTICS.preload().await;
    // The walkthrough's diagnosis (its code is mostly the diagnostics panel's, shared).
    let _ = super::lazy_fn::WALK_BREAKAGES.load().await;
    let _ = IMPORT.preload().await;
    let _ = EXPORT.preload().await;
    let _ = SHARE.preload().await;
}

/// A [`LazyModule`] and its split function (the split module is named after it).
macro_rules! lazy_module {
    ($(#[$doc:meta])* $name:ident, $split:ident, $props:ty, $id:literal, $label:literal,
     |$p:ident| $view:expr) => {
        $(#[$doc])*
        pub static $name: LazyModule<$props> =
            LazyModule::new($id, $label, || Box::pin($split()));

        #[cfg(all(target_arch = "wasm32", feature = "split"))]
        #[wasm_split($split, fallible)]
        fn $split() -> Result<View<$props>, SplitLoaderError> {
            Ok(|$p| $view)
        }

        #[cfg(not(all(target_arch = "wasm32", feature = "split")))]
        async fn $split() -> Result<View<$props>, SplitLoaderError> {
            Ok(|$p| $view)
        }
    };
}

lazy_module!(
    /// The certificates panel (ACM).
    CERTIFICATES, certificates, CertificatesPanelProps, "certificates-panel",
    "the certificates panel",
    |props| html! { <CertificatesPanel on_highlight={props.on_highlight.clone()} /> }
);

lazy_module!(
    /// The accounts panel: accounts, hosted zones, the registry's NS.
    ACCOUNTS, accounts, (), "accounts-panel", "the accounts panel",
    |_props| html! { <AccountsPanel /> }
);

lazy_module!(
    /// The diagnostics panel (the checks and their explanations).
    DIAGNOSTICS, diagnostics, DiagnosticsPanelProps, "diagnostics-panel",
    "the diagnostics panel",
    |props| html! { <DiagnosticsPanel on_flagged={props.on_flagged.clone()} /> }
);

lazy_module!(
    /// The import dialog (scenario JSON, zone files).
    IMPORT, import_dialog, ImportDialogProps, "import-dialog-lazy", "the import dialog",
    |props| html! { <ImportDialog on_close={props.on_close.clone()} /> }
);

lazy_module!(
    /// The export dialog (JSON, Terraform, AWS CLI, zone folder, diagram).
    EXPORT, export_dialog, ExportDialogProps, "export-dialog-lazy", "the export dialog",
    |props| html! { <ExportDialog on_close={props.on_close.clone()} /> }
);

lazy_module!(
    /// The add/edit record-set dialog (the form; its checks run in the zone panel).
    RECORD_DIALOG, record_dialog, RecordDialogProps, "record-dialog-lazy", "the record form",
    |props| html! { <RecordDialog ..props.clone() /> }
);

lazy_module!(
    /// The share dialog (links and embed code).
    SHARE, share_dialog, ShareDialogProps, "share-dialog-lazy", "the share dialog",
    |props| html! { <ShareDialog on_close={props.on_close.clone()} /> }
);
