//! dig's default output for one response, byte for byte as dig 9.18 prints it:
//!
//! ```text
//!
//! ; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> @127.0.10.5 +norec A api.example.com
//! ; (1 server found)
//! ;; global options: +cmd
//! ;; Got answer:
//! ;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 13645
//! ;; flags: qr aa; QUERY: 1, ANSWER: 1, AUTHORITY: 4, ADDITIONAL: 1
//!
//! ;; OPT PSEUDOSECTION:
//! ; EDNS: version: 0, flags:; udp: 1232
//! ;; QUESTION SECTION:
//! ;api.example.com.\t\tIN\tA
//!
//! ;; ANSWER SECTION:
//! api.example.com.\t300\tIN\tA\t192.0.2.10
//!
//! ;; Query time: 0 msec
//! ;; SERVER: 127.0.10.5#53(127.0.10.5) (UDP)
//! ;; WHEN: Sat Nov 28 11:26:47 UTC 2026
//! ;; MSG SIZE  rcvd: 198
//!
//! ```
//!
//! The output starts with an empty line. `; (1 server found)` appears only when the command
//! named a server with `@`. The WARNING line follows the flags when RD was set and RA is not.
//! Sections other than the question appear only when they hold records, each followed by an
//! empty line. The size is that of the message on the wire, compressed as the sending
//! server would (see [`super::size`]).

use std::fmt::Write;
use std::net::Ipv4Addr;

use hickory_proto::op::Message;
use hickory_proto::rr::{Record, RecordType};

use super::DIG_VERSION;
use super::columns::{question_line, record_line};
use super::edns::pseudosection;
use super::header::{flags_line, opcode_text, rcode_name};
use super::size::{Compression, wire_size};
use super::when::when_text;
use crate::dns::transport::{TRUNCATED_LINE, Transport};

/// Where a message came from and how it was asked, for the header and footer lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigContext {
    /// The command line after `dig`, e.g. `NS api.example.com @8.8.8.8`.
    pub args: String,
    /// The address the reply came from.
    pub server_ip: Ipv4Addr,
    /// What dig shows in parentheses after the address: the `@name` typed (without a final
    /// dot, as typed), or the address.
    pub server_name: String,
    /// The simulated clock, seconds since the Unix epoch; shown as the WHEN line in UTC.
    pub when: u64,
    /// The query time dig reports, in milliseconds.
    pub query_time_ms: u32,
    /// How the server compresses names, which decides the MSG SIZE line.
    pub compression: Compression,
    /// How the reply came: over TCP after a truncated UDP reply, dig says so first.
    pub transport: Transport,
}

impl DigContext {
    /// A context for a server given by address (`@8.8.8.8`), which dig also shows as the name.
    pub fn new(args: impl Into<String>, server_ip: Ipv4Addr, when: u64) -> Self {
        Self {
            args: args.into(),
            server_ip,
            server_name: server_ip.to_string(),
            when,
            query_time_ms: 0,
            compression: Compression::Full,
            transport: Transport::Udp,
        }
    }
}

/// The first lines of every dig run: the banner, the server count when `@server` was given,
/// and the global options.
pub fn banner(args: &str) -> String {
    let mut out = String::new();
    if args.is_empty() {
        let _ = writeln!(out, "; <<>> DiG {DIG_VERSION} <<>>");
    } else {
        let _ = writeln!(out, "; <<>> DiG {DIG_VERSION} <<>> {args}");
    }
    if args.split_whitespace().any(|a| a.starts_with('@')) {
        out.push_str("; (1 server found)\n");
    }
    out.push_str(";; global options: +cmd\n");
    out
}

/// dig's display options (`+[no]cmd`, `+[no]comments`, `+[no]question`, `+[no]answer`,
/// `+[no]authority`, `+[no]additional`, `+[no]stats`; `+noall` clears them all). As dig 9.18
/// prints them (captured with the oracle): `cmd` is the empty first line and the banner;
/// `comments` the header lines, the OPT pseudosection, the section titles and the empty
/// line after each section; `stats` the four closing lines and the empty line after them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Display {
    pub cmd: bool,
    pub comments: bool,
    pub question: bool,
    pub answer: bool,
    pub authority: bool,
    pub additional: bool,
    pub stats: bool,
}

