//! How zones are named in a zone folder: the zone key that servers list in `topology.json`,
//! and the file under `zones/` that holds the zone.
//!
//! - The oracle's rule: zone `example.com.` is listed as `"example.com."` and lives in
//!   `zones/example.com.zone`; the root is `"."` in `zones/root.zone`.
//! - Several zones of one origin (Route 53 allows that, each on its own name servers): the
//!   first keeps the plain key, every other one gets a tag: key `example.com.~Z0222`, file
//!   `zones/example.com~Z0222.zone` (`root~b.zone` for the root). A tag is letters, digits,
//!   `-` and `_`. The oracle cannot serve such folders (one BIND zone per origin and server).
//! - An origin holding characters other than letters, digits and `-_.` (a `/` in a label)
//!   is written with `%XX` escapes (`scenario::file_name`), so its file stays in `zones/`.

use hickory_proto::rr::Name;
use thiserror::Error;

use crate::dns::name::{NameError, parse_absolute};
use crate::scenario::file_name;

/// Why a zone key or a zone file's name was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub(crate) enum ZoneKeyError {
    #[error("the tag \"{0}\" after '~' may hold only letters, digits, '-' and '_'")]
    BadTag(String),
    #[error(
        "\"{0}\" has a malformed %XX escape (the export writes characters other than letters, digits and -_. that way)"
    )]
    BadEscape(String),
    #[error("the file name has no origin before \".zone\"")]
    NoOrigin,
    #[error(transparent)]
    BadOrigin(#[from] NameError),
}

/// A zone as the folder names it: its origin, and a tag when the origin has several zones.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct ZoneKey {
    pub origin: Name,
    pub tag: Option<String>,
}

impl std::fmt::Display for ZoneKey {
    /// `example.com.`, `.` or `example.com.~Z0222`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A `~` inside the origin is escaped (`\~`, which reads back as `~`): an unescaped
        // one starts the tag.
        let origin = crate::dns::name::Show(&self.origin).to_string();
        write!(f, "{}", origin.replace('~', "\\~"))?;
        match &self.tag {
            Some(tag) => write!(f, "~{tag}"),
            None => Ok(()),
        }
    }
}

/// Whether `tag` may follow the `~` of a zone key.
pub(crate) fn is_tag(tag: &str) -> bool {
    !tag.is_empty()
        && tag
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Splits a key at its last `~` that no backslash escapes: the origin, then the tag.
fn split_tag(text: &str) -> Option<(&str, &str)> {
    let bytes = text.as_bytes();
    let mut at = None;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'~' => {
                at = Some(i);
                i += 1;
            }
            _ => i += 1,
        }
    }
    at.map(|i| (&text[..i], &text[i + 1..]))
}

fn parse_tag(tag: &str) -> Result<String, ZoneKeyError> {
    if is_tag(tag) {
        Ok(tag.to_string())
    } else {
        Err(ZoneKeyError::BadTag(tag.to_string()))
    }
}

impl ZoneKey {
    pub fn new(origin: Name, tag: Option<String>) -> Self {
        Self { origin, tag }
    }

    /// Reads a key as a server lists it: `example.com.`, `example.com`, `.`, `example.com.~b`.
    pub fn parse(text: &str) -> Result<Self, ZoneKeyError> {
        let (origin, tag) = match split_tag(text) {
            Some((origin, tag)) => (origin, Some(parse_tag(tag)?)),
            None => (text, None),
        };
        let origin = parse_absolute(origin)?;
        Ok(Self { origin, tag })
    }

    /// Reads a key from a file name under `zones/`; `None` when it is not a `.zone` file.
    pub fn from_file_name(file_name: &str) -> Option<Result<Self, ZoneKeyError>> {
        let stem = file_name.strip_suffix(".zone")?;
        let (origin, tag) = match stem.rsplit_once('~') {
            Some((origin, tag)) => match parse_tag(tag) {
                Ok(tag) => (origin, Some(tag)),
                Err(e) => return Some(Err(e)),
            },
            None => (stem, None),
        };
        let Some(origin) = file_name::decode_component(origin) else {
            return Some(Err(ZoneKeyError::BadEscape(origin.to_string())));
        };
        let origin = origin.as_str();
        let origin = if origin == "root" || origin == "root." {
            Ok(Name::root())
        } else if origin.is_empty() {
            Err(ZoneKeyError::NoOrigin)
        } else {
            parse_absolute(origin).map_err(ZoneKeyError::from)
        };
        Some(origin.map(|origin| Self { origin, tag }))
    }

    /// The file name under `zones/`: `example.com.zone`, `root.zone`, `example.com~b.zone`.
    pub fn file_name(&self) -> String {
        let origin = if self.origin.is_root() {
            "root".to_string()
        } else {
            // As BIND writes the name (escapes read back the same), made safe as a file
            // name; `~` escaped too, as it starts the tag.
            let text = crate::dns::name::text(&self.origin);
            file_name::component(text.strip_suffix('.').unwrap_or(&text)).replace('~', "%7E")
        };
        match &self.tag {
            Some(tag) => format!("{origin}~{tag}.zone"),
            None => format!("{origin}.zone"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::n;

    #[test]
    fn keys_and_file_names_match_both_ways() {
        for (key, file) in [
            ("example.com.", "example.com.zone"),
            (".", "root.zone"),
            ("example.com.~Z0222", "example.com~Z0222.zone"),
            (".~b", "root~b.zone"),
        ] {
            let parsed = ZoneKey::parse(key).unwrap();
            assert_eq!(parsed.to_string(), key);
            assert_eq!(parsed.file_name(), file);
            assert_eq!(ZoneKey::from_file_name(file).unwrap().unwrap(), parsed);
        }
        assert_eq!(
            ZoneKey::parse("example.com").unwrap(),
            ZoneKey::new(n("example.com."), None)
        );
        // Found by the zone-folder fuzzer: a `~` inside the origin is escaped in the key, so
        // it is not read back as a tag.
        let key = ZoneKey::new(n("a~b.example.com."), None);
        assert_eq!(key.to_string(), "a\\~b.example.com.");
        assert_eq!(ZoneKey::parse(&key.to_string()).unwrap(), key);
        let tagged = ZoneKey::new(n("a~b.example.com."), Some("Z1".into()));
        assert_eq!(ZoneKey::parse(&tagged.to_string()).unwrap(), tagged);
        assert_eq!(ZoneKey::from_file_name("README.md"), None);
        let e = ZoneKey::from_file_name("a..b.zone").unwrap().unwrap_err();
        assert!(matches!(e, ZoneKeyError::BadOrigin(_)));
        assert_eq!(
            e.to_string(),
            "the name a..b has an empty label (two dots in a row, or a leading dot)"
        );
        assert_eq!(
            ZoneKey::parse("example.com.~a b").unwrap_err(),
            ZoneKeyError::BadTag("a b".into())
        );
        assert_eq!(
            ZoneKey::parse("example.com.~a b").unwrap_err().to_string(),
            "the tag \"a b\" after '~' may hold only letters, digits, '-' and '_'"
        );
        assert_eq!(
            ZoneKey::from_file_name(".zone").unwrap().unwrap_err(),
            ZoneKeyError::NoOrigin
        );
        assert_eq!(
            ZoneKey::from_file_name("a%zz.zone").unwrap().unwrap_err(),
            ZoneKeyError::BadEscape("a%zz".into())
        );
    }
}
