//! The record table's search and filter (pure), as the Route 53 console has them: a part of
//! the record name (any case, with or without the trailing dot) and a record type.

use hickory_proto::rr::RecordType;

use crate::dns::{RecordSet, Zone};

/// What the user filters the record table by.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordQuery {
    /// A part of the record name, as typed.
    pub name: String,
    /// Only record sets of this type.
    pub rtype: Option<RecordType>,
}

impl RecordQuery {
    /// True when it keeps every record set.
    pub fn is_empty(&self) -> bool {
        self.needle().is_empty() && self.rtype.is_none()
    }

    /// The name part as compared: trimmed, lower case, without a trailing dot.
    fn needle(&self) -> String {
        let typed = self.name.trim().to_ascii_lowercase();
        typed.strip_suffix('.').unwrap_or(&typed).to_string()
    }

    /// The record sets of `zone` that match, in the table's order.
    pub fn select<'z>(&self, zone: &'z Zone) -> Vec<&'z RecordSet> {
        let needle = self.needle();
        zone.iter()
            .filter(|set| self.rtype.is_none_or(|t| set.rtype == t))
            .filter(|set| {
                needle.is_empty() || set.name.to_ascii().to_ascii_lowercase().contains(&needle)
            })
            .collect()
    }
}

/// The record types present in `zone`, in numeric order (the type filter's choices).
pub fn types_in(zone: &Zone) -> Vec<RecordType> {
    // A handful of types among thousands of sets: a set of them, not a sort of every set's.
    let types: std::collections::BTreeSet<u16> = zone.iter().map(|s| u16::from(s.rtype)).collect();
    types.into_iter().map(RecordType::from).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::n;
    use crate::dns::rrset::parse_values;

    fn zone() -> Zone {
        let mut z = Zone::new("Z1", n("example.com."));
        for (name, rtype, value) in [
            ("example.com.", RecordType::A, "192.0.2.1"),
            ("www.example.com.", RecordType::A, "192.0.2.2"),
            ("www.example.com.", RecordType::AAAA, "2001:db8::2"),
            ("API.example.com.", RecordType::CNAME, "www.example.com."),
            ("mail.example.com.", RecordType::MX, "10 mx.example.net."),
        ] {
            z.upsert(RecordSet::new(
                n(name),
                rtype,
                300,
                parse_values(rtype, &[value]).unwrap(),
            ));
        }
        z
    }

    fn shown(q: &RecordQuery) -> Vec<String> {
        let z = zone();
        q.select(&z)
            .into_iter()
            .map(|s| format!("{} {}", s.name, s.rtype))
            .collect()
    }

    #[test]
    fn an_empty_query_keeps_every_record_set() {
        let q = RecordQuery::default();
        assert!(q.is_empty());
        assert_eq!(shown(&q).len(), 5);
        assert!(
            RecordQuery {
                name: "  ".into(),
                rtype: None
            }
            .is_empty()
        );
    }

    #[test]
    fn a_name_part_matches_in_any_case_with_or_without_the_trailing_dot() {
        for typed in ["www", "WWW.example.com.", " www.example.com "] {
            let q = RecordQuery {
                name: typed.into(),
                rtype: None,
            };
            assert_eq!(
                shown(&q),
                ["www.example.com. A", "www.example.com. AAAA"],
                "{typed:?}"
            );
        }
        let q = RecordQuery {
            name: "api".into(),
            rtype: None,
        };
        assert_eq!(shown(&q), ["API.example.com. CNAME"]);
    }

    #[test]
    fn a_type_keeps_only_that_type_and_combines_with_the_name() {
        let q = RecordQuery {
            name: String::new(),
            rtype: Some(RecordType::A),
        };
        assert_eq!(shown(&q), ["example.com. A", "www.example.com. A"]);
        let q = RecordQuery {
            name: "www".into(),
            rtype: Some(RecordType::AAAA),
        };
        assert_eq!(shown(&q), ["www.example.com. AAAA"]);
        let q = RecordQuery {
            name: "nothing-here".into(),
            rtype: None,
        };
        assert!(shown(&q).is_empty());
    }

    #[test]
    fn the_type_choices_are_the_types_in_the_zone() {
        assert_eq!(
            types_in(&zone()),
            [
                RecordType::A,
                RecordType::CNAME,
                RecordType::MX,
                RecordType::AAAA
            ]
        );
    }
}
