//! Share links: the whole scenario and where in it to look ([`LinkFocus`]: a zone, a question
//! as a dig command line, a step of its resolution) in the URL fragment, so opening a link
//! sends nothing to any server.
//!
//! Format: `#s1.` then the compact JSON `{"scenario": …, "view": …}` compressed with
//! DEFLATE in a zlib stream (RFC 1950, whose Adler-32 checksum catches a damaged link) and
//! written in unpadded base64url (RFC 4648 section 5, the characters a fragment keeps as they
//! are). `s1` is the link format's version: a link from a newer format is refused with a
//! message saying so, and so is the scenario inside when its document version is newer.
//!
//! Links are kept within [`LINK_BUDGET`] characters: browsers keep far longer URLs, but chat
//! tools, mail clients and URL fields cut or refuse long ones; past it, share a file instead.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::scenario::{DocumentError, Scenario};

/// What every link of this format starts with (after the `#`).
pub const LINK_PREFIX: &str = "s1.";
/// The longest fragment [`share`] makes, `#` included: 32 KiB.
pub const LINK_BUDGET: usize = 32 * 1024;
/// The most a link may inflate to (a guard against a crafted link).
const MAX_INFLATED: usize = 16 * 1024 * 1024;
const LINK_VERSION: u32 = 1;

/// Where a link points inside its scenario; every part optional. The link's JSON keeps the
/// names of its first format (`view`: `selected_zone`, `query`, `step`, `autoplay`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkFocus {
    /// A hosted zone (or zone) of the scenario, by id.
    #[serde(
        rename = "selected_zone",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub zone: Option<String>,
    /// A question as a dig command line, such as `dig +trace api.example.com`.
    #[serde(rename = "query", default, skip_serializing_if = "Option::is_none")]
    pub dig: Option<String>,
    /// A step of that question's resolution (0-based).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<usize>,
    /// Whether the resolution's steps are to be gone through one by one, unasked.
    #[serde(
        rename = "autoplay",
        default,
        skip_serializing_if = "std::ops::Not::not"
    )]
    pub play: bool,
}

/// An opened link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    pub scenario: Scenario,
    pub focus: Option<LinkFocus>,
}

/// Why a link was not made or not opened.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LinkError {
    #[error(
        "this is not a Delegation Lab share link: the part after # should start with {LINK_PREFIX}"
    )]
    NotALink,
    #[error(
        "this link was made by a newer Delegation Lab (its format is {found}, this one opens s{LINK_VERSION}): open it in the newer version, or ask for the scenario file"
    )]
    TooNew { found: String },
    #[error("this link is damaged or cut short ({0}): copy the whole link again")]
    Damaged(String),
    #[error("the scenario in this link cannot be opened: {0}")]
    Scenario(DocumentError),
    #[error(
        "this scenario makes a link of {chars} characters, more than the {budget} a link may have: share the scenario file instead (Export, JSON)"
    )]
    TooLarge { chars: usize, budget: usize },
}

#[derive(Serialize)]
struct PayloadOut<'a> {
    scenario: &'a Scenario,
    #[serde(rename = "view", skip_serializing_if = "Option::is_none")]
    focus: Option<&'a LinkFocus>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StrictPayload {
    #[allow(dead_code)] // read for its checks (duplicate and unknown keys); the value is the same
    scenario: Scenario,
    #[serde(rename = "view", default)]
    focus: Option<LinkFocus>,
}

#[derive(Deserialize)]
struct PayloadIn {
    scenario: serde_json::Value,
}

/// The fragment (`#s1.…`) for a scenario, whatever its length.
fn encode(s: &Scenario, focus: Option<&LinkFocus>) -> String {
    let json =
        serde_json::to_vec(&PayloadOut { scenario: s, focus }).expect("a scenario serialises");
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(&json, 10);
    let mut out = String::with_capacity(1 + LINK_PREFIX.len() + packed.len() * 4 / 3 + 4);
    out.push('#');
    out.push_str(LINK_PREFIX);
    URL_SAFE_NO_PAD.encode_string(&packed, &mut out);
    out
}

