//! `dig +trace`: for each response dig received on its way down from the root, the records
//! of its answer and authority sections (never the additional section, the question, the
//! header or the OPT record), then
//! `;; Received N bytes from IP#53(NAME) in T ms` and an empty line.
//!
//! NAME is the name server dig chose from the previous referral, without its final dot
//! (`a.gtld-servers.net`); for the first response it is what was typed after `@`, usually an
//! address. Real dig 9.18 sets the DO bit and sends a cookie in +trace, so its sizes include
//! the server's cookie (28 bytes of OPT option) unless the messages given here carry one too.
//!
//! dig counts two lookups for each response it follows and gives up past 64 (its
//! `LOOKUP_LIMIT`): it prints the records of the 33rd response, then `dig: too many lookups`
//! on stderr, and exits with status 1 (captured from dig 9.18 on a chain of 70 delegations,
//! `tests/fixtures/deep`).

use std::fmt::Write;
use std::net::Ipv4Addr;

use hickory_proto::op::Message;
use hickory_proto::rr::{Name, RecordType};

use super::columns::{name_text, record_line};
use super::full::banner;
use super::size::{Compression, wire_size};

/// One response in a trace and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraceHop {
    pub message: Message,
    pub server_ip: Ipv4Addr,
    /// What dig shows in parentheses: the server's name without the final dot, or the address.
    pub server_name: String,
    /// The time dig reports for this response, in milliseconds.
    pub time_ms: u32,
    /// How the server compresses names, which decides the size dig reports.
    pub compression: Compression,
}

impl TraceHop {
    /// A response from the name server `server_name` (chosen from a referral).
    pub fn new(message: Message, server_ip: Ipv4Addr, server_name: &Name) -> Self {
        let name = name_text(server_name);
        let name = name.strip_suffix('.').unwrap_or(&name).to_string();
        Self {
            message,
            server_ip,
            server_name: if name.is_empty() { ".".into() } else { name },
            time_ms: 0,
            compression: Compression::Full,
        }
    }

    /// The same hop, its size computed for a server that compresses as `compression` says.
    pub fn with_compression(mut self, compression: Compression) -> Self {
        self.compression = compression;
        self
    }

    /// A response from a server given by address (the first hop of `+trace @IP`).
    pub fn from_ip(message: Message, server_ip: Ipv4Addr) -> Self {
        Self {
            message,
            server_ip,
            server_name: server_ip.to_string(),
            time_ms: 0,
            compression: Compression::Full,
        }
    }
}

/// The most responses `dig +trace` prints in full; at the next one it gives up.
pub const TRACE_MAX_RESPONSES: usize = 32;
/// What dig says (on stderr) when it gives up.
pub const TOO_MANY_LOOKUPS: &str = "dig: too many lookups";
/// dig's exit status when it gives up.
pub const TOO_MANY_LOOKUPS_EXIT: i32 = 1;

/// What `dig +trace` prints for `args` (the command line after `dig`) and the responses
/// received, in order; past [`TRACE_MAX_RESPONSES`] it stops as dig does.
pub fn render_trace(args: &str, hops: &[TraceHop]) -> String {
    let mut out = String::from("\n");
    out.push_str(&banner(args));
    for hop in hops.iter().take(TRACE_MAX_RESPONSES) {
        out.push_str(&hop_text(hop));
    }
    if let Some(last) = hops.get(TRACE_MAX_RESPONSES) {
        out.push_str(&hop_records(last));
        out.push_str(TOO_MANY_LOOKUPS);
        out.push('\n');
    }
    out
}

/// Whether dig gives up on a trace of this many responses.
pub fn gives_up(responses: usize) -> bool {
    responses > TRACE_MAX_RESPONSES
}

/// One hop: its records, the Received line and an empty line.
pub fn hop_text(hop: &TraceHop) -> String {
    let mut out = hop_records(hop);
    let _ = writeln!(
        out,
        ";; Received {} bytes from {}#53({}) in {} ms",
        wire_size(&hop.message, hop.compression),
        hop.server_ip,
        hop.server_name,
        hop.time_ms
    );
    out.push('\n');
    out
}

/// One hop's answer and authority records, a line each.
fn hop_records(hop: &TraceHop) -> String {
    let mut out = String::new();
    for r in hop
        .message
        .answers
        .iter()
        .chain(&hop.message.authorities)
        .filter(|r| r.record_type() != RecordType::OPT)
    {
        out.push_str(&record_line(r));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::dig::test_util::rec;
    use hickory_proto::op::{MessageType, OpCode, Query};

    fn n(s: &str) -> Name {
        Name::from_ascii(s).unwrap()
    }

    #[test]
    fn hop_prints_answer_and_authority_not_additional() {
        let mut msg = Message::new(1, MessageType::Response, OpCode::Query);
        msg.add_query(Query::query(n("www.api.example.com."), RecordType::A));
        msg.add_authority(rec("com. 172800 IN NS a.gtld-servers.net."));
        msg.add_additional(rec("a.gtld-servers.net. 172800 IN A 127.0.10.2"));
        let hop = TraceHop::new(msg, Ipv4Addr::new(127, 0, 10, 1), &n("a.root-servers.net."));
        assert_eq!(hop.server_name, "a.root-servers.net");
        assert_eq!(
            hop_text(&hop),
            "com.\t\t\t172800\tIN\tNS\ta.gtld-servers.net.\n\
             ;; Received 85 bytes from 127.0.10.1#53(a.root-servers.net) in 0 ms\n\n"
        );
    }

    #[test]
    fn trace_starts_with_the_banner() {
        let mut msg = Message::new(1, MessageType::Response, OpCode::Query);
        msg.add_query(Query::query(Name::root(), RecordType::NS));
        msg.add_answer(rec(". 518400 IN NS a.root-servers.net."));
        let hops = [TraceHop::from_ip(msg, Ipv4Addr::new(127, 0, 10, 1))];
        assert_eq!(
            render_trace("+trace @127.0.10.1 A www.api.example.com", &hops),
            "\n; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> +trace @127.0.10.1 A www.api.example.com\n\
             ; (1 server found)\n;; global options: +cmd\n\
             .\t\t\t518400\tIN\tNS\ta.root-servers.net.\n\
             ;; Received 48 bytes from 127.0.10.1#53(127.0.10.1) in 0 ms\n\n"
        );
    }
}
