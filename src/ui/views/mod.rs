//! The components. `app` is the container that owns the reducer and the effects; the others
//! take what they show as props and report what the user does through callbacks, so each
//! renders on its own in SSR tests.

pub mod accounts_panel;
pub mod app;
pub mod banner;
pub mod certificates_panel;
pub mod challenges;
pub mod diagnostics_panel;
pub mod diagram;
pub mod header;
pub mod icon;
pub mod jump_nav;
pub mod modal;
pub mod preset_picker;
pub mod record_dialog;
pub mod record_table;
pub mod resolve_area;
pub mod sequence;
pub mod zone_panel;
