//! The end of a resolution: what the client is told (rcode, answer, authority), the message
//! it receives, and the reason in words.

use hickory_proto::op::{Edns, Message, MessageType, OpCode, Query, ResponseCode};
use hickory_proto::rr::Record;
use serde::{Deserialize, Serialize};

use crate::dns::answer::Question;

/// How a resolution ended, as a user sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum OutcomeKind {
    /// NOERROR with records.
    Answer,
    /// NOERROR with no records of the type: the name exists.
    NoData,
    /// The name does not exist.
    NxDomain,
    /// The resolver could not get an answer.
    ServFail,
    /// The server asked directly serves no zone for the name.
    Refused,
    /// The server asked directly is not authoritative and points elsewhere.
    Referral,
    /// Nothing answered (a direct query to an address where no server runs).
    NoReply,
}

impl OutcomeKind {
    /// The DNS status a client sees (`NOERROR` for answers, NODATA and referrals).
    pub fn status(self) -> &'static str {
        match self {
            Self::Answer | Self::NoData | Self::Referral => "NOERROR",
            Self::NxDomain => "NXDOMAIN",
            Self::ServFail => "SERVFAIL",
            Self::Refused => "REFUSED",
            Self::NoReply => "no reply",
        }
    }

    /// A short label for people: NODATA is its own thing even though the rcode is NOERROR.
    pub fn label(self) -> &'static str {
        match self {
            Self::Answer => "NOERROR",
            Self::NoData => "NODATA",
            Self::NxDomain => "NXDOMAIN",
            Self::ServFail => "SERVFAIL",
            Self::Refused => "REFUSED",
            Self::Referral => "REFERRAL",
            Self::NoReply => "TIMEOUT",
        }
    }

    pub fn rcode(self) -> ResponseCode {
        match self {
            Self::Answer | Self::NoData | Self::Referral | Self::NoReply => ResponseCode::NoError,
            Self::NxDomain => ResponseCode::NXDomain,
            Self::ServFail => ResponseCode::ServFail,
            Self::Refused => ResponseCode::Refused,
        }
    }
}

/// The result handed to the client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub kind: OutcomeKind,
    /// The whole CNAME chain and the final records, in chain order.
    pub answer: Vec<Record>,
    /// The SOA for NXDOMAIN and NODATA (RFC 2308); empty for positive answers, as Unbound's
    /// minimal responses give.
    pub authority: Vec<Record>,
    /// Why it ended so, in words.
    pub reason: String,
    /// The message the client receives (`None` when nothing answered).
    pub message: Option<Message>,
}

/// Builds the message a recursive resolver sends back: QR RD RA, never AA.
pub fn resolver_message(
    q: &Question,
    id: u16,
    kind: OutcomeKind,
    answer: &[Record],
    authority: &[Record],
) -> Message {
    let mut m = Message::new(id, MessageType::Response, OpCode::Query);
    m.metadata.recursion_desired = true;
    m.metadata.recursion_available = true;
    m.metadata.response_code = kind.rcode();
    m.add_query(Query::query(q.name.clone(), q.rtype));
    m.answers.extend_from_slice(answer);
    m.authorities.extend_from_slice(authority);
    let mut edns = Edns::new();
    edns.set_max_payload(1232);
    m.set_edns(edns);
    m
}
