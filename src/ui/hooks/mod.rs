//! The app's hooks: how a component reaches the app state without knowing its plumbing, and
//! the app container's effects, one per file.
//!
//! - [`use_app`]: the state to read, and intention-named methods that change it.
//! - [`use_save`]: the document saved after each change (and the undo stacks on leaving).
//! - [`use_shortcuts`]: the undo and redo keys.
//! - [`use_incoming_link`]: a share link in the address.
//! - [`use_highlighted`]: the zones the diagram marks.
//! - [`use_settled`], [`use_rendered_mark`]: the first screen done, for the deferred panels
//!   and the benchmark.

mod use_app;
mod use_highlighted;
mod use_incoming_link;
mod use_save;
mod use_settled;
mod use_shortcuts;

pub use use_app::{App, use_app};
pub use use_highlighted::use_highlighted;
pub use use_incoming_link::{IncomingLink, use_incoming_link};
pub use use_save::{SAVE_DELAY_MS, use_save};
pub use use_settled::{use_rendered_mark, use_settled};
pub use use_shortcuts::use_shortcuts;
