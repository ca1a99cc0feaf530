//! Interoperation with what engineers already have: imports into a scenario, exports out of
//! it, and share links. Every function here takes and returns strings (no file system), so
//! the web app calls them offline in the browser and the command line wraps them.
//!
//! - Imports build one [`Edit::Batch`](crate::scenario::edit::Edit) that the app applies as
//!   a single undoable step; building it checks it against the scenario, so an import that
//!   fails changes nothing and says why:
//!   [`import_zone_file`] (a BIND zone file into a hosted zone),
//!   [`import_route53_json`] (`aws route53 list-resource-record-sets` output),
//!   [`import_scenario`] (a whole scenario document, opened as a new document).
//! - Exports: [`export_json`], [`export_zone_files`] (one BIND file per hosted zone),
//!   [`export_folder`] (the zone-folder format), [`terraform`] (HCL as in the article) and
//!   [`aws_cli`] (`create-hosted-zone` and `change-resource-record-sets` commands).
//! - Share links: [`share`] (the scenario and where to look in it, a [`LinkFocus`],
//!   compressed into the URL fragment) and [`open_link`].
//!
//! # Files
//! - `target`: which hosted zone an import goes into (by id or name).
//! - `import_error`: the error every importer returns (file, line, column or JSON path).
//! - `batch`: turns record sets into the one edit, merging or replacing (the Route 53 rules).
//! - `zone_file_import`, `route53_json`, `route53_name`, `alias_address`: the importers.
//! - `zone_files`: per-zone files and the folder; `hcl`: a writer that follows
//!   `terraform fmt`; `terraform`, `tf_names`: the Terraform export; `aws_cli`: the CLI export.
//! - `share`: share links.
//! - `zip`: a ZIP archive of several exported files (one download instead of many).

mod alias_address;
mod aws_cli;
mod batch;
mod hcl;
mod import_error;
mod route53_json;
mod route53_name;
mod route53_text;
mod share;
mod target;
mod terraform;
mod tf_names;
mod zip;
mod zone_file_import;
mod zone_files;

pub use alias_address::documentation_address;
pub use aws_cli::aws_cli;
pub use batch::{Import, ImportMode};
pub use hcl::check_terraform_fmt;
pub use import_error::ImportError;
pub use route53_json::import_route53_json;
pub use route53_name::{Route53NameError, decode_route53_name, encode_route53_name};
pub use route53_text::{decimal_to_octal, octal_to_decimal};
pub use share::{
    LINK_BUDGET, LINK_PREFIX, LinkError, LinkFocus, Shared, encoded_size, inflate_link, open_link,
    read_link, share, unpack_link,
};
pub use target::find_hosted_zone;
pub use terraform::terraform;
pub use zip::zip;
pub use zone_file_import::import_zone_file;
pub use zone_files::{export_folder, export_json, export_zone_files, import_scenario};

/// The largest file an import reads (zone file, Route 53 listing, scenario): 16 MiB, far
/// above any real zone (Route 53 holds at most 10,000 records per zone by default), so a
/// mistaken file is refused before it is read whole.
pub const MAX_IMPORT_BYTES: usize = 16 * 1024 * 1024;

/// The message for a file past [`MAX_IMPORT_BYTES`].
pub fn import_too_large(file: &str) -> String {
    format!(
        "{file} is larger than {} MiB, more than an import reads; is it the right file?",
        MAX_IMPORT_BYTES >> 20
    )
}
