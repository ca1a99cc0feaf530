//! The browser calls behind imports, exports, share links and embedding: downloads through a
//! Blob URL, the clipboard, the page's location (search and fragment), and reading a picked
//! file. Natively (SSR tests) these do nothing and return `None` or an error.

use super::error::PlatformError;

/// Offers `text` as a download named `name` (a Blob URL on a temporary link, revoked after).
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), PlatformError> {
    #[cfg(target_arch = "wasm32")]
    {
        let parts = wasm_bindgen_futures::js_sys::Array::new();
        parts.push(&wasm_bindgen::JsValue::from_str(text));
        download_parts(name, &format!("{mime};charset=utf-8"), &parts)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (name, mime, text);
        Err(PlatformError::NoBrowser)
    }
}

/// Offers `bytes` (a ZIP archive, say) as a download named `name`.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), PlatformError> {
    #[cfg(target_arch = "wasm32")]
    {
        let parts = wasm_bindgen_futures::js_sys::Array::new();
        parts.push(&wasm_bindgen_futures::js_sys::Uint8Array::from(bytes));
        download_parts(name, mime, &parts)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (name, mime, bytes);
        Err(PlatformError::NoBrowser)
    }
}

#[cfg(target_arch = "wasm32")]
fn download_parts(
    name: &str,
    mime: &str,
    parts: &wasm_bindgen_futures::js_sys::Array,
) -> Result<(), PlatformError> {
    use wasm_bindgen::JsCast;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = gloo::utils::document();
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")?
        .dyn_into()
        .map_err(|_| PlatformError::NotAnAnchor)?;
    a.set_href(&url);
    a.set_download(name);
    a.set_class_name("sr-only");
    let body = gloo::utils::body();
    let _ = body.append_child(&a);
    a.click();
    let _ = body.remove_child(&a);
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Puts `text` on the clipboard; `on_done` hears whether it worked (the Clipboard API needs
/// a secure context and permission, so the caller shows a text field as a fallback).
pub fn copy(text: &str, on_done: impl FnOnce(bool) + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(window) = web_sys::window() else {
            on_done(false);
            return;
        };
        let promise = window.navigator().clipboard().write_text(text);
        wasm_bindgen_futures::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            on_done(ok);
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = text;
        on_done(false);
    }
}

/// `location.search` (`?embed=1&...`), or `None` natively.
pub fn search() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()?.location().search().ok()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// `location.hash` (`#s1.…`), or `None` natively.
pub fn hash() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()?.location().hash().ok()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// The page's address without its fragment (what a share link starts with).
pub fn page_address() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.location().href().ok())
            .map(|h| h.split('#').next().unwrap_or("").to_string())
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        String::new()
    }
}

/// Clears the fragment without adding a history entry or reloading.
pub fn clear_hash() {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window()
        && let Ok(history) = window.history()
    {
        let _ =
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page_address()));
    }
}

/// The markup of the element with this id (`outerHTML`).
pub fn outer_html(id: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        Some(gloo::utils::document().get_element_by_id(id)?.outer_html())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = id;
        None
    }
}

/// Moves the keyboard focus to the element with this id (which scrolls it into view).
pub fn focus(id: &str) {
    #[cfg(target_arch = "wasm32")]
    focus_element(gloo::utils::document().get_element_by_id(id));
    #[cfg(not(target_arch = "wasm32"))]
    let _ = id;
}

/// Focuses an element, if there is one and it can take the focus.
#[cfg(target_arch = "wasm32")]
fn focus_element(el: Option<web_sys::Element>) {
    use wasm_bindgen::JsCast;
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Whether an element with this id is in the page.
pub fn exists(id: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        gloo::utils::document().get_element_by_id(id).is_some()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = id;
        false
    }
}

/// Focuses the first element matching a CSS selector, if any.
pub fn focus_first(selector: &str) {
    #[cfg(target_arch = "wasm32")]
    focus_element(
        gloo::utils::document()
            .query_selector(selector)
            .ok()
            .flatten(),
    );
    #[cfg(not(target_arch = "wasm32"))]
    let _ = selector;
}

/// Scrolls the element with this id into view.
pub fn scroll_to(id: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(el) = gloo::utils::document().get_element_by_id(id) {
        el.scroll_into_view();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = id;
}

/// Brings a panel into view and moves the focus to it (panels carry `tabindex="-1"`).
pub fn reveal(id: &str) {
    scroll_to(id);
    focus(id);
}

/// The markup (`outerHTML`) of the first element matching a CSS selector.
pub fn outer_html_of(selector: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        Some(
            gloo::utils::document()
                .query_selector(selector)
                .ok()??
                .outer_html(),
        )
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = selector;
        None
    }
}

/// Puts a class on the document's root element (`<html>`), for a forced theme.
pub fn set_root_class(class: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.class_list().add_1(class);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = class;
}
