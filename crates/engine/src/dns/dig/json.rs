//! The record strings and the JSON object of the differential-testing oracle
//! (`/work/shared/oracle`), so a simulated reply can be compared with a real one line by line.
//!
//! The oracle splits each record line dig prints into owner, TTL, class, type and data and
//! joins them with single spaces (`"api.example.com. 300 IN A 192.0.2.10"`); spaces inside
//! the data stay as dig printed them. Each section is sorted, so a CNAME chain is not in
//! chain order, and the OPT record is left out.

use hickory_proto::op::Message;
use hickory_proto::rr::{Record, RecordType};
use serde_json::{Value, json};

use super::columns::name_text;
use super::header::rcode_name;
use super::rdata::{class_text, rdata_text, type_text};

/// One record as the oracle writes it: `owner ttl class type rdata`, single spaces.
pub fn record_text(r: &Record) -> String {
    let mut text = format!(
        "{} {} {} {}",
        name_text(&r.name),
        r.ttl,
        class_text(r.dns_class),
        type_text(r.record_type())
    );
    let data = rdata_text(&r.data);
    let data = data.trim();
    if !data.is_empty() {
        text.push(' ');
        text.push_str(data);
    }
    text
}

/// A section's records as sorted oracle strings, without OPT.
pub fn section_texts(records: &[Record]) -> Vec<String> {
    let mut texts: Vec<String> = records
        .iter()
        .filter(|r| r.record_type() != RecordType::OPT)
        .map(record_text)
        .collect();
    texts.sort();
    texts
}

/// The oracle's object for a direct query:
/// `{"rcode": "NOERROR", "aa": false, "answer": [..], "authority": [..], "additional": [..]}`.
pub fn to_json(msg: &Message) -> Value {
    json!({
        "rcode": rcode_name(msg),
        "aa": msg.metadata.authoritative,
        "answer": section_texts(&msg.answers),
        "authority": section_texts(&msg.authorities),
        "additional": section_texts(&msg.additionals),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::dig::test_util::rec;
    use hickory_proto::op::{MessageType, OpCode, ResponseCode};

    #[test]
    fn record_text_is_the_oracle_format() {
        assert_eq!(
            record_text(&rec("api.example.com. 300 IN A 192.0.2.10")),
            "api.example.com. 300 IN A 192.0.2.10"
        );
        assert_eq!(
            record_text(&rec("api.example.com. 300 IN TXT \"a  b\" \"c\"")),
            "api.example.com. 300 IN TXT \"a  b\" \"c\""
        );
    }

    #[test]
    fn json_sorts_sections_like_the_oracle() {
        // The oracle's line for `NS api.example.com @127.0.10.3` in the seed scenario.
        let mut msg = Message::new(1, MessageType::Response, OpCode::Query);
        for ns in [
            "ns-2.awsdns-00.com.",
            "ns-514.awsdns-00.net.",
            "ns-1026.awsdns-00.org.",
            "ns-1538.awsdns-00.co.uk.",
        ] {
            msg.add_authority(rec(&format!("api.example.com. 172800 IN NS {ns}")));
        }
        let expected: Value = serde_json::from_str(
            r#"{"rcode": "NOERROR", "aa": false, "answer": [], "authority": ["api.example.com. 172800 IN NS ns-1026.awsdns-00.org.", "api.example.com. 172800 IN NS ns-1538.awsdns-00.co.uk.", "api.example.com. 172800 IN NS ns-2.awsdns-00.com.", "api.example.com. 172800 IN NS ns-514.awsdns-00.net."], "additional": []}"#,
        )
        .unwrap();
        assert_eq!(to_json(&msg), expected);
    }

    #[test]
    fn nxdomain_json() {
        let mut msg = Message::new(1, MessageType::Response, OpCode::Query);
        msg.metadata.authoritative = true;
        msg.metadata.response_code = ResponseCode::NXDomain;
        msg.add_authority(rec(
            "api.example.com. 900 IN SOA ns-2.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400",
        ));
        assert_eq!(
            to_json(&msg),
            json!({"rcode": "NXDOMAIN", "aa": true, "answer": [], "authority": ["api.example.com. 900 IN SOA ns-2.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400"], "additional": []})
        );
    }
}
