//! Opening a share link in the browser: its format and base64 checked at once, its compressed
//! data unpacked by the inflate code, which is loaded on demand (`ui::lazy_fn::INFLATE`: only
//! a page opened with a link fetches it), then its scenario read. The full app's banner
//! (`hooks::use_incoming_link`) and the embed show [`Incoming`] while that happens.

use crate::scenario::interop::{LinkError, Shared, read_link, unpack_link};
use crate::ui::lazy_fn::INFLATE;

/// A share link on its way in.
#[derive(Debug, Clone, PartialEq)]
pub enum Incoming {
    /// Its data is being unpacked (the inflate code may be loading).
    Opening,
    /// The inflate code could not be fetched: nothing was read, and it may be tried again.
    LoadFailed,
    /// Opened, or refused with why.
    Read(Box<Result<Shared, LinkError>>),
}

/// Opens a link (the fragment or the whole URL): [`Incoming::Read`] with the link opened or
/// refused, or [`Incoming::LoadFailed`] when the inflate code could not be fetched. A link
/// refused before its data is unpacked (not a link, too new, not base64) needs no fetch.
pub async fn open_link(text: &str) -> Incoming {
    let packed = match unpack_link(text) {
        Ok(packed) => packed,
        Err(e) => return Incoming::Read(Box::new(Err(e))),
    };
    match INFLATE.load().await {
        Ok(inflate) => Incoming::Read(Box::new(inflate(&packed).and_then(|json| read_link(&json)))),
        Err(_) => Incoming::LoadFailed,
    }
}
