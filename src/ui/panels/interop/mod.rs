//! Getting a scenario in and out: the import, export and share dialogs (loaded on demand,
//! `ui::lazy`), each beside its pure model.
//!
//! - [`import`]: which importer a file goes to, the zone its `$ORIGIN` names, what an
//!   import would leave below a delegation; [`import_form`]: the dialog's draft and preview;
//!   [`import_check`]: the check behind a paint, as hooks; [`import_picked`]: the file
//!   picker; [`import_target`]: the kind and hosted zone; [`import_status`]: progress,
//!   preview and warnings; [`import_dialog`]: the dialog.
//! - [`export`]: the kinds of export and their files, the diagram as SVG;
//!   [`export_dialog`]: the dialog.
//! - [`share_dialog`]: the share link and, below it, [`embed_code`] (the `<iframe>` for docs).

pub mod embed_code;
pub mod export;
pub mod export_dialog;
pub mod import;
pub mod import_check;
pub mod import_dialog;
pub mod import_form;
pub mod import_picked;
pub mod import_status;
pub mod import_target;
pub mod share_dialog;
