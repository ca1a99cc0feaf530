//! Canonical keys for names: the labels from the root down, lower-cased, each ended by a
//! zero octet. Byte order of keys is RFC 4034 canonical order, an ancestor's key is a prefix
//! of its descendants' keys, and comparing keys is a memcmp, much faster than comparing
//! `Name`s label by label, case-insensitively.

use hickory_proto::rr::Name;

/// The canonical key of `name`.
pub fn key(name: &Name) -> Vec<u8> {
    let mut out = Vec::with_capacity(name.len() + 1);
    for label in name.iter().rev() {
        out.extend(label.iter().map(u8::to_ascii_lowercase));
        out.push(0);
    }
    out
}

/// The key of the ancestor of a name with `labels` labels, as a prefix of the name's key.
pub fn ancestor(key: &[u8], labels: usize) -> &[u8] {
    if labels == 0 {
        return &key[..0];
    }
    let mut seen = 0;
    for (i, b) in key.iter().enumerate() {
        if *b == 0 {
            seen += 1;
            if seen == labels {
                return &key[..=i];
            }
        }
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
}