impl Default for Display {
    fn default() -> Self {
        Self::all(true)
    }
}

impl Display {
    /// Every part shown (`+all`, dig's default) or none (`+noall`).
    pub fn all(on: bool) -> Self {
        Self {
            cmd: on,
            comments: on,
            question: on,
            answer: on,
            authority: on,
            additional: on,
            stats: on,
        }
    }

    /// The flag a `+[no]NAME` option sets, if NAME is a display option.
    pub fn flag(&mut self, name: &str) -> Option<&mut bool> {
        Some(match name {
            "cmd" => &mut self.cmd,
            "comments" => &mut self.comments,
            "question" => &mut self.question,
            "answer" => &mut self.answer,
            "authority" => &mut self.authority,
            "additional" => &mut self.additional,
            "stats" => &mut self.stats,
            _ => return None,
        })
    }
}

/// dig's default output for `msg`.
pub fn render(msg: &Message, ctx: &DigContext) -> String {
    render_with(msg, ctx, Display::default())
}

/// dig's output for `msg` with these display options.
pub fn render_with(msg: &Message, ctx: &DigContext, show: Display) -> String {
    let mut out = String::new();
    if ctx.transport == Transport::TcpAfterTruncation && show.comments {
        // dig prints it before the retry's output, unless +nocomments.
        out.push_str(TRUNCATED_LINE);
        out.push('\n');
    }
    if show.cmd {
        out.push('\n');
        out.push_str(&banner(&ctx.args));
    }
    if show.comments {
        out.push_str(";; Got answer:\n");
        let _ = writeln!(
            out,
            ";; ->>HEADER<<- opcode: {}, status: {}, id: {}",
            opcode_text(msg.metadata.op_code),
            rcode_name(msg),
            msg.metadata.id
        );
        out.push_str(&flags_line(msg));
        out.push('\n');
        if msg.metadata.recursion_desired && !msg.metadata.recursion_available {
            out.push_str(";; WARNING: recursion requested but not available\n");
        }
        out.push('\n');
        out.push_str(&pseudosection(msg));
    }
    if show.question && !msg.queries.is_empty() {
        if show.comments {
            out.push_str(";; QUESTION SECTION:\n");
        }
        for q in &msg.queries {
            out.push_str(&question_line(q));
            out.push('\n');
        }
        if show.comments {
            out.push('\n');
        }
    }
    for (title, records, shown) in [
        ("ANSWER", &msg.answers, show.answer),
        ("AUTHORITY", &msg.authorities, show.authority),
        ("ADDITIONAL", &msg.additionals, show.additional),
    ] {
        if shown {
            out.push_str(&section(title, records, show.comments));
        }
    }
    if !show.stats {
        return out;
    }
    let _ = writeln!(out, ";; Query time: {} msec", ctx.query_time_ms);
    let _ = writeln!(
        out,
        ";; SERVER: {}#53({}) ({})",
        ctx.server_ip,
        ctx.server_name,
        ctx.transport.protocol()
    );
    let _ = writeln!(out, ";; WHEN: {}", when_text(ctx.when));
    let _ = writeln!(
        out,
        ";; MSG SIZE  rcvd: {}",
        wire_size(msg, ctx.compression)
    );
    out.push('\n');
    out
}

