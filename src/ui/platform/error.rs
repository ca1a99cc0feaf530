//! What a call to the browser can fail with: no window, storage turned off, an exception
//! thrown by a Web API (kept as the text the browser gives it), or no browser at all (the
//! native build). The banner and the dialogs show its text.

use thiserror::Error;

/// Why a call to the browser failed.
#[derive(Debug, Error)]
pub enum PlatformError {
    #[error("no window")]
    NoWindow,
    #[error("the browser's storage is disabled")]
    StorageDisabled,
    /// A Web API threw: the exception as the browser shows it (`QuotaExceededError`, …).
    #[error("{0}")]
    Js(String),
    #[error("not an anchor")]
    NotAnAnchor,
    /// Natively there is no browser to download through.
    #[error("downloads need a browser")]
    NoBrowser,
    /// A value could not be written as JSON.
    #[error(transparent)]
    Json(#[from] serde_json::Error),
}

#[cfg(target_arch = "wasm32")]
impl From<wasm_bindgen::JsValue> for PlatformError {
    fn from(e: wasm_bindgen::JsValue) -> Self {
        PlatformError::Js(format!("{e:?}"))
    }
}
