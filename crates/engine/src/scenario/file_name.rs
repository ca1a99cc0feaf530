//! File names and archive entry names made safe by construction. Exports name files after
//! zones (`example.com.zone`), and a zone's name comes from a document, a share link or a
//! zone folder, so it may hold any character a DNS label can: `/`, `\`, `:`, control
//! characters. Written as they are, such names would leave the export's folder or the ZIP
//! archive (path traversal, "zip slip"). Here every character outside letters, digits and
//! `-_.~` is written `%XX` (its UTF-8 bytes, as in URLs), which [`decode_component`] reads
//! back, and a component is never empty, `.` or `..`.

/// Whether `b` is written as it is in a file name.
fn kept(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~')
}

/// `text` as one safe path component (no separator, never `.` or `..`).
pub fn component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if kept(b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    if out.is_empty() || out.bytes().all(|b| b == b'.') {
        out = out.replace('.', "%2E");
        if out.is_empty() {
            out.push_str("%00");
        }
    }
    out
}

/// Reads back a [`component`]: `%XX` escapes become their bytes; `None` when an escape is
/// malformed or the bytes are not UTF-8. Names without `%` are returned as they are.
pub fn decode_component(name: &str) -> Option<String> {
    if !name.contains('%') {
        return Some(name.to_string());
    }
    let bytes = name.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = name.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Whether `name` is one component as [`component`] writes them.
pub fn is_safe_component(name: &str) -> bool {
    !name.is_empty()
        && name.bytes().all(|b| kept(b) || b == b'%')
        && name.bytes().any(|b| b != b'.')
}

/// A relative path (`zones/example.com.zone`) whose every `/`-separated part is a safe
/// component: parts that are not are rewritten by [`component`], so the path stays inside
/// the folder or archive it is written to.
pub fn relative_path(path: &str) -> String {
    path.split('/')
        .map(|part| {
            if is_safe_component(part) {
                part.to_string()
            } else {
                component(part)
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_are_kept() {
        assert_eq!(component("example.com"), "example.com");
        assert_eq!(component("example.com~Z0222"), "example.com~Z0222");
        assert_eq!(
            relative_path("zones/_acme.example.com.zone"),
            "zones/_acme.example.com.zone"
        );
    }

    #[test]
    fn separators_and_dot_dot_never_survive() {
        assert_eq!(component("../../../../x"), "..%2F..%2F..%2F..%2Fx");
        assert_eq!(component(".."), "%2E%2E");
        assert_eq!(component(""), "%00");
        assert_eq!(component("a\\b:c\n"), "a%5Cb%3Ac%0A");
        assert_eq!(relative_path("../../x.zone"), "%2E%2E/%2E%2E/x.zone");
        assert_eq!(relative_path("/etc/passwd"), "%00/etc/passwd");
        for text in [
            "../../../../x",
            "/tmp/x",
            "a\\..\\b",
            "..",
            ".",
            "é/è",
            "%41",
        ] {
            let c = component(text);
            assert!(is_safe_component(&c), "{c}");
            assert_eq!(decode_component(&c).as_deref(), Some(text), "{c}");
        }
    }

    #[test]
    fn malformed_escapes_are_refused() {
        assert_eq!(decode_component("a%4"), None);
        assert_eq!(decode_component("a%zz"), None);
        assert_eq!(decode_component("%FF"), None);
    }
}
