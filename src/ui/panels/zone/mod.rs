//! The selected zone: its head (name, account, delegation status), its records in a
//! virtualised table with search and filter, and the record dialog, each beside its pure
//! model.
//!
//! - [`panel`]: the panel; [`head`] and [`delegation_status`]: its head.
//! - [`record_table`] with [`record_window`] (the rows in view) and [`record_filter`] with
//!   [`record_query`] (search and filter by name and type).
//! - [`record_dialog`] with [`record_form`] (the fields and their validation) and
//!   [`record_editor`] (the dialog's state and submit).

pub mod delegation_status;
pub mod head;
pub mod panel;
pub mod record_dialog;
pub mod record_editor;
pub mod record_filter;
pub mod record_form;
pub mod record_query;
pub mod record_table;
pub mod record_window;
