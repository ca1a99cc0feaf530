//! How a reply reaches dig: over UDP when it fits the payload size the query advertised in
//! EDNS (dig 9.18 advertises 1232 octets), else the server sets TC and dig asks again over
//! TCP (it prints `;; Truncated, retrying in TCP mode.`). A TCP message holds at most 65,535
//! octets; a reply larger than that cannot be sent, and BIND 9.18 then answers with TC set
//! and every section empty, over TCP too, rcode unchanged. dig asks ANY over TCP from the
//! start (observed with the oracle: `tests/fixtures/big`).

use hickory_proto::op::Message;
use hickory_proto::rr::RecordType;

use super::dig::{Compression, wire_size};

/// The UDP payload size dig 9.18 advertises in its OPT record (`udp: 1232`).
pub const DIG_UDP_PAYLOAD: usize = 1232;
/// The largest DNS message TCP can carry: its length prefix is 16 bits.
pub const MAX_MESSAGE: usize = 65_535;
/// What dig prints when a UDP reply comes back truncated (with its comments shown).
pub const TRUNCATED_LINE: &str = ";; Truncated, retrying in TCP mode.";

/// How the reply dig shows came.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Transport {
    /// In one UDP datagram.
    #[default]
    Udp,
    /// Over TCP, after a truncated UDP reply.
    TcpAfterTruncation,
    /// Over TCP from the start (dig asks ANY over TCP).
    Tcp,
}

impl Transport {
    /// The protocol dig names on its `;; SERVER:` line.
    pub fn protocol(self) -> &'static str {
        match self {
            Self::Udp => "UDP",
            Self::TcpAfterTruncation | Self::Tcp => "TCP",
        }
    }
}

/// A reply as it arrives, with how it came and its size had it been sent whole.
#[derive(Debug, Clone)]
pub struct Delivery {
    pub message: Message,
    pub transport: Transport,
    /// The size of the full reply on the wire, in octets.
    pub full_size: usize,
    /// Whether the reply was over [`MAX_MESSAGE`] and so sent with TC and nothing in it.
    pub too_big: bool,
}

/// Sends `reply` to a client that advertised `udp_payload` octets: as is when it fits, over
/// TCP when it does not, with TC and empty sections when not even TCP can carry it.
pub fn deliver(reply: Message, compression: Compression, udp_payload: usize) -> Delivery {
    let full_size = wire_size(&reply, compression);
    let any = reply
        .queries
        .first()
        .is_some_and(|q| q.query_type == RecordType::ANY);
    if full_size <= udp_payload && !any {
        return Delivery {
            message: reply,
            transport: Transport::Udp,
            full_size,
            too_big: false,
        };
    }
    let too_big = full_size > MAX_MESSAGE;
    let mut message = reply;
    if too_big {
        message.answers.clear();
        message.authorities.clear();
        message.additionals.clear();
        message.metadata.truncation = true;
    }
    Delivery {
        message,
        transport: if any {
            Transport::Tcp
        } else {
            Transport::TcpAfterTruncation
        },
        full_size,
        too_big,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::rrset::record;
    use hickory_proto::op::{Edns, MessageType, OpCode, Query};
    use hickory_proto::rr::rdata::TXT;
    use hickory_proto::rr::{Name, RData};

    /// A reply with `count` TXT records of `len` octets each.
    fn reply(count: usize, len: usize) -> Message {
        let name = Name::from_ascii("wide.example.com.").unwrap();
        let mut m = Message::new(1, MessageType::Response, OpCode::Query);
        m.add_query(Query::query(name.clone(), RecordType::TXT));
        m.set_edns(Edns::new());
        for i in 0..count {
            let text = format!("{i:05}{}", "x".repeat(len - 5));
            m.answers
                .push(record(name.clone(), 300, RData::TXT(TXT::new(vec![text]))));
        }
        m
    }

    #[test]
    fn a_reply_that_fits_comes_over_udp() {
        let d = deliver(reply(3, 50), Compression::Bind, DIG_UDP_PAYLOAD);
        assert_eq!(d.transport, Transport::Udp);
        assert_eq!(d.message.answers.len(), 3);
        assert!(!d.too_big && !d.message.metadata.truncation);
    }

    #[test]
    fn a_reply_over_the_payload_comes_whole_over_tcp() {
        let d = deliver(reply(100, 60), Compression::Bind, DIG_UDP_PAYLOAD);
        assert_eq!(d.transport, Transport::TcpAfterTruncation);
        assert_eq!(d.message.answers.len(), 100);
        assert!(!d.message.metadata.truncation);
        assert!(d.full_size > DIG_UDP_PAYLOAD && d.full_size <= MAX_MESSAGE);
    }

    #[test]
    fn a_reply_over_65535_octets_is_tc_and_empty() {
        let d = deliver(reply(300, 250), Compression::Bind, DIG_UDP_PAYLOAD);
        assert!(d.too_big && d.full_size > MAX_MESSAGE);
        assert!(d.message.metadata.truncation);
        assert!(d.message.answers.is_empty());
        assert_eq!(d.message.queries.len(), 1);
        assert!(d.message.edns.is_some(), "the OPT record stays");
    }
}
