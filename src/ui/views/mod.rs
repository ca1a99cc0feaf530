//! The page around the panels, and what several panels share. `app` is the container that
//! owns the reducer and the effects; `root` picks the app or the embed; the header, notices,
//! banners and jump links frame the page; icons, modal dialogs, step lists and controls, the
//! sequence view and account badges are used by several panels (`ui::panels`). Each renders
//! on its own in SSR tests.

pub mod account_badge;
pub mod app;
pub mod banner;
pub mod diagnostics_panel;
pub mod embed;
pub mod header;
pub mod icon;
pub mod jump_nav;
pub mod modal;
pub mod notices;
pub mod preset_picker;
pub mod root;
pub mod sequence;
pub mod shared_link_banner;
pub mod step_controls;
pub mod step_list;
