//! The components. `app` is the container that owns the reducer and the effects; the others
//! take what they show as props and report what the user does through callbacks, so each
//! renders on its own in SSR tests.

pub mod account_badge;
pub mod app;
pub mod banner;
pub mod delegation_status;
pub mod diagnostics_panel;
pub mod diagram;
pub mod diagram_panel;
pub mod diagram_zoom;
pub mod embed;
pub mod header;
pub mod icon;
pub mod jump_nav;
pub mod modal;
pub mod notices;
pub mod preset_picker;
pub mod record_dialog;
pub mod record_filter;
pub mod record_table;
pub mod root;
pub mod sequence;
pub mod shared_link_banner;
pub mod step_controls;
pub mod step_list;
pub mod zone_head;
pub mod zone_panel;
