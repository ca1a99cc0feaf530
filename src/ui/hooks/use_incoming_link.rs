//! [`use_incoming_link`]: a share link in the page's address, at start or pasted later.

use yew::prelude::*;

/// The share link in the page's fragment (`#s1.…`), opened or refused: at start, and when a
/// link is pasted into the address bar of the open app (`hashchange`). The fragment is then
/// removed from the address (`history.replaceState`) so a reload does not ask again.
#[hook]
pub fn use_incoming_link() -> UseStateHandle<
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
