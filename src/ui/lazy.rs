//! Panels loaded on demand: code splitting of the web build.
//!
//! On wasm32 each panel listed here is a split point (`wasm_split_helpers`'s
//! `#[wasm_split]`): `scripts/build-web.sh` runs `wasm_split_cli` on the linked wasm, which
//! moves the code only that panel reaches into a module of its own (`pkg/split_*.wasm`),
//! fetched the first time the panel renders (or earlier, by [`prefetch`], once the first
//! screen is idle). Natively (SSR, tests) the split functions are plain calls.
//!
//! [`Lazy`] renders one of them: inside a Yew `Suspense` whose fallback keeps the panel's
//! place and height (`.lazy-fallback` in `www/style.css`); a failed fetch says so with a
//! "Try again" button (a failed load is not cached, so the next attempt fetches again), and
//! the rest of the page keeps working.

use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use wasm_split_helpers::{SplitLoaderError, wasm_split};
use yew::prelude::*;
use yew::suspense::Suspension;

use super::panels::certificates::{CertificatesPanel, CertificatesPanelProps};

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

    /// Loads the module now (no-op once loaded); true when it is there.
    pub async fn preload(&'static self) -> bool {
        if self.loaded.get().is_some() {
            return true;
        }
        match (self.load)().await {
            Ok(view) => {
                let _ = self.loaded.set(view);
                self.failed.store(false, Ordering::Relaxed);
                true
            }
            Err(_) => {
                self.failed.store(true, Ordering::Relaxed);
                false
            }
        }
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
    let module = props.module;
    let fallback = html! {
        <section class="panel lazy-fallback" id={module.id} data-lazy={module.id} aria-busy="true">
            <p class="lazy-status">{ format!("Loading {}…", module.label) }</p>
        </section>
    };
    html! {
        <Suspense {fallback}>
            <LazyBody<P> module={module} props={props.props.clone()} />
        </Suspense>
    }
}

#[function_component]
fn LazyBody<P: Properties + PartialEq + Clone + 'static>(props: &LazyProps<P>) -> HtmlResult {
    let module = props.module;
    let update = use_force_update();
    if let Some(view) = module.view() {
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
    Err(Suspension::from_future(async move {
        module.preload().await;
    })
    .into())
}

/// Loads every module after the first screen, one after the other, so that opening a panel
/// later finds its code there. Failures are left for the panel to report when it opens.
pub async fn prefetch() {
    let _ = CERTIFICATES.preload().await;
}

/// The certificates panel (ACM).
pub static CERTIFICATES: LazyModule<CertificatesPanelProps> =
    LazyModule::new("certificates-panel", "the certificates panel", || {
        Box::pin(certificates())
    });

#[wasm_split(certificates, fallible)]
fn certificates() -> Result<View<CertificatesPanelProps>, SplitLoaderError> {
    Ok(|props| html! { <CertificatesPanel on_highlight={props.on_highlight.clone()} /> })
}
