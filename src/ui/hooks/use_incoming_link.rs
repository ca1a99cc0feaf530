//! [`use_incoming_link`]: a share link in the page's address, at start or pasted later.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use crate::ui::lazy_fn::spawn;
use crate::ui::link_open::{Incoming, open_link};

/// The share link coming in, and what the banner may do with it.
#[derive(Clone, PartialEq)]
pub struct IncomingLink {
    state: UseStateHandle<Option<Rc<Incoming>>>,
    /// The link's text, kept for "Try again" when its inflate code could not be fetched.
    text: Rc<RefCell<Option<String>>>,
    /// Bumped by every new link and every dismissal: an opening that finishes after either
    /// is dropped.
    serial: Rc<Cell<u64>>,
}

impl IncomingLink {
    /// The link shown, if any.
    pub fn get(&self) -> Option<Rc<Incoming>> {
        (*self.state).clone()
    }

    /// Forgets the link (opened or ignored).
    pub fn dismiss(&self) {
        self.serial.set(self.serial.get() + 1);
        self.state.set(None);
    }

    /// Fetches the inflate code again and opens the link kept.
    pub fn retry(&self) {
        let text = self.text.borrow().clone();
        if let Some(text) = text {
            self.open(text);
        }
    }

    /// Opens `text`: shown as being opened, then as read (or its code not fetched).
    fn open(&self, text: String) {
        let serial = self.serial.get() + 1;
        self.serial.set(serial);
        *self.text.borrow_mut() = Some(text.clone());
        self.state.set(Some(Rc::new(Incoming::Opening)));
        let this = self.clone();
        spawn(async move {
            let opened = open_link(&text).await;
            if this.serial.get() == serial {
                this.state.set(Some(Rc::new(opened)));
            }
        });
    }
}

/// The share link in the page's fragment (`#s1.…`), opened or refused: at start, and when a
/// link is pasted into the address bar of the open app (`hashchange`). The fragment is then
/// removed from the address (`history.replaceState`) so a reload does not ask again.
#[hook]
pub fn use_incoming_link() -> IncomingLink {
    fn read() -> Option<String> {
        crate::ui::platform::browser::hash().filter(|h| h.starts_with("#s") && h.contains('.'))
    }
    let at_start = use_memo((), |_| read());
    let incoming = IncomingLink {
        state: use_state(|| at_start.is_some().then(|| Rc::new(Incoming::Opening))),
        text: use_mut_ref(|| None),
        serial: use_memo((), |_| Cell::new(0)),
    };
    {
        let incoming = incoming.clone();
        use_effect_with((), move |_| {
            if let Some(text) = (*at_start).clone() {
                crate::ui::platform::browser::clear_hash();
                incoming.open(text);
            }
            #[cfg(target_arch = "wasm32")]
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    if let Some(text) = read() {
                        incoming.open(text);
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
