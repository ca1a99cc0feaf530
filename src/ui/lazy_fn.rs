//! Engine functions loaded on demand: code splitting of work that is not a panel.
//!
//! [`super::lazy`] splits off panels; some of the first screen's behaviour also needs engine
//! code most visits never run: the walkthrough's break-it steps are judged by the whole
//! diagnosis, and a share link's scenario is compressed. Each function listed here is a split
//! point on wasm32 with the `split` feature (`scripts/build-web.sh`): its code, and what only
//! it reaches, goes into a module of its own (`pkg/split_*.wasm`), fetched by the first
//! [`LazyFn::load`]. Without the feature (natively, SSR and browser tests) the future is
//! ready at once. A failed fetch is not cached: the caller says so and may call `load` again.

use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;

pub use wasm_split_helpers::SplitLoaderError;
#[cfg(all(target_arch = "wasm32", feature = "split"))]
use wasm_split_helpers::wasm_split;

use crate::scenario::interop::LinkError;
use crate::ui::walkthrough::model::Breakages;

/// What loads a function's module (a split function on wasm32) and returns the function.
pub type Load<F> = fn() -> Pin<Box<dyn Future<Output = Result<F, SplitLoaderError>>>>;

/// One function loaded on demand.
pub struct LazyFn<F: Copy + Send + Sync + 'static> {
    /// Loads the function's module (a split function on wasm32) and returns the function.
    load: Load<F>,
    /// The function, once loaded.
    loaded: OnceLock<F>,
}

impl<F: Copy + Send + Sync + 'static> LazyFn<F> {
    const fn new(load: Load<F>) -> Self {
        Self {
            load,
            loaded: OnceLock::new(),
        }
    }

    /// The function, fetching its module the first time (and again after a failure).
    pub async fn load(&'static self) -> Result<F, SplitLoaderError> {
        if let Some(f) = self.loaded.get() {
            return Ok(*f);
        }
        let f = (self.load)().await?;
        let _ = self.loaded.set(f);
        Ok(f)
    }

    /// The function, if its module is loaded already.
    pub fn get(&self) -> Option<F> {
        self.loaded.get().copied()
    }
}

/// Runs a task: in the browser on the event loop (a module may have to be fetched); natively
/// the split functions are plain calls, so the future is ready at once and runs here.
pub fn spawn(task: impl std::future::Future<Output = ()> + 'static) {
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_futures::spawn_local(task);
    #[cfg(not(target_arch = "wasm32"))]
    {
        let mut task = std::pin::pin!(task);
        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
        let _ = task.as_mut().poll(&mut cx);
    }
}

/// A [`LazyFn`] and its split function (the split module is named after it).
macro_rules! lazy_fn {
    ($(#[$doc:meta])* $name:ident, $split:ident, $fty:ty, $f:expr) => {
        $(#[$doc])*
        pub static $name: LazyFn<$fty> = LazyFn::new(|| Box::pin($split()));

        #[cfg(all(target_arch = "wasm32", feature = "split"))]
        #[wasm_split($split, fallible)]
        fn $split() -> Result<$fty, SplitLoaderError> {
            Ok($f)
        }

        #[cfg(not(all(target_arch = "wasm32", feature = "split")))]
        async fn $split() -> Result<$fty, SplitLoaderError> {
            Ok($f)
        }
    };
}

lazy_fn!(
    /// The walkthrough's break-it steps as the diagnosis sees them (the whole diagnosis).
    WALK_BREAKAGES, walk_breakages, fn(&crate::scenario::Scenario) -> Breakages,
    crate::ui::walkthrough::model::breakages
);

lazy_fn!(
    /// A share link's compressed data unpacked (DEFLATE in a zlib stream).
    INFLATE, inflate, fn(&[u8]) -> Result<Vec<u8>, LinkError>,
    crate::scenario::interop::inflate_link
);
