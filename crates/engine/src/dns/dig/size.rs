//! The size dig reports (`MSG SIZE  rcvd:`, `;; Received N bytes`): the length of the reply
//! on the wire, which depends on how the sending server compresses names.
//!
//! - [`Compression::Full`]: every repeated name suffix becomes a pointer. This is hickory's
//!   encoder (`Message::to_vec`), and it matches what Unbound sends (checked on the
//!   captures of recursive answers).
//! - [`Compression::Bind`]: BIND 9.18's narrower table. A name is looked up whole and without
//!   its first label only, and only those two forms of a written name are remembered; so a
//!   bare TLD (`com.`) is never a pointer target and `ns-2.awsdns-00.com.` after
//!   `api.example.com.` is written in full. Further records of one RRset point at the first
//!   owner (even the root, which costs 2 bytes instead of 1). Names inside SRV and NAPTR data
//!   are never compressed but are remembered. Names are compared case-sensitively, as BIND
//!   does when it renders a response.

use hickory_proto::op::Message;
use hickory_proto::rr::{DNSClass, Name, RData, Record, RecordType};
use hickory_proto::serialize::binary::BinEncodable;

use crate::dns::server::Software;

/// How the server that sent a message compresses names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Compression {
    /// Every repeated suffix is a pointer (hickory, Unbound).
    #[default]
    Full,
    /// BIND 9.18's compression (root and TLD servers run by BIND in the captures).
    Bind,
}

/// The compression of an authoritative server with these habits. Route 53's own
/// compression was not observed (no Route 53 on loopback); it is taken to be full.
impl From<Software> for Compression {
    fn from(software: Software) -> Self {
        match software {
            Software::Bind => Compression::Bind,
            Software::Route53 => Compression::Full,
        }
    }
}

/// The size of `msg` on the wire as the server would have sent it.
pub fn wire_size(msg: &Message, compression: Compression) -> usize {
    match compression {
        Compression::Full => msg.to_vec().map(|v| v.len()).unwrap_or(0),
        Compression::Bind => bind_size(msg),
    }
}

/// The largest offset a compression pointer can hold.
const MAX_POINTER: usize = 0x4000;

/// BIND's compression table: names (as label lists) and where they start.
#[derive(Default)]
struct BindWriter {
    table: Vec<(Vec<Vec<u8>>, usize)>,
    pos: usize,
}

impl BindWriter {
    /// Writes `name` at the current position; `compress` is false for names BIND must not
    /// compress (SRV and NAPTR data). Returns the bytes written.
    fn name(&mut self, name: &Name, compress: bool) -> usize {
        let labels: Vec<Vec<u8>> = name.iter().map(<[u8]>::to_vec).collect();
        let full_len = labels.iter().map(|l| l.len() + 1).sum::<usize>() + 1;
        let offset = self.pos;
        let found = if compress { self.find(&labels) } else { None };
        let written = match found {
            Some(prefix_labels) => {
                let prefix_len: usize = labels[..prefix_labels].iter().map(|l| l.len() + 1).sum();
                if prefix_len + 2 >= full_len {
                    None
                } else {
                    Some((prefix_labels, prefix_len + 2))
                }
            }
            None => None,
        };
        let (remember, size) = match written {
            Some((prefix_labels, size)) => (prefix_labels, size),
            None => (labels.len(), full_len),
        };
        self.add(&labels, remember, offset);
        self.pos += size;
        size
    }

    /// BIND's `dns_compress_find`: the name itself, then without its first label. Returns how
    /// many leading labels must still be written before the pointer.
    fn find(&self, labels: &[Vec<u8>]) -> Option<usize> {
        let with_root = labels.len() + 1;
        let tries = with_root.min(3).saturating_sub(1);
        (0..tries).find(|&skip| {
            self.table
                .iter()
                .any(|(known, at)| *at < MAX_POINTER && known.as_slice() == &labels[skip..])
        })
    }

    /// BIND's `dns_compress_add`: remembers the name and the name without its first label,
    /// but only the forms that start inside the `prefix_labels` written out in full.
    fn add(&mut self, labels: &[Vec<u8>], prefix_labels: usize, offset: usize) {
        let mut at = offset;
        for start in 0..prefix_labels.min(2) {
            if at >= MAX_POINTER {
                break;
            }
            self.table.push((labels[start..].to_vec(), at));
            at += labels[start].len() + 1;
        }
    }

    fn skip(&mut self, bytes: usize) {
        self.pos += bytes;
    }

    fn record(&mut self, r: &Record, same_rrset_as_previous: bool) {
        if same_rrset_as_previous {
            // dns_name_towire2 with the owner's offset: a pointer, whatever the name.
            self.skip(2);
        } else {
            self.name(&r.name, true);
        }
        self.skip(10);
        self.rdata(&r.data);
    }

