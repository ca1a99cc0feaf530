//! dig's text: a hickory-proto [`Message`](hickory_proto::op::Message) rendered exactly as
//! BIND 9.18's `dig` prints it (default output and its display options such as `+noall
//! +answer`, `+short`, `+trace`), plus the one-line record
//! form and JSON that the differential-testing oracle uses.
//!
//! The layout was taken from real `dig` 9.18.49 against BIND and Unbound on loopback; the
//! captures and the script that made them are in `tests/fixtures/dig/`, and
//! `tests/dig_golden.rs` rebuilds each captured message with hickory and compares the text
//! byte for byte.
//!
//! - [`columns`]: BIND's tab-stop columns for a record or question line.
//! - [`rdata`]: record data as dig's presentation text (TXT escaping, CAA, SOA, hex, ...).
//! - [`header`]: status, opcode and flag names.
//! - [`edns`]: the OPT PSEUDOSECTION.
//! - [`when`]: the `;; WHEN:` date, computed from simulated seconds.
//! - [`size`]: the reported message size, with BIND's or full name compression.
//! - [`full`]: the default output; [`short`]: `+short`; [`trace`]: `+trace`.
//! - [`json`]: the oracle's record strings and JSON object.

pub mod columns;
pub mod edns;
pub mod full;
pub mod header;
pub mod json;
pub mod rdata;
pub mod short;
pub mod size;
pub mod trace;
pub mod when;

pub use columns::{name_text, question_line, record_line};
pub use full::{DigContext, Display, render, render_with};
pub use header::{flags_text, rcode_name};
pub use json::{record_text, to_json};
pub use rdata::{class_text, rdata_text, type_text};
pub use short::render_short;
pub use size::{Compression, wire_size};
pub use trace::{TraceHop, render_trace};
pub use when::when_text;

/// The version string dig prints in its first line: the BIND the captures came from
/// (Debian 12's bind9-dnsutils).
pub const DIG_VERSION: &str = "9.18.49-1~deb12u3-Debian";

#[cfg(test)]
pub(crate) mod test_util;
