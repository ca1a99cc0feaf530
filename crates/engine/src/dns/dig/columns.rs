//! BIND's column layout for one record or question line, and names as BIND writes them.
//!
//! dig (9.18, without `+multiline`, `+nottl` or `+noclass`) asks BIND's master-file printer
//! for a style whose TTL, class, type and data start at columns 24, 32, 40 and 48, with tab
//! stops every 8 columns. To reach a column the printer always writes at least one
//! character: tabs while they fit, then spaces up to the column. So a short owner is
//! followed by tabs (`api.example.com.\t300\tIN\tA\t...`), and a long one by a single space
//! (`_sip._tcp.api.example.com. 300\tIN\tSRV\t...`). The position counter is set to the column
//! itself, not to where the tabs really end.
//!
//! A question line is printed the same way without the TTL (class at 32, type at 40), and its
//! leading `;` is not counted as a column.

use hickory_proto::op::Query;
use hickory_proto::rr::{Name, Record};

use super::rdata::{class_text, rdata_text, type_text};

/// Where the TTL starts.
pub const TTL_COLUMN: usize = 24;
/// Where the class starts.
pub const CLASS_COLUMN: usize = 32;
/// Where the type starts.
pub const TYPE_COLUMN: usize = 40;
/// Where the record data starts.
pub const RDATA_COLUMN: usize = 48;
/// The width of a tab.
pub const TAB_WIDTH: usize = 8;

/// A line being written, with BIND's idea of the current column.
#[derive(Debug, Default)]
pub struct Line {
    text: String,
    column: usize,
}

impl Line {
    /// Appends text; BIND counts the bytes it wrote.
    pub fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.column += s.len();
    }

    /// Moves to column `to` as BIND's `indent()` does: at least one character, tabs first.
    pub fn indent_to(&mut self, to: usize) {
        let from = self.column;
        let to = to.max(from + 1);
        let tabs = to / TAB_WIDTH - from / TAB_WIDTH;
        let start = if tabs > 0 {
            self.text.extend(std::iter::repeat_n('\t', tabs));
            (to / TAB_WIDTH) * TAB_WIDTH
        } else {
            from
        };
        self.text.extend(std::iter::repeat_n(' ', to - start));
        self.column = to;
    }

    pub fn into_string(self) -> String {
        self.text
    }
}

/// One record as dig prints it in a section: owner, TTL, class, type, data in columns.
pub fn record_line(r: &Record) -> String {
    let mut line = Line::default();
    line.push(&name_text(&r.name));
    line.indent_to(TTL_COLUMN);
    line.push(&r.ttl.to_string());
    line.indent_to(CLASS_COLUMN);
    line.push(&class_text(r.dns_class));
    line.indent_to(TYPE_COLUMN);
    line.push(&type_text(r.record_type()));
    line.indent_to(RDATA_COLUMN);
    line.push(&rdata_text(&r.data));
    line.into_string()
}

/// One question as dig prints it in the QUESTION SECTION: `;name` then class and type.
pub fn question_line(q: &Query) -> String {
    let mut line = Line::default();
    line.push(&name_text(q.name()));
    line.indent_to(CLASS_COLUMN);
    line.push(&class_text(q.query_class()));
    line.indent_to(TYPE_COLUMN);
    line.push(&type_text(q.query_type()));
    format!(";{}", line.into_string())
}

/// A name as BIND writes it (see [`crate::dns::name::text`]).
pub fn name_text(name: &Name) -> String {
    crate::dns::name::text(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::dig::test_util::rec;
    use hickory_proto::rr::RecordType;

    fn n(s: &str) -> Name {
        Name::from_ascii(s).unwrap()
    }

    #[test]
    fn short_owner_is_followed_by_tabs() {
        assert_eq!(
            record_line(&rec("api.example.com. 300 IN A 192.0.2.10")),
            "api.example.com.\t300\tIN\tA\t192.0.2.10"
        );
        assert_eq!(
            record_line(&rec(". 518400 IN NS a.root-servers.net.")),
            ".\t\t\t518400\tIN\tNS\ta.root-servers.net."
        );
        assert_eq!(
            record_line(&rec("example.com. 172800 IN NS ns-1.awsdns-00.com.")),
            "example.com.\t\t172800\tIN\tNS\tns-1.awsdns-00.com."
        );
    }

    #[test]
    fn long_owner_is_followed_by_one_space_and_later_columns_shift() {
        // 26 characters: past the TTL column, so one space; the TTL then ends at 30 and a tab
        // reaches the class column.
        assert_eq!(
            record_line(&rec(
                "_sip._tcp.api.example.com. 300 IN SRV 10 60 5060 sip.api.example.com."
            )),
            "_sip._tcp.api.example.com. 300\tIN\tSRV\t10 60 5060 sip.api.example.com."
        );
        // 28 characters: every later column is reached by a single space until the type.
        assert_eq!(
            record_line(&rec(
                "_def456.acm-validations.aws. 300 IN TXT \"acm-validation-target\""
            )),
            "_def456.acm-validations.aws. 300 IN\tTXT\t\"acm-validation-target\""
        );
    }

    #[test]
    fn question_does_not_count_the_semicolon() {
        let q = Query::query(n("api.example.com."), RecordType::A);
        assert_eq!(question_line(&q), ";api.example.com.\t\tIN\tA");
        let q = Query::query(n("example.com."), RecordType::NS);
        assert_eq!(question_line(&q), ";example.com.\t\t\tIN\tNS");
        let q = Query::query(
            n("a-very-long-label-name-for-column-layout-tests.api.example.com."),
            RecordType::A,
        );
        assert_eq!(
            question_line(&q),
            ";a-very-long-label-name-for-column-layout-tests.api.example.com.\tIN A"
        );
        let q = Query::query(Name::root(), RecordType::NS);
        assert_eq!(question_line(&q), ";.\t\t\t\tIN\tNS");
    }

    #[test]
    fn indent_writes_at_least_one_character() {
        let mut line = Line::default();
        line.push("0123456789012345678901234567");
        line.indent_to(24);
        line.push("x");
        assert_eq!(line.into_string(), "0123456789012345678901234567 x");
        let mut line = Line::default();
        line.push("ab");
        line.indent_to(5);
        assert_eq!(line.into_string(), "ab   ");
    }

    #[test]
    fn names_escape_as_bind_does() {
        assert_eq!(name_text(&Name::root()), ".");
        assert_eq!(name_text(&n("API.Example.com")), "API.Example.com.");
        let odd =
            Name::from_labels(vec![&b"a b"[..], &b"x;y"[..], &b"q\"\\"[..], &[0xc3][..]]).unwrap();
        assert_eq!(name_text(&odd), "a\\032b.x\\;y.q\\\"\\\\.\\195.");
    }
}