    fn rdata(&mut self, data: &RData) {
        match data {
            RData::NS(n) => {
                self.name(&n.0, true);
            }
            RData::CNAME(n) => {
                self.name(&n.0, true);
            }
            RData::PTR(n) => {
                self.name(&n.0, true);
            }
            RData::MX(mx) => {
                self.skip(2);
                self.name(&mx.exchange, true);
            }
            RData::SOA(soa) => {
                self.name(&soa.mname, true);
                self.name(&soa.rname, true);
                self.skip(20);
            }
            RData::SRV(srv) => {
                self.skip(6);
                self.name(&srv.target, false);
            }
            RData::NAPTR(n) => {
                self.skip(4 + 3 + n.flags.len() + n.services.len() + n.regexp.len());
                self.name(&n.replacement, false);
            }
            other => {
                let len = BinEncodable::to_bytes(other).map(|b| b.len()).unwrap_or(0);
                self.skip(len);
            }
        }
    }
}

fn bind_size(msg: &Message) -> usize {
    let mut w = BindWriter {
        pos: 12,
        ..BindWriter::default()
    };
    for q in &msg.queries {
        w.name(q.name(), true);
        w.skip(4);
    }
    for section in [&msg.answers, &msg.authorities, &msg.additionals] {
        let mut previous: Option<(&Name, RecordType, DNSClass)> = None;
        for r in section
            .iter()
            .filter(|r| r.record_type() != RecordType::OPT)
        {
            let key = (&r.name, r.record_type(), r.dns_class);
            let same =
                previous.is_some_and(|(n, t, c)| n.eq_case(key.0) && t == key.1 && c == key.2);
            w.record(r, same);
            previous = Some(key);
        }
    }
    if let Some(edns) = &msg.edns {
        let options: usize = edns
            .options()
            .as_ref()
            .iter()
            .map(|(_, o)| 4 + usize::from(o.len()))
            .sum();
        w.skip(11 + options);
    }
    w.pos
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::dig::test_util::rec;
    use hickory_proto::op::{Edns, MessageType, OpCode, Query};

    fn n(s: &str) -> Name {
        Name::from_ascii(s).unwrap()
    }

    fn response(qname: &str, qtype: RecordType) -> Message {
        let mut msg = Message::new(1, MessageType::Response, OpCode::Query);
        msg.add_query(Query::query(n(qname), qtype));
        let mut edns = Edns::new();
        edns.set_max_payload(1232);
        msg.set_edns(edns);
        msg
    }

    #[test]
    fn bind_does_not_point_at_a_bare_tld() {
        // The NXDOMAIN capture: BIND says 136, full compression would give 130.
        let mut msg = response("something.api.example.com.", RecordType::A);
        msg.add_authority(rec(
            "api.example.com. 900 IN SOA ns-2.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400",
        ));
        assert_eq!(wire_size(&msg, Compression::Bind), 136);
        assert_eq!(wire_size(&msg, Compression::Full), 130);
    }

    #[test]
    fn bind_referral_from_the_tld() {
        // The referral-glue capture: 194 bytes from BIND.
        let mut msg = response("example.com.", RecordType::NS);
        for ns in [
            "ns-1.awsdns-00.com.",
            "ns-1537.awsdns-00.co.uk.",
            "ns-1025.awsdns-00.org.",
            "ns-513.awsdns-00.net.",
        ] {
            msg.add_authority(rec(&format!("example.com. 172800 IN NS {ns}")));
        }
        msg.add_additional(rec("ns-1.awsdns-00.com. 172800 IN A 127.0.10.3"));
        assert_eq!(wire_size(&msg, Compression::Bind), 194);
        assert_eq!(wire_size(&msg, Compression::Full), 191);
    }

    #[test]
    fn bind_points_at_the_first_owner_of_an_rrset_even_the_root() {
        let mut msg = response(".", RecordType::NS);
        msg.add_answer(rec(". 518400 IN NS a.root-servers.net."));
        // 12 + 5 + (1 + 10 + 20) + 11
        assert_eq!(wire_size(&msg, Compression::Bind), 59);
        msg.add_answer(rec(". 518400 IN NS b.root-servers.net."));
        // the second owner is a pointer (2), its data "b" + pointer to root-servers.net. (4)
        assert_eq!(wire_size(&msg, Compression::Bind), 59 + 2 + 10 + 4);
    }

    #[test]
    fn software_decides_compression() {
        assert_eq!(Compression::from(Software::Bind), Compression::Bind);
        assert_eq!(Compression::from(Software::Route53), Compression::Full);
    }

    #[test]
    fn srv_target_is_not_compressed() {
        let mut msg = response("_sip._tcp.api.example.com.", RecordType::SRV);
        msg.add_answer(rec(
            "_sip._tcp.api.example.com. 300 IN SRV 10 60 5060 sip.api.example.com.",
        ));
        // 12 + (27 + 4) + (2 + 10 + 6 + 21) + 11
        assert_eq!(wire_size(&msg, Compression::Bind), 93);
    }
}
