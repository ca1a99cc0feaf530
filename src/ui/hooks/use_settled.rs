//! [`use_settled`] and [`use_rendered_mark`]: when the first screen is done (the panels below
//! the fold render then, and the lazy modules are prefetched), marked for the benchmark.

use yew::prelude::*;

/// False during the app's first render in the browser, true from the next one on. The panels
/// below the fold (accounts, certificates, diagnostics) render a moment after the hierarchy, the
/// records and the resolve panel, so they do not hold up the first paint. Natively (SSR,
/// tests) everything renders at once. The render that adds them marks `app-settled`
/// (`performance.mark`), which `scripts/bench-web.mjs` times as interactive.
#[hook]
pub fn use_settled() -> bool {
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
pub fn use_rendered_mark() {
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