/// A section's title, its records and an empty line (the title and the empty line only with
/// `comments`); nothing when it has no records to print (an OPT record is shown in the
/// pseudosection, never here).
fn section(title: &str, records: &[Record], comments: bool) -> String {
    let lines: Vec<String> = records
        .iter()
        .filter(|r| r.record_type() != RecordType::OPT)
        .map(record_line)
        .collect();
    if lines.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    if comments {
        let _ = writeln!(out, ";; {title} SECTION:");
    }
    for line in lines {
        out.push_str(&line);
        out.push('\n');
    }
    if comments {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::dig::test_util::rec;
    use hickory_proto::op::{Edns, MessageType, OpCode, Query, ResponseCode};
    use hickory_proto::rr::Name;

    fn referral() -> Message {
        let mut msg = Message::new(22743, MessageType::Response, OpCode::Query);
        msg.add_query(Query::query(
            Name::from_ascii("api.example.com.").unwrap(),
            RecordType::NS,
        ));
        for ns in [
            "ns-514.awsdns-00.net.",
            "ns-1538.awsdns-00.co.uk.",
            "ns-2.awsdns-00.com.",
            "ns-1026.awsdns-00.org.",
        ] {
            msg.add_authority(rec(&format!("api.example.com. 172800 IN NS {ns}")));
        }
        let mut edns = Edns::new();
        edns.set_max_payload(1232);
        msg.set_edns(edns);
        msg
    }

    #[test]
    fn referral_matches_dig() {
        let ctx = DigContext {
            args: "@127.0.10.3 +nocookie +norec NS api.example.com".into(),
            server_ip: Ipv4Addr::new(127, 0, 10, 3),
            server_name: "127.0.10.3".into(),
            when: 1_795_865_207,
            query_time_ms: 0,
            transport: Transport::Udp,
            compression: Compression::Bind,
        };
        let expected = "
; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> @127.0.10.3 +nocookie +norec NS api.example.com
; (1 server found)
;; global options: +cmd
;; Got answer:
;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 22743
;; flags: qr; QUERY: 1, ANSWER: 0, AUTHORITY: 4, ADDITIONAL: 1

;; OPT PSEUDOSECTION:
; EDNS: version: 0, flags:; udp: 1232
;; QUESTION SECTION:
;api.example.com.\t\tIN\tNS

;; AUTHORITY SECTION:
api.example.com.\t172800\tIN\tNS\tns-514.awsdns-00.net.
api.example.com.\t172800\tIN\tNS\tns-1538.awsdns-00.co.uk.
api.example.com.\t172800\tIN\tNS\tns-2.awsdns-00.com.
api.example.com.\t172800\tIN\tNS\tns-1026.awsdns-00.org.

;; Query time: 0 msec
;; SERVER: 127.0.10.3#53(127.0.10.3) (UDP)
;; WHEN: Sat Nov 28 11:26:47 UTC 2026
;; MSG SIZE  rcvd: 182

";
        assert_eq!(render(&referral(), &ctx), expected);
    }

    #[test]
    fn warning_when_recursion_was_asked_of_an_authoritative_server() {
        let mut msg = Message::new(7, MessageType::Response, OpCode::Query);
        msg.metadata.recursion_desired = true;
        msg.metadata.response_code = ResponseCode::Refused;
        msg.add_query(Query::query(
            Name::from_ascii("example.com.").unwrap(),
            RecordType::A,
        ));
        let ctx = DigContext::new("A example.com", Ipv4Addr::new(8, 8, 8, 8), 0);
        let text = render(&msg, &ctx);
        assert!(text.starts_with(
            "\n; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> A example.com\n;; global options: +cmd\n"
        ));
        assert!(text.contains(
            ";; ->>HEADER<<- opcode: QUERY, status: REFUSED, id: 7\n\
             ;; flags: qr rd; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 0\n\
             ;; WARNING: recursion requested but not available\n\n\
             ;; QUESTION SECTION:\n;example.com.\t\t\tIN\tA\n\n;; Query time: 0 msec\n"
        ));
        assert!(text.ends_with(
            ";; SERVER: 8.8.8.8#53(8.8.8.8) (UDP)\n\
             ;; WHEN: Thu Jan 01 00:00:00 UTC 1970\n\
             ;; MSG SIZE  rcvd: 29\n\n"
        ));
        msg.metadata.recursion_available = true;
        assert!(!render(&msg, &ctx).contains("WARNING"));
    }

    /// The referral with the display options of `opts` (as dig's `+no...` words).
    fn shown(opts: &str) -> String {
        let mut show = Display::default();
        for opt in opts.split_whitespace() {
            let (on, name) = match opt.strip_prefix("no") {
                Some(name) => (false, name),
                None => (true, opt),
            };
            if name == "all" {
                show = Display::all(on);
            } else {
                *show.flag(name).unwrap() = on;
            }
        }
        let ctx = DigContext::new("NS api.example.com", Ipv4Addr::new(127, 0, 10, 3), 0);
        render_with(&referral(), &ctx, show)
    }

    /// What dig 9.18.49 printed with these options (captured with the oracle against BIND;
    /// the referral's records and header here).
    #[test]
    fn display_options_leave_out_what_dig_leaves_out() {
        let ns = "api.example.com.\t172800\tIN\tNS\tns-514.awsdns-00.net.\n\
                  api.example.com.\t172800\tIN\tNS\tns-1538.awsdns-00.co.uk.\n\
                  api.example.com.\t172800\tIN\tNS\tns-2.awsdns-00.com.\n\
                  api.example.com.\t172800\tIN\tNS\tns-1026.awsdns-00.org.\n";
        let stats = ";; Query time: 0 msec\n;; SERVER: 127.0.10.3#53(127.0.10.3) (UDP)\n\
                     ;; WHEN: Thu Jan 01 00:00:00 UTC 1970\n;; MSG SIZE  rcvd: 179\n\n";
        // +noall +answer: only the answer's records, here none.
        assert_eq!(shown("noall answer"), "");
        assert_eq!(shown("noall authority"), ns);
        assert_eq!(shown("noall question"), ";api.example.com.\t\tIN\tNS\n");
        assert_eq!(shown("noall stats"), stats);
        assert_eq!(
            shown("noall cmd"),
            "\n; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> NS api.example.com\n;; global options: +cmd\n"
        );
        assert_eq!(
            shown("noall comments"),
            ";; Got answer:\n;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 22743\n\
             ;; flags: qr; QUERY: 1, ANSWER: 0, AUTHORITY: 4, ADDITIONAL: 1\n\n\
             ;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n"
        );
        // +nocomments: no titles and no empty lines between the sections.
        assert_eq!(
            shown("nocmd nocomments nostats"),
            format!(";api.example.com.\t\tIN\tNS\n{ns}")
        );
        assert_eq!(
            shown("nocomments"),
            format!(
                "\n; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> NS api.example.com\n;; global options: +cmd\n\
                 ;api.example.com.\t\tIN\tNS\n{ns}{stats}"
            )
        );
        // Each of the others drops its part and nothing else.
        let all = shown("");
        assert_eq!(shown("nocmd"), all.replacen(&shown("noall cmd"), "", 1));
        assert_eq!(shown("nostats"), all.strip_suffix(stats).unwrap());
        assert_eq!(
            shown("noquestion"),
            all.replacen(
                ";; QUESTION SECTION:\n;api.example.com.\t\tIN\tNS\n\n",
                "",
                1
            )
        );
        assert_eq!(shown("all"), all);
    }

    #[test]
    fn banner_lines() {
        assert_eq!(
            banner(""),
            "; <<>> DiG 9.18.49-1~deb12u3-Debian <<>>\n;; global options: +cmd\n"
        );
        assert_eq!(
            banner("@ns-2.awsdns-00.com A api.example.com"),
            "; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> @ns-2.awsdns-00.com A api.example.com\n\
             ; (1 server found)\n;; global options: +cmd\n"
        );
    }

    #[test]
    fn size_follows_the_servers_compression() {
        let msg = referral();
        let mut ctx = DigContext::new("NS api.example.com", Ipv4Addr::new(127, 0, 10, 3), 0);
        assert!(render(&msg, &ctx).contains(";; MSG SIZE  rcvd: 179\n"));
        ctx.compression = Compression::Bind;
        assert!(render(&msg, &ctx).contains(";; MSG SIZE  rcvd: 182\n"));
    }
}
