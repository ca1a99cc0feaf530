//! `dig +short`: the data of every record in the answer section, one per line, in the order
//! received (so a CNAME chain shows each target, then the addresses). A reply with an empty
//! answer (NXDOMAIN, NODATA, a referral, REFUSED) prints nothing at all.

use hickory_proto::op::Message;
use hickory_proto::rr::RecordType;

use super::rdata::rdata_text;

/// What `dig +short` prints for `msg`.
pub fn render_short(msg: &Message) -> String {
    let mut out = String::new();
    for r in msg
        .answers
        .iter()
        .filter(|r| r.record_type() != RecordType::OPT)
    {
        out.push_str(&rdata_text(&r.data));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::dig::test_util::rec;
    use hickory_proto::op::{MessageType, OpCode, ResponseCode};

    #[test]
    fn cname_chain_then_address() {
        let mut msg = Message::new(1, MessageType::Response, OpCode::Query);
        for line in [
            "a.api.example.com. 60 IN CNAME b.api.example.com.",
            "b.api.example.com. 60 IN CNAME www.api.example.com.",
            "www.api.example.com. 300 IN CNAME api.example.com.",
            "api.example.com. 300 IN A 192.0.2.10",
        ] {
            msg.add_answer(rec(line));
        }
        assert_eq!(
            render_short(&msg),
            "b.api.example.com.\nwww.api.example.com.\napi.example.com.\n192.0.2.10\n"
        );
    }

    #[test]
    fn txt_keeps_its_quotes() {
        let mut msg = Message::new(1, MessageType::Response, OpCode::Query);
        msg.add_answer(rec("api.example.com. 300 IN TXT \"two\" \"strings\""));
        assert_eq!(render_short(&msg), "\"two\" \"strings\"\n");
    }

    #[test]
    fn nothing_without_answers() {
        let mut msg = Message::new(1, MessageType::Response, OpCode::Query);
        msg.metadata.response_code = ResponseCode::NXDomain;
        msg.add_authority(rec(
            "api.example.com. 900 IN SOA ns-2.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400",
        ));
        assert_eq!(render_short(&msg), "");
    }
}
