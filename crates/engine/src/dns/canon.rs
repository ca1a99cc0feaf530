//! The canonical key of a name (the one home for it): the labels from the root down,
//! lower-cased, each ended by a zero octet; octets 0 and 1 inside a label are written as
//! `1 0` and `1 1`, so that a label's end (a bare 0) sorts before any octet and never occurs
//! inside a label. Byte order of keys is RFC 4034 canonical order (section 6.1), an
//! ancestor's key is a prefix of its descendants' keys, and comparing keys is a memcmp, much
//! faster than comparing `Name`s label by label, case-insensitively.

use hickory_proto::rr::Name;

/// The canonical key of `name`.
pub fn key(name: &Name) -> Vec<u8> {
    let mut out = Vec::with_capacity(name.len() + 1);
    push_key(name, &mut out);
    out
}

/// Appends the canonical key of `name` to `out` (for keys kept in one buffer).
pub fn push_key(name: &Name, out: &mut Vec<u8>) {
    for label in name.iter().rev() {
        for &b in label {
            match b {
                0 | 1 => out.extend([1, b]),
                _ => out.push(b.to_ascii_lowercase()),
            }
        }
        out.push(0);
    }
}

/// The key of the ancestor of a name with `labels` labels, as a prefix of the name's key.
pub fn ancestor(key: &[u8], labels: usize) -> &[u8] {
    if labels == 0 {
        return &key[..0];
    }
    let mut seen = 0;
    let mut i = 0;
    while i < key.len() {
        match key[i] {
            // An escaped octet 0 or 1: the next octet is data, not a label's end.
            1 => i += 1,
            0 => {
                seen += 1;
                if seen == labels {
                    return &key[..=i];
                }
            }
            _ => {}
        }
        i += 1;
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::name::n;

    #[test]
    fn keys_sort_canonically_and_prefix_ancestors() {
        let names = [
            "example.com.",
            "a.example.com.",
            "z.a.example.com.",
            "B.example.com.",
            "ab.example.com.",
            "example.org.",
        ];
        let mut keys: Vec<(Vec<u8>, &str)> = names.iter().map(|s| (key(&n(s)), *s)).collect();
        keys.sort();
        let order: Vec<&str> = keys.iter().map(|(_, s)| *s).collect();
        assert_eq!(
            order,
            [
                "example.com.",
                "a.example.com.",
                "z.a.example.com.",
                "ab.example.com.",
                "B.example.com.",
                "example.org."
            ]
        );
        let k = key(&n("www.api.example.com"));
        assert_eq!(ancestor(&k, 2), key(&n("example.com")).as_slice());
        assert_eq!(ancestor(&k, 0), b"");
        assert_eq!(key(&n("WWW.Example.com")), key(&n("www.example.com.")));
    }

    fn from_labels(labels: &[&[u8]]) -> Name {
        Name::from_labels(labels.iter().copied()).unwrap()
    }

    #[test]
    fn octets_0_and_1_are_escaped() {
        assert_eq!(
            key(&from_labels(&[b"a\x00b", b"com"])),
            b"com\0a\x01\x00b\0"
        );
        assert_eq!(key(&from_labels(&[b"\x01", b"com"])), b"com\0\x01\x01\0");
        // An octet 0 inside a label is not a label's end: no false ancestor, no false prefix.
        let k = key(&from_labels(&[b"x", b"a\x00", b"com"]));
        assert_eq!(
            ancestor(&k, 2),
            key(&from_labels(&[b"a\x00", b"com"])).as_slice()
        );
        assert!(
            !key(&from_labels(&[b"a\x00b", b"com"]))
                .starts_with(&key(&from_labels(&[b"a", b"com"])))
        );
    }

    #[test]
    fn keys_order_as_names_do_with_octets_0_and_1() {
        let labels: [&[&[u8]]; 14] = [
            &[b"z", b"example"],
            &[b"example"],
            &[b"*", b"z", b"example"],
            &[b"a", b"example"],
            &[b"yljkjljk", b"a", b"example"],
            &[b"Z", b"a", b"example"],
            &[b"zABC", b"a", b"EXAMPLE"],
            &[b"\x01", b"z", b"example"],
            &[b"\xc8", b"z", b"example"],
            &[b"a\x00", b"example"],
            &[b"a\x01", b"example"],
            &[b"a\x02", b"example"],
            &[b"\x00", b"example"],
            &[b"\x01\x00", b"example"],
        ];
        let mut names = labels.map(from_labels);
        let mut by_key = names.clone();
        names.sort();
        by_key.sort_by_key(key);
        assert_eq!(by_key, names);
        assert_eq!(names[0], n("example."));
    }
}