/// The share link's fragment, `#s1.…`, or [`LinkError::TooLarge`] past [`LINK_BUDGET`].
pub fn share(s: &Scenario, focus: Option<&LinkFocus>) -> Result<String, LinkError> {
    let fragment = encode(s, focus);
    if fragment.len() > LINK_BUDGET {
        return Err(LinkError::TooLarge {
            chars: fragment.len(),
            budget: LINK_BUDGET,
        });
    }
    Ok(fragment)
}

/// How many characters the fragment of this scenario has, budget or not.
pub fn encoded_size(s: &Scenario, focus: Option<&LinkFocus>) -> usize {
    encode(s, focus).len()
}

/// Opens a link: the fragment (`#s1.…` or `s1.…`) or the whole URL. The three steps are
/// public so that an app can load the second, [`inflate_link`], only when a link is opened:
/// [`unpack_link`], [`inflate_link`], [`read_link`].
pub fn open_link(text: &str) -> Result<Shared, LinkError> {
    read_link(&inflate_link(&unpack_link(text)?)?)
}

/// A link's compressed data: its format checked, its base64url decoded.
pub fn unpack_link(text: &str) -> Result<Vec<u8>, LinkError> {
    let text = text.trim();
    let fragment = text.rsplit_once('#').map_or(text, |(_, f)| f);
    let Some((version, data)) = fragment.split_once('.') else {
        return Err(LinkError::NotALink);
    };
    let Some(number) = version
        .strip_prefix('s')
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    else {
        return Err(LinkError::NotALink);
    };
    if number != LINK_VERSION.to_string() {
        return match number.parse::<u64>() {
            Ok(n) if n > u64::from(LINK_VERSION) => Err(LinkError::TooNew {
                found: version.to_string(),
            }),
            _ => Err(LinkError::NotALink),
        };
    }
    URL_SAFE_NO_PAD.decode(data).map_err(|e| {
        LinkError::Damaged(match e {
            base64::DecodeError::InvalidByte(at, byte) => format!(
                "{:?} at character {} cannot be in a link",
                char::from(byte),
                at + 1 + 1 + LINK_PREFIX.len()
            ),
            base64::DecodeError::InvalidLength(_) | base64::DecodeError::InvalidLastSymbol(..) => {
                "it ends in the middle of a character group".into()
            }
            base64::DecodeError::InvalidPadding => "it has padding it should not have".into(),
        })
    })
}

/// A link's compressed data unpacked (at most 16 MiB).
pub fn inflate_link(packed: &[u8]) -> Result<Vec<u8>, LinkError> {
    miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(packed, MAX_INFLATED).map_err(|e| {
        LinkError::Damaged(match e.status {
            miniz_oxide::inflate::TINFLStatus::FailedCannotMakeProgress => {
                "its data ends too early".into()
            }
            miniz_oxide::inflate::TINFLStatus::Adler32Mismatch => {
                "its checksum does not match its data".into()
            }
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                format!("it unpacks to more than {} MiB", MAX_INFLATED >> 20)
            }
            _ => "its data is not a compressed scenario".into(),
        })
    })
}

/// A link's unpacked content read: its scenario and where it points.
pub fn read_link(json: &[u8]) -> Result<Shared, LinkError> {
    // Read as text, as a scenario file is: one JSON deserializer in the browser build (a
    // second, over bytes, would copy the scenario's whole reader into the first module).
    let json = std::str::from_utf8(json).map_err(|e| {
        LinkError::Damaged(format!(
            "its content is not a shared scenario: it is not UTF-8 text (byte {})",
            e.valid_up_to() + 1
        ))
    })?;
    let payload: PayloadIn = serde_json::from_str(json)
        .map_err(|e| LinkError::Damaged(format!("its content is not a shared scenario: {e}")))?;
    let scenario =
        Scenario::from_json(&payload.scenario.to_string()).map_err(LinkError::Scenario)?;
    // A JSON value keeps the last of two equal keys, where a scenario file is refused: the
    // link's own text is read as strictly as a file.
    let StrictPayload { focus, .. } = serde_json::from_str(json).map_err(|e| {
        LinkError::Scenario(DocumentError::Damaged {
            path: format!("line {}, column {}", e.line(), e.column()),
            message: e
                .to_string()
                .rsplit_once(" at line ")
                .map_or_else(|| e.to_string(), |(m, _)| m.to_string()),
        })
    })?;
    Ok(Shared { scenario, focus })
}
