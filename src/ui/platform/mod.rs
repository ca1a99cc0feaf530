//! The browser as a platform: what the app keeps and reads outside its own state. Each
//! part works natively too (SSR and unit tests), over an in-memory store or as a no-op.
//!
//! - [`storage`]: the document saved to and restored from localStorage; damaged saves kept
//!   aside under keys of their own.
//! - [`undo_store`]: the undo and redo stacks kept in sessionStorage across a reload.
//! - [`view_store`]: the selected zone and the resolution shown, kept the same way.
//! - [`browser`]: downloads, the clipboard, the page's location, picked files, focus.
//! - [`events`]: the value of the field an event came from.
//! - [`error`]: what a call to the browser can fail with.

pub mod browser;
pub mod error;
pub mod events;
pub mod storage;
pub mod undo_store;
pub mod view_store;
