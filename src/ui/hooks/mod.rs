//! The app's hooks: how a component reaches the app state without knowing its plumbing.
//!
//! - [`use_app`]: the state to read, and intention-named methods that change it.

mod use_app;

pub use use_app::{App, use_app};
